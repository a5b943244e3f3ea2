import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chapter 8 trains micrograd's demo to 100% accuracy on two moons and draws two small SVG charts. */
class Ch08Test {
    @TempDir
    static Path tmp;
    static Path dir;

    @BeforeAll
    static void trainOnce() {
        Ch08TwoMoons.main("--out", tmp.toString(), "--quiet");
        dir = tmp.resolve("ch08");
    }

    @Test
    void trainsTwoMoonsToFullAccuracy() throws IOException {
        assertTrue(read(dir, "data.txt").endsWith("... 100 points: 50 labelled -1, 50 labelled +1\n"));
        assertTrue(read(dir, "model.txt").endsWith("337 parameters\n"));
        List<String> steps = read(dir, "training.txt").lines().toList();
        assertEquals(100, steps.size());
        assertEquals("step  0 loss 0.3625 accuracy  88%", steps.get(0));
        assertEquals("step 99 loss 0.0124 accuracy 100%", steps.get(99));
        assertTrue(read(dir, "progress.txt").endsWith(" end  0.0124      100%\n"), read(dir, "progress.txt"));
    }

    @Test
    void chartsAreSmallSvgWithFixedIds() throws IOException {
        for (String chart : List.of("progress.svg", "boundary.svg")) {
            String svg = read(dir, chart);
            assertTrue(svg.contains("<svg") && svg.strip().endsWith("</svg>"), chart);
            assertTrue(Files.size(dir.resolve(chart)) < 150_000, chart + " is " + Files.size(dir.resolve(chart)) + " bytes");
        }
        assertTrue(read(dir, "progress.svg").contains("id='progressclip-0'"));
        assertTrue(read(dir, "boundary.svg").contains(">Decision boundary</text>"));
    }

    private static String read(Path dir, String file) throws IOException {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }
}
