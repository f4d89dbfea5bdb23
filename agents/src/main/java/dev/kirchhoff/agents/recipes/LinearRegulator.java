package dev.kirchhoff.agents.recipes;

import dev.kirchhoff.agents.DesignPlan;

import java.util.List;

/**
 * Linear regulators. Fixed parts (LM7805, AMS1117, LM2940) need {@code Vin ≥ Vout + dropout} and dissipate
 * {@code (Vin − Vout) · I}; their input and output capacitors are the datasheet's ({@code cin}/{@code cout} of the
 * part's model: LM7805 0.33 µF / 0.1 µF per ST L78 and TI LM340, AMS1117 10 µF / 22 µF). The LM317 sets
 * {@code Vout = 1.25 V · (1 + R2/R1) + IADJ · R2} with R1 = 240 Ω from OUT to ADJ (TI LM317 datasheet SLVS044, §8.2).
 * The heat {@code P} must leave through the package: with no heat sink the junction sits at {@code Ta + P · θJA};
 * on a heat sink of {@code θSA} it sits at {@code Ta + P · (θJC + θCS + θSA)}, so the heat sink needed for
 * {@code Tj,max} is {@code θSA = (Tj,max − Ta)/P − θJC − θCS} ({@link Thermal}). Stateless and thread-safe.
 */
public final class LinearRegulator {

    /** LM317 reference voltage between OUT and ADJ, volts. */
    public static final double LM317_VREF = 1.25;
    /** LM317 adjust-pin current, amperes. */
    public static final double LM317_IADJ = 50e-6;
    /** LM317 R1 from the datasheet's application circuit, ohms. */
    public static final double LM317_R1 = 240;

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

    /** Ambient temperature the thermal checks assume, °C. */
    public static final double AMBIENT = 25;
    /** Maximum operating junction temperature of the common regulators (LM340/L78, AMS1117, LM317), °C. */
    public static final double TJ_MAX = 125;

    /**
     * The thermal data of a regulator package. Immutable.
     *
     * @param name          the package as parts name it ({@code TO-220})
     * @param thetaJA       junction to ambient with no heat sink (on the minimum pad for surface mount), °C/W
     * @param thetaJC       junction to case, °C/W
     * @param thetaCS       case to heat sink through a greased insulating pad, °C/W
     * @param tjMax         maximum operating junction temperature, °C
     * @param heatSinkWatts most the package is asked to shed on a modest bolt-on heat sink, watts; 0 when it takes
     *                      none (surface-mount parts are cooled only through the board copper)
     * @param source        where the figures come from
     */
    public record Package(String name, double thetaJA, double thetaJC, double thetaCS, double tjMax,
                          double heatSinkWatts, String source) {

        /** TI LM340 / LM7805 datasheet (SNOSBT0), KTT/KCS TO-220: RθJA about 50 °C/W, RθJC 5 °C/W. */
        public static final Package TO_220 = new Package("TO-220", 50, 5, 0.5, TJ_MAX, 10,
                "TI LM340/LM7805 datasheet: TO-220 θJA 50 °C/W, θJC 5 °C/W; about 0.5 °C/W through a greased pad");
        /** AMS1117 datasheet: SOT-223 θJA 90 °C/W on the minimum pad, θJC 15 °C/W; no heat sink fits it. */
        public static final Package SOT_223 = new Package("SOT-223", 90, 15, 0, TJ_MAX, 0,
                "AMS1117 datasheet: SOT-223 θJA 90 °C/W on the minimum pad, θJC 15 °C/W; cooled only through the "
                        + "board copper");
        /** TI LM78Lxx datasheet, LP (TO-92): θJA about 180 °C/W. */
        public static final Package TO_92 = new Package("TO-92", 180, 60, 0, TJ_MAX, 0,
                "TI LM78Lxx datasheet: TO-92 θJA about 180 °C/W; no heat sink fits it");
        /** The packages known, the ones a part's name is searched for. */
        public static final List<Package> KNOWN = List.of(TO_220, SOT_223, TO_92);

        /** The known package named in {@code text} (a part's name or part numbers), hyphens and case ignored. */
        public static java.util.Optional<Package> in(String text) {
            String t = text.toUpperCase(java.util.Locale.ROOT).replace("-", "");
            return KNOWN.stream().filter(p -> t.contains(p.name().replace("-", ""))).findFirst();
        }

        /** This package with a part's own figures (from its datasheet) in place of the package's. */
        public Package with(double thetaJA, double thetaJC, double tjMax) {
            return new Package(name, thetaJA, thetaJC, thetaCS, tjMax, heatSinkWatts, source);
        }

        /** Most the package sheds at {@code ambient} with no heat sink: {@code (Tj,max − Ta) / θJA}, watts. */
        public double freeAirWatts(double ambient) {
            return (tjMax - ambient) / thetaJA;
        }
    }

