package dev.kirchhoff.agents.recipes;

import dev.kirchhoff.agents.DesignPlan;

import java.util.List;

/**
 * The transformer supply: secondary peak {@code Vpk = Vrms · √2}, less two diode drops in a bridge, into a
 * reservoir capacitor sized for a ripple {@code Vr} at load current {@code I}: {@code C = I / (2 · f · Vr)}
 * (full-wave: two charging pulses per mains cycle), rated at least 1.5 × the peak; optionally a linear regulator,
 * whose input must stay above {@code Vout + dropout} at the ripple's trough. Textbook: Horowitz &amp; Hill §1.6.3
 * and §9.5. Stateless and thread-safe.
 */
public final class DcSupply {

    /** Standard working voltages of aluminium electrolytic capacitors, volts. */
    static final double[] RATINGS = {6.3, 10, 16, 25, 35, 50, 63, 100};

    private DcSupply() {
    }

    public static double peak(double vrms) {
        return vrms * Math.sqrt(2);
    }

    /** The DC peak after a full-wave bridge: {@code Vpk − 2 · Vf}. */
    public static double bridgePeak(double vrms, double vf) {
        return peak(vrms) - 2 * vf;
    }

    /** {@code C = I / (2 · f · Vr)}. */
    public static double reservoir(double current, double mainsHz, double ripple) {
        return current / (2 * mainsHz * ripple);
    }

    /** {@code Vr = I / (2 · f · C)}. */
    public static double ripple(double current, double mainsHz, double c) {
        return current / (2 * mainsHz * c);
    }

    /** The smallest standard rating at least 1.5 × {@code volts}. */
    public static double rating(double volts) {
        for (double r : RATINGS) {
            if (r >= 1.5 * volts) {
                return r;
            }
        }
        return RATINGS[RATINGS.length - 1];
    }

    public static List<DesignPlan.Computation> computations(String ref, double vrms, double vf, double current,
                                                            double mainsHz, double ripple) {
        Pick c = Pick.atLeast(reservoir(current, mainsHz, ripple), ESeries.E6);
        double vpk = bridgePeak(vrms, vf);
        double actual = ripple(current, mainsHz, c.chosen());
        return List.of(
                new DesignPlan.Computation(ref, "peak", "Vdc,pk = Vrms · √2 − 2 · Vf = " + Eng.num(vrms) + " V · √2 − 2 · "
                        + Eng.num(vf) + " V", vpk, vpk, "", Eng.num(vpk) + " V at full load, more unloaded"),
                c.computation(ref, "capacitance", "C = I / (2 · f · Vr) = " + Eng.human(current, "A") + " / (2 · "
                                + Eng.num(mainsHz) + " Hz · " + Eng.num(ripple) + " V)",
                        "ripple " + Eng.num(actual) + " V p-p, trough " + Eng.num(vpk - actual) + " V; rated "
                                + Eng.num(rating(vpk)) + " V"));
    }
}
