package dev.micrograd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.launcher.Inputs.Tree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fingerprint of a script and everything it includes. */
class InputsTest {
    @Test
    void includesAndTheirFolders() {
        assertEquals(List.of("../../engine/src/main/java/dev/micrograd/**/*.java", "Helper.java", "data.csv"),
                Inputs.includes("//DEPS a:b:1\n//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java\n"
                        + "//SOURCES Helper.java\n//FILES res/data.csv=data.csv\n//SOURCES https://x.org/A.java\nclass X {}\n"));
        assertEquals(Optional.of(new Tree("../../engine/src/main/java/dev/micrograd", true, "*.java")),
                Tree.of("../../engine/src/main/java/dev/micrograd/**/*.java"));
        assertEquals(Optional.of(new Tree("../src", false, "*.java")), Tree.of("../src/*.java"));
        assertEquals(Optional.of(new Tree("../src", false, "*.java")), Tree.of("..\\src\\*.java"));
        assertEquals(Optional.of(new Tree(".", false, "*.java")), Tree.of("*.java"));
        assertEquals(Optional.empty(), Tree.of("Helper.java"));
    }

    @Test
    void anyEditAddedOrRemovedSourceChangesTheInputs(@TempDir Path dir) throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.createDirectories(lib.resolve("deep"));
        Path script = dir.resolve("app/Main.java");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "//SOURCES ../lib/**/*.java\n//SOURCES Other.java\nclass Main {}\n");
        Files.writeString(script.resolveSibling("Other.java"), "class Other {}\n");
        Path helper = lib.resolve("Helper.java");
        Files.writeString(helper, "class Helper { int one = 1; }\n");

        List<String> before = inputs(script);
        assertTrue(Inputs.unchanged(before));
        assertEquals(4, before.size(), before.toString());

        // Same size and the same modification time: only the content tells.
        FileTime time = Files.getLastModifiedTime(helper);
        Files.writeString(helper, "class Helper { int one = 2; }\n");
        Files.setLastModifiedTime(helper, time);
        assertFalse(Inputs.unchanged(before));

        List<String> edited = inputs(script);
        Files.writeString(lib.resolve("deep/Added.java"), "class Added {}\n");
        assertFalse(Inputs.unchanged(edited), "a new file under a ** glob");

        List<String> added = inputs(script);
        Files.delete(script.resolveSibling("Other.java"));
        assertFalse(Inputs.unchanged(added), "a removed //SOURCES file");
    }

    private static List<String> inputs(Path script) throws Exception {
        Inputs inputs = new Inputs();
        inputs.addScript(script);
        return inputs.lines();
    }
}
