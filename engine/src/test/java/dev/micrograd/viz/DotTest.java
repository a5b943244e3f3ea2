package dev.micrograd.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.engine.Value;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The DOT text: the lecture's look, stable ids, escaped labels, Locale.ROOT numbers. */
class DotTest {

    @Test
    void goldenDotOfLAfterBackward() {
        Value L = LExample.build();
        L.backward();
        String expected = """
                digraph G {
                  rankdir=LR;
                  node [fontname="Helvetica", fontsize=10];
                  edge [color="#4a6fa5"];
                  v0 [shape=record, label="{ a | data 2.0000 | grad 6.0000 }"];
                  v1 [shape=record, label="{ b | data -3.0000 | grad -4.0000 }"];
                  v2 [shape=record, label="{ d | data -6.0000 | grad -2.0000 }"];
                  v2_op [shape=ellipse, margin=0.05, label="*"];
                  v2_op -> v2;
                  v3 [shape=record, label="{ c | data 10.0000 | grad -2.0000 }"];
                  v4 [shape=record, label="{ e | data 4.0000 | grad -2.0000 }"];
                  v4_op [shape=ellipse, margin=0.05, label="+"];
                  v4_op -> v4;
                  v5 [shape=record, label="{ f | data -2.0000 | grad 4.0000 }"];
                  v6 [shape=record, label="{ L | data -8.0000 | grad 1.0000 }"];
                  v6_op [shape=ellipse, margin=0.05, label="*"];
                  v6_op -> v6;
                  v0 -> v2_op;
                  v1 -> v2_op;
                  v2 -> v4_op;
                  v3 -> v4_op;
                  v4 -> v6_op;
                  v5 -> v6_op;
                }
                """;
        assertEquals(expected, Dot.of(L));
    }

    @Test
    void aHighlightedNodeAndItsOpAreFilledAndNothingElseChanges() {
        Value L = LExample.build();
        L.backward();
        Value e = L.children().get(0);
        String plain = Dot.of(L);
        String highlighted = Dot.of(L, e);
        String fill = ", style=filled, fillcolor=\"#ffd966\"";
        assertEquals(plain, highlighted.replace(fill, ""), "only the fill is added");
        assertTrue(highlighted.contains("v4 [shape=record, label=\"{ e | data 4.0000 | grad -2.0000 }\"" + fill + "];"),
                highlighted);
        assertTrue(highlighted.contains("v4_op [shape=ellipse, margin=0.05, label=\"+\"" + fill + "];"), highlighted);
        assertEquals(2, highlighted.split("fillcolor", -1).length - 1, highlighted);
        assertEquals(plain, Dot.of(L, null));
        assertEquals(plain, Dot.of(L, Value.of(1.0, "elsewhere")), "a node outside the graph highlights nothing");
    }

    @Test
    void rebuildingTheGraphGivesByteIdenticalDot() {
        Value first = LExample.build();
        Value second = LExample.build();
        first.backward();
        second.backward();
        assertEquals(Dot.of(first), Dot.of(second));
        assertEquals(Dot.of(first), Dot.of(first), "and drawing twice changes nothing");
    }

    @Test
    void aValueUsedTwiceDrawsTwoEdges() {
        Value a = Value.of(3.0, "a");
        String dot = Dot.of(a.add(a).label("b"));
        assertEquals(2, dot.split("v0 -> v1_op;", -1).length - 1, dot);
    }

    @Test
    void powShowsItsExponent() {
        assertTrue(Dot.of(Value.of(3.0, "x").pow(2)).contains("v1_op [shape=ellipse, margin=0.05, label=\"^2\"];"));
    }

    @Test
    void numbersPrintAsTheFormattersFourDecimals() {
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 200_000; i++) {
            double x = i % 4 == 0 ? random.nextGaussian() * Math.pow(10, random.nextInt(30) - 15)
                    : i % 4 == 1 ? Math.round(random.nextGaussian() * 1e5) / 1e5 + 0.00005
                    : i % 4 == 2 ? random.nextInt(20000) / 16.0 - 500 : Double.longBitsToDouble(random.nextLong());
            String formatted = String.format(Locale.ROOT, "%.4f", x);
            assertEquals(formatted.equals("-0.0000") ? "0.0000" : formatted, Dot.number(x), "x = " + x);
        }
        assertEquals("0.8093", Dot.number(0.80925), "a tie of the decimal digits rounds up");
        assertEquals("-0.8093", Dot.number(-0.80925));
    }

    @Test
    void labelsAreEscaped() {
        assertEquals("a\\|b\\{c\\}\\<d\\>\\\"e\\\\f g", Dot.escape("a|b{c}<d>\"e\\f\ng"));
        String dot = Dot.of(Value.of(1.0, "x|y"));
        assertTrue(dot.contains("label=\"{ x\\|y | data 1.0000 | grad 0.0000 }\""), dot);
        assertEquals("x₁×w₁", Dot.escape("x₁×w₁"), "Unicode passes through");
    }

    @Test
    void numbersUseFourDecimalsAPointAndNoNegativeZero() {
        assertEquals("0.0000", Dot.number(-0.0));
        assertEquals("0.0000", Dot.number(-0.00001));
        assertEquals("-0.0001", Dot.number(-0.00005));
        assertEquals("1234.5679", Dot.number(1234.56789));
        assertEquals("Infinity", Dot.number(Double.POSITIVE_INFINITY));
        for (double x : new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN}) {
            assertEquals(String.format(Locale.ROOT, "%.4f", x), Dot.number(x), "as the formatter prints " + x);
        }
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertTrue(Dot.of(Value.of(0.5, "h")).contains("data 0.5000"), "a comma locale changes nothing");
        } finally {
            Locale.setDefault(before);
        }
    }
}
