package dev.micrograd.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The two steps of {@code run-tests} (and {@code run-tests.cmd}) that differ between machines, in Java so that they
 * run the same on Windows, macOS and Linux with only a JDK, through the JDK's source launcher:
 *
 * <pre>
 *   java launcher/src/main/java/dev/micrograd/launcher/Ci.java browser   # make sure the browser test has a browser
 *   java launcher/src/main/java/dev/micrograd/launcher/Ci.java summary   # print "N passed, N failed, N skipped"
 * </pre>
 *
 * <p>It stands alone (the source launcher compiles one file), so it repeats the few OS helpers it shares with
 * {@link Launcher}.
 */
public final class Ci {
    private static final Pattern SUITE = Pattern.compile("<testsuite\\s[^>]*>");

    private Ci() {
    }

    /** The operating systems whose conventions differ. */
    enum Os {
        WINDOWS, MACOS, LINUX;

        static Os of(String osName) {
            String name = osName.toLowerCase(Locale.ROOT);
            if (name.startsWith("windows")) {
                return WINDOWS;
            }
            return name.startsWith("mac") || name.startsWith("darwin") ? MACOS : LINUX;
        }
    }

    /** Candidate files for executables on the PATH, in PATH order. */
    static List<String> onPath(Os os, String path, List<String> names) {
        List<String> files = new ArrayList<>();
        for (String folder : path.split(os == Os.WINDOWS ? ";" : ":")) {
            String dir = os == Os.WINDOWS ? folder.replace("\"", "") : folder;
            if (!dir.isBlank()) {
                for (String name : names) {
                    files.add(dir + (os == Os.WINDOWS ? "\\" : "/") + name);
                }
            }
        }
        return files;
    }

