package dev.micrograd.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fingerprint of what a cached command was built from: a script and every file its {@code //SOURCES} and
 * {@code //FILES} lines include, each with its size, time and checksum, and the listing of every folder a glob reads,
 * so that an edited, added or removed source is seen on the next run.
 */
final class Inputs {
    private static final Pattern INCLUDE = Pattern.compile("(?m)^//(SOURCES|FILES)\\s+(.+)$");

    /**
     * The {@code //SOURCES} and {@code //FILES} entries of a script's text, as paths relative to its folder
     * ({@code //FILES a=b} names the file b).
     */
    static List<String> includes(String text) {
        List<String> paths = new ArrayList<>();
        Matcher m = INCLUDE.matcher(text);
        while (m.find()) {
            for (String entry : m.group(2).trim().split("\\s+")) {
                String path = "FILES".equals(m.group(1)) && entry.contains("=") ? entry.substring(entry.indexOf('=') + 1) : entry;
                if (!path.isEmpty() && !path.startsWith("http:") && !path.startsWith("https:")) {
                    paths.add(path);
                }
            }
        }
        return paths;
    }

    /**
     * A glob's fixed folder and what to watch below it, over-approximated on purpose: every file in that folder (and
     * below, when the glob has {@code **}) whose name matches the glob's last part. A file that only might be
     * included costs a rebuild; a file missed would cost a stale run.
     */
    record Tree(String folder, boolean recursive, String namePattern) {
        static Optional<Tree> of(String glob) {
            String g = glob.replace('\\', '/');
            int wild = indexOfAny(g, "*?[{");
            if (wild < 0) {
                return Optional.empty();
            }
            int slash = g.lastIndexOf('/', wild);
            String folder = slash < 0 ? "." : g.substring(0, slash);
            String last = g.substring(g.lastIndexOf('/') + 1);
            return Optional.of(new Tree(folder.isEmpty() ? "/" : folder, g.substring(wild).contains("/") || g.contains("**"),
                    last));
        }
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }


    final TreeMap<String, String> files = new TreeMap<>();
    final TreeMap<String, String> trees = new TreeMap<>();

    /** Adds a script and, following its //SOURCES and //FILES lines, everything it includes. */
    void addScript(Path script) throws IOException {
        Path file = script.toAbsolutePath().normalize();
        if (files.containsKey(file.toString()) || !Files.isRegularFile(file)) {
            files.putIfAbsent(file.toString(), stamp(file));
            return;
        }
        files.put(file.toString(), stamp(file));
        if (!file.getFileName().toString().endsWith(".java") && !file.getFileName().toString().endsWith(".jsh")) {
            return;
        }
        Path folder = file.getParent();
        for (String include : includes(Files.readString(file, StandardCharsets.UTF_8))) {
            Optional<Tree> tree = Tree.of(include);
            if (tree.isEmpty()) {
                addScript(folder.resolve(include));
                continue;
            }
            Path base = folder.resolve(tree.get().folder()).normalize();
            List<Path> matched = list(base, tree.get());
            trees.put(base + "|" + tree.get().recursive() + "|" + tree.get().namePattern(), listing(matched));
            for (Path path : matched) {
                addScript(path);
            }
        }
    }

    /** This state as lines for the cache file. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            lines.add("file " + file.getValue() + " " + CommandCache.escape(file.getKey()));
        }
        for (Map.Entry<String, String> tree : trees.entrySet()) {
            lines.add("tree " + tree.getValue() + " " + CommandCache.escape(tree.getKey()));
        }
        return lines;
    }

    /** Whether the files and folders named in cache lines are unchanged. */
    static boolean unchanged(List<String> lines) throws IOException {
        for (String line : lines) {
            if (line.startsWith("file ")) {
                String[] parts = line.split(" ", 3);
                if (!parts[1].equals(stamp(Path.of(CommandCache.unescape(parts[2]))))) {
                    return false;
                }
            } else if (line.startsWith("tree ")) {
                String[] parts = line.split(" ", 3);
                String[] tree = CommandCache.unescape(parts[2]).split("\\|", 3);
                List<Path> now = list(Path.of(tree[0]), new Tree(tree[0], Boolean.parseBoolean(tree[1]), tree[2]));
                if (!parts[1].equals(listing(now))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Size, time and a checksum of the content, so that even an edit in the same second is seen. */
    static String stamp(Path file) {
        return Bootstrap.fileStamp(file);
    }

    private static List<Path> list(Path base, Tree tree) throws IOException {
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        PathMatcher name = FileSystems.getDefault().getPathMatcher("glob:" + tree.namePattern());
        List<Path> found = new ArrayList<>();
        collect(base, tree.recursive(), name, found);
        found.sort(null);
        return found;
    }

    /** A plain walk: cheaper to start than Files.walk's streams, which matters on every cached run. */
    private static void collect(Path folder, boolean recursive, PathMatcher name, List<Path> found)
            throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry)) {
                    if (recursive) {
                        collect(entry, true, name, found);
                    }
                } else if (name.matches(entry.getFileName())) {
                    found.add(entry);
                }
            }
        }
    }

    private static String listing(List<Path> paths) {
        StringBuilder all = new StringBuilder();
        for (Path path : paths) {
            all.append(path).append('\n');
        }
        return paths.size() + ":" + Integer.toHexString(all.toString().hashCode());
    }
}
