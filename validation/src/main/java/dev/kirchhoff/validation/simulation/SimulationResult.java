package dev.kirchhoff.validation.simulation;

import dev.kirchhoff.validation.ValidationReport;

/**
 * What {@link Simulator#simulate} found. Immutable.
 *
 * @param report the static rules' findings and the simulation rules' findings together
 * @param deck the deck that was simulated
 * @param operatingPoint what ngspice computed
 * @param run what ngspice printed
 */
public record SimulationResult(ValidationReport report, SpiceDeck deck, OperatingPoint operatingPoint,
                               NgspiceRun run) {
}
