package dev.kirchhoff.eval.score;

import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.Response;
import dev.kirchhoff.eval.Score;
import dev.kirchhoff.eval.Scorer;

/**
 * Scores a multiple-choice item as an exact set match: the letters extracted from the answer
 * ({@code A, C}, {@code AC}, {@code ["A","C"]}, {@code A and C}) must be exactly the reference's set; a subset or a
 * superset is wrong. Method {@code set}. Immutable and thread-safe.
 */
public final class MultiChoiceScorer implements Scorer {

    public static final String METHOD = "set";

    @Override
    public Score score(EvalItem item, Response response) {
        String reference = ChoiceScorer.referenceLetters(item);
        if (reference.isEmpty()) {
            throw new IllegalArgumentException("Item " + item.id() + " (" + item.source() + ") is multiple choice "
                    + "but its reference '" + item.reference() + "' holds no option letters. Write them like 'A, C'.");
        }
        AnswerExtractor.Letters got = AnswerExtractor.letters(response.text(), item.options().size());
        if (!got.found()) {
            return Score.wrong(METHOD, "no option letters found in the answer; reference " + spaced(reference));
        }
        String detail = "answered " + spaced(got.letters()) + " (" + got.place().label() + "), reference "
                + spaced(reference);
        return got.letters().equals(reference) ? Score.right(METHOD, detail) : Score.wrong(METHOD, detail);
    }

    private static String spaced(String letters) {
        return String.join(", ", letters.split(""));
    }
}
