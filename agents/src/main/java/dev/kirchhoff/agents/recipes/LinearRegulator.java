package dev.kirchhoff.agents.recipes;

import dev.kirchhoff.agents.DesignPlan;

import java.util.List;

/**
 * Linear regulators. Fixed parts (LM7805, AMS1117, LM2940) need {@code Vin ≥ Vout + dropout} and dissipate
 * {@code (Vin − Vout) · I}; their input and output capacitors are the datasheet's ({@code cin}/{@code cout} of the
 * part's model: LM7805 0.33 µF / 0.1 µF per ST L78 and TI LM340, AMS1117 10 µF / 22 µF). The LM317 sets
 * {@code Vout = 1.25 V · (1 + R2/R1) + IADJ · R2} with R1 = 240 Ω from OUT to ADJ (TI LM317 datasheet SLVS044, §8.2).
 * Stateless and thread-safe.
 */
public final class LinearRegulator {

    /** LM317 reference voltage between OUT and ADJ, volts. */
    public static final double LM317_VREF = 1.25;
    /** LM317 adjust-pin current, amperes. */
    public static final double LM317_IADJ = 50e-6;
    /** LM317 R1 from the datasheet's application circuit, ohms. */
    public static final double LM317_R1 = 240;
    /** Junction-to-ambient resistance of a TO-220 with no heat sink, °C/W (about 50). */
    public static final double TO220_FREE_AIR = 50;

    private LinearRegulator() {
    }

    public static double minimumInput(double vout, double dropout) {
        return vout + dropout;
    }

    public static double dissipation(double vin, double vout, double current) {
        return Math.max(0, vin - vout) * current;
    }

    public static double lm317Output(double r1, double r2) {
        return LM317_VREF * (1 + r2 / r1) + LM317_IADJ * r2;
    }

    /** R1 = 240 Ω and R2 from E96 for {@code vout}. */
    public static Lm317 lm317(double vout) {
        if (!(vout >= LM317_VREF)) {
            throw new IllegalArgumentException("The LM317 gives 1.25 V at least, not " + Eng.num(vout) + " V.");
        }
        double r2 = (vout - LM317_VREF) / (LM317_VREF / LM317_R1 + LM317_IADJ);
        return new Lm317(Pick.fixed(LM317_R1), r2 > 0 ? Pick.nearest(r2, ESeries.E96) : Pick.fixed(0), vout);
    }

    /** An LM317 divider. */
    public record Lm317(Pick r1, Pick r2, double target) {

        public double vout() {
            return lm317Output(r1.chosen(), r2.chosen());
        }

        public List<DesignPlan.Computation> computations(String r1Ref, String r2Ref) {
            return List.of(r1.computation(r1Ref, "resistance", "R1 = 240 Ω (datasheet), carries "
                            + Eng.human(LM317_VREF / LM317_R1, "A") + ", above the 3.5 mA minimum load", ""),
                    r2.computation(r2Ref, "resistance", "R2 = (Vout − 1.25 V) / (1.25 V/R1 + IADJ) = ("
                                    + Eng.num(target) + " V − 1.25 V) / (1.25 V / 240 Ω + 50 µA)",
                            "Vout " + Eng.num(vout()) + " V (" + Eng.percent(ESeries.error(target, vout())) + ")"));
        }
    }

    /** The dissipation and what it means for a TO-220 without a heat sink. */
    public static DesignPlan.Computation heat(String ref, double vin, double vout, double current) {
        double p = dissipation(vin, vout, current);
        double rise = p * TO220_FREE_AIR;
        return new DesignPlan.Computation(ref, "dissipation", "P = (Vin − Vout) · I = (" + Eng.num(vin) + " V − "
                + Eng.num(vout) + " V) · " + Eng.human(current, "A"), p, p, "",
                Eng.human(p, "W") + ", about " + Eng.num(rise) + " °C above ambient without a heat sink"
                        + (rise > 60 ? ": add a heat sink" : ""));
    }
}
