package dev.micrograd.web;

/** A typed expression that cannot be read or built, with the column (from 1) where the problem is. */
public final class ExpressionException extends RuntimeException {
    private final int column;

    public ExpressionException(String what, int column) {
        super(what + " at column " + column);
        this.column = column;
    }

    /** The column of the problem, counted from 1. */
    public int column() {
        return column;
    }
}
