package dev.micrograd.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a check's ask part sends back from the checking JVM: a few numbers or lines of text. The supervisor
 * treats it as untrusted data: the accessors turn anything malformed into a {@link Mismatch}.
 */
public final class Answer {
    private final List<String> fields;

    private Answer(List<String> fields) {
        this.fields = List.copyOf(fields);
    }

    /** One number; Double.toString gives the exact double back. */
    public static Answer number(double x) {
        return new Answer(List.of(Double.toString(x)));
    }

    public static Answer numbers(double... xs) {
        Objects.requireNonNull(xs, "numbers");
        List<String> fields = new ArrayList<>();
        for (double x : xs) {
            fields.add(Double.toString(x));
        }
        return new Answer(fields);
    }

    public static Answer text(String text) {
        return new Answer(List.of(String.valueOf(text)));
    }

    /** Lines of text; a null line is sent as "null". */
    public static Answer texts(List<String> lines) {
        List<String> fields = new ArrayList<>();
        for (String line : lines) {
            fields.add(String.valueOf(line));
        }
        return new Answer(fields);
    }

    /** The fields as they travel, for the channel. */
    List<String> fields() {
        return fields;
    }

    static Answer ofFields(List<String> fields) {
        return new Answer(fields);
    }

    public double number() {
        return numbers(1)[0];
    }

    /** The answer's numbers; a mismatch when there are not {@code count} of them (-1: any count). */
    public double[] numbers(int count) {
        if (count >= 0 && fields.size() != count) {
            throw new Mismatch(count + " number(s)", fields.size() + " field(s) in the answer");
        }
        double[] xs = new double[fields.size()];
        for (int i = 0; i < xs.length; i++) {
            try {
                xs[i] = Double.parseDouble(fields.get(i));
            } catch (NumberFormatException e) {
                throw new Mismatch("a number", "'" + fields.get(i) + "', not a number");
            }
        }
        return xs;
    }

    public double[] numbers() {
        return numbers(-1);
    }

    public int integer() {
        double x = number();
        if (x != Math.rint(x) || Math.abs(x) > Integer.MAX_VALUE) {
            throw new Mismatch("a whole number", Double.toString(x));
        }
        return (int) x;
    }

    public String text() {
        if (fields.size() != 1) {
            throw new Mismatch("one line of text", fields.size() + " field(s) in the answer");
        }
        return fields.get(0);
    }

    public List<String> texts() {
        return fields;
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
