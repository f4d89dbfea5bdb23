package dev.kirchhoff.agents.suite;

import java.util.List;

/**
 * How one suite item fared. Immutable.
 *
 * @param id               the item's id
 * @param difficulty       the item's difficulty
 * @param domain           the item's domain
 * @param prompt           the prompt
 * @param designed         true when the pipeline returned a circuit (no exception)
 * @param passedValidation true when that circuit has no validation error
 * @param met              true when every expectation is met
 * @param failures         one line per unmet expectation (or the exception that stopped the design)
 * @param errors           validation errors in the circuit
 * @param warnings         validation warnings in the circuit
 * @param repairRounds     repair rounds the pipeline ran
 * @param millis           wall time of the design, milliseconds
 */
public record ItemResult(String id, SuiteItem.Difficulty difficulty, SuiteItem.Domain domain, String prompt,
                         boolean designed, boolean passedValidation, boolean met, List<String> failures, int errors,
                         int warnings, int repairRounds, double millis) {

    public ItemResult {
        failures = failures == null ? List.of() : List.copyOf(failures);
    }
}
