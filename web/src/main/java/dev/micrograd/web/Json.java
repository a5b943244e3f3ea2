package dev.micrograd.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The little JSON the page and Java exchange, written by hand so the JVM and the browser produce the
 * same text: numbers as {@link Double#toString}, which reads back to the same double.
 */
public final class Json {
    private final StringBuilder out = new StringBuilder("{");

    /** Adds {@code "name": value}. */
    public Json number(String name, double value) {
        return key(name).append(out, value);
    }

    public Json string(String name, String value) {
        key(name);
        quote(out, value);
        return this;
    }

    /** Adds {@code "name": {key: number, ...}} in the map's order. */
    public Json numbers(String name, Map<String, Double> values) {
        key(name);
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            out.append(first ? "" : ",");
            first = false;
            quote(out, e.getKey());
            out.append(':');
            append(out, e.getValue());
        }
        out.append('}');
        return this;
    }

    /** Adds {@code "name": raw}, where raw is JSON already. */
    public Json raw(String name, String raw) {
        key(name).out.append(raw);
        return this;
    }

    @Override
    public String toString() {
        return out + "}";
    }

    /** {@code {"error": message}}. */
    public static String error(String message) {
        return new Json().string("error", message).toString();
    }

    private Json key(String name) {
        if (out.length() > 1) {
            out.append(',');
        }
        quote(out, name);
        out.append(':');
        return this;
    }

    private Json append(StringBuilder to, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            // JSON has no NaN or infinities: they travel as the strings "NaN", "Infinity" and "-Infinity".
            quote(to, Double.toString(value));
        } else {
            to.append(Double.toString(value));
        }
        return this;
    }

    /** Writes {@code text} as a JSON string, escaping quotes, backslashes and control characters. */
    static void quote(StringBuilder to, String text) {
        to.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"':
                    to.append("\\\"");
                    break;
                case '\\':
                    to.append("\\\\");
                    break;
                case '\n':
                    to.append("\\n");
                    break;
                case '\t':
                    to.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        String hex = Integer.toHexString(c);
                        to.append("\\u").append("0000".substring(hex.length())).append(hex);
                    } else {
                        to.append(c);
                    }
            }
        }
        to.append('"');
    }

    /**
     * Reads a flat object of numbers, {@code {"a": 2, "b": -3.5}}, as the page sends variable values;
     * a malformed text throws an IllegalArgumentException that says what is wrong and where.
     */
    public static Map<String, Double> readNumbers(String json) {
        Map<String, Double> values = new LinkedHashMap<>();
        String s = json == null ? "" : json;
        int[] pos = {0};
        skip(s, pos);
        expect(s, pos, '{');
        skip(s, pos);
        if (peek(s, pos) == '}') {
            pos[0]++;
        } else {
            while (true) {
                skip(s, pos);
                String name = readString(s, pos);
                skip(s, pos);
                expect(s, pos, ':');
                skip(s, pos);
                values.put(name, readNumber(s, pos));
                skip(s, pos);
                if (peek(s, pos) == ',') {
                    pos[0]++;
                    continue;
                }
                expect(s, pos, '}');
                break;
            }
        }
        skip(s, pos);
        if (pos[0] != s.length()) {
            throw bad(s, pos, "unexpected text after the object");
        }
        return values;
    }

    private static String readString(String s, int[] pos) {
        expect(s, pos, '"');
        StringBuilder text = new StringBuilder();
        while (pos[0] < s.length() && s.charAt(pos[0]) != '"') {
            char c = s.charAt(pos[0]++);
            if (c == '\\') {
                if (pos[0] >= s.length()) {
                    break;
                }
                char e = s.charAt(pos[0]++);
                text.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
            } else {
                text.append(c);
            }
        }
        expect(s, pos, '"');
        return text.toString();
    }

    private static double readNumber(String s, int[] pos) {
        int start = pos[0];
        while (pos[0] < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos[0])) >= 0) {
            pos[0]++;
        }
        try {
            return Double.parseDouble(s.substring(start, pos[0]));
        } catch (NumberFormatException e) {
            pos[0] = start;
            throw bad(s, pos, "a number was expected");
        }
    }

    private static void expect(String s, int[] pos, char c) {
        if (peek(s, pos) != c) {
            throw bad(s, pos, "'" + c + "' was expected");
        }
        pos[0]++;
    }

    private static char peek(String s, int[] pos) {
        return pos[0] < s.length() ? s.charAt(pos[0]) : '\0';
    }

    private static void skip(String s, int[] pos) {
        while (pos[0] < s.length() && Character.isWhitespace(s.charAt(pos[0]))) {
            pos[0]++;
        }
    }

    private static IllegalArgumentException bad(String s, int[] pos, String what) {
        return new IllegalArgumentException("the values " + s + " are not a JSON object of numbers: " + what
                + " at column " + (pos[0] + 1));
    }
}
