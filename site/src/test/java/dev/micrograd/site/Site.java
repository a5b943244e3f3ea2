package dev.micrograd.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Where the built site and its sources are (set by the build), and the pages in them. */
final class Site {
    /** Folders of the built site that hold assets, not pages. */
    private static final List<String> ASSET_FOLDERS = List.of("katex", "theme", "images");

    private Site() {
    }

    static Path output() {
        return folder("site.output", "target/site");
    }

    static Path sources() {
        return folder("site.sources", "src/docs/asciidoc");
    }

    /** The chapters' outputs the pages include: text, pictures and AsciiDoc fragments. */
    static Path generated() {
        return folder("site.generated", "target/generated");
    }

    static Path screenshots() {
        return Path.of(System.getProperty("site.screenshots", "target/screenshots")).toAbsolutePath().normalize();
    }

    private static Path folder(String property, String fallback) {
        return Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
    }

    /** Every HTML page of the built site, as paths relative to its top folder, in a stable order. */
    static List<Path> pages() {
        Path root = output();
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> pages = files.filter(file -> file.toString().endsWith(".html"))
                    .map(root::relativize)
                    .filter(page -> !ASSET_FOLDERS.contains(page.getName(0).toString()))
                    .sorted()
                    .collect(Collectors.toList());
            if (!pages.contains(Path.of("index.html"))) {
                throw new IllegalStateException("no index.html in " + root + ": build the site first (./mvnw -pl site verify)");
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the site's pages in " + root, e);
        }
    }

    /** Every AsciiDoc source of the site, relative to the sources folder. */
    static List<Path> adocSources() {
        Path root = sources();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".adoc")).map(root::relativize).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the site's sources in " + root, e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The source lines that mention {@code needle}, as {@code file.adoc:line}, so a failure points at the source. */
    static String whereInSources(String needle) {
        List<String> places = new ArrayList<>();
        for (Path adoc : adocSources()) {
            List<String> lines = read(sources().resolve(adoc)).lines().collect(Collectors.toList());
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(needle)) {
                    places.add(adoc + ":" + (i + 1));
                }
            }
        }
        return places.isEmpty() ? "" : " (written at " + String.join(", ", places) + ")";
    }
}
