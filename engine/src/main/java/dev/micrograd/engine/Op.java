package dev.micrograd.engine;

/**
 * The primitive operations, each with its forward formula and its local backward step.
 *
 * <p>A backward step reads the result's gradient and adds ({@code +=}) the local derivative
 * times that gradient into each child, so a child used twice collects both contributions.
 */
enum Op {
    LEAF("") {
        @Override
        double forward(double x, double y) {
            return x;
        }

        @Override
        void backward(Value out, Value a, Value b) {
            // A leaf has no children to pass its gradient to.
        }
    },
    // tag::op-add[]
    ADD("+") {
        @Override
        double forward(double x, double y) {
            return x + y;
        }

        @Override
        void backward(Value out, Value a, Value b) {
            a.grad += out.grad;
            b.grad += out.grad;
        }
    },
    // end::op-add[]
    // tag::op-mul[]
    MUL("*") {
        @Override
        double forward(double x, double y) {
            return x * y;
        }

        @Override
        void backward(Value out, Value a, Value b) {
            a.grad += b.data * out.grad;
            b.grad += a.data * out.grad;
        }
    },
    // end::op-mul[]
    // tag::pow[]
    POW("^") {
        @Override
        double forward(double x, double y) {
            return Math.pow(x, y);
        }

        @Override
        void backward(Value out, Value a, Value b) {
            double p = out.exponent;
            // x^0 is constant; without this case 0 * 0^-1 would make the gradient at x = 0 NaN.
            a.grad += p == 0 ? 0 : p * Math.pow(a.data, p - 1) * out.grad;
        }
    },
    // end::pow[]
    // tag::exp[]
    EXP("exp") {
        @Override
        double forward(double x, double y) {
            return Math.exp(x);
        }

        @Override
        void backward(Value out, Value a, Value b) {
            a.grad += out.data * out.grad;
        }
    },
    // end::exp[]
    LOG("log") {
        @Override
        double forward(double x, double y) {
            return Math.log(x);
        }

        @Override
        void backward(Value out, Value a, Value b) {
            a.grad += out.grad / a.data;
        }
    },
    // tag::op-tanh[]
    TANH("tanh") {
        @Override
        double forward(double x, double y) {
            return Math.tanh(x);
        }

        @Override
        void backward(Value out, Value a, Value b) {
            a.grad += (1 - out.data * out.data) * out.grad;
        }
    },
    // end::op-tanh[]
    SIGMOID("sigmoid") {
        @Override
        double forward(double x, double y) {
            return 1 / (1 + Math.exp(-x));
        }

        @Override
        void backward(Value out, Value a, Value b) {
            a.grad += out.data * (1 - out.data) * out.grad;
        }
    },
    // tag::op-relu[]
    RELU("relu") {
        @Override
        double forward(double x, double y) {
            return x > 0 ? x : 0;
        }

        @Override
        void backward(Value out, Value a, Value b) {
            a.grad += out.data > 0 ? out.grad : 0;
        }
    };
    // end::op-relu[]

    final String symbol;

    Op(String symbol) {
        this.symbol = symbol;
    }

    /** The result from the first operand {@code x} and the second operand or exponent {@code y}. */
    abstract double forward(double x, double y);

    /** Adds this op's local derivatives times {@code out.grad} into its operands {@code a} and {@code b} (null if unary). */
    abstract void backward(Value out, Value a, Value b);
}
