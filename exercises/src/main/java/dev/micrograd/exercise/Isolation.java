package dev.micrograd.exercise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How a checking JVM is fenced in, decided once per operating system: every process it starts must end with
 * its check, and with a sandbox it sees only its own scratch folder as writable.
 *
 * <ul>
 * <li>{@link Kind#SANDBOX} (Linux with bubblewrap): its own PID namespace, so ending it ends every process it
 * started, orphans included; no network; the whole file system read-only except the scratch folder; it dies
 * with the supervisor.</li>
 * <li>{@link Kind#PROCESS_GROUP} (Linux without bubblewrap, macOS with a {@code setsid} command): a new session,
 * ended as a whole, then any process still carrying the run's token in its environment (Linux).</li>
 * <li>{@link Kind#PROCESS_TREE} (Windows, macOS without {@code setsid}): the process and its descendants. A Job Object, which would also
 * hold orphans, needs native code that the JDK does not offer.</li>
 * </ul>
 */
record Isolation(Kind kind, Path bwrap) {
    enum Kind {
        SANDBOX("sandbox (bubblewrap: own processes, no network, read-only files except its scratch folder)"),
        PROCESS_GROUP("process group (a new session, ended as a whole; files and network not fenced)"),
        PROCESS_TREE("process tree (the JVM and its descendants; files and network not fenced)");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    /** The name of the environment variable that marks every process of one checking run. */
    static final String TOKEN = "MICROGRAD_CHECK_RUN";

    /** Thrown when a sandbox was asked for and this machine cannot give one. */
    static final class Unavailable extends IOException {
        Unavailable(String message) {
            super(message);
        }
    }

    /**
     * The isolation for an operating system ({@code os.name}), given where bubblewrap is (if anywhere) and
     * whether a sandbox is required ({@code --sandbox}).
     */
    static Isolation choose(String osName, Optional<Path> bwrap, boolean sandboxRequired) throws Unavailable {
        return choose(osName, bwrap, true, sandboxRequired);
    }

    /** The same, knowing whether a {@code setsid} command is there to start a new session (macOS has none). */
    static Isolation choose(String osName, Optional<Path> bwrap, boolean setsid, boolean sandboxRequired)
            throws Unavailable {
        String os = osName.toLowerCase(Locale.ROOT);
        boolean linux = os.contains("linux");
        if (linux && bwrap.isPresent()) {
            return new Isolation(Kind.SANDBOX, bwrap.get());
        }
        if (sandboxRequired) {
            throw new Unavailable(linux ? "--sandbox needs bubblewrap (Debian and Ubuntu: apt-get install bubblewrap;"
                    + " Fedora: dnf install bubblewrap)" : "--sandbox needs Linux with bubblewrap; on " + osName
                    + " the checks run in a process group without a file-system sandbox");
        }
        return new Isolation(os.startsWith("windows") || !setsid ? Kind.PROCESS_TREE : Kind.PROCESS_GROUP, null);
    }

    /** The isolation of this machine: bubblewrap counts only when it can start a sandbox here. */
    static Isolation here(boolean sandboxRequired) throws Unavailable {
        return choose(System.getProperty("os.name"), find("bwrap").filter(Isolation::works), find("setsid").isPresent(),
                sandboxRequired);
    }

    private static final java.util.Map<Path, Boolean> WORKS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Whether bubblewrap can make its namespaces on this machine (containers and some kernels forbid them),
     * tried once per JVM and remembered in the temporary folder for this kernel and this bubblewrap.
     */
    static boolean works(Path bwrap) {
        return WORKS.computeIfAbsent(bwrap, b -> {
            Path mark;
            try {
                mark = Path.of(System.getProperty("java.io.tmpdir"), "micrograd-bwrap-works-"
                        + Integer.toHexString((b + " " + Files.getLastModifiedTime(b) + " " + System.getProperty("os.version")
                        + " " + System.getProperty("user.name")).hashCode()));
                if (Files.isRegularFile(mark, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    return true;
                }
            } catch (IOException e) {
                return false;
            }
            try {
                Process p = new ProcessBuilder(b.toString(), "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/",
                        "--proc", "/proc", "--dev", "/dev", "true").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                boolean ok = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
                p.destroyForcibly();
                if (ok) {
                    try {
                        Files.writeString(mark, "");
                    } catch (IOException e) {
                        // Only the next run's speed depends on it.
                    }
                }
                return ok;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    /** An executable on the PATH. */
    static Optional<Path> find(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The command line that starts {@code command} fenced in, working in {@code scratch}: in a sandbox the
     * {@code readable} paths (class paths) stay readable even under the emptied /tmp, and the {@code hidden}
     * folders (other students' work) are replaced by empty ones.
     */
    List<String> wrap(List<String> command, Path scratch, List<Path> readable, List<Path> hidden) {
        return wrap(command, scratch, readable, hidden, 0);
    }

    /**
     * The same, and where the system offers it (Linux's prlimit) the whole address space capped at
     * {@code memoryCap} bytes, so native memory is limited as well as the Java heap; 0 for no cap.
     */
    List<String> wrap(List<String> command, Path scratch, List<Path> readable, List<Path> hidden, long memoryCap) {
        List<String> line = new ArrayList<>();
        switch (kind) {
            case SANDBOX -> {
                String dir = scratch.toAbsolutePath().toString();
                line.addAll(List.of(bwrap.toString(), "--unshare-all", "--die-with-parent", "--new-session",
                        "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"));
                for (Path h : hidden) {
                    line.addAll(List.of("--tmpfs", h.toAbsolutePath().toString()));
                }
                for (Path r : readable) {
                    String p = r.toAbsolutePath().toString();
                    line.addAll(List.of("--ro-bind-try", p, p));
                }
                line.addAll(List.of("--bind", dir, dir, "--chdir", dir, "--"));
            }
            case PROCESS_GROUP -> find("setsid").ifPresent(setsid -> line.add(setsid.toString()));
            default -> {
            }
        }
        if (memoryCap > 0 && kind != Kind.PROCESS_TREE) {
            find("prlimit").ifPresent(prlimit -> line.addAll(List.of(prlimit.toString(), "--as=" + memoryCap, "--")));
        }
        line.addAll(command);
        return line;
    }

    /** Ends the process and everything it started; {@code token} marks the run's processes in their environment. */
    void kill(Process process, String token) {
        long pid = process.pid();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        if (kind == Kind.PROCESS_GROUP) {
            signalGroup(pid);
        }
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (kind == Kind.PROCESS_GROUP) {
            killMarked(token);
        }
    }

    /** With setsid the JVM leads its own session and process group, whose id is its pid. */
    private static void signalGroup(long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + pid).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // No kill command: the descendants were ended one by one.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Linux: every process whose environment holds the run's token, however it left the group. */
    static void killMarked(String token) {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return;
        }
        byte[] needle = (TOKEN + "=" + token).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (var entries = Files.list(proc)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if (contains(Files.readAllBytes(p.resolve("environ")), needle)) {
                        ProcessHandle.of(Long.parseLong(name)).ifPresent(ProcessHandle::destroyForcibly);
                    }
                } catch (IOException | RuntimeException e) {
                    // Another user's process, or gone already.
                }
            }
        } catch (IOException e) {
            // No /proc to read: the group was ended, which is what this system offers.
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (i > 0 && hay[i - 1] != 0) {
                continue;
            }
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            if (i + needle.length == hay.length || hay[i + needle.length] == 0) {
                return true;
            }
        }
        return false;
    }
}
