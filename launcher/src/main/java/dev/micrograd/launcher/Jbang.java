package dev.micrograd.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds JBang, or fetches it, and runs it with its output captured. An installed {@code jbang} on the PATH comes
 * first; else jbang-cli and its libraries are fetched once from Maven Central through the Maven Wrapper, with a
 * progress line, and their class path is cached.
 */
final class Jbang {
    static final String POM = ".mvn/jbang/pom.xml";
    /** Set for an installed jbang we start, so that it cannot lead back here in a loop. */
    static final String LOOP_GUARD = "MICROGRAD_JBANG_WRAPPER";
    /** JBang's own JVM only resolves and builds: C1 is enough. */
    static final String DEFAULT_JAVA_OPTIONS = "-XX:TieredStopAtLevel=1 -Xshare:auto";
    /** Maven's line for each file it has fetched: the file and its size. */
    private static final Pattern DOWNLOADED = Pattern.compile("Downloaded from \\S+: \\S*/([^/\\s]+) \\(([\\d.,]+) (\\w?B)");

    /** JBang's exit code and standard output. */
    record Captured(int exit, String stdout) {
    }

    private final Os os;
    private final Map<String, String> env;
    private final Path wrapper;
    private final Path root;
    private final Path cache;
    private Path installedJar;
    private List<String> classPath;

    Jbang(Os os, Map<String, String> env, Path wrapper, Path cache) {
        this.os = os;
        this.env = env;
        this.wrapper = wrapper;
        this.root = wrapper.getParent();
        this.cache = cache;
    }

    /**
     * The syntax JBang prints its command line in ({@code JBANG_RUNTIME_SHELL}). On Windows "bash" would make JBang
     * write paths as /c/Users/..., so PowerShell's syntax, which is as easy to read back, is used there.
     */
    static String shell(Os os) {
        return os == Os.WINDOWS ? "powershell" : "bash";
    }

    /** File names an installed JBang has on the PATH. */
    static List<String> installedNames(Os os) {
        return os == Os.WINDOWS ? List.of("jbang.cmd", "jbang.exe", "jbang.bat") : List.of("jbang");
    }

    /** Where an installed JBang keeps its jar, relative to the folder of its launcher script. */
    static List<String> installedJars(Os os, String folder) {
        return List.of(os.join(folder, "jbang.jar"), os.join(os.join(folder, ".jbang"), "jbang.jar"));
    }

