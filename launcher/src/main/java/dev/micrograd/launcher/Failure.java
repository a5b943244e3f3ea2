package dev.micrograd.launcher;

/** A failure the user can act on: printed as one line, exit code 1. */
final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
        super(message);
    }
}
