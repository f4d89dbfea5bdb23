package dev.kirchhoff.agents.recipes;

/**
 * Two resistors from one series whose ratio {@code top / bottom} comes closest to a target: the pair behind a
 * divider (R1/R2), an amplifier gain (Rf/Rg) or a threshold. The bottom resistor is tried over every series value
 * in a range and the top one snapped to the nearest value for each; the pair with the smallest ratio error wins,
 * ties going to the lower bottom value. Immutable.
 *
 * @param top    the resistor on top of the ratio (R1 of a divider, Rf of an amplifier)
 * @param bottom the resistor below (R2 of a divider, Rg or Rin of an amplifier)
 * @param target the ratio asked for
 */
public record RatioPair(Pick top, Pick bottom, double target) {

    /** The best pair with {@code bottom} between {@code low} (inclusive) and {@code high} (exclusive) ohms. */
    public static RatioPair best(double ratio, ESeries series, double low, double high) {
        if (!(ratio > 0)) {
            throw new IllegalArgumentException("The parameter 'ratio' must be positive, not " + ratio + ".");
        }
        RatioPair best = null;
        double bestError = Double.POSITIVE_INFINITY;
        for (double b = series.atLeast(low); b < high; b = series.atLeast(b * 1.0001)) {
            double t = series.nearest(ratio * b);
            double err = Math.abs(Math.log((t / b) / ratio));
            if (err < bestError - 1e-12) {
                bestError = err;
                best = new RatioPair(new Pick(ratio * b, t, series), new Pick(b, b, series), ratio);
            }
        }
        return best;
    }

    /** The ratio the chosen values give. */
    public double actual() {
        return top.chosen() / bottom.chosen();
    }

    /** Relative error of the chosen ratio. */
    public double error() {
        return ESeries.error(target, actual());
    }
}
