package dev.micrograd.viz;

import dev.micrograd.engine.Value;

/** The lecture's L = (a * b + c) * f, labelled as the seed labels it. */
final class LExample {
    private LExample() {
    }

    static Value build() {
        Value a = Value.of(2.0, "a");
        Value b = Value.of(-3.0, "b");
        Value c = Value.of(10.0, "c");
        Value f = Value.of(-2.0, "f");
        Value d = a.mul(b).label("d");
        Value e = d.add(c).label("e");
        return e.mul(f).label("L");
    }
}
