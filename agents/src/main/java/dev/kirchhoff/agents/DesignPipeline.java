package dev.kirchhoff.agents;

import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.validation.Finding;
import dev.kirchhoff.validation.Severity;
import dev.kirchhoff.validation.ValidationReport;
import dev.kirchhoff.validation.Validator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Runs the five stages: identify → retrieve → reason → synthesise → validate, and while validation finds errors hands
 * the findings back to the reasoner, at most {@link DesignOptions#maxRepairRounds()} times. Every stage goes into the
 * result's {@link DesignTrace}. Thread-safe when its stages are; one pipeline serves many prompts.
 */
public final class DesignPipeline {

    /**
     * The four stage implementations of one engine.
     *
     * @param engine {@code offline}, {@code llm} or {@code hybrid}: written into the trace
     * @param model  the model name, or null offline
     */
    public record Stages(String engine, String model, ComponentIdentifier identifier, PinoutRetriever retriever,
                         DesignReasoner reasoner, SchematicSynthesizer synthesizer) {
        public Stages {
            Objects.requireNonNull(engine, "The parameter 'engine' must not be null.");
            Objects.requireNonNull(identifier, "The parameter 'identifier' must not be null.");
            Objects.requireNonNull(retriever, "The parameter 'retriever' must not be null.");
            Objects.requireNonNull(reasoner, "The parameter 'reasoner' must not be null.");
            Objects.requireNonNull(synthesizer, "The parameter 'synthesizer' must not be null.");
        }
    }

    /** Hears about each stage as it finishes; the CLI prints these lines. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param stage   the stage name
         * @param round   0 for the first pass, n for the n-th repair round
         * @param summary one line on what the stage produced
         * @param nanos   its wall time
         */
        void stageDone(String stage, int round, String summary, long nanos);

        static Listener silent() {
            return (stage, round, summary, nanos) -> { };
        }
    }

    private final Stages stages;
    private final Validator validator;

    public DesignPipeline(Stages stages, Validator validator) {
        this.stages = Objects.requireNonNull(stages, "The parameter 'stages' must not be null.");
        this.validator = Objects.requireNonNull(validator, "The parameter 'validator' must not be null.");
    }

    public Stages stages() {
        return stages;
    }

    public DesignResult design(String prompt) {
        return design(prompt, DesignOptions.defaults(), Listener.silent());
    }

    /**
     * @throws DesignException when the prompt is not understood, names an unknown part (and generics are not
     *                         allowed), or the plan cannot be synthesised
     */
    public DesignResult design(String prompt, DesignOptions options, Listener listener) {
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("The parameter 'prompt' must not be blank.");
        }
        DesignTrace trace = new DesignTrace();
        String engine = stages.engine();
        String model = stages.model();

        long t = System.nanoTime();
        Requirements req;
        try {
            req = stages.identifier().identify(prompt);
        } catch (DesignException e) {
            trace.record("identify", 0, engine, model, System.nanoTime() - t, prompt, Map.of("error", String.valueOf(e.getMessage())),
                    usage(stages.identifier()));
            throw e;
        }
        long dt = System.nanoTime() - t;
        Map<String, Long> spent = usage(stages.identifier());
        trace.record("identify", 0, engine, model, dt, prompt, req, spent);
        listener.stageDone("identify", 0, summarize(req) + DesignTrace.usageSuffix(spent), dt);
        if (!req.unresolved().isEmpty() && !options.allowGeneric()) {
            Unresolved u = req.unresolved().get(0);
            throw new DesignException(DesignException.Reason.UNKNOWN_PART,
                    "the knowledge base has no part for '" + u.phrase() + "'"
                            + (u.nearest().isEmpty() ? "" : "; nearest: " + String.join(", ", u.nearest()))
                            + ". Name one of those, or pass --allow-generic to let a generic placeholder stand in.",
                    u.nearest());
        }

        t = System.nanoTime();
        Pinouts pinouts = stages.retriever().retrieve(req);
        dt = System.nanoTime() - t;
        trace.record("retrieve", 0, engine, model, dt, req.parts(), pinouts.parts().stream()
                .map(r -> Map.of("id", r.part().id(), "pins", r.part().pins().size())).toList(), usage(stages.retriever()));
        listener.stageDone("retrieve", 0, pinouts.parts().size() + " part(s): " + pinouts.parts().stream()
                .map(r -> r.part().id()).collect(Collectors.joining(", ")), dt);

        Feedback feedback = Feedback.none();
        DesignPlan bestPlan = null;
        Circuit bestCircuit = null;
        ValidationReport bestReport = null;
        int round = 0;
        while (true) {
            t = System.nanoTime();
            DesignPlan plan;
            try {
                plan = withPlaceholders(stages.reasoner().reason(req, pinouts, feedback), req);
            } catch (RuntimeException e) {
                trace.record("reason", round, engine, model, System.nanoTime() - t,
                        feedback.isEmpty() ? null : feedback.findings(), Map.of("error", String.valueOf(e.getMessage())),
                        usage(stages.reasoner()));
                if (bestPlan == null) {
                    throw e;
                }
                // a repair round that cannot be completed (the model gave no usable answer) keeps the best design
                // so far: it is reported with its findings, and exported only if it passed
                listener.stageDone("reason", round, "stopped: " + e.getMessage(), System.nanoTime() - t);
                DesignPlan kept = bestPlan.toBuilder().note("repair round " + round + " could not be completed ("
                        + e.getMessage() + "); the best earlier design is kept with its findings").build();
                return new DesignResult(req, pinouts, kept, bestCircuit, bestReport, round, trace);
            }
            dt = System.nanoTime() - t;
            spent = usage(stages.reasoner());
            trace.record("reason", round, engine, model, dt, feedback.isEmpty() ? null : feedback.findings(), plan,
                    spent);
            listener.stageDone("reason", round, plan.components().size() + " components, " + plan.nets().size()
                    + " nets, " + plan.rationale().size() + " reasons" + DesignTrace.usageSuffix(spent), dt);

            t = System.nanoTime();
            Circuit circuit = stages.synthesizer().synthesize(plan);
            dt = System.nanoTime() - t;
            trace.record("synthesize", round, engine, model, dt, null,
                    Map.of("components", circuit.components().size(), "nets", circuit.netNames().size()),
                    usage(stages.synthesizer()));
            listener.stageDone("synthesize", round, circuit.components().size() + " components, "
                    + circuit.netNames().size() + " nets", dt);

            t = System.nanoTime();
            ValidationReport report = validator.validate(circuit, plan.title());
            dt = System.nanoTime() - t;
            trace.record("validate", round, "validator", null, dt, null, report.findings(), null);
            listener.stageDone("validate", round, verdict(report), dt);

            if (bestReport == null || errors(report) < errors(bestReport)
                    || errors(report) == errors(bestReport) && report.count(Severity.WARNING) < bestReport.count(Severity.WARNING)) {
                bestPlan = plan;
                bestCircuit = circuit;
                bestReport = report;
            }
            if (report.passed() || round >= options.maxRepairRounds()) {
                return new DesignResult(req, pinouts, bestPlan, bestCircuit, bestReport, round, trace);
            }
            round++;
            List<Finding> problems = new ArrayList<>();
            for (Finding f : report.findings()) {
                if (f.severity() != Severity.INFO) {
                    problems.add(f);
                }
            }
            feedback = new Feedback(round, plan, problems);
        }
    }

    /**
     * With {@code --allow-generic}, a part the knowledge base lacks is not guessed at: the design goes on without it
     * and the plan says, for each, that it stands as a placeholder to be wired by hand from its datasheet.
     */
    private static DesignPlan withPlaceholders(DesignPlan plan, Requirements req) {
        if (req.unresolved().isEmpty()) {
            return plan;
        }
        DesignPlan.Builder b = plan.toBuilder();
        for (Unresolved u : req.unresolved()) {
            b.note("placeholder: '" + u.phrase() + "' is not in the knowledge base, so it is not wired; connect it by "
                    + "hand from its datasheet" + (u.nearest().isEmpty() ? "" : " (similar parts that are: "
                    + String.join(", ", u.nearest()) + ")"));
        }
        return b.build();
    }

    /** What a metered stage spent on this thread; null for a stage that spends nothing worth counting. */
    private static Map<String, Long> usage(Object stage) {
        if (stage instanceof Metered m) {
            Map<String, Long> u = m.takeUsage();
            return u == null || u.isEmpty() ? null : u;
        }
        return null;
    }

    private static int errors(ValidationReport r) {
        return r.count(Severity.ERROR);
    }

    static String verdict(ValidationReport r) {
        return (r.passed() ? "passed" : "failed") + ": " + r.count(Severity.ERROR) + " error(s), "
                + r.count(Severity.WARNING) + " warning(s)";
    }

    static String summarize(Requirements r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.parts().stream().map(p -> (p.quantity() > 1 ? p.quantity() + "× " : "") + p.id()
                + (p.defaulted() ? " (default)" : "")).collect(Collectors.joining(", ")));
        if (r.recipe() != null) {
            sb.append(sb.length() > 0 ? "; " : "").append("recipe ").append(r.recipe().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (r.supply().isSpecified()) {
            sb.append("; supply ").append(r.supply().kind().name().toLowerCase(java.util.Locale.ROOT))
                    .append(r.supply().volts() == null ? "" : " " + r.supply().volts() + " V");
        }
        return sb.toString();
    }
}
