package dev.micrograd.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The operating systems whose conventions differ, and those conventions: file names, the PATH, environment variables,
 * cache folders and how a script is started. Each is a small function of the OS (and of plain values such as the
 * environment), so that unit tests cover Windows, macOS and Linux on any machine.
 */
public enum Os {
    WINDOWS, MACOS, LINUX;

    /** The OS for a value of {@code os.name}; anything not Windows or macOS follows Linux's conventions. */
    public static Os of(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return WINDOWS;
        }
        return name.startsWith("mac") || name.startsWith("darwin") ? MACOS : LINUX;
    }

    /** This machine's OS. */
    public static Os current() {
        return of(System.getProperty("os.name", ""));
    }

    public String pathSeparator() {
        return this == WINDOWS ? ";" : ":";
    }

    /** An executable's file name: {@code java.exe} on Windows, {@code java} elsewhere. */
    public String executable(String name) {
        return this == WINDOWS ? name + ".exe" : name;
    }

    /** A file in a folder, with the OS's separator unless the folder already ends with one. */
    public String join(String folder, String name) {
        String separator = this == WINDOWS ? "\\" : "/";
        return folder.endsWith("/") || folder.endsWith("\\") ? folder + name : folder + separator + name;
    }

    /** An environment variable; Windows spells names in any case (Path, PATH), the others do not. */
    public Optional<String> variable(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value != null || this != WINDOWS) {
            return Optional.ofNullable(value);
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** Candidate files for an executable on the PATH, in PATH order; Windows allows quoted folders. */
    public List<String> onPath(String path, List<String> names) {
        List<String> files = new ArrayList<>();
        for (String folder : path.split(Pattern.quote(pathSeparator()))) {
            String dir = this == WINDOWS ? folder.replace("\"", "") : folder;
            if (!dir.isBlank()) {
                for (String name : names) {
                    files.add(join(dir, name));
                }
            }
        }
        return files;
    }

    /** The java executable of a JDK home folder. */
    public String javaIn(String javaHome) {
        return join(join(javaHome, "bin"), executable("java"));
    }

    /**
     * The folder for this project's caches: {@code XDG_CACHE_HOME} when set, else {@code %LOCALAPPDATA%} on Windows,
     * {@code ~/Library/Caches} on macOS and {@code ~/.cache} on Linux; always followed by {@code micrograd-java}.
     */
    public String cacheHome(Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return join(xdg, "micrograd-java");
        }
        switch (this) {
            case WINDOWS:
                String local = variable(env, "LOCALAPPDATA").orElse(join(join(userHome, "AppData"), "Local"));
                return join(local, "micrograd-java");
            case MACOS:
                return join(join(join(userHome, "Library"), "Caches"), "micrograd-java");
            default:
                return join(join(userHome, ".cache"), "micrograd-java");
        }
    }

    /** The shim a user (or a test) runs: {@code jbang.cmd} through cmd on Windows, {@code jbang} elsewhere. */
    public List<String> shimCommand(String root) {
        return this == WINDOWS ? List.of("cmd.exe", "/c", join(root, "jbang.cmd")) : List.of(join(root, "jbang"));
    }

    /** The Maven Wrapper: {@code mvnw.cmd} through cmd on Windows, {@code mvnw} through sh elsewhere. */
    public List<String> mavenWrapperCommand(String root) {
        // Through sh, so that a checkout that lost the executable bit still works.
        return this == WINDOWS ? List.of("cmd.exe", "/c", join(root, "mvnw.cmd")) : List.of("sh", join(root, "mvnw"));
    }

    /** Whether {@code os.arch} names an ARM processor (Apple Silicon, ARM Linux, Windows on ARM). */
    public static boolean arm(String osArch) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        return arch.equals("aarch64") || arch.equals("arm64") || arch.startsWith("arm");
    }

    /** Where Homebrew puts its programs on macOS, this processor's place first: /opt/homebrew on ARM, /usr/local on Intel. */
    public static List<String> homebrewBins(String osArch) {
        return arm(osArch) ? List.of("/opt/homebrew/bin", "/usr/local/bin") : List.of("/usr/local/bin", "/opt/homebrew/bin");
    }
}
