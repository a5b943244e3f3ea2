package dev.micrograd.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** backward() walks a graph of any depth without recursion. */
class DeepChainTest {
    private static final int LENGTH = 10_000_000;

    @Test
    void tenMillionNodeChainBackPropagatesOnTheDefaultStack() throws InterruptedException {
        double k = 1.0000001;
        Value x = Value.of(1.0, "x");
        Value factor = Value.of(k, "k");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // A new thread with stack size 0 gets the JVM's default thread stack, whatever runs the test.
        Thread worker = new Thread(() -> {
            try {
                Value v = x;
                for (int i = 0; i < LENGTH; i++) {
                    v = v.mul(factor);
                }
                v.backward();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "deep-chain");
        worker.start();
        worker.join();

        assertNull(failure.get(), () -> "backward failed: " + failure.get());
        double expected = Math.pow(k, LENGTH);
        assertEquals(expected, x.grad(), expected * 1e-8, "d(x k^n)/dx = k^n");
        double expectedFactorGrad = LENGTH * Math.pow(k, LENGTH - 1);
        assertEquals(expectedFactorGrad, factor.grad(), expectedFactorGrad * 1e-8, "d(x k^n)/dk = n k^(n-1)");
    }

    @Test
    void deepChainOfAlternatingOpsHasTheRightLength() {
        Value x = Value.of(0.5, "x");
        Value v = x;
        for (int i = 0; i < 100_000; i++) {
            v = i % 2 == 0 ? v.add(1.0) : v.mul(1.00001);
        }
        // Each step adds a result and a number leaf: 1 + 2 * 100,000 nodes.
        assertEquals(200_001, v.topologicalOrder().size());
        v.backward();
        double expected = Math.pow(1.00001, 50_000);
        assertEquals(expected, x.grad(), expected * 1e-10, "only the 50,000 products scale dv/dx");
    }
}
