package dev.micrograd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every picture's alt text is its whole caption, the text between the brackets of {@code image::file[...]}:
 * a comma or an equals sign in the caption must not cut it into a width or a named attribute.
 */
class ImageCaptionTest {
    private static final Pattern IMAGE_MACRO = Pattern.compile("^image::([^\\[\\s]+)\\[(.*)\\]\\s*$");
    private static final Pattern IMAGE_BLOCK = Pattern.compile(
            "<div[^>]*class=\"imageblock[^\"]*\"[^>]*>\\s*<div class=\"content\">\\s*(?:<a[^>]*>\\s*)?<img\\b([^>]*)>");
    private static final Pattern SRC = Pattern.compile("\\ssrc=\"([^\"]*)\"");
    private static final Pattern ALT = Pattern.compile("\\salt=\"([^\"]*)\"");
    private static final Pattern TRAILING_WIDTH = Pattern.compile(",\\s*width=\"?(\\d+)\"?\\s*(?:,[^,]*)*$");
    /** Block delimiters whose content is not parsed as AsciiDoc blocks. */
    private static final Pattern VERBATIM = Pattern.compile("^(-{4,}|\\.{4,}|/{4,}|\\+{4,})\\s*$");
    /** Asciidoctor's replacements, applied to alt text as to any text. */
    private static final Map<String, String> REPLACEMENTS = Map.of(
            "(C)", "\u00a9", "(R)", "\u00ae", "(TM)", "\u2122", "...", "\u2026\u200b",
            "->", "\u2192", "=>", "\u21d2", "<-", "\u2190", "<=", "\u21d0");

    static List<Path> pages() {
        return Site.pages();
    }

    /** A picture as the source writes it: its file and its caption. */
    record Picture(String target, String caption, String brackets, int line) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void everyAltTextIsTheWholeCaption(Path page) {
        Path adoc = Site.sources().resolve(page.toString().replaceAll("\\.html$", ".adoc"));
        List<Picture> written = pictures(withGeneratedIncludes(Site.read(adoc)));
        Matcher m = IMAGE_BLOCK.matcher(Site.read(Site.output().resolve(page)));
        List<String[]> shown = new ArrayList<>();
        while (m.find()) {
            shown.add(new String[] {attribute(SRC, m.group(1)), Html.decode(attribute(ALT, m.group(1))), m.group(1)});
        }
        assertEquals(written.size(), shown.size(), page + " shows " + shown.size() + " pictures but "
                + Site.sources().relativize(adoc) + " writes " + written.size() + " image:: blocks");
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            Picture picture = written.get(i);
            String where = Site.sources().relativize(adoc) + ":" + picture.line() + " (" + picture.target() + ")";
            if (!shown.get(i)[0].endsWith(picture.target())) {
                problems.add(where + ": picture " + (i + 1) + " of the page is " + shown.get(i)[0]);
            } else if (picture.caption().isBlank()) {
                problems.add(where + ": no caption, so no alt text for readers who cannot see the picture");
            } else if (!Pattern.matches(expectedAlt(picture.caption()), shown.get(i)[1])) {
                problems.add(where + ": alt text \"" + shown.get(i)[1] + "\" is not the caption \"" + picture.caption() + "\"");
            }
            Matcher width = TRAILING_WIDTH.matcher(picture.brackets());
            if (width.find() && !shown.get(i)[2].contains(" width=\"" + width.group(1) + "\"")) {
                problems.add(where + ": the width after the caption was lost: <img" + shown.get(i)[2] + ">");
            }
        }
        assertEquals(List.of(), problems, page + " has pictures whose alt text is not their caption");
    }

    @Test
    void theCaptionRuleKeepsCommasAndEqualsSigns() {
        assertEquals("The graph of L = (a*b + c) * f, drawn from left to right",
                caption("The graph of L = (a*b + c) * f, drawn from left to right"));
        assertEquals("b = a + a: two arrows", caption("b = a + a: two arrows"));
        assertEquals("Step 1, o", caption("\"Step 1, o\",width=600"));
        assertEquals("Loss, and accuracy", caption("Loss, and accuracy, role=chart, width=\"640\""));
        assertEquals("", caption(""));
    }

    /** The source with each include of a generated AsciiDoc fragment (such as a chapter's frames) put in its place. */
    static String withGeneratedIncludes(String adoc) {
        Matcher include = Pattern.compile("(?m)^include::\\{generated\\}/([^\\[]+\\.adoc)\\[\\]\\s*$").matcher(adoc);
        StringBuilder out = new StringBuilder();
        while (include.find()) {
            include.appendReplacement(out, Matcher.quoteReplacement(Site.read(Site.generated().resolve(include.group(1)))));
        }
        return include.appendTail(out).toString();
    }

    /** The block images of an AsciiDoc source, outside listings, literals, comments and passthroughs. */
    static List<Picture> pictures(String adoc) {
        List<String> lines = adoc.lines().collect(Collectors.toList());
        List<Picture> pictures = new ArrayList<>();
        String open = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (VERBATIM.matcher(line).matches()) {
                open = open == null ? line.strip() : open.equals(line.strip()) ? null : open;
                continue;
            }
            Matcher m = IMAGE_MACRO.matcher(line);
            if (open == null && m.matches()) {
                pictures.add(new Picture(m.group(1), caption(m.group(2)), m.group(2), i + 1));
            }
        }
        return pictures;
    }

    /**
     * The caption between the brackets, by the site's rule (see micrograd_site.rb): the whole text, less trailing
     * {@code , name=value} attributes Asciidoctor knows for images; a caption in double quotes is taken as quoted.
     */
    static String caption(String brackets) {
        String text = brackets.strip();
        if (text.startsWith("\"")) {
            Matcher quoted = Pattern.compile("^\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(text);
            return quoted.find() ? quoted.group(1).replace("\\\"", "\"") : text;
        }
        Matcher attribute = Pattern.compile(",\\s*(?:width|height|scaledwidth|role|id|opts|options|align|float|link|window|title|format)"
                + "\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^,\"']*)\\s*$").matcher(text);
        while (attribute.find()) {
            text = text.substring(0, attribute.start()).strip();
            attribute.reset(text);
        }
        return text;
    }

    /** A pattern for the alt text HTML shows for a caption: Asciidoctor's replacements applied, {attributes} open. */
    static String expectedAlt(String caption) {
        StringBuilder pattern = new StringBuilder();
        Matcher reference = Pattern.compile("\\{[\\w-]+\\}").matcher(caption);
        int from = 0;
        while (reference.find()) {
            pattern.append(Pattern.quote(replaced(caption.substring(from, reference.start())))).append(".*?");
            from = reference.end();
        }
        return pattern.append(Pattern.quote(replaced(caption.substring(from)))).toString();
    }

    private static String replaced(String text) {
        String out = text.replaceAll("(\\w)'(\\w)", "$1\u2019$2").replaceAll(" -- ", "\u2009\u2014\u2009")
                .replaceAll("(\\w)--(\\w)", "$1\u2014\u200b$2");
        for (Map.Entry<String, String> r : REPLACEMENTS.entrySet()) {
            out = out.replace(r.getKey(), r.getValue());
        }
        return out;
    }

    private static String attribute(Pattern pattern, String tag) {
        Matcher m = pattern.matcher(tag);
        return m.find() ? m.group(1) : "";
    }
}
