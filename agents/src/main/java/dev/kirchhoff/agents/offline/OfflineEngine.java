package dev.kirchhoff.agents.offline;

import dev.kirchhoff.agents.DesignPipeline;
import dev.kirchhoff.agents.KnowledgeBaseRetriever;
import dev.kirchhoff.agents.PlanSynthesizer;
import dev.kirchhoff.agents.offline.analog.AnalogDesigner;
import dev.kirchhoff.agents.offline.embedded.EmbeddedDesigner;
import dev.kirchhoff.agents.offline.identify.OfflineIdentifier;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.retrieval.PartSearch;
import dev.kirchhoff.validation.Validator;

/** Assembles the offline engine: deterministic stages over the knowledge base, no network. */
public final class OfflineEngine {

    private OfflineEngine() {
    }

    /** The offline stages; {@code search} may be null, then parts are linked by name and alias only. */
    public static DesignPipeline.Stages stages(KnowledgeBase kb, PartSearch search) {
        return new DesignPipeline.Stages("offline", null, new OfflineIdentifier(kb, search),
                new KnowledgeBaseRetriever(kb),
                new OfflineReasoner(new EmbeddedDesigner(kb), new AnalogDesigner(kb)),
                new PlanSynthesizer(kb));
    }

    /** A pipeline of the offline stages and the bundled validator. */
    public static DesignPipeline pipeline(KnowledgeBase kb, PartSearch search) {
        return new DesignPipeline(stages(kb, search), Validator.bundled());
    }
}
