package dev.micrograd.exercise;

import java.util.List;
import java.util.Locale;

/** The outcomes of every check of one exercise file. */
public record Report(List<Result> results) {
    public long passed() {
        return results.stream().filter(Result::passed).count();
    }

    public long failed() {
        return results.size() - passed();
    }

    /** The line that ends every run: {@code N passed, N failed}. */
    public String summary() {
        return String.format(Locale.ROOT, "%d passed, %d failed", passed(), failed());
    }
}
