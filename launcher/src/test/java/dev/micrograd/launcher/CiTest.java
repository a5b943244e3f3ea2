package dev.micrograd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.launcher.Ci.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run-tests' machine-dependent steps: the count and whether it is whole, and getting a browser, for each OS. */
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
    void theSummaryReadsThisBuildsSurefireReportsAnywhereInTheTree(@TempDir Path root) throws Exception {
        Path unit = Files.createDirectories(root.resolve("engine/target/surefire-reports"));
        Path site = Files.createDirectories(root.resolve("site/target/surefire-reports"));
        Files.writeString(unit.resolve("TEST-a.A.xml"), "<?xml version=\"1.0\"?>\n<testsuite name=\"a.A\" tests=\"4\" "
                + "errors=\"0\" skipped=\"1\" failures=\"1\">\n<testcase name=\"x\"/>\n</testsuite>\n");
        Files.writeString(site.resolve("TEST-b.B.xml"), "<testsuite tests=\"3\" errors=\"0\" skipped=\"0\" failures=\"0\"/>");
        Files.writeString(unit.resolve("a.A.txt"), "not a report");
        Files.createDirectories(root.resolve("notes"));
        Files.writeString(root.resolve("notes/TEST-c.xml"), "<testsuite tests=\"99\"/>");
        assertEquals("5 passed, 1 failed, 1 skipped", Ci.summary(root, 0));

        Files.setLastModifiedTime(site.resolve("TEST-b.B.xml"), FileTime.fromMillis(1_000));
        assertEquals("2 passed, 1 failed, 1 skipped", Ci.summary(root, 2_000), "a report of an earlier build");
    }

    @Test
    void aBuildThatStoppedEarlySaysWhereAndThatTheCountIsPartial() {
        List<String> reactor = List.of(
                "[INFO] micrograd-java ..................................... SUCCESS [  0.4 s]",
                "[INFO] micrograd-java engine .............................. FAILURE [ 12.1 s]",
                "[INFO] micrograd-java chapters ............................ SKIPPED",
                "[INFO] micrograd-java site ................................ SKIPPED");
        assertEquals(" (partial: the build stopped in micrograd-java engine; not run: micrograd-java chapters,"
                + " micrograd-java site)", Ci.partial(1, reactor));
        assertEquals("", Ci.partial(0, reactor.subList(0, 1)), "a whole build");
        assertEquals(" (partial: the build stopped early, exit code 1; Maven's output above says why)",
                Ci.partial(1, List.of()), "Maven stopped before any module, as on a broken pom");
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
        Plan asUser = Ci.plan(Os.LINUX, UBUNTU, true, true, false);
        assertEquals(List.of("sudo", "apt-get", "update", "-qq"), asUser.commands().get(0));
    }

    @Test
    void withoutSudoAUserIsToldToInstallAsRoot() {
        Plan plan = Ci.plan(Os.LINUX, DEBIAN, true, false, false);
        assertEquals(List.of(), plan.commands());
        assertTrue(plan.message().contains("as root, run apt-get install chromium chromium-driver (sudo is not installed"),
                plan.message());
    }

    @Test
    void elsewhereTheMessageSaysWhatToInstall() {
        Plan fedora = Ci.plan(Os.LINUX, FEDORA, false, true, true);
        assertEquals(List.of(), fedora.commands());
        assertTrue(fedora.message().contains("package manager"), fedora.message());
        Plan debianWithoutApt = Ci.plan(Os.LINUX, DEBIAN, false, true, true);
        assertEquals(List.of(), debianWithoutApt.commands());
        Plan mac = Ci.plan(Os.MACOS, "", false, true, false);
        assertTrue(mac.message().contains("brew install --cask google-chrome chromedriver"), mac.message());
        Plan windows = Ci.plan(Os.WINDOWS, "", false, false, false);
        assertTrue(windows.message().contains("chromedriver.exe"), windows.message());
        assertTrue(windows.message().contains("CHROME"), windows.message());
    }
}
