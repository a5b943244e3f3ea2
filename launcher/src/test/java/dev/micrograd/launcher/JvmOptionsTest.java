package dev.micrograd.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quiet JVM options: written the same everywhere, and quiet on the JDK running the tests (CI runs 17 and 25). */
class JvmOptionsTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /** Calls the two kinds of methods that newer JDKs warn about: sun.misc.Unsafe memory access, a native library. */
    private static final String NOISY = "public class Noisy {\n"
            + "    public static void main(String[] args) throws Exception {\n"
            + "        Class<?> type = Class.forName(\"sun.misc.Unsafe\");\n"
            + "        java.lang.reflect.Field field = type.getDeclaredField(\"theUnsafe\");\n"
            + "        field.setAccessible(true);\n"
            + "        Object unsafe = field.get(null);\n"
            + "        long address = (long) type.getMethod(\"allocateMemory\", long.class).invoke(unsafe, 8L);\n"
            + "        type.getMethod(\"freeMemory\", long.class).invoke(unsafe, address);\n"
            + "        System.loadLibrary(\"net\");\n"
            + "        System.out.println(\"done\");\n"
            + "    }\n"
            + "}\n";

    @Test
    void theOptionsSilenceThisJdk(@TempDir Path tmp) throws Exception {
        Path source = Files.writeString(tmp.resolve("Noisy.java"), NOISY);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", tmp.toString(),
                source.toString()));
        List<String> quiet = new ArrayList<>(List.of(JAVA));
        quiet.addAll(JvmOptions.QUIET);
        quiet.addAll(List.of("-cp", tmp.toString(), "Noisy"));

        assertEquals("done\n", run(quiet).output);
        if (Runtime.version().feature() >= 24) {
            String plain = run(List.of(JAVA, "-cp", tmp.toString(), "Noisy")).output;
            assertTrue(plain.contains("WARNING: A terminally deprecated method in sun.misc.Unsafe has been called")
                    && plain.contains("WARNING: A restricted method in java.lang.System has been called"), plain);
        }
    }

    @Test
    void thePropertyNotTheOptionBecauseOlderJdksRefuseIt() throws Exception {
        Result documented = run(List.of(JAVA, "--sun-misc-unsafe-memory-access=allow", "-version"));
        int feature = Runtime.version().feature();
        assertEquals(JvmOptions.knowsUnsafeOption(feature), documented.exit == 0, documented.output);
        assertTrue(JvmOptions.knowsUnsafeOption(25) && !JvmOptions.knowsUnsafeOption(17)
                && !JvmOptions.knowsUnsafeOption(22));
        assertEquals(0, run(List.of(JAVA, "-Dsun.misc.unsafe.memory.access=allow", "-version")).exit);
    }

    @Test
    void everyPlaceSaysTheSame() throws IOException {
        String line = JvmOptions.line();
        Matcher pom = Pattern.compile("<jvm\\.options>([^<]*)</jvm\\.options>").matcher(read(REPO.resolve("pom.xml")));
        assertTrue(pom.find(), "the parent pom has <jvm.options>");
        assertEquals(line, pom.group(1).trim(), "the parent pom's jvm.options");

        List<Path> scripts = new ArrayList<>();
        for (String folder : List.of("chapters/scripts", "launcher/scripts")) {
            try (Stream<Path> files = Files.list(REPO.resolve(folder))) {
                scripts.addAll(files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList()));
            }
        }
        assertTrue(scripts.size() >= 9, "scripts found: " + scripts);
        for (Path script : scripts) {
            List<String> options = read(script).lines().filter(l -> l.startsWith("//JAVA_OPTIONS "))
                    .collect(Collectors.toList());
            assertEquals(List.of("//JAVA_OPTIONS " + line), options, script.toString());
        }
        assertTrue(read(REPO.resolve(".mvn/jvm.config")).lines().anyMatch("-Dsun.misc.unsafe.memory.access=allow"::equals),
                "Maven's own JVM runs JRuby (Asciidoctor), which uses sun.misc.Unsafe");
        assertTrue(Launcher.LAUNCHER_JVM_OPTIONS.containsAll(JvmOptions.QUIET),
                "the launcher's JVM can run a script that draws: " + Launcher.LAUNCHER_JVM_OPTIONS);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "still running: " + command);
        return new Result(process.exitValue(), output.replace("\r\n", "\n"));
    }
}
