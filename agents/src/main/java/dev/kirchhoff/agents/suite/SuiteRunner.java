package dev.kirchhoff.agents.suite;

import dev.kirchhoff.agents.DesignException;
import dev.kirchhoff.agents.DesignOptions;
import dev.kirchhoff.agents.DesignPipeline;
import dev.kirchhoff.agents.DesignResult;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.validation.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a {@link DesignPipeline} over every item of a {@link DesignSuite} in one process and checks each circuit
 * against the item's expectations. A design that throws is that item's failure, not the run's. The first
 * {@code warmup} prompts are designed once untimed first, so the times are those of a warm process.
 * Thread-safe when the pipeline is; runs items one after another.
 *
 * <pre>{@code
 * SuiteReport r = new SuiteRunner(OfflineEngine.pipeline(kb, search), kb).run(DesignSuite.load(path, kb));
 * System.out.print(r.toMarkdown());
 * }</pre>
 */
public final class SuiteRunner {

    private final DesignPipeline pipeline;
    private final KnowledgeBase kb;
    private final DesignOptions options;
    private final int warmup;

    /** A runner with the default design options and a warm-up of five prompts. */
    public SuiteRunner(DesignPipeline pipeline, KnowledgeBase kb) {
        this(pipeline, kb, DesignOptions.defaults(), 5);
    }

    public SuiteRunner(DesignPipeline pipeline, KnowledgeBase kb, DesignOptions options, int warmup) {
        this.pipeline = Objects.requireNonNull(pipeline, "The parameter 'pipeline' must not be null.");
        this.kb = Objects.requireNonNull(kb, "The parameter 'kb' must not be null.");
        this.options = Objects.requireNonNull(options, "The parameter 'options' must not be null.");
        if (warmup < 0) {
            throw new IllegalArgumentException("The parameter 'warmup' must be 0 or more, not " + warmup + ".");
        }
        this.warmup = warmup;
    }

    /** Designs every item and checks it. */
    public SuiteReport run(DesignSuite suite) {
        for (int k = 0; k < Math.min(warmup, suite.items().size()); k++) {
            try {
                pipeline.design(suite.items().get(k).prompt(), options, DesignPipeline.Listener.silent());
            } catch (RuntimeException ignored) {
                // the timed run records it
            }
        }
        List<ItemResult> results = new ArrayList<>();
        for (SuiteItem item : suite.items()) {
            results.add(run(item));
        }
        return new SuiteReport(pipeline.stages().engine(), suite.source(), results);
    }

    /** Designs one item and checks it. */
    public ItemResult run(SuiteItem item) {
        long t = System.nanoTime();
        DesignResult result;
        try {
            result = pipeline.design(item.prompt(), options, DesignPipeline.Listener.silent());
        } catch (DesignException e) {
            return failed(item, System.nanoTime() - t, "design stopped (" + e.reason().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + "): " + e.getMessage());
        } catch (RuntimeException e) {
            return failed(item, System.nanoTime() - t, "design crashed: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
        return evaluate(item, result, kb, System.nanoTime() - t);
    }

    private static ItemResult failed(SuiteItem item, long nanos, String why) {
        return new ItemResult(item.id(), item.difficulty(), item.domain(), item.prompt(), false, false, false,
                List.of(why), 0, 0, 0, nanos / 1e6);
    }

    /** Checks a design result against an item's expectations; {@code nanos} is the design's wall time. */
    public static ItemResult evaluate(SuiteItem item, DesignResult result, KnowledgeBase kb, long nanos) {
        CircuitView view = new CircuitView(result, kb);
        List<String> failures = new ArrayList<>();
        for (Expectation e : item.expectations()) {
            String why;
            try {
                why = e.check(view);
            } catch (RuntimeException ex) {
                why = e.name() + ": could not be checked (" + ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")";
            }
            if (why != null) {
                failures.add(why);
            }
        }
        return new ItemResult(item.id(), item.difficulty(), item.domain(), item.prompt(), true, result.passed(),
                failures.isEmpty(), failures, result.report().count(Severity.ERROR),
                result.report().count(Severity.WARNING), result.repairRounds(), nanos / 1e6);
    }
}
