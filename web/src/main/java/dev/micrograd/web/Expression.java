package dev.micrograd.web;

import dev.micrograd.engine.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An expression the reader types, such as {@code tanh(x1*w1 + x2*w2 + b)}, read once and then built into
 * engine values for any values of its variables; every operator is the engine's own method.
 *
 * <pre>
 * sum     = product (("+" | "-") product)*
 * product = unary (("*" | "/") unary)*
 * unary   = ("-" | "+") unary | power
 * power   = atom (("^" | "**") ["-" | "+"] number)?
 * atom    = number | name | function "(" sum ")" | "(" sum ")"
 * </pre>
 */
public final class Expression {
    /** The functions a name followed by "(" may call. */
    public static final List<String> FUNCTIONS = List.of("tanh", "exp", "log", "relu", "sigmoid");
    /** Deeper nesting than any reader types; the limit keeps the reading and building recursion small. */
    static final int MAX_DEPTH = 100;

    private final Node root;
    private final List<String> variables;
    private final Map<String, Integer> columns;

    private Expression(Node root, List<String> variables, Map<String, Integer> columns) {
        this.root = root;
        this.variables = variables;
        this.columns = columns;
    }

    /** Reads {@code text}; a mistake throws an {@link ExpressionException} that names the column. */
    public static Expression parse(String text) {
        Parser parser = new Parser(text == null ? "" : text);
        Node root = parser.whole();
        return new Expression(root, Collections.unmodifiableList(new ArrayList<>(parser.names)), parser.columns);
    }

    /** The variable names, in the order they first appear. */
    public List<String> variables() {
        return variables;
    }

    /**
     * The engine's graph for these variable values: one leaf per variable, labelled with its name, so a
     * variable used twice is one node used twice. A missing value throws an ExpressionException.
     */
    public Value build(Map<String, Double> values) {
        Map<String, Value> leaves = new LinkedHashMap<>();
        for (String name : variables) {
            Double v = values.get(name);
            if (v == null) {
                throw new ExpressionException("no value for the variable '" + name + "'", columns.get(name));
            }
            leaves.put(name, Value.of(v.doubleValue(), name));
        }
        return root.build(leaves);
    }

    /** The leaves of a graph built by {@link #build}, by variable name. */
    public static Map<String, Value> leaves(Value root) {
        Map<String, Value> leaves = new LinkedHashMap<>();
        for (Value v : root.topologicalOrder()) {
            if (v.isLeaf() && !v.label().isEmpty()) {
                leaves.putIfAbsent(v.label(), v);
            }
        }
        return leaves;
    }

    // ---- the tree ---------------------------------------------------------------------------

    private interface Node {
        Value build(Map<String, Value> leaves);
    }

    private record Number(double value) implements Node {
        @Override
        public Value build(Map<String, Value> leaves) {
            return Value.of(value);
        }
    }

    private record Variable(String name) implements Node {
        @Override
        public Value build(Map<String, Value> leaves) {
            return leaves.get(name);
        }
    }

    private record Negate(Node operand) implements Node {
        @Override
        public Value build(Map<String, Value> leaves) {
            return operand.build(leaves).neg();
        }
    }

    private record Power(Node base, double exponent) implements Node {
        @Override
        public Value build(Map<String, Value> leaves) {
            return base.build(leaves).pow(exponent);
        }
    }

    private record Binary(char op, Node left, Node right) implements Node {
        @Override
        public Value build(Map<String, Value> leaves) {
            Value a = left.build(leaves);
            Value b = right.build(leaves);
            switch (op) {
                case '+':
                    return a.add(b);
                case '-':
                    return a.sub(b);
                case '*':
                    return a.mul(b);
                default:
                    return a.div(b);
            }
        }
    }

    private record Call(String function, Node argument) implements Node {
        @Override
        public Value build(Map<String, Value> leaves) {
            Value x = argument.build(leaves);
            switch (function) {
                case "tanh":
                    return x.tanh();
                case "exp":
                    return x.exp();
                case "log":
                    return x.log();
                case "relu":
                    return x.relu();
                default:
                    return x.sigmoid();
            }
        }
    }

    // ---- reading ----------------------------------------------------------------------------

    /** A recursive-descent reader over the characters, one method per grammar rule. */
    private static final class Parser {
        private final String text;
        private int pos;
        private int depth;
        final List<String> names = new ArrayList<>();
        /** The column where each name first appears, for the message when its value is missing. */
        final Map<String, Integer> columns = new LinkedHashMap<>();

        Parser(String text) {
            this.text = text;
        }

        Node whole() {
            skipSpaces();
            if (pos == text.length()) {
                throw new ExpressionException("the expression is empty: type one, like (a*b + c) * f", 1);
            }
            Node node = sum();
            skipSpaces();
            if (pos < text.length()) {
                char c = text.charAt(pos);
                throw new ExpressionException(c == ')' ? "a ')' without its '('"
                        : "unexpected '" + c + "': an operator (+ - * / ^) is missing before it", column());
            }
            return node;
        }

