package dev.kirchhoff.eval.agent;

import dev.kirchhoff.agents.DesignException;
import dev.kirchhoff.agents.DesignPipeline;
import dev.kirchhoff.agents.DesignResult;
import dev.kirchhoff.agents.DesignTrace;
import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.QuestionType;
import dev.kirchhoff.eval.RenderedPrompt;
import dev.kirchhoff.eval.Response;
import dev.kirchhoff.eval.SystemUnderTest;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Answers design items by running a design pipeline on the item's prompt: the offline engine for
 * kirchhoff-agent, the LLM engine with the model under test otherwise. Calls are serialised, because a pipeline
 * shares its knowledge base search between stages. Thread-safe.
 */
public final class DesignSystem implements SystemUnderTest {
    private final String name;
    private final DesignPipeline pipeline;

    public DesignSystem(String name, DesignPipeline pipeline) {
        this.name = Objects.requireNonNull(name, "name");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Response answer(EvalItem item, RenderedPrompt prompt) {
        if (item.type() != QuestionType.DESIGN) {
            return Response.skipped("not a design item");
        }
        DesignResult result;
        synchronized (this) {
            try {
                result = pipeline.design(item.question());
            } catch (DesignException e) {
                // the pipeline's refusal is its answer: no design, scored wrong with the reason
                return new Response("no design: " + e.getMessage(), 0, 0, false, "", null);
            }
        }
        long in = 0;
        long out = 0;
        boolean allCached = true;
        boolean anyCall = false;
        for (DesignTrace.Entry e : result.trace().entries()) {
            in += e.usage().getOrDefault("inputTokens", 0L);
            out += e.usage().getOrDefault("outputTokens", 0L);
            long calls = e.usage().getOrDefault("calls", 0L);
            anyCall |= calls > 0;
            allCached &= calls == e.usage().getOrDefault("cachedCalls", 0L);
        }
        return new Response(summary(result), in, out, anyCall && allCached, "", result);
    }

    /** One paragraph a reader of results.jsonl can check: verdict, parts and findings. */
    static String summary(DesignResult result) {
        String parts = result.circuit().components().stream()
                .map(c -> c.ref() + " " + c.part())
                .collect(Collectors.joining(", "));
        long errors = result.report().findings().stream().filter(f -> f.severity().name().equals("ERROR")).count();
        return result.plan().title() + ": " + (result.passed() ? "passed validation" : errors + " validation error(s)")
                + "; " + result.repairRounds() + " repair round(s); components: " + parts;
    }
}
