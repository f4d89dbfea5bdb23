package dev.kirchhoff.eval.score;

import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.Response;
import dev.kirchhoff.eval.Score;
import dev.kirchhoff.eval.Scorer;
import dev.kirchhoff.eval.symbolic.Complex;
import dev.kirchhoff.eval.symbolic.expr.Expr;
import dev.kirchhoff.eval.symbolic.expr.ExpressionException;
import dev.kirchhoff.eval.symbolic.expr.ExpressionParser;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores an expression the way CircuitSense does, by value: the answer ({@link AnswerExtractor#symbolic}) and the
 * reference are evaluated at {@value #POINTS} points, and the answer passes when at least 60 % of the points where
 * the reference is finite agree within 0.5 % relative or 1e-5 absolute. Method {@code symbolic}. Immutable and
 * thread-safe.
 *
 * <p>The points are reproducible: each symbol's values come from a {@link Random} seeded with {@value #SEED} and the
 * symbol's name, so a symbol gets the same values whatever other symbols the item has. Ranges, drawn log-uniformly:
 * <ul>
 *   <li>a name starting with {@code R} or {@code r} (resistances, {@code ro}): 1 to 1e3;</li>
 *   <li>{@code C...}: 1e-9 to 1e-6; {@code L...}: 1e-6 to 1e-3;</li>
 *   <li>{@code G...} or {@code g...} (conductances, {@code gm}): 1e-3 to 1;</li>
 *   <li>{@code s}: a fixed grid, point k at f = 10^(2 + 6k/35) Hz (100 Hz to 100 MHz, six points a decade),
 *       s = j2&pi;f, and every fourth point with a real part, s = 2&pi;f(0.3 + j). The grid spans the corners the
 *       R and C ranges give (1/2&pi;RC from 160 Hz to 160 MHz); starting it at 10 Hz instead put more points on the
 *       flat low-frequency part, where an answer missing a frequency term still agrees (a dropped sRC term in an
 *       RLC low-pass agreed at 21 of 36 points there, 16 with this grid; 22 pass);</li>
 *   <li>anything else (gains {@code A}, {@code Ad}, {@code K}, {@code mu}, {@code beta}, sources): 1 to 100.</li>
 * </ul>
 *
 * <p>Sign: one sign is chosen per item, not per point: the answer is compared as written and negated, and the better
 * count is taken, so a transfer function with the opposite sign convention passes, but an answer that only agrees
 * with +ref at some points and -ref at others does not add the two up.
 *
 * <p>A symbol in the answer that the reference lacks makes it wrong, with the symbol named. Caveat of the criterion
 * (kept because it is CircuitSense's): where both values are below 1e-5 in magnitude they agree by the absolute test.
 */
public final class SymbolicScorer implements Scorer {

    public static final String METHOD = "symbolic";
    public static final int POINTS = 36;
    public static final long SEED = 36_0605L;
    public static final double RELATIVE = 0.005;
    public static final double ABSOLUTE = 1e-5;
    public static final double PASS_FRACTION = 0.6;

    @Override
    public Score score(EvalItem item, Response response) {
        Expr reference;
        try {
            reference = ExpressionParser.parse(rightHandSide(item.reference()));
        } catch (ExpressionException e) {
            throw new IllegalArgumentException("Item " + item.id() + " (" + item.source() + ") has a reference the "
                    + "scorer cannot read: " + e.getMessage(), e);
        }
        AnswerExtractor.Extracted extracted = AnswerExtractor.symbolic(response.text());
        if (!extracted.found() || extracted.value().isBlank()) {
            return Score.wrong(METHOD, "no expression found in the answer (no <answer> tag, \\boxed{}, display "
                    + "formula or line with '=')");
        }
        Expr answer;
        try {
            answer = ExpressionParser.parse(extracted.value(), reference.symbols());
        } catch (ExpressionException e) {
            return Score.wrong(METHOD, "the answer '" + extracted.value() + "' (" + extracted.place().label()
                    + ") could not be read: " + e.getMessage());
        }
        return compare(answer, reference, extracted.value());
    }

    /** Compares two parsed expressions at the seeded points. */
    public Score compare(Expr answer, Expr reference, String answerText) {
        Set<String> extra = new TreeSet<>(answer.symbols());
        extra.removeAll(reference.symbols());
        if (!extra.isEmpty()) {
            return Score.wrong(METHOD, "the answer '" + answerText + "' uses " + String.join(", ", extra)
                    + ", which the reference does not have");
        }
        Set<String> symbols = new TreeSet<>(reference.symbols());
        symbols.addAll(answer.symbols());
        Map<String, Complex[]> values = new HashMap<>();
        for (String name : symbols) {
            values.put(name, samples(name));
        }
        int valid = 0;
        int same = 0;
        int negated = 0;
        for (int k = 0; k < POINTS; k++) {
            Map<String, Complex> point = new HashMap<>();
            for (String name : symbols) {
                point.put(name, values.get(name)[k]);
            }
            Complex r = reference.evaluate(point);
            if (!r.isFinite()) {
                continue;
            }
            valid++;
            Complex a = answer.evaluate(point);
            if (!a.isFinite()) {
                continue;
            }
            if (agree(a, r)) {
                same++;
            }
            if (agree(a.negate(), r)) {
                negated++;
            }
        }
        if (valid == 0) {
            return Score.wrong(METHOD, "the reference is not finite at any of the " + POINTS + " points");
        }
        boolean flipped = negated > same;
        int agreed = Math.max(same, negated);
        boolean ok = agreed >= PASS_FRACTION * valid;
        String detail = agreed + " of " + valid + " points agree" + (flipped ? " (with the sign flipped)" : "")
                + (valid < POINTS ? ", " + (POINTS - valid) + " dropped where the reference is not finite" : "")
                + "; need 60 %; answer " + answerText;
        return ok ? Score.right(METHOD, detail) : Score.wrong(METHOD, detail);
    }

    private static boolean agree(Complex a, Complex r) {
        double diff = a.minus(r).abs();
        return diff <= ABSOLUTE || diff <= RELATIVE * r.abs();
    }

    /** The {@value #POINTS} values of one symbol. */
    static Complex[] samples(String name) {
        Complex[] out = new Complex[POINTS];
        if (name.equals("s")) {
            for (int k = 0; k < POINTS; k++) {
                double w = 2 * Math.PI * Math.pow(10, 2 + 6.0 * k / (POINTS - 1));
                out[k] = k % 4 == 3 ? new Complex(0.3 * w, w) : new Complex(0, w);
            }
            return out;
        }
        double lo;
        double hi;
        char c = name.charAt(0);
        if (c == 'R' || c == 'r') {
            lo = 1;
            hi = 1e3;
        } else if (c == 'C') {
            lo = 1e-9;
            hi = 1e-6;
        } else if (c == 'L') {
            lo = 1e-6;
            hi = 1e-3;
        } else if (c == 'G' || c == 'g') {
            lo = 1e-3;
            hi = 1;
        } else {
            lo = 1;
            hi = 100;
        }
        Random random = new Random(SEED * 1_000_003L + name.hashCode());
        for (int k = 0; k < POINTS; k++) {
            out[k] = Complex.real(lo * Math.pow(hi / lo, random.nextDouble()));
        }
        return out;
    }

    /** The right-hand side of the last {@code =}, so a reference written {@code H(s) = ...} reads too. */
    private static String rightHandSide(String text) {
        int eq = text.lastIndexOf('=');
        return eq >= 0 ? text.substring(eq + 1) : text;
    }
}
