package dev.micrograd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Java code block on the site is included from a tagged region of real sources, and none came out empty. */
class IncludedCodeTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("^\\[(source)?([%#.][\\w%#.-]*)?,\\s*java\\b.*\\]\\s*$");
    private static final Pattern DELIMITER = Pattern.compile("^(-{4,}|\\.{4,})\\s*$");
    private static final Pattern TAGGED_INCLUDE = Pattern.compile("^include::\\S+\\[.*\\btags?=[^\\]]+\\]\\s*$");
    /** The lines a stage of the lecture's Value adds, cut from the compiled stage by the chapters' build (Stages.excerpt). */
    private static final Pattern STAGE_EXCERPT = Pattern.compile("^include::\\{generated}/lecture/ch\\d\\d-new\\.java\\[]\\s*$");
    private static final Pattern PRE = Pattern.compile("<pre\\b[^>]*>(.*?)</pre>", Pattern.DOTALL);

    static List<Path> sources() {
        return Site.adocSources();
    }

    static List<Path> pages() {
        return Site.pages();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void javaBlocksHoldOnlyTaggedIncludes(Path adoc) {
        List<String> lines = Site.read(Site.sources().resolve(adoc)).lines().collect(Collectors.toList());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!JAVA_BLOCK.matcher(lines.get(i)).matches()) {
                continue;
            }
            int open = i + 1;
            while (open < lines.size() && (lines.get(open).startsWith(".") && !DELIMITER.matcher(lines.get(open)).matches()
                    || lines.get(open).startsWith("["))) {
                open++;
            }
            if (open == lines.size() || !DELIMITER.matcher(lines.get(open)).matches()) {
                problems.add(adoc + ":" + (i + 1) + ": a Java block must be delimited (----) and hold include:: lines");
                continue;
            }
            String delimiter = lines.get(open).strip();
            int close = open + 1;
            while (close < lines.size() && !lines.get(close).strip().equals(delimiter)) {
                String line = lines.get(close);
                if (!TAGGED_INCLUDE.matcher(line).matches() && !STAGE_EXCERPT.matcher(line).matches()) {
                    problems.add(adoc + ":" + (close + 1) + ": not an include of a tagged region: " + line);
                }
                close++;
            }
            if (close == open + 1) {
                problems.add(adoc + ":" + (i + 1) + ": empty Java block");
            }
            i = close;
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void everyJavaBlockOfThePageIsOneTheSourceCheckSaw(Path page) {
        Path adoc = Site.sources().resolve(page.toString().replaceAll("\\.html$", ".adoc"));
        long seen = Site.read(adoc).lines().filter(line -> JAVA_BLOCK.matcher(line).matches()).count();
        long shown = Pattern.compile("data-lang=\"java\"").matcher(Site.read(Site.output().resolve(page))).results().count();
        assertTrue(shown <= seen, page + " shows " + shown + " Java blocks but " + Site.sources().relativize(adoc)
                + " marks only " + seen + " as [source,java]: the others escape the include check");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void noCodeOrOutputBlockIsEmpty(Path page) {
        Matcher m = PRE.matcher(Site.read(Site.output().resolve(page)));
        List<String> empty = new ArrayList<>();
        int blocks = 0;
        while (m.find()) {
            blocks++;
            String text = m.group(1).replaceAll("<[^>]+>", "").replace("&nbsp;", " ").strip();
            if (text.isEmpty()) {
                empty.add("block " + blocks + ": " + m.group(0));
            }
        }
        assertEquals(List.of(), empty, page + " has code or output blocks whose include resolved to nothing");
    }
}
