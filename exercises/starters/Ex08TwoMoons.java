///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java

import dev.micrograd.data.Moons;
import dev.micrograd.engine.Value;
import dev.micrograd.exercise.Ex08Checks;
import java.util.List;

/** Exercises 8: the pieces of training on two moons. Run it with ./jbang ex08 to check your work. */
class Ex08TwoMoons implements Ex08Checks.Tasks {
    public static void main(String... args) {
        Ex08Checks.main(args, Ex08TwoMoons::new);
    }

    // tag::margin-loss[]
    /** Task 1: the max-margin loss of one sample, relu(1 - label * score). */
    @Override
    public Value marginLoss(Value score, int label) {
        // TODO(student): with Value operations only, so backward() reaches the score
        throw new UnsupportedOperationException("TODO: task 1, the margin loss");
    }
    // end::margin-loss[]

    // tag::accuracy[]
    /** Task 2: the share of samples whose score has the sign of their label. */
    @Override
    public double accuracy(double[] scores, int[] labels) {
        // TODO(student): count the samples with score > 0 for label +1 or score < 0 for label -1
        throw new UnsupportedOperationException("TODO: task 2, the accuracy");
    }
    // end::accuracy[]

    // tag::learning-rate[]
    /** Task 3: the learning rate of step (from 0) of steps: near 1 at first, then falling. */
    @Override
    public double learningRate(int step, int steps) {
        // TODO(student): this rate is far too small and never changes; make it start near 1.0 and fall
        return 0.001;
    }
    // end::learning-rate[]

    // tag::split[]
    /** Task 4: points split into [train, test], shuffled by a Random made from seed; the test set holds round(testShare * size). */
    @Override
    public List<List<Moons.Point>> split(List<Moons.Point> points, double testShare, long seed) {
        // TODO(student): shuffle a copy, then cut it into the training points and the test points
        throw new UnsupportedOperationException("TODO: task 4, the split");
    }
    // end::split[]
}
