package dev.kirchhoff.eval.score;

import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.Response;
import dev.kirchhoff.eval.Score;
import dev.kirchhoff.eval.Scorer;

/**
 * Scores a single-choice item: the one letter extracted from the answer ({@link AnswerExtractor#letters}) must be
 * the reference's letter. Method {@code choice}. Immutable and thread-safe.
 */
public final class ChoiceScorer implements Scorer {

    public static final String METHOD = "choice";

    @Override
    public Score score(EvalItem item, Response response) {
        String reference = referenceLetters(item);
        if (reference.length() != 1) {
            throw new IllegalArgumentException("Item " + item.id() + " (" + item.source() + ") is single choice but "
                    + "its reference '" + item.reference() + "' is not one option letter. Write one letter such as B.");
        }
        AnswerExtractor.Letters got = AnswerExtractor.letters(response.text(), item.options().size());
        if (!got.found()) {
            return Score.wrong(METHOD, "no option letter found in the answer; reference " + reference);
        }
        String detail = "answered " + got.letters() + " (" + got.place().label() + "), reference " + reference;
        return got.letters().equals(reference) ? Score.right(METHOD, detail) : Score.wrong(METHOD, detail);
    }

    /** The reference's letters, sorted ({@code "B"}, {@code "AC"}); options beyond Z are not supported. */
    static String referenceLetters(EvalItem item) {
        return AnswerExtractor.lettersIn(item.reference(), 'Z');
    }
}
