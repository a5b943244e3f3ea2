package dev.micrograd.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds Chrome or Chromium and its chromedriver on Windows, macOS and Linux: the variables {@code CHROME} and
 * {@code CHROMEDRIVER} first, then the PATH, then the places installers use. The site's browser tests and
 * {@code run-tests} ({@link Ci}) both ask here, so they agree on what counts as a browser.
 *
 * <p>The search is a function of the OS, the processor, the environment, the PATH and a file test, so that unit tests
 * cover every OS on any machine; {@link #installed()} applies it to this machine.
 */
public final class BrowserSearch {
    /** A browser executable and the chromedriver that drives it. */
    public record Found(String browser, String driver) {
    }

    /** No browser or no driver: the message says what was looked for where, and how to install it. */
    public static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }

    private BrowserSearch() {
    }

    /** Finds a browser and driver on this machine. */
    public static Found installed() {
        Os os = Os.current();
        Map<String, String> env = System.getenv();
        return find(os, System.getProperty("os.arch", ""), env, os.variable(env, "PATH").orElse(""),
                BrowserSearch::executable);
    }

    /** Whether a file exists and can be run. */
    public static boolean executable(String file) {
        return Files.isRegularFile(Path.of(file)) && Files.isExecutable(Path.of(file));
    }

    /**
     * Finds a browser and its driver.
     *
     * @param os the OS
     * @param arch the value of {@code os.arch} (Homebrew's folder differs between Intel and Apple Silicon)
     * @param env the environment ({@code CHROME}, {@code CHROMEDRIVER}, {@code HOME}, and on Windows the program folders)
     * @param path the PATH, separated the OS's way
     * @param executable whether a file exists and can be run
     * @throws NotFound naming what is missing and how to install it
     */
    public static Found find(Os os, String arch, Map<String, String> env, String path, Predicate<String> executable) {
        misconfigured(os, env, executable).ifPresent(message -> {
            throw new NotFound(message);
        });
        String browser = pick("CHROME", "Chrome or Chromium", os, env, path, browserNames(os),
                browserLocations(os, env), executable);
        String driver = pick("CHROMEDRIVER", "chromedriver", os, env, path, driverNames(os),
                driverLocations(os, arch, env), executable);
        return new Found(browser, driver);
    }

    /** A variable set to something that is not an executable file: what it says, and what to do; else empty. */
    public static Optional<String> misconfigured(Os os, Map<String, String> env, Predicate<String> executable) {
        for (String[] variable : List.of(new String[] {"CHROME", "Chrome or Chromium"},
                new String[] {"CHROMEDRIVER", "chromedriver"})) {
            Optional<String> set = os.variable(env, variable[0]).filter(value -> !value.isBlank());
            if (set.isPresent() && !executable.test(set.get())) {
                return Optional.of(variable[0] + " is set to " + set.get() + ", which is not an executable file. "
                        + "Point it at " + variable[1] + ", or unset it to search the PATH.");
            }
        }
        return Optional.empty();
    }

    /** Executable names of Chrome and Chromium on the PATH, most specific first. */
    static List<String> browserNames(Os os) {
        switch (os) {
            case WINDOWS:
                return List.of("chrome.exe", "chromium.exe");
            case MACOS:
                return List.of("chromium", "google-chrome", "chrome");
            default:
                return List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome");
        }
    }

    static List<String> driverNames(Os os) {
        return os == Os.WINDOWS ? List.of("chromedriver.exe") : List.of("chromedriver", "chromium.chromedriver");
    }

    /** Where installers put the browser when it is not on the PATH. */
    static List<String> browserLocations(Os os, Map<String, String> env) {
        List<String> places = new ArrayList<>();
        switch (os) {
            case WINDOWS:
                for (String root : windowsProgramFolders(env)) {
                    places.add(os.join(root, "Google\\Chrome\\Application\\chrome.exe"));
                    places.add(os.join(root, "Chromium\\Application\\chrome.exe"));
                }
                break;
            case MACOS:
                List<String> apps = new ArrayList<>(List.of("/Applications"));
                os.variable(env, "HOME").ifPresent(home -> apps.add(os.join(home, "Applications")));
                for (String folder : apps) {
                    places.add(folder + "/Google Chrome.app/Contents/MacOS/Google Chrome");
                    places.add(folder + "/Chromium.app/Contents/MacOS/Chromium");
                }
                break;
            default:
                places.addAll(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
                        "/usr/bin/google-chrome-stable", "/snap/bin/chromium", "/opt/google/chrome/chrome"));
        }
        return places;
    }

    /** Where installers put chromedriver: on macOS Homebrew's folder, which differs between Apple Silicon and Intel. */
    static List<String> driverLocations(Os os, String arch, Map<String, String> env) {
        List<String> places = new ArrayList<>();
        switch (os) {
            case WINDOWS:
                for (String root : windowsProgramFolders(env)) {
                    places.add(os.join(root, "Google\\Chrome\\Application\\chromedriver.exe"));
                    places.add(os.join(root, "chromedriver\\chromedriver.exe"));
                }
                return places;
            case MACOS:
                for (String bin : Os.homebrewBins(arch)) {
                    places.add(bin + "/chromedriver");
                }
                return places;
            default:
                return List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver", "/snap/bin/chromium.chromedriver");
        }
    }

    /** Program Files, Program Files (x86) and the user's local programs, from the environment or their defaults. */
    private static List<String> windowsProgramFolders(Map<String, String> env) {
        LinkedHashSet<String> roots = new LinkedHashSet<>();
        roots.add(Os.WINDOWS.variable(env, "ProgramFiles").orElse("C:\\Program Files"));
        roots.add(Os.WINDOWS.variable(env, "ProgramFiles(x86)").orElse("C:\\Program Files (x86)"));
        Os.WINDOWS.variable(env, "LOCALAPPDATA").ifPresent(roots::add);
        return List.copyOf(roots);
    }

    /** Every PATH folder joined with every name, then the well-known locations, in that order. */
    static List<String> candidates(Os os, String path, List<String> names, List<String> locations) {
        LinkedHashSet<String> all = new LinkedHashSet<>(os.onPath(path, names));
        all.addAll(locations);
        return List.copyOf(all);
    }

    private static String pick(String variable, String what, Os os, Map<String, String> env, String path,
            List<String> names, List<String> locations, Predicate<String> executable) {
        Optional<String> set = os.variable(env, variable).filter(value -> !value.isBlank());
        if (set.isPresent()) {
            return set.get();
        }
        return candidates(os, path, names, locations).stream().filter(executable).findFirst()
                .orElseThrow(() -> new NotFound("No " + what + " found for the tests that open the site in a browser."
                        + " Looked for " + String.join(", ", names) + " on the PATH, and for "
                        + String.join(", ", locations) + ". " + install(os) + " Or set " + variable
                        + " to its executable."));
    }

    /** How to install a browser and its driver on each OS. */
    static String install(Os os) {
        switch (os) {
            case WINDOWS:
                return "Install Google Chrome, and put chromedriver.exe of the same version on the PATH"
                        + " (https://googlechromelabs.github.io/chrome-for-testing/, or: winget install Google.Chrome).";
            case MACOS:
                return "Install them with Homebrew: brew install --cask google-chrome chromedriver.";
            default:
                return "On Debian or Ubuntu: apt-get install chromium chromium-driver; elsewhere install Chromium or"
                        + " Chrome and a chromedriver of the same version.";
        }
    }
}
