package dev.micrograd.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The aliases of the repository's {@code jbang-catalog.json} (ch01, ex01, learn, ...): what each runs, and the help
 * that lists them with their descriptions.
 */
final class Catalog {
    static final String FILE = "jbang-catalog.json";
    /** JBang's own commands, which pass through to JBang; any other plain name must be an alias. */
    static final Set<String> JBANG_COMMANDS = Set.of("alias", "app", "build", "cache", "catalog", "completion", "config",
            "docs", "edit", "export", "info", "init", "jdk", "run", "template", "trust", "version", "wrapper");

    private final Map<String, Map<String, Object>> aliases;

    private Catalog(Map<String, Map<String, Object>> aliases) {
        this.aliases = aliases;
    }

    /** The aliases of a catalog's text: each alias's name and its object, in the file's order. */
    static Catalog parse(String json) {
        Object root = new Json(json).value();
        Map<String, Map<String, Object>> aliases = new LinkedHashMap<>();
        if (root instanceof Map) {
            Object all = ((Map<?, ?>) root).get("aliases");
            if (all instanceof Map) {
                for (Map.Entry<?, ?> e : ((Map<?, ?>) all).entrySet()) {
                    if (e.getValue() instanceof Map) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> alias = (Map<String, Object>) e.getValue();
                        aliases.put((String) e.getKey(), alias);
                    }
                }
            }
        }
        return new Catalog(aliases);
    }

    static Catalog empty() {
        return new Catalog(Map.of());
    }

    boolean has(String name) {
        return aliases.containsKey(name);
    }

    /** An alias's object: {@code script-ref}, {@code arguments}, {@code description}; null when there is none. */
    Map<String, Object> alias(String name) {
        return aliases.get(name);
    }

    List<String> names() {
        return new ArrayList<>(aliases.keySet());
    }

    /** Whether a first argument is meant as an alias: a plain name that is neither a file nor a JBang command. */
    static boolean looksLikeAlias(String arg) {
        return arg.matches("[A-Za-z][A-Za-z0-9_-]*") && !JBANG_COMMANDS.contains(arg);
    }

    /** The help of {@code ./jbang} alone or {@code ./jbang --help}: every alias on one line, in its group. */
    String help(String command) {
        StringBuilder help = new StringBuilder();
        help.append("Usage: ").append(command).append(" NAME [OPTIONS]    run a chapter, an exercise set or a tool\n");
        help.append("       ").append(command).append(" NAME --help       what NAME does, and its options\n");
        int width = 0;
        for (String name : aliases.keySet()) {
            width = Math.max(width, name.length());
        }
        for (Map.Entry<String, List<String>> group : groups().entrySet()) {
            help.append('\n').append(group.getKey()).append(":\n");
            for (String name : group.getValue()) {
                Object description = aliases.get(name).get("description");
                help.append("  ").append(pad(name, width)).append("  ")
                        .append(description instanceof String ? description : "").append('\n');
            }
        }
        help.append("\nJBang's own commands pass through to JBang: ").append(command).append(" run File.java, ")
                .append(command).append(" version, ").append(command).append(" run --help, ...\n");
        return help.toString();
    }

    /** The answer to a name that is no alias: the names that exist. */
    String unknown(String name, String command) {
        StringBuilder names = new StringBuilder();
        for (Map.Entry<String, List<String>> group : groups().entrySet()) {
            names.append(names.length() == 0 ? "" : "; ").append(group.getKey().toLowerCase(Locale.ROOT)).append(": ")
                    .append(String.join(" ", group.getValue()));
        }
        return "no chapter, exercise set or tool is called '" + name + "'. The names are " + names + ". "
                + command + " --help says what each does.";
    }

    /** The aliases by group: chapters, exercises, then the tools with the one a newcomer needs first. */
    Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String heading : List.of("Chapters", "Exercises", "Tools")) {
            groups.put(heading, new ArrayList<>());
        }
        for (String name : aliases.keySet()) {
            groups.get(heading(name)).add(name);
        }
        groups.get("Tools").sort((a, b) -> Integer.compare(toolRank(a), toolRank(b)));
        groups.values().removeIf(List::isEmpty);
        return groups;
    }

    private static int toolRank(String name) {
        int rank = List.of("learn", "check", "grade", "shell").indexOf(name);
        return rank < 0 ? Integer.MAX_VALUE : rank;
    }

    /** The group a name belongs to. */
    static String heading(String name) {
        if (name.matches("ch\\d+")) {
            return "Chapters";
        }
        return name.matches("ex\\d+") ? "Exercises" : "Tools";
    }

    private static String pad(String s, int width) {
        StringBuilder padded = new StringBuilder(s);
        while (padded.length() < width) {
            padded.append(' ');
        }
        return padded.toString();
    }
}
