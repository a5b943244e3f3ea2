package dev.micrograd.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.micrograd.engine.Value;
import dev.micrograd.viz.Dot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON the page reads: values, gradients, DOT, numerical gradients, backward frames and errors. */
class PlaygroundTest {
    private static final String L = "(a*b + c) * f";
    private static final String L_VALUES = "{\"a\": 2, \"b\": -3, \"c\": 10, \"f\": -2}";

    @Test
    void theLExampleAsJson() {
        String json = Playground.evaluate(L, L_VALUES);
        Value a = Value.of(2.0, "a");
        Value b = Value.of(-3.0, "b");
        Value out = a.mul(b).add(Value.of(10.0, "c")).mul(Value.of(-2.0, "f"));
        out.backward();
        String dot = Dot.of(out);
        StringBuilder quoted = new StringBuilder();
        Json.quote(quoted, dot);
        assertEquals("{\"value\":-8.0,\"grads\":{\"a\":6.0,\"b\":-4.0,\"c\":-2.0,\"f\":4.0},\"dot\":" + quoted + "}", json);
    }

    @Test
    void chapter3sNeuron() {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("x1", 2.0);
        v.put("x2", 0.0);
        v.put("w1", -3.0);
        v.put("w2", 1.0);
        v.put("b", 6.8813735870195432);
        String json = Playground.evaluate("tanh(x1*w1 + x2*w2 + b)", v);
        // Math.tanh may differ in the last bit between JDKs (JDK 24 and later use a faster routine on x64):
        // 0.7071067811865477 and grads -1.4999999999999993, 0.9999999999999996, 0.4999999999999998 on JDK 17.
        double t = Math.tanh(2.0 * -3.0 + 0.0 * 1.0 + 6.8813735870195432);
        double local = 1 - t * t;
        assertTrue(json.startsWith("{\"value\":" + t + ",\"grads\":{\"x1\":" + -3.0 * local + ",\"w1\":" + 2.0 * local
                + ",\"x2\":" + local + ",\"w2\":0.0,\"b\":" + local + "},"), json);
        assertEquals(json, Playground.evaluate("tanh(x1*w1 + x2*w2 + b)",
                "{\"x1\":2,\"x2\":0,\"w1\":-3,\"w2\":1,\"b\":6.8813735870195432}"), "JSON values give the same");
    }

    @Test
    void theEnginesOwnMessagesForBadNumbers() {
        assertEquals("{\"error\":\"log(x=-1) is not a number (NaN)\"}", Playground.evaluate("log(x)", "{\"x\": -1}"));
        assertEquals("{\"error\":\"Infinity * 0 is not a number (NaN); an operand is infinite"
                + " (an exp that overflowed, or a division by zero)\"}", Playground.evaluate("exp(x) * 0", "{\"x\": 1000}"));
        assertTrue(Playground.evaluate("exp(x)", "{\"x\": 1000}").startsWith("{\"value\":\"Infinity\","),
                "an overflow alone is Infinity, as in the engine");
    }

    @Test
    void badInputIsAnErrorNeverAnException() {
        assertEquals("{\"error\":\"unexpected '*': expected a number, a name or '(' at column 4\"}",
                Playground.evaluate("a +* b", "{}"));
        assertEquals("{\"error\":\"no value for the variable 'b' at column 3\"}", Playground.evaluate("a*b", "{\"a\": 1}"));
        assertEquals("{\"error\":\"the values {\\\"a\\\": x} are not a JSON object of numbers: a number was expected"
                + " at column 7\"}", Playground.evaluate("a", "{\"a\": x}"));
        assertEquals("{\"error\":\"the expression is empty: type one, like (a*b + c) * f at column 1\"}",
                Playground.evaluate(null, "{}"));
    }

    @Test
    void forwardLeavesEveryGradientZero() {
        String json = Playground.forward(L, Map.of("a", 2.0, "b", -3.0, "c", 10.0, "f", -2.0));
        assertTrue(json.startsWith("{\"value\":-8.0,\"dot\":\"digraph G {"), json);
        assertTrue(json.contains("{ a | data 2.0000 | grad 0.0000 }") && !json.contains("grad 1.0000"), json);
    }

    @Test
    void variablesInOrder() {
        assertEquals("{\"variables\":[\"x1\",\"w1\",\"b\"]}", Playground.variables("tanh(x1*w1 + b) + x1"));
        assertEquals("{\"error\":\"a ')' without its '(' at column 2\"}", Playground.variables("a)"));
    }

