package dev.micrograd.bench;

import dev.micrograd.engine.Value;

/** A long chain of mixed operations, each node made from the previous one: x*a, +b, tanh, x*a, ... */
final class Chain {
    /** The leaves x, a and b; every other node is an operation. */
    static final int LEAVES = 3;

    private Chain() {
    }

    /** The root of a chain of exactly {@code nodes} nodes, leaves included. */
    static Value build(int nodes) {
        Value a = Value.of(0.9);
        Value b = Value.of(0.1);
        Value x = Value.of(0.5);
        for (int i = LEAVES; i < nodes; i++) {
            switch (i % 3) {
                case 0:
                    x = x.mul(a);
                    break;
                case 1:
                    x = x.add(b);
                    break;
                default:
                    x = x.tanh();
                    break;
            }
        }
        return x;
    }

    /** The same chain on a tape; returns the root's index. */
    static int build(Tape tape, int nodes) {
        tape.truncate(0);
        int a = tape.leaf(0.9);
        int b = tape.leaf(0.1);
        int x = tape.leaf(0.5);
        for (int i = LEAVES; i < nodes; i++) {
            switch (i % 3) {
                case 0:
                    x = tape.mul(x, a);
                    break;
                case 1:
                    x = tape.add(x, b);
                    break;
                default:
                    x = tape.tanh(x);
                    break;
            }
        }
        return x;
    }
}
