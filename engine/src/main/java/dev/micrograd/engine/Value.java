package dev.micrograd.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scalar in a computation graph: its data, its gradient, and the values it was made from.
 *
 * <p>Primitive operations ({@code add}, {@code mul}, {@code pow}, {@code exp}, {@code log},
 * {@code tanh}, {@code sigmoid}, {@code relu}) build a new node whose {@link Op} knows the local
 * backward step; every other operation is a one-liner over the primitives. A graph is not safe
 * to share between threads while it is being built or differentiated.
 */
public final class Value {
    // tag::fields[]
    private static final AtomicInteger TRAVERSALS = new AtomicInteger();

    double data;
    double grad;
    /** The exponent of a {@code pow} node; unused by the other ops. */
    final double exponent;
    /** The operands this value was made from, in order: null for a leaf, {@code second} null for a unary op. */
    private final Value first;
    private final Value second;
    private final Op op;
    private final DType dtype;
    private String label;
    /** The number of the last traversal that reached this node, so no visited set is needed. */
    private int visitedBy;
    /** The node the last traversal finished just before this one: links that replace a list of every node. */
    private Value previous;
    // end::fields[]

    private Value(double data, DType dtype, Op op, double exponent, Value first, Value second, String label) {
        this.data = data;
        this.dtype = dtype;
        this.op = op;
        this.exponent = exponent;
        this.first = first;
        this.second = second;
        this.label = label;
    }

    // ---- leaves ------------------------------------------------------------------------------

    /** A float64 leaf. */
    public static Value of(double data) {
        return leaf(data, DType.FLOAT64, "");
    }

    public static Value of(double data, String label) {
        return leaf(data, DType.FLOAT64, label);
    }

    /** A float32 leaf. */
    public static Value of(float data) {
        return leaf(data, DType.FLOAT32, "");
    }

    public static Value of(float data, String label) {
        return leaf(data, DType.FLOAT32, label);
    }

    /** An int64 leaf; it holds integers up to {@link DType#MAX_EXACT_INTEGER} exactly. */
    public static Value of(long data) {
        return leaf(data, DType.INT64, "");
    }

    public static Value of(long data, String label) {
        return leaf(data, DType.INT64, label);
    }

    /** An int32 leaf. */
    public static Value of(int data) {
        return leaf(data, DType.INT32, "");
    }

    public static Value of(int data, String label) {
        return leaf(data, DType.INT32, label);
    }

    private static Value leaf(double data, DType dtype, String label) {
        Objects.requireNonNull(label, "label must not be null (use \"\" for no label)");
        if (!dtype.holds(data)) {
            throw new IllegalArgumentException(dtype + " value " + (long) data
                    + " is beyond " + DType.MAX_EXACT_INTEGER + ", the largest integer a Value holds exactly");
        }
        return new Value(data, dtype, Op.LEAF, 0, null, null, label);
    }

    // ---- primitives --------------------------------------------------------------------------

    public Value add(Value other) {
        return binary(Op.ADD, other);
    }

    public Value mul(Value other) {
        return binary(Op.MUL, other);
    }

    // tag::pow[]
    /** This value to the power {@code p}; integers stay integers for whole non-negative {@code p}. */
    public Value pow(double p) {
        boolean staysInteger = p >= 0 && isWhole(p) && !Double.isInfinite(p);
        DType type = staysInteger ? dtype : dtype.floating();
        return node(Op.POW, type, p, this, null);
    }
    // end::pow[]

    // tag::exp[]
    public Value exp() {
        return node(Op.EXP, dtype.floating(), 0, this, null);
    }
    // end::exp[]

    public Value log() {
        return node(Op.LOG, dtype.floating(), 0, this, null);
    }

    public Value tanh() {
        return node(Op.TANH, dtype.floating(), 0, this, null);
    }

    public Value sigmoid() {
        return node(Op.SIGMOID, dtype.floating(), 0, this, null);
    }

    public Value relu() {
        return node(Op.RELU, dtype, 0, this, null);
    }

    // ---- composites: one-liners over the primitives ------------------------------------------

    // tag::composites[]
    public Value neg() {
        return mul(of(-1));
    }

    public Value sub(Value other) {
        // -1 takes the result's dtype, so 1.0 - Integer.MIN_VALUE does not overflow int32 while negating.
        DType type = DType.promote(dtype, required(other, "sub").dtype);
        return add(other.mul(leaf(-1, type, "")));
    }

