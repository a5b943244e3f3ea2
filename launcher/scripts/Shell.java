///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//JAVA_OPTIONS -XX:-PrintWarnings --enable-native-access=ALL-UNNAMED -Dsun.misc.unsafe.memory.access=allow
//SOURCES ../../engine/src/main/java/dev/micrograd/**/*.java
//SOURCES ../../viz/src/main/java/dev/micrograd/**/*.java
//DEPS guru.nidi:graphviz-java:0.18.1
//DEPS org.graalvm.polyglot:polyglot:25.0.2
//DEPS org.graalvm.js:js-language:25.0.2
//DEPS org.slf4j:slf4j-nop:1.7.36

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.tool.JavaShellToolBuilder;

/** {@code ./jbang shell}: JShell with the engine on the class path and its packages imported. */
class Shell {
    /** The engine's packages, imported before the first prompt. */
    static final List<String> PACKAGES = List.of("dev.micrograd.engine", "dev.micrograd.nn", "dev.micrograd.viz",
            "dev.micrograd.data");

    public static void main(String... args) throws Exception {
        StringBuilder startup = new StringBuilder();
        for (String name : PACKAGES) {
            startup.append("import ").append(name).append(".*;\n");
        }
        Path file = Files.createTempFile("micrograd-shell", ".jsh");
        file.toFile().deleteOnExit();
        Files.writeString(file, startup, StandardCharsets.UTF_8);
        List<String> options = new ArrayList<>(List.of("--class-path", System.getProperty("java.class.path"),
                "-R-XX:-PrintWarnings", "--startup", "DEFAULT", "--startup", file.toString()));
        options.addAll(List.of(args));
        System.out.println("JShell with the engine: try  Value a = Value.of(2.0, \"a\");  then  a.mul(a).data()"
                + "  (/exit to leave)");
        JavaShellToolBuilder.builder().start(options.toArray(new String[0]));
    }
}
