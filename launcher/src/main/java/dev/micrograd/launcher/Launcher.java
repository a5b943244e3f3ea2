package dev.micrograd.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs JBang for this repository on every OS; {@code ./jbang} (sh) and {@code jbang.cmd} (Windows) only start it,
 * through {@link Bootstrap}.
 *
 * <p>It prints the repository's own help, finds JBang ({@link Jbang}), resolves aliases from the
 * {@code jbang-catalog.json} beside the wrapper ({@link Catalog}, so the wrapper works from any folder), and speaks
 * JBang's launcher protocol: JBang exits with 255 and prints the command line to run. That command is cached per
 * script ({@link CommandCache}, keyed by the fingerprint of every file the script includes, {@link Inputs}), so a
 * cached run starts no JBang JVM at all, and when the command needs no JVM options other than the launcher's own the
 * script runs inside this JVM ({@link InProcess}).
 */
public final class Launcher {
    /** The JVM options both shims start the launcher with (LauncherTest checks the shims say the same). */
    static final List<String> LAUNCHER_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto",
            "-XX:-PrintWarnings", "--enable-native-access=ALL-UNNAMED", "-Dsun.misc.unsafe.memory.access=allow");
    static final String NAME = "jbang wrapper: ";

    private Launcher() {
    }

    /**
     * Entry point of both shims: {@code argv[0]} is the wrapper's own path (symbolic links resolved), the rest are
     * the user's arguments.
     */
    public static void main(String[] argv) {
        if (argv.length == 0) {
            System.err.println(NAME + "start me through ./jbang or jbang.cmd");
            System.exit(2);
        }
        try {
            Integer exit = new Run(Os.current(), System.getenv(), Path.of(argv[0]).toAbsolutePath(),
                    List.of(argv).subList(1, argv.length)).run();
            if (exit != null) {
                System.exit(exit);
            }
        } catch (Failure e) {
            System.err.println(NAME + e.getMessage());
            System.exit(1);
        }
    }

    /** How the help names the wrapper: {@code jbang.cmd} on Windows, {@code ./jbang} elsewhere. */
    static String wrapperName(Os os) {
        return os == Os.WINDOWS ? "jbang.cmd" : "./jbang";
    }

    /** Whether the arguments ask for the wrapper's own help: none at all, or only -h or --help. */
    static boolean asksForHelp(List<String> args) {
        return args.isEmpty() || args.size() == 1 && (args.get(0).equals("--help") || args.get(0).equals("-h"));
    }

    /** One run of the launcher: the machine's facts, the wrapper's place and the user's arguments. */
    static final class Run {
        private final Os os;
        private final Map<String, String> env;
        private final Path root;
        private final List<String> args;
        private final Jbang jbang;
        private final CommandCache commands;
        private Catalog catalog;

        Run(Os os, Map<String, String> env, Path wrapper, List<String> args) {
            this.os = os;
            this.env = env;
            this.root = wrapper.getParent();
            this.args = args;
            Path cache = Path.of(os.cacheHome(env, System.getProperty("user.home")));
            this.jbang = new Jbang(os, env, wrapper, cache);
            this.commands = new CommandCache(cache.resolve("commands"), os);
        }

        /** The exit code, or null when a script ran in this JVM and the JVM ends as that script's threads end. */
        Integer run() {
            if (asksForHelp(args)) {
                System.out.print(catalog().help(wrapperName(os)));
                return 0;
            }
            String first = args.get(0);
            if (Catalog.looksLikeAlias(first) && !catalog().has(first) && !Files.exists(Path.of(first))) {
                System.err.println("error: " + catalog().unknown(first, wrapperName(os)));
                return 2;
            }
            Optional<Path> installed = jbang.installed();
            if (installed.isPresent()) {
                Path jar = null;
                for (String candidate : Jbang.installedJars(os, Jbang.real(installed.get()).getParent().toString())) {
                    if (jar == null && Files.isRegularFile(Path.of(candidate))) {
                        jar = Path.of(candidate);
                    }
                }
                if (jar == null) {
                    return runInstalled(installed.get());
                }
                jbang.useJar(jar);
            }
            Optional<String> target = scriptTarget();
            if (target.isEmpty()) {
                return passThrough();
            }
            return runScript(target.get());
        }

        private Catalog catalog() {
            if (catalog == null) {
                Path file = root.resolve(Catalog.FILE);
                try {
                    catalog = Files.isRegularFile(file) ? Catalog.parse(Files.readString(file, StandardCharsets.UTF_8))
                            : Catalog.empty();
                } catch (IOException | RuntimeException e) {
                    throw new Failure("cannot read " + file + ": " + e.getMessage());
                }
            }
            return catalog;
        }

        /** The alias (from the catalog beside the wrapper) or script file the first argument names, if any. */
        private Optional<String> scriptTarget() {
            String first = args.get(0);
            if (first.startsWith("-") || first.startsWith("@")) {
                return Optional.empty();
            }
            if (catalog().has(first)) {
                return Optional.of(first);
            }
            Path file = Path.of(first);
            if ((first.endsWith(".java") || first.endsWith(".jsh")) && Files.isRegularFile(file)) {
                return Optional.of(file.toAbsolutePath().normalize().toString());
            }
            return Optional.empty();
        }

        private Integer runScript(String target) {
            Map<String, Object> alias = catalog().alias(target);
            String cwd = Path.of("").toAbsolutePath().toString();
            // Alias arguments may name files relative to the current folder, so then the folder is part of the key.
            boolean cwdMatters = alias != null && alias.containsKey("arguments");
            String key = String.join("\n", "v1", target, jbang.identity(),
                    // JBang takes java from JAVA_HOME, else from the PATH: only then does the PATH change the command.
                    Inputs.stamp(root.resolve(Catalog.FILE)), cwdMatters ? cwd : "", jbang.javaHome(),
                    os.variable(env, "JAVA_HOME").isPresent() ? "" : os.variable(env, "PATH").orElse(""),
                    jbang.environment());
            List<String> command = commands.read(key).orElse(null);
            if (command == null) {
                Inputs inputs = new Inputs();
                try {
                    Path script = alias == null ? Path.of(target) : scriptOf(alias);
                    if (script != null) {
                        inputs.addScript(script);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                jbang.classPath();
                Jbang.Captured built;
                Heartbeat beat = Heartbeat.start(alias != null ? target : Path.of(target).getFileName().toString(),
                        Heartbeat.repository(os, env, System.getProperty("user.home")), System.err);
                try {
                    built = jbang.run(List.of("run", target), alias != null ? root : Path.of(cwd));
                } finally {
                    beat.close();
                }
                if (built.exit() != 255) {
                    System.out.print(built.stdout());
                    System.out.flush();
                    return built.exit();
                }
                command = expandArgFiles(Words.parseCommandLine(Jbang.shell(os), built.stdout().trim()));
                commands.store(key, inputs, command);
            }
            List<String> full = new ArrayList<>(command);
            full.addAll(args.subList(1, args.size()));
            return execute(full);
        }

        /** The script file an alias runs, when it is a local file. */
        private Path scriptOf(Map<String, Object> alias) {
            Object ref = alias.get("script-ref");
            if (!(ref instanceof String) || ((String) ref).contains("://") || ((String) ref).contains(":") && !
                    ((String) ref).matches("[A-Za-z]:[\\\\/].*")) {
                return null;
            }
            return root.resolve((String) ref).normalize();
        }

        /** JBang on Windows may put the class path in an @argfile; the cache keeps the words themselves. */
        private List<String> expandArgFiles(List<String> command) {
            List<String> expanded = new ArrayList<>();
            for (int i = 0; i < command.size(); i++) {
                String arg = command.get(i);
                if (i > 0 && arg.startsWith("@") && Files.isRegularFile(Path.of(arg.substring(1)))) {
                    try {
                        expanded.addAll(Words.parseArgFile(Files.readString(Path.of(arg.substring(1)))));
                    } catch (IOException e) {
                        expanded.add(arg);
                    }
                } else {
                    expanded.add(arg);
                }
            }
            return expanded;
        }

        /** Runs a command line: in this JVM when it needs nothing this JVM lacks, else as a child process. */
        private Integer execute(List<String> command) {
            String thisJava = os.javaIn(System.getProperty("java.home"));
            Optional<InProcess> inProcess = env.containsKey(InProcess.FORK) ? Optional.empty()
                    : InProcess.of(command, thisJava, LAUNCHER_JVM_OPTIONS, os);
            if (inProcess.isPresent() && inProcess.get().run()) {
                return null;
            }
            return child(command);
        }

        private int child(List<String> command) {
            try {
                Process process = new ProcessBuilder(command).inheritIO().start();
                return process.waitFor();
            } catch (IOException e) {
                throw new Failure("cannot start " + command.get(0) + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 130;
            }
        }

        /** Any JBang command that is not running a script: JBang's own output and exit code. */
        private int passThrough() {
            Jbang.Captured result = jbang.run(args, Path.of("").toAbsolutePath());
            if (result.exit() == 255) {
                List<String> command = Words.parseCommandLine(Jbang.shell(os), result.stdout().trim());
                return command.isEmpty() ? 0 : child(command);
            }
            System.out.print(result.stdout());
            System.out.flush();
            return result.exit();
        }

        private int runInstalled(Path installed) {
            List<String> command = new ArrayList<>(os == Os.WINDOWS && installed.toString().matches("(?i).*\\.(cmd|bat)")
                    ? List.of("cmd.exe", "/c", installed.toString()) : List.of(installed.toString()));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            builder.environment().put(Jbang.LOOP_GUARD, "1");
            try {
                return builder.start().waitFor();
            } catch (IOException e) {
                throw new Failure("cannot start " + installed + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 130;
            }
        }
    }
}
