package dev.kirchhoff.agents.recipes;

import dev.kirchhoff.schematic.units.Engineering;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Engineering notation for component values: SPICE value text ({@code 4.7k}, {@code 100n}, {@code 2.2Meg}) that
 * {@code Value.parse} reads back to the same number, and text for people ({@code 4.7 kΩ}, {@code 100 nF}).
 * Stateless and thread-safe.
 */
public final class Eng {

    private static final String[] SPICE = {"f", "p", "n", "u", "m", "", "k", "Meg", "G"};

    private Eng() {
    }

    /** SPICE value text with three significant digits: {@code 4700 -> "4.7k"}, {@code 1e-7 -> "100n"}. */
    public static String spice(double value) {
        return format(value, SPICE, "");
    }

    /** Text for people with a unit: {@code human(4700, "Ω") -> "4.7 kΩ"}; the same as the reports' formatting. */
    public static String human(double value, String unit) {
        return Engineering.format(value, unit);
    }

    /** A signed percentage with one decimal: {@code -0.003 -> "−0.3 %"}. */
    public static String percent(double fraction) {
        double p = fraction * 100;
        String s = String.format(Locale.ROOT, "%.1f", Math.abs(p));
        return (p < -0.05 ? "−" : "+") + s + " %";
    }

    /** A plain number with up to four significant digits ({@code 10.97}, {@code 0.1234}). */
    public static String num(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return v == 0 ? "0" : String.valueOf(v);
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String format(double value, String[] prefixes, String gap) {
        if (value == 0) {
            return "0" + gap;
        }
        double mag = Math.abs(value);
        int exp = (int) Math.floor(Math.log10(mag) / 3);
        exp = Math.max(-5, Math.min(3, exp));
        double scaled = value / Math.pow(1000, exp);
        String digits = new BigDecimal(scaled).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        if (digits.equals("1000") && exp < 3) {
            digits = "1";
            exp++;
        }
        return digits + gap + prefixes[exp + 5];
    }
}
