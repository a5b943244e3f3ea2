package dev.micrograd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.site.Browsers.Found;
import dev.micrograd.site.Browsers.NotFound;
import dev.micrograd.site.Browsers.Os;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeOptions;

/** The browser search on each OS, against made-up file systems. */
class BrowsersTest {
    private static final String MAC_CHROME = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
    private static final String WINDOWS_CHROME = "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe";

    private static Found find(String os, Map<String, String> env, String path, String... files) {
        Set<String> existing = Set.of(files);
        return Browsers.find(os, env, path, existing::contains);
    }

    @Test
    void osNamesMapToTheThreeConventions() {
        assertEquals(Os.WINDOWS, Os.of("Windows 11"));
        assertEquals(Os.WINDOWS, Os.of("Windows Server 2022"));
        assertEquals(Os.MACOS, Os.of("Mac OS X"));
        assertEquals(Os.LINUX, Os.of("Linux"));
        assertEquals(Os.LINUX, Os.of("FreeBSD"));
    }

    @Test
    void linuxFindsDebiansChromiumAtUsrBinWithAnEmptyPath() {
        assertEquals(new Found("/usr/bin/chromium", "/usr/bin/chromedriver"),
                find("Linux", Map.of(), "", "/usr/bin/chromium", "/usr/bin/chromedriver"));
    }

    @Test
    void linuxPrefersThePathOverWellKnownPlaces() {
        assertEquals(new Found("/home/ann/bin/google-chrome", "/home/ann/bin/chromedriver"),
                find("Linux", Map.of(), "/usr/local/sbin:/home/ann/bin", "/home/ann/bin/google-chrome",
                        "/home/ann/bin/chromedriver", "/usr/bin/chromium", "/usr/bin/chromedriver"));
    }

    @Test
    void linuxFindsUbuntusSnap() {
        assertEquals(new Found("/snap/bin/chromium", "/snap/bin/chromium.chromedriver"),
                find("Linux", Map.of(), "/usr/bin:/snap/bin", "/snap/bin/chromium", "/snap/bin/chromium.chromedriver"));
    }

    @Test
    void theVariablesComeFirst() {
        Map<String, String> env = Map.of("CHROME", "/opt/chrome-for-testing/chrome",
                "CHROMEDRIVER", "/opt/chrome-for-testing/chromedriver");
        assertEquals(new Found("/opt/chrome-for-testing/chrome", "/opt/chrome-for-testing/chromedriver"),
                find("Linux", env, "/usr/bin", "/opt/chrome-for-testing/chrome", "/opt/chrome-for-testing/chromedriver",
                        "/usr/bin/chromium", "/usr/bin/chromedriver"));
    }

    @Test
    void aVariableNamingAMissingFileIsAnErrorNotAFallback() {
        NotFound error = assertThrows(NotFound.class, () -> find("Linux", Map.of("CHROME", "/nowhere/chrome"),
                "/usr/bin", "/usr/bin/chromium", "/usr/bin/chromedriver"));
        assertEquals("CHROME is set to /nowhere/chrome, which is not an executable file. Point it at Chrome or"
                + " Chromium, or unset it to search the PATH.", error.getMessage());
    }

    @Test
    void macOsFindsTheChromeAppAndHomebrewsDriver() {
        assertEquals(new Found(MAC_CHROME, "/opt/homebrew/bin/chromedriver"),
                find("Mac OS X", Map.of("HOME", "/Users/ann"), "/usr/bin:/bin", MAC_CHROME,
                        "/opt/homebrew/bin/chromedriver"));
    }

    @Test
    void macOsFindsChromiumInTheUsersApplications() {
        String chromium = "/Users/ann/Applications/Chromium.app/Contents/MacOS/Chromium";
        assertEquals(new Found(chromium, "/usr/local/bin/chromedriver"),
                find("Mac OS X", Map.of("HOME", "/Users/ann"), "/usr/local/bin:/usr/bin", chromium,
                        "/usr/local/bin/chromedriver"));
    }

