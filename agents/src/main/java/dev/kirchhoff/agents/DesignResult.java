package dev.kirchhoff.agents;

import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.validation.ValidationReport;

/**
 * The outcome of one design run. Immutable.
 *
 * @param requirements what was understood
 * @param pinouts      the parts with their pin tables
 * @param plan         the last plan
 * @param circuit      the circuit synthesised from it
 * @param report       its validation report
 * @param repairRounds how many repair rounds ran (0 when the first plan passed)
 * @param trace        every stage's input, output and time
 */
public record DesignResult(Requirements requirements, Pinouts pinouts, DesignPlan plan, Circuit circuit,
                           ValidationReport report, int repairRounds, DesignTrace trace) {

    /** True when validation found no error: the design may be exported to SPICE. */
    public boolean passed() {
        return report.passed();
    }
}
