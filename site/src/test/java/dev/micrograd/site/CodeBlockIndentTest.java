package dev.micrograd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No code block on the site keeps the indentation its lines had inside the file they were included from. */
class CodeBlockIndentTest {
    private static final Pattern CODE = Pattern.compile("<code\\b[^>]*\\bdata-lang=\"([^\"]+)\"[^>]*>(.*?)</code>", Pattern.DOTALL);

    static List<Path> pages() {
        return Site.pages();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void noCodeBlockIsIndentedAsAWhole(Path page) {
        Matcher m = CODE.matcher(Site.read(Site.output().resolve(page)));
        List<String> problems = new ArrayList<>();
        int blocks = 0;
        while (m.find()) {
            blocks++;
            List<String> lines = Html.text(m.group(2)).lines().filter(line -> !line.isBlank()).collect(Collectors.toList());
            if (!lines.isEmpty() && lines.stream().allMatch(CodeBlockIndentTest::startsWithWhitespace)) {
                problems.add(m.group(1) + " block " + blocks + " starts every line with whitespace (add indent=0 to its include): "
                        + lines.get(0) + Site.whereInSources(lines.get(0).strip()));
            }
        }
        assertEquals(List.of(), problems, page + " shows code blocks with leftover indentation");
    }

    static boolean startsWithWhitespace(String line) {
        return line.startsWith(" ") || line.startsWith("\t");
    }
}
