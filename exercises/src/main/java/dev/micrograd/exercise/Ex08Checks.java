package dev.micrograd.exercise;

import dev.micrograd.data.Moons;
import dev.micrograd.engine.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** The checks of exercises 8: the max-margin loss, accuracy, a learning-rate schedule, a train/test split. */
public final class Ex08Checks {
    /** What the student writes in {@code Ex08TwoMoons.java}. */
    public interface Tasks {
        /** Task 1: the max-margin (hinge) loss of one sample, relu(1 - label * score). */
        Value marginLoss(Value score, int label);

        /** Task 2: the share of samples whose score has the sign of their label (-1 or +1). */
        double accuracy(double[] scores, int[] labels);

        /** Task 3: the learning rate of step {@code step} (from 0) of {@code steps}: near 1 at first, then falling. */
        double learningRate(int step, int steps);

        /**
         * Task 4: {@code points} split into {@code [train, test]}, shuffled by a {@code Random} made from {@code seed};
         * the test set holds {@code Math.round(testShare * points.size())} points.
         */
        List<List<Moons.Point>> split(List<Moons.Point> points, double testShare, long seed);
    }

    static final int STEPS = 50;
    static final double TARGET = 0.95;
    static final double HELD_OUT_TARGET = 0.9;
    static final int HELD_OUT_POINTS = 100;
    static final double TEST_SHARE = 0.3;

    private Ex08Checks() {
    }

    public static void main(String[] args, Supplier<? extends Tasks> student) {
        Exercise.main(args, of(student));
    }

