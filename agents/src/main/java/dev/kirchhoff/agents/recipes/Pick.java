package dev.kirchhoff.agents.recipes;

import dev.kirchhoff.agents.DesignPlan;

/**
 * A computed value and the standard value chosen for it from an {@link ESeries}. Immutable.
 *
 * @param exact  the value the formula gave, SI units
 * @param chosen the series value used
 * @param series the series it was snapped to
 */
public record Pick(double exact, double chosen, ESeries series) {

    /** The nearest series value (equal ratio error either side). */
    public static Pick nearest(double exact, ESeries series) {
        return new Pick(exact, series.nearest(exact), series);
    }

    /** The smallest series value not below {@code exact}: a resistor that must keep a current at most a target. */
    public static Pick atLeast(double exact, ESeries series) {
        return new Pick(exact, series.atLeast(exact), series);
    }

    /** The largest series value not above {@code exact}. */
    public static Pick atMost(double exact, ESeries series) {
        return new Pick(exact, series.atMost(exact), series);
    }

    /** A value fixed by a datasheet or convention, not snapped. */
    public static Pick fixed(double value) {
        return new Pick(value, value, null);
    }

    /** Relative error of the chosen value against the exact one. */
    public double error() {
        return ESeries.error(exact, chosen);
    }

    /** The SPICE value text of the chosen value ({@code 4.7k}). */
    public String spice() {
        return Eng.spice(chosen);
    }

    /** The plan's record of this value: formula with numbers, exact, chosen, series and what the choice gives. */
    public DesignPlan.Computation computation(String ref, String quantity, String formula, String resultNote) {
        return new DesignPlan.Computation(ref, quantity, formula, exact, chosen, series == null ? "" : series.name(),
                resultNote);
    }
}
