package dev.kirchhoff.agents;

/**
 * Choices for one run.
 *
 * @param allowGeneric let a generic placeholder stand in for a part the knowledge base does not have, instead of
 *                     stopping
 * @param maxRepairRounds how many times validation findings go back to the reasoner (0-3)
 */
public record DesignOptions(boolean allowGeneric, int maxRepairRounds) {

    public DesignOptions {
        if (maxRepairRounds < 0 || maxRepairRounds > 3) {
            throw new IllegalArgumentException("The parameter 'maxRepairRounds' must be 0 to 3, not " + maxRepairRounds + ".");
        }
    }

    public static DesignOptions defaults() {
        return new DesignOptions(false, 3);
    }
}
