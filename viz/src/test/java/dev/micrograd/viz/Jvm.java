package dev.micrograd.viz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The start of a command line for a JVM of a test's own: this JDK, with the build's JVM options. */
final class Jvm {
    private Jvm() {
    }

    static List<String> command(String... more) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String options = System.getProperty("micrograd.jvm.options", "-XX:-PrintWarnings").trim();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.addAll(List.of(more));
        return command;
    }
}
