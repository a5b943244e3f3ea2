package dev.micrograd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.launcher.Ci.Os;
import dev.micrograd.launcher.Ci.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run-tests' machine-dependent steps: the summary line and getting a browser, for each OS. */
class CiTest {
    private static final String DEBIAN = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\n";
    private static final String UBUNTU = "NAME=\"Ubuntu\"\nID=ubuntu\nID_LIKE=debian\n";
    private static final String MINT = "ID=linuxmint\nID_LIKE=\"ubuntu debian\"\n";
    private static final String FEDORA = "ID=fedora\nVERSION_ID=40\n";

    @Test
    void theSummaryCountsErrorsAsFailuresAndSkipsApart() {
        assertEquals("7 passed, 3 failed, 2 skipped", Ci.summarize(List.of(
                "<testsuite xmlns:xsi=\"x\" name=\"A\" time=\"1.0\" tests=\"10\" errors=\"1\" skipped=\"2\" failures=\"0\">",
                "<testsuite name=\"B\" tests=\"2\" errors=\"0\" skipped=\"0\" failures=\"2\">")));
        assertEquals("0 passed, 0 failed, 0 skipped", Ci.summarize(List.of()));
    }

    @Test
    void theSummaryReadsSurefireAndFailsafeReportsAnywhereInTheTree(@TempDir Path root) throws Exception {
        Path unit = Files.createDirectories(root.resolve("engine/target/surefire-reports"));
        Path it = Files.createDirectories(root.resolve("site/target/failsafe-reports"));
        Files.writeString(unit.resolve("TEST-a.A.xml"), "<?xml version=\"1.0\"?>\n<testsuite name=\"a.A\" tests=\"4\" "
                + "errors=\"0\" skipped=\"1\" failures=\"1\">\n<testcase name=\"x\"/>\n</testsuite>\n");
        Files.writeString(it.resolve("TEST-b.B.xml"), "<testsuite tests=\"3\" errors=\"0\" skipped=\"0\" failures=\"0\"/>");
        Files.writeString(unit.resolve("a.A.txt"), "not a report");
        Files.createDirectories(root.resolve("notes"));
        Files.writeString(root.resolve("notes/TEST-c.xml"), "<testsuite tests=\"99\"/>");

        assertEquals("5 passed, 1 failed, 1 skipped", Ci.summary(root));
    }

    @Test
    void debianAndItsKinGetChromiumFromAptGet() {
        assertTrue(Ci.debianLike(DEBIAN));
        assertTrue(Ci.debianLike(UBUNTU));
        assertTrue(Ci.debianLike(MINT));
        assertFalse(Ci.debianLike(FEDORA));
        assertFalse(Ci.debianLike(""));

        Plan asRoot = Ci.plan(Os.LINUX, DEBIAN, true, false, true);
        assertEquals(List.of(List.of("apt-get", "update", "-qq"),
                List.of("apt-get", "install", "-y", "-qq", "chromium", "chromium-driver")), asRoot.commands());
        Plan asUser = Ci.plan(Os.LINUX, UBUNTU, true, false, false);
        assertEquals(List.of("sudo", "apt-get", "update", "-qq"), asUser.commands().get(0));
    }

    @Test
    void nothingIsInstalledWhenABrowserIsThere() {
        assertEquals(new Plan(List.of(), ""), Ci.plan(Os.LINUX, DEBIAN, true, true, true));
        assertEquals(new Plan(List.of(), ""), Ci.plan(Os.MACOS, "", false, true, false));
    }

    @Test
    void elsewhereTheMessageSaysWhatToInstall() {
        Plan fedora = Ci.plan(Os.LINUX, FEDORA, false, false, true);
        assertEquals(List.of(), fedora.commands());
        assertTrue(fedora.message().contains("package manager"), fedora.message());
        Plan debianWithoutApt = Ci.plan(Os.LINUX, DEBIAN, false, false, true);
        assertEquals(List.of(), debianWithoutApt.commands());
        Plan mac = Ci.plan(Os.MACOS, "", false, false, false);
        assertTrue(mac.message().contains("brew install --cask google-chrome chromedriver"), mac.message());
        Plan windows = Ci.plan(Os.WINDOWS, "", false, false, false);
        assertTrue(windows.message().contains("chromedriver.exe"), windows.message());
        assertTrue(windows.message().contains("CHROME"), windows.message());
    }

    @Test
    void aBrowserIsFoundThroughTheVariablesThePathOrTheUsualPlaces() {
        assertTrue(Ci.browserFound(Os.LINUX, Map.of(), "/usr/bin", Set.of("/usr/bin/chromium", "/usr/bin/chromedriver")::contains));
        assertFalse(Ci.browserFound(Os.LINUX, Map.of(), "/usr/bin", Set.of("/usr/bin/chromium")::contains), "no driver");
        assertTrue(Ci.browserFound(Os.MACOS, Map.of(), "/opt/homebrew/bin", Set.of(
                "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome", "/opt/homebrew/bin/chromedriver")::contains));
        assertTrue(Ci.browserFound(Os.WINDOWS, Map.of(), "C:\\tools", Set.of(
                "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "C:\\tools\\chromedriver.exe")::contains));
        assertFalse(Ci.browserFound(Os.LINUX, Map.of("CHROME", "/nowhere/chrome"), "/usr/bin",
                Set.of("/usr/bin/chromium", "/usr/bin/chromedriver")::contains), "CHROME names a missing file");
        assertEquals(List.of("C:\\tools\\chrome.exe", "D:\\x y\\chrome.exe"),
                Ci.onPath(Os.WINDOWS, "C:\\tools;\"D:\\x y\"", List.of("chrome.exe")));
    }
}