    @Test
    void numericalGradientsAgreeWithBackward() {
        Map<String, Double> v = Map.of("a", 2.0, "b", -3.0, "c", 10.0, "f", -2.0);
        String json = Playground.numerical(L, v);
        assertTrue(json.startsWith("{\"grads\":{\"a\":"), json);
        for (Map.Entry<String, Double> g : Json.readNumbers(json.substring(9, json.length() - 1)).entrySet()) {
            double exact = Map.of("a", 6.0, "b", -4.0, "c", -2.0, "f", 4.0).get(g.getKey());
            assertEquals(exact, g.getValue(), 1e-6, g.getKey());
        }
    }

    @Test
    void backwardFramesOneOperationAtATime() {
        Map<String, Double> v = Map.of("a", 2.0, "b", -3.0, "c", 10.0, "f", -2.0);
        String first = Playground.backwardFrame(L, v, 0, false);
        assertTrue(first.startsWith("{\"frame\":0.0,\"frames\":4.0,\"caption\":\"the output's gradient is 1:"
                + " d(out)/d(out)\",\"value\":-8.0,\"grads\":{\"a\":0.0,\"b\":0.0,\"c\":0.0,\"f\":0.0},"), first);
        assertTrue(first.contains("{ a | data 2.0000 | grad 0.0000 }"), first);
        // The output first, then the three operations (*, +, *), each highlighted with its operation.
        String second = Playground.backwardFrame(L, v, 1, false);
        assertEquals(2, second.split("fillcolor", -1).length - 1, second);
        assertTrue(second.contains("\"caption\":\"the '*' node (data -8.0000) passes its gradient 1.0000 on to"
                + " '+' node (data 4.0000) and node f\""), second);
        assertTrue(second.contains("\"grads\":{\"a\":0.0,\"b\":0.0,\"c\":0.0,\"f\":4.0}"),
                "the table shows the frame's gradients: " + second);
        String last = Playground.backwardFrame(L, v, 99, false);
        assertTrue(last.startsWith("{\"frame\":3.0,\"frames\":4.0,"), "held to the last frame: " + last);
        assertTrue(last.contains("{ a | data 2.0000 | grad 6.0000 }"), last);
        assertTrue(last.contains("{ b | data -3.0000 | grad -4.0000 }"), last);
        assertTrue(last.contains("\"grads\":{\"a\":6.0,\"b\":-4.0,\"c\":-2.0,\"f\":4.0}"), last);
    }

    @Test
    void aFrameOfAThousandProductsIsBuiltAlone() {
        StringBuilder expression = new StringBuilder();
        Map<String, Double> v = new LinkedHashMap<>();
        for (int i = 0; i < 1000; i++) {
            expression.append(i == 0 ? "" : " + ").append("a").append(i).append("*b").append(i);
            v.put("a" + i, (double) i);
            v.put("b" + i, 2.0);
        }
        String frame = Playground.backwardFrame(expression.toString(), v, 1500, false);
        assertTrue(frame.startsWith("{\"frame\":1500.0,\"frames\":2000.0,"), frame.substring(0, 80));
        String end = Playground.backwardFrame(expression.toString(), v, 1999, false);
        assertTrue(end.contains("\"a999\":2.0,\"b999\":999.0}"), "every gradient in place at the end");
    }

    @Test
    void theLecturesEqualsForPlusEqualsLosesAGradient() {
        // b = a + a: d(b)/d(a) is 2, but a step that sets a's gradient twice leaves 1; a * a leaves a, not 2a.
        assertTrue(Playground.evaluate("a + a", Map.of("a", 3.0), false).contains("\"grads\":{\"a\":2.0}"));
        assertTrue(Playground.evaluate("a + a", Map.of("a", 3.0), true).contains("\"grads\":{\"a\":1.0}"));
        assertTrue(Playground.evaluate("a * a", Map.of("a", 3.0), true).contains("\"grads\":{\"a\":3.0}"));
        // The lecture's second example: d = a * b, e = a + b, f = d * e; a used in two places keeps only its last part.
        Map<String, Double> v = Map.of("a", -2.0, "b", 3.0);
        assertTrue(Playground.evaluate("(a*b) * (a + b)", v, false).contains("\"grads\":{\"a\":-3.0,\"b\":-8.0}"),
                Playground.evaluate("(a*b) * (a + b)", v, false));
        String wrong = Playground.evaluate("(a*b) * (a + b)", v, true);
        assertTrue(wrong.contains("\"grads\":{\"a\":-6.0,\"b\":-6.0}") || wrong.contains("\"grads\":{\"a\":3.0,\"b\":-2.0}"), wrong);
        assertTrue(Playground.backwardFrame("a + a", Map.of("a", 3.0), 1, true).contains("\"grads\":{\"a\":1.0}"));
    }
}
