package dev.micrograd.viz;

import dev.micrograd.engine.Value;
import guru.nidi.graphviz.engine.Format;
import guru.nidi.graphviz.engine.Graphviz;
import guru.nidi.graphviz.engine.GraphvizCmdLineEngine;
import guru.nidi.graphviz.engine.GraphvizEngine;
import guru.nidi.graphviz.engine.GraphvizJdkEngine;
import guru.nidi.graphviz.engine.GraphvizV8Engine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Draws a graph to files: always the DOT source, then SVG (and PNG on request) through graphviz-java, with the
 * {@code dot} command when Graphviz is installed, else the bundled V8 JavaScript engine where it has a native library
 * (x64 Linux, macOS and Windows), else GraalJS, a JavaScript engine in pure Java that is slow to start but runs
 * everywhere. So a machine with nothing installed still draws. An engine that cannot start, whatever the reason (a
 * library built for another JDK throws an {@link Error}), leaves one line saying why, and the next one is tried.
 * {@code MICROGRAD_GRAPHVIZ=dot|v8|java} forces one.
 */
public final class GraphRenderer {
    /** Beyond this many values a drawing is no longer legible, so it is refused. */
    public static final int MAX_VALUES = 500;

    /** Held so the setting sticks: the PNG rasterizer logs a warning per missing font otherwise. */
    private static final Logger RASTERIZER_LOG = Logger.getLogger("com.kitfox.svg");

    /** The environment variable that forces an engine. */
    public static final String ENGINE_VARIABLE = "MICROGRAD_GRAPHVIZ";

    private static boolean enginesChosen;
    /** Why no engine could start, so that the next drawing fails at once with the same reasons. */
    private static NoEngine noEngine;
    /** The engine drawing now. */
    private static GraphvizEngine current;

    /** The ways to draw, fastest first. */
    public enum Engine {
        /** Graphviz's own {@code dot} command. */
        DOT("the dot command"),
        /** viz.js in the V8 engine bundled with graphviz-java, through a native library it unpacks. */
        V8("the bundled V8 engine"),
        /** viz.js in GraalJS, pure Java: no native library, slow to start. */
        JAVA("the pure-Java engine (GraalJS)");

        final String description;

        Engine(String description) {
            this.description = description;
        }

