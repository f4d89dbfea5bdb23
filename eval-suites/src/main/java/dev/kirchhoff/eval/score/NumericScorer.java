package dev.kirchhoff.eval.score;

import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.Response;
import dev.kirchhoff.eval.Score;
import dev.kirchhoff.eval.Scorer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Scores a value with a unit against the reference within a tolerance: by default 1 % of the reference plus an
 * absolute floor of 1e-15 (which only matters when the reference is 0). Method {@code numeric}. Immutable and
 * thread-safe.
 *
 * <p>The answer is the text answer ({@link AnswerExtractor#text}); of the quantities in it, the last one in the
 * reference's unit is compared, else the last one without a unit (its number is taken as meant in the reference's
 * unit). When every quantity carries another unit ({@code 5 A} for {@code 5 V}) the answer is wrong for that reason.
 * {@code dB} values are compared as numbers of decibels; a ratio answered for a dB reference is not converted.
 */
public final class NumericScorer implements Scorer {

    public static final String METHOD = "numeric";
    public static final double DEFAULT_RELATIVE = 0.01;
    public static final double DEFAULT_ABSOLUTE = 1e-15;

    private final double relative;
    private final double absolute;

    /** 1 % relative, 1e-15 absolute. */
    public NumericScorer() {
        this(DEFAULT_RELATIVE, DEFAULT_ABSOLUTE);
    }

    /**
     * @param relative the relative tolerance ({@code 0.01} is 1 %)
     * @param absolute the absolute floor, in the reference's base unit
     */
    public NumericScorer(double relative, double absolute) {
        if (!(relative >= 0) || !(absolute >= 0)) {
            throw new IllegalArgumentException("The tolerances must be 0 or more, not relative " + relative
                    + " and absolute " + absolute + ".");
        }
        this.relative = relative;
        this.absolute = absolute;
    }

    @Override
    public Score score(EvalItem item, Response response) {
        Quantity reference = reference(item);
        AnswerExtractor.Extracted answer = AnswerExtractor.text(response.text());
        List<Quantity> found = Quantity.findAll(answer.value());
        if (found.isEmpty()) {
            return Score.wrong(METHOD, "no number in the answer; reference " + reference.text());
        }
        Optional<Quantity> pick = pick(found, reference);
        if (pick.isEmpty()) {
            Quantity last = found.get(found.size() - 1);
            return Score.wrong(METHOD, "answered " + last.text() + ": its unit " + last.unit()
                    + " contradicts the reference's " + reference.unit() + " (" + reference.text() + ")");
        }
        return compare(pick.get(), reference);
    }

    /** Compares one quantity with the reference under this scorer's tolerance. */
    Score compare(Quantity answer, Quantity reference) {
        if (answer.hasUnit() && reference.hasUnit() && !answer.unit().equals(reference.unit())) {
            return Score.wrong(METHOD, "answered " + answer.text() + ": its unit " + answer.unit()
                    + " contradicts the reference's " + reference.unit() + " (" + reference.text() + ")");
        }
        double error = Math.abs(answer.value() - reference.value());
        double allowed = Math.max(relative * Math.abs(reference.value()), absolute);
        boolean ok = error <= allowed;
        String off = reference.value() == 0 ? String.format(Locale.ROOT, "off by %.3g", error)
                : String.format(Locale.ROOT, "off by %.3g %%", 100 * error / Math.abs(reference.value()));
        String detail = String.format(Locale.ROOT, "answered %s (%s), reference %s (%s): %s, tolerance %s %%",
                answer.text(), answer.describe(), reference.text(), reference.describe(), off,
                new Quantity(relative * 100, "", "").describe());
        return ok ? Score.right(METHOD, detail) : Score.wrong(METHOD, detail);
    }

    private static Optional<Quantity> pick(List<Quantity> found, Quantity reference) {
        if (!reference.hasUnit()) {
            return Optional.of(found.get(found.size() - 1));
        }
        for (int i = found.size() - 1; i >= 0; i--) {
            if (found.get(i).unit().equals(reference.unit())) {
                return Optional.of(found.get(i));
            }
        }
        for (int i = found.size() - 1; i >= 0; i--) {
            if (!found.get(i).hasUnit()) {
                return Optional.of(found.get(i));
            }
        }
        return Optional.empty();
    }

    private static Quantity reference(EvalItem item) {
        return Quantity.parse(item.reference()).orElseThrow(() -> new IllegalArgumentException(
                "Item " + item.id() + " (" + item.source() + ") has the reference '" + item.reference()
                        + "', which is not one number with an optional unit. Write it like '4.7 kΩ' or '-6 dB'."));
    }
}
