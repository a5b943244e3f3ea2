///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../src/main/java/dev/micrograd/exercise/*.java

import dev.micrograd.engine.Value;
import dev.micrograd.exercise.Ex07Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Reference solution of exercises 7. */
class Ex07NeuralNetSolution implements Ex07Checks.Tasks<Ex07NeuralNetSolution.Neuron, Ex07NeuralNetSolution.Layer,
        Ex07NeuralNetSolution.MLP> {
    public static void main(String... args) {
        Ex07Checks.main(args, Ex07NeuralNetSolution::new);
    }

    @Override
    public Value leakyRelu(Value x) {
        return x.relu().sub(x.neg().relu().mul(0.01));
    }

    /** Task 2: one neuron, activation(w1*x1 + ... + wn*xn + b). */
    static final class Neuron implements Module {
        final List<Value> weights = new ArrayList<>();
        final Value bias;
        final UnaryOperator<Value> activation;

        Neuron(int inputs, UnaryOperator<Value> activation, Random random) {
            for (int i = 0; i < inputs; i++) {
                weights.add(Value.of(random.nextDouble() * 2 - 1));
            }
            bias = Value.of(random.nextDouble() * 2 - 1);
            this.activation = activation;
        }

        Value apply(List<Value> x) {
            if (x.size() != weights.size()) {
                throw new IllegalArgumentException("this neuron takes " + weights.size() + " inputs, got " + x.size());
            }
            Value sum = bias;
            for (int i = 0; i < x.size(); i++) {
                sum = sum.add(weights.get(i).mul(x.get(i)));
            }
            return activation.apply(sum);
        }

        @Override
        public List<Value> parameters() {
            List<Value> all = new ArrayList<>(weights);
            all.add(bias);
            return all;
        }
    }

    /** Task 3: a row of neurons that all see the same inputs. */
    static final class Layer implements Module {
        final List<Neuron> neurons = new ArrayList<>();

        Layer(int inputs, int outputs, UnaryOperator<Value> activation, Random random) {
            for (int i = 0; i < outputs; i++) {
                neurons.add(new Neuron(inputs, activation, random));
            }
        }

        List<Value> apply(List<Value> x) {
            List<Value> out = new ArrayList<>();
            for (Neuron n : neurons) {
                out.add(n.apply(x));
            }
            return out;
        }

        @Override
        public List<Value> parameters() {
            List<Value> all = new ArrayList<>();
            for (Neuron n : neurons) {
                all.addAll(n.parameters());
            }
            return all;
        }
    }

    /** Task 4: layers one after another; the last one has its own activation. */
    static final class MLP implements Module {
        final List<Layer> layers = new ArrayList<>();

        MLP(Random random, UnaryOperator<Value> hidden, UnaryOperator<Value> output, int... sizes) {
            for (int i = 1; i < sizes.length; i++) {
                layers.add(new Layer(sizes[i - 1], sizes[i], i == sizes.length - 1 ? output : hidden, random));
            }
        }

        List<Value> apply(List<Value> x) {
            for (Layer layer : layers) {
                x = layer.apply(x);
            }
            return x;
        }

        @Override
        public List<Value> parameters() {
            List<Value> all = new ArrayList<>();
            for (Layer layer : layers) {
                all.addAll(layer.parameters());
            }
            return all;
        }
    }

    /** Task 4: anything with parameters, as micrograd's Module. */
    interface Module {
        List<Value> parameters();

        default void zeroGrad() {
            for (Value p : parameters()) {
                p.setGrad(0);
            }
        }
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
                predictions.add(mlp.apply(inputs(x)).get(0));
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

    private static List<Value> inputs(double[] x) {
        List<Value> in = new ArrayList<>();
        for (double xi : x) {
            in.add(Value.of(xi));
        }
        return in;
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

    // The checks reach your classes through these one-liners: nothing to change here.
    @Override
    public Neuron neuron(int inputs, UnaryOperator<Value> activation, Random random) {
        return new Neuron(inputs, activation, random);
    }

    @Override
    public Value neuronOutput(Neuron neuron, List<Value> x) {
        return neuron.apply(x);
    }

    @Override
    public List<Value> neuronParameters(Neuron neuron) {
        return neuron.parameters();
    }

    @Override
    public Layer layer(int inputs, int outputs, UnaryOperator<Value> activation, Random random) {
        return new Layer(inputs, outputs, activation, random);
    }

    @Override
    public List<Value> layerOutputs(Layer layer, List<Value> x) {
        return layer.apply(x);
    }

    @Override
    public List<Value> layerParameters(Layer layer) {
        return layer.parameters();
    }

    @Override
    public MLP mlp(Random random, UnaryOperator<Value> hidden, UnaryOperator<Value> output, int... sizes) {
        return new MLP(random, hidden, output, sizes);
    }

    @Override
    public List<Value> mlpOutputs(MLP mlp, List<Value> x) {
        return mlp.apply(x);
    }

    @Override
    public List<Value> mlpParameters(MLP mlp) {
        return mlp.parameters();
    }

    @Override
    public void zeroGrad(MLP mlp) {
        mlp.zeroGrad();
    }
}
