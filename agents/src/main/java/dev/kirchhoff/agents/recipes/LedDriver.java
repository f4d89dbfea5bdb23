package dev.kirchhoff.agents.recipes;

import dev.kirchhoff.agents.DesignPlan;

import java.util.List;

/**
 * The series resistor of an LED: {@code R = (Vs − Vf) / I}, resistor power {@code P = I²R}. The resistor is the next
 * E12 value up, so the current stays at or below the target; a target above the LED's rated {@code ifMax} is
 * clamped to it. Source: Vishay application note "Driving LEDs" and any LED datasheet's IF rating; Horowitz &amp;
 * Hill §2.1.2. Stateless and thread-safe.
 */
public final class LedDriver {

    private LedDriver() {
    }

    public static double resistor(double vs, double vf, double current) {
        return (vs - vf) / current;
    }

    public static double current(double vs, double vf, double r) {
        return Math.max(0, (vs - vf) / r);
    }

    /**
     * @param vs     supply voltage
     * @param vf     the LED's forward voltage
     * @param target current asked for
     * @param ifMax  the LED's rated continuous current
     * @throws IllegalArgumentException when the supply is not above the forward voltage
     */
    public static Design design(double vs, double vf, double target, double ifMax) {
        if (!(vs > vf)) {
            throw new IllegalArgumentException("The supply (" + Eng.num(vs) + " V) must be above the LED's forward "
                    + "voltage (" + Eng.num(vf) + " V): raise the supply or use an LED with a lower Vf.");
        }
        boolean clamped = target > ifMax;
        double i = clamped ? ifMax : target;
        return new Design(Pick.atLeast(resistor(vs, vf, i), ESeries.E12), vs, vf, target, i, clamped);
    }

    /**
     * An LED resistor design.
     *
     * @param r        the series resistor
     * @param vs       supply
     * @param vf       forward voltage used
     * @param asked    the current asked for
     * @param target   the current designed for (asked, or ifMax when asked was above it)
     * @param clamped  whether the asked current was above the LED's rating
     */
    public record Design(Pick r, double vs, double vf, double asked, double target, boolean clamped) {

        public double current() {
            return LedDriver.current(vs, vf, r.chosen());
        }

        public double power() {
            return current() * current() * r.chosen();
        }

        public List<DesignPlan.Computation> computations(String ref) {
            return List.of(r.computation(ref, "resistance", "R = (Vs − Vf) / I = (" + Eng.num(vs) + " V − "
                    + Eng.num(vf) + " V) / " + Eng.human(target, "A"), Eng.human(current(), "A") + " ("
                    + Eng.percent(ESeries.error(target, current())) + "), " + Eng.human(power(), "W")
                    + " in the resistor"));
        }
    }
}
