package dev.micrograd.bench;

import java.util.Arrays;

/**
 * The lower bound for the engine: a graph recorded as flat arrays, no object per node.
 *
 * <p>Node {@code i} has an op code, up to two child indices, its data and its grad. Nodes are
 * appended after their children, so the tape order is already a topological order and backward
 * is one reverse sweep.
 */
final class Tape {
    static final byte LEAF = 0;
    static final byte ADD = 1;
    static final byte MUL = 2;
    static final byte TANH = 3;
    static final byte RELU = 4;
    static final byte POW = 5;

    private byte[] op;
    private int[] left;
    private int[] right;
    private double[] data;
    private double[] grad;
    private int size;

    Tape(int capacity) {
        op = new byte[capacity];
        left = new int[capacity];
        right = new int[capacity];
        data = new double[capacity];
        grad = new double[capacity];
    }

    int size() {
        return size;
    }

    /** Forgets every node from {@code size} on, keeping the first ones (the parameters) for the next step. */
    void truncate(int size) {
        this.size = size;
    }

    int leaf(double x) {
        return append(LEAF, -1, -1, x);
    }

    int add(int a, int b) {
        return append(ADD, a, b, data[a] + data[b]);
    }

    int mul(int a, int b) {
        return append(MUL, a, b, data[a] * data[b]);
    }

    int tanh(int a) {
        return append(TANH, a, -1, Math.tanh(data[a]));
    }

    int relu(int a) {
        return append(RELU, a, -1, data[a] > 0 ? data[a] : 0);
    }

    /** {@code a} to the power {@code p}; the exponent sits in a leaf of its own, as the second child. */
    int pow(int a, double p) {
        int exponent = leaf(p);
        return append(POW, a, exponent, Math.pow(data[a], p));
    }

    double data(int node) {
        return data[node];
    }

    void setData(int node, double x) {
        data[node] = x;
    }

    double grad(int node) {
        return grad[node];
    }

    void setGrad(int node, double g) {
        grad[node] = g;
    }

    /** Back-propagates from {@code root}; like the engine, leaves accumulate and interior nodes start from zero. */
    void backward(int root) {
        for (int i = 0; i <= root; i++) {
            if (op[i] != LEAF) {
                grad[i] = 0;
            }
        }
        grad[root] = 1;
        for (int i = root; i >= 0; i--) {
            double g = grad[i];
            int a = left[i];
            int b = right[i];
            switch (op[i]) {
                case ADD:
                    grad[a] += g;
                    grad[b] += g;
                    break;
                case MUL:
                    grad[a] += data[b] * g;
                    grad[b] += data[a] * g;
                    break;
                case TANH:
                    grad[a] += (1 - data[i] * data[i]) * g;
                    break;
                case RELU:
                    grad[a] += data[i] > 0 ? g : 0;
                    break;
                case POW:
                    grad[a] += data[b] * Math.pow(data[a], data[b] - 1) * g;
                    break;
                default:
                    break;
            }
        }
    }

    private int append(byte code, int a, int b, double x) {
        if (size == op.length) {
            int capacity = size * 2;
            op = Arrays.copyOf(op, capacity);
            left = Arrays.copyOf(left, capacity);
            right = Arrays.copyOf(right, capacity);
            data = Arrays.copyOf(data, capacity);
            grad = Arrays.copyOf(grad, capacity);
        }
        op[size] = code;
        left[size] = a;
        right[size] = b;
        data[size] = x;
        grad[size] = 0;
        return size++;
    }
}
