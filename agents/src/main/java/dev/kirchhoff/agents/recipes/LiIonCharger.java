package dev.kirchhoff.agents.recipes;

import dev.kirchhoff.agents.DesignPlan;

import java.util.List;

/**
 * The TP4056 single-cell Li-ion charger: charge current set by RPROG, {@code IBAT = 1200 · VPROG / RPROG} with
 * VPROG = 1 V, to a 4.2 V ±1 % CC/CV end; the datasheet's RPROG table (NanJing Top Power TP4056 datasheet, "RPROG
 * current setting") is used as given. A cell is charged at 0.5 C by default (18650 and LiPo datasheets: standard
 * charge 0.5 C). Stateless and thread-safe.
 */
public final class LiIonCharger {

    /** The datasheet table: RPROG in ohms and the charge current it gives in amperes. */
    public static final List<double[]> RPROG_TABLE = List.of(
            new double[] {10e3, 0.130}, new double[] {5e3, 0.250}, new double[] {4e3, 0.300},
            new double[] {3e3, 0.400}, new double[] {2e3, 0.580}, new double[] {1.66e3, 0.690},
            new double[] {1.5e3, 0.780}, new double[] {1.33e3, 0.900}, new double[] {1.2e3, 1.000});
    /** The charge end voltage, volts. */
    public static final double CHARGE_VOLTS = 4.2;
    /** The charge rate used when none is asked for, in C. */
    public static final double DEFAULT_RATE = 0.5;

    private LiIonCharger() {
    }

    /** {@code 1200 · 1 V / RPROG}. */
    public static double current(double rprog) {
        return 1200.0 / rprog;
    }

    /** The table row with the largest current not above {@code wanted}; the smallest row when all are above. */
    public static double[] row(double wanted) {
        double[] best = RPROG_TABLE.get(0);
        for (double[] r : RPROG_TABLE) {
            if (r[1] <= wanted * 1.0001) {
                best = r;
            }
        }
        return best;
    }

    public static DesignPlan.Computation computation(String ref, double wanted, String why) {
        double[] r = row(wanted);
        return new DesignPlan.Computation(ref, "RPROG", "IBAT = 1200 · VPROG / RPROG; datasheet table for "
                + Eng.human(wanted, "A") + " (" + why + ")", 1200.0 / wanted, r[0], "TP4056 table",
                "charges at " + Eng.human(r[1], "A") + (r[0] == 1.2e3 ? " (the module's own 1.2 kΩ)"
                : ": replace the module's 1.2 kΩ RPROG with " + Eng.human(r[0], "Ω")));
    }
}
