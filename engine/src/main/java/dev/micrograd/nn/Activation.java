package dev.micrograd.nn;

import dev.micrograd.engine.Value;

/** What a neuron does with its weighted sum. */
public enum Activation {
    TANH {
        @Override
        public Value apply(Value x) {
            return x.tanh();
        }
    },
    RELU {
        @Override
        public Value apply(Value x) {
            return x.relu();
        }
    },
    LINEAR {
        @Override
        public Value apply(Value x) {
            return x;
        }
    };

    public abstract Value apply(Value x);
}
