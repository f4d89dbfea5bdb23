package dev.kirchhoff.eval.score;

import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.QuestionType;
import dev.kirchhoff.eval.Response;
import dev.kirchhoff.eval.Score;
import dev.kirchhoff.eval.Scorer;
import dev.langchain4j.model.chat.ChatModel;

/**
 * Picks the scorer for an item by its {@link QuestionType}: {@link ChoiceScorer}, {@link MultiChoiceScorer},
 * {@link BlankScorer}, {@link NumericScorer}, {@link SymbolicScorer}, {@link DesignScorer}, and for open answers
 * the {@link JudgeScorer} when a judge model is configured, else the unofficial {@link SimilarityScorer}.
 * Immutable; thread-safe when the judge model is.
 *
 * <pre>{@code
 * Scorers scorers = new Scorers(judgeModel, "openai:gpt-4o", null);
 * Score s = scorers.score(item, response);
 * }</pre>
 */
public final class Scorers implements Scorer {

    private final ChoiceScorer choice = new ChoiceScorer();
    private final MultiChoiceScorer multi = new MultiChoiceScorer();
    private final BlankScorer blank = new BlankScorer();
    private final NumericScorer numeric = new NumericScorer();
    private final SymbolicScorer symbolic = new SymbolicScorer();
    private final Scorer open;
    private final DesignScorer design;

    /**
     * @param judge     the judge model for open answers, or null for the unofficial similarity fallback
     * @param judgeName the judge's name for details ({@code openai:gpt-4o}); ignored without a judge
     * @param design    the design scorer, or null when no design items are scored
     */
    public Scorers(ChatModel judge, String judgeName, DesignScorer design) {
        this.open = judge == null ? new SimilarityScorer() : new JudgeScorer(judge, judgeName);
        this.design = design;
    }

    /** As {@link #Scorers(ChatModel, String, DesignScorer)} with the judge named {@code judge} in details. */
    public Scorers(ChatModel judge, DesignScorer design) {
        this(judge, "judge", design);
    }

    /** Scorers without a judge (open answers by similarity, unofficial) and without design items. */
    public static Scorers offline() {
        return new Scorers(null, null, null);
    }

    /** The scorer for items of {@code type}. */
    public Scorer forType(QuestionType type) {
        return switch (type) {
            case SINGLE -> choice;
            case MULTI -> multi;
            case BLANK -> blank;
            case OPEN -> open;
            case NUMERIC -> numeric;
            case SYMBOLIC -> symbolic;
            case DESIGN -> {
                if (design == null) {
                    throw new IllegalStateException("Design items need a DesignScorer with the design suite and the "
                            + "knowledge base; construct Scorers with one.");
                }
                yield design;
            }
        };
    }

    @Override
    public Score score(EvalItem item, Response response) throws Exception {
        return forType(item.type()).score(item, response);
    }
}
