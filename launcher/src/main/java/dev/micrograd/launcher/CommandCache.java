package dev.micrograd.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The java command line JBang printed for a script, kept per key (the script, the JBang and JDK in use, the
 * environment) with the fingerprint of the script's {@link Inputs}, so that a cached run starts no JBang at all.
 * One small text file per entry: the key, the inputs, then one argument per line.
 */
final class CommandCache {
    private final Path folder;
    private final Os os;

    CommandCache(Path folder, Os os) {
        this.folder = folder;
        this.os = os;
    }

    /** The entry's file for a key: two hashes of it, so that different keys do not meet. */
    Path entry(String key) {
        return folder.resolve(Integer.toHexString(key.hashCode()) + "-"
                + Integer.toHexString(new StringBuilder(key).reverse().toString().hashCode()) + ".txt");
    }

    /** The cached command for a key when everything it was built from is unchanged and its files are still there. */
    Optional<List<String>> read(String key) {
        List<String> lines;
        try {
            lines = Files.readAllLines(entry(key), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            if (lines.isEmpty() || !lines.get(0).equals("key " + escape(key)) || !Inputs.unchanged(lines)) {
                return Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("arg ")) {
                command.add(unescape(line.substring(4)));
            }
        }
        // A cleared JBang cache removes the built jar: then JBang must build again.
        for (int i = 0; i + 1 < command.size(); i++) {
            if (command.get(i).equals("-classpath") || command.get(i).equals("-cp")) {
                for (String element : command.get(i + 1).split(Pattern.quote(os.pathSeparator()))) {
                    if (!element.isEmpty() && !Files.exists(Path.of(element))) {
                        return Optional.empty();
                    }
                }
            }
        }
        return command.isEmpty() || !Files.exists(Path.of(command.get(0))) ? Optional.empty() : Optional.of(command);
    }

    /** Keeps a java command line; anything else (JBang may also print a jshell line) is not worth a cache entry. */
    void store(String key, Inputs inputs, List<String> command) {
        if (command.isEmpty() || !Path.of(command.get(0)).getFileName().toString().matches("(?i)java(\\.exe)?")) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("key " + escape(key));
        lines.addAll(inputs.lines());
        for (String arg : command) {
            lines.add("arg " + escape(arg));
        }
        Path entry = entry(key);
        try {
            Files.createDirectories(entry.getParent());
            Path tmp = entry.resolveSibling(entry.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Bootstrap.move(tmp, entry);
        } catch (IOException e) {
            System.err.println(Launcher.NAME + "cannot cache the command in " + entry + " (" + e.getMessage() + ")");
        }
    }

    /** Escapes a value for one line of the cache file. */
    static String escape(String s) {
        return s.replace("%", "%25").replace("\n", "%0A").replace("\r", "%0D");
    }

    static String unescape(String s) {
        return s.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
    }
}
