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
    /** The engine's libraries; chapters' ScriptDepsTest holds their versions to the parent pom's. */
    private static final Pattern DEPS = Pattern.compile(
            "(?m)^//DEPS guru\\.nidi:graphviz-java:\\S+\\n//DEPS org\\.slf4j:slf4j-nop:\\S+\\n");
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
                if (!text.startsWith(HEADER) || !DEPS.matcher(text).region(HEADER.length(), text.length()).lookingAt()) {
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
}
