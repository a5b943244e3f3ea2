package dev.micrograd.exercise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A run as JUnit XML, the report GitHub Classroom, GitLab and Jenkins read: one test case per check. */
final class JUnitReport {
    private JUnitReport() {
    }

    static void write(Run run, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, xml(run), StandardCharsets.UTF_8);
    }

    static String xml(Run run) {
        long failures = run.report().failed();
        double seconds = run.millis().stream().mapToLong(Long::longValue).sum() / 1000.0;
        String className = run.id() + "." + run.source().getFileName().toString().replace(".java", "");
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append(String.format(Locale.ROOT, "<testsuites tests=\"%d\" failures=\"%d\" errors=\"0\" time=\"%.3f\">%n",
                run.results().size(), failures, seconds));
        x.append(String.format(Locale.ROOT,
                "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\" time=\"%.3f\">%n",
                escape(run.id() + ": " + run.title()), run.results().size(), failures, run.report().open(), seconds));
        List<String> names = run.results().stream().map(Result::name).toList();
        x.append("    <properties>\n");
        x.append(String.format(Locale.ROOT, "      <property name=\"points\" value=\"%s\"/>%n",
                Points.format(Points.earned(run.id(), run.results()))));
        x.append(String.format(Locale.ROOT, "      <property name=\"points possible\" value=\"%s\"/>%n",
                Points.format(Points.possible(run.id(), names))));
        x.append(String.format(Locale.ROOT, "      <property name=\"isolation\" value=\"%s\"/>%n",
                escape(run.isolation().description())));
        x.append("    </properties>\n");
        for (Result result : run.results()) {
            x.append(String.format(Locale.ROOT, "    <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\"",
                    escape(className), escape(result.name()), run.millis().get(result.number() - 1) / 1000.0));
            String printed = run.printed().get(result.number() - 1);
            x.append(">\n");
            x.append(String.format(Locale.ROOT, "      <properties><property name=\"points\" value=\"%s\"/></properties>%n",
                    Points.format(Points.of(run.id(), result.name()))));
            if (!result.passed() && Points.bonus(result.name())) {
                // An open bonus check is no failure: a student may skip it.
                x.append("      <skipped message=\"").append(escape("bonus check open: " + message(result.details())))
                        .append("\"/>\n");
            } else if (!result.passed()) {
                x.append("      <failure message=\"").append(escape(message(result.details())))
                        .append("\" type=\"check failed\">").append(escape(String.join("\n", result.details())))
                        .append("</failure>\n");
            }
            if (!printed.isEmpty()) {
                x.append("      <system-out>").append(escape(printed)).append("</system-out>\n");
            }
            x.append("    </testcase>\n");
        }
        return x.append("  </testsuite>\n</testsuites>\n").toString();
    }

    /** One line for the failure's message: expected and actual, or the reason. */
    static String message(List<String> details) {
        String expected = field(details, "expected:");
        String actual = field(details, "actual:");
        if (expected != null && actual != null) {
            return "expected " + expected + ", actual " + actual;
        }
        String reason = field(details, "reason:");
        return reason != null ? reason : "failed";
    }

    /** The text of a detail line that starts with {@code label}, or null. */
    static String field(List<String> details, String label) {
        for (String line : details) {
            if (line.startsWith(label)) {
                return line.substring(label.length()).strip();
            }
        }
        return null;
    }

    /** XML text: the five special characters escaped, characters XML 1.0 forbids dropped. */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&apos;");
                default -> {
                    boolean allowed = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                            || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
                    if (allowed) {
                        s.appendCodePoint(c);
                    }
                }
            }
        });
        return s.toString();
    }
}
