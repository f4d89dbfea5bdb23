package dev.kirchhoff.agents.recipes;

/**
 * The IEC 60063 preferred-number series: snaps a computed value to the nearest standard value and reports the error.
 * Thread-safe; the series are constants.
 *
 * <pre>{@code
 * ESeries.E12.nearest(300.0)    // 330.0 (300 is 1.10× from 330 and 1.11× from 270)
 * ESeries.E24.nearest(300.0)    // 300.0
 * }</pre>
 */
public enum ESeries {
    E6(new double[] {1.0, 1.5, 2.2, 3.3, 4.7, 6.8}),
    E12(new double[] {1.0, 1.2, 1.5, 1.8, 2.2, 2.7, 3.3, 3.9, 4.7, 5.6, 6.8, 8.2}),
    E24(new double[] {1.0, 1.1, 1.2, 1.3, 1.5, 1.6, 1.8, 2.0, 2.2, 2.4, 2.7, 3.0, 3.3, 3.6, 3.9, 4.3, 4.7, 5.1, 5.6,
            6.2, 6.8, 7.5, 8.2, 9.1}),
    E96(e96());

    private final double[] mantissas;

    ESeries(double[] mantissas) {
        this.mantissas = mantissas;
    }

    /** The series value nearest to {@code value} on a logarithmic scale (equal ratio error either side). */
    public double nearest(double value) {
        return snap(value, 0);
    }

    /** The smallest series value not below {@code value}: for a resistor that must limit current to at most a target. */
    public double atLeast(double value) {
        return snap(value, 1);
    }

    /** The largest series value not above {@code value}. */
    public double atMost(double value) {
        return snap(value, -1);
    }

    /** Relative error of {@code chosen} against {@code exact}, as a fraction ({@code 0.1} is +10 %). */
    public static double error(double exact, double chosen) {
        return exact == 0 ? 0 : (chosen - exact) / exact;
    }

    private double snap(double value, int direction) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("The parameter 'value' must be a positive finite number, not " + value + ".");
        }
        int decade = (int) Math.floor(Math.log10(value));
        double best = Double.NaN;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int d = decade - 1; d <= decade + 1; d++) {
            double scale = Math.pow(10, d);
            for (double m : mantissas) {
                double candidate = round(m * scale);
                if (direction > 0 && candidate < value * (1 - 1e-9) || direction < 0 && candidate > value * (1 + 1e-9)) {
                    continue;
                }
                double distance = Math.abs(Math.log(candidate / value));
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = candidate;
                }
            }
        }
        return best;
    }

    /** Removes binary noise: 3.3 × 100 is 330, not 329.99999999999994. */
    private static double round(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).doubleValue();
    }

    private static double[] e96() {
        double[] m = new double[96];
        for (int i = 0; i < 96; i++) {
            m[i] = Math.round(Math.pow(10, i / 96.0) * 100) / 100.0;
        }
        return m;
    }
}
