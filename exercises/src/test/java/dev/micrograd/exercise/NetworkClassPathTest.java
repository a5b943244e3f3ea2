package dev.micrograd.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In exercises 7 students write their own networks: the engine's are not there to delegate to. */
class NetworkClassPathTest {
    @TempDir
    static Path temp;

    private static String solved() {
        return Fixtures.read(Fixtures.SOLUTIONS.resolve("Ex07NeuralNetSolution.java"))
                .replace("Ex07NeuralNetSolution", "Ex07NeuralNet");
    }

    @Test
    void onlySetEightHasTheEnginesNetworks() {
        assertEquals(List.of(), ChildClassPath.enginePackages(new ExerciseSet("ex06")));
        assertEquals(List.of("dev/micrograd/engine/"), ChildClassPath.enginePackages(new ExerciseSet("ex07")));
        assertTrue(ChildClassPath.enginePackages(new ExerciseSet("ex08")).contains("dev/micrograd/nn/"));
    }

    @Test
    void aNeuronThatWrapsTheEnginesDoesNotCompile() throws Exception {
        String wrapped = Fixtures.replace(solved(), "            Value sum = bias;\n",
                "            Value sum = new dev.micrograd.nn.Neuron(x.size(), dev.micrograd.nn.Activation.LINEAR,"
                        + " new Random(0)).apply(x).mul(0).add(bias);\n");
        Path file = Fixtures.write(temp.resolve("import"), "Ex07NeuralNet.java", wrapped);
        Run run = Supervisor.check(file, Fixtures.options(temp.resolve("cache")));
        assertTrue(run.compileErrors().stream().anyMatch(e -> e.contains("package dev.micrograd.nn does not exist")),
                run.compileErrors().toString());
        assertEquals(0, run.report().passed());
    }

    @Test
    void aNeuronThatLooksTheEnginesUpAtRunTimeFindsNothing() throws Exception {
        String looked = Fixtures.replace(solved(), "            Value sum = bias;\n",
                "            try {\n                Class.forName(\"dev.micrograd.nn.MLP\");\n"
                        + "            } catch (ClassNotFoundException e) {\n"
                        + "                throw new IllegalStateException(\"no engine networks here\");\n            }\n"
                        + "            Value sum = bias;\n");
        Path file = Fixtures.write(temp.resolve("reflect"), "Ex07NeuralNet.java", looked);
        Run run = Supervisor.check(file, Fixtures.options(temp.resolve("cache")));
        assertTrue(run.compileErrors().isEmpty(), run.compileErrors().toString());
        Result lecture = run.results().get(3);
        assertTrue(!lecture.passed() && lecture.details().get(0).contains("no engine networks here"), lecture.toString());
        assertTrue(run.results().get(0).passed(), run.results().get(0).toString());
    }
}
