package dev.micrograd.exercise;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Grades a class: every subfolder of a folder is one student's copy of {@code exercises/starters}. Every file
 * is read once, before any student code runs, and then checked from that copy by its own supervised JVM;
 * a stalled or hostile file costs only its own cell, and the CSV is rewritten after each student.
 */
final class Grade {
    /** One set of one student: points earned and possible, and a note when the run was not an ordinary one. */
    record Cell(double points, double possible, String note) {
    }

    /** One student's row, cells in the order of the sets; null cells are still being graded. */
    record Row(String student, List<Cell> cells, String note) {
        double points() {
            return cells.stream().filter(c -> c != null).mapToDouble(Cell::points).sum();
        }

        boolean done() {
            return cells.stream().allMatch(c -> c != null);
        }

        /** The student's note and every cell's, joined. */
        String notes(List<ExerciseSet> sets) {
            List<String> notes = new ArrayList<>();
            if (!note.isEmpty()) {
                notes.add(note);
            }
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                if (c == null) {
                    notes.add(sets.get(i).id() + " not graded yet");
                } else if (!c.note().isEmpty()) {
                    notes.add(sets.get(i).id() + " " + c.note());
                }
            }
            return String.join("; ", notes);
        }
    }

    private Grade() {
    }

    /** The students' folders, sorted by name; a link is listed but never followed (it may lead out of the folder). */
    static List<Path> students(Path dir) throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    /** A student's file of one set, read now: regular files only, never through a link. */
    record Submission(Path file, byte[] text, String problem) {
    }

    static Submission submission(Path student, ExerciseSet set) {
        if (Files.isSymbolicLink(student)) {
            return new Submission(null, null, "the student's folder is a link, not followed");
        }
        Optional<Path> file = set.fileIn(student);
        if (file.isEmpty()) {
            return new Submission(null, null, "missing file (no Ex" + set.id().substring(2) + "*.java)");
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file.get(), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return new Submission(null, null, file.get().getFileName() + " is a link, not followed");
            }
            if (attributes.size() > 1_000_000) {
                return new Submission(null, null, file.get().getFileName() + " is larger than 1 MB");
            }
            return new Submission(file.get(), Files.readAllBytes(file.get()), "");
        } catch (IOException e) {
            return new Submission(null, null, "cannot read " + file.get().getFileName() + ": " + e.getMessage());
        }
    }

    /**
     * Grades every student; {@code written} is called with every row (finished or not) each time a student is
     * done, so the CSV can be rewritten as results come.
     */
    static List<Row> grade(Path dir, List<ExerciseSet> sets, int jobs, Supervisor.Options options, Isolation isolation,
                           PrintStream progress, java.util.function.Consumer<List<Row>> written)
            throws IOException, InterruptedException {
        return grade(handIn(dir, sets), sets, jobs, options, isolation, progress, written);
    }

    /** Every student's file of every set, read now, before any student code runs, so no one can change another's. */
    static Map<Path, List<Submission>> handIn(Path dir, List<ExerciseSet> sets) throws IOException {
        Map<Path, List<Submission>> handedIn = new LinkedHashMap<>();
        for (Path student : students(dir)) {
            List<Submission> files = new ArrayList<>();
            for (ExerciseSet set : sets) {
                files.add(submission(student, set));
            }
            handedIn.put(student, files);
        }
        return handedIn;
    }

    static List<Row> grade(Map<Path, List<Submission>> handedIn, List<ExerciseSet> sets, int jobs,
                           Supervisor.Options options, Isolation isolation, PrintStream progress,
                           java.util.function.Consumer<List<Row>> written) throws InterruptedException {
        List<Path> students = List.copyOf(handedIn.keySet());
        List<Row> rows = new ArrayList<>();
        for (Path student : students) {
            boolean none = handedIn.get(student).stream().allMatch(s -> s.text() == null);
            String note = Files.isSymbolicLink(student) ? "a link, not followed"
                    : none ? "no exercise files in the folder" : "";
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < sets.size(); i++) {
                cells.add(null);
            }
            rows.add(new Row(clean(student.getFileName().toString()), cells, note));
        }
        int total = students.size() * sets.size();
        AtomicInteger finished = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int s = 0; s < students.size(); s++) {
                int row = s;
                for (int i = 0; i < sets.size(); i++) {
                    int column = i;
                    ExerciseSet set = sets.get(i);
                    Submission submission = handedIn.get(students.get(s)).get(i);
                    futures.add(pool.submit(() -> {
                        Cell cell = cell(set, submission, options, isolation);
                        List<Row> snapshot;
                        synchronized (rows) {
                            rows.get(row).cells().set(column, cell);
                            snapshot = rows.get(row).done() ? copy(rows) : null;
                        }
                        synchronized (progress) {
                            progress.printf(Locale.ROOT, "[%d/%d] %s %s: %s/%s%s%n", finished.incrementAndGet(), total,
                                    rows.get(row).student(), set.id(), Points.format(cell.points()),
                                    Points.format(cell.possible()), cell.note().isEmpty() ? "" : ", " + cell.note());
                            if (snapshot != null) {
                                written.accept(snapshot);
                            }
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // cell() catches everything; an error here is the checker's own bug, and its cell stays empty.
                }
            }
            synchronized (rows) {
                return copy(rows);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Row> copy(List<Row> rows) {
        List<Row> copy = new ArrayList<>();
        for (Row r : rows) {
            copy.add(new Row(r.student(), new ArrayList<>(r.cells()), r.note()));
        }
        return copy;
    }

    private static Cell cell(ExerciseSet set, Submission submission, Supervisor.Options options, Isolation isolation) {
        List<String> names = set.declared().specs().stream().map(Checks.Spec::name).toList();
        double possible = Points.possible(set.id(), names);
        if (submission.text() == null) {
            return new Cell(0, possible, submission.problem());
        }
        try {
            Run run = Supervisor.check(submission.file(), submission.text(), options, isolation);
            List<String> notes = new ArrayList<>();
            if (!run.compileErrors().isEmpty()) {
                notes.add(run.compileErrors().get(0).contains(StudentCompiler.LIMIT_MARK) ? "compile timeout"
                        : "compile error");
            }
            if (run.timedOut()) {
                notes.add("timeout");
            }
            return new Cell(Points.earned(set.id(), run.results()), possible, String.join(", ", notes));
        } catch (IOException | RuntimeException e) {
            return new Cell(0, possible, "could not be checked: " + clean(String.valueOf(e.getMessage())));
        }
    }

    /** The CSV: {@code student}, points per set, {@code points}, {@code total}, {@code isolation}, {@code note}. */
    static String csv(List<ExerciseSet> sets, List<Double> possible, List<Row> rows, Isolation.Kind isolation) {
        double total = possible.stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder s = new StringBuilder("student");
        sets.forEach(set -> s.append(',').append(set.id()));
        s.append(",points,total,isolation,note\n");
        for (Row row : rows) {
            s.append(csvField(row.student()));
            for (Cell c : row.cells()) {
                s.append(',').append(c == null ? "" : Points.format(c.points()));
            }
            s.append(',').append(row.done() ? Points.format(row.points()) : "").append(',').append(Points.format(total))
                    .append(',').append(isolation.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .append(',').append(csvField(row.notes(sets))).append('\n');
        }
        return s.toString();
    }

    static String table(List<ExerciseSet> sets, List<Double> possible, List<Row> rows) {
        int width = Math.max(7, rows.stream().mapToInt(r -> r.student().length()).max().orElse(0));
        double total = possible.stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder s = new StringBuilder();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", "student"));
        sets.forEach(set -> line.append(String.format(Locale.ROOT, " %7s", set.id())));
        line.append(String.format(Locale.ROOT, " %9s  %s", "points", "note"));
        s.append(line.toString().stripTrailing()).append('\n');
        for (Row row : rows) {
            line.setLength(0);
            line.append(String.format(Locale.ROOT, "%-" + width + "s", row.student()));
            for (int i = 0; i < sets.size(); i++) {
                Cell c = row.cells().get(i);
                line.append(String.format(Locale.ROOT, " %7s", (c == null ? "?" : Points.format(c.points())) + "/"
                        + Points.format(possible.get(i))));
            }
            line.append(String.format(Locale.ROOT, " %9s  %s", Points.format(row.points()) + "/" + Points.format(total),
                    clean(row.notes(sets))));
            s.append(line.toString().stripTrailing()).append('\n');
        }
        return s.toString();
    }

    /** Printable text: control characters (terminal escapes) and bidirectional overrides become spaces. */
    static String clean(String text) {
        return Supervisor.clean(text);
    }

    /**
     * A CSV cell that a spreadsheet shows as text: quoted when needed, control characters dropped, and a
     * leading {@code = + - @} (a formula) made harmless with a quote mark.
     */
    static String csvField(String text) {
        String t = clean(text);
        if (!t.isEmpty() && "=+-@".indexOf(t.charAt(0)) >= 0) {
            t = "'" + t;
        }
        boolean quote = t.contains(",") || t.contains("\"") || t.contains(";") || t.startsWith("'");
        return quote ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
    }

    /** Writes the CSV whole or not at all: a reader never sees half a file. */
    static void writeCsv(Path dir, String csv) throws IOException {
        Path target = dir.resolve("grades.csv");
        Path staged = Files.createTempFile(dir, ".grades-", ".csv.part");
        try {
            Files.writeString(staged, csv, StandardCharsets.UTF_8);
            try {
                Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(staged);
        }
    }
}
