package dev.kirchhoff.eval.score;

import dev.kirchhoff.agents.suite.DesignSuite;
import dev.kirchhoff.agents.suite.ItemResult;
import dev.kirchhoff.agents.suite.SuiteItem;
import dev.kirchhoff.agents.suite.SuiteRunner;
import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.Response;
import dev.kirchhoff.eval.Score;
import dev.kirchhoff.eval.Scorer;
import dev.kirchhoff.knowledge.KnowledgeBase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Scores a design item: the {@link dev.kirchhoff.agents.DesignResult} in {@link Response#design()} is checked by
 * {@link SuiteRunner#evaluate} against the suite item with the same id. Correct when the circuit passed validation
 * AND met every expectation; the value is the fraction of expectations met; the detail lists the unmet ones and the
 * validation errors. Method {@code design}. Immutable; thread-safe as the knowledge base is.
 */
public final class DesignScorer implements Scorer {

    public static final String METHOD = "design";

    private final DesignSuite suite;
    private final KnowledgeBase kb;

    public DesignScorer(DesignSuite suite, KnowledgeBase kb) {
        this.suite = Objects.requireNonNull(suite, "The parameter 'suite' must not be null.");
        this.kb = Objects.requireNonNull(kb, "The parameter 'kb' must not be null.");
    }

    @Override
    public Score score(EvalItem item, Response response) {
        SuiteItem suiteItem = suite.item(item.id()).orElseThrow(() -> new IllegalArgumentException("Item "
                + item.id() + " (" + item.source() + ") is not in the design suite " + suite.source()
                + "; score design items with the suite they were loaded from."));
        if (response.design() == null) {
            return Score.wrong(METHOD, "no design was produced");
        }
        ItemResult result = SuiteRunner.evaluate(suiteItem, response.design(), kb, 0);
        int total = suiteItem.expectations().size();
        int unmet = result.failures().size();
        double value = total == 0 ? 1 : Math.max(0, total - unmet) / (double) total;
        boolean correct = result.passedValidation() && result.met();
        List<String> parts = new ArrayList<>();
        parts.add(String.format(Locale.ROOT, "%d of %d expectations met", total - unmet, total));
        parts.add(result.passedValidation() ? "validation passed"
                : "validation found " + result.errors() + " error" + (result.errors() == 1 ? "" : "s"));
        if (!result.failures().isEmpty()) {
            parts.add("unmet: " + String.join("; ", result.failures()));
        }
        return new Score(value, correct, METHOD, true, String.join("; ", parts));
    }
}
