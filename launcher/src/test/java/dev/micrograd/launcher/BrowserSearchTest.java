package dev.micrograd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.launcher.BrowserSearch.Found;
import dev.micrograd.launcher.BrowserSearch.NotFound;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The browser search on each OS and processor, against made-up file systems. */
class BrowserSearchTest {
    private static final String MAC_CHROME = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
    private static final String WINDOWS_CHROME = "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe";

    private static Found find(String os, Map<String, String> env, String path, String... files) {
        return find(os, "x86_64", env, path, files);
    }

    private static Found find(String os, String arch, Map<String, String> env, String path, String... files) {
        Set<String> existing = Set.of(files);
        return BrowserSearch.find(Os.of(os), arch, env, path, existing::contains);
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
    void aVariableNamingAMissingFileIsNamedWithWhereItPoints() {
        assertEquals(java.util.Optional.of("CHROMEDRIVER is set to /nope, which is not an executable file. Point it at"
                + " chromedriver, or unset it to search the PATH."), BrowserSearch.misconfigured(Os.LINUX,
                Map.of("CHROME", "/usr/bin/chromium", "CHROMEDRIVER", "/nope"), Set.of("/usr/bin/chromium")::contains));
        assertEquals(java.util.Optional.empty(), BrowserSearch.misconfigured(Os.LINUX, Map.of("CHROME", " "),
                Set.of()::contains), "a blank variable counts as unset");
    }

    @Test
    void aVariableNamingAMissingFileIsAnErrorNotAFallback() {
        NotFound error = assertThrows(NotFound.class, () -> find("Linux", Map.of("CHROME", "/nowhere/chrome"),
                "/usr/bin", "/usr/bin/chromium", "/usr/bin/chromedriver"));
        assertEquals("CHROME is set to /nowhere/chrome, which is not an executable file. Point it at Chrome or"
                + " Chromium, or unset it to search the PATH.", error.getMessage());
    }

    @Test
    void macOsFindsTheChromeAppAndHomebrewsDriverOnAppleSiliconAndIntel() {
        assertEquals(new Found(MAC_CHROME, "/opt/homebrew/bin/chromedriver"),
                find("Mac OS X", "aarch64", Map.of("HOME", "/Users/ann"), "/usr/bin:/bin", MAC_CHROME,
                        "/opt/homebrew/bin/chromedriver"));
        assertEquals(new Found(MAC_CHROME, "/usr/local/bin/chromedriver"),
                find("Mac OS X", "x86_64", Map.of("HOME", "/Users/ann"), "/usr/bin:/bin", MAC_CHROME,
                        "/usr/local/bin/chromedriver"));
        // A Mac moved from Intel to Apple Silicon may keep both Homebrew folders: its own processor's comes first.
        assertEquals(List.of("/opt/homebrew/bin/chromedriver", "/usr/local/bin/chromedriver"),
                BrowserSearch.driverLocations(Os.MACOS, "aarch64", Map.of()));
        assertEquals(List.of("/usr/local/bin/chromedriver", "/opt/homebrew/bin/chromedriver"),
                BrowserSearch.driverLocations(Os.MACOS, "x86_64", Map.of()));
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
                BrowserSearch.browserLocations(Os.WINDOWS, Map.of("ProgramFiles", "D:\\Apps")));
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
                BrowserSearch.candidates(Os.LINUX, "/a::/b", BrowserSearch.driverNames(Os.LINUX), List.of("/usr/bin/chromedriver")));
    }
}
