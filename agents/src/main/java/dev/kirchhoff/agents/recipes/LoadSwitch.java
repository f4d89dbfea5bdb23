package dev.kirchhoff.agents.recipes;

import dev.kirchhoff.agents.DesignPlan;

import java.util.ArrayList;
import java.util.List;

/**
 * Low-side load switches driven from a logic signal. NPN: the base resistor for hard saturation with a forced beta
 * of 10-20, {@code Rb = (Vdrive − VBE(sat)) · βforced / IC} (ON Semiconductor AN "Transistor switching", Horowitz
 * &amp; Hill §2.2.1: design for IB ≈ IC/10 whatever the hFE), with a 10 kΩ base-emitter resistor so the base does not
 * float. Logic-level N-channel MOSFET: a gate resistor that keeps the gate-charge current peak within the driving
 * pin's limit, {@code Rg ≥ Vdrive / Ipin}, and a 10 kΩ gate pull-down (Infineon AN "MOSFET gate drive", IRLZ44N
 * datasheet application notes: 100-220 Ω and 10-100 kΩ). Inductive loads get a flyback diode, cathode on the supply.
 * Stateless and thread-safe.
 */
public final class LoadSwitch {

    /** The resistor that holds a base or gate off while the driver is not driving, ohms. */
    public static final double PULL_DOWN = 10e3;

    private LoadSwitch() {
    }

    /** {@code Rb = (Vdrive − VBE) · β / IC}. */
    public static double baseResistor(double vdrive, double vbe, double ic, double forcedBeta) {
        return (vdrive - vbe) * forcedBeta / ic;
    }

    /**
     * The forced beta used: a tenth of the minimum hFE, kept between 10 and 20 for single transistors; a Darlington
     * (minimum hFE 500 and up) is driven at a tenth of its minimum hFE, or its base current would reach tens of mA.
     */
    public static double forcedBeta(double hfeMin) {
        return hfeMin >= 500 ? hfeMin / 10 : Math.max(10, Math.min(20, hfeMin / 10));
    }

    /** Base current through {@code rb}, less what the base-emitter pull-down takes. */
    public static double baseCurrent(double vdrive, double vbe, double rb, double pullDown) {
        return Math.max(0, (vdrive - vbe) / rb - vbe / pullDown);
    }

    /**
     * An NPN switch.
     *
     * @param vdrive   the logic high that drives the base
     * @param vbeSat   the transistor's VBE(sat)
     * @param ic       the load current
     * @param hfeMin   the transistor's minimum hFE
     */
    public static Bjt bjt(double vdrive, double vbeSat, double ic, double hfeMin) {
        if (!(vdrive > vbeSat)) {
            throw new IllegalArgumentException("The drive (" + Eng.num(vdrive) + " V) must exceed VBE(sat) ("
                    + Eng.num(vbeSat) + " V) to turn the transistor on.");
        }
        double beta = forcedBeta(hfeMin);
        Pick rb = Pick.atMost(baseResistor(vdrive, vbeSat, ic, beta), ESeries.E12);
        return new Bjt(rb, Pick.fixed(PULL_DOWN), vdrive, vbeSat, ic, beta);
    }

    /** An NPN switch design; {@code rb} is rounded down so the base gets at least the forced-beta current. */
    public record Bjt(Pick rb, Pick pullDown, double vdrive, double vbeSat, double ic, double forcedBeta) {

        public double baseCurrent() {
            return LoadSwitch.baseCurrent(vdrive, vbeSat, rb.chosen(), pullDown.chosen());
        }

        public List<DesignPlan.Computation> computations(String rbRef, String pdRef) {
            List<DesignPlan.Computation> out = new ArrayList<>();
            out.add(rb.computation(rbRef, "resistance", "Rb = (Vdrive − VBE(sat)) · βforced / IC = (" + Eng.num(vdrive)
                    + " V − " + Eng.num(vbeSat) + " V) · " + Eng.num(forcedBeta) + " / " + Eng.human(ic, "A"),
                    "IB " + Eng.human(baseCurrent(), "A") + ", forced beta " + Eng.num(ic / baseCurrent())));
            out.add(pullDown.computation(pdRef, "resistance", "base-emitter pull-down, 10 kΩ by convention",
                    "takes " + Eng.human(vbeSat / pullDown.chosen(), "A") + " of the base current"));
            return out;
        }
    }

    /**
     * A logic-level MOSFET switch.
     *
     * @param vdrive     gate drive voltage
     * @param pinMax     the most current the driving pin may give, amperes (20 mA for an AVR or ESP32 pin)
     * @param rdsOn      on-resistance at this drive
     * @param load       load current
     */
    public static Mosfet mosfet(double vdrive, double pinMax, double rdsOn, double load) {
        return mosfet(vdrive, pinMax, rdsOn, load, PULL_DOWN);
    }

    /**
     * A MOSFET switch with a gate pull-down of {@code pullDown} ohms: 100 kΩ where a push-pull driver (a 555 output)
     * holds the gate and the pull-down only keeps it off while the driver is unpowered.
     */
    public static Mosfet mosfet(double vdrive, double pinMax, double rdsOn, double load, double pullDown) {
        Pick rg = Pick.atLeast(vdrive / pinMax, ESeries.E12);
        return new Mosfet(rg, Pick.fixed(pullDown), vdrive, pinMax, rdsOn, load);
    }

    /** A MOSFET switch design. */
    public record Mosfet(Pick rg, Pick pullDown, double vdrive, double pinMax, double rdsOn, double load) {

        /** The gate voltage with the pull-down and gate resistor as a divider. */
        public double gateVoltage() {
            return VoltageDivider.output(vdrive, rg.chosen(), pullDown.chosen());
        }

        /** Conduction loss {@code I²·RDS(on)}. */
        public double conductionLoss() {
            return load * load * rdsOn;
        }

        public List<DesignPlan.Computation> computations(String rgRef, String pdRef) {
            return List.of(
                    rg.computation(rgRef, "resistance", "Rg ≥ Vdrive / Ipin = " + Eng.num(vdrive) + " V / "
                            + Eng.human(pinMax, "A"), "gate current peak " + Eng.human(vdrive / rg.chosen(), "A")),
                    pullDown.computation(pdRef, "resistance", "gate pull-down, " + Eng.human(pullDown.chosen(), "Ω")
                                    + " (10-100 kΩ per the datasheet)",
                            "VGS " + Eng.num(gateVoltage()) + " V when driven, " + Eng.human(conductionLoss(), "W")
                                    + " conduction loss at " + Eng.human(load, "A")));
        }
    }
}
