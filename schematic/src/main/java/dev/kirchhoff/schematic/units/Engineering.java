package dev.kirchhoff.schematic.units;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Formats a number with an SI prefix for people: {@code 4700 Ω} is {@code 4.7 kΩ}, {@code 0.0152 A} is
 * {@code 15.2 mA}. Three significant digits, trailing zeros dropped. Stateless and thread-safe.
 */
public final class Engineering {

    private static final String[] PREFIXES = {"f", "p", "n", "µ", "m", "", "k", "M", "G"};

    private Engineering() {
    }

    /** {@code format(0.0152, "A")} is {@code "15.2 mA"}; {@code format(2, "Hz")} is {@code "2 Hz"}. */
    public static String format(double value, String unit) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value + (unit.isEmpty() ? "" : " " + unit);
        }
        if (value == 0) {
            return "0" + (unit.isEmpty() ? "" : " " + unit);
        }
        double abs = Math.abs(value);
        int exp = (int) Math.floor(Math.log10(abs) / 3) * 3;
        exp = Math.max(-15, Math.min(9, exp));
        double scaled = new BigDecimal(value / Math.pow(10, exp)).round(new MathContext(3)).doubleValue();
        if (Math.abs(scaled) >= 1000 && exp < 9) {
            exp += 3;
            scaled = new BigDecimal(value / Math.pow(10, exp)).round(new MathContext(3)).doubleValue();
        }
        String number = new BigDecimal(scaled).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        String prefix = PREFIXES[exp / 3 + 5];
        return number + (unit.isEmpty() && prefix.isEmpty() ? "" : " " + prefix + unit);
    }
}
