package dev.micrograd.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.exercise.similarity.Similarity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** grade --similarity puts a copied file next to its source, and leaves out the untouched starters. */
class SimilarityTest {
    @TempDir
    Path temp;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCopyWithNewNamesAndCommentsIsTheMostSimilarPair() throws Exception {
        String solved = Fixtures.solvedEx03();
        String disguised = solved.replace("neuron", "nn").replace("// ", "// note: ").replace("    ", "  ");
        String starter = Fixtures.read(Fixtures.STARTERS.resolve("Ex03ManualBackprop.java"));
        String ownSlope = Fixtures.replace(starter, "throw new UnsupportedOperationException(\"TODO: task 2, the slope\");",
                "double up = f.applyAsDouble(x + h);\n        double here = f.applyAsDouble(x);\n        return (up - here) / h;");
        Map<String, byte[]> files = new TreeMap<>(Map.of("alice", bytes(solved), "bob", bytes(disguised),
                "carol", bytes(starter), "dave", bytes(ownSlope)));
        List<Similarity.Pair> pairs = Similarity.pairs(files, "Ex03ManualBackprop.java", bytes(starter), temp);
        assertEquals(new Similarity.Pair("alice", "bob", pairs.get(0).similarity()), pairs.get(0), pairs.toString());
        assertTrue(pairs.get(0).similarity() > 0.9, pairs.toString());
        assertEquals(3, pairs.size(), "carol handed in the starter, so three pairs remain: " + pairs);
        assertTrue(pairs.stream().noneMatch(p -> p.first().equals("carol") || p.second().equals("carol")), pairs.toString());
        assertTrue(pairs.get(2).similarity() < pairs.get(0).similarity(), pairs.toString());
    }

    @Test
    void gradeListsThePairsAfterTheTable() throws Exception {
        Path dir = temp.resolve("class");
        String solution = Fixtures.read(Fixtures.SOLUTIONS.resolve("Ex05PromotionSolution.java"))
                .replace("Ex05PromotionSolution", "Ex05Promotion");
        Fixtures.write(dir.resolve("ann"), "Ex05Promotion.java", solution);
        Fixtures.write(dir.resolve("ben"), "Ex05Promotion.java", solution.replace("    ", "\t"));
        Fixtures.Outcome o = Fixtures.command(Fixtures.options(temp.resolve("cache")), "grade", dir.toString(), "--only", "ex05",
                "--similarity");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().matches("(?s).*\n  ex05  100\\.0%  ann and ben\n"), o.out());
        assertTrue(Files.exists(dir.resolve("grades.csv")));
    }
}
