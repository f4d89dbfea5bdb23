package dev.kirchhoff.knowledge;

/** A voltage range in volts; any bound may be absent. */
public record VoltageRange(Double min, Double nominal, Double max) {

    /** True when {@code volts} lies inside the bounds that are given (a small tolerance of 1 mV). */
    public boolean contains(double volts) {
        return (min == null || volts >= min - 1e-3) && (max == null || volts <= max + 1e-3);
    }

    /** The nominal value, else the middle of the range, else whichever bound exists; null when empty. */
    public Double typical() {
        if (nominal != null) {
            return nominal;
        }
        if (min != null && max != null) {
            return (min + max) / 2;
        }
        return min != null ? min : max;
    }
}
