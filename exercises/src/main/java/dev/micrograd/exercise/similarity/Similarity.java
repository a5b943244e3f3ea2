package dev.micrograd.exercise.similarity;

import de.jplag.JPlag;
import de.jplag.JPlagComparison;
import de.jplag.JPlagResult;
import de.jplag.clustering.ClusteringOptions;
import de.jplag.exceptions.ExitException;
import de.jplag.java.Language;
import de.jplag.options.JPlagOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code grade --similarity}: the most similar pairs of submissions of each set, found by JPlag, with the starter
 * as base code so that what every student was handed out does not count. A list of what to read side by side,
 * never a verdict. Kept in a package of its own, so the exercise files, which compile the checker's package,
 * do not need JPlag.
 */
public final class Similarity {
    /** How many pairs are listed per set. */
    public static final int PAIRS = 5;

    /** One pair of students and JPlag's similarity of their files, from 0 to 1. */
    public record Pair(String first, String second, double similarity) {
    }

    private Similarity() {
    }

    /**
     * The most similar pairs among {@code files} (student name to the text they handed in), most similar first;
     * files equal to the starter are left out, since they are no one's work.
     */
    public static List<Pair> pairs(Map<String, byte[]> files, String fileName, byte[] starter, Path work)
            throws IOException {
        Path submissions = Files.createDirectories(work.resolve("submissions"));
        Path base = Files.createDirectories(work.resolve("base"));
        Files.write(base.resolve(fileName), starter);
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            if (Arrays.equals(e.getValue(), starter)) {
                continue;
            }
            // Folder names JPlag accepts; the index keeps two students apart whose names clean up the same.
            String folder = String.format(Locale.ROOT, "%03d-%s", names.size(), e.getKey().replaceAll("[^A-Za-z0-9._-]", "_"));
            Files.write(Files.createDirectories(submissions.resolve(folder)).resolve(fileName), e.getValue());
            names.add(e.getKey());
        }
        if (names.size() < 2) {
            return List.of();
        }
        JPlagOptions options = new JPlagOptions(new Language(), Set.of(submissions.toFile()), Set.of())
                .withBaseCodeSubmissionDirectory(base.toFile())
                .withClusteringOptions(new ClusteringOptions().withEnabled(false));
        JPlagResult result;
        try {
            result = new JPlag(options).run();
        } catch (ExitException e) {
            throw new IOException("JPlag could not compare the files: " + e.getMessage(), e);
        }
        List<Pair> pairs = new ArrayList<>();
        for (JPlagComparison c : result.getAllComparisons()) {
            String a = student(names, c.firstSubmission().getName());
            String b = student(names, c.secondSubmission().getName());
            // JPlag compares in parallel, so its order of the two is not fixed: name them in alphabetical order.
            pairs.add(a.compareTo(b) <= 0 ? new Pair(a, b, c.similarity()) : new Pair(b, a, c.similarity()));
        }
        pairs.sort(Comparator.comparingDouble(Pair::similarity).reversed().thenComparing(Pair::first)
                .thenComparing(Pair::second));
        return pairs.subList(0, Math.min(PAIRS, pairs.size()));
    }

    private static String student(List<String> names, String folder) {
        return names.get(Integer.parseInt(folder.substring(0, 3)));
    }

    /**
     * Prints, per set, its most similar pairs; {@code handedIn} maps a set's id to the files of that set (student
     * to text), {@code starters} a set's id to its starter file.
     */
    public static void report(List<String> ids, Map<String, Map<String, byte[]>> handedIn, Map<String, Path> starters,
                              PrintStream out) throws IOException {
        Path work = Files.createTempDirectory("micrograd-similarity-");
        try {
            out.println();
            out.println("Most similar pairs per set (JPlag, the starter's code not counted); read them side by side:");
            for (String id : ids) {
                Path starter = starters.get(id);
                List<Pair> pairs = starter == null ? List.of() : pairs(handedIn.getOrDefault(id, Map.of()),
                        starter.getFileName().toString(), Files.readAllBytes(starter), work.resolve(id));
                if (pairs.isEmpty()) {
                    out.println("  " + id + "  fewer than two files with work of their own");
                }
                for (Pair p : pairs) {
                    out.printf(Locale.ROOT, "  %s  %5.1f%%  %s and %s%n", id, 100 * p.similarity(), p.first(), p.second());
                }
            }
        } finally {
            try (Stream<Path> all = Files.walk(work)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
