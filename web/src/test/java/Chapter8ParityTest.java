import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.data.Moons;
import dev.micrograd.data.Moons.Point;
import dev.micrograd.nn.Activation;
import dev.micrograd.nn.MLP;
import dev.micrograd.web.Trainer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The browser's trainer is chapter 8's training: the same constants, and step for step the same loss and
 * accuracy as the chapter script's own step and evaluate methods (this test sits in the scripts' package).
 */
class Chapter8ParityTest {

    @Test
    void trainMoonsEndsOnChapter8sEndLineBitForBit() {
        MLP model = new MLP(new Random(Ch08TwoMoons.MODEL_SEED), Activation.RELU, Activation.LINEAR, 2, 16, 16, 1);
        List<Point> points = Moons.generate(100, 0.1, Ch08TwoMoons.DATA_SEED);
        Trainer trainer = Trainer.chapter8();
        assertEquals(points, trainer.points());
        for (int k = 0; k < Ch08TwoMoons.STEPS; k++) {
            Ch08TwoMoons.Evaluation chapter = Ch08TwoMoons.step(model, points, Ch08TwoMoons.learningRate(k));
            Trainer.Evaluation ours = trainer.step(Trainer.learningRate(k));
            assertEquals(chapter.loss().data(), ours.loss().data(), "the loss at step " + k);
            assertEquals(chapter.accuracy(), ours.accuracy(), "the accuracy at step " + k);
        }
        Ch08TwoMoons.Evaluation end = Ch08TwoMoons.evaluate(model, points);
        assertEquals(1.0, end.accuracy(), "chapter 8 reaches 100%");
        String json = Trainer.trainMoons(Ch08TwoMoons.STEPS);
        String expected = "{\"loss\":" + end.loss().data() + ",\"accuracy\":" + end.accuracy() + ",\"msPerStep\":";
        assertTrue(json.startsWith(expected), json + " does not start with " + expected);
    }

    @Test
    void theLearningRateScheduleIsChapter8s() {
        for (int k = 0; k < Ch08TwoMoons.STEPS; k++) {
            assertEquals(Ch08TwoMoons.learningRate(k), Trainer.learningRate(k), "step " + k);
        }
        assertEquals(0.1, Trainer.learningRate(Ch08TwoMoons.STEPS), "after the schedule, it stays at its end");
    }
}
