package dev.micrograd.lesson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The stages of the lecture's {@code Value}, one package per chapter ({@code ch01}, {@code ch02}, ...), and
 * which lines each stage adds to the one before it.
 *
 * <p>A stage must be the previous stage plus inserted lines (its package line excepted): the longest common
 * subsequence of the two keeps every earlier line, and the later lines it leaves out are the added ones.
 */
public final class Stages {
    /** Where the stages live, relative to the chapters module. */
    public static final String FOLDER = "lecture/dev/micrograd/lecture";
    /** How many lines of the unchanged code the pages show around each added piece. */
    public static final int CONTEXT = 1;

    private Stages() {
    }

    /** A stage: its chapter id, such as {@code ch04}, and its source lines. */
    public record Stage(String id, List<String> lines) {
    }

    /** The stages under {@code folder} ({@code chNN/Value.java}), in chapter order. */
    public static List<Stage> read(Path folder) throws IOException {
        try (Stream<Path> dirs = Files.list(folder)) {
            List<Stage> stages = new ArrayList<>();
            for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("ch\\d\\d")).sorted().collect(Collectors.toList())) {
                Path file = dir.resolve("Value.java");
                stages.add(new Stage(dir.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8)));
            }
            return stages;
        }
    }

    /**
     * The 1-based numbers of the lines of {@code later} that {@code earlier} does not have, found by a longest
     * common subsequence in which the two package lines count as equal.
     *
     * @throws IllegalArgumentException naming the first earlier line that {@code later} lost or changed
     */
    public static List<Integer> added(List<String> earlier, List<String> later) {
        int n = earlier.size();
        int m = later.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = same(earlier.get(i), later.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Integer> added = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (same(earlier.get(i), later.get(j)) && common[i][j] == common[i + 1][j + 1] + 1) {
                i++;
                j++;
            } else if (common[i][j + 1] >= common[i + 1][j]) {
                added.add(++j);
            } else {
                throw new IllegalArgumentException("line " + (i + 1) + " of the earlier stage is missing or changed"
                        + " in the later one: " + earlier.get(i).strip());
            }
        }
        if (i < n) {
            throw new IllegalArgumentException("line " + (i + 1) + " of the earlier stage is missing or changed"
                    + " in the later one: " + earlier.get(i).strip());
        }
        while (j < m) {
            added.add(++j);
        }
        return added;
    }

    private static boolean same(String a, String b) {
        return a.equals(b) || a.startsWith("package ") && b.startsWith("package ");
    }

    /** Line numbers as Asciidoctor's {@code highlight} attribute wants them: {@code 3..5,9}. */
    public static String ranges(List<Integer> lines) {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < lines.size(); k++) {
            int start = lines.get(k);
            while (k + 1 < lines.size() && lines.get(k + 1) == lines.get(k) + 1) {
                k++;
            }
            text.append(text.length() == 0 ? "" : ",").append(start);
            if (lines.get(k) != start) {
                text.append("..").append(lines.get(k));
            }
        }
        return text.toString();
    }

    /** The lines a stage adds with a little of the code around them: its text, and which of its lines are new. */
    public record Excerpt(String text, List<Integer> highlighted) {
    }

    /**
     * The {@code added} lines (1-based) of {@code lines}, each with {@code context} lines either side; the lines
     * left out between two pieces become one {@code // ...} line, indented like the line after it.
     */
    public static Excerpt excerpt(List<String> lines, List<Integer> added, int context) {
        boolean[] keep = new boolean[lines.size()];
        for (int line : added) {
            for (int k = Math.max(0, line - 1 - context); k <= Math.min(lines.size() - 1, line - 1 + context); k++) {
                keep[k] = true;
            }
        }
        StringBuilder text = new StringBuilder();
        List<Integer> highlighted = new ArrayList<>();
        int written = 0;
        for (int k = 0; k < lines.size(); k++) {
            if (!keep[k]) {
                continue;
            }
            if (k > 0 && !keep[k - 1]) {
                String next = lines.get(k);
                String indent = next.substring(0, next.length() - next.stripLeading().length());
                text.append(indent).append("// ...\n");
                written++;
            }
            text.append(lines.get(k)).append('\n');
            written++;
            if (added.contains(k + 1)) {
                highlighted.add(written);
            }
        }
        if (keep.length > 0 && !keep[keep.length - 1]) {
            text.append("// ...\n");
        }
        return new Excerpt(text.toString(), highlighted);
    }

    /**
     * Asciidoctor attributes for the pages: {@code value-chNN-added} holds the lines stage chNN adds to the
     * stage before it, and {@code value-chNN-previous} names that stage.
     */
    public static String attributes(List<Stage> stages) {
        StringBuilder adoc = new StringBuilder("// Written by RunChapters from the stages of the lecture's Value.\n");
        for (int k = 1; k < stages.size(); k++) {
            Stage before = stages.get(k - 1);
            Stage stage = stages.get(k);
            List<Integer> lines = added(before.lines(), stage.lines());
            adoc.append(':').append("value-").append(stage.id()).append("-added: ").append(ranges(lines)).append('\n');
            adoc.append(':').append("value-").append(stage.id()).append("-added-count: ").append(lines.size()).append('\n');
            adoc.append(':').append("value-").append(stage.id()).append("-previous: ").append(before.id()).append('\n');
            Excerpt excerpt = excerpt(stage.lines(), lines, CONTEXT);
            adoc.append(':').append("value-").append(stage.id()).append("-new-highlight: ")
                    .append(ranges(excerpt.highlighted())).append('\n');
        }
        for (Stage stage : stages) {
            adoc.append(':').append("value-").append(stage.id()).append("-lines: ").append(stage.lines().size()).append('\n');
        }
        return adoc.toString();
    }
}