    static java.util.Optional<String> variable(Map<String, String> env, String name) {
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return java.util.Optional.of(e.getValue());
            }
        }
        return java.util.Optional.empty();
    }

    public static void main(String[] args) throws Exception {
        String step = args.length == 0 ? "" : args[0];
        Path root = Path.of(args.length > 1 ? args[1] : ".");
        switch (step) {
            case "summary":
                System.out.println(summary(root));
                break;
            case "browser":
                System.exit(browser());
                break;
            default:
                System.err.println("usage: java Ci.java summary [DIR] | browser");
                System.exit(2);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The test summary.

    /** Sums every surefire and failsafe report under a folder: "N passed, N failed, N skipped". */
    static String summary(Path root) throws IOException {
        List<String> headers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path report : files.filter(Ci::isReport).sorted().collect(Collectors.toList())) {
                Matcher suite = SUITE.matcher(Files.readString(report, StandardCharsets.UTF_8));
                if (suite.find()) {
                    headers.add(suite.group());
                }
            }
        }
        return summarize(headers);
    }

    static boolean isReport(Path file) {
        String name = file.getFileName().toString();
        Path folder = file.getParent();
        if (!name.startsWith("TEST-") || !name.endsWith(".xml") || folder == null || folder.getParent() == null) {
            return false;
        }
        String reports = folder.getFileName().toString();
        return (reports.equals("surefire-reports") || reports.equals("failsafe-reports"))
                && folder.getParent().getFileName().toString().equals("target");
    }

    /** Errors count as failures; passed is what neither failed nor was skipped. */
    static String summarize(List<String> suiteHeaders) {
        long tests = 0;
        long failed = 0;
        long skipped = 0;
        for (String header : suiteHeaders) {
            tests += attribute(header, "tests");
            failed += attribute(header, "failures") + attribute(header, "errors");
            skipped += attribute(header, "skipped");
        }
        return (tests - failed - skipped) + " passed, " + failed + " failed, " + skipped + " skipped";
    }

    private static long attribute(String header, String name) {
        Matcher value = Pattern.compile("\\s" + name + "=\"(\\d+)\"").matcher(header);
        return value.find() ? Long.parseLong(value.group(1)) : 0;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // A browser for the site's browser test.

    /** What to do about the browser: nothing, install it with apt-get, or tell the user what to install. */
    record Plan(List<List<String>> commands, String message) {
    }

    /**
     * The plan for a machine. Only Debian-like systems (Debian, Ubuntu and their kin, by /etc/os-release) with apt-get
     * get Chromium installed for them; elsewhere the message says what to install.
     *
     * @param os this machine's OS
     * @param osRelease the text of /etc/os-release, or "" when there is none
     * @param aptGet whether apt-get is on the PATH
     * @param browserFound whether a browser and its driver were found
     * @param root whether this process runs as root (else apt-get goes through sudo)
     */
    static Plan plan(Os os, String osRelease, boolean aptGet, boolean browserFound, boolean root) {
        if (browserFound) {
            return new Plan(List.of(), "");
        }
        if (os == Os.LINUX && debianLike(osRelease) && aptGet) {
            List<String> sudo = root ? List.of() : List.of("sudo");
            List<String> update = new ArrayList<>(sudo);
            update.addAll(List.of("apt-get", "update", "-qq"));
            List<String> install = new ArrayList<>(sudo);
            install.addAll(List.of("apt-get", "install", "-y", "-qq", "chromium", "chromium-driver"));
            return new Plan(List.of(update, install),
                    "run-tests: installing chromium and chromium-driver for the site's browser test (apt-get, once)");
        }
        String what;
        switch (os) {
            case WINDOWS:
                what = "install Google Chrome and put chromedriver.exe of the same version on the PATH"
                        + " (https://googlechromelabs.github.io/chrome-for-testing/)";
                break;
            case MACOS:
                what = "install them with Homebrew: brew install --cask google-chrome chromedriver";
                break;
            default:
                what = "install Chromium or Chrome and a chromedriver of the same version with your package manager";
        }
        return new Plan(List.of(), "run-tests: the site's browser test needs Chrome or Chromium and chromedriver, and"
                + " none was found: " + what + ", or set CHROME and CHROMEDRIVER to them. The other tests run anyway.");
    }

    /** Whether /etc/os-release describes Debian or a system derived from it. */
    static boolean debianLike(String osRelease) {
        for (String line : osRelease.split("\n")) {
            String[] kv = line.trim().split("=", 2);
            if (kv.length == 2 && (kv[0].equals("ID") || kv[0].equals("ID_LIKE"))) {
                for (String id : kv[1].replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT).split("\\s+")) {
                    if (id.equals("debian") || id.equals("ubuntu")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether a browser and a driver are there, looked for as the site's tests do: CHROME and CHROMEDRIVER, the PATH
     * with each OS's names, and the usual Linux places (the site test also knows macOS's and Windows' install folders,
     * which only matter there for its message).
     */
    static boolean browserFound(Os os, Map<String, String> env, String path, java.util.function.Predicate<String> exists) {
        List<String> browsers = os == Os.WINDOWS ? List.of("chrome.exe", "chromium.exe")
                : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome");
        List<String> drivers = os == Os.WINDOWS ? List.of("chromedriver.exe")
                : List.of("chromedriver", "chromium.chromedriver");
        List<String> browserFiles = new ArrayList<>(onPath(os, path, browsers));
        List<String> driverFiles = new ArrayList<>(onPath(os, path, drivers));
        if (os == Os.LINUX) {
            browserFiles.addAll(List.of("/usr/bin/chromium", "/snap/bin/chromium", "/opt/google/chrome/chrome"));
            driverFiles.addAll(List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"));
        }
        if (os == Os.MACOS) {
            browserFiles.add("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
            browserFiles.add("/Applications/Chromium.app/Contents/MacOS/Chromium");
        }
        if (os == Os.WINDOWS) {
            browserFiles.add(variable(env, "ProgramFiles").orElse("C:\\Program Files")
                    + "\\Google\\Chrome\\Application\\chrome.exe");
        }
        String chrome = env.get("CHROME");
        String driver = env.get("CHROMEDRIVER");
        boolean browser = chrome != null && !chrome.isBlank() ? exists.test(chrome) : browserFiles.stream().anyMatch(exists);
        boolean chromedriver = driver != null && !driver.isBlank() ? exists.test(driver) : driverFiles.stream().anyMatch(exists);
        return browser && chromedriver;
    }

    private static int browser() throws IOException, InterruptedException {
        Os os = Os.of(System.getProperty("os.name", ""));
        Map<String, String> env = System.getenv();
        String path = variable(env, "PATH").orElse("");
        java.util.function.Predicate<String> executable = f -> Files.isRegularFile(Path.of(f)) && Files.isExecutable(Path.of(f));
        Path release = Path.of("/etc/os-release");
        Plan plan = plan(os, Files.isRegularFile(release) ? Files.readString(release) : "",
                onPath(os, path, List.of("apt-get")).stream().anyMatch(executable),
                browserFound(os, env, path, executable), "root".equals(System.getProperty("user.name")));
        if (!plan.message().isEmpty()) {
            System.out.println(plan.message());
        }
        for (List<String> command : plan.commands()) {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            int exit = builder.start().waitFor();
            if (exit != 0) {
                System.out.println("run-tests: " + String.join(" ", command) + " failed with exit code " + exit);
                return exit;
            }
        }
        return 0;
    }
}
