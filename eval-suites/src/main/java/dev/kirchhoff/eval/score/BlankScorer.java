package dev.kirchhoff.eval.score;

import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.Response;
import dev.kirchhoff.eval.Score;
import dev.kirchhoff.eval.Scorer;

import java.util.Optional;

/**
 * Scores a fill-in-the-blank item. When the reference and the answer are each one number with an optional unit
 * ({@code 4.7 kΩ}, {@code 10mA}) they are compared as values by {@link NumericScorer} (method {@code numeric});
 * otherwise the normalised texts must be equal: case, whitespace, punctuation and the articles a, an, the do not
 * count (method {@code exact}). The answer is {@link AnswerExtractor#text}. Immutable and thread-safe.
 */
public final class BlankScorer implements Scorer {

    public static final String METHOD = "exact";

    private final NumericScorer numeric;

    /** Numbers compared within 1 %. */
    public BlankScorer() {
        this(new NumericScorer());
    }

    public BlankScorer(NumericScorer numeric) {
        this.numeric = java.util.Objects.requireNonNull(numeric, "The parameter 'numeric' must not be null.");
    }

    @Override
    public Score score(EvalItem item, Response response) {
        AnswerExtractor.Extracted answer = AnswerExtractor.text(response.text());
        Optional<Quantity> refValue = Quantity.parse(item.reference());
        Optional<Quantity> ansValue = Quantity.parse(answer.value());
        // "... of ____ kΩ." with the reference "5": the unit after the blank belongs to the reference, and to an
        // answer given without one
        Optional<String> unit = unitAfterBlank(item.question());
        if (unit.isPresent()) {
            refValue = withUnit(refValue, item.reference(), unit.get());
            ansValue = withUnit(ansValue, answer.value(), unit.get());
        }
        if (refValue.isPresent() && ansValue.isPresent()) {
            return numeric.compare(ansValue.get(), refValue.get());
        }
        String got = Words.normalise(answer.value());
        String want = Words.normalise(item.reference());
        if (want.isEmpty()) {
            throw new IllegalArgumentException("Item " + item.id() + " (" + item.source() + ") has an empty reference;"
                    + " give the word or phrase that fills the blank.");
        }
        String detail = "answered '" + got + "' (" + answer.place().label() + "), reference '" + want + "'";
        return got.equals(want) ? Score.right(METHOD, detail) : Score.wrong(METHOD, detail);
    }

    private static final java.util.regex.Pattern BLANK_UNIT = java.util.regex.Pattern.compile(
            "_{2,}\\s*([^\\s.,;:!?()\\[\\]_]{1,6})(?=[\\s.,;:!?)]|$)");

    /** The unit written right after the blank ("____ kΩ"), when it reads as one. */
    static Optional<String> unitAfterBlank(String question) {
        java.util.regex.Matcher m = BLANK_UNIT.matcher(question);
        if (!m.find()) {
            return Optional.empty();
        }
        String unit = m.group(1);
        Optional<Quantity> one = Quantity.parse("1 " + unit);
        return one.isPresent() && one.get().hasUnit() ? Optional.of(unit) : Optional.empty();
    }

    /** A number given without a unit, read in {@code unit}; anything else as it was. */
    private static Optional<Quantity> withUnit(Optional<Quantity> value, String text, String unit) {
        if (value.isEmpty() || value.get().hasUnit()) {
            return value;
        }
        return Quantity.parse(text.strip() + " " + unit).or(() -> value);
    }
}
