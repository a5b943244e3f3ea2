package dev.micrograd.exercise;

import java.util.List;
import java.util.Locale;

/** The outcomes of every check of one exercise file; a bonus check that did not pass is open, not failed. */
public record Report(List<Result> results) {
    public long passed() {
        return results.stream().filter(Result::passed).count();
    }

    public long failed() {
        return results.stream().filter(r -> !r.passed() && !Points.bonus(r.name())).count();
    }

    /** The bonus checks that did not pass. */
    public long open() {
        return results.size() - passed() - failed();
    }

    /** The line that ends every run: {@code N passed, N failed}, and the bonus checks still open if any. */
    public String summary() {
        String line = String.format(Locale.ROOT, "%d passed, %d failed", passed(), failed());
        return open() == 0 ? line : line + String.format(Locale.ROOT, ", %d bonus %s open", open(),
                open() == 1 ? "check" : "checks");
    }
}
