package dev.micrograd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command kept for a key, and given back only while everything it was built from is unchanged. */
class CommandCacheTest {
    @Test
    void cacheLinesSurviveAnyCharacter() {
        String odd = "a%b\nc\rd 50%0A";
        assertEquals(odd, CommandCache.unescape(CommandCache.escape(odd)));
        assertFalse(CommandCache.escape(odd).contains("\n"));
    }

    @Test
    void aCommandComesBackUntilItsScriptChangesOrItsJarsGo(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("Main.java");
        Files.writeString(script, "class Main {}\n");
        Path jar = Files.writeString(dir.resolve("main.jar"), "jar");
        String java = Os.current().javaIn(System.getProperty("java.home"));
        List<String> command = List.of(java, "-classpath", jar.toString(), "Main", "line\nbreak");
        CommandCache cache = new CommandCache(dir.resolve("commands"), Os.current());
        Inputs inputs = new Inputs();
        inputs.addScript(script);

        cache.store("key\none", inputs, command);

        assertEquals(Optional.of(command), cache.read("key\none"));
        assertEquals(Optional.empty(), cache.read("key\ntwo"), "another key");
        Files.delete(jar);
        assertEquals(Optional.empty(), cache.read("key\none"), "a jar JBang's cache no longer has");
        Files.writeString(jar, "jar");
        Files.writeString(script, "class Main { }\n");
        assertEquals(Optional.empty(), cache.read("key\none"), "an edited script");
    }

    @Test
    void onlyJavaCommandLinesAreKept(@TempDir Path dir) throws Exception {
        CommandCache cache = new CommandCache(dir, Os.current());
        cache.store("k", new Inputs(), List.of("/usr/bin/jshell", "--class-path", "/a.jar"));
        assertEquals(Optional.empty(), cache.read("k"));
    }
}
