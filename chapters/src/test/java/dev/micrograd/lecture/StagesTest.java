package dev.micrograd.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.lesson.Stages;
import dev.micrograd.lesson.Stages.Stage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each stage of the lecture's Value is the stage before it plus inserted lines, and nothing else. */
class StagesTest {
    // The stages are plain copies, one real class per chapter that a reader can open and run, so this test
    // is what keeps them from drifting: a line edited in one stage but not in the later ones fails it.
    static List<Stage> stages() throws IOException {
        return Stages.read(Path.of(Stages.FOLDER));
    }

    @Test
    void theStagesAreTheLecturesChapters() throws IOException {
        assertEquals(List.of("ch01", "ch02", "ch03", "ch04", "ch05", "ch06"), stages().stream().map(Stage::id).toList());
    }

    @Test
    void everyStageOnlyInsertsLinesIntoTheOneBefore() throws IOException {
        List<Stage> stages = stages();
        for (int k = 1; k < stages.size(); k++) {
            Stage before = stages.get(k - 1);
            Stage stage = stages.get(k);
            List<Integer> added = Stages.added(before.lines(), stage.lines());
            assertEquals(stage.lines().size() - before.lines().size(), added.size(), stage.id() + " adds " + added);
            assertTrue(stage.lines().get(0).equals("package dev.micrograd.lecture." + stage.id() + ";"),
                    stage.id() + " starts with its own package line");
        }
    }

    @Test
    void theCh06StageStaysMicrogradSized() throws IOException {
        Stage last = stages().get(stages().size() - 1);
        // micrograd's engine is 94 lines; ours also draws its own graph (dot, trace) and sums a list.
        assertTrue(last.lines().size() <= 170, "ch06 has " + last.lines().size() + " lines");
    }

    @Test
    void anEarlierLineEditedOnlyThereIsCaught() throws IOException {
        List<Stage> stages = stages();
        List<String> ch01 = new ArrayList<>(stages.get(0).lines());
        int mul = ch01.indexOf("    public Value mul(Value other) {");
        ch01.set(mul, "    public Value times(Value other) {");
        IllegalArgumentException drift = assertThrows(IllegalArgumentException.class,
                () -> Stages.added(ch01, stages.get(1).lines()));
        assertTrue(drift.getMessage().contains("public Value times(Value other) {"), drift.getMessage());
    }

    @Test
    void theBugVariantOfCh04OnlySetsWhereCh04Adds() throws IOException {
        List<String> right = Stages.read(Path.of(Stages.FOLDER)).get(3).lines();
        List<String> bug = java.nio.file.Files.readAllLines(Path.of(Stages.FOLDER, "ch04bug", "Value.java"));
        List<String> code = new ArrayList<>();
        for (String line : bug) {
            if (!line.strip().startsWith("// tag::") && !line.strip().startsWith("// end::")) {
                code.add(line);
            }
        }
        assertEquals(right.size(), code.size(), "the bug variant has the same lines as ch04, plus tag lines");
        int changedSteps = 0;
        for (int k = 1; k < right.size(); k++) {
            String r = right.get(k);
            String b = code.get(k);
            if (r.equals(b) || r.strip().startsWith("/**")) {
                continue;
            }
            assertEquals(r.replace(".grad += ", ".grad = "), b, "line " + (k + 1) + " may differ only by += becoming =");
            changedSteps++;
        }
        assertEquals(5, changedSteps, "two lines in add, two in mul, one in tanh");
    }

    @Test
    void anExcerptShowsTheAddedLinesWithTheirContext() {
        List<String> lines = List.of("package p;", "class V {", "  int a;", "  int b;", "  int c;", "  int d;", "}");
        Stages.Excerpt excerpt = Stages.excerpt(lines, List.of(4), 1);
        assertEquals("  // ...\n  int a;\n  int b;\n  int c;\n// ...\n", excerpt.text());
        assertEquals(List.of(3), excerpt.highlighted());
        Stages.Excerpt whole = Stages.excerpt(lines, List.of(1, 7), 0);
        assertEquals("package p;\n// ...\n}\n", whole.text());
        assertEquals(List.of(1, 3), whole.highlighted());
    }

    @Test
    void aLineDroppedLaterIsCaught() {
        assertThrows(IllegalArgumentException.class, () -> Stages.added(List.of("a", "b", "c"), List.of("a", "c", "d")));
        assertThrows(IllegalArgumentException.class, () -> Stages.added(List.of("a", "b"), List.of("b", "a")));
    }

    @Test
    void addedLinesAreTheInsertedOnes() {
        List<String> earlier = List.of("package x.ch01;", "class V {", "}");
        List<String> later = List.of("package x.ch02;", "import y;", "class V {", "  int a;", "  int b;", "}", "// end");
        assertEquals(List.of(2, 4, 5, 7), Stages.added(earlier, later));
        assertEquals("2,4..5,7", Stages.ranges(List.of(2, 4, 5, 7)));
        assertEquals("", Stages.ranges(List.of()));
    }

    @Test
    void attributesNameTheAddedLinesOfEachStage() throws IOException {
        String adoc = Stages.attributes(stages());
        assertTrue(adoc.contains(":value-ch04-previous: ch03\n"), adoc);
        assertTrue(adoc.contains(":value-ch05-previous: ch04\n"), adoc);
        assertTrue(adoc.contains(":value-ch06-previous: ch05\n"), adoc);
        assertTrue(adoc.matches("(?s).*:value-ch05-new-highlight: \\d.*"), adoc);
        assertTrue(adoc.matches("(?s).*:value-ch02-added: \\d.*"), adoc);
    }
}
