package dev.micrograd.exercise;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Grades a class: every subfolder of a folder is one student's copy of {@code exercises/starters}, and
 * every exercise file of every student is checked by its own supervised JVM, in parallel.
 */
final class Grade {
    /** One student's row: checks passed per set, in the order of the sets. */
    record Row(String student, List<Integer> passed) {
        int total() {
            return passed.stream().mapToInt(Integer::intValue).sum();
        }
    }

    private Grade() {
    }

    /** The students' folders, sorted by name so that the table and the CSV come out the same every time. */
    static List<Path> students(Path dir) throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    static List<Row> grade(Path dir, List<ExerciseSet> sets, int jobs, Supervisor.Options options, PrintStream progress)
            throws IOException, InterruptedException {
        List<Path> students = students(dir);
        int total = students.size() * sets.size();
        AtomicInteger finished = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<List<Future<Integer>>> cells = new ArrayList<>();
            for (Path student : students) {
                List<Future<Integer>> row = new ArrayList<>();
                for (ExerciseSet set : sets) {
                    row.add(pool.submit(() -> {
                        String note;
                        int passed = 0;
                        Optional<Path> file = set.fileIn(student);
                        if (file.isEmpty()) {
                            note = "no " + "Ex" + set.id().substring(2) + "*.java";
                        } else {
                            try {
                                Run run = Supervisor.check(file.get(), options);
                                passed = (int) run.report().passed();
                                note = run.report().summary() + (run.compileErrors().isEmpty() ? "" : ", does not compile");
                            } catch (IOException | RuntimeException e) {
                                note = "could not be checked: " + e.getMessage();
                            }
                        }
                        synchronized (progress) {
                            progress.printf(Locale.ROOT, "[%d/%d] %s %s: %s%n", finished.incrementAndGet(), total,
                                    student.getFileName(), set.id(), note);
                        }
                        return passed;
                    }));
                }
                cells.add(row);
            }
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < students.size(); i++) {
                List<Integer> passed = new ArrayList<>();
                for (Future<Integer> cell : cells.get(i)) {
                    try {
                        passed.add(cell.get());
                    } catch (java.util.concurrent.ExecutionException e) {
                        passed.add(0);
                    }
                }
                rows.add(new Row(students.get(i).getFileName().toString(), List.copyOf(passed)));
            }
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The CSV: {@code student}, one column per set, {@code passed}, {@code total}. */
    static String csv(List<ExerciseSet> sets, List<Integer> checksPerSet, List<Row> rows) {
        int total = checksPerSet.stream().mapToInt(Integer::intValue).sum();
        StringBuilder s = new StringBuilder("student");
        sets.forEach(set -> s.append(',').append(set.id()));
        s.append(",passed,total\n");
        for (Row row : rows) {
            s.append(csvField(row.student()));
            row.passed().forEach(p -> s.append(',').append(p));
            s.append(',').append(row.total()).append(',').append(total).append('\n');
        }
        return s.toString();
    }

    static String table(List<ExerciseSet> sets, List<Integer> checksPerSet, List<Row> rows) {
        int width = Math.max(7, rows.stream().mapToInt(r -> r.student().length()).max().orElse(0));
        int total = checksPerSet.stream().mapToInt(Integer::intValue).sum();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", "student"));
        sets.forEach(set -> s.append(String.format(Locale.ROOT, " %6s", set.id())));
        s.append(String.format(Locale.ROOT, " %9s%n", "passed"));
        for (Row row : rows) {
            s.append(String.format(Locale.ROOT, "%-" + width + "s", row.student()));
            for (int i = 0; i < sets.size(); i++) {
                s.append(String.format(Locale.ROOT, " %6s", row.passed().get(i) + "/" + checksPerSet.get(i)));
            }
            s.append(String.format(Locale.ROOT, " %9s%n", row.total() + "/" + total));
        }
        return s.toString();
    }

    private static String csvField(String text) {
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    static void writeCsv(Path dir, String csv) throws IOException {
        Files.writeString(dir.resolve("grades.csv"), csv, StandardCharsets.UTF_8);
    }
}
