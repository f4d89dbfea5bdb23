package dev.kirchhoff.agents.offline.embedded;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.DesignReasoner;
import dev.kirchhoff.agents.Feedback;
import dev.kirchhoff.agents.Pinouts;
import dev.kirchhoff.agents.Requirements;
import dev.kirchhoff.knowledge.KnowledgeBase;

/** PLACEHOLDER owned by the embedded helper: replace the body. */
public final class EmbeddedDesigner implements DesignReasoner {

    public EmbeddedDesigner(KnowledgeBase kb) {
    }

    @Override
    public DesignPlan reason(Requirements requirements, Pinouts pinouts, Feedback feedback) {
        throw new UnsupportedOperationException("not built yet");
    }
}
