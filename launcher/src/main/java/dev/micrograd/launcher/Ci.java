package dev.micrograd.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The steps of {@code run-tests} (and {@code run-tests.cmd}) that differ between machines, in Java so that they run
 * the same on Windows, macOS and Linux with only a JDK, started through {@link Bootstrap}:
 *
 * <pre>
 *   java launcher/src/main/java/dev/micrograd/launcher/Bootstrap.java Ci browser     # a browser for the site's tests
 *   java launcher/src/main/java/dev/micrograd/launcher/Bootstrap.java Ci test [ARGS] # ./mvnw verify, then the count
 *   java launcher/src/main/java/dev/micrograd/launcher/Bootstrap.java Ci summary     # the count of every report
 * </pre>
 */
public final class Ci {
    private static final String NAME = "run-tests: ";
    private static final Pattern SUITE = Pattern.compile("<testsuite\\s[^>]*>");
    /** A module's line in Maven's reactor summary: its name and how it ended. */
    private static final Pattern MODULE = Pattern.compile("^\\[INFO\\] (.+?) \\.+ ?(SUCCESS|FAILURE|SKIPPED)\\b");

    private Ci() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String step = args.length == 0 ? "" : args[0];
        Path root = Path.of("").toAbsolutePath();
        switch (step) {
            case "summary":
                System.out.println(summary(root, 0));
                break;
            case "browser":
                System.exit(browser(Os.current()));
                break;
            case "test":
                System.exit(test(Os.current(), root, Arrays.asList(args).subList(1, args.length)));
                break;
            default:
                System.err.println("usage: Ci browser | test [MAVEN-ARGS...] | summary");
                System.exit(2);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The tests and their count.

    /** Runs {@code mvnw verify}, shows its output, then the count of the reports it wrote and whether it is whole. */
    static int test(Os os, Path root, List<String> mavenArgs) throws IOException, InterruptedException {
        long start = System.currentTimeMillis();
        List<String> command = new ArrayList<>(os.mavenWrapperCommand(root.toString()));
        command.addAll(List.of("-B", "-ntp", "verify"));
        command.addAll(mavenArgs);
        Process maven = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.INHERIT).start();
        List<String> reactor = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(maven.getInputStream(),
                Charset.defaultCharset()))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                System.out.println(line);
                System.out.flush();
                if (MODULE.matcher(line).find()) {
                    reactor.add(line);
                }
            }
        }
        int exit = maven.waitFor();
        // Reports from earlier builds may lie in modules this one never reached: count only this build's.
        String count = summary(root, start - 2_000);
        System.out.println(count + partial(exit, reactor));
        return exit;
    }

    /** Nothing when the build passed; else which module stopped it, which never ran, and that the count is partial. */
    static String partial(int exit, List<String> reactorLines) {
        if (exit == 0) {
            return "";
        }
        List<String> failed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String line : reactorLines) {
            Matcher m = MODULE.matcher(line);
            if (m.find()) {
                if (m.group(2).equals("FAILURE")) {
                    failed.add(m.group(1));
                } else if (m.group(2).equals("SKIPPED")) {
                    skipped.add(m.group(1));
                }
            }
        }
        if (failed.isEmpty()) {
            return " (partial: the build stopped early, exit code " + exit + "; Maven's output above says why)";
        }
        return " (partial: the build stopped in " + String.join(", ", failed)
                + (skipped.isEmpty() ? "" : "; not run: " + String.join(", ", skipped)) + ")";
    }

    /** Sums the surefire reports under a folder written since a time: "N passed, N failed, N skipped". */
    static String summary(Path root, long sinceMillis) throws IOException {
        List<String> headers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path report : files.filter(Ci::isReport).sorted().collect(Collectors.toList())) {
                if (Files.getLastModifiedTime(report).toMillis() >= sinceMillis) {
                    Matcher suite = SUITE.matcher(Files.readString(report, StandardCharsets.UTF_8));
                    if (suite.find()) {
                        headers.add(suite.group());
                    }
                }
            }
        }
        return summarize(headers);
    }

    /** A surefire report: target/surefire-reports/TEST-*.xml in any module. */
    static boolean isReport(Path file) {
        String name = file.getFileName().toString();
        Path folder = file.getParent();
        return name.startsWith("TEST-") && name.endsWith(".xml") && folder != null && folder.getParent() != null
                && folder.getFileName().toString().equals("surefire-reports")
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
    // A browser for the site's browser tests.

    /** What to do about the browser: run these commands, and print this message first. */
    record Plan(List<List<String>> commands, String message) {
    }

    /**
     * The plan for a machine without a browser. Only Debian-like systems (by /etc/os-release) with apt-get get
     * Chromium installed for them, as root or through sudo when sudo is there; elsewhere the message says what to do.
     *
     * @param os this machine's OS
     * @param osRelease the text of /etc/os-release, or "" when there is none
     * @param aptGet whether apt-get is on the PATH
     * @param sudo whether sudo is on the PATH
     * @param root whether this process runs as root
     */
    static Plan plan(Os os, String osRelease, boolean aptGet, boolean sudo, boolean root) {
        String install = "apt-get install chromium chromium-driver";
        if (os == Os.LINUX && debianLike(osRelease) && aptGet && (root || sudo)) {
            List<String> prefix = root ? List.of() : List.of("sudo");
            List<String> update = new ArrayList<>(prefix);
            update.addAll(List.of("apt-get", "update", "-qq"));
            List<String> get = new ArrayList<>(prefix);
            get.addAll(List.of("apt-get", "install", "-y", "-qq", "chromium", "chromium-driver"));
            return new Plan(List.of(update, get), NAME + "installing chromium and chromium-driver for the site's"
                    + " browser tests (" + (root ? "" : "sudo ") + "apt-get, once)");
        }
        String what;
        if (os == Os.LINUX && debianLike(osRelease) && aptGet) {
            what = "as root, run " + install + " (sudo is not installed here)";
        } else {
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
        }
        return new Plan(List.of(), NAME + "the site's browser tests need Chrome or Chromium and chromedriver, and"
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
     * Makes sure the browser tests have a browser: 0 when one is there or was installed; 2 when CHROME or
     * CHROMEDRIVER names a file that is not there (the tests would fail on it); else the message, and 0.
     */
    static int browser(Os os) throws IOException, InterruptedException {
        Map<String, String> env = System.getenv();
        String path = os.variable(env, "PATH").orElse("");
        java.util.Optional<String> wrong = BrowserSearch.misconfigured(os, env, BrowserSearch::executable);
        if (wrong.isPresent()) {
            System.out.println(NAME + wrong.get());
            return 2;
        }
        if (found(os, env, path)) {
            return 0;
        }
        Path release = Path.of("/etc/os-release");
        Plan plan = plan(os, Files.isRegularFile(release) ? Files.readString(release) : "",
                onPath(os, path, "apt-get"), onPath(os, path, "sudo"), "root".equals(System.getProperty("user.name")));
        System.out.println(plan.message());
        for (List<String> command : plan.commands()) {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            int exit;
            try {
                exit = builder.start().waitFor();
            } catch (IOException e) {
                System.out.println(NAME + "cannot run " + command.get(0) + " (" + e.getMessage() + "); the browser"
                        + " tests will fail until Chromium and chromedriver are installed");
                return 0;
            }
            if (exit != 0) {
                System.out.println(NAME + String.join(" ", command) + " failed with exit code " + exit);
                return exit;
            }
        }
        return 0;
    }

    private static boolean found(Os os, Map<String, String> env, String path) {
        try {
            BrowserSearch.find(os, System.getProperty("os.arch", ""), env, path, BrowserSearch::executable);
            return true;
        } catch (BrowserSearch.NotFound e) {
            return false;
        }
    }

    private static boolean onPath(Os os, String path, String name) {
        return os.onPath(path, List.of(os.executable(name))).stream().anyMatch(BrowserSearch::executable);
    }
}
