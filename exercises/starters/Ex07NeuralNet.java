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
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.Supplier;

/** Exercises 7: an activation, a neuron, a loss and a training loop. Run it with ./jbang ex07 to check your work. */
class Ex07NeuralNet implements Ex07Checks.Tasks {
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
    /** Task 2: one neuron, tanh(w1*x1 + ... + wn*xn + b). */
    @Override
    public Value neuron(List<Value> x, List<Value> w, Value b) {
        // TODO(student): start from b, add w.get(i).mul(x.get(i)) for each input, then tanh()
        throw new UnsupportedOperationException("TODO: task 2, the neuron");
    }
    // end::neuron[]

    // tag::squared-error[]
    /** Task 3: the sum over the samples of (prediction - target)^2. */
    @Override
    public Value squaredError(List<Value> predictions, double[] targets) {
        // TODO(student): predictions.get(i).sub(targets[i]).pow(2), summed (Value.sum takes a list)
        throw new UnsupportedOperationException("TODO: task 3, the squared error");
    }
    // end::squared-error[]

    // tag::train[]
    /** Task 4: steps steps of gradient descent; returns the loss of each step, taken before its update. */
    @Override
    public double[] train(MLP mlp, double[][] xs, double[] ys, int steps, double learningRate) {
        // TODO(student): for each step: the predictions mlp.apply(xs[i]).get(0), the loss (task 3),
        // mlp.zeroGrad(), loss.backward(), then move each parameter against its gradient
        throw new UnsupportedOperationException("TODO: task 4, the training loop");
    }
    // end::train[]

    // tag::gradient-check[]
    /**
     * Task 5: the largest relative error, over the parameters, between the gradient from backward() and the
     * central finite difference (up - down) / 2h; loss.get() builds the loss afresh from the parameters' data.
     */
    @Override
    public double gradientCheck(List<Value> parameters, Supplier<Value> loss, double h) {
        // TODO(student): first every grad from one backward(); then nudge each parameter's data by +h and -h
        // (setData), rebuild the loss each time, and put the data back. Relative error: exercises 5, task 4.
        throw new UnsupportedOperationException("TODO: task 5, the gradient check");
    }
    // end::gradient-check[]

    // tag::diverges[]
    /** Task 6: whether a training run with these losses diverged. */
    @Override
    public boolean diverges(double[] losses) {
        // TODO(student): a run diverges when a loss is not a finite number or when it ends above where it began
        throw new UnsupportedOperationException("TODO: task 6, diverges");
    }

    /** Task 6: the largest of rates whose run, train.apply(rate), does not diverge; 0 if none. */
    @Override
    public double largestStableRate(DoubleFunction<double[]> train, double[] rates) {
        // TODO(student): try each rate; the rates come in no particular order
        throw new UnsupportedOperationException("TODO: task 6, the largest stable rate");
    }
    // end::diverges[]
}
