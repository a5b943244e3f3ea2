package dev.micrograd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.micrograd.engine.Value;
import org.junit.jupiter.api.Test;

class ChainTest {
    @Test
    void chainHasExactlyTheNodesAsked() {
        assertEquals(1000, Chain.build(1000).topologicalOrder().size());
        Tape tape = new Tape(16);
        assertEquals(999, Chain.build(tape, 1000));
    }

    @Test
    void tapeChainGivesTheEnginesDataAndGradient() {
        Value root = Chain.build(30);
        root.backward();
        Value x = root.topologicalOrder().stream().filter(v -> v.isLeaf() && v.data() == 0.5).findFirst().orElseThrow();
        Tape tape = new Tape(16);
        int top = Chain.build(tape, 30);
        tape.backward(top);

        assertEquals(root.data(), tape.data(top), 1e-15);
        assertEquals(x.grad(), tape.grad(2), 1e-15);
        assertNotEquals(0.0, x.grad(), "the gradient must reach the start of the chain");
    }
}
