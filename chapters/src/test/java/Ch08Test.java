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

/** Chapter 8 trains micrograd's demo on two moons, tests it on fresh points, shows a diverging learning rate, and draws small SVG charts. */
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
    void runsTheTrainersGuidedExperiments() throws IOException {
        String tried = read(dir, "experiments.txt");
        assertTrue(tried.contains("moons, no hidden layer (2-1)           0.2929       87%\n"), tried);
        assertTrue(tried.contains("circles, no hidden layer (2-1)         0.9748       55%\n"), tried);
        assertTrue(tried.contains("circles, chapter 8's network           0.0197      100%\n"), tried);
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
    void theTrainedNetworkIsRightAboutFreshPoints() throws IOException {
        assertEquals("training points (seed 1):  loss 0.0124, accuracy 100%,  0 points inside the margin\n"
                + "fresh points    (seed 2):  loss 0.0415, accuracy 100%,  8 points inside the margin\n",
                read(dir, "held-out.txt"));
    }

    @Test
    void aLearningRateTooLargeDiverges() throws IOException {
        List<String> lines = read(dir, "learning-rates.txt").lines().toList();
        assertEquals("step  rate 0.1         rate 30.0", lines.get(0));
        assertEquals("   0  0.3625           0.3625", lines.get(1));
        assertEquals("   3  0.2841           1.450e+06", lines.get(4));
        assertEquals("  29  0.2269           2.190e+14", lines.get(13));
        assertEquals("  rate 0.1: accuracy  88%, dead units 4 of 16 and 4 of 16", lines.get(16));
        assertEquals("  rate 30.0: accuracy  50%, dead units 14 of 16 and 16 of 16", lines.get(17));
        assertEquals("  rate 30.0: loss 2.163e+14 = data term 2.5604 + regularisation 2.163e+14", lines.get(18));
    }

    @Test
    void chartsAreSmallSvgWithFixedIds() throws IOException {
        for (String chart : List.of("progress.svg", "boundary.svg", "boundary-fresh.svg", "learning-rates.svg")) {
            String svg = read(dir, chart);
            assertTrue(svg.contains("<svg") && svg.strip().endsWith("</svg>"), chart);
            assertTrue(Files.size(dir.resolve(chart)) < 150_000, chart + " is " + Files.size(dir.resolve(chart)) + " bytes");
        }
        assertTrue(read(dir, "progress.svg").contains("id='progressclip-0'"));
        assertTrue(read(dir, "boundary.svg").contains(">Decision boundary, training points</text>"));
        assertTrue(read(dir, "boundary-fresh.svg").contains(">Decision boundary, fresh points</text>"));
        assertTrue(read(dir, "learning-rates.svg").contains("id='ratesclip-0'"));
    }

    private static String read(Path dir, String file) throws IOException {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }
}
