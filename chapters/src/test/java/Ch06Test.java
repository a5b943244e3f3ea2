import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

        assertEquals("z / 4 = Value(data=0.5)\nz - 5 = Value(data=-3.0)\n5 - 2 = Value(data=3.0)\n",
                read(dir, "small-checks.txt"));
        assertEquals("o = 0.7071\nx1 grad = -1.5000\nw1 grad =  1.0000\nx2 grad =  0.5000\nw2 grad =  0.0000\n",
                read(dir, "neuron-grads.txt"));
        assertTrue(read(dir, "div-is-mul.txt").contains("the second child   = ^-1 of [Value(data=4)]"));
        assertTrue(read(dir, "exp-pow.txt").contains("= 19.389056"));
        assertTrue(read(dir, "node-count.txt").contains("(e - 1) / (e + 1): 20 nodes"));
        assertTrue(read(dir, "overflow.txt").startsWith("e = Value(data=Infinity)\nArithmeticException: "));
        assertTrue(read(dir, "overflow.txt").contains("an operand is infinite"));
        assertEquals("o = Value(data=1.0)\nn.grad = 0.0\n", read(dir, "primitive-tanh.txt"));
        assertEquals("log(Double.MAX_VALUE) / 2 = 354.8914\n", read(dir, "limit.txt"));
        assertTrue(read(dir, "neuron-exp.dot").contains("label=\"exp\""));
        assertTrue(read(dir, "neuron-exp.svg").contains("<svg"));
    }

    private static String read(Path dir, String file) throws IOException {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }
}
