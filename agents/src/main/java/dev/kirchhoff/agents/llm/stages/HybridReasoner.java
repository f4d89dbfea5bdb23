package dev.kirchhoff.agents.llm.stages;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.DesignReasoner;
import dev.kirchhoff.agents.Feedback;
import dev.kirchhoff.agents.Pinouts;
import dev.kirchhoff.agents.Requirements;

import java.util.Objects;

/**
 * Stage 3 of the hybrid engine: the model has identified what to build (parts, values, constraints, building block);
 * the offline reasoner assigns pins, plans power, adds supporting parts with computed values and handles repair
 * feedback. The identify stage's notes, the model's among them, are kept in the plan. Thread-safe when the offline
 * reasoner is.
 */
public final class HybridReasoner implements DesignReasoner {

    private final DesignReasoner offline;
    private final String modelName;

    /**
     * @param offline   the offline reasoner ({@code OfflineReasoner} with the embedded and analog designers)
     * @param modelName the model that identified the parts, for the plan's notes
     */
    public HybridReasoner(DesignReasoner offline, String modelName) {
        this.offline = Objects.requireNonNull(offline, "The parameter 'offline' must not be null.");
        this.modelName = Objects.requireNonNull(modelName, "The parameter 'modelName' must not be null.");
    }

    @Override
    public DesignPlan reason(Requirements requirements, Pinouts pinouts, Feedback feedback) {
        DesignPlan plan = offline.reason(requirements, pinouts, feedback);
        DesignPlan.Builder b = plan.toBuilder();
        boolean changed = false;
        for (String note : requirements.notes()) {
            if (!plan.notes().contains(note)) {
                b.note(note);
                changed = true;
            }
        }
        String origin = "parts identified by " + modelName + "; pins, power and values by the offline solver";
        if (!plan.notes().contains(origin)) {
            b.note(origin);
            changed = true;
        }
        return changed ? b.build() : plan;
    }
}