    public static Checks of(Supplier<? extends Tasks> student) {
        Checks c = new Checks("ex08", "Training on two moons");
        c.check("task 1: the margin loss of scores 0.3, 2.0 (label +1) and 0.5 (label -1)",
                "relu(1 - label * score): 0.7, 0 once the margin is reached, and 1.5 for a wrong sign.",
                seed -> {
                    Tasks t = student.get();
                    return Answer.numbers(loss(t, Value.of(0.3), 1).data(), loss(t, Value.of(2.0), 1).data(),
                            loss(t, Value.of(0.5), -1).data());
                },
                (a, seed) -> Expect.near(new double[] {0.7, 0.0, 1.5}, a.numbers(), 1e-12));
        c.check("task 1: its gradient with respect to the score", "-label while the margin is not reached, 0 after.",
                seed -> {
                    Tasks t = student.get();
                    Value[] scores = {Value.of(0.3), Value.of(2.0), Value.of(0.5)};
                    loss(t, scores[0], 1).backward();
                    loss(t, scores[1], 1).backward();
                    loss(t, scores[2], -1).backward();
                    return Answer.numbers(scores[0].grad(), scores[1].grad(), scores[2].grad());
                },
                (a, seed) -> Expect.near(new double[] {-1.0, 0.0, 1.0}, a.numbers(), 1e-12));
        c.check("task 2: 3 right out of 4 is 0.75", "A score is right when it is > 0 for label +1 and < 0 for label -1.",
                seed -> Answer.number(student.get().accuracy(new double[] {0.5, -0.2, 0.1, -3.0}, new int[] {1, -1, -1, -1})),
                (a, seed) -> Expect.near(0.75, a.number(), 1e-12));
        c.check("task 2: all wrong is 0 and all right is 1", "Divide the number right by the number of samples, as a double.",
                seed -> {
                    Tasks t = student.get();
                    return Answer.numbers(t.accuracy(new double[] {-1.0, 2.0}, new int[] {1, -1}),
                            t.accuracy(new double[] {-1.0, 2.0}, new int[] {-1, 1}));
                },
                (a, seed) -> Expect.near(new double[] {0.0, 1.0}, a.numbers(), 1e-12));
        c.check("task 3: the first rate is between 0.1 and 2", "Chapter 8 starts at 1.0; 0.001 is far too timid.",
                seed -> Answer.number(student.get().learningRate(0, STEPS)),
                (a, seed) -> {
                    double first = a.number();
                    Expect.that(first >= 0.1 && first <= 2, "a rate from 0.1 to 2", Expect.number(first));
                });
        c.check("task 3: the rate stays positive and falls", "For example 1.0 - 0.9 * step / steps, from 1.0 towards 0.1.",
                seed -> {
                    Tasks t = student.get();
                    double[] rates = new double[STEPS];
                    for (int step = 0; step < STEPS; step++) {
                        rates[step] = t.learningRate(step, STEPS);
                    }
                    return Answer.numbers(rates);
                },
                (a, seed) -> {
                    double[] rates = a.numbers(STEPS);
                    boolean positive = true;
                    for (double rate : rates) {
                        positive &= rate > 0 && Double.isFinite(rate);
                    }
                    double first = rates[0];
                    double last = rates[STEPS - 1];
                    Expect.that(positive && last < first, "every rate > 0, the last below the first",
                            String.format(Locale.ROOT, "%s, first %s, last %s",
                                    positive ? "every rate > 0" : "a rate <= 0 or not finite",
                                    Expect.number(first), Expect.number(last)));
                });
        c.check("task 3: " + STEPS + " steps with your loss and schedule reach " + Math.round(TARGET * 100) + "% on two moons",
                "Both the loss (task 1) and the schedule (task 3) matter: a rate too small barely moves the weights.",
                Duration.ofSeconds(30),
                seed -> {
                    Tasks t = student.get();
                    return Answer.number(MoonsTraining.train(t::marginLoss, t::learningRate, STEPS));
                },
                (a, seed) -> {
                    double accuracy = a.number();
                    Expect.that(accuracy >= TARGET, "an accuracy of at least " + Expect.number(TARGET),
                            Expect.number(accuracy));
                });
        c.check("task 4: 100 points with a test share of 0.2: 80 to train, 20 to test",
                "Math.round(testShare * points.size()) points for the test set, the rest for training.",
                seed -> {
                    List<List<Moons.Point>> parts = split(student.get(), moons(100), 0.2, 1);
                    return Answer.numbers(parts.get(0).size(), parts.get(1).size());
                },
                (a, seed) -> Expect.near(new double[] {80, 20}, a.numbers(), 0));
        c.check("task 4: every point lands in exactly one of the two sets",
                "Shuffle a copy of the list, then cut it in two: no point lost, none in both.",
                seed -> {
                    List<Moons.Point> points = moons(100);
                    List<Moons.Point> given = List.copyOf(points);
                    List<List<Moons.Point>> parts = split(student.get(), points, 0.2, 1);
                    return Answer.texts(List.of(indices(given, parts.get(0)), indices(given, parts.get(1))));
                },
                Ex08Checks::everyPointOnce);
        c.check("task 4: with the points sorted by label, both labels reach the test set",
                "Data often comes sorted: cutting it without shuffling tests on one class only. Shuffle first.",
                seed -> {
                    List<Moons.Point> sorted = sortedByLabel();
                    List<Moons.Point> given = List.copyOf(sorted);
                    return Answer.text(indices(given, split(student.get(), sorted, 0.2, 1).get(1)));
                },
                (a, seed) -> {
                    List<Moons.Point> sorted = sortedByLabel();
                    long labels = parse(a.text()).stream().filter(i -> i >= 0 && i < sorted.size())
                            .map(i -> sorted.get(i).label()).distinct().count();
                    Expect.that(labels == 2, "test points of both labels", labels + " label(s) among the test points");
                });
        c.check("task 4: the same seed gives the same split, another seed another",
                "Make the Random from the seed: a fixed seed makes the shuffle, and so the split, repeatable.",
                seed -> {
                    Tasks t = student.get();
                    List<Moons.Point> points = moons(100);
                    List<Moons.Point> given = List.copyOf(points);
                    return Answer.texts(List.of(indices(given, split(t, points, 0.2, 1).get(1)),
                            indices(given, split(t, points, 0.2, 1).get(1)), indices(given, split(t, points, 0.2, 2).get(1))));
                },
                (a, seed) -> {
                    List<String> tests = a.texts();
                    Expect.that(tests.size() == 3, "three test sets", tests.size() + " test sets");
                    boolean same = tests.get(0).equals(tests.get(1));
                    boolean other = !tests.get(0).equals(tests.get(2));
                    Expect.that(same && other, "the same test set for seed 1 twice, another for seed 2",
                            (same ? "the same" : "different") + " test sets for seed 1, "
                                    + (other ? "another" : "the same") + " for seed 2");
                });
        c.check("task 4: the list you were given keeps its order", "Shuffling changes the list it is given: shuffle your own copy.",
                seed -> {
                    List<Moons.Point> points = moons(100);
                    List<Moons.Point> before = List.copyOf(points);
                    split(student.get(), points, 0.2, 1);
                    return Answer.text(indices(before, points));
                },
                (a, seed) -> {
                    List<Integer> order = parse(a.text());
                    boolean same = order.size() == 100;
                    for (int i = 0; same && i < 100; i++) {
                        same = order.get(i) == i;
                    }
                    Expect.that(same, "the same order as before", "another order");
                });
        c.check("task 4: trained on " + Math.round((1 - TEST_SHARE) * 100) + "% of " + HELD_OUT_POINTS
                        + " points, the network classifies at least " + Math.round(HELD_OUT_TARGET * 100) + "% of the test set",
                "The test points were never trained on: this is the accuracy to report. Tasks 1, 3 and 4 all count.",
                Duration.ofSeconds(30),
                seed -> {
                    Tasks t = student.get();
                    List<List<Moons.Point>> parts = split(t, moons(HELD_OUT_POINTS), TEST_SHARE, MoonsTraining.SEED);
                    return Answer.number(MoonsTraining.heldOut(t::marginLoss, t::learningRate, STEPS, parts.get(0), parts.get(1)));
                },
                (a, seed) -> {
                    double accuracy = a.number();
                    Expect.that(accuracy >= HELD_OUT_TARGET, "a test accuracy of at least " + Expect.number(HELD_OUT_TARGET),
                            Expect.number(accuracy));
                });
        return c;
    }

