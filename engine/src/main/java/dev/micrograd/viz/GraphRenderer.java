package dev.micrograd.viz;

import dev.micrograd.engine.Value;
import guru.nidi.graphviz.engine.Format;
import guru.nidi.graphviz.engine.Graphviz;
import guru.nidi.graphviz.engine.GraphvizCmdLineEngine;
import guru.nidi.graphviz.engine.GraphvizEngine;
import guru.nidi.graphviz.engine.GraphvizV8Engine;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Draws a graph to files: always the DOT source, then SVG (and PNG on request) through
 * graphviz-java, with the {@code dot} command when it is installed and the bundled JavaScript
 * engine otherwise, so a machine with nothing installed still draws.
 */
public final class GraphRenderer {
    /** Beyond this many values a drawing is no longer legible, so it is refused. */
    public static final int MAX_VALUES = 500;

    /** Held so the setting sticks: the PNG rasterizer logs a warning per missing font otherwise. */
    private static final Logger RASTERIZER_LOG = Logger.getLogger("com.kitfox.svg");

    private static boolean enginesChosen;

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
                throw new RenderException("could not draw " + file + ": no Graphviz engine could start ("
                        + e.getMessage() + "). The DOT source is in " + dotFile
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

    private static synchronized void chooseEngines() {
        if (enginesChosen) {
            return;
        }
        RASTERIZER_LOG.setLevel(Level.OFF);
        List<GraphvizEngine> engines = new ArrayList<>();
        if (onPath("dot")) {
            engines.add(new GraphvizCmdLineEngine());
        }
        try {
            engines.add(new GraphvizV8Engine(Files.createDirectories(cacheDir()).toString()));
        } catch (IOException e) {
            if (engines.isEmpty()) {
                throw new IllegalStateException("no 'dot' command on the PATH, and the bundled engine cannot unpack"
                        + " its library into " + cacheDir() + ": " + e, e);
            }
        }
        Graphviz.useEngine(engines);
        enginesChosen = true;
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
