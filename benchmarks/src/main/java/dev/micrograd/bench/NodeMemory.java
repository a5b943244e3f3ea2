package dev.micrograd.bench;

import dev.micrograd.engine.Value;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.Locale;

/**
 * Builds chains of the given numbers of nodes and reports, for each, the time to build it, the
 * median time of three {@code backward()} calls and the heap the graph keeps per node.
 */
public final class NodeMemory {
    private static final int RUNS = 3;

    private NodeMemory() {
    }

    public static void main(String[] args) {
        int[] sizes;
        try {
            sizes = Arrays.stream(args).mapToInt(NodeMemory::size).toArray();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: NodeMemory NODES... (for example 1000000 10000000 100000000)");
            System.exit(2);
            return;
        }
        System.out.printf(Locale.ROOT, "heap: -Xmx %.1f GiB%n", Runtime.getRuntime().maxMemory() / (double) (1L << 30));
        System.out.printf(Locale.ROOT, "%12s %10s %12s %12s %11s%n", "nodes", "build s", "backward s", "Mnodes/s", "bytes/node");
        for (int n : sizes) {
            measure(n);
        }
    }

    private static int size(String arg) {
        try {
            int n = Integer.parseInt(arg.replace("_", ""));
            if (n >= Chain.LEAVES) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below with the same message as a number that is too small.
        }
        throw new IllegalArgumentException("not a number of nodes >= " + Chain.LEAVES + ": " + arg);
    }

    private static void measure(int nodes) {
        long start = System.nanoTime();
        Value root = Chain.build(nodes);
        double build = seconds(start);
        long withGraph = usedAfterGc();
        double[] backward = new double[RUNS];
        for (int r = 0; r < RUNS; r++) {
            start = System.nanoTime();
            root.backward();
            backward[r] = seconds(start);
        }
        Reference.reachabilityFence(root);
        root = null;
        long retained = withGraph - usedAfterGc();
        Arrays.sort(backward);
        double median = backward[RUNS / 2];
        System.out.printf(Locale.ROOT, "%,12d %10.3f %12.3f %12.1f %11.1f%n",
                nodes, build, median, nodes / median / 1e6, retained / (double) nodes);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
