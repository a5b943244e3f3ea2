package dev.micrograd.site;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Finds Chrome or Chromium and its chromedriver on Windows, macOS and Linux, for the tests that open the site in a
 * browser: the variables {@code CHROME} and {@code CHROMEDRIVER} first, then the PATH, then the places installers use.
 *
 * <p>The search is a pure function of the OS name, the environment, the PATH and a file test, so that unit tests
 * cover every OS on any machine; {@link #installed()} applies it to this machine.
 */
public final class Browsers {
    /** The flags every test browser gets: headless, and quiet on a closed network. */
    public static final List<String> ARGUMENTS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,1000");

    /** The operating systems whose conventions differ. */
    public enum Os {
        WINDOWS, MACOS, LINUX;

        /** The OS for a value of the system property {@code os.name}; anything not Windows or macOS is treated as Linux. */
        public static Os of(String osName) {
            String name = osName.toLowerCase(Locale.ROOT);
            if (name.startsWith("windows")) {
                return WINDOWS;
            }
            if (name.startsWith("mac") || name.startsWith("darwin")) {
                return MACOS;
            }
            return LINUX;
        }

        char pathSeparator() {
            return this == WINDOWS ? ';' : ':';
        }

        String join(String folder, String name) {
            String separator = this == WINDOWS ? "\\" : "/";
            return folder.endsWith(separator) || folder.endsWith("/") ? folder + name : folder + separator + name;
        }
    }

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

    private Browsers() {
    }

    /** Finds a browser and driver on this machine. */
    public static Found installed() {
        Map<String, String> env = System.getenv();
        return find(System.getProperty("os.name"), env, variable(env, "PATH").orElse(""),
                file -> Files.isRegularFile(Path.of(file)) && Files.isExecutable(Path.of(file)));
    }

    /**
     * Finds a browser and its driver.
     *
     * @param osName the value of {@code os.name}
     * @param env the environment ({@code CHROME}, {@code CHROMEDRIVER}, and on Windows the program folders)
     * @param path the PATH, separated the OS's way
     * @param executable whether a file exists and can be run
     * @throws NotFound naming what is missing and how to install it
     */
    public static Found find(String osName, Map<String, String> env, String path, Predicate<String> executable) {
        Os os = Os.of(osName);
        String browser = pick("CHROME", "Chrome or Chromium", os, env, path, browserNames(os),
                browserLocations(os, env), executable);
        String driver = pick("CHROMEDRIVER", "chromedriver", os, env, path, driverNames(os),
                driverLocations(os, env), executable);
        return new Found(browser, driver);
    }

    /** Options for a headless browser with a profile of its own, ready for {@code new ChromeDriver(service, options)}. */
    public static ChromeOptions options(Found found, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File(found.browser()));
        options.addArguments(ARGUMENTS);
        options.addArguments("--user-data-dir=" + profile);
        return options;
    }

    /** A driver service that runs the found chromedriver and discards its log. */
    public static ChromeDriverService service(Found found) {
        return new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(found.driver()))
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
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
                variable(env, "HOME").ifPresent(home -> apps.add(os.join(home, "Applications")));
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

    static List<String> driverLocations(Os os, Map<String, String> env) {
        switch (os) {
            case WINDOWS:
                List<String> places = new ArrayList<>();
                for (String root : windowsProgramFolders(env)) {
                    places.add(os.join(root, "Google\\Chrome\\Application\\chromedriver.exe"));
                    places.add(os.join(root, "chromedriver\\chromedriver.exe"));
                }
                return places;
            case MACOS:
                return List.of("/opt/homebrew/bin/chromedriver", "/usr/local/bin/chromedriver");
            default:
                return List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver", "/snap/bin/chromium.chromedriver");
        }
    }

    /** Program Files, Program Files (x86) and the user's local programs, from the environment or their defaults. */
    private static List<String> windowsProgramFolders(Map<String, String> env) {
        LinkedHashSet<String> roots = new LinkedHashSet<>();
        roots.add(variable(env, "ProgramFiles").orElse("C:\\Program Files"));
        roots.add(variable(env, "ProgramFiles(x86)").orElse("C:\\Program Files (x86)"));
        variable(env, "LOCALAPPDATA").ifPresent(roots::add);
        return List.copyOf(roots);
    }

    /** Every PATH folder joined with every name, then the well-known locations, in that order. */
    static List<String> candidates(Os os, String path, List<String> names,
            List<String> locations) {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        for (String folder : path.split(String.valueOf(os.pathSeparator()))) {
            String dir = os == Os.WINDOWS ? folder.replace("\"", "") : folder;
            if (!dir.isBlank()) {
                for (String name : names) {
                    all.add(os.join(dir, name));
                }
            }
        }
        all.addAll(locations);
        return List.copyOf(all);
    }

    private static String pick(String variable, String what, Os os, Map<String, String> env, String path,
            List<String> names, List<String> locations, Predicate<String> executable) {
        Optional<String> set = variable(env, variable).filter(value -> !value.isBlank());
        if (set.isPresent()) {
            if (executable.test(set.get())) {
                return set.get();
            }
            throw new NotFound(variable + " is set to " + set.get() + ", which is not an executable file. "
                    + "Point it at " + what + ", or unset it to search the PATH.");
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

    /** An environment variable by name; Windows spells names with any case (Path, PATH). */
    static Optional<String> variable(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value != null) {
            return Optional.of(value);
        }
        return env.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst();
    }
}
