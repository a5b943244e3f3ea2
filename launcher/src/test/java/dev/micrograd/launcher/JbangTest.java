package dev.micrograd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where an installed JBang is looked for on each OS, and how the download's progress is counted. */
class JbangTest {
    @Test
    void jbangPrintsItsCommandForPowerShellOnWindowsAndBashElsewhere() {
        assertEquals("powershell", Jbang.shell(Os.WINDOWS));
        assertEquals("bash", Jbang.shell(Os.MACOS));
        assertEquals("bash", Jbang.shell(Os.LINUX));
    }

    @Test
    void anInstalledJbangIsLookedForUnderEachOsesNames() {
        assertEquals(List.of("C:\\jbang\\bin\\jbang.cmd", "C:\\jbang\\bin\\jbang.exe", "C:\\jbang\\bin\\jbang.bat",
                        "C:\\scoop\\shims\\jbang.cmd", "C:\\scoop\\shims\\jbang.exe", "C:\\scoop\\shims\\jbang.bat"),
                Os.WINDOWS.onPath("\"C:\\jbang\\bin\";;C:\\scoop\\shims", Jbang.installedNames(Os.WINDOWS)));
        assertEquals(List.of("/opt/homebrew/bin/jbang", "/usr/bin/jbang"),
                Os.MACOS.onPath("/opt/homebrew/bin:/usr/bin", Jbang.installedNames(Os.MACOS)));
        assertEquals(List.of("jbang"), Jbang.installedNames(Os.LINUX));
        assertEquals(List.of("C:\\Users\\ann\\.jbang\\bin\\jbang.jar", "C:\\Users\\ann\\.jbang\\bin\\.jbang\\jbang.jar"),
                Jbang.installedJars(Os.WINDOWS, "C:\\Users\\ann\\.jbang\\bin"));
        assertEquals(List.of("/home/ann/.jbang/bin/jbang.jar", "/home/ann/.jbang/bin/.jbang/jbang.jar"),
                Jbang.installedJars(Os.LINUX, "/home/ann/.jbang/bin"));
    }

    @Test
    void mavensDownloadLinesAreCountedAndSummed() {
        assertEquals(1_200_000.0, Jbang.Progress.size("1.2", "MB"));
        assertEquals(12_000.0, Jbang.Progress.size("12", "kB"));
        assertEquals(1_234_000.0, Jbang.Progress.size("1,234", "kB"));
        assertEquals(512.0, Jbang.Progress.size("512", "B"));
        assertEquals("fetched 3 files, 1.5 MB (jbang-cli-0.132.1.jar)",
                Jbang.Progress.status(3, 1_530_000, "jbang-cli-0.132.1.jar"));
        assertEquals("fetched 1 file, 0.0 MB (a.pom)", Jbang.Progress.status(1, 2_000, "a.pom"));

        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        Jbang.Progress progress = new Jbang.Progress(false, new PrintStream(shown, true, StandardCharsets.UTF_8));
        progress.line("[INFO] Downloading from central: https://repo.maven.apache.org/maven2/a/b/1/b-1.pom");
        progress.line("[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/a/b/1/b-1.pom (2.5 kB at 9 kB/s)");
        progress.line("[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/dev/jbang/jbang-cli/0.132.1/"
                + "jbang-cli-0.132.1.jar (6.1 MB at 2.3 MB/s)");
        progress.line("[INFO] BUILD SUCCESS");
        progress.done();
        assertEquals("jbang wrapper: fetched 2 files, 6.1 MB (done)" + System.lineSeparator(), shown.toString(StandardCharsets.UTF_8));
    }
}
