package dev.kirchhoff.agents.recipes;

import dev.kirchhoff.agents.DesignPlan;

import java.util.List;

/**
 * The resistive voltage divider: {@code Vout = Vin · R2 / (R1 + R2)}, Thevenin resistance {@code R1 ∥ R2}, idle
 * current {@code Vin / (R1 + R2)}. Textbook: Horowitz &amp; Hill, <i>The Art of Electronics</i>, 3rd ed., §1.2.3.
 * Stateless and thread-safe.
 */
public final class VoltageDivider {

    private VoltageDivider() {
    }

    /** {@code R2 / (R1 + R2)}. */
    public static double ratio(double r1, double r2) {
        return r2 / (r1 + r2);
    }

    public static double output(double vin, double r1, double r2) {
        return vin * ratio(r1, r2);
    }

    /** The source resistance the divider's output has: {@code R1 ∥ R2}. */
    public static double thevenin(double r1, double r2) {
        return r1 * r2 / (r1 + r2);
    }

    /** The current the divider draws with nothing on its output. */
    public static double current(double vin, double r1, double r2) {
        return vin / (r1 + r2);
    }

    /**
     * The output under a load: the Thevenin source {@code Vin·R2/(R1+R2)} behind {@code R1 ∥ R2} into
     * {@code load}.
     */
    public static double loaded(double vin, double r1, double r2, double load) {
        return output(vin, r1, thevenin(r2, load));
    }

    /**
     * A divider from {@code vin} to {@code vout}, R2 from 10 kΩ up to 100 kΩ, both from {@code series}.
     *
     * @throws IllegalArgumentException when {@code vout} is not between 0 and {@code vin}
     */
    public static Design design(double vin, double vout, ESeries series) {
        if (!(vout > 0 && vout < vin)) {
            throw new IllegalArgumentException("A divider gives less than its input: ask for an output between 0 V"
                    + " and " + Eng.num(vin) + " V, not " + Eng.num(vout) + " V.");
        }
        RatioPair pair = RatioPair.best(vin / vout - 1, series, 10e3, 100e3);
        return new Design(pair.top(), pair.bottom(), vin, vout);
    }

    /** The least total resistance of a signal-scaling divider, ohms. */
    public static final double SIGNAL_MIN_TOTAL = 10e3;
    /** The most total resistance of a signal-scaling divider, ohms. */
    public static final double SIGNAL_MAX_TOTAL = 100e3;

    /**
     * A divider that scales a signal from {@code vin} to {@code vout} ("a 0-25 V signal to 0-5 V"): both resistors
     * from {@code series}, R1 + R2 between 10 kΩ and 100 kΩ, so it loads the source lightly and still drives an ADC
     * or logic input (whose leakage and sampling want a source of a few kΩ to tens of kΩ).
     *
     * @throws IllegalArgumentException when {@code vout} is not between 0 and {@code vin}
     */
    public static Design designForSignal(double vin, double vout, ESeries series) {
        if (!(vout > 0 && vout < vin)) {
            throw new IllegalArgumentException("A divider gives less than its input: ask for an output between 0 V"
                    + " and " + Eng.num(vin) + " V, not " + Eng.num(vout) + " V.");
        }
        double share = vout / vin;
        RatioPair pair = RatioPair.best(vin / vout - 1, series, SIGNAL_MIN_TOTAL * share, SIGNAL_MAX_TOTAL * share);
        if (pair == null || pair.top().chosen() + pair.bottom().chosen() > SIGNAL_MAX_TOTAL
                || pair.top().chosen() + pair.bottom().chosen() < SIGNAL_MIN_TOTAL) {
            return design(vin, vout, series);
        }
        return new Design(pair.top(), pair.bottom(), vin, vout);
    }

    /**
     * A divider design.
     *
     * @param r1     top resistor, input to output
     * @param r2     bottom resistor, output to ground
     * @param vin    input voltage
     * @param target output asked for
     */
    public record Design(Pick r1, Pick r2, double vin, double target) {

        public double vout() {
            return output(vin, r1.chosen(), r2.chosen());
        }

        public double theveninOhms() {
            return thevenin(r1.chosen(), r2.chosen());
        }

        public double currentAmps() {
            return current(vin, r1.chosen(), r2.chosen());
        }

        /** The computations for the plan, with the references the resistors got. */
        public List<DesignPlan.Computation> computations(String r1Ref, String r2Ref) {
            double err = ESeries.error(target, vout());
            return List.of(
                    r2.computation(r2Ref, "resistance", "R2 chosen from " + r2.series() + " between 10 kΩ and 100 kΩ"
                                    + " for the best ratio", "Thevenin " + Eng.human(theveninOhms(), "Ω")),
                    r1.computation(r1Ref, "resistance", "R1 = R2 · (Vin/Vout − 1) = " + Eng.human(r2.chosen(), "Ω")
                                    + " · (" + Eng.num(vin) + " V / " + Eng.num(target) + " V − 1)",
                            "Vout " + Eng.num(vout()) + " V (" + Eng.percent(err) + "), draws "
                                    + Eng.human(currentAmps(), "A")));
        }
    }
}
