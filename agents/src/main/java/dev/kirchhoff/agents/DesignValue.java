package dev.kirchhoff.agents;

/**
 * A number from the prompt with its meaning: "gain 11" is {@code (GAIN, 11, "gain 11")}, "2 Hz" is
 * {@code (FREQUENCY, 2.0, "2 Hz")}. Values are in SI base units (hertz, amperes, volts, ohms, farads, seconds).
 */
public record DesignValue(Quantity quantity, double value, String phrase) {

    public DesignValue {
        if (quantity == null) {
            throw new IllegalArgumentException("The parameter 'quantity' must not be null.");
        }
        phrase = phrase == null ? "" : phrase;
    }
}
