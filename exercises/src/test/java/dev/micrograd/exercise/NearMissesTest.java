package dev.micrograd.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.micrograd.engine.Value;
import dev.micrograd.nn.MLP;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Answers that are almost right fail exactly the check that targets their mistake. */
class NearMissesTest {
    private static List<Boolean> outcomes(Checks checks) {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return checks.run(quiet, false).results().stream().map(Result::passed).toList();
    }

    /** A recursive topological sort: right on small graphs, a stack overflow on the long chain. */
    private static final class Recursive implements Ex04Checks.Tasks {
        @Override
        public List<Value> topologicalOrder(Value root) {
            List<Value> order = new ArrayList<>();
            visit(root, Collections.newSetFromMap(new IdentityHashMap<>()), order);
            return order;
        }

        private static void visit(Value v, Set<Value> seen, List<Value> order) {
            if (seen.add(v)) {
                for (Value child : v.children()) {
                    visit(child, seen, order);
                }
                order.add(v);
            }
        }

        @Override
        public void backward(Value root) {
            throw new UnsupportedOperationException("TODO");
        }

        @Override
        public Scalar add(Scalar x, Scalar y) {
            throw new UnsupportedOperationException("TODO");
        }

        @Override
        public Scalar mul(Scalar x, Scalar y) {
            throw new UnsupportedOperationException("TODO");
        }
    }

    @Test
    void aRecursiveTopologicalOrderFailsOnlyTheLongChain() {
        assertEquals(List.of(true, true, false), outcomes(Ex04Checks.of(Recursive::new)).subList(0, 3));
    }

    @Test
    void aRecordWrittenWithTheDefaultLocaleFailsOnlyOnAGermanComputer() {
        Ex02Checks.Tasks localeBound = new Ex02Checks.Tasks() {
            @Override
            public List<String> edges(Value root) {
                throw new UnsupportedOperationException("TODO");
            }

            @Override
            public String record(Value v) {
                return String.format("%s | data %.4f | grad %.4f", v.label(), v.data(), v.grad());
            }
        };
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.UK);
        try {
            assertEquals(List.of(true, true, false), outcomes(Ex02Checks.of(() -> localeBound)).subList(3, 6));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aLogThatAssignsItsGradientFailsOnlyTheAccumulationCheck() {
        Ex06Checks.Tasks assigning = new Ex06Checks.Tasks() {
            @Override
            public Value tanhFromExp(Value n) {
                return n.tanh();
            }

            @Override
            public Scalar log(Scalar x) {
                Scalar out = new Scalar(Math.log(x.data), "log", x);
                out.onBackward(() -> x.grad = out.grad / x.data);
                return out;
            }

            @Override
            public Scalar sigmoid(Scalar x) {
                throw new UnsupportedOperationException("TODO");
            }

            @Override
            public Scalar pow(Scalar x, Scalar y) {
                throw new UnsupportedOperationException("TODO");
            }
        };
        List<Boolean> outcomes = outcomes(Ex06Checks.of(() -> assigning));
        // n.tanh() is right in value and gradient but is not built from exp; log is right but for +=.
        assertEquals(List.of(true, true, false, true, true, false), outcomes.subList(0, 6));
    }

    @Test
    void aTrainingLoopWithoutZeroGradFailsOnlyThePlainGradientDescentCheck() {
        Ex07Checks.Tasks noZeroGrad = new Ex07Checks.Tasks() {
            @Override
            public Value leakyRelu(Value x) {
                throw new UnsupportedOperationException("TODO");
            }

            @Override
            public Value neuron(List<Value> x, List<Value> w, Value b) {
                throw new UnsupportedOperationException("TODO");
            }

            @Override
            public Value squaredError(List<Value> predictions, double[] targets) {
                List<Value> terms = new ArrayList<>();
                for (int i = 0; i < targets.length; i++) {
                    terms.add(predictions.get(i).sub(targets[i]).pow(2));
                }
                return Value.sum(terms);
            }

            @Override
            public double[] train(MLP mlp, double[][] xs, double[] ys, int steps, double learningRate) {
                double[] losses = new double[steps];
                for (int step = 0; step < steps; step++) {
                    List<Value> predictions = new ArrayList<>();
                    for (double[] x : xs) {
                        predictions.add(mlp.apply(x).get(0));
                    }
                    Value loss = squaredError(predictions, ys);
                    loss.backward();
                    for (Value p : mlp.parameters()) {
                        p.setData(p.data() - learningRate * p.grad());
                    }
                    losses[step] = loss.data();
                }
                return losses;
            }
        };
        // Accumulated gradients act like momentum here: the loss still falls below the target.
        assertEquals(List.of(true, false, true), outcomes(Ex07Checks.of(() -> noZeroGrad)).subList(6, 9));
    }
}
