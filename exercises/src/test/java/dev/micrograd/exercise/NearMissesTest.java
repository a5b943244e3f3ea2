package dev.micrograd.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.engine.Value;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Answers that are almost right fail exactly the checks that target their mistake. Each near miss is a
 * reference solution with one typical mistake edited in, compiled and checked like a student's file.
 */
class NearMissesTest {
    /**
     * A mistake: the solution it is made from, the edits that make it (text to find, text to put instead, ...),
     * and the outcome of each check in order, {@code +} passed and {@code -} failed.
     */
    record NearMiss(String name, String solution, String checks, List<String> edits, String outcomes) {
        @Override
        public String toString() {
            return name;
        }

        String className() {
            return solution + "NearMiss" + Math.abs(name.hashCode());
        }
    }

    static Stream<NearMiss> nearMisses() {
        return Stream.of(
                new NearMiss("ex01: children kept in a set, as micrograd's _prev", "Ex01DataStructureSolution", "Ex01Checks",
                        List.of("List.of(this, other), \"*\"", "List.copyOf(new java.util.LinkedHashSet<>(List.of(this, other))), \"*\""),
                        "++-++++++++++"),
                new NearMiss("ex02: each edge listed once, however often it is used", "Ex02VisualizationSolution", "Ex02Checks",
                        List.of("edges.add(child.label + \" -> \" + v.label);",
                                "if (!edges.contains(child.label + \" -> \" + v.label)) { edges.add(child.label + \" -> \" + v.label); }"),
                        "+++++---+++"),
                new NearMiss("ex02: the trace records a value after its children", "Ex02VisualizationSolution", "Ex02Checks",
                        List.of("            labels.add(v.label);\n            for (Value child : v.children) {\n"
                                        + "                visit(child, seen, labels);\n            }\n",
                                "            for (Value child : v.children) {\n                visit(child, seen, labels);\n"
                                        + "            }\n            labels.add(v.label);\n"),
                        "----+++++++"),
                new NearMiss("ex03: n.grad without tanh's local gradient", "Ex03ManualBackpropSolution", "Ex03Checks",
                        List.of("tanhLocalGradient(neuron.o().data) * neuron.o().grad", "neuron.o().grad"),
                        "++++++++-----"),
                new NearMiss("ex04: = instead of += in the step of add", "Ex04TopologicalBackpropSolution", "Ex04Checks",
                        List.of("                grad += out.grad;\n                other.grad += out.grad;",
                                "                grad = out.grad;\n                other.grad = out.grad;"),
                        "+++-++++++--"),
                new NearMiss("ex04: a recursive topological sort", "Ex04TopologicalBackpropSolution", "Ex04Checks",
                        List.of("            List<Value> order = new ArrayList<>();\n            Set<Value> visited",
                                "            List<Value> order = new ArrayList<>();\n            visit(this, Collections.newSetFromMap(new IdentityHashMap<>()), order);\n"
                                        + "            if (order.size() > 0) { return order; }\n            Set<Value> visited",
                                "        /** Task 3: fills the gradient",
                                "        private static void visit(Value v, Set<Value> seen, List<Value> order) {\n"
                                        + "            if (seen.add(v)) {\n                for (Value child : v.children) {\n"
                                        + "                    visit(child, seen, order);\n                }\n                order.add(v);\n"
                                        + "            }\n        }\n\n        /** Task 3: fills the gradient"),
                        "+++++++-++++"),
                new NearMiss("ex04: backward() runs the steps from the leaves up", "Ex04TopologicalBackpropSolution", "Ex04Checks",
                        List.of("for (int i = order.size() - 1; i >= 0; i--)", "for (int i = 0; i < order.size(); i++)"),
                        "+++++++++---"),
                new NearMiss("ex05: the cast comes after the integer division", "Ex05PromotionSolution", "Ex05Checks",
                        List.of("return (double) part / whole;", "return (double) (part / whole);"),
                        "--+++++++++"),
                new NearMiss("ex05: two zero gradients give NaN", "Ex05PromotionSolution", "Ex05Checks",
                        List.of("return size == 0 ? 0 : Math.abs(a - b) / size;", "return Math.abs(a - b) / size;"),
                        "++++++++++-"),
                new NearMiss("ex06: = instead of += in the step of exp", "Ex06TanhAndNewOpsSolution", "Ex06Checks",
                        List.of("out.backwardStep = () -> grad += out.data * out.grad;", "out.backwardStep = () -> grad = out.data * out.grad;"),
                        "++-++++++++++++-"),
                new NearMiss("ex06: div as an operation of its own", "Ex06TanhAndNewOpsSolution", "Ex06Checks",
                        List.of("            return mul(other.pow(-1));",
                                "            Value out = new Value(data / other.data, List.of(this, other), \"/\", \"\");\n"
                                        + "            out.backwardStep = () -> {\n                grad += out.grad / other.data;\n"
                                        + "                other.grad -= out.grad * data / (other.data * other.data);\n            };\n"
                                        + "            return out;"),
                        "++++++++-+++++++"),
                new NearMiss("ex07: a training loop without zeroGrad()", "Ex07NeuralNetSolution", "Ex07Checks",
                        List.of("            mlp.zeroGrad();\n", ""),
                        "+++++++-+++++++++++"),
                new NearMiss("ex07: a gradient check that keeps the old gradients", "Ex07NeuralNetSolution", "Ex07Checks",
                        List.of("            p.setGrad(0);\n", ""),
                        "++++++++++++-++++++"),
                new NearMiss("ex07: a divergence test that only compares the first and the last loss", "Ex07NeuralNetSolution",
                        "Ex07Checks", List.of("            if (!Double.isFinite(loss)) {", "            if (loss != loss + 0 && false) {"),
                        "+++++++++++++++-+++"),
                new NearMiss("ex07: any rise of the loss called divergence", "Ex07NeuralNetSolution", "Ex07Checks",
                        List.of("        return losses[losses.length - 1] > losses[0];",
                                "        for (int i = 1; i < losses.length; i++) {\n            if (losses[i] > losses[i - 1]) {\n"
                                        + "                return true;\n            }\n        }\n        return false;"),
                        "+++++++++++++++++-+"),
                new NearMiss("ex08: a split without shuffling", "Ex08TwoMoonsSolution", "Ex08Checks",
                        List.of("        Collections.shuffle(shuffled, new Random(seed));\n", ""),
                        "+++++++++--++"),
                new NearMiss("ex08: a split that shuffles the caller's list", "Ex08TwoMoonsSolution", "Ex08Checks",
                        List.of("List<Moons.Point> shuffled = new ArrayList<>(points);", "List<Moons.Point> shuffled = points;"),
                        "++++++++++--+"));
    }

