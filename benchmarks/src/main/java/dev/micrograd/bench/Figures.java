package dev.micrograd.bench;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks and prints the figures of the README's performance section, once with
 * the JVM's default collector (G1) and once with the parallel collector, which suits big graphs.
 */
public final class Figures {
    private Figures() {
    }

    public static void main(String[] args) throws RunnerException {
        String[][] collectors = {{"G1 (default)", "-XX:+UseG1GC"}, {"Parallel", "-XX:+UseParallelGC"}};
        StringBuilder report = new StringBuilder();
        for (String[] collector : collectors) {
            report.append(figures(collector[0], collector[1]));
        }
        System.out.println();
        System.out.print(report);
    }

    private static String figures(String collector, String flag) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(ChainBenchmark.class.getName())
                .include(StepBenchmark.class.getName())
                .include(TrainingBenchmark.class.getName())
                .jvmArgsAppend(flag);
        Map<String, Double> score = new HashMap<>();
        for (RunResult r : new Runner(options.build()).run()) {
            String name = r.getParams().getBenchmark().replace(Figures.class.getPackageName() + ".", "");
            boolean sampled = name.startsWith("StepBenchmark");
            score.put(name, sampled ? r.getPrimaryResult().getStatistics().getPercentile(50) : r.getPrimaryResult().getScore());
        }
        double engineStep = score.get("StepBenchmark.engine");
        double flatStep = score.get("StepBenchmark.flat");
        return String.format(Locale.ROOT, "collector: %s%n", collector)
                + String.format(Locale.ROOT, "  chain of %,d nodes, forward + backward: engine %.1f M nodes/s, flat arrays %.1f M nodes/s%n",
                        ChainBenchmark.NODES, score.get("ChainBenchmark.engine") / 1e6, score.get("ChainBenchmark.flat") / 1e6)
                + String.format(Locale.ROOT, "  chain of %,d nodes, forward + backward: engine %.1f M nodes/s, flat arrays %.1f M nodes/s%n",
                        ChainBenchmark.MILLION, score.get("ChainBenchmark.engineMillion") / 1e6, score.get("ChainBenchmark.flatMillion") / 1e6)
                + String.format(Locale.ROOT, "  training step (%,d nodes), median: engine %.3f ms (%.1f M nodes/s), flat arrays %.3f ms; engine / flat %.1f%n",
                        Moons8.NODES_PER_STEP, engineStep, Moons8.NODES_PER_STEP / engineStep / 1e3, flatStep, engineStep / flatStep)
                + String.format(Locale.ROOT, "  training, %d steps: engine %.1f ms, flat arrays %.1f ms%n",
                        Moons8.STEPS, score.get("TrainingBenchmark.engine"), score.get("TrainingBenchmark.flat"));
    }
}
