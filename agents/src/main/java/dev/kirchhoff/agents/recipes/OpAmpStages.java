package dev.kirchhoff.agents.recipes;

import dev.kirchhoff.agents.DesignPlan;

import java.util.List;

/**
 * Op-amp stages with ideal-op-amp gains: inverting {@code G = −Rf/Rin}, non-inverting {@code G = 1 + Rf/Rg},
 * voltage follower {@code G = 1}, inverting summer {@code Vout = −Rf · Σ Vi/Ri}; and the comparator with hysteresis
 * through a resistor from the output to the non-inverting input, trip points {@code Vth · (Rin + Rh)/Rh} rising and
 * {@code (Vth · (Rin + Rh) − Vhigh · Rin)/Rh} falling. Textbook: Horowitz &amp; Hill §4.2 and §4.3.2 (Schmitt
 * trigger); TI SLOA058 "Op Amps for Everyone" ch. 3. Resistors from E24, the lower one between 10 kΩ and 100 kΩ.
 * Stateless and thread-safe.
 */
public final class OpAmpStages {

    private OpAmpStages() {
    }

    public static double nonInvertingGain(double rf, double rg) {
        return 1 + rf / rg;
    }

    public static double invertingGain(double rf, double rin) {
        return -rf / rin;
    }

    /** {@code −Rf · Σ Vi/Ri}. */
    public static double summingOutput(double rf, double[] inputs, double[] resistors) {
        double sum = 0;
        for (int k = 0; k < inputs.length; k++) {
            sum += inputs[k] / resistors[k];
        }
        return -rf * sum;
    }

    /** A non-inverting stage of gain {@code gain} (more than 1). */
    public static Gain nonInverting(double gain) {
        if (!(gain > 1)) {
            throw new IllegalArgumentException("A non-inverting stage has a gain above 1, not " + Eng.num(gain)
                    + ": use a voltage follower for 1.");
        }
        RatioPair p = RatioPair.best(gain - 1, ESeries.E24, 10e3, 100e3);
        return new Gain(false, p.top(), p.bottom(), gain);
    }

    /** An inverting stage of gain magnitude {@code gain}. */
    public static Gain inverting(double gain) {
        if (!(gain > 0)) {
            throw new IllegalArgumentException("The gain magnitude must be positive, not " + Eng.num(gain) + ".");
        }
        RatioPair p = RatioPair.best(gain, ESeries.E24, 10e3, 100e3);
        return new Gain(true, p.top(), p.bottom(), gain);
    }

    /**
     * A gain stage.
     *
     * @param inverting true for −Rf/Rin, false for 1 + Rf/Rg
     * @param rf        feedback resistor
     * @param rg        Rg (to the reference) or Rin (from the input)
     * @param target    the gain magnitude asked for
     */
    public record Gain(boolean inverting, Pick rf, Pick rg, double target) {

        /** The gain magnitude the chosen values give. */
        public double actual() {
            return inverting ? -invertingGain(rf.chosen(), rg.chosen()) : nonInvertingGain(rf.chosen(), rg.chosen());
        }

        public List<DesignPlan.Computation> computations(String rfRef, String rgRef) {
            String g = inverting ? "Rin" : "Rg";
            String result = "gain " + (inverting ? "−" : "") + Eng.num(actual()) + " ("
                    + Eng.percent(ESeries.error(target, actual())) + ")";
            String formula = inverting
                    ? "Rf = |G| · Rin = " + Eng.num(target) + " · " + Eng.human(rg.chosen(), "Ω")
                    : "Rf = (G − 1) · Rg = (" + Eng.num(target) + " − 1) · " + Eng.human(rg.chosen(), "Ω");
            return List.of(rg.computation(rgRef, "resistance", g + " chosen from E24 between 10 kΩ and 100 kΩ for "
                            + "the closest ratio", inverting ? "input resistance " + Eng.human(rg.chosen(), "Ω") : ""),
                    rf.computation(rfRef, "resistance", formula, result));
        }
    }

    /**
     * Hysteresis for a non-inverting comparator: {@code Rh = Rin · Vhigh / ΔV}.
     *
     * @param threshold the reference on the inverting input
     * @param width     the hysteresis asked for, volts
     * @param vhigh     the output's high level
     */
    public static Hysteresis hysteresis(double threshold, double width, double vhigh) {
        Pick rin = Pick.fixed(10e3);
        Pick rh = Pick.nearest(rin.chosen() * vhigh / width, ESeries.E24);
        return new Hysteresis(rin, rh, threshold, width, vhigh);
    }

    /** A comparator's hysteresis network. */
    public record Hysteresis(Pick rin, Pick rh, double threshold, double target, double vhigh) {

        public double rising() {
            return threshold * (rin.chosen() + rh.chosen()) / rh.chosen();
        }

        public double falling() {
            return (threshold * (rin.chosen() + rh.chosen()) - vhigh * rin.chosen()) / rh.chosen();
        }

        public List<DesignPlan.Computation> computations(String rinRef, String rhRef) {
            return List.of(rin.computation(rinRef, "resistance", "Rin, 10 kΩ by choice", ""),
                    rh.computation(rhRef, "resistance", "Rh = Rin · Vhigh / ΔV = " + Eng.human(rin.chosen(), "Ω")
                                    + " · " + Eng.num(vhigh) + " V / " + Eng.human(target, "V"),
                            "trips at " + Eng.num(rising()) + " V rising, " + Eng.num(falling()) + " V falling"));
        }
    }
}
