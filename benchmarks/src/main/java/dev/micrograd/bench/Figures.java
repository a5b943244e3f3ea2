package dev.micrograd.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs the JMH benchmarks and prints the figures of the README's performance section. */
public final class Figures {
    private Figures() {
    }

    public static void main(String[] args) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ChainBenchmark.class.getName())
                .include(StepBenchmark.class.getName())
                .include(TrainingBenchmark.class.getName())
                .build()).run();
        Map<String, Double> score = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replace(Figures.class.getPackageName() + ".", "");
            boolean sampled = name.startsWith("StepBenchmark");
            score.put(name, sampled ? r.getPrimaryResult().getStatistics().getPercentile(50) : r.getPrimaryResult().getScore());
        }
        double engineStep = score.get("StepBenchmark.engine");
        double flatStep = score.get("StepBenchmark.flat");
        System.out.println();
        System.out.printf(Locale.ROOT, "chain of %,d nodes, forward + backward: engine %.1f M nodes/s, flat arrays %.1f M nodes/s%n",
                ChainBenchmark.NODES, score.get("ChainBenchmark.engine") / 1e6, score.get("ChainBenchmark.flat") / 1e6);
        System.out.printf(Locale.ROOT, "training step (%,d nodes), median: engine %.3f ms (%.1f M nodes/s), flat arrays %.3f ms; ratio %.2f%n",
                Moons8.NODES_PER_STEP, engineStep, Moons8.NODES_PER_STEP / engineStep / 1e3, flatStep, engineStep / flatStep);
        System.out.printf(Locale.ROOT, "training, %d steps: engine %.1f ms, flat arrays %.1f ms%n",
                Moons8.STEPS, score.get("TrainingBenchmark.engine"), score.get("TrainingBenchmark.flat"));
    }
}