        private Node sum() {
            enter();
            Node left = product();
            while (true) {
                skipSpaces();
                if (peek('+') || peek('-')) {
                    char op = text.charAt(pos++);
                    left = new Binary(op, left, product());
                } else {
                    depth--;
                    return left;
                }
            }
        }

        private Node product() {
            Node left = unary();
            while (true) {
                skipSpaces();
                if (peek('*') && !peekAt(pos + 1, '*') || peek('/')) {
                    char op = text.charAt(pos++);
                    left = new Binary(op, left, unary());
                } else {
                    return left;
                }
            }
        }

        private Node unary() {
            skipSpaces();
            if (peek('-') || peek('+')) {
                boolean minus = text.charAt(pos++) == '-';
                enter();
                Node operand = unary();
                depth--;
                return minus ? new Negate(operand) : operand;
            }
            return power();
        }

        private Node power() {
            Node base = atom();
            skipSpaces();
            int opColumn = column();
            int length = peek('^') ? 1 : peek('*') && peekAt(pos + 1, '*') ? 2 : 0;
            if (length == 0) {
                return base;
            }
            pos += length;
            skipSpaces();
            int start = pos;
            if (peek('-') || peek('+')) {
                pos++;
            }
            if (!startsNumber()) {
                throw new ExpressionException("the exponent after '" + text.substring(opColumn - 1, opColumn - 1 + length)
                        + "' must be a number, like x^2 or x^-1", column());
            }
            double exponent = number(start);
            skipSpaces();
            if (peek('^') || peek('*') && peekAt(pos + 1, '*')) {
                throw new ExpressionException("a power of a power needs parentheses, like (x^2)^3", column());
            }
            return new Power(base, exponent);
        }

        private Node atom() {
            skipSpaces();
            if (pos == text.length()) {
                throw new ExpressionException("the expression ends too early: a number, a name or '(' is missing",
                        column());
            }
            char c = text.charAt(pos);
            if (startsNumber()) {
                return new Number(number(pos));
            }
            if (isNameStart(c)) {
                int start = pos;
                while (pos < text.length() && isNamePart(text.charAt(pos))) {
                    pos++;
                }
                String name = text.substring(start, pos);
                skipSpaces();
                boolean call = peek('(');
                if (FUNCTIONS.contains(name)) {
                    if (!call) {
                        throw new ExpressionException("'" + name + "' is a function: write " + name + "(...)",
                                start + 1);
                    }
                    pos++;
                    Node argument = sum();
                    close(start + name.length() + 1);
                    return new Call(name, argument);
                }
                if (call) {
                    throw new ExpressionException("unknown function '" + name + "': the functions are "
                            + String.join(", ", FUNCTIONS), start + 1);
                }
                if (!names.contains(name)) {
                    names.add(name);
                    columns.put(name, start + 1);
                }
                return new Variable(name);
            }
            if (c == '(') {
                int open = column();
                pos++;
                Node inside = sum();
                close(open);
                return inside;
            }
            if (c == ')') {
                throw new ExpressionException("a number, a name or '(' is missing before ')'", column());
            }
            throw new ExpressionException("unexpected '" + c + "': expected a number, a name or '('", column());
        }

        /** Reads the ')' that closes the '(' at column {@code open}. */
        private void close(int open) {
            skipSpaces();
            if (!peek(')')) {
                throw new ExpressionException("the '(' at column " + open + " is not closed: ')' is missing",
                        column());
            }
            pos++;
        }

        /** Reads a number that starts at the current position; {@code start} includes a sign already read. */
        private double number(int start) {
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
            if (peek('.')) {
                pos++;
                while (pos < text.length() && isDigit(text.charAt(pos))) {
                    pos++;
                }
            }
            if (peek('e') || peek('E')) {
                int mark = pos++;
                if (peek('+') || peek('-')) {
                    pos++;
                }
                if (pos < text.length() && isDigit(text.charAt(pos))) {
                    while (pos < text.length() && isDigit(text.charAt(pos))) {
                        pos++;
                    }
                } else {
                    pos = mark;
                }
            }
            String literal = text.substring(start, pos);
            double value = Double.parseDouble(literal);
            if (Double.isInfinite(value)) {
                throw new ExpressionException("the number " + literal + " is too large for a double", start + 1);
            }
            return value;
        }

        private boolean startsNumber() {
            return pos < text.length() && (isDigit(text.charAt(pos))
                    || text.charAt(pos) == '.' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)));
        }

        private void enter() {
            if (++depth > MAX_DEPTH) {
                throw new ExpressionException("the expression is nested more than " + MAX_DEPTH + " levels deep",
                        column());
            }
        }

        private void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private boolean peek(char c) {
            return peekAt(pos, c);
        }

        private boolean peekAt(int at, char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private int column() {
            return pos + 1;
        }

        /** ASCII digits only: Character.isDigit also accepts digits of other scripts, which no number parser reads. */
        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isNameStart(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
        }

        private static boolean isNamePart(char c) {
            return isNameStart(c) || c >= '0' && c <= '9';
        }
    }
}
