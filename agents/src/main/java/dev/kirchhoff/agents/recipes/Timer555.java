package dev.kirchhoff.agents.recipes;

import dev.kirchhoff.agents.DesignPlan;

import java.util.List;

/**
 * The 555 timer. Astable: {@code f = 1.44 / ((R1 + 2R2) · C)}, duty {@code (R1 + R2) / (R1 + 2R2)} (always above
 * 50 %); monostable: {@code t = 1.1 · R · C}. TI NE555 datasheet SLFS022, §8.3.2 and §8.3.1. The timing capacitor
 * comes from a table of decades, 1 nF to 1000 µF, chosen for the smallest timing error after snapping with the resistors within 10 kΩ-1 MΩ
 * (R1 at least 1 kΩ keeps the discharge transistor's current within its rating). CONTROL gets 10 nF to ground.
 * Stateless and thread-safe.
 */
public final class Timer555 {

    /** Timing capacitor table, farads. */
    static final double[] CAPACITORS = {1e-9, 10e-9, 100e-9, 1e-6, 10e-6, 100e-6, 1000e-6};
    /** The capacitor on CONTROL, farads (datasheet: 0.01 µF). */
    public static final double CONTROL_FARADS = 10e-9;
    /** The smallest R1, ohms. */
    public static final double R1_MIN = 1e3;

    private Timer555() {
    }

    public static double astableFrequency(double r1, double r2, double c) {
        return 1.44 / ((r1 + 2 * r2) * c);
    }

    public static double astableDuty(double r1, double r2) {
        return (r1 + r2) / (r1 + 2 * r2);
    }

    public static double monostablePulse(double r, double c) {
        return 1.1 * r * c;
    }

