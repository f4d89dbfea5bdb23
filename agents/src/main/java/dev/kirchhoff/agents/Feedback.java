package dev.kirchhoff.agents;

import dev.kirchhoff.validation.Finding;

import java.util.List;

/**
 * What the validator said about the previous round's plan: handed back to the reasoner in a repair round.
 *
 * @param round    the repair round, 1 for the first repair; 0 with no feedback
 * @param previous the plan that was validated, or null
 * @param findings errors and warnings with their rule ids, pins, nets and fixes
 */
public record Feedback(int round, DesignPlan previous, List<Finding> findings) {

    public Feedback {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    public static Feedback none() {
        return new Feedback(0, null, List.of());
    }

    public boolean isEmpty() {
        return findings.isEmpty();
    }
}
