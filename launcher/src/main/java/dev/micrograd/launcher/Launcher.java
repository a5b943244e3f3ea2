package dev.micrograd.launcher;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Runs JBang for this repository on every OS; {@code ./jbang} (sh) and {@code jbang.cmd} (Windows) only start it.
 *
 * <p>It finds JBang (an installed one, else jbang-cli fetched once through the Maven Wrapper), resolves aliases from
 * the {@code jbang-catalog.json} beside the wrapper (so the wrapper works from any folder), and speaks JBang's launcher
 * protocol: JBang exits with 255 and prints the command line to run. That command is cached per script, keyed by the
 * script's and every {@code //SOURCES} and {@code //FILES} file's path, size and modification time, so a cached run
 * starts no JBang JVM at all, and when the command needs no JVM options other than the launcher's own the script
 * runs inside this JVM. Editing a script or any source it includes is picked up on the next run.
 *
 * <p>Every OS-dependent decision is a small static function that takes the {@link Os}, so that unit tests cover
 * Windows, macOS and Linux on any machine. The file depends on the JDK only: the shims run it with the JDK's source
 * launcher the first time, and it compiles itself into {@code .mvn/jbang/launcher} for the runs after.
 */
public final class Launcher {
    /** This file, relative to the repository root. */
    static final String SOURCE = "launcher/src/main/java/dev/micrograd/launcher/Launcher.java";
    /** Where the launcher compiles itself, relative to the repository root. */
    static final String CLASSES = ".mvn/jbang/launcher";
    static final String STAMP = "launcher.stamp";
    /** The JVM options both shims start the launcher with (LauncherTest checks the shims say the same). */
    static final List<String> LAUNCHER_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto",
            "-XX:-PrintWarnings", "--enable-native-access=ALL-UNNAMED", "-Dsun.misc.unsafe.memory.access=allow");
    /** JBang's own JVM only resolves and builds: C1 is enough. */
    static final String DEFAULT_JBANG_JAVA_OPTIONS = "-XX:TieredStopAtLevel=1 -Xshare:auto";
    static final String CATALOG = "jbang-catalog.json";
    static final String JBANG_POM = ".mvn/jbang/pom.xml";
    /** Set for an installed jbang we start, so that it cannot lead back here in a loop. */
    static final String LOOP_GUARD = "MICROGRAD_JBANG_WRAPPER";
    private static final String NAME = "jbang wrapper: ";

    /** The operating systems whose conventions differ. */
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

        String join(String folder, String name) {
            String separator = this == WINDOWS ? "\\" : "/";
            return folder.endsWith("/") || folder.endsWith("\\") ? folder + name : folder + separator + name;
        }
    }

    /** A failure the user can act on: printed as one line, exit code 1. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

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
            OptionalExit exit = new Launcher.Run(Os.current(), System.getenv(), Path.of(argv[0]).toAbsolutePath(),
                    List.of(argv).subList(1, argv.length)).run();
            if (exit.code != null) {
                System.exit(exit.code);
            }
        } catch (Failure e) {
            System.err.println(NAME + e.getMessage());
            System.exit(1);
        }
    }

    /** An exit code, or none when a script ran in this JVM and the JVM ends as that script's threads end. */
    static final class OptionalExit {
        final Integer code;

        OptionalExit(Integer code) {
            this.code = code;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // OS-dependent decisions, each a pure function.

    /** The shim a user (or a test) runs on an OS: {@code jbang.cmd} through cmd on Windows, {@code jbang} elsewhere. */
    public static List<String> shimCommand(Os os, String root) {
        return os == Os.WINDOWS ? List.of("cmd.exe", "/c", os.join(root, "jbang.cmd")) : List.of(os.join(root, "jbang"));
    }

    /** The Maven Wrapper's command: {@code mvnw.cmd} through cmd on Windows, {@code mvnw} through sh elsewhere. */
    static List<String> mavenWrapperCommand(Os os, String root) {
        return os == Os.WINDOWS ? List.of("cmd.exe", "/c", os.join(root, "mvnw.cmd")) : List.of("sh", os.join(root, "mvnw"));
    }

    /** The java executable of a JDK home folder. */
    static String javaIn(Os os, String javaHome) {
        return os.join(os.join(javaHome, "bin"), os.executable("java"));
    }

    /**
     * The syntax JBang prints its command line in ({@code JBANG_RUNTIME_SHELL}). On Windows "bash" would make JBang
     * write paths as /c/Users/..., so PowerShell's syntax, which is as easy to read back, is used there.
     */
    static String jbangShell(Os os) {
        return os == Os.WINDOWS ? "powershell" : "bash";
    }

    /** File names an installed JBang has on the PATH. */
    static List<String> installedJbangNames(Os os) {
        return os == Os.WINDOWS ? List.of("jbang.cmd", "jbang.exe", "jbang.bat") : List.of("jbang");
    }

    /** Where an installed JBang keeps its jar, relative to the folder of its launcher script. */
    static List<String> installedJbangJars(Os os, String folder) {
        return List.of(os.join(folder, "jbang.jar"), os.join(os.join(folder, ".jbang"), "jbang.jar"));
    }

    /**
     * The folder for this project's caches: {@code XDG_CACHE_HOME} when set, else {@code %LOCALAPPDATA%} on Windows,
     * {@code ~/Library/Caches} on macOS and {@code ~/.cache} on Linux; always followed by {@code micrograd-java}.
     */
    static String cacheHome(Os os, Map<String, String> env, String userHome) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return os.join(xdg, "micrograd-java");
        }
        switch (os) {
            case WINDOWS:
                String local = variable(env, "LOCALAPPDATA").orElse(os.join(os.join(userHome, "AppData"), "Local"));
                return os.join(local, "micrograd-java");
            case MACOS:
                return os.join(os.join(os.join(userHome, "Library"), "Caches"), "micrograd-java");
            default:
                return os.join(os.join(userHome, ".cache"), "micrograd-java");
        }
    }

    /** An environment variable; Windows spells names in any case (Path, PATH). */
    static Optional<String> variable(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value != null) {
            return Optional.of(value);
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** Candidate files for an executable on the PATH, in PATH order. */
    static List<String> onPath(Os os, String path, List<String> names) {
        List<String> files = new ArrayList<>();
        for (String folder : path.split(Pattern.quote(os.pathSeparator()))) {
            String dir = os == Os.WINDOWS ? folder.replace("\"", "") : folder;
            if (!dir.isBlank()) {
                for (String name : names) {
                    files.add(os.join(dir, name));
                }
            }
        }
        return files;
    }

    /** Reads JBang's command line back into arguments, in the syntax {@link #jbangShell} asked for. */
    static List<String> parseCommandLine(String shell, String line) {
        return "powershell".equals(shell) ? parsePowerShell(line) : parseBash(line);
    }

    /** POSIX shell words: blanks separate, single quotes are literal, double quotes and backslashes escape. */
    static List<String> parseBash(String line) {
        return words(line, Launcher::shellBlank, Launcher::bashQuote);
    }

    /** PowerShell words as JBang writes them: blanks separate, single quotes are literal with '' for a quote. */
    static List<String> parsePowerShell(String line) {
        return words(line, Launcher::shellBlank, Launcher::powerShellQuote);
    }

    /** The words of a java @argfile as JBang writes them: blanks separate, quotes group, a backslash escapes. */
    static List<String> parseArgFile(String text) {
        return words(text, Character::isWhitespace, Launcher::argFileQuote);
    }

    /** One syntax's quoting: reads the quote or escape at {@code i} into the word and returns where it ends. */
    private interface Quoting {
        /** The index of the quote's last character, or -1 when the character at {@code i} starts no quote. */
        int read(String line, int i, StringBuilder word);
    }

    /** Splits at blanks outside quotes; the syntaxes differ only in what a blank is and how quotes read. */
    private static List<String> words(String line, IntPredicate blank, Quoting quoting) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            int end = quoting.read(line, i, word);
            if (end >= 0) {
                i = end;
                inWord = true;
            } else if (blank.test(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** The blanks that separate shell words. */
    private static boolean shellBlank(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static int bashQuote(String line, int i, StringBuilder word) {
        char c = line.charAt(i);
        if (c == '\'') {
            int end = line.indexOf('\'', i + 1);
            if (end < 0) {
                throw new IllegalArgumentException("unclosed ' in: " + line);
            }
            word.append(line, i + 1, end);
            return end;
        } else if (c == '"') {
            i++;
            for (; i < line.length() && line.charAt(i) != '"'; i++) {
                char d = line.charAt(i);
                if (d == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                    d = line.charAt(++i);
                }
                word.append(d);
            }
            if (i >= line.length()) {
                throw new IllegalArgumentException("unclosed \" in: " + line);
            }
            return i;
        } else if (c == '\\' && i + 1 < line.length()) {
            word.append(line.charAt(i + 1));
            return i + 1;
        }
        return -1;
    }

    private static int powerShellQuote(String line, int i, StringBuilder word) {
        if (line.charAt(i) != '\'') {
            return -1;
        }
        for (i++; ; i++) {
            if (i >= line.length()) {
                throw new IllegalArgumentException("unclosed ' in: " + line);
            }
            if (line.charAt(i) == '\'') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                    word.append('\'');
                    i++;
                } else {
                    return i;
                }
            } else {
                word.append(line.charAt(i));
            }
        }
    }

    /** A backslash escapes inside quotes too, and an unclosed quote runs to the end of the text. */
    private static int argFileQuote(String text, int i, StringBuilder word) {
        char c = text.charAt(i);
        if (c == '\\' && i + 1 < text.length()) {
            word.append(text.charAt(i + 1));
            return i + 1;
        } else if (c != '"' && c != '\'') {
            return -1;
        }
        for (i++; i < text.length() && text.charAt(i) != c; i++) {
            char d = text.charAt(i);
            if (d == '\\' && i + 1 < text.length()) {
                d = text.charAt(++i);
            }
            word.append(d);
        }
        return i;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The catalog and the files a script is built from.

    /**
     * The aliases of a jbang-catalog.json: each alias's name and its object's text. A small reader for the catalog's
     * shape (strings, lists, nested objects), not a general JSON parser.
     */
    static Map<String, Map<String, Object>> aliases(String json) {
        Object root = new Json(json).value();
        Map<String, Map<String, Object>> aliases = new LinkedHashMap<>();
        if (root instanceof Map) {
            Object all = ((Map<?, ?>) root).get("aliases");
            if (all instanceof Map) {
                for (Map.Entry<?, ?> e : ((Map<?, ?>) all).entrySet()) {
                    if (e.getValue() instanceof Map) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> alias = (Map<String, Object>) e.getValue();
                        aliases.put((String) e.getKey(), alias);
                    }
                }
            }
        }
        return aliases;
    }

    /** A minimal JSON reader: objects (ordered), arrays, strings, and other literals as their text. */
    static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object value() {
            skip();
            if (at >= text.length()) {
                throw new IllegalArgumentException("JSON ends early");
            }
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                at++;
                skip();
                if (peek('}')) {
                    return map;
                }
                do {
                    skip();
                    String key = string();
                    skip();
                    expect(':');
                    map.put(key, value());
                    skip();
                } while (take(','));
                expect('}');
                return map;
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                at++;
                skip();
                if (peek(']')) {
                    return list;
                }
                do {
                    list.add(value());
                    skip();
                } while (take(','));
                expect(']');
                return list;
            }
            if (c == '"') {
                return string();
            }
            int start = at;
            while (at < text.length() && ",}] \t\r\n".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            return text.substring(start, at);
        }

        private String string() {
            expect('"');
            StringBuilder s = new StringBuilder();
            while (at < text.length() && text.charAt(at) != '"') {
                char c = text.charAt(at++);
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n': s.append('\n'); break;
                        case 't': s.append('\t'); break;
                        case 'r': s.append('\r'); break;
                        case 'b': s.append('\b'); break;
                        case 'f': s.append('\f'); break;
                        case 'u': s.append((char) Integer.parseInt(text.substring(at, at + 4), 16)); at += 4; break;
                        default: s.append(e);
                    }
                } else {
                    s.append(c);
                }
            }
            expect('"');
            return s.toString();
        }

        private void skip() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private boolean peek(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private boolean take(char c) {
            skip();
            return peek(c);
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at character " + at);
            }
        }
    }

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

    /** What a cached command depends on: files with their size and time, and folders whose listing must not change. */
    static final class Inputs {
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
                lines.add("file " + file.getValue() + " " + escape(file.getKey()));
            }
            for (Map.Entry<String, String> tree : trees.entrySet()) {
                lines.add("tree " + tree.getValue() + " " + escape(tree.getKey()));
            }
            return lines;
        }

        /** Whether the files and folders named in cache lines are unchanged. */
        static boolean unchanged(List<String> lines) throws IOException {
            for (String line : lines) {
                if (line.startsWith("file ")) {
                    String[] parts = line.split(" ", 3);
                    if (!parts[1].equals(stamp(Path.of(unescape(parts[2]))))) {
                        return false;
                    }
                } else if (line.startsWith("tree ")) {
                    String[] parts = line.split(" ", 3);
                    String[] tree = unescape(parts[2]).split("\\|", 3);
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
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                CRC32 crc = new CRC32();
                if (a.isRegularFile()) {
                    crc.update(Files.readAllBytes(file));
                }
                return a.size() + ":" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + ":"
                        + Long.toHexString(crc.getValue());
            } catch (IOException e) {
                return "missing";
            }
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

    /** Escapes a value for one line of the cache file. */
    static String escape(String s) {
        return s.replace("%", "%25").replace("\n", "%0A").replace("\r", "%0D");
    }

    static String unescape(String s) {
        return s.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Running a resolved command.

    /**
     * How to run a java command line in this JVM instead of a new one: the main class, class path and system
     * properties, or empty when the command needs anything this JVM cannot give it (other JVM options, another
     * java, a module, a jar, or a property that only counts at start-up).
     */
    record InProcess(String mainClass, List<String> classPath, Map<String, String> properties, List<String> args) {
        static Optional<InProcess> of(List<String> command, String thisJava, List<String> thisJvmOptions, Os os) {
            if (command.isEmpty() || !samePath(command.get(0), thisJava, os)) {
                return Optional.empty();
            }
            List<String> classPath = List.of();
            Map<String, String> properties = new LinkedHashMap<>();
            int i = 1;
            for (; i < command.size(); i++) {
                String arg = command.get(i);
                if (thisJvmOptions.contains(arg)) {
                    continue;
                }
                if (arg.equals("-classpath") || arg.equals("-cp") || arg.equals("--class-path")) {
                    if (++i >= command.size()) {
                        return Optional.empty();
                    }
                    classPath = Arrays.asList(command.get(i).split(Pattern.quote(os.pathSeparator())));
                } else if (arg.startsWith("-D")) {
                    String[] kv = arg.substring(2).split("=", 2);
                    if (startupOnly(kv[0])) {
                        return Optional.empty();
                    }
                    properties.put(kv[0], kv.length > 1 ? kv[1] : "");
                } else if (arg.startsWith("-")) {
                    if (!thisJvmOptions.contains(arg)) {
                        return Optional.empty();
                    }
                } else {
                    break;
                }
            }
            if (i >= command.size() || classPath.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new InProcess(command.get(i), classPath, properties,
                    command.subList(i + 1, command.size())));
        }

        private static boolean startupOnly(String property) {
            return property.startsWith("java.") || property.startsWith("jdk.") || property.startsWith("sun.")
                    || property.startsWith("file.") || property.startsWith("user.") || property.startsWith("native.")
                    || property.startsWith("stdout.") || property.startsWith("stderr.");
        }

        private static boolean samePath(String a, String b, Os os) {
            return os == Os.WINDOWS ? a.equalsIgnoreCase(b) || a.equalsIgnoreCase(b.replaceFirst("\\.exe$", ""))
                    : a.equals(b);
        }
    }

    /** One run of the launcher: the machine's facts, the wrapper's place and the user's arguments. */
    static final class Run {
        private final Os os;
        private final Map<String, String> env;
        private final Path wrapper;
        private final Path root;
        private final List<String> args;
        private final Path cache;

        Run(Os os, Map<String, String> env, Path wrapper, List<String> args) {
            this.os = os;
            this.env = env;
            this.wrapper = wrapper;
            this.root = wrapper.getParent();
            this.args = args;
            this.cache = Path.of(cacheHome(os, env, System.getProperty("user.home")));
        }

        OptionalExit run() {
            Optional<Integer> updated = keepCompiledCopyCurrent();
            if (updated.isPresent()) {
                return new OptionalExit(updated.get());
            }
            Optional<Path> installed = env.containsKey(LOOP_GUARD) ? Optional.empty() : installedJbang();
            Path jar = null;
            if (installed.isPresent()) {
                for (String candidate : installedJbangJars(os, real(installed.get()).getParent().toString())) {
                    if (jar == null && Files.isRegularFile(Path.of(candidate))) {
                        jar = Path.of(candidate);
                    }
                }
                if (jar == null) {
                    return new OptionalExit(runInstalled(installed.get()));
                }
            }
            Resolver resolver = new Resolver(jar);
            Optional<String> target = scriptTarget();
            if (target.isEmpty()) {
                return new OptionalExit(passThrough(resolver.classPath()));
            }
            return runScript(resolver, target.get());
        }

        /** JBang's class path, found only when JBang must run; its identity is cheap, for the cache key. */
        private final class Resolver {
            private final Path installedJar;
            private List<String> classPath;

            Resolver(Path installedJar) {
                this.installedJar = installedJar;
            }

            String identity() {
                return installedJar != null ? installedJar + " " + Inputs.stamp(installedJar)
                        : JBANG_POM + " " + Inputs.stamp(root.resolve(JBANG_POM));
            }

            List<String> classPath() {
                if (classPath == null) {
                    classPath = installedJar != null ? List.of(installedJar.toString()) : jbangClassPath();
                }
                return classPath;
            }
        }

        /** The alias (from the catalog beside the wrapper) or script file the first argument names, if any. */
        private Optional<String> scriptTarget() {
            if (args.isEmpty() || args.get(0).startsWith("-") || args.get(0).startsWith("@")) {
                return Optional.empty();
            }
            String first = args.get(0);
            if (aliasesBesideWrapper().containsKey(first)) {
                return Optional.of(first);
            }
            Path file = Path.of(first);
            if ((first.endsWith(".java") || first.endsWith(".jsh")) && Files.isRegularFile(file)) {
                return Optional.of(file.toAbsolutePath().normalize().toString());
            }
            return Optional.empty();
        }

        private Map<String, Map<String, Object>> aliases;

        private Map<String, Map<String, Object>> aliasesBesideWrapper() {
            if (aliases == null) {
                aliases = readAliases();
            }
            return aliases;
        }

        private Map<String, Map<String, Object>> readAliases() {
            Path catalog = root.resolve(CATALOG);
            try {
                return Files.isRegularFile(catalog) ? aliases(Files.readString(catalog, StandardCharsets.UTF_8)) : Map.of();
            } catch (IOException | RuntimeException e) {
                throw new Failure("cannot read " + catalog + ": " + e.getMessage());
            }
        }

        private OptionalExit runScript(Resolver resolver, String target) {
            Map<String, Map<String, Object>> aliases = aliasesBesideWrapper();
            Map<String, Object> alias = aliases.get(target);
            String cwd = Path.of("").toAbsolutePath().toString();
            // Alias arguments may name files relative to the current folder, so then the folder is part of the key.
            boolean cwdMatters = alias != null && alias.containsKey("arguments");
            String key = String.join("\n", "v1", target, resolver.identity(),
                    // JBang takes java from JAVA_HOME, else from the PATH: only then does the PATH change the command.
                    Inputs.stamp(root.resolve(CATALOG)), cwdMatters ? cwd : "", javaHome(),
                    variable(env, "JAVA_HOME").isPresent() ? "" : variable(env, "PATH").orElse(""),
                    jbangEnvironment());
            Path entry = cache.resolve("commands").resolve(Integer.toHexString(key.hashCode()) + "-"
                    + Integer.toHexString(new StringBuilder(key).reverse().toString().hashCode()) + ".txt");
            List<String> command = cachedCommand(entry, key).orElse(null);
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
                Captured jbang = jbang(resolver.classPath(), List.of("run", target), alias != null ? root : Path.of(cwd));
                if (jbang.exit != 255) {
                    System.out.print(jbang.stdout);
                    System.out.flush();
                    return new OptionalExit(jbang.exit);
                }
                command = expandArgFiles(parseCommandLine(jbangShell(os), jbang.stdout.trim()));
                if (alias != null || script(target)) {
                    store(entry, key, inputs, command);
                }
            }
            List<String> full = new ArrayList<>(command);
            full.addAll(args.subList(1, args.size()));
            return execute(full);
        }

        private boolean script(String target) {
            return target.endsWith(".java") || target.endsWith(".jsh");
        }

        private Path scriptOf(Map<String, Object> alias) {
            Object ref = alias.get("script-ref");
            if (!(ref instanceof String) || ((String) ref).contains("://") || ((String) ref).contains(":") && !
                    ((String) ref).matches("[A-Za-z]:[\\\\/].*")) {
                return null;
            }
            return root.resolve((String) ref).normalize();
        }

        /** The cached command for a key when everything it was built from is unchanged. */
        private Optional<List<String>> cachedCommand(Path entry, String key) {
            List<String> lines;
            try {
                lines = Files.readAllLines(entry, StandardCharsets.UTF_8);
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

        private void store(Path entry, String key, Inputs inputs, List<String> command) {
            if (command.isEmpty() || !Path.of(command.get(0)).getFileName().toString()
                    .matches("(?i)java(\\.exe)?")) {
                return;
            }
            List<String> lines = new ArrayList<>();
            lines.add("key " + escape(key));
            lines.addAll(inputs.lines());
            for (String arg : command) {
                lines.add("arg " + escape(arg));
            }
            try {
                Files.createDirectories(entry.getParent());
                Path tmp = entry.resolveSibling(entry.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
                Files.write(tmp, lines, StandardCharsets.UTF_8);
                move(tmp, entry);
            } catch (IOException e) {
                System.err.println(NAME + "cannot cache the command in " + entry + " (" + e.getMessage() + ")");
            }
        }

        private List<String> expandArgFiles(List<String> command) {
            List<String> expanded = new ArrayList<>();
            for (int i = 0; i < command.size(); i++) {
                String arg = command.get(i);
                if (i > 0 && arg.startsWith("@") && Files.isRegularFile(Path.of(arg.substring(1)))) {
                    try {
                        expanded.addAll(parseArgFile(Files.readString(Path.of(arg.substring(1)))));
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
        private OptionalExit execute(List<String> command) {
            String thisJava = javaIn(os, System.getProperty("java.home"));
            Optional<InProcess> inProcess = env.containsKey("MICROGRAD_JBANG_FORK") ? Optional.empty()
                    : InProcess.of(command, thisJava, LAUNCHER_JVM_OPTIONS, os);
            if (inProcess.isPresent() && runInThisJvm(inProcess.get())) {
                return new OptionalExit(null);
            }
            return new OptionalExit(child(command));
        }

        /** Loads the main class from the command's class path and calls its main; false when it has none. */
        private boolean runInThisJvm(InProcess run) {
            URL[] urls = new URL[run.classPath().size()];
            try {
                for (int i = 0; i < urls.length; i++) {
                    urls[i] = Path.of(run.classPath().get(i)).toUri().toURL();
                }
            } catch (MalformedURLException e) {
                return false;
            }
            Method main;
            // The application class loader as parent, as in a JVM of its own: it also defines JDK modules such as jdk.jshell.
            URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getSystemClassLoader());
            try {
                Class<?> type = Class.forName(run.mainClass(), false, loader);
                main = type.getDeclaredMethod("main", String[].class);
                if (!Modifier.isStatic(main.getModifiers())) {
                    return false;
                }
                main.setAccessible(true);
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                return false;
            }
            System.setProperty("java.class.path", String.join(File.pathSeparator, run.classPath()));
            for (Map.Entry<String, String> property : run.properties().entrySet()) {
                System.setProperty(property.getKey(), property.getValue());
            }
            Thread.currentThread().setContextClassLoader(loader);
            try {
                main.invoke(null, (Object) run.args().toArray(new String[0]));
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                trimLauncherFrames(cause, run.mainClass());
                System.err.print("Exception in thread \"main\" ");
                cause.printStackTrace();
                System.exit(1);
            } catch (IllegalAccessException e) {
                throw new Failure("cannot call " + run.mainClass() + ".main: " + e.getMessage());
            }
            return true;
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
        private int passThrough(List<String> resolver) {
            Captured jbang = jbang(resolver, args, Path.of("").toAbsolutePath());
            if (jbang.exit == 255) {
                List<String> command = parseCommandLine(jbangShell(os), jbang.stdout.trim());
                return command.isEmpty() ? 0 : child(command);
            }
            System.out.print(jbang.stdout);
            System.out.flush();
            return jbang.exit;
        }

        private int runInstalled(Path installed) {
            List<String> command = new ArrayList<>(os == Os.WINDOWS && installed.toString().matches("(?i).*\\.(cmd|bat)")
                    ? List.of("cmd.exe", "/c", installed.toString()) : List.of(installed.toString()));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            builder.environment().put(LOOP_GUARD, "1");
            try {
                return builder.start().waitFor();
            } catch (IOException e) {
                throw new Failure("cannot start " + installed + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 130;
            }
        }

        /** An installed jbang on the PATH that is not this wrapper. */
        private Optional<Path> installedJbang() {
            String path = variable(env, "PATH").orElse("");
            for (String candidate : onPath(os, path, installedJbangNames(os))) {
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

        private String javaHome() {
            return variable(env, "JAVA_HOME").orElse(System.getProperty("java.home"));
        }

        private String jbangEnvironment() {
            StringBuilder jbang = new StringBuilder();
            for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
                if (e.getKey().startsWith("JBANG_")) {
                    jbang.append(e.getKey()).append('=').append(e.getValue()).append('\n');
                }
            }
            return jbang.toString();
        }

        /** Runs JBang's main class with its output captured: the launcher protocol. */
        private Captured jbang(List<String> resolver, List<String> jbangArgs, Path directory) {
            List<String> command = new ArrayList<>();
            command.add(javaIn(os, javaHome()));
            String options = variable(env, "JBANG_JAVA_OPTIONS").orElse(DEFAULT_JBANG_JAVA_OPTIONS);
            for (String option : options.trim().split("\\s+")) {
                if (!option.isEmpty()) {
                    command.add(option);
                }
            }
            command.addAll(List.of("-classpath", String.join(os.pathSeparator(), resolver), "dev.jbang.Main"));
            command.addAll(jbangArgs);
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
            Map<String, String> e = builder.environment();
            e.put("JBANG_RUNTIME_SHELL", jbangShell(os));
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

        /** jbang-cli's class path, fetched through the Maven Wrapper the first time and cached. */
        private List<String> jbangClassPath() {
            Path pom = root.resolve(JBANG_POM);
            String text;
            try {
                text = Files.readString(pom, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new Failure("cannot find " + pom + ": is the wrapper still in the repository's root folder?");
            }
            Matcher version = Pattern.compile("<jbang.version>([^<]+)</jbang.version>").matcher(text);
            String key = (version.find() ? version.group(1) : "unknown") + "-" + Integer.toHexString(text.hashCode());
            Path file = cache.resolve("jbang").resolve(key).resolve("classpath.txt");
            Optional<List<String>> cached = readClassPath(file);
            if (cached.isPresent()) {
                return cached.get();
            }
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new Failure("cannot create " + file.getParent() + ": " + e.getMessage());
            }
            System.err.println(NAME + "fetching JBang " + key.substring(0, key.lastIndexOf('-'))
                    + " from Maven Central (once)...");
            long pid = ProcessHandle.current().pid();
            Path tmp = file.resolveSibling("classpath." + pid + ".tmp");
            Path log = file.resolveSibling("resolve-" + pid + ".log");
            List<String> command = new ArrayList<>(mavenWrapperCommand(os, root.toString()));
            command.addAll(List.of("-B", "-q", "-ntp", "-f", pom.toString(), "dependency:build-classpath",
                    "-Dmdep.includeScope=runtime", "-Dmdep.outputFile=" + tmp));
            int exit;
            try {
                exit = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start().waitFor();
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
                move(tmp, file);
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

        /**
         * Compiles this file into {@link #CLASSES} when it runs from source, and when the compiled copy is older than
         * the source, runs the source instead: returns that run's exit code.
         */
        private Optional<Integer> keepCompiledCopyCurrent() {
            Path source = root.resolve(SOURCE);
            Path classes = root.resolve(CLASSES);
            boolean fromSource = Launcher.class.getClassLoader() != ClassLoader.getSystemClassLoader();
            String stamp = Inputs.stamp(source);
            if (fromSource) {
                compileInto(source, classes, stamp);
                return Optional.empty();
            }
            String recorded;
            try {
                recorded = Files.readString(classes.resolve(STAMP), StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                recorded = "";
            }
            if (recorded.equals(stamp) || !Files.isRegularFile(source)) {
                return Optional.empty();
            }
            List<String> command = new ArrayList<>();
            command.add(javaIn(os, System.getProperty("java.home")));
            command.addAll(LAUNCHER_JVM_OPTIONS);
            command.add(source.toString());
            command.add(wrapper.toString());
            command.addAll(args);
            return Optional.of(child(command));
        }

        private void compileInto(Path source, Path classes, String stamp) {
            javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
            if (javac == null) {
                return;
            }
            Path tmp = classes.resolveSibling(classes.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            ByteArrayOutputStream messages = new ByteArrayOutputStream();
            try {
                Files.createDirectories(tmp);
                // Plain string concatenation: the invokedynamic kind costs start-up time on every run. Release 17:
                // classes that every JDK from 17 on loads, whichever JDK compiled them.
                int exit = javac.run(null, messages, messages, "--release", "17", "-d", tmp.toString(), "-nowarn",
                        "-XDstringConcat=inline", source.toString());
                if (exit != 0) {
                    deleteTree(tmp);
                    return;
                }
                Files.writeString(tmp.resolve(STAMP), stamp, StandardCharsets.UTF_8);
                String current;
                try {
                    current = Files.readString(classes.resolve(STAMP), StandardCharsets.UTF_8).trim();
                } catch (IOException e) {
                    current = "";
                }
                if (current.equals(stamp)) {
                    // Another run compiled the same source first, and may be running from it now.
                    deleteTree(tmp);
                    return;
                }
                deleteTree(classes);
                move(tmp, classes);
            } catch (IOException | RuntimeException e) {
                // Running from source still works; only the next start is slower.
                try {
                    deleteTree(tmp);
                } catch (IOException ignored) {
                    // Nothing more to clean.
                }
            }
        }
    }

    record Captured(int exit, String stdout) {
    }

    /** A path with symbolic links resolved, or the absolute path when it cannot be resolved. */
    static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Drops the launcher's own frames under the script's main from a stack trace, so it reads as a plain run. */
    static void trimLauncherFrames(Throwable error, String mainClass) {
        StackTraceElement[] frames = error.getStackTrace();
        for (int i = frames.length - 1; i >= 0; i--) {
            if (frames[i].getClassName().equals(mainClass) && frames[i].getMethodName().equals("main")) {
                error.setStackTrace(Arrays.copyOf(frames, i + 1));
                return;
            }
        }
    }
}
