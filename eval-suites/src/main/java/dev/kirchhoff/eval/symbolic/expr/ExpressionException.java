package dev.kirchhoff.eval.symbolic.expr;

/**
 * An expression that could not be read: where (0-based character position in the text) and what was expected there.
 * Immutable.
 */
public final class ExpressionException extends IllegalArgumentException {

    private final int position;
    private final String expected;

    public ExpressionException(String text, int position, String expected, String found) {
        super("Cannot read the expression at position " + position + ": expected " + expected + " but found " + found
                + " in '" + text + "'. Write it in sympy syntax (R2/(R1 + R2)) or LaTeX (\\frac{R_2}{R_1+R_2}).");
        this.position = position;
        this.expected = expected;
    }

    /** The 0-based character position of the problem in the text. */
    public int position() {
        return position;
    }

    /** What the parser expected at that position, in words. */
    public String expected() {
        return expected;
    }
}
