package dev.kirchhoff.agents.recipes;

import dev.kirchhoff.agents.DesignPlan;

import java.util.List;

/**
 * The zener shunt regulator: a series resistor from the input to the output, the zener from the output to ground.
 * {@code R = (Vin − Vz) / (Iload + Iz,min)} keeps at least {@code Iz,min} in the zener at full load, so it stays in
 * breakdown; with no load the whole {@code (Vin − Vz)/R} flows through the zener, so its worst-case dissipation is
 * {@code Vz · (Vin − Vz)/R}, and the resistor dissipates {@code (Vin − Vz)²/R}. The resistor is rounded down to E24
 * (a little more current, never less than Iz,min). Textbook: Horowitz &amp; Hill, <i>The Art of Electronics</i>,
 * 3rd ed., §2.2.5 ("zener regulator"); Vishay 1N4728A–1N4764A datasheet for Vz at IZT and PD max.
 * Stateless and thread-safe.
 */
public final class ZenerRegulator {

    /** Fraction of the rated power a part may dissipate in a design (50 % derating). */
    public static final double DERATING = 0.5;

    private ZenerRegulator() {
    }

    /**
     * The minimum zener current to design for: half the test current IZT, where the datasheet's Vz holds, and never
     * below the knee current IZK. Below the knee the voltage falls away (the 1N4733A gives about 4.5 V at 1 mA).
     */
    public static double minimumZenerCurrent(double izt, double izk) {
        return Math.max(izk, izt / 2);
    }

    /** {@code (Vin − Vz) / (Iload + Iz,min)}. */
    public static double seriesResistance(double vin, double vz, double iload, double izMin) {
        return (vin - vz) / (iload + izMin);
    }

    /**
     * A zener regulator from {@code vin} to the zener voltage {@code vz} for a load of {@code iload}.
     *
     * @param izMin     the least zener current to keep ({@link #minimumZenerCurrent})
     * @param zenerPmax the zener's power rating, watts
     * @throws IllegalArgumentException when the input is not above the zener voltage
     */
    public static Design design(double vin, double vz, double iload, double izMin, double zenerPmax) {
        return design(vin, vz, iload, izMin, zenerPmax, 1);
    }

    /**
     * As {@link #design(double, double, double, double, double)}, with the series resistance made of
     * {@code pieces} equal resistors in series, each {@code R/pieces} from E24 (rounded down), so each dissipates
     * {@code 1/pieces} of the power: the way to stay within small resistors' ratings.
     */
    public static Design design(double vin, double vz, double iload, double izMin, double zenerPmax, int pieces) {
        if (!(vin > vz + 0.5)) {
            throw new IllegalArgumentException("A zener regulator needs an input above the zener voltage (" + Eng.num(vz)
                    + " V) with room across its resistor: give at least " + Eng.num(vz + 1) + " V, not "
                    + Eng.num(vin) + " V.");
        }
        int n = Math.max(1, pieces);
        double exact = seriesResistance(vin, vz, Math.max(0, iload), izMin) / n;
        return new Design(Pick.atMost(exact, ESeries.E24), n, vin, vz, Math.max(0, iload), izMin, zenerPmax);
    }

    /** How many equal series resistors keep each within {@code rating} watts for a total of {@code watts}. */
    public static int piecesFor(double watts, double rating) {
        return Math.max(1, (int) Math.ceil(watts / rating - 1e-9));
    }

    /**
     * A zener regulator design.
     *
     * @param r         one series resistor (the resistance is {@code pieces} of them in series)
     * @param pieces    how many equal resistors make the series resistance
     * @param vin       input voltage
     * @param vz        zener voltage
     * @param iload     load current at the output
     * @param izMin     the zener current kept at full load
     * @param zenerPmax the zener's power rating, watts
     */
    public record Design(Pick r, int pieces, double vin, double vz, double iload, double izMin, double zenerPmax) {

        /** The current through the resistor, amperes. */
        public double seriesCurrent() {
            return (vin - vz) / resistance();
        }

        /** The total series resistance. */
        public double resistance() {
            return r.chosen() * pieces;
        }

        /** The zener current at full load. */
        public double zenerCurrentLoaded() {
            return seriesCurrent() - iload;
        }

        /** The worst case for the zener: the load removed, all of the series current in it. */
        public double zenerPowerNoLoad() {
            return vz * seriesCurrent();
        }

        /** The dissipation of the series resistance, all pieces together. */
        public double resistorPower() {
            return (vin - vz) * seriesCurrent();
        }

        /** The dissipation of one piece of the series resistance. */
        public double piecePower() {
            return resistorPower() / pieces;
        }

        /** The smallest standard power rating at twice one piece's dissipation (0.25, 0.5, 1, 2, 5 W). */
        public double resistorRating() {
            for (double w : new double[]{0.25, 0.5, 1, 2, 5}) {
                if (piecePower() <= DERATING * w) {
                    return w;
                }
            }
            return 10;
        }

        /** Whether the zener stays within half its power rating with the load removed. */
        public boolean zenerWithinRating() {
            return zenerPowerNoLoad() <= DERATING * zenerPmax;
        }

        /** The computations for the plan, with the references of the resistor and the zener. */
        public List<DesignPlan.Computation> computations(String rRef, String zRef) {
            double pz = zenerPowerNoLoad();
            double pr = resistorPower();
            return List.of(
                    r.computation(rRef, "resistance", "R = (Vin − Vz) / (Iload + Iz,min) = (" + Eng.num(vin) + " V − "
                                    + Eng.num(vz) + " V) / (" + Eng.human(iload, "A") + " + " + Eng.human(izMin, "A")
                                    + ")" + (pieces > 1 ? ", as " + pieces + " equal resistors in series" : "")
                                    + " [Horowitz & Hill §2.2.5]",
                            Eng.human(seriesCurrent(), "A") + " through R; the zener keeps "
                                    + Eng.human(zenerCurrentLoaded(), "A") + " at full load"),
                    new DesignPlan.Computation(rRef, "dissipation", "P_R = (Vin − Vz)² / R = (" + Eng.num(vin - vz)
                            + " V)² / " + Eng.human(resistance(), "Ω") + (pieces > 1 ? ", shared by " + pieces
                            + " resistors" : ""), pr, resistorRating(), "", Eng.human(piecePower(), "W")
                            + (pieces > 1 ? " each" : "") + ": use " + Eng.num(resistorRating())
                            + " W resistors (50 % derating)"),
                    new DesignPlan.Computation(zRef, "dissipation", "P_Z,max = Vz · (Vin − Vz)/R with the load removed = "
                            + Eng.num(vz) + " V · " + Eng.human(seriesCurrent(), "A"), pz, pz, "",
                            Eng.human(pz, "W") + " of the zener's " + Eng.human(zenerPmax, "W")
                                    + (zenerWithinRating() ? " (within 50 % derating)"
                                    : ": above 50 % of its rating, use a higher-power zener or a regulator IC")));
        }
    }
}
