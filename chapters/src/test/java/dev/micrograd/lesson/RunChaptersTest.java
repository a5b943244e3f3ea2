package dev.micrograd.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site's chapter runner: finds the scripts by name, runs them into fresh folders, and skips a run that would change nothing. */
class RunChaptersTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return RunChapters.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void findsChapterScriptsInChapterOrder() throws IOException {
        for (String name : List.of("Ch10Later.java", "Ch02Visualization.java", "Notes.java", "Ch01DataStructure.java", "ch03.txt")) {
            Files.writeString(tmp.resolve(name), "");
        }
        assertEquals(List.of(new RunChapters.Chapter("Ch01DataStructure", "ch01"),
                        new RunChapters.Chapter("Ch02Visualization", "ch02"), new RunChapters.Chapter("Ch10Later", "ch10")),
                RunChapters.find(tmp));
    }

    @Test
    void runsAChapterIntoAFreshFolderThenSkipsAnUnchangedRun() throws IOException {
        Path scripts = Files.createDirectory(tmp.resolve("scripts"));
        Files.writeString(scripts.resolve("Ch01DataStructure.java"), "");
        Path outRoot = tmp.resolve("out");
        Path stale = Files.createDirectories(outRoot.resolve("ch01")).resolve("renamed-step.txt");
        Files.writeString(stale, "old");

        assertEquals(0, run("--scripts", scripts.toString(), "--out", outRoot.toString()), err.toString());
        assertTrue(Files.readString(outRoot.resolve("ch01/expression.txt")).contains("L = Value(data=-8.0)"));
        assertTrue(Files.notExists(stale), "an output of an earlier run survived");
        assertTrue(out.toString().startsWith("Ran 1 chapters into "), out.toString());

        assertEquals(0, run("--scripts", scripts.toString(), "--out", outRoot.toString()));
        assertTrue(out.toString().contains("are up to date"), out.toString());
    }

    @Test
    void writesTheLinesEachStageOfTheLecturesValueAdds() throws IOException {
        Path scripts = Files.createDirectory(tmp.resolve("scripts"));
        Files.writeString(scripts.resolve("Ch01DataStructure.java"), "");
        Path stages = Files.createDirectories(tmp.resolve(Stages.FOLDER));
        Files.createDirectories(stages.resolve("ch01"));
        Files.createDirectories(stages.resolve("ch02"));
        Files.writeString(stages.resolve("ch01/Value.java"), "package p.ch01;\nclass Value {\n}\n");
        Files.writeString(stages.resolve("ch02/Value.java"), "package p.ch02;\nclass Value {\n    double grad;\n}\n");
        Path outRoot = tmp.resolve("out");

        assertEquals(0, run("--scripts", scripts.toString(), "--out", outRoot.toString()), err.toString());
        String adoc = Files.readString(outRoot.resolve("lecture/stages.adoc"));
        assertTrue(adoc.contains(":value-ch02-added: 3\n:value-ch02-added-count: 1\n:value-ch02-previous: ch01\n"), adoc);

        Files.writeString(stages.resolve("ch01/Value.java"), "package p.ch01;\nfinal class Value {\n}\n");
        assertEquals(1, run("--scripts", scripts.toString(), "--out", outRoot.toString()));
        assertTrue(err.toString().contains("drifted apart: line 2 of the earlier stage is missing or changed in the later one:"
                + " final class Value {"), err.toString());
    }

    @Test
    void aScriptWithoutItsCompiledClassFails() throws IOException {
        Files.writeString(tmp.resolve("Ch99NotCompiled.java"), "");
        assertEquals(1, run("--scripts", tmp.toString(), "--out", tmp.resolve("out").toString()));
        assertTrue(err.toString().contains("Ch99NotCompiled.java: not compiled into the chapters jar"), err.toString());
    }

    @Test
    void badCommandLinesAndEmptyFoldersAreRefused() {
        assertEquals(2, run("--out"));
        assertTrue(err.toString().startsWith("Usage: RunChapters"), err.toString());
        assertEquals(1, run("--scripts", tmp.toString(), "--out", tmp.resolve("out").toString()));
        assertTrue(err.toString().contains("no chapter scripts"), err.toString());
        assertEquals(1, run("--announce", tmp.resolve("index.html").toString()));
        assertTrue(err.toString().contains("the site was not built"), err.toString());
    }
}
