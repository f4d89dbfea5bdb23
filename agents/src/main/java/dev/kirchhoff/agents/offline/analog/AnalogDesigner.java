package dev.kirchhoff.agents.offline.analog;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.DesignReasoner;
import dev.kirchhoff.agents.Feedback;
import dev.kirchhoff.agents.Pinouts;
import dev.kirchhoff.agents.Requirements;
import dev.kirchhoff.knowledge.KnowledgeBase;

/** PLACEHOLDER owned by the analog helper: replace the body. */
public final class AnalogDesigner implements DesignReasoner {

    public AnalogDesigner(KnowledgeBase kb) {
    }

    @Override
    public DesignPlan reason(Requirements requirements, Pinouts pinouts, Feedback feedback) {
        throw new UnsupportedOperationException("not built yet");
    }
}
