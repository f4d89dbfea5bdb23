package dev.kirchhoff.agents.recipes;

import dev.kirchhoff.agents.DesignPlan;

import java.util.List;

/**
 * Biasing an op-amp on a single supply: a mid-rail reference {@code VCC/2} from two equal resistors with a bypass
 * capacitor (corner {@code 1/(2π · (R/2) · C)}, well below the signal band), and an AC-coupling capacitor at the
 * input, {@code Cin = 1/(2π · f_low · Rin)}. On a split supply the reference is ground and neither is needed.
 * Source: TI SLOA030 "Single-Supply Op Amp Design Techniques"; Horowitz &amp; Hill §4.6. Stateless and
 * thread-safe.
 */
public final class SupplyBias {

    /** Each resistor of the mid-rail divider, ohms: 100 kΩ keeps its current at 25 µA from 5 V. */
    public static final double DIVIDER_OHMS = 100e3;
    /** The bypass capacitor on the reference, farads. */
    public static final double BYPASS_FARADS = 10e-6;

    private SupplyBias() {
    }

    public static double midRail(double vcc) {
        return vcc / 2;
    }

    /** The corner of the reference's bypass: {@code 1/(2π · (R1 ∥ R2) · C)}. */
    public static double bypassCorner(double r, double c) {
        return Filters.rcCorner(VoltageDivider.thevenin(r, r), c);
    }

    /** {@code Cin = 1/(2π · fLow · Rin)}, rounded up to E6. */
    public static Pick couplingCapacitor(double fLow, double rin) {
        return Pick.atLeast(1 / (2 * Math.PI * fLow * rin), ESeries.E6);
    }

    public static List<DesignPlan.Computation> midRailComputations(double vcc, String r1, String r2, String c) {
        Pick r = Pick.fixed(DIVIDER_OHMS);
        Pick cap = Pick.fixed(BYPASS_FARADS);
        return List.of(r.computation(r1, "resistance", "Vref = VCC · R2/(R1 + R2) = " + Eng.num(vcc) + " V / 2",
                        "Vref " + Eng.num(midRail(vcc)) + " V"),
                r.computation(r2, "resistance", "equal to R1", ""),
                cap.computation(c, "capacitance", "bypass: fc = 1/(2π · (R1 ∥ R2) · C)",
                        "reference noise corner " + Eng.human(bypassCorner(DIVIDER_OHMS, BYPASS_FARADS), "Hz")));
    }
}
