package dev.micrograd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The site's pictures: each one shows something no other does, and each fits a reading column once scaled. */
class PicturesTest {
    /** The widest picture the site may hold, in CSS pixels. */
    static final double MAX_WIDTH = 1600;
    private static final Pattern SVG_TAG = Pattern.compile("<svg\\b[^>]*>", Pattern.DOTALL);
    private static final Pattern LENGTH = Pattern.compile("^\\s*([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*(px|pt|pc|in|cm|mm)?\\s*$");
    private static final Map<String, Double> PIXELS_PER_UNIT = Map.of(
            "px", 1.0, "pt", 96.0 / 72, "pc", 16.0, "in", 96.0, "cm", 96 / 2.54, "mm", 96 / 25.4);
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** Every SVG and PNG file of the built site, KaTeX's folder aside. */
    static List<Path> pictures() {
        try (Stream<Path> files = Files.walk(Site.output())) {
            List<Path> pictures = files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".svg") || f.toString().endsWith(".png"))
                    .filter(f -> !Site.output().relativize(f).startsWith("katex"))
                    .sorted().collect(Collectors.toList());
            assertTrue(!pictures.isEmpty(), "no pictures in " + Site.output() + ": build the site first");
            return pictures;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noTwoPicturesAreTheSameFile() throws IOException {
        Map<String, List<String>> byContent = new TreeMap<>();
        for (Path picture : pictures()) {
            byContent.computeIfAbsent(sha256(Files.readAllBytes(picture)), k -> new ArrayList<>())
                    .add(Site.output().relativize(picture).toString());
        }
        List<List<String>> same = byContent.values().stream().filter(files -> files.size() > 1).collect(Collectors.toList());
        assertEquals(List.of(), same, "byte-identical pictures: show one, or draw something different in the others");
    }

    @Test
    void noPictureIsWiderThanTheLimit() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path picture : pictures()) {
            String name = Site.output().relativize(picture).toString();
            double width;
            try {
                width = picture.toString().endsWith(".png") ? pngWidth(Files.readAllBytes(picture))
                        : svgWidth(Files.readString(picture, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                problems.add(name + ": " + e.getMessage());
                continue;
            }
            if (width > MAX_WIDTH) {
                problems.add(String.format(java.util.Locale.ROOT, "%s is %.0f px wide", name, width));
            }
        }
        assertEquals(List.of(), problems, "pictures wider than " + (int) MAX_WIDTH + " px, or of unknown width");
    }

    @Test
    void widthsAreReadInCssPixels() {
        assertEquals(2774, svgWidth("<svg width=\"2774px\" height=\"239px\" viewBox=\"0.00 0.00 2773.78 239.00\">"), 1e-9);
        assertEquals(640, svgWidth("<svg xmlns='http://www.w3.org/2000/svg' width='640.00' height='360.00'>"), 1e-9);
        assertEquals(1600, svgWidth("<svg width=\"1200pt\" height=\"10pt\">"), 1e-9);
        assertEquals(812.5, svgWidth("<svg width=\"100%\" viewBox=\"0 0 812.5 90\">"), 1e-9);
        byte[] png = new byte[24];
        System.arraycopy(PNG_SIGNATURE, 0, png, 0, 8);
        ByteBuffer.wrap(png, 12, 12).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(1601).putInt(20);
        assertEquals(1601, pngWidth(png));
    }

    /** The width an SVG is drawn at: its width attribute in CSS pixels, else its viewBox width. */
    static double svgWidth(String svg) {
        Matcher tag = SVG_TAG.matcher(svg);
        if (!tag.find()) {
            throw new IllegalArgumentException("no <svg> element");
        }
        String width = attribute(tag.group(), "width");
        Matcher length = width == null ? null : LENGTH.matcher(width);
        if (length != null && length.matches()) {
            return Double.parseDouble(length.group(1)) * PIXELS_PER_UNIT.get(length.group(2) == null ? "px" : length.group(2));
        }
        String viewBox = attribute(tag.group(), "viewBox");
        if (viewBox != null) {
            String[] box = viewBox.strip().split("[\\s,]+");
            if (box.length == 4) {
                return Double.parseDouble(box[2]);
            }
        }
        throw new IllegalArgumentException("neither a width in absolute units nor a viewBox: " + tag.group());
    }

    /** The width in a PNG's header chunk, which always comes first. */
    static double pngWidth(byte[] png) {
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (png.length < 24 || png[i] != PNG_SIGNATURE[i]) {
                throw new IllegalArgumentException("not a PNG file");
            }
        }
        if (!new String(png, 12, 4, StandardCharsets.US_ASCII).equals("IHDR")) {
            throw new IllegalArgumentException("a PNG whose first chunk is not IHDR");
        }
        return Integer.toUnsignedLong(ByteBuffer.wrap(png, 16, 4).getInt());
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + name + "\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')").matcher(tag);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