    public Value div(Value other) {
        required(other, "/");
        try {
            // The dtype comes from both operands (float32 / int is float32, as in Java), not from the reciprocal.
            return node(Op.MUL, DType.promote(dtype, other.dtype).floating(), 0, this, other.pow(-1));
        } catch (ArithmeticException e) {
            throw new ArithmeticException(describe() + " / " + other.describe() + ": " + e.getMessage());
        }
    }
    // end::composites[]

    /** The sum of one or more values, added left to right. */
    public static Value sum(List<Value> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("sum needs at least one value");
        }
        Value total = values.get(0);
        for (int i = 1; i < values.size(); i++) {
            total = total.add(values.get(i));
        }
        return total;
    }

    // ---- a value with a Java number: the number becomes a leaf of its own dtype --------------

    public Value add(double other) { return add(of(other)); }
    public Value add(float other) { return add(of(other)); }
    public Value add(long other) { return add(of(other)); }
    public Value add(int other) { return add(of(other)); }

    public Value sub(double other) { return sub(of(other)); }
    public Value sub(float other) { return sub(of(other)); }
    public Value sub(long other) { return sub(of(other)); }
    public Value sub(int other) { return sub(of(other)); }

    public Value mul(double other) { return mul(of(other)); }
    public Value mul(float other) { return mul(of(other)); }
    public Value mul(long other) { return mul(of(other)); }
    public Value mul(int other) { return mul(of(other)); }

    public Value div(double other) { return div(of(other)); }
    public Value div(float other) { return div(of(other)); }
    public Value div(long other) { return div(of(other)); }
    public Value div(int other) { return div(of(other)); }

    private Value binary(Op op, Value other) {
        required(other, op.symbol);
        return node(op, DType.promote(dtype, other.dtype), 0, this, other);
    }

    private static Value required(Value other, String op) {
        return Objects.requireNonNull(other, () -> "'" + op + "' needs another Value, got null");
    }

    // tag::node[]
    /** A new node from operand {@code a} and either operand {@code b} or, for a unary op, null. */
    private static Value node(Op op, DType type, double exponent, Value a, Value b) {
        // Operands are first converted to the result's type, as Java widens an int to float (JLS 5.6.2).
        double y = b != null ? type.round(b.data) : exponent;
        double exact = op.forward(type.round(a.data), y);
        if (Double.isNaN(exact) && !Double.isNaN(a.data) && !(b != null && Double.isNaN(b.data))) {
            boolean infinite = Double.isInfinite(a.data) || b != null && Double.isInfinite(b.data);
            throw new ArithmeticException(describe(op, exponent, a, b) + " is not a number (NaN)"
                    + (infinite ? "; an operand is infinite (an exp that overflowed, or a division by zero)" : ""));
        }
        if (!type.holds(exact)) {
            throw new ArithmeticException(describe(op, exponent, a, b) + " = " + format(exact)
                    + " overflows " + type + " (range " + type.range() + ")");
        }
        return new Value(type.round(exact), type, op, exponent, a, b, "");
    }
    // end::node[]

    private static String describe(Op op, double exponent, Value a, Value b) {
        switch (op) {
            case ADD: case MUL:
                return a.describe() + " " + op.symbol + " " + b.describe();
            case POW:
                return a.describe() + " ^ " + format(exponent);
            default:
                return op.symbol + "(" + a.describe() + ")";
        }
    }

    private String describe() {
        return label.isEmpty() ? format(data) : label + "=" + format(data);
    }

    // ---- backpropagation ---------------------------------------------------------------------

    // tag::backward-step[]
    /** Runs this node's local backward step once: adds into its children's gradients. */
    public void backwardStep() {
        op.backward(this, first, second);
    }
    // end::backward-step[]

    // tag::backward[]
    /**
     * Back-propagates from this value: every node it depends on gets d(this)/d(node).
     *
     * <p>Interior nodes start from zero on each call, so they show this pass's gradient; leaves
     * keep adding up across calls until {@link #zeroGrad()}, as parameters do in a training loop.
     */
    public void backward() {
        Value last = sortTopologically();
        for (Value v = last; v != null; v = v.previous) {
            if (!v.isLeaf()) {
                v.grad = 0;
            }
        }
        grad = 1;
        for (Value v = last; v != null; v = v.previous) {
            v.backwardStep();
        }
    }
    // end::backward[]

    /** Sets the gradient of every node in this graph, this one included, to zero. */
    public void zeroGrad() {
        for (Value v = sortTopologically(); v != null; v = v.previous) {
            v.grad = 0;
        }
    }

    /** Every node this value depends on, children before the nodes made from them, this one last. */
    public List<Value> topologicalOrder() {
        List<Value> order = new ArrayList<>();
        for (Value v = sortTopologically(); v != null; v = v.previous) {
            order.add(v);
        }
        Collections.reverse(order);
        return order;
    }

    // tag::topological-order[]
    /**
     * Sorts the graph behind this value topologically and returns its last node, this one; from there
     * the {@code previous} links walk the order backwards, which is the order backpropagation needs.
     *
     * <p>A depth-first search with an explicit stack instead of recursion, so a graph of any depth
     * fits in the default thread stack. A node is finished, and linked behind the node finished
     * before it, once neither of its children is left to visit.
     */
    private Value sortTopologically() {
        int traversal = TRAVERSALS.incrementAndGet();
        Value[] stack = new Value[64];
        int top = 0;
        stack[0] = this;
        visitedBy = traversal;
        Value finished = null;
        while (top >= 0) {
            Value v = stack[top];
            Value child = v.first != null && v.first.visitedBy != traversal ? v.first
                    : v.second != null && v.second.visitedBy != traversal ? v.second
                    : null;
            if (child != null) {
                child.visitedBy = traversal;
                if (++top == stack.length) {
                    stack = grow(stack);
                }
                stack[top] = child;
            } else {
                v.previous = finished;
                finished = v;
                // A slot left pointing at a node would keep a discarded graph reachable for the garbage collector.
                stack[top--] = null;
            }
        }
        return finished;
    }

    private static Value[] grow(Value[] stack) {
        Value[] bigger = Arrays.copyOf(stack, stack.length * 2);
        // Emptied, the discarded array keeps no node alive however long the collector takes to free it.
        Arrays.fill(stack, null);
        return bigger;
    }
    // end::topological-order[]

    // ---- accessors ---------------------------------------------------------------------------

    public double data() {
        return data;
    }

    /** Changes the data of this node (nudging a leaf, or updating a parameter). */
    public void setData(double data) {
        if (dtype.isInteger() && !isWhole(data)) {
            throw new IllegalArgumentException("cannot set " + dtype + " value " + describe()
                    + " to " + format(data) + ": not an integer");
        }
        if (!dtype.holds(data)) {
            throw new ArithmeticException("cannot set " + dtype + " value " + describe() + " to " + format(data)
                    + ": out of range " + dtype.range());
        }
        this.data = dtype.round(data);
    }

    public double grad() {
        return grad;
    }

    /** Sets the gradient by hand, as the manual backpropagation chapter does. */
    public void setGrad(double grad) {
        this.grad = grad;
    }

    public String label() {
        return label;
    }

    /** Names this value (shown in graphs and error messages) and returns it. */
    public Value label(String label) {
        this.label = Objects.requireNonNull(label, "label must not be null (use \"\" for no label)");
        return this;
    }

    /** The operation that made this value: "+", "*", "^2", "exp", ...; "" for a leaf. */
    public String op() {
        return op == Op.POW ? "^" + format(exponent) : op.symbol;
    }

    public boolean isLeaf() {
        return op == Op.LEAF;
    }

    /** The values this one was made from, in operand order; a value used twice appears twice. */
    public List<Value> children() {
        return first == null ? List.of() : second == null ? List.of(first) : List.of(first, second);
    }

    public DType dtype() {
        return dtype;
    }

    /** {@code Value(data=2.0)}; integer types print without a fraction. */
    @Override
    public String toString() {
        return "Value(data=" + formatData() + ")";
    }

    /** The data as its dtype would print it: {@code 2}, {@code 2.0} or {@code 3.1415927}. */
    public String formatData() {
        switch (dtype) {
            case INT32: case INT64:
                return Long.toString((long) data);
            case FLOAT32:
                return Float.toString((float) data);
            default:
                return Double.toString(data);
        }
    }

    private static String format(double x) {
        // Only whole numbers below 1e16 are cast to long: compiled to JavaScript, a cast of NaN or an infinity throws.
        return isWhole(x) && Math.abs(x) < 1e16 ? Long.toString((long) x) : String.format(Locale.ROOT, "%s", x);
    }

    /**
     * Whether {@code x} is a whole number (infinities count, NaN does not). Math.floor is exact everywhere,
     * where Math.rint rounds ties differently in some JavaScript runtimes.
     */
    static boolean isWhole(double x) {
        return x == Math.floor(x);
    }
}
