package dev.kirchhoff.agents;

/**
 * Stage 3: decides the power architecture, assigns pins, adds supporting parts with computed values and says why.
 * On a repair round {@code feedback} carries the previous plan and the validation findings; on the first round it is
 * {@link Feedback#none()}.
 */
public interface DesignReasoner {
    DesignPlan reason(Requirements requirements, Pinouts pinouts, Feedback feedback);
}