    @Test
    void windowsFindsChromeInProgramFilesAndTheDriverOnThePath() {
        assertEquals(new Found(WINDOWS_CHROME, "C:\\tools\\chromedriver.exe"),
                find("Windows 11", Map.of(), "C:\\Windows\\system32;\"C:\\tools\";", WINDOWS_CHROME,
                        "C:\\tools\\chromedriver.exe"));
    }

    @Test
    void windowsReadsProgramFoldersFromTheEnvironmentWhateverTheirCase() {
        String local = "C:\\Users\\ann\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe";
        assertEquals(new Found(local, "D:\\bin\\chromedriver.exe"),
                find("Windows 10", Map.of("localappdata", "C:\\Users\\ann\\AppData\\Local"), "D:\\bin", local,
                        "D:\\bin\\chromedriver.exe"));
        assertEquals(List.of("D:\\Apps\\Google\\Chrome\\Application\\chrome.exe",
                        "D:\\Apps\\Chromium\\Application\\chrome.exe",
                        "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
                        "C:\\Program Files (x86)\\Chromium\\Application\\chrome.exe"),
                Browsers.browserLocations(Os.WINDOWS, Map.of("ProgramFiles", "D:\\Apps")));
    }

    @Test
    void windowsDoesNotLookForLinuxNames() {
        assertThrows(NotFound.class, () -> find("Windows 11", Map.of(), "C:\\tools", "C:\\tools\\chromium",
                "C:\\tools\\chromedriver"));
    }

    @Test
    void theMessageSaysWhatIsMissingAndHowToInstallIt() {
        NotFound noBrowser = assertThrows(NotFound.class, () -> find("Linux", Map.of(), "/usr/bin"));
        assertTrue(noBrowser.getMessage().startsWith("No Chrome or Chromium found"), noBrowser.getMessage());
        assertTrue(noBrowser.getMessage().contains("apt-get install chromium chromium-driver"), noBrowser.getMessage());
        assertTrue(noBrowser.getMessage().contains("/usr/bin/chromium"), noBrowser.getMessage());

        NotFound noDriver = assertThrows(NotFound.class,
                () -> find("Mac OS X", Map.of(), "/usr/bin", MAC_CHROME));
        assertTrue(noDriver.getMessage().startsWith("No chromedriver found"), noDriver.getMessage());
        assertTrue(noDriver.getMessage().contains("brew install"), noDriver.getMessage());

        NotFound windows = assertThrows(NotFound.class, () -> find("Windows 11", Map.of(), "C:\\tools"));
        assertTrue(windows.getMessage().contains("chrome.exe"), windows.getMessage());
        assertTrue(windows.getMessage().contains("CHROME"), windows.getMessage());
    }

    @Test
    void pathEntriesAreSearchedInOrderBeforeWellKnownPlaces() {
        assertEquals(List.of("/a/chromedriver", "/a/chromium.chromedriver", "/b/chromedriver",
                        "/b/chromium.chromedriver", "/usr/bin/chromedriver"),
                Browsers.candidates(Os.LINUX, "/a::/b", Browsers.driverNames(Os.LINUX), List.of("/usr/bin/chromedriver")));
    }

    @Test
    void optionsRunTheFoundBrowserHeadlessAndQuiet() {
        ChromeOptions options = Browsers.options(new Found("/usr/bin/chromium", "/usr/bin/chromedriver"),
                Path.of("/tmp/profile"));
        @SuppressWarnings("unchecked")
        Map<String, Object> chrome = (Map<String, Object>) options.asMap().get("goog:chromeOptions");
        assertEquals("/usr/bin/chromium", chrome.get("binary"));
        @SuppressWarnings("unchecked")
        List<String> args = (List<String>) chrome.get("args");
        assertTrue(args.containsAll(List.of("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Path.of("/tmp/profile"))), args.toString());
    }
}