    private static List<Moons.Point> moons(int n) {
        return new ArrayList<>(Moons.generate(n, MoonsTraining.NOISE, 11));
    }

    private static List<Moons.Point> sortedByLabel() {
        List<Moons.Point> sorted = moons(100);
        sorted.sort(Comparator.comparingInt(Moons.Point::label));
        return sorted;
    }

    private static List<List<Moons.Point>> split(Tasks t, List<Moons.Point> points, double share, long seed) {
        List<List<Moons.Point>> parts = Expect.present(t.split(points, share, seed), "a list [train, test]");
        Expect.that(parts.size() == 2 && parts.get(0) != null && parts.get(1) != null, "two lists, [train, test]",
                parts.size() + " list(s)");
        return parts;
    }

    /** Ask: where each point of {@code part} sits in {@code original}, by identity; -1 for a point not from it. */
    private static String indices(List<Moons.Point> original, List<Moons.Point> part) {
        Map<Moons.Point, Integer> at = new IdentityHashMap<>();
        for (int i = 0; i < original.size(); i++) {
            at.put(original.get(i), i);
        }
        StringBuilder s = new StringBuilder();
        for (Moons.Point p : part) {
            s.append(s.length() > 0 ? "," : "").append(at.getOrDefault(p, -1));
        }
        return s.toString();
    }

    private static List<Integer> parse(String indices) {
        List<Integer> list = new ArrayList<>();
        if (!indices.isEmpty()) {
            for (String i : indices.split(",")) {
                try {
                    list.add(Integer.parseInt(i));
                } catch (NumberFormatException e) {
                    throw new Mismatch("point numbers", "'" + i + "'");
                }
            }
        }
        return list;
    }

    private static void everyPointOnce(Answer answer, long seed) {
        List<String> parts = answer.texts();
        Expect.that(parts.size() == 2, "two lists, [train, test]", parts.size() + " list(s)");
        Map<Integer, Integer> count = new java.util.HashMap<>();
        long strangers = 0;
        for (String part : parts) {
            for (int i : parse(part)) {
                if (i < 0 || i >= 100) {
                    strangers++;
                } else {
                    count.merge(i, 1, Integer::sum);
                }
            }
        }
        long twice = count.values().stream().filter(n -> n > 1).count();
        long missing = 100 - count.size();
        Expect.that(twice == 0 && missing == 0 && strangers == 0, "each of the 100 points once",
                twice + " point(s) more than once, " + missing + " missing"
                        + (strangers == 0 ? "" : ", " + strangers + " not from the list"));
    }

    private static Value loss(Tasks t, Value score, int label) {
        return Expect.present(t.marginLoss(score, label), "a Value");
    }
}