    /**
     * The table capacitor for which {@code design} gives the smallest timing error after snapping, among those that
     * keep {@code resistance(c)} within 10 kΩ-1 MΩ (nearest 100 kΩ when none does); ties go to the resistance
     * nearest 100 kΩ.
     */
    private static double capacitorFor(java.util.function.DoubleUnaryOperator resistance,
                                       java.util.function.DoubleUnaryOperator error) {
        double best = Double.NaN;
        double bestScore = Double.POSITIVE_INFINITY;
        for (double c : CAPACITORS) {
            double r = resistance.applyAsDouble(c);
            if (r < 10e3 || r > 1e6) {
                continue;
            }
            double score = Math.abs(error.applyAsDouble(c)) + 1e-4 * Math.abs(Math.log(r / 100e3));
            if (score < bestScore) {
                bestScore = score;
                best = c;
            }
        }
        if (Double.isNaN(best)) {
            double bestDistance = Double.POSITIVE_INFINITY;
            for (double c : CAPACITORS) {
                double d = Math.abs(Math.log(resistance.applyAsDouble(c) / 100e3));
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
        }
        return best;
    }

    private static Astable astableWith(double f, double duty, double c) {
        double total = 1.44 / (f * c);
        double r1 = duty > 0.5 && duty < 1 ? Math.max(R1_MIN, (2 * duty - 1) * total) : R1_MIN;
        double r2 = Math.max(R1_MIN, (total - r1) / 2);
        return new Astable(Pick.nearest(r1, ESeries.E24), Pick.nearest(r2, ESeries.E24), new Pick(c, c, ESeries.E6),
                f, duty);
    }

    /**
     * An astable of frequency {@code f} and duty {@code duty} (a fraction; at or below 0.5 gives R1 = 1 kΩ, the
     * closest a plain 555 astable gets to 50 %).
     */
    public static Astable astable(double f, double duty) {
        if (!(f > 0) || Double.isInfinite(f)) {
            throw new IllegalArgumentException("The frequency must be a positive number of hertz, not " + f + ".");
        }
        double c = capacitorFor(cap -> 1.44 / (f * cap),
                cap -> ESeries.error(f, astableWith(f, duty, cap).frequency()));
        return astableWith(f, duty, c);
    }

    /** An astable design; {@code duty} is what was asked for. */
    public record Astable(Pick r1, Pick r2, Pick c, double targetFrequency, double targetDuty) {

        public double frequency() {
            return astableFrequency(r1.chosen(), r2.chosen(), c.chosen());
        }

        public double duty() {
            return astableDuty(r1.chosen(), r2.chosen());
        }

        public List<DesignPlan.Computation> computations(String r1Ref, String r2Ref, String cRef) {
            double total = 1.44 / (targetFrequency * c.chosen());
            return List.of(
                    c.computation(cRef, "capacitance", "C from the timing table for the smallest error after "
                            + "snapping: R1 + 2R2 = 1.44/(f·C) = " + Eng.human(total, "Ω"), Eng.human(c.chosen(), "F")),
                    r1.computation(r1Ref, "resistance", targetDuty > 0.5 && targetDuty < 1
                                    ? "R1 = (2D − 1) · 1.44/(f·C) = (2 · " + Eng.num(targetDuty) + " − 1) · "
                                    + Eng.human(total, "Ω") : "R1 = 1 kΩ, the smallest the discharge pin allows",
                            "duty " + Eng.num(duty() * 100) + " %"),
                    r2.computation(r2Ref, "resistance", "R2 = (1.44/(f·C) − R1) / 2 = (" + Eng.human(total, "Ω")
                                    + " − " + Eng.human(r1.chosen(), "Ω") + ") / 2",
                            "f " + Eng.human(frequency(), "Hz") + " (" + Eng.percent(ESeries.error(targetFrequency,
                                    frequency())) + ")"));
        }
    }

    /** Standard potentiometer track values, ohms (the 1-2-5 steps panel pots are sold in). */
    static final double[] POTS = {10e3, 20e3, 50e3, 100e3, 200e3, 500e3};
    /** The forward drop of a 1N4148 steering diode at the 0.1 mA a timing network draws, volts (its forward curve). */
    public static final double STEERING_DIODE_DROP = 0.6;

    /**
     * The time, in units of R·C, for the timing capacitor to cross between 1/3 and 2/3 VCC when a diode of drop
     * {@code vd} sits in its path: charging toward VCC − Vd, or discharging toward Vd,
     * {@code ln((2/3·VCC − Vd) / (1/3·VCC − Vd))} (ln 2 = 0.693 without the diode). RC charging law with the
     * thresholds of TI NE555 datasheet SLFS022 §8.3.2.
     */
    public static double steeredTimeFactor(double vcc, double vd) {
        return Math.log((2 * vcc / 3 - vd) / (vcc / 3 - vd));
    }

    /**
     * The frequency of the diode-steered astable, {@code f = 1 / ((R1 + Rpot) · C · ln((2/3·VCC − Vd) / (1/3·VCC −
     * Vd)))}: the capacitor charges through R1, the pot's wiper-to-end-1 half and one diode, and discharges through
     * the other half and the other diode into DISCHARGE, so the period holds the whole pot wherever the wiper is
     * (about {@code 1.44 / ((R1 + Rpot) · C)} when the diode drop is small next to VCC).
     */
    public static double steeredFrequency(double r1, double pot, double c, double vcc, double vd) {
        return 1 / ((r1 + pot) * c * steeredTimeFactor(vcc, vd));
    }

    /** The duty of the diode-steered astable with the wiper a fraction {@code wiper} from end 1: (R1 + Ra)/(R1 + Rpot). */
    public static double steeredDuty(double r1, double pot, double wiper) {
        return (r1 + wiper * pot) / (r1 + pot);
    }

    /**
     * A PWM astable of frequency {@code f} from {@code vcc}: a pot from {@link #POTS} and an E12 capacitor (1 nF-1 µF)
     * for which R1 = 1/(f·C·k) − Rpot, snapped to E24, is at least {@link #R1_MIN} and at most a tenth of the pot (so
     * the duty sweeps from under 10 % to nearly 100 %), with the smallest frequency error; ties go to a pot near
     * 100 kΩ. A quarter of the pot is allowed when nothing fits.
     */
    public static Pwm pwm(double f, double vcc, double vd) {
        if (!(f > 0) || Double.isInfinite(f)) {
            throw new IllegalArgumentException("The frequency must be a positive number of hertz, not " + f + ".");
        }
        double k = steeredTimeFactor(vcc, vd);
        for (double share : new double[] {0.1, 0.25}) {
            Pwm best = null;
            double bestScore = Double.POSITIVE_INFINITY;
            for (int d = -9; d <= -7; d++) {
                for (double m : new double[] {1.0, 1.2, 1.5, 1.8, 2.2, 2.7, 3.3, 3.9, 4.7, 5.6, 6.8, 8.2}) {
                    double c = ESeries.E12.nearest(m * Math.pow(10, d));
                    for (double pot : POTS) {
                        double r1 = 1 / (f * c * k) - pot;
                        if (r1 < R1_MIN || r1 > share * pot) {
                            continue;
                        }
                        Pwm p = new Pwm(Pick.nearest(r1, ESeries.E24), Pick.fixed(pot), new Pick(c, c, ESeries.E12),
                                f, vcc, vd);
                        double score = Math.abs(ESeries.error(f, p.frequency())) + 1e-3 * Math.abs(Math.log(pot / 100e3));
                        if (score < bestScore) {
                            bestScore = score;
                            best = p;
                        }
                    }
                }
            }
            if (best != null) {
                return best;
            }
        }
        throw new IllegalArgumentException("No potentiometer of 10 kΩ-500 kΩ with a 1 nF-1 µF capacitor gives "
                + f + " Hz: ask for 10 Hz to 50 kHz.");
    }

    /** A diode-steered PWM astable: R1 from VCC to DISCHARGE and the pot's wiper, the pot, the timing capacitor. */
    public record Pwm(Pick r1, Pick pot, Pick c, double targetFrequency, double vcc, double vd) {

        public double frequency() {
            return steeredFrequency(r1.chosen(), pot.chosen(), c.chosen(), vcc, vd);
        }

        /** The duty with the wiper at end 1 (the charging half shorted). */
        public double minDuty() {
            return steeredDuty(r1.chosen(), pot.chosen(), 0);
        }

        /** The duty with the wiper at end 3 (the discharging half shorted). */
        public double maxDuty() {
            return steeredDuty(r1.chosen(), pot.chosen(), 1);
        }

        public List<DesignPlan.Computation> computations(String r1Ref, String potRef, String cRef) {
            double k = steeredTimeFactor(vcc, vd);
            double total = 1 / (targetFrequency * c.chosen() * k);
            return List.of(
                    c.computation(cRef, "capacitance", "C (E12) and Rpot from the pot values for the smallest error "
                            + "with 1 kΩ ≤ R1 ≤ Rpot/10: R1 + Rpot = 1/(f·C·k) = " + Eng.human(total, "Ω") + ", k = ln((2/3·"
                            + Eng.num(vcc) + " − " + Eng.num(vd) + ")/(1/3·" + Eng.num(vcc) + " − " + Eng.num(vd)
                            + ")) = " + Eng.num(k), Eng.human(c.chosen(), "F")),
                    pot.computation(potRef, "resistance", "Rpot, a standard pot value below 1/(f·C·k) = "
                            + Eng.human(total, "Ω"), "sets the duty: D = (R1 + Ra)/(R1 + Rpot), Ra = wiper to end 1"),
                    r1.computation(r1Ref, "resistance", "R1 = 1/(f·C·k) − Rpot = " + Eng.human(total, "Ω") + " − "
                                    + Eng.human(pot.chosen(), "Ω"),
                            "f = 1/((R1 + Rpot)·C·k) = " + Eng.human(frequency(), "Hz") + " (" + Eng.percent(
                                    ESeries.error(targetFrequency, frequency())) + ") at any wiper position; duty "
                                    + Eng.num(Math.round(minDuty() * 1000) / 10.0) + "-" + Eng.num(Math.round(
                                    maxDuty() * 1000) / 10.0) + " %"));
        }
    }

    /** A monostable of pulse length {@code t} seconds. */
    public static Monostable monostable(double t) {
        if (!(t > 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("The pulse length must be a positive number of seconds, not " + t + ".");
        }
        double c = capacitorFor(cap -> t / (1.1 * cap),
                cap -> ESeries.error(t, monostablePulse(ESeries.E24.nearest(t / (1.1 * cap)), cap)));
        return new Monostable(Pick.nearest(t / (1.1 * c), ESeries.E24), new Pick(c, c, ESeries.E6), t);
    }

    /** A monostable design. */
    public record Monostable(Pick r, Pick c, double target) {

        public double pulse() {
            return monostablePulse(r.chosen(), c.chosen());
        }

        public List<DesignPlan.Computation> computations(String rRef, String cRef) {
            return List.of(c.computation(cRef, "capacitance", "C from the timing table for the smallest error after "
                            + "snapping, R within 10 kΩ-1 MΩ", Eng.human(c.chosen(), "F")),
                    r.computation(rRef, "resistance", "R = t / (1.1 · C) = " + Eng.human(target, "s") + " / (1.1 · "
                                    + Eng.human(c.chosen(), "F") + ")",
                            "t " + Eng.human(pulse(), "s") + " (" + Eng.percent(ESeries.error(target, pulse())) + ")"));
        }
    }
}
