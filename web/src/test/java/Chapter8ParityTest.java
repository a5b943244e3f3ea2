import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.data.Moons.Point;
import dev.micrograd.nn.MLP;
import dev.micrograd.nn.Training;
import dev.micrograd.web.Trainer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The browser's trainer runs chapter 8's one training implementation, the engine's Training, on chapter 8's
 * setting: its summary after the whole schedule is the chapter's end line.
 */
class Chapter8ParityTest {

    @Test
    void trainMoonsEndsOnChapter8sEndLine() {
        MLP model = Training.chapter8Model();
        List<Point> points = Training.chapter8Points();
        assertEquals(points, Trainer.chapter8().points());
        for (int k = 0; k < Training.STEPS; k++) {
            Training.step(model, points, Training.ALPHA, Training.learningRate(k));
        }
        Training.Evaluation end = Training.evaluate(model, points, Training.ALPHA);
        assertEquals(1.0, end.accuracy(), "chapter 8 reaches 100%");
        String json = Trainer.trainMoons(Training.STEPS);
        String expected = "{\"loss\":" + end.loss().data() + ",\"accuracy\":" + end.accuracy() + ",\"msPerStep\":";
        assertTrue(json.startsWith(expected), json + " does not start with " + expected);
    }

    @Test
    void theLearningRateFallsFromOneToATenthAndStaysThere() {
        assertEquals(1.0, Trainer.learningRate(0));
        assertEquals(0.55, Trainer.learningRate(50), 1e-15);
        assertEquals(0.1, Trainer.learningRate(Training.STEPS), "after the schedule, it stays at its end");
        assertEquals(0.1, Trainer.learningRate(10 * Training.STEPS));
    }
}
