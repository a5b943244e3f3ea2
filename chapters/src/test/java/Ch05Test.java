import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chapter 5's outputs hold dtypes, promotion results, the notebook's own rule, float32 rounding, overflow and the Number tree. */
class Ch05Test {
    @TempDir
    static Path tmp;
    static Path dir;

    @BeforeAll
    static void runChapter() {
        dir = ChapterRunsTest.run("Ch05PromotionRules", tmp);
    }

    @Test
    void plainNumbersBecomeLeavesAndJavacRefusesTwoTimesA() throws IOException {
        assertTrue(ChapterRunsTest.read(dir, "plain-numbers.txt").startsWith(
                "a.add(1) = Value(data=3.0), its children: a and 1.0\n"));
        String javac = ChapterRunsTest.read(dir, "two-times-a.txt");
        assertTrue(javac.contains("error: bad operand types for binary operator '*'\n  first type:  int\n"), javac);
        String sum = ChapterRunsTest.read(dir, "sum.txt");
        assertTrue(sum.contains("nodes in its graph: 5\nx.grad = 1.0, y.grad = 1.0, z.grad = 1.0\n"), sum);
        assertTrue(sum.contains("sum(List.of()) -> IllegalArgumentException: sum needs at least one value"), sum);
    }

    @Test
    void fourDtypes() throws IOException {
        String dtypes = ChapterRunsTest.read(dir, "dtypes.txt");
        assertTrue(dtypes.contains("vf32  Value(data=2.0)  float32\nvi64  Value(data=2)    int64\n"), dtypes);
    }

    @Test
    void seedExamplesPromote() throws IOException {
        String mixed = ChapterRunsTest.read(dir, "mixed.txt");
        for (String line : new String[] {
            "vi64 + i32   = Value(data=18)                   int64",
            "vf64 + i64   = Value(data=6.0)                  float64",
            "vf64 + f32   = Value(data=5.141592741012573)    float64",
            "vf32 + f32   = Value(data=5.141593)             float32",
            "vf32 + vf64  = Value(data=4.0)                  float64",
            "2 * z2       = Value(data=4.0)                  float64"}) {
            assertTrue(mixed.contains(line + "\n"), "missing: " + line + "\nin:\n" + mixed);
        }
    }

    @Test
    void theNotebooksSurvivingRuleGivesItsPrintedResults() throws IOException {
        String rule = ChapterRunsTest.read(dir, "notebook-rule.txt");
        assertTrue(rule.contains("vf64 + vi64    Value(data=4)    Value(data=4) int64      Value(data=4.0) float64\n"), rule);
        assertTrue(rule.contains("vf64 + vf32    Value(data=4.0)  Value(data=4.0) float32  Value(data=4.0) float64\n"), rule);
        assertTrue(rule.contains("a.grad = 0.0 by the notebook's rule, 1.0 in our engine\n"), rule);
        assertTrue(rule.contains("[b, new leaf Value(data=2)] by the notebook's rule, [a, b] in our engine\n"), rule);
        assertTrue(rule.endsWith("c = 2.5 plus b by the notebook's rule: InexactError: Int64(2.5)\n"), rule);
    }

    @Test
    void float32ResultsRoundAsJavaFloats() throws IOException {
        String float32 = ChapterRunsTest.read(dir, "float32.txt");
        assertTrue(float32.contains("Value.of(16777216f).add(1f)   = Value(data=1.6777216E7) float32\n"), float32);
        assertTrue(float32.contains("Value.of(16777216.0).add(1.0) = Value(data=1.6777217E7) float64\n"), float32);
    }

    @Test
    void javaPromotionAndOverflow() throws IOException {
        assertTrue(ChapterRunsTest.read(dir, "java-promotion.txt").contains("long + float    = 4.0  (Float)\n"));
        String overflow = ChapterRunsTest.read(dir, "overflow.txt");
        assertTrue(overflow.contains("Integer.MAX_VALUE + 1                 = -2147483648\n"), overflow);
        assertTrue(overflow.contains("overflows int32"), overflow);
    }

    @Test
    void numberTreeComesFromTheJdk() throws IOException {
        String tree = ChapterRunsTest.read(dir, "number-tree.txt");
        assertTrue(tree.contains("\njava.lang.Number\n  java.lang.Byte\n  java.lang.Double\n"), tree);
        assertTrue(tree.contains("\n  java.math.BigDecimal\n  java.math.BigInteger\n"), tree);
        assertTrue(tree.contains("\n  java.util.concurrent.atomic.AtomicInteger\n"), tree);
    }
}
