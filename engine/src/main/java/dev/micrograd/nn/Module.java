package dev.micrograd.nn;

import dev.micrograd.engine.Value;
import java.util.List;

/** Anything with trainable parameters. */
public interface Module {
    /** The parameters in a fixed order: weights before the bias, neurons and layers in order. */
    List<Value> parameters();

    /** Sets every parameter's gradient to zero, before the next backward pass. */
    default void zeroGrad() {
        for (Value p : parameters()) {
            p.setGrad(0);
        }
    }
}
