package dev.kirchhoff.agents.recipes;

import dev.kirchhoff.agents.DesignPlan;

import java.util.List;

/**
 * First-order RC and RL filters: corner {@code fc = 1/(2πRC)} and {@code fc = R/(2πL)}, −3 dB there, 20 dB per
 * decade beyond. Textbook: Horowitz &amp; Hill, <i>The Art of Electronics</i>, 3rd ed., §1.7.1 (RC) and §1.7.8
 * (RL). The capacitor comes from a table of E6 values from 1 nF to 10 µF and the inductor from 1 µH to 100 mH,
 * whichever puts the resistor nearest 10 kΩ (RC) or 1 kΩ (RL). Stateless and thread-safe.
 */
public final class Filters {

    private static final double[] CAPACITORS = table(1e-9, 1e-5);
    private static final double[] INDUCTORS = table(1e-6, 0.1);

    private Filters() {
    }

    public static double rcCorner(double r, double c) {
        return 1 / (2 * Math.PI * r * c);
    }

    public static double rlCorner(double r, double l) {
        return r / (2 * Math.PI * l);
    }

    /** An RC filter with corner {@code fc}. */
    public static Design rc(double fc) {
        positive(fc);
        double bestC = CAPACITORS[0];
        double bestDistance = Double.POSITIVE_INFINITY;
        for (double c : CAPACITORS) {
            double r = 1 / (2 * Math.PI * fc * c);
            double d = Math.abs(Math.log(r / 10e3));
            if (d < bestDistance) {
                bestDistance = d;
                bestC = c;
            }
        }
        Pick c = new Pick(bestC, bestC, ESeries.E6);
        Pick r = Pick.nearest(1 / (2 * Math.PI * fc * bestC), ESeries.E24);
        return new Design(false, r, c, fc);
    }

    /** An RL filter with corner {@code fc}. */
    public static Design rl(double fc) {
        positive(fc);
        double bestL = INDUCTORS[0];
        double bestDistance = Double.POSITIVE_INFINITY;
        for (double l : INDUCTORS) {
            double d = Math.abs(Math.log(2 * Math.PI * fc * l / 1e3));
            if (d < bestDistance) {
                bestDistance = d;
                bestL = l;
            }
        }
        Pick l = new Pick(bestL, bestL, ESeries.E6);
        Pick r = Pick.nearest(2 * Math.PI * fc * bestL, ESeries.E24);
        return new Design(true, r, l, fc);
    }

    /**
     * A filter design.
     *
     * @param inductive true for RL, false for RC
     * @param r         the resistor
     * @param reactive  the capacitor (farads) or inductor (henries)
     * @param target    the corner asked for
     */
    public record Design(boolean inductive, Pick r, Pick reactive, double target) {

        public double corner() {
            return inductive ? rlCorner(r.chosen(), reactive.chosen()) : rcCorner(r.chosen(), reactive.chosen());
        }

        public List<DesignPlan.Computation> computations(String rRef, String xRef) {
            String x = inductive ? Eng.human(reactive.chosen(), "H") : Eng.human(reactive.chosen(), "F");
            String formula = inductive
                    ? "R = 2π · fc · L = 2π · " + Eng.human(target, "Hz") + " · " + x
                    : "R = 1 / (2π · fc · C) = 1 / (2π · " + Eng.human(target, "Hz") + " · " + x + ")";
            String result = "fc " + Eng.human(corner(), "Hz") + " (" + Eng.percent(ESeries.error(target, corner()))
                    + ")";
            return List.of(reactive.computation(xRef, inductive ? "inductance" : "capacitance",
                            (inductive ? "L" : "C") + " from the E6 table, chosen so R lands near "
                                    + (inductive ? "1 kΩ" : "10 kΩ"), x),
                    r.computation(rRef, "resistance", formula, result));
        }
    }

    private static void positive(double fc) {
        if (!(fc > 0) || Double.isInfinite(fc)) {
            throw new IllegalArgumentException("The corner frequency must be a positive number of hertz, not " + fc
                    + ".");
        }
    }

    private static double[] table(double from, double to) {
        java.util.List<Double> out = new java.util.ArrayList<>();
        for (double v = from; v <= to * 1.0001; v = ESeries.E6.atLeast(v * 1.0001)) {
            out.add(v);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
