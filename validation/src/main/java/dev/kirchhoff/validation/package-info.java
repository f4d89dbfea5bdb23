/**
 * The electrical validity checker: {@link dev.kirchhoff.validation.Rule}s over a
 * {@link dev.kirchhoff.validation.CircuitFacts} view of a circuit, {@link dev.kirchhoff.validation.Finding}s and a
 * {@link dev.kirchhoff.validation.ValidationReport} with pass/fail and two scores; SPICE export of designed circuits
 * and simulation checks with ngspice.
 */
package dev.kirchhoff.validation;
