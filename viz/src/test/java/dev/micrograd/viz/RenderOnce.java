package dev.micrograd.viz;

import dev.micrograd.engine.Value;
import java.nio.file.Path;

/** Draws one small graph in a JVM of its own, so a test can start it with a chosen environment. */
public final class RenderOnce {
    private RenderOnce() {
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
