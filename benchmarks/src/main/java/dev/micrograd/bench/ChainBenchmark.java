package dev.micrograd.bench;

import dev.micrograd.engine.Value;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Forward plus backward through a chain of mixed operations; the score is in nodes per second.
 * A chain of 100,000 nodes dies young; one of a million outlives several young collections,
 * so its figure also measures how the collector copies a large live graph.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChainBenchmark {
    static final int NODES = 100_000;
    static final int MILLION = 1_000_000;

    private final Tape tape = new Tape(MILLION);

    @Benchmark
    @OperationsPerInvocation(NODES)
    public double engine() {
        Value root = Chain.build(NODES);
        root.backward();
        return root.data();
    }

    @Benchmark
    @OperationsPerInvocation(NODES)
    public double flat() {
        int root = Chain.build(tape, NODES);
        tape.backward(root);
        return tape.grad(0);
    }

    @Benchmark
    @OperationsPerInvocation(MILLION)
    public double engineMillion() {
        Value root = Chain.build(MILLION);
        root.backward();
        return root.data();
    }

    @Benchmark
    @OperationsPerInvocation(MILLION)
    public double flatMillion() {
        int root = Chain.build(tape, MILLION);
        tape.backward(root);
        return tape.grad(0);
    }
}
