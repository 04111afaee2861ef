package io.jresty.core.dynacode;

/**
 * A string that counts how often a regex engine reads it and gives up past a limit, so
 * catastrophic backtracking on a client-chosen host costs a bounded amount of work.
 */
final class StepLimitedText implements CharSequence {
    private final String text;
    private final int[] steps;
    private final int limit;

    StepLimitedText(String text, int limit) {
        this(text, new int[1], limit);
    }

    private StepLimitedText(String text, int[] steps, int limit) {
        this.text = text;
        this.steps = steps;
        this.limit = limit;
    }

    /** Thrown when the limit is hit; no stack trace, it is expected control flow. */
    static final class TooManySteps extends RuntimeException {
        TooManySteps() {
            super(null, null, false, false);
        }
    }

    @Override
    public char charAt(int index) {
        if (++steps[0] > limit) {
            throw new TooManySteps();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new StepLimitedText(text.substring(start, end), steps, limit);
    }

    @Override
    public String toString() {
        return text;
    }
}
