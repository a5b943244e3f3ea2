package dev.micrograd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shims that start the launcher, and the launcher's own answers before JBang is involved. */
class LauncherTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theShimsStartTheBootstrapWithTheLaunchersOptionsAndTheirLineEndings() throws Exception {
        String sh = Files.readString(REPO.resolve("jbang"), StandardCharsets.UTF_8);
        String cmd = Files.readString(REPO.resolve("jbang.cmd"), StandardCharsets.UTF_8);
        String options = String.join(" ", Launcher.LAUNCHER_JVM_OPTIONS);
        assertEquals(2, sh.split(Pattern.quote(options), -1).length - 1, "./jbang starts " + options);
        assertEquals(2, cmd.split(Pattern.quote(options), -1).length - 1, "jbang.cmd starts " + options);
        String source = Bootstrap.SOURCES + "/Bootstrap.java";
        String compiled = Bootstrap.CLASSES + "/dev/micrograd/launcher/Bootstrap.class";
        assertTrue(sh.contains(source) && sh.contains(compiled) && sh.contains("dev.micrograd.launcher.Bootstrap Launcher"),
                "./jbang names the launcher's files");
        assertTrue(cmd.contains(source.replace('/', '\\')) && cmd.contains(Bootstrap.CLASSES.replace('/', '\\'))
                && cmd.contains("dev\\micrograd\\launcher\\Bootstrap.class")
                && cmd.contains("dev.micrograd.launcher.Bootstrap Launcher"), "jbang.cmd names the launcher's files");
        assertTrue(Files.isRegularFile(REPO.resolve(source)));
        assertFalse(sh.contains("\r"), "./jbang has LF line endings");
        assertEquals(cmd.split("\n", -1).length - 1, cmd.split("\r\n", -1).length - 1, "jbang.cmd has CRLF line endings");
        assertTrue(Files.isExecutable(REPO.resolve("jbang")));
    }

    @Test
    void gitKeepsTheLineEndingsEachShellNeeds() throws Exception {
        List<String> attributes = Files.readAllLines(REPO.resolve(".gitattributes"));
        assertTrue(attributes.contains("*.cmd -text"), attributes.toString());
        assertTrue(attributes.contains("/jbang text eol=lf"), attributes.toString());
        assertTrue(attributes.contains("/mvnw text eol=lf"), attributes.toString());
        assertTrue(attributes.contains("*.sh text eol=lf"), attributes.toString());
    }

    @Test
    void noArgumentsOrOnlyHelpAskForTheWrappersHelp() {
        assertTrue(Launcher.asksForHelp(List.of()));
        assertTrue(Launcher.asksForHelp(List.of("--help")));
        assertTrue(Launcher.asksForHelp(List.of("-h")));
        assertFalse(Launcher.asksForHelp(List.of("ch01", "--help")), "the chapter's own help");
        assertFalse(Launcher.asksForHelp(List.of("run", "--help")), "JBang's help for run");
    }

    @Test
    void theHelpNamesTheWrapperAsEachOsStartsIt() {
        assertEquals("jbang.cmd", Launcher.wrapperName(Os.WINDOWS));
        assertEquals("./jbang", Launcher.wrapperName(Os.MACOS));
        assertEquals("./jbang", Launcher.wrapperName(Os.LINUX));
    }

    @Test
    void noLauncherSourceFileIsLongerThanAboutFourHundredLines() throws Exception {
        for (String folder : List.of("src/main/java/dev/micrograd/launcher", "src/test/java/dev/micrograd/launcher")) {
            try (var files = Files.list(Path.of(folder))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    long lines = Files.readAllLines(file).size();
                    assertTrue(lines <= 420, file + " has " + lines + " lines");
                }
            }
        }
    }
}
