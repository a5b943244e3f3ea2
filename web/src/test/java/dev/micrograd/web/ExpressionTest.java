package dev.micrograd.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.micrograd.engine.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expression grammar: precedence, the engine's own methods, and messages that name the column. */
class ExpressionTest {

    private static double eval(String text, Map<String, Double> values) {
        return Expression.parse(text).build(values).data();
    }

    @Test
    void theLExampleBuildsTheEnginesGraph() {
        Expression e = Expression.parse("(a*b + c) * f");
        assertEquals(List.of("a", "b", "c", "f"), e.variables());
        Map<String, Double> values = Map.of("a", 2.0, "b", -3.0, "c", 10.0, "f", -2.0);
        Value L = e.build(values);
        Value a = Value.of(2.0, "a");
        Value b = Value.of(-3.0, "b");
        Value expected = a.mul(b).add(Value.of(10.0, "c")).mul(Value.of(-2.0, "f"));
        assertEquals(expected.data(), L.data());
        L.backward();
        assertEquals(6.0, Expression.leaves(L).get("a").grad());
        assertEquals(-4.0, Expression.leaves(L).get("b").grad());
        assertEquals(List.of("*"), List.of(L.op()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1 + 2 * 3 | 7",
        "(1 + 2) * 3 | 9",
        "2 - 3 - 4 | -5",
        "8 / 4 / 2 | 1",
        "-2^2 | -4",
        "(-2)^2 | 4",
        "2**3 | 8",
        "4^-1 | 0.25",
        "4 ** 0.5 | 2",
        "--3 | 3",
        "+3 | 3",
        "2 * -3 | -6",
        "relu(-1) + relu(2) | 2",
        "1.5e2 + .5 | 150.5",
        "exp(0) + log(1) + tanh(0) + sigmoid(0) | 1.5",
    })
    void precedenceAndFunctions(String text, double expected) {
        assertEquals(expected, eval(text, Map.of()), 1e-15, text);
    }

    @Test
    void eachOperatorIsTheEnginesMethod() {
        Map<String, Double> v = Map.of("a", 1.5, "b", -0.25);
        Value a = Value.of(1.5, "a");
        Value b = Value.of(-0.25, "b");
        assertEquals(a.sub(b).data(), eval("a - b", v));
        assertEquals(a.div(b).data(), eval("a / b", v));
        assertEquals(a.neg().data(), eval("-a", v));
        assertEquals(a.pow(-1).data(), eval("a^-1", v));
        assertEquals(a.exp().log().tanh().relu().sigmoid().data(), eval("sigmoid(relu(tanh(log(exp(a)))))", v));
        assertEquals("+", Expression.parse("a - b").build(v).op(), "sub is add of the negated b");
        assertEquals("*", Expression.parse("a / b").build(v).op(), "div is a times b^-1");
    }

    @Test
    void aVariableUsedTwiceIsOneLeaf() {
        Value y = Expression.parse("x * x").build(Map.of("x", 3.0));
        assertSame(y.children().get(0), y.children().get(1));
        y.backward();
        assertEquals(6.0, y.children().get(0).grad());
        assertEquals(List.of("x"), Expression.parse("x*x + x").variables());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''| the expression is empty: type one, like (a*b + c) * f at column 1",
        "a +* b | unexpected '*': expected a number, a name or '(' at column 4",
        "a + | the expression ends too early: a number, a name or '(' is missing at column 4",
        "(a + b | the '(' at column 1 is not closed: ')' is missing at column 7",
        "a + b) | a ')' without its '(' at column 6",
        "a b | unexpected 'b': an operator (+ - * / ^) is missing before it at column 3",
        "x^y | the exponent after '^' must be a number, like x^2 or x^-1 at column 3",
        "x ** (2) | the exponent after '**' must be a number, like x^2 or x^-1 at column 6",
        "x^2^3 | a power of a power needs parentheses, like (x^2)^3 at column 4",
        "foo(x) | unknown function 'foo': the functions are tanh, exp, log, relu, sigmoid at column 1",
        "2 * tanh + 1 | 'tanh' is a function: write tanh(...) at column 5",
        "tanh() | a number, a name or '(' is missing before ')' at column 6",
        "a # b | unexpected '#': an operator (+ - * / ^) is missing before it at column 3",
        "() | a number, a name or '(' is missing before ')' at column 2",
        "1e999 | the number 1e999 is too large for a double at column 1",
    })
    void mistakesSayWhatAndWhere(String text, String message) {
        assertEquals(message, assertThrows(ExpressionException.class, () -> Expression.parse(text)).getMessage());
    }

    @Test
    void deepNestingIsAMessageNotAStackOverflow() {
        String deep = "(".repeat(5000) + "x" + ")".repeat(5000);
        ExpressionException e = assertThrows(ExpressionException.class, () -> Expression.parse(deep));
        assertEquals("the expression is nested more than 100 levels deep at column 101", e.getMessage());
        assertEquals(101, e.column(), "the 101st (");
        assertEquals(1.0, eval("(".repeat(50) + "x" + ")".repeat(50), Map.of("x", 1.0)));
    }

    @Test
    void aMissingValueIsNamed() {
        ExpressionException e = assertThrows(ExpressionException.class,
                () -> Expression.parse("a * b + b").build(Map.of("a", 1.0)));
        assertEquals("no value for the variable 'b' at column 5", e.getMessage());
    }

    @Test
    void aLongSumBuildsWithoutRecursionAndTooLongIsAMessage() {
        String sum = "a" + "+a".repeat(20_000);
        Value y = Expression.parse(sum).build(Map.of("a", 1.0));
        assertEquals(20_001.0, y.data());
        y.backward();
        assertEquals(20_001.0, Expression.leaves(y).get("a").grad());
        String tooLong = "a" + "+a".repeat(50_000);
        ExpressionException e = assertThrows(ExpressionException.class, () -> Expression.parse(tooLong));
        assertEquals("the expression is 100001 characters long; the playground reads at most 50000 at column 50001",
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"constructor", "toString", "valueOf", "hasOwnProperty", "__proto__", "prototype", "_", "x__1"})
    void namesThatMeanSomethingToJavaScriptAreJustNames(String name) {
        Expression e = Expression.parse(name + " * 2");
        assertEquals(List.of(name), e.variables());
        assertEquals(6.0, e.build(Map.of(name, 3.0)).data());
    }

    @Test
    void aLongNameIsShortenedInMessages() {
        String name = "x".repeat(1000);
        ExpressionException e = assertThrows(ExpressionException.class, () -> Expression.parse(name + "(1)"));
        assertEquals("unknown function '" + "x".repeat(30) + "\u2026': the functions are tanh, exp, log, relu, sigmoid"
                + " at column 1", e.getMessage());
    }
}
