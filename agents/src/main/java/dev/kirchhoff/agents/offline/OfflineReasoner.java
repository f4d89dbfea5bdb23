package dev.kirchhoff.agents.offline;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.DesignReasoner;
import dev.kirchhoff.agents.Feedback;
import dev.kirchhoff.agents.Pinouts;
import dev.kirchhoff.agents.Requirements;

import java.util.Objects;

/**
 * The offline reasoner: an analog building block asked for without a board goes to the analog designer, everything
 * else (a board with modules, loads and inputs) to the embedded designer. Thread-safe when both are.
 */
public final class OfflineReasoner implements DesignReasoner {

    private final DesignReasoner embedded;
    private final DesignReasoner analog;

    public OfflineReasoner(DesignReasoner embedded, DesignReasoner analog) {
        this.embedded = Objects.requireNonNull(embedded, "The parameter 'embedded' must not be null.");
        this.analog = Objects.requireNonNull(analog, "The parameter 'analog' must not be null.");
    }

    @Override
    public DesignPlan reason(Requirements requirements, Pinouts pinouts, Feedback feedback) {
        boolean analogOnly = requirements.recipe() != null && requirements.board().isEmpty();
        return (analogOnly ? analog : embedded).reason(requirements, pinouts, feedback);
    }
}
