///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java

import dev.micrograd.data.Moons;
import dev.micrograd.engine.Value;
import dev.micrograd.exercise.Ex08Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Reference solution of exercises 8. */
class Ex08TwoMoonsSolution implements Ex08Checks.Tasks {
    public static void main(String... args) {
        Ex08Checks.main(args, Ex08TwoMoonsSolution::new);
    }

    @Override
    public Value marginLoss(Value score, int label) {
        return score.mul(-label).add(1).relu();
    }

    @Override
    public double accuracy(double[] scores, int[] labels) {
        int right = 0;
        for (int i = 0; i < scores.length; i++) {
            if ((scores[i] > 0) == (labels[i] > 0)) {
                right++;
            }
        }
        return (double) right / scores.length;
    }

    @Override
    public double learningRate(int step, int steps) {
        return 1.0 - 0.9 * step / steps;
    }

    @Override
    public List<List<Moons.Point>> split(List<Moons.Point> points, double testShare, long seed) {
        List<Moons.Point> shuffled = new ArrayList<>(points);
        Collections.shuffle(shuffled, new Random(seed));
        int test = (int) Math.round(testShare * points.size());
        int train = shuffled.size() - test;
        return List.of(List.copyOf(shuffled.subList(0, train)), List.copyOf(shuffled.subList(train, shuffled.size())));
    }
}
