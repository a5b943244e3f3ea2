package dev.micrograd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalog's aliases, the wrapper's help and its answer to a name that does not exist. */
class CatalogTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Catalog SMALL = Catalog.parse("{\"aliases\":{"
            + "\"ch01\":{\"script-ref\":\"C1.java\",\"description\":\"Chapter one\"},"
            + "\"shell\":{\"script-ref\":\"S.java\",\"description\":\"A shell\"},"
            + "\"ex01\":{\"script-ref\":\"E.java\",\"arguments\":[\"ex01\"],\"description\":\"Exercises one\"},"
            + "\"grade\":{\"script-ref\":\"E.java\",\"description\":\"Grades\"},"
            + "\"learn\":{\"script-ref\":\"E.java\",\"description\":\"Where you are\"}}}");

    @Test
    void theRepositoriesCatalogIsRead() throws Exception {
        Catalog catalog = Catalog.parse(Files.readString(REPO.resolve("jbang-catalog.json"), StandardCharsets.UTF_8));
        assertEquals("chapters/scripts/Ch01DataStructure.java", catalog.alias("ch01").get("script-ref"));
        assertTrue(catalog.has("ch08"), catalog.names().toString());
        for (String name : catalog.names()) {
            assertTrue(catalog.alias(name).get("description") instanceof String, name + " has a description for the help");
        }
    }

    @Test
    void jsonValues() {
        Map<?, ?> x = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) new Json(
                "{\"aliases\":{\"x\":{\"script-ref\":\"X.java\",\"arguments\":[\"a\",\"b \\\"c\\\"\\u00e9\\n\"],"
                        + "\"interactive\":true, \"n\": -1.5e3, \"none\": [], \"empty\": {}}}}").value())
                .get("aliases")).get("x");
        assertEquals(List.of("a", "b \"c\"\u00e9\n"), x.get("arguments"));
        assertEquals("true", x.get("interactive"));
        assertEquals("-1.5e3", x.get("n"));
        assertEquals(List.of(), x.get("none"));
        assertEquals(Map.of(), x.get("empty"));
        assertThrows(IllegalArgumentException.class, () -> new Json("{\"a\" 1}").value());
        assertThrows(IllegalArgumentException.class, () -> new Json("  ").value());
    }

    @Test
    void theHelpListsChaptersExercisesThenToolsOneLineEach() {
        assertEquals("Usage: ./jbang NAME [OPTIONS]    run a chapter, an exercise set or a tool\n"
                + "       ./jbang NAME --help       what NAME does, and its options\n"
                + "\nChapters:\n"
                + "  ch01   Chapter one\n"
                + "\nExercises:\n"
                + "  ex01   Exercises one\n"
                + "\nTools:\n"
                + "  learn  Where you are\n"
                + "  grade  Grades\n"
                + "  shell  A shell\n"
                + "\nJBang's own commands pass through to JBang: ./jbang run File.java, ./jbang version,"
                + " ./jbang run --help, ...\n", SMALL.help("./jbang"));
    }

    @Test
    void theRepositoriesHelpHasEveryAliasOnItsOwnLine() throws Exception {
        Catalog catalog = Catalog.parse(Files.readString(REPO.resolve("jbang-catalog.json"), StandardCharsets.UTF_8));
        String help = catalog.help("jbang.cmd");
        for (String name : List.of("ch01", "ch08", "ex01", "ex08", "learn", "check", "grade", "shell")) {
            assertTrue(help.contains("\n  " + name + " "), name + " in\n" + help);
        }
        assertTrue(help.indexOf("\n  learn ") < help.indexOf("\n  shell "), help);
    }

    @Test
    void anUnknownNameIsAnsweredWithTheNamesThatExist() {
        assertEquals("no chapter, exercise set or tool is called 'ch99'. The names are chapters: ch01; exercises: ex01;"
                + " tools: learn grade shell. ./jbang --help says what each does.", SMALL.unknown("ch99", "./jbang"));
    }

    @Test
    void plainNamesAreAliasesUnlessJbangHasACommandOfThatName() {
        assertTrue(Catalog.looksLikeAlias("ch99"));
        assertTrue(Catalog.looksLikeAlias("lern"));
        assertFalse(Catalog.looksLikeAlias("run"), "JBang's run");
        assertFalse(Catalog.looksLikeAlias("version"));
        assertFalse(Catalog.looksLikeAlias("Hello.java"), "a file");
        assertFalse(Catalog.looksLikeAlias("scripts/Hello"), "a path");
        assertFalse(Catalog.looksLikeAlias("--verbose"));
        assertFalse(Catalog.looksLikeAlias("https://example.org/x.java"));
    }
}
