package dev.micrograd.exercise;

import dev.micrograd.engine.Value;
import java.util.List;

/** The shared engine seen through the {@link Bridge}, so the checks build the same expression in both. */
final class EngineBridge implements Bridge<Value> {
    static final EngineBridge ENGINE = new EngineBridge();

    private EngineBridge() {
    }

    @Override
    public Value leaf(double data, String label) {
        return Value.of(data, label);
    }

    @Override
    public Value add(Value a, Value b) {
        return a.add(b);
    }

    @Override
    public Value mul(Value a, Value b) {
        return a.mul(b);
    }

    @Override
    public double data(Value v) {
        return v.data();
    }

    @Override
    public String op(Value v) {
        return v.op();
    }

    @Override
    public String label(Value v) {
        return v.label();
    }

    @Override
    public void setLabel(Value v, String label) {
        v.label(label);
    }

    @Override
    public List<Value> children(Value v) {
        return v.children();
    }

    @Override
    public Value tanh(Value v) {
        return v.tanh();
    }

    @Override
    public double grad(Value v) {
        return v.grad();
    }

    @Override
    public void setGrad(Value v, double grad) {
        v.setGrad(grad);
    }

    @Override
    public void backwardStep(Value v) {
        v.backwardStep();
    }

    @Override
    public void backward(Value v) {
        v.backward();
    }

    @Override
    public Value exp(Value v) {
        return v.exp();
    }

    @Override
    public Value pow(Value v, double exponent) {
        return v.pow(exponent);
    }

    @Override
    public Value neg(Value v) {
        return v.neg();
    }

    @Override
    public Value sub(Value a, Value b) {
        return a.sub(b);
    }

    @Override
    public Value div(Value a, Value b) {
        return a.div(b);
    }

    @Override
    public Value log(Value v) {
        return v.log();
    }
}
