package dev.micrograd.viz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.engine.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Draws one small graph in a JVM of its own, so a test can start it with a chosen environment. */
public final class RenderOnce {
    private RenderOnce() {
    }

    /** How a run ended, and what it printed on standard output and error together. */
    record Run(int exit, String output) {
    }

    /**
     * Runs {@link #main} in a JVM of its own, drawing into {@code out}, with {@code jvmOptions} before the class
     * path and {@code environment} set on top of this one's (a null value removes the variable). PATH is emptied,
     * so no Graphviz command of the machine is found.
     */
    static Run inItsOwnJvm(Path out, Map<String, String> environment, String... jvmOptions)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(jvmOptions));
        arguments.addAll(List.of("-cp", System.getProperty("java.class.path"), RenderOnce.class.getName(), out.toString()));
        ProcessBuilder builder = new ProcessBuilder(Jvm.command(arguments.toArray(String[]::new)));
        builder.environment().put("PATH", "");
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        builder.redirectErrorStream(true);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] bytes = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "the drawing JVM did not end within 10 minutes");
        return new Run(process.exitValue(), new String(bytes, StandardCharsets.UTF_8));
    }

    /** Exit code 0 when drawn, 3 with the message on standard output when no engine could start. */
    public static void main(String[] args) throws Exception {
        Value a = Value.of(2.0, "a");
        try {
            GraphRenderer.render(a.mul(a).label("b"), Path.of(args[0]), "b", GraphRenderer.Picture.SVG);
        } catch (GraphRenderer.RenderException e) {
            System.out.println(e.getMessage());
            System.exit(3);
        }
    }
}
