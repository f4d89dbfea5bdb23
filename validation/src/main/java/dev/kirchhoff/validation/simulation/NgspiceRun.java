package dev.kirchhoff.validation.simulation;

import java.time.Duration;

/**
 * What one run of {@code ngspice -b} printed. Immutable.
 *
 * @param stdout standard output
 * @param stderr standard error (ngspice's warnings, such as singular-matrix lines, go here)
 * @param exitCode the process's exit status; 0 even for a floating node
 * @param elapsed how long it ran
 */
public record NgspiceRun(String stdout, String stderr, int exitCode, Duration elapsed) {
}