    /** An installed jbang on the PATH that is not this wrapper, unless this run was started by one. */
    Optional<Path> installed() {
        if (env.containsKey(LOOP_GUARD)) {
            return Optional.empty();
        }
        for (String candidate : os.onPath(os.variable(env, "PATH").orElse(""), installedNames(os))) {
            Path file = Path.of(candidate);
            if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                Path real = real(file);
                if (!real.equals(real(wrapper)) && !real.equals(real(root.resolve("jbang")))
                        && !real.equals(real(root.resolve("jbang.cmd")))) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }

    /** Uses the jar of an installed JBang (so that this launcher still speaks the protocol and caches). */
    void useJar(Path jar) {
        this.installedJar = jar;
    }

    /** Which JBang runs, cheaply (for the command cache's key): the installed jar, or the pom it is fetched with. */
    String identity() {
        return installedJar != null ? installedJar + " " + Inputs.stamp(installedJar)
                : POM + " " + Inputs.stamp(root.resolve(POM));
    }

    /** JBang's class path, fetched the first time it is needed. */
    List<String> classPath() {
        if (classPath == null) {
            classPath = installedJar != null ? List.of(installedJar.toString()) : fetchedClassPath();
        }
        return classPath;
    }

    /** Runs JBang's main class with its output captured: the launcher protocol. */
    Captured run(List<String> jbangArgs, Path directory) {
        List<String> command = new ArrayList<>();
        command.add(os.javaIn(javaHome()));
        String options = os.variable(env, "JBANG_JAVA_OPTIONS").orElse(DEFAULT_JAVA_OPTIONS);
        for (String option : options.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-classpath", String.join(os.pathSeparator(), classPath()), "dev.jbang.Main"));
        command.addAll(jbangArgs);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> e = builder.environment();
        e.put("JBANG_RUNTIME_SHELL", shell(os));
        e.put("JBANG_STDIN_NOTTY", System.console() == null ? "true" : "false");
        e.put("JBANG_LAUNCH_CMD", wrapper.toString());
        try {
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            return new Captured(process.waitFor(), new String(out, Charset.defaultCharset()));
        } catch (IOException ex) {
            throw new Failure("cannot start JBang with " + command.get(0) + ": " + ex.getMessage()
                    + " (install a JDK 17 or newer, or set JAVA_HOME)");
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Captured(130, "");
        }
    }

    /** The JDK JBang runs with and builds for: JAVA_HOME, else this JVM's. */
    String javaHome() {
        return os.variable(env, "JAVA_HOME").orElse(System.getProperty("java.home"));
    }

    /** JBang's settings from the environment, part of the command cache's key. */
    String environment() {
        StringBuilder jbang = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            if (e.getKey().startsWith("JBANG_")) {
                jbang.append(e.getKey()).append('=').append(e.getValue()).append('\n');
            }
        }
        return jbang.toString();
    }

    /** jbang-cli's class path, fetched through the Maven Wrapper the first time and cached. */
    private List<String> fetchedClassPath() {
        Path pom = root.resolve(POM);
        String text;
        try {
            text = Files.readString(pom, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Failure("cannot find " + pom + ": is the wrapper still in the repository's root folder?");
        }
        Matcher version = Pattern.compile("<jbang.version>([^<]+)</jbang.version>").matcher(text);
        String jbangVersion = version.find() ? version.group(1) : "unknown";
        Path file = cache.resolve("jbang").resolve(jbangVersion + "-" + Integer.toHexString(text.hashCode()))
                .resolve("classpath.txt");
        Optional<List<String>> cached = readClassPath(file);
        if (cached.isPresent()) {
            return cached.get();
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new Failure("cannot create " + file.getParent() + ": " + e.getMessage());
        }
        System.err.println(Launcher.NAME + "fetching JBang " + jbangVersion + " and its libraries from Maven Central"
                + " (once)...");
        mavenToFetch().ifPresent(maven -> System.err.println(Launcher.NAME + "the Maven Wrapper first fetches "
                + maven + " (about 9 MB)..."));
        long pid = ProcessHandle.current().pid();
        Path tmp = file.resolveSibling("classpath." + pid + ".tmp");
        Path log = file.resolveSibling("resolve-" + pid + ".log");
        List<String> command = new ArrayList<>(os.mavenWrapperCommand(root.toString()));
        command.addAll(List.of("-B", "-f", pom.toString(), "dependency:build-classpath", "-Dmdep.includeScope=runtime",
                "-Dmdep.outputFile=" + tmp));
        int exit;
        try {
            Process maven = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
            maven.getOutputStream().close();
            follow(maven, log);
            exit = maven.waitFor();
        } catch (IOException e) {
            throw new Failure("cannot run the Maven Wrapper: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while fetching JBang");
        }
        if (exit != 0 || !Files.isRegularFile(tmp)) {
            try {
                System.err.print(Files.readString(log, Charset.defaultCharset()));
            } catch (IOException ignored) {
                // The message below still names the log.
            }
            throw new Failure("could not fetch JBang with the Maven Wrapper (log above, also in " + log + ")");
        }
        try {
            Bootstrap.move(tmp, file);
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new Failure("cannot write " + file + ": " + e.getMessage());
        }
        Optional<List<String>> fetched = readClassPath(file);
        if (fetched.isEmpty()) {
            throw new Failure("the fetched class path in " + file + " names missing files");
        }
        return fetched.get();
    }

    /** The Maven distribution the Maven Wrapper will download before it runs, if it has not yet. */
    private Optional<String> mavenToFetch() {
        try {
            String properties = Files.readString(root.resolve(".mvn/wrapper/maven-wrapper.properties"));
            Matcher url = Pattern.compile("distributionUrl=\\S*/([^/\\s]+)\\.zip").matcher(properties);
            String home = os.variable(env, "MAVEN_USER_HOME")
                    .orElse(os.join(System.getProperty("user.home"), ".m2"));
            String name = url.find() ? url.group(1).replaceFirst("-bin$", "") : "";
            if (!name.isEmpty() && !Files.isDirectory(Path.of(home, "wrapper", "dists", name))) {
                return Optional.of(name.replace("apache-maven-", "Maven "));
            }
        } catch (IOException | RuntimeException e) {
            // Only a message depends on it.
        }
        return Optional.empty();
    }

    /** Copies Maven's output into the log, and shows how far the download has got on one line, now and then. */
    private static void follow(Process maven, Path log) throws IOException {
        Progress progress = new Progress(System.console() != null, System.err);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(maven.getInputStream(),
                Charset.defaultCharset())); Writer out = Files.newBufferedWriter(log, Charset.defaultCharset())) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.write(line);
                out.write('\n');
                progress.line(line);
            }
        }
        progress.done();
    }

    /** The count and size of the files Maven has fetched so far, printed at most every two seconds. */
    static final class Progress {
        private final boolean terminal;
        private final PrintStream out;
        private int files;
        private double bytes;
        private long shown = System.nanoTime();
        private boolean printed;

        /** On a terminal the line is rewritten in place; elsewhere (a log, a CI) each update is a line of its own. */
        Progress(boolean terminal, PrintStream out) {
            this.terminal = terminal;
            this.out = out;
        }

        void line(String line) {
            Matcher m = DOWNLOADED.matcher(line);
            if (!m.find()) {
                return;
            }
            files++;
            bytes += size(m.group(2), m.group(3));
            if (System.nanoTime() - shown > 2_000_000_000L) {
                show(m.group(1));
            }
        }

        void done() {
            if (files > 0) {
                show("done");
            }
            if (printed && terminal) {
                out.println();
            }
        }

        private void show(String last) {
            shown = System.nanoTime();
            printed = true;
            String text = Launcher.NAME + status(files, bytes, last);
            if (terminal) {
                out.print("\r" + text + "\u001b[K");
            } else {
                out.println(text);
            }
            out.flush();
        }

        static String status(int files, double bytes, String last) {
            return String.format(Locale.ROOT, "fetched %d %s, %.1f MB (%s)", files, files == 1 ? "file" : "files",
                    bytes / 1e6, last);
        }

        /** Maven's sizes: "12 kB", "1.2 MB", "512 B". */
        static double size(String number, String unit) {
            double n = Double.parseDouble(number.replace(",", ""));
            switch (unit) {
                case "kB":
                case "KB":
                    return n * 1e3;
                case "MB":
                    return n * 1e6;
                case "GB":
                    return n * 1e9;
                default:
                    return n;
            }
        }
    }

    private Optional<List<String>> readClassPath(Path file) {
        try {
            String line = Files.readString(file, Charset.defaultCharset()).trim();
            List<String> jars = Arrays.asList(line.split(Pattern.quote(os.pathSeparator())));
            for (String jar : jars) {
                if (!Files.isRegularFile(Path.of(jar))) {
                    return Optional.empty();
                }
            }
            return line.isEmpty() ? Optional.empty() : Optional.of(jars);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A path with symbolic links resolved, or the absolute path when it cannot be resolved. */
    static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
