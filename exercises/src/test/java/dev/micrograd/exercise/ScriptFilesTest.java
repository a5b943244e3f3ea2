package dev.micrograd.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The exercise files as students and teachers meet them: paired, runnable by JBang, reachable by alias. */
class ScriptFilesTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final String HEADER = String.join("\n",
            "///usr/bin/env jbang \"$0\" \"$@\" ; exit $?",
            "//JAVA 17+",
            "//JAVA_OPTIONS -XX:-PrintWarnings",
            "//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java",
            "//SOURCES ../src/main/java/dev/micrograd/exercise/*.java",
            "");
    private static final Pattern TAGGED = Pattern.compile("(?s)// tag::([a-z0-9-]+)\\[]\\n(.*?)// end::\\1\\[]");

    private static List<Path> files(String folder) {
        try (Stream<Path> files = Files.list(MODULE.resolve(folder))) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyStarterHasASolutionAndNoSolutionIsAlone() {
        List<String> starters = files("starters").stream().map(p -> p.getFileName().toString().replace(".java", "")).toList();
        List<String> solutions = files("solutions").stream().map(p -> p.getFileName().toString().replace(".java", "")).toList();
        assertEquals(8, starters.size(), "one starter per chapter: " + starters);
        assertEquals(starters.stream().map(s -> s + "Solution").toList(), solutions);
    }

    @Test
    void everyFileStartsWithTheJbangHeader() {
        List<String> wrong = new ArrayList<>();
        for (String folder : List.of("starters", "solutions")) {
            for (Path file : files(folder)) {
                String text = read(file);
                // The engine needs the JDK only, so a student's file pulls in no library.
                if (!text.startsWith(HEADER) || text.startsWith("//DEPS", HEADER.length())) {
                    wrong.add(folder + "/" + file.getFileName());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyTaggedTaskOfAStarterIsMarkedForTheStudent() {
        List<String> unmarked = new ArrayList<>();
        for (Path file : files("starters")) {
            Matcher m = TAGGED.matcher(read(file));
            int regions = 0;
            while (m.find()) {
                regions++;
                // The bridge is shown to explain how the checks reach the student's class; it is no task.
                if (!m.group(1).equals("bridge") && !m.group(2).contains("// TODO(student): ")) {
                    unmarked.add(file.getFileName() + " tag " + m.group(1));
                }
            }
            assertTrue(regions >= 2, file + " has " + regions + " tagged tasks");
        }
        assertEquals(List.of(), unmarked);
    }

    @Test
    void theCatalogHasAnAliasForEveryStarterThatStartsTheSupervisedChecker() {
        String catalog = read(MODULE.resolve("../jbang-catalog.json"));
        List<String> missing = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Path file : files("starters")) {
            ids.add("ex" + file.getFileName().toString().substring(2, 4));
        }
        ids.addAll(List.of("check", "grade", "learn"));
        for (String id : ids) {
            String alias = "\"" + id + "\"\\s*:\\s*\\{\\s*\"script-ref\"\\s*:\\s*\"exercises/checker/Check.java\"\\s*,"
                    + "\\s*\"arguments\"\\s*:\\s*\\[\\s*\"" + id + "\"\\s*]";
            if (!Pattern.compile(alias).matcher(catalog).find()) {
                missing.add(alias);
            }
        }
        assertEquals(List.of(), missing);
    }

    /**
     * Each set's starter hands the student the Value the previous set's solution finished: every line of that
     * solution's Value, comments aside, stands in the next starter in the same order, except in the methods the
     * next set asks the student to rewrite (those marked TODO). A fix to one set's Value that is not carried into
     * the next set's starter fails here.
     */
    @Test
    void eachStarterCarriesTheValueThePreviousSolutionFinished() {
        List<String[]> sets = List.of(
                new String[] {"solutions/Ex01DataStructureSolution.java", "starters/Ex02Visualization.java"},
                new String[] {"solutions/Ex02VisualizationSolution.java", "starters/Ex03ManualBackprop.java"},
                new String[] {"solutions/Ex03ManualBackpropSolution.java", "starters/Ex04TopologicalBackprop.java"},
                new String[] {"solutions/Ex04TopologicalBackpropSolution.java", "starters/Ex06TanhAndNewOps.java"});
        List<String> problems = new ArrayList<>();
        for (String[] set : sets) {
            List<Member> finished = valueMembers(read(MODULE.resolve(set[0])));
            List<Member> handedOut = valueMembers(read(MODULE.resolve(set[1])));
            List<String> rewritten = handedOut.stream().filter(Member::task).map(m -> m.code().get(0))
                    .collect(Collectors.toList());
            List<String> carried = finished.stream().filter(m -> !rewritten.contains(m.code().get(0)))
                    .flatMap(m -> m.code().stream()).collect(Collectors.toList());
            List<String> given = handedOut.stream().flatMap(m -> m.code().stream()).collect(Collectors.toList());
            int at = 0;
            for (String line : carried) {
                int found = given.subList(at, given.size()).indexOf(line);
                if (found < 0) {
                    problems.add(set[1] + " lacks, from " + set[0] + ": " + line);
                } else {
                    at += found + 1;
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** A member of a Value class: its code lines (stripped, no comments or blank lines), and whether it is a task. */
    private record Member(List<String> code, boolean task) {
    }

    /** The members of the nested Value class; a member with a TODO(student) comment is a task for the student. */
    private static List<Member> valueMembers(String source) {
        List<String> lines = source.lines().collect(Collectors.toList());
        int start = 0;
        while (!lines.get(start).strip().equals("static final class Value {")) {
            start++;
        }
        String classIndent = lines.get(start).substring(0, lines.get(start).indexOf('s'));
        String memberIndent = classIndent + "    ";
        List<Member> members = new ArrayList<>();
        List<String> code = null;
        boolean task = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.equals(classIndent + "}")) {
                break;
            }
            String text = line.strip();
            if (text.startsWith("// TODO(student)")) {
                task = true;
            }
            if (text.isEmpty() || text.startsWith("//") || text.startsWith("/**") || text.startsWith("*")) {
                continue;
            }
            boolean top = line.startsWith(memberIndent) && !line.startsWith(memberIndent + " ");
            if (top && (code == null || !text.equals("}"))) {
                if (code != null) {
                    members.add(new Member(code, task));
                }
                code = new ArrayList<>();
                task = false;
            }
            code.add(text);
        }
        if (code != null) {
            members.add(new Member(code, task));
        }
        return members;
    }
}
