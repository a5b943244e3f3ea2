package dev.micrograd.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A class of four: untouched, cheating, partly solved and not compiling, each costing only its own row. */
class GradeTest {
    @TempDir
    Path temp;

    private static void copyStarters(Path student) throws IOException {
        Files.createDirectories(student);
        try (Stream<Path> files = Files.list(Fixtures.STARTERS)) {
            for (Path file : files.toList()) {
                Files.copy(file, student.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void gradesEveryStudentAndWritesTheCsv() throws Exception {
        Path dir = temp.resolve("class");
        copyStarters(dir.resolve("alice"));
        copyStarters(dir.resolve("bob"));
        Fixtures.write(dir.resolve("bob"), "Ex03ManualBackprop.java", Fixtures.replace(Fixtures.solvedEx03(),
                Fixtures.EX03_CLASS,
                Fixtures.EX03_CLASS + "\n    static { System.exit(0); }"));
        copyStarters(dir.resolve("carol"));
        Fixtures.write(dir.resolve("carol"), "Ex03ManualBackprop.java", Fixtures.solvedEx03());
        copyStarters(dir.resolve("dave"));
        Fixtures.write(dir.resolve("dave"), "Ex03ManualBackprop.java",
                Fixtures.replace(Fixtures.solvedEx03(), Fixtures.TANH, "return 1 - o * o"));
        Fixtures.write(dir.resolve("dave"), "Ex05Promotion.java", Fixtures.read(Fixtures.SOLUTIONS.resolve("Ex05PromotionSolution.java"))
                .replace("Ex05PromotionSolution", "Ex05Promotion"));
        Files.writeString(dir.resolve("notes.txt"), "not a student");
        Files.createDirectories(dir.resolve("erin"));

        Fixtures.Outcome o = Fixtures.command(Fixtures.options(temp.resolve("cache")), "grade", dir.toString(), "--only", "ex03,ex05");

        int ex03 = new ExerciseSet("ex03").declared().specs().size();
        int ex05 = new ExerciseSet("ex05").declared().specs().size();
        int total = ex03 + ex05;
        String isolation = Isolation.here(false).kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        assertEquals(0, o.code(), o.err());
        assertEquals("student,ex03,ex05,points,total,isolation,note\n"
                + "alice,0,0,0," + total + "," + isolation + ",\n"
                + "bob,0,0,0," + total + "," + isolation + ",\n"
                + "carol," + ex03 + ",0," + ex03 + "," + total + "," + isolation + ",\n"
                + "dave,0," + ex05 + "," + ex05 + "," + total + "," + isolation + ",ex03 compile error\n"
                + "erin,0,0,0," + total + "," + isolation + ",\"no exercise files in the folder; ex03 missing file (no Ex03*.java);"
                + " ex05 missing file (no Ex05*.java)\"\n", Files.readString(dir.resolve("grades.csv")));
        assertEquals(List.of("student ex03 ex05 points note", "alice 0/" + ex03 + " 0/" + ex05 + " 0/" + total,
                        "bob 0/" + ex03 + " 0/" + ex05 + " 0/" + total,
                        "carol " + ex03 + "/" + ex03 + " 0/" + ex05 + " " + ex03 + "/" + total,
                        "dave 0/" + ex03 + " " + ex05 + "/" + ex05 + " " + ex05 + "/" + total + " ex03 compile error",
                        "erin 0/" + ex03 + " 0/" + ex05 + " 0/" + total + " no exercise files in the folder;"
                                + " ex03 missing file (no Ex03*.java); ex05 missing file (no Ex05*.java)",
                        "Wrote " + dir.resolve("grades.csv")),
                o.out().lines().map(l -> l.strip().replaceAll(" +", " ")).toList());
        assertEquals(10, o.err().lines().filter(l -> l.matches("\\[\\d+/10] [a-z]+ ex0[35]: .*")).count(), o.err());
        assertTrue(o.err().contains("dave ex03: 0/" + ex03 + ", compile error"), o.err());
        assertFalse(Files.exists(temp.resolve("cache")), "grading compiles with no cache to tamper with");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("alice", "bob", "carol", "dave", "erin", "grades.csv", "notes.txt"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "no staging file is left behind");
        }
    }

    @Test
    void linksAreNotFollowedAndNamesCannotBecomeFormulasOrTerminalCodes() throws Exception {
        Path dir = temp.resolve("class");
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Fixtures.write(outside, "Ex03ManualBackprop.java", Fixtures.solvedEx03());
        Files.createDirectories(dir);
        Files.createSymbolicLink(dir.resolve("linked"), outside);
        Path mallory = Files.createDirectories(dir.resolve("mallory"));
        Files.createSymbolicLink(mallory.resolve("Ex03ManualBackprop.java"), outside.resolve("Ex03ManualBackprop.java"));
        Files.createDirectories(dir.resolve("=HYPERLINK(\"http:x\")"));
        Files.createDirectories(dir.resolve("red\u001b[31mtext"));

        Fixtures.Outcome o = Fixtures.command(Fixtures.options(temp.resolve("cache")), "grade", dir.toString(), "--only", "ex03");

        assertEquals(0, o.code(), o.err());
        String csv = Files.readString(dir.resolve("grades.csv"));
        assertTrue(csv.contains("\n\"'=HYPERLINK(\"\"http:x\"\")\",0,0,"), csv);
        assertTrue(csv.contains("\nlinked,0,0,") && csv.contains("a link, not followed"), csv);
        assertTrue(csv.contains("\nmallory,0,0,") && csv.contains("Ex03ManualBackprop.java is a link, not followed"), csv);
        assertTrue(csv.contains("\nred [31mtext,0,0,"), csv);
        assertFalse(csv.contains("\u001b") || o.out().contains("\u001b") || o.err().contains("\u001b"), o.out());
    }

    @Test
    void gradeAndLearnPrintTheirUsageOnHelp() {
        for (String command : List.of("grade", "learn")) {
            Fixtures.Outcome o = Fixtures.command(Fixtures.options(temp.resolve("cache")), command, "--help");
            assertEquals(0, o.code(), o.err());
            assertTrue(o.out().startsWith("Usage: ./jbang exNN") && o.out().contains("./jbang " + command + " "), o.out());
            assertEquals("", o.err());
        }
    }

    @Test
    void aFolderThatIsNotThereIsABadCommandLine() {
        Fixtures.Outcome o = Fixtures.command(Fixtures.options(temp.resolve("cache")), "grade", temp.resolve("nobody").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("error: not a folder: "), o.err());
    }
}