        /** The engine a value of {@link #ENGINE_VARIABLE} names. */
        static Engine named(String value) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "dot": return DOT;
                case "v8": return V8;
                case "java": return JAVA;
                default: throw new IllegalArgumentException(ENGINE_VARIABLE + " is '" + value
                        + "'; use dot, v8 or java (or leave it unset to choose automatically)");
            }
        }
    }

    private GraphRenderer() {
    }

    /** Picture formats besides the DOT source, which is always written. */
    public enum Picture {
        SVG(Format.SVG, "svg"),
        PNG(Format.PNG, "png");

        final Format format;
        final String extension;

        Picture(Format format, String extension) {
            this.format = format;
            this.extension = extension;
        }
    }

    /** Thrown when the pictures cannot be drawn; the DOT file has been written all the same. */
    public static final class RenderException extends RuntimeException {
        RenderException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Writes {@code dir/name.dot} and one file per picture format, and returns them in that order.
     *
     * @throws IllegalArgumentException if the graph has more than {@link #MAX_VALUES} values
     * @throws RenderException if no Graphviz engine can draw; the DOT file is written first
     * @throws IOException if the files cannot be written
     */
    public static List<Path> render(Value root, Path dir, String name, Picture... pictures) throws IOException {
        Objects.requireNonNull(root, "cannot draw a null Value");
        Graph graph = Graph.trace(root);
        int size = graph.nodes().size();
        if (size > MAX_VALUES) {
            throw new IllegalArgumentException("the graph of '" + name + "' has " + size
                    + " values; drawings are limited to " + MAX_VALUES + " values to stay legible");
        }
        return renderDot(Dot.of(graph), dir, name, pictures);
    }

    /** Writes DOT text and its pictures; see {@link #render(Value, Path, String, Picture...)}. */
    public static List<Path> renderDot(String dot, Path dir, String name, Picture... pictures) throws IOException {
        Objects.requireNonNull(dot, "cannot draw null DOT text");
        Objects.requireNonNull(dir, "cannot draw into a null folder");
        Objects.requireNonNull(name, "a drawing needs a file name, got null");
        Files.createDirectories(dir);
        Path dotFile = dir.resolve(name + ".dot");
        Files.writeString(dotFile, dot, StandardCharsets.UTF_8);
        List<Path> written = new ArrayList<>(List.of(dotFile));
        for (Picture picture : pictures) {
            Path file = dir.resolve(name + "." + picture.extension);
            try {
                chooseEngines();
                Graphviz graphviz = Graphviz.fromString(dot);
                if (picture == Picture.PNG) {
                    // The bundled rasterizer drops a space before a minus sign ("grad-0.5"); a no-break space survives.
                    graphviz = graphviz.postProcessor((result, options, processOptions) ->
                            result.mapString(svg -> svg.replace(" &#45;", "&#160;&#45;")));
                }
                graphviz.render(picture.format).toFile(file.toFile());
            } catch (RuntimeException | LinkageError e) {
                String why = e instanceof NoEngine ? e.getMessage() : "Graphviz failed (" + reason(e) + ")";
                throw new RenderException("could not draw " + file + ": " + why + ". The DOT source is in " + dotFile
                        + "; install Graphviz and run: dot -T" + picture.extension + " " + dotFile + " -o " + file, e);
            }
            written.add(file);
        }
        return written;
    }

    /** The folder where the bundled engine's native library is unpacked: ours, not the home folder. */
    public static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("micrograd-java").resolve("graphviz");
    }

    /**
     * The engines to try, in order: the forced one alone, else from the first that can work on this machine down to
     * the pure-Java one, which always can.
     *
     * @param osName the {@code os.name} property
     * @param osArch the {@code os.arch} property
     * @param forced the value of {@link #ENGINE_VARIABLE}, or null
     * @param dotOnPath whether a {@code dot} command is on the PATH
     */
    static List<Engine> choose(String osName, String osArch, String forced, boolean dotOnPath) {
        if (forced != null && !forced.isBlank()) {
            return List.of(Engine.named(forced));
        }
        List<Engine> engines = new ArrayList<>();
        if (dotOnPath) {
            engines.add(Engine.DOT);
        }
        if (v8HasNativeLibrary(osName, osArch)) {
            engines.add(Engine.V8);
        }
        engines.add(Engine.JAVA);
        return engines;
    }

    /**
     * Whether graphviz-java's V8 has a native library for a platform: it ships them for x64 Linux, macOS and Windows
     * (and 32-bit Windows), not for Apple Silicon or ARM Linux.
     */
    static boolean v8HasNativeLibrary(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        if (os.startsWith("windows")) {
            return x64 || arch.equals("x86");
        }
        return (os.startsWith("linux") || os.startsWith("mac")) && x64;
    }

    /** The files a {@code dot} command may be on the PATH: {@code dot.exe} on Windows, {@code dot} elsewhere. */
    static List<Path> dotCandidates(String osName, String path) {
        boolean windows = osName.toLowerCase(Locale.ROOT).startsWith("windows");
        List<Path> candidates = new ArrayList<>();
        if (path == null) {
            return candidates;
        }
        for (String dir : path.split(windows ? ";" : ":")) {
            String folder = windows ? dir.replace("\"", "") : dir;
            if (!folder.isBlank()) {
                candidates.add(Path.of(folder, windows ? "dot.exe" : "dot"));
            }
        }
        return candidates;
    }

    /**
     * Starts the first engine of the choice that can start, once per JVM. An engine that fails in any way, even with
     * an {@link Error} from a library built for another JDK, leaves one line saying why, and the next one is tried.
     */
    private static synchronized void chooseEngines() {
        if (enginesChosen) {
            return;
        }
        if (noEngine != null) {
            throw noEngine;
        }
        String os = System.getProperty("os.name", "");
        boolean dot = false;
        for (Path candidate : dotCandidates(os, System.getenv("PATH"))) {
            dot |= Files.isRegularFile(candidate) && Files.isExecutable(candidate);
        }
        use(choose(os, System.getProperty("os.arch", ""), System.getenv(ENGINE_VARIABLE), dot));
    }

    /** Draws from now on with the first of these engines that starts; throws with every reason when none does. */
    static synchronized void use(List<Engine> choice) {
        use(choice, GraphRenderer::start, System.err);
    }

    /** {@link #use(List)} with a way to start each engine, and where to say why one could not. */
    static synchronized Engine use(List<Engine> choice, Starter starter, PrintStream notes) {
        enginesChosen = false;
        noEngine = null;
        RASTERIZER_LOG.setLevel(Level.OFF);
        if (current != null) {
            // Engines of one kind share their JavaScript state per thread: the old one goes before a new one starts.
            try {
                current.close();
            } catch (Exception e) {
                // Nothing to keep from an engine that is being replaced.
            }
            current = null;
        }
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < choice.size(); i++) {
            Engine engine = choice.get(i);
            try {
                GraphvizEngine started = starter.start(engine);
                Graphviz.useEngine(started);
                current = started;
                enginesChosen = true;
                return engine;
            } catch (Throwable e) { // a library's Error (NoSuchMethodError, UnsatisfiedLinkError) included
                String reason = engine.description + " could not start: " + reason(e);
                reasons.add(reason);
                if (i + 1 < choice.size()) {
                    notes.println("note: " + reason + "; trying " + choice.get(i + 1).description);
                }
            }
        }
        noEngine = new NoEngine(String.join("; ", reasons));
        throw noEngine;
    }

    /** Starts one engine, or throws why it cannot. */
    interface Starter {
        GraphvizEngine start(Engine engine) throws Exception;
    }

    /** No engine of the choice could start. */
    private static final class NoEngine extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NoEngine(String reasons) {
            super(reasons);
        }
    }

    /** An engine, started: graphviz-java's own start-up swallows some failures and lets Errors escape its thread. */
    static GraphvizEngine start(Engine engine) throws IOException {
        switch (engine) {
            case DOT:
                return new StartedDot().start();
            case V8:
                Path cache;
                try {
                    cache = Files.createDirectories(cacheDir());
                } catch (IOException e) {
                    throw new IOException("cannot unpack its library into " + cacheDir() + " (" + e + ")", e);
                }
                return new StartedV8(cache.toString()).start();
            default:
                // Without Graal's compiler GraalJS interprets, which is expected here: no warning per run.
                setIfUnset("polyglot.engine.WarnInterpreterOnly", "false");
                try {
                    // Truffle unpacks a small native helper; into our cache folder rather than ~/.cache.
                    Path truffle = Files.createDirectories(cacheDir().resolve("truffle"));
                    setIfUnset("polyglot.engine.userResourceCache", truffle.toString());
                } catch (IOException e) {
                    // A read-only cache folder: GraalJS draws without the helper, which it would warn about in 9 lines.
                    setIfUnset("polyglotimpl.AttachLibraryFailureAction", "ignore");
                }
                return new PureJavaEngine().start();
        }
    }

    private static void setIfUnset(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** The first line of a failure's message, or its type when it has none. */
    static String reason(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String line = message.strip().lines().findFirst().orElse("");
        return e instanceof LinkageError ? e.getClass().getSimpleName() + ": " + line : line;
    }

    /** Graphviz's dot command, started once here; graphviz-java's own start-up then has nothing left to do. */
    private static final class StartedDot extends GraphvizCmdLineEngine {
        private boolean closed;
        private boolean started;

        GraphvizEngine start() {
            doInit();
            return this;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                super.close();
            }
        }

        @Override
        protected void doInit() {
            if (!started) {
                super.doInit();
                started = true;
            }
        }
    }

    /** graphviz-java's V8 engine, started once here; its own start-up then has nothing left to do. */
    private static final class StartedV8 extends GraphvizV8Engine {
        private boolean closed;
        private boolean started;

        StartedV8(String extractionPath) {
            super(extractionPath);
        }

        GraphvizEngine start() {
            doInit();
            return this;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                super.close();
            }
        }

        @Override
        protected void doInit() {
            if (!started) {
                super.doInit();
                started = true;
            }
        }
    }

    /** GraalJS through graphviz-java, which says once, when it starts, that Graphviz would be faster. */
    private static final class PureJavaEngine extends GraphvizJdkEngine {
        private static final AtomicBoolean NOTED = new AtomicBoolean();
        private boolean closed;
        private boolean started;

        GraphvizEngine start() {
            doInit();
            return this;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                super.close();
            }
        }

        @Override
        protected void doInit() {
            if (started) {
                return;
            }
            if (!NOTED.getAndSet(true)) {
                System.err.println("note: drawing with a JavaScript engine in pure Java, which takes a while to start;"
                        + " install Graphviz (https://graphviz.org/download/) to draw in a moment");
            }
            super.doInit();
            started = true;
        }
    }
}
