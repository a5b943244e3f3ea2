package dev.micrograd.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One training step of chapter 8's model (forward, backward, SGD update), sampled for its median time. */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StepBenchmark {
    private EngineMoons engineMoons;
    private FlatMoons flatMoons;
    private int k;

    @Setup
    public void setUp() {
        engineMoons = new EngineMoons();
        flatMoons = new FlatMoons();
    }

    @Benchmark
    public double engine() {
        k = (k + 1) % Moons8.STEPS;
        return engineMoons.step(k).data();
    }

    @Benchmark
    public double flat() {
        k = (k + 1) % Moons8.STEPS;
        return flatMoons.step(k);
    }
}
