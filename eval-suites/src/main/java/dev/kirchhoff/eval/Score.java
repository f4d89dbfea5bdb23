package dev.kirchhoff.eval;

/**
 * The verdict on one answer. Immutable.
 *
 * @param value    0 to 1 (1 for a correct choice; a judge's graded score for open answers)
 * @param correct  whether it counts towards accuracy
 * @param method   how it was scored ({@code choice}, {@code set}, {@code numeric}, {@code symbolic},
 *                 {@code llm-judge}, {@code similarity}, {@code design})
 * @param official whether the method is the suite's official one; the similarity fallback for open answers is not
 * @param detail   one line a reader can check: the extracted answer and the reference, the points that agreed
 */
public record Score(double value, boolean correct, String method, boolean official, String detail) {
    public Score {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("score value must be within 0..1, was " + value);
        }
        detail = detail == null ? "" : detail;
    }

    public static Score right(String method, String detail) {
        return new Score(1, true, method, true, detail);
    }

    public static Score wrong(String method, String detail) {
        return new Score(0, false, method, true, detail);
    }
}
