import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chapter 6 teaches the seed's small checks, chapter 3's gradients through exp, and the overflow. */
class Ch06Test {
    @TempDir
    Path tmp;

    @Test
    void teachesTanhViaExp() throws IOException {
        Ch06TanhViaExp.main("--out", tmp.toString(), "--quiet");
        Path dir = tmp.resolve("ch06");

        assertEquals("z / 4 = Value(data=0.5)\nz - 5 = Value(data=-3.0)\n-z    = Value(data=-2.0)\n5 - 2 = Value(data=3.0)\n",
                read(dir, "small-checks.txt"));
        assertEquals("o = 0.7071\nx1 grad = -1.5000\nw1 grad =  1.0000\nx2 grad =  0.5000\nw2 grad =  0.0000\nb  grad =  0.5000\n",
                read(dir, "neuron-grads.txt"));
        assertTrue(read(dir, "div-is-mul.txt").contains("the second child = \"^-1.0\" of [Value(data=4.0)]"));
        assertTrue(read(dir, "exp-pow.txt").contains("= 19.389056"));
        assertTrue(read(dir, "node-count.txt").contains("with tanhViaExp: 18 nodes"));
        assertTrue(read(dir, "overflow.txt").startsWith("ours:   o = Value(data=NaN)\nengine: ArithmeticException: "));
        assertTrue(read(dir, "overflow.txt").contains("an operand is infinite"));
        assertEquals("o = Value(data=1.0)\nn.grad = 0.0\n", read(dir, "primitive-tanh.txt"));
        assertEquals("log(Double.MAX_VALUE) / 2 = 354.8914\n", read(dir, "limit.txt"));
        // Math.tanh may differ in the last bit between JDKs (JDK 24 and later use a faster routine on x64).
        assertTrue(read(dir, "side-by-side.txt").startsWith(Math.tanh(0.8813735870195432) + "\nx2 0.49999"),
                read(dir, "side-by-side.txt"));
    }

    @Test
    void theSpelledOutNeuronFitsThePageWithItsConstantsLabelled() throws IOException {
        Ch06TanhViaExp.main("--out", tmp.toString(), "--quiet");
        Path dir = tmp.resolve("ch06");
        String dot = read(dir, "neuron-exp.dot");
        assertTrue(dot.contains("label=\"exp\""));
        assertTrue(dot.contains("{ e | data 5.8284 |"), "the page talks about e, so the drawing names it: " + dot);
        for (String constant : new String[] {"{ 2.0 | data 2.0000", "{ 1.0 | data 1.0000", "{ -1.0 | data -1.0000"}) {
            assertTrue(dot.contains(constant), "a constant leaf is labelled with its value: " + constant);
        }
        Matcher width = Pattern.compile("<svg width=\"(\\d+)px\"").matcher(read(dir, "neuron-exp.svg"));
        assertTrue(width.find());
        assertTrue(Integer.parseInt(width.group(1)) <= 1600, "neuron-exp.svg is " + width.group(1) + " px wide");
    }

    private static String read(Path dir, String file) throws IOException {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }
}
