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

/**
 * Exercises 7: an activation, your own neuron, layer and MLP on the engine's Value, a loss and a training loop.
 * Run it with ./jbang ex07 to check your work.
 */
class Ex07NeuralNet implements Ex07Checks.Tasks<Ex07NeuralNet.Neuron, Ex07NeuralNet.Layer, Ex07NeuralNet.MLP> {
    public static void main(String... args) {
        Ex07Checks.main(args, Ex07NeuralNet::new);
    }

    // tag::leaky-relu[]
    /** Task 1: leaky ReLU, x for x > 0 and 0.01 x otherwise, from the engine's primitives. */
    @Override
    public Value leakyRelu(Value x) {
        // TODO(student): combine x.relu() with the relu of -x, so backward() gets the slope 0.01 for x < 0
        throw new UnsupportedOperationException("TODO: task 1, leaky ReLU");
    }
    // end::leaky-relu[]

    // tag::neuron[]
    /** Task 2: one neuron, activation(w1*x1 + ... + wn*xn + b). */
    static final class Neuron implements Module {
        final List<Value> weights = new ArrayList<>();
        final Value bias;
        final UnaryOperator<Value> activation;

        Neuron(int inputs, UnaryOperator<Value> activation, Random random) {
            // TODO(student): draw w1 ... wn, then b, each Value.of(random.nextDouble() * 2 - 1), in that order
            throw new UnsupportedOperationException("TODO: task 2, the neuron's weights and bias");
        }

        Value apply(List<Value> x) {
            // TODO(student): throw an IllegalArgumentException unless x has one value per weight;
            // start from the bias, add each weight times its input, then apply the activation
            throw new UnsupportedOperationException("TODO: task 2, the neuron's output");
        }

        @Override
        public List<Value> parameters() {
            // TODO(student): the weights, then the bias
            throw new UnsupportedOperationException("TODO: task 2, the neuron's parameters");
        }
    }
    // end::neuron[]

    // tag::layer[]
    /** Task 3: a row of neurons that all see the same inputs. */
    static final class Layer implements Module {
        final List<Neuron> neurons = new ArrayList<>();

        Layer(int inputs, int outputs, UnaryOperator<Value> activation, Random random) {
            // TODO(student): outputs neurons of inputs weights each, made one after another from random
            throw new UnsupportedOperationException("TODO: task 3, the layer's neurons");
        }

        List<Value> apply(List<Value> x) {
            // TODO(student): one output per neuron, each neuron applied to all of x
            throw new UnsupportedOperationException("TODO: task 3, the layer's outputs");
        }

        @Override
        public List<Value> parameters() {
            // TODO(student): every neuron's parameters, neuron after neuron
            throw new UnsupportedOperationException("TODO: task 3, the layer's parameters");
        }
    }
    // end::layer[]

    // tag::mlp[]
    /** Task 4: layers one after another; the last one has its own activation. */
    static final class MLP implements Module {
        final List<Layer> layers = new ArrayList<>();

        MLP(Random random, UnaryOperator<Value> hidden, UnaryOperator<Value> output, int... sizes) {
            // TODO(student): for i from 1, a layer of sizes[i - 1] inputs and sizes[i] neurons;
            // the activation is output for the last layer and hidden for every other one
            throw new UnsupportedOperationException("TODO: task 4, the MLP's layers");
        }

        List<Value> apply(List<Value> x) {
            // TODO(student): each layer's outputs are the next layer's inputs
            throw new UnsupportedOperationException("TODO: task 4, the MLP's outputs");
        }

        @Override
        public List<Value> parameters() {
            // TODO(student): every layer's parameters, layer after layer
            throw new UnsupportedOperationException("TODO: task 4, the MLP's parameters");
        }
    }

    /** Task 4: anything with parameters, as micrograd's Module. */
    interface Module {
        List<Value> parameters();

        default void zeroGrad() {
            // TODO(student): set the gradient of every parameter to 0
            throw new UnsupportedOperationException("TODO: task 4, zeroGrad");
        }
    }
    // end::mlp[]

    // tag::squared-error[]
    /** Task 5: the sum over the samples of (prediction - target)^2. */
    @Override
    public Value squaredError(List<Value> predictions, double[] targets) {
        // TODO(student): predictions.get(i).sub(targets[i]).pow(2), summed (Value.sum takes a list)
        throw new UnsupportedOperationException("TODO: task 5, the squared error");
    }
    // end::squared-error[]

    // tag::train[]
    /** Task 6: steps steps of gradient descent; returns the loss of each step, taken before its update. */
    @Override
    public double[] train(MLP mlp, double[][] xs, double[] ys, int steps, double learningRate) {
        // TODO(student): for each step: the predictions mlp.apply(...).get(0) for each sample (wrap its numbers
        // with Value.of), the loss (task 5), mlp.zeroGrad(), loss.backward(), then move each parameter against its gradient
        throw new UnsupportedOperationException("TODO: task 6, the training loop");
    }
    // end::train[]

    // tag::gradient-check[]
    /**
     * Task 7: the largest relative error, over the parameters, between the gradient from backward() and the
     * central finite difference (up - down) / 2h; loss.get() builds the loss afresh from the parameters' data.
     */
    @Override
    public double gradientCheck(List<Value> parameters, Supplier<Value> loss, double h) {
        // TODO(student): first every grad from one backward(); then nudge each parameter's data by +h and -h
        // (setData), rebuild the loss each time, and put the data back. Relative error: exercises 5, task 4.
        throw new UnsupportedOperationException("TODO: task 7, the gradient check");
    }
    // end::gradient-check[]

    // tag::diverges[]
    /** Task 8: whether a training run with these losses diverged. */
    @Override
    public boolean diverges(double[] losses) {
        // TODO(student): a run diverges when a loss is not a finite number or when it ends above where it began
        throw new UnsupportedOperationException("TODO: task 8, diverges");
    }

    /** Task 8: the largest of rates whose run, train.apply(rate), does not diverge; 0 if none. */
    @Override
    public double largestStableRate(DoubleFunction<double[]> train, double[] rates) {
        // TODO(student): try each rate; the rates come in no particular order
        throw new UnsupportedOperationException("TODO: task 8, the largest stable rate");
    }
    // end::diverges[]

    // tag::bridge[]
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
    // end::bridge[]
}