    private static URLClassLoader loader;

    /** Compiles every near miss in one run of the compiler, against the classes the tests run with. */
    @BeforeAll
    static void compile(@TempDir Path dir) throws IOException, URISyntaxException {
        List<String> files = new ArrayList<>();
        for (NearMiss miss : nearMisses().toList()) {
            String source = Files.readString(Path.of("solutions", miss.solution() + ".java"), StandardCharsets.UTF_8);
            for (int i = 0; i < miss.edits().size(); i += 2) {
                assertTrue(source.contains(miss.edits().get(i)), miss + ": the solution no longer holds " + miss.edits().get(i));
                source = source.replace(miss.edits().get(i), miss.edits().get(i + 1));
            }
            Path file = dir.resolve(miss.className() + ".java");
            Files.writeString(file, source.replace(miss.solution(), miss.className()), StandardCharsets.UTF_8);
            files.add(file.toString());
        }
        String classPath = location(Checks.class) + java.io.File.pathSeparator + location(Value.class);
        Path out = Files.createDirectories(dir.resolve("classes"));
        List<String> arguments = new ArrayList<>(List.of("-d", out.toString(), "-cp", classPath, "-proc:none", "-nowarn"));
        arguments.addAll(files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code = javac.run(null, null, errors, arguments.toArray(String[]::new));
        assertEquals(0, code, "the near misses do not compile:\n" + errors.toString(StandardCharsets.UTF_8));
        loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, NearMissesTest.class.getClassLoader());
    }

    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nearMisses")
    void failsExactlyTheChecksThatTargetItsMistake(NearMiss miss) throws Exception {
        Constructor<?> constructor = loader.loadClass(miss.className()).getDeclaredConstructor();
        constructor.setAccessible(true);
        Supplier<Object> student = () -> {
            try {
                return constructor.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
        Checks checks = (Checks) Class.forName(NearMissesTest.class.getPackageName() + "." + miss.checks())
                .getMethod("of", Supplier.class).invoke(null, student);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Report report = checks.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        StringBuilder outcomes = new StringBuilder();
        for (Result result : report.results()) {
            outcomes.append(result.passed() ? '+' : '-');
        }
        assertEquals(miss.outcomes(), outcomes.toString(), bytes.toString(StandardCharsets.UTF_8));
    }
}
