package dev.kirchhoff.agents.recipes;

import dev.kirchhoff.agents.DesignPlan;

/**
 * Adjustable buck converter modules (LM2596, MP1584 boards): the output is set with the board's trimmer, which is
 * R2 of the feedback divider, {@code Vout = Vref · (1 + R2/R1)} (LM2596 datasheet SNVS124 §9.2.2, Vref 1.23 V;
 * MP1584 datasheet, Vref 0.8 V); the input must stay within the module's range and at least the dropout above the
 * output, and the input current is {@code Vout · Iout / (η · Vin)}. Stateless and thread-safe.
 */
public final class BuckModule {

    private BuckModule() {
    }

    /** The trimmer setting for {@code vout} with fixed resistor {@code r1}: {@code R2 = R1 · (Vout/Vref − 1)}. */
    public static double trimmer(double vout, double vref, double r1) {
        return r1 * (vout / vref - 1);
    }

    public static double inputCurrent(double vout, double iout, double efficiency, double vin) {
        return vout * iout / (efficiency * vin);
    }

    /** The power the converter turns into heat: {@code Vout · Iout · (1/η − 1)}, watts. */
    public static double loss(double vout, double iout, double efficiency) {
        return vout * iout * (1 / efficiency - 1);
    }

    /** Whether {@code vin} can give {@code vout}: inside the module's input range and above output + dropout. */
    public static boolean inputFits(double vin, double vout, double vinMin, double vinMax, double dropout) {
        return vin >= vinMin && vin <= vinMax && vin >= vout + dropout;
    }

    public static DesignPlan.Computation trimmerComputation(String ref, double vout, double vref, double r1) {
        double r2 = trimmer(vout, vref, r1);
        return new DesignPlan.Computation(ref, "trimmer", "R2 = R1 · (Vout/Vref − 1) = " + Eng.human(r1, "Ω")
                + " · (" + Eng.num(vout) + " V / " + Eng.num(vref) + " V − 1)", r2, r2, "",
                "turn the trimmer to " + Eng.human(r2, "Ω") + " and check " + Eng.num(vout)
                        + " V with a meter before connecting the load");
    }
}