    /** How a package copes with a dissipation: alone, on a heat sink, or not at all. */
    public enum Cooling { FREE_AIR, HEAT_SINK, TOO_HOT }

    /**
     * A regulator's dissipation judged against its package at an ambient temperature. Immutable.
     *
     * @param pkg     the package
     * @param power   the dissipation, watts
     * @param ambient the ambient temperature, °C
     */
    public record Thermal(Package pkg, double power, double ambient) {

        /** {@code (Vin − Vout) · I} in {@code pkg} at {@link #AMBIENT}. */
        public static Thermal of(Package pkg, double vin, double vout, double current) {
            return new Thermal(pkg, dissipation(vin, vout, current), AMBIENT);
        }

        /** Junction temperature with no heat sink: {@code Ta + P · θJA}, °C. */
        public double junctionFreeAir() {
            return ambient + power * pkg.thetaJA();
        }

        /** The heat sink needed: {@code θSA = (Tj,max − Ta) / P − θJC − θCS}, °C/W. */
        public double heatSink() {
            return power <= 0 ? Double.POSITIVE_INFINITY
                    : (pkg.tjMax() - ambient) / power - pkg.thetaJC() - pkg.thetaCS();
        }

        public Cooling cooling() {
            if (power <= pkg.freeAirWatts(ambient)) {
                return Cooling.FREE_AIR;
            }
            return power <= pkg.heatSinkWatts() && heatSink() > 0 ? Cooling.HEAT_SINK : Cooling.TOO_HOT;
        }

        /** The dissipation and, when the package needs one, the heat sink's θSA. */
        public List<DesignPlan.Computation> computations(String ref, double vin, double vout, double current) {
            String formula = "P = (Vin − Vout) · I = (" + Eng.num(vin) + " V − " + Eng.num(vout) + " V) · "
                    + Eng.human(current, "A");
            String limit = pkg.name() + " sheds " + Eng.num(pkg.freeAirWatts(ambient)) + " W alone (θJA "
                    + Eng.num(pkg.thetaJA()) + " °C/W, Tj,max " + Eng.num(pkg.tjMax()) + " °C at "
                    + Eng.num(ambient) + " °C)";
            return switch (cooling()) {
                case FREE_AIR -> List.of(new DesignPlan.Computation(ref, "dissipation", formula, power, power, "",
                        Eng.human(power, "W") + ", junction about " + Eng.num(junctionFreeAir()) + " °C with no heat"
                                + " sink; the " + limit));
                case HEAT_SINK -> List.of(new DesignPlan.Computation(ref, "dissipation", formula, power, power, "",
                                Eng.human(power, "W") + ", more than the " + limit + ": needs a heat sink"),
                        new DesignPlan.Computation(ref, "heat sink", "θSA = (Tj,max − Ta) / P − θJC − θCS = ("
                                + Eng.num(pkg.tjMax()) + " °C − " + Eng.num(ambient) + " °C) / " + Eng.num(power)
                                + " W − " + Eng.num(pkg.thetaJC()) + " °C/W − " + Eng.num(pkg.thetaCS())
                                + " °C/W",
                                heatSink(), heatSink(), "", "a heat sink of " + Eng.num(heatSink())
                                + " °C/W or less, bolted on with thermal grease"));
                case TOO_HOT -> List.of(new DesignPlan.Computation(ref, "dissipation", formula, power, power, "",
                        Eng.human(power, "W") + ", more than the " + limit + (pkg.heatSinkWatts() > 0
                                ? " or about " + Eng.num(pkg.heatSinkWatts()) + " W on a modest heat sink"
                                : " and it takes no heat sink") + ": use a switching converter"));
            };
        }
    }

    /** The dissipation judged for a TO-220 (the 78xx and LM317 package). */
    public static DesignPlan.Computation heat(String ref, double vin, double vout, double current) {
        Thermal t = Thermal.of(Package.TO_220, vin, vout, current);
        List<DesignPlan.Computation> cs = t.computations(ref, vin, vout, current);
        return cs.size() == 1 ? cs.get(0) : new DesignPlan.Computation(ref, "dissipation", cs.get(0).formula(),
                t.power(), t.power(), "", cs.get(0).resultNote() + " of " + Eng.num(t.heatSink()) + " °C/W or less");
    }
}
