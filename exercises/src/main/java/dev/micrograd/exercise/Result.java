package dev.micrograd.exercise;

import java.util.List;

/**
 * The outcome of one check.
 *
 * @param details lines that explain a failure: expected and actual, or the reason, then the hint
 */
public record Result(int number, String name, boolean passed, List<String> details) {
}
