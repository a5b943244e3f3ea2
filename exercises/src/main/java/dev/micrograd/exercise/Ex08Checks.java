package dev.micrograd.exercise;

import dev.micrograd.engine.Value;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/** The checks of exercises 8: the max-margin loss, accuracy, a learning-rate schedule, and a training run. */
public final class Ex08Checks {
    /** What the student writes in {@code Ex08TwoMoons.java}. */
    public interface Tasks {
        /** Task 1: the max-margin (hinge) loss of one sample, relu(1 - label * score). */
        Value marginLoss(Value score, int label);

        /** Task 2: the share of samples whose score has the sign of their label (-1 or +1). */
        double accuracy(double[] scores, int[] labels);

        /** Task 3: the learning rate of step {@code step} (from 0) of {@code steps}: near 1 at first, then falling. */
        double learningRate(int step, int steps);
    }

    static final int STEPS = 50;
    static final double TARGET = 0.95;

    private Ex08Checks() {
    }

    public static void main(String[] args, Supplier<? extends Tasks> student) {
        Exercise.main(args, of(student));
    }

    public static Checks of(Supplier<? extends Tasks> student) {
        Checks c = new Checks("ex08", "Training on two moons");
        c.check("task 1: the margin loss of scores 0.3, 2.0 (label +1) and 0.5 (label -1)",
                "relu(1 - label * score): 0.7, 0 once the margin is reached, and 1.5 for a wrong sign.",
                () -> {
                    Tasks t = student.get();
                    Expect.near(new double[] {0.7, 0.0, 1.5}, new double[] {loss(t, Value.of(0.3), 1).data(),
                            loss(t, Value.of(2.0), 1).data(), loss(t, Value.of(0.5), -1).data()}, 1e-12);
                });
        c.check("task 1: its gradient with respect to the score", "-label while the margin is not reached, 0 after.",
                () -> {
                    Tasks t = student.get();
                    Value[] scores = {Value.of(0.3), Value.of(2.0), Value.of(0.5)};
                    loss(t, scores[0], 1).backward();
                    loss(t, scores[1], 1).backward();
                    loss(t, scores[2], -1).backward();
                    Expect.near(new double[] {-1.0, 0.0, 1.0},
                            new double[] {scores[0].grad(), scores[1].grad(), scores[2].grad()}, 1e-12);
                });
        c.check("task 2: 3 right out of 4 is 0.75", "A score is right when it is > 0 for label +1 and < 0 for label -1.",
                () -> Expect.near(0.75, student.get().accuracy(new double[] {0.5, -0.2, 0.1, -3.0},
                        new int[] {1, -1, -1, -1}), 1e-12));
        c.check("task 2: all wrong is 0 and all right is 1", "Divide the number right by the number of samples, as a double.",
                () -> {
                    Tasks t = student.get();
                    Expect.near(new double[] {0.0, 1.0}, new double[] {
                            t.accuracy(new double[] {-1.0, 2.0}, new int[] {1, -1}),
                            t.accuracy(new double[] {-1.0, 2.0}, new int[] {-1, 1})}, 1e-12);
                });
        c.check("task 3: the first rate is between 0.1 and 2", "Chapter 8 starts at 1.0; 0.001 is far too timid.",
                () -> {
                    double first = student.get().learningRate(0, STEPS);
                    Expect.that(first >= 0.1 && first <= 2, "a rate from 0.1 to 2", Expect.number(first));
                });
        c.check("task 3: the rate stays positive and falls", "For example 1.0 - 0.9 * step / steps, from 1.0 towards 0.1.",
                () -> {
                    Tasks t = student.get();
                    double first = t.learningRate(0, STEPS);
                    double last = t.learningRate(STEPS - 1, STEPS);
                    boolean positive = true;
                    for (int step = 0; step < STEPS; step++) {
                        double rate = t.learningRate(step, STEPS);
                        positive &= rate > 0 && Double.isFinite(rate);
                    }
                    Expect.that(positive && last < first, "every rate > 0, the last below the first",
                            String.format(Locale.ROOT, "%s, first %s, last %s",
                                    positive ? "every rate > 0" : "a rate <= 0 or not finite",
                                    Expect.number(first), Expect.number(last)));
                });
        c.check("task 3: " + STEPS + " steps with your loss and schedule reach " + Math.round(TARGET * 100) + "% on two moons",
                "Both the loss (task 1) and the schedule (task 3) matter: a rate too small barely moves the weights.",
                Duration.ofSeconds(30),
                () -> {
                    Tasks t = student.get();
                    double accuracy = MoonsTraining.train(t::marginLoss, t::learningRate, STEPS);
                    Expect.that(accuracy >= TARGET, "an accuracy of at least " + Expect.number(TARGET),
                            Expect.number(accuracy));
                });
        return c;
    }

    private static Value loss(Tasks t, Value score, int label) {
        return Expect.present(t.marginLoss(score, label), "a Value");
    }
}
