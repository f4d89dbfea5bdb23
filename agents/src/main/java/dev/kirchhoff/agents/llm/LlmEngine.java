package dev.kirchhoff.agents.llm;

import dev.kirchhoff.agents.DesignPipeline;
import dev.kirchhoff.agents.DesignReasoner;
import dev.kirchhoff.agents.KnowledgeBaseRetriever;
import dev.kirchhoff.agents.PlanSynthesizer;
import dev.kirchhoff.agents.llm.stages.HybridReasoner;
import dev.kirchhoff.agents.llm.stages.LlmIdentifier;
import dev.kirchhoff.agents.llm.stages.LlmReasoner;
import dev.kirchhoff.agents.offline.OfflineReasoner;
import dev.kirchhoff.agents.offline.analog.AnalogDesigner;
import dev.kirchhoff.agents.offline.embedded.EmbeddedDesigner;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.retrieval.PartSearch;
import dev.kirchhoff.validation.Validator;

import java.util.Objects;

/** Assembles the LLM engine: a language model identifies the parts, and designs the plan or hands it to the solver. */
public final class LlmEngine {

    /** How much of the design the model does. */
    public enum Mode {
        /** The model identifies the parts and designs components and wiring itself, in two structured steps. */
        LLM,
        /** The model identifies what to build; the offline solver assigns pins, plans power and computes values. */
        HYBRID
    }

    private LlmEngine() {
    }

    /**
     * The stages of {@code mode}: engine name {@code llm} or {@code hybrid}, model {@code client.modelName()}.
     *
     * @param search hybrid part search for candidates and tools; null to match by names only
     */
    public static DesignPipeline.Stages stages(Mode mode, KnowledgeBase kb, PartSearch search, LlmClient client) {
        Objects.requireNonNull(mode, "The parameter 'mode' must not be null.");
        Objects.requireNonNull(kb, "The parameter 'kb' must not be null.");
        Objects.requireNonNull(client, "The parameter 'client' must not be null.");
        DesignReasoner offline = new OfflineReasoner(new EmbeddedDesigner(kb), new AnalogDesigner(kb));
        DesignReasoner reasoner = mode == Mode.HYBRID ? new HybridReasoner(offline, client.modelName())
                : new LlmReasoner(kb, search, client, offline, Validator.bundled());
        return new DesignPipeline.Stages(mode == Mode.HYBRID ? "hybrid" : "llm", client.modelName(),
                new LlmIdentifier(kb, search, client), new KnowledgeBaseRetriever(kb), reasoner,
                new PlanSynthesizer(kb));
    }

    /** A pipeline of the stages of {@code mode} and the bundled validator. */
    public static DesignPipeline pipeline(Mode mode, KnowledgeBase kb, PartSearch search, LlmClient client) {
        return new DesignPipeline(stages(mode, kb, search, client), Validator.bundled());
    }
}
