package dev.micrograd.lecture.ch01;

import java.util.List;

/** One number, and the values and the operation that made it: the lecture's micrograd Value in Java. */
public final class Value {
    public double data;
    public final List<Value> children;
    public final String op;
    public String label;

    /** A leaf: a number typed in, made from nothing. */
    public Value(double data, String label) {
        this(data, List.of(), "", label);
    }

    /** A value made by {@code op} from {@code children}, kept in operand order. */
    Value(double data, List<Value> children, String op, String label) {
        this.data = data;
        this.children = children;
        this.op = op;
        this.label = label;
    }

    public Value add(Value other) {
        Value out = new Value(data + other.data, List.of(this, other), "+", "");
        return out;
    }

    public Value mul(Value other) {
        Value out = new Value(data * other.data, List.of(this, other), "*", "");
        return out;
    }

    @Override
    public String toString() {
        return "Value(data=" + data + ")";
    }
}
