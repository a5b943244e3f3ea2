package dev.micrograd.web;

import dev.micrograd.engine.Value;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** Longer than any expression a reader types; a longer text gets a message, not a frozen page. */
    static final int MAX_LENGTH = 50_000;

    private final List<Step> program;
    private final List<String> variables;
    private final Map<String, Integer> columns;

    private Expression(List<Step> program, List<String> variables, Map<String, Integer> columns) {
        this.program = program;
        this.variables = variables;
        this.columns = columns;
    }

    /** Reads {@code text}; a mistake throws an {@link ExpressionException} that names the column. */
    public static Expression parse(String text) {
        Parser parser = new Parser(text == null ? "" : text);
        parser.whole();
        return new Expression(parser.program, Collections.unmodifiableList(new ArrayList<>(parser.names)), parser.columns);
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
                throw new ExpressionException("no value for the variable '" + shorten(name) + "'", columns.get(name));
            }
            leaves.put(name, Value.of(v.doubleValue(), name));
        }
        return run(program, leaves);
    }

    /** A name as a message shows it: a long one cut to its first 30 characters, so no name can flood the page. */
    static String shorten(String name) {
        return name.length() <= 32 ? name : name.substring(0, 30) + "\u2026";
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

    // ---- the program: the tree in postfix order, built with a stack, so no length makes it recurse ----

    /** One instruction: pushes a leaf or a number, or replaces the top one or two values with a new node. */
    private record Step(char kind, double number, String name) {
        static final char NUMBER = 'n';
        static final char VARIABLE = 'v';
        static final char NEGATE = '~';
        static final char POWER = '^';
        static final char CALL = 'f';
    }

    private static Value run(List<Step> program, Map<String, Value> leaves) {
        Value[] stack = new Value[16];
        int top = -1;
        for (Step s : program) {
            if (top + 2 >= stack.length) {
                stack = Arrays.copyOf(stack, stack.length * 2);
            }
            switch (s.kind()) {
                case Step.NUMBER:
                    stack[++top] = Value.of(s.number());
                    break;
                case Step.VARIABLE:
                    stack[++top] = leaves.get(s.name());
                    break;
                case Step.NEGATE:
                    stack[top] = stack[top].neg();
                    break;
                case Step.POWER:
                    stack[top] = stack[top].pow(s.number());
                    break;
                case Step.CALL:
                    stack[top] = call(s.name(), stack[top]);
                    break;
                default:
                    Value b = stack[top--];
                    stack[top] = binary(s.kind(), stack[top], b);
            }
        }
        return stack[0];
    }

    private static Value binary(char op, Value a, Value b) {
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

    private static Value call(String function, Value x) {
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

    // ---- reading ----------------------------------------------------------------------------

    /** A recursive-descent reader over the characters, one method per grammar rule. */
    private static final class Parser {
        private final String text;
        private int pos;
        private int depth;
        final List<String> names = new ArrayList<>();
        final List<Step> program = new ArrayList<>();
        /** The column where each name first appears, for the message when its value is missing. */
        final Map<String, Integer> columns = new LinkedHashMap<>();

        Parser(String text) {
            this.text = text;
        }

        void whole() {
            if (text.length() > MAX_LENGTH) {
                throw new ExpressionException("the expression is " + text.length() + " characters long; the playground"
                        + " reads at most " + MAX_LENGTH, MAX_LENGTH + 1);
            }
            skipSpaces();
            if (pos == text.length()) {
                throw new ExpressionException("the expression is empty: type one, like (a*b + c) * f", 1);
            }
            sum();
            skipSpaces();
            if (pos < text.length()) {
                char c = text.charAt(pos);
                throw new ExpressionException(c == ')' ? "a ')' without its '('"
                        : "unexpected '" + c + "': an operator (+ - * / ^) is missing before it", column());
            }
        }

        private void sum() {
            enter();
            product();
            while (true) {
                skipSpaces();
                if (peek('+') || peek('-')) {
                    char op = text.charAt(pos++);
                    product();
                    emit(op);
                } else {
                    depth--;
                    return;
                }
            }
        }

        private void product() {
            unary();
            while (true) {
                skipSpaces();
                if (peek('*') && !peekAt(pos + 1, '*') || peek('/')) {
                    char op = text.charAt(pos++);
                    unary();
                    emit(op);
                } else {
                    return;
                }
            }
        }

        private void unary() {
            skipSpaces();
            if (peek('-') || peek('+')) {
                boolean minus = text.charAt(pos++) == '-';
                enter();
                unary();
                depth--;
                if (minus) {
                    emit(Step.NEGATE);
                }
                return;
            }
            power();
        }

        private void power() {
            atom();
            skipSpaces();
            int opColumn = column();
            int length = peek('^') ? 1 : peek('*') && peekAt(pos + 1, '*') ? 2 : 0;
            if (length == 0) {
                return;
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
            program.add(new Step(Step.POWER, exponent, null));
        }

        private void atom() {
            skipSpaces();
            if (pos == text.length()) {
                throw new ExpressionException("the expression ends too early: a number, a name or '(' is missing",
                        column());
            }
            char c = text.charAt(pos);
            if (startsNumber()) {
                program.add(new Step(Step.NUMBER, number(pos), null));
                return;
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
                    sum();
                    close(start + name.length() + 1);
                    program.add(new Step(Step.CALL, 0, name));
                    return;
                }
                if (call) {
                    throw new ExpressionException("unknown function '" + shorten(name) + "': the functions are "
                            + String.join(", ", FUNCTIONS), start + 1);
                }
                if (!columns.containsKey(name)) {
                    names.add(name);
                    columns.put(name, start + 1);
                }
                program.add(new Step(Step.VARIABLE, 0, name));
                return;
            }
            if (c == '(') {
                int open = column();
                pos++;
                sum();
                close(open);
                return;
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

        private void emit(char operation) {
            program.add(new Step(operation, 0, null));
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
