///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java
//DEPS guru.nidi:graphviz-java:0.18.1
//DEPS org.slf4j:slf4j-nop:1.7.36

import dev.micrograd.engine.Value;
import dev.micrograd.exercise.Ex07Checks;
import dev.micrograd.nn.MLP;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.Supplier;

/** Reference solution of exercises 7. */
class Ex07NeuralNetSolution implements Ex07Checks.Tasks {
    public static void main(String... args) {
        Ex07Checks.main(args, Ex07NeuralNetSolution::new);
    }

    @Override
    public Value leakyRelu(Value x) {
        return x.relu().sub(x.neg().relu().mul(0.01));
    }

    @Override
    public Value neuron(List<Value> x, List<Value> w, Value b) {
        Value sum = b;
        for (int i = 0; i < x.size(); i++) {
            sum = sum.add(w.get(i).mul(x.get(i)));
        }
        return sum.tanh();
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
            mlp.zeroGrad();
            loss.backward();
            for (Value p : mlp.parameters()) {
                p.setData(p.data() - learningRate * p.grad());
            }
            losses[step] = loss.data();
        }
        return losses;
    }

    @Override
    public double gradientCheck(List<Value> parameters, Supplier<Value> loss, double h) {
        for (Value p : parameters) {
            p.setGrad(0);
        }
        loss.get().backward();
        double worst = 0;
        for (Value p : parameters) {
            double data = p.data();
            p.setData(data + h);
            double up = loss.get().data();
            p.setData(data - h);
            double down = loss.get().data();
            p.setData(data);
            double numeric = (up - down) / (2 * h);
            double size = Math.max(Math.abs(numeric), Math.abs(p.grad()));
            worst = Math.max(worst, size == 0 ? 0 : Math.abs(numeric - p.grad()) / size);
        }
        return worst;
    }

    @Override
    public boolean diverges(double[] losses) {
        for (double loss : losses) {
            if (!Double.isFinite(loss)) {
                return true;
            }
        }
        return losses[losses.length - 1] > losses[0];
    }

    @Override
    public double largestStableRate(DoubleFunction<double[]> train, double[] rates) {
        double best = 0;
        for (double rate : rates) {
            if (rate > best && !diverges(train.apply(rate))) {
                best = rate;
            }
        }
        return best;
    }
}
