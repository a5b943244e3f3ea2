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
                        "+++-+++++++++--"),
                new NearMiss("ex04: a recursive sort without a set of visited values", "Ex04TopologicalBackpropSolution",
                        "Ex04Checks",
                        List.of("            if (visited.add(v)) {\n                for (Value child : v.children) {\n"
                                        + "                    visit(child, visited, order);\n                }\n"
                                        + "                order.add(v);\n            }\n",
                                "            for (Value child : v.children) {\n                visit(child, visited, order);\n"
                                        + "            }\n            order.add(v);\n"),
                        "++++++-+-++++--"),
                new NearMiss("ex04: the bonus answered with the recursive sort", "Ex04TopologicalBackpropSolution", "Ex04Checks",
                        List.of("        List<Value> topologicalOrderWithoutRecursion() {\n",
                                "        List<Value> topologicalOrderWithoutRecursion() {\n            if (this != null) {\n"
                                        + "                return topologicalOrder();\n            }\n"),
                        "+++++++++++-+++"),
                new NearMiss("ex04: backward() runs the steps from the leaves up", "Ex04TopologicalBackpropSolution", "Ex04Checks",
                        List.of("for (int i = order.size() - 1; i >= 0; i--)", "for (int i = 0; i < order.size(); i++)"),
                        "++++++++++++---"),
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
                new NearMiss("ex07: a neuron that forgets the bias", "Ex07NeuralNetSolution", "Ex07Checks",
                        List.of("            Value sum = bias;\n", "            Value sum = Value.of(0.0);\n"),
                        "+++---++-+---+++--+++++++++++"),
                new NearMiss("ex07: a neuron whose parameters() leaves out the bias", "Ex07NeuralNetSolution", "Ex07Checks",
                        List.of("            List<Value> all = new ArrayList<>(weights);\n            all.add(bias);\n",
                                "            List<Value> all = new ArrayList<>(weights);\n"),
                        "++---++-+-++--+++-+++++++++++"),
                new NearMiss("ex07: an MLP whose parameters() leaves out the last layer", "Ex07NeuralNetSolution", "Ex07Checks",
                        List.of("            for (Layer layer : layers) {\n                all.addAll(layer.parameters());",
                                "            for (Layer layer : layers.subList(0, layers.size() - 1)) {\n"
                                        + "                all.addAll(layer.parameters());"),
                        "+++++++++-++--+++--++++++++++"),
                new NearMiss("ex07: the last layer with the hidden layers' activation", "Ex07NeuralNetSolution", "Ex07Checks",
                        List.of("i == sizes.length - 1 ? output : hidden", "hidden"),
                        "+++++++++++-+++++++++++++++++"),
                new NearMiss("ex07: weights and bias drawn from [0, 1)", "Ex07NeuralNetSolution", "Ex07Checks",
                        List.of("random.nextDouble() * 2 - 1", "random.nextDouble()"),
                        "++-++-+------+++---++++++++++"),
                new NearMiss("ex07: the bias drawn before the weights", "Ex07NeuralNetSolution", "Ex07Checks",
                        List.of("            for (int i = 0; i < inputs; i++) {\n                weights.add(Value.of(random.nextDouble() * 2 - 1));\n"
                                        + "            }\n            bias = Value.of(random.nextDouble() * 2 - 1);\n",
                                "            bias = Value.of(random.nextDouble() * 2 - 1);\n            for (int i = 0; i < inputs; i++) {\n"
                                        + "                weights.add(Value.of(random.nextDouble() * 2 - 1));\n            }\n"),
                        "++-++-+------+++--+++++++++++"),
                new NearMiss("ex07: a neuron that pairs inputs and weights as zip does, dropping the extra ones",
                        "Ex07NeuralNetSolution", "Ex07Checks",
                        List.of("            if (x.size() != weights.size()) {", "            if (x.size() < weights.size()) {"),
                        "++++++-++++++++++++++++++++++"),
                new NearMiss("ex07: a training loop without zeroGrad()", "Ex07NeuralNetSolution", "Ex07Checks",
                        List.of("            mlp.zeroGrad();\n            loss.backward();\n", "            loss.backward();\n"),
                        "+++++++++++++++++-+++++++++++"),
                new NearMiss("ex07: a gradient check that keeps the old gradients", "Ex07NeuralNetSolution", "Ex07Checks",
                        List.of("        for (Value p : parameters) {\n            p.setGrad(0);\n        }\n        loss.get().backward();",
                                "        loss.get().backward();"),
                        "++++++++++++++++++++++-++++++"),
                new NearMiss("ex07: a divergence test that only compares the first and the last loss", "Ex07NeuralNetSolution",
                        "Ex07Checks", List.of("            if (!Double.isFinite(loss)) {", "            if (loss != loss + 0 && false) {"),
                        "+++++++++++++++++++++++++-+++"),
                new NearMiss("ex07: any rise of the loss called divergence", "Ex07NeuralNetSolution", "Ex07Checks",
                        List.of("        return losses[losses.length - 1] > losses[0];",
                                "        for (int i = 1; i < losses.length; i++) {\n            if (losses[i] > losses[i - 1]) {\n"
                                        + "                return true;\n            }\n        }\n        return false;"),
                        "+++++++++++++++++++++++++++-+"),
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
