package dev.kirchhoff.validation.rules;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Numbers as findings print them: {@code 13.6 mA}, {@code 4.7 kΩ}, {@code 0.33 µF}, {@code 3.3 V}, and the next
 * standard (E12) resistor value above a computed one. Stateless.
 */
final class Quantities {

    private static final double[] E12 = {1.0, 1.2, 1.5, 1.8, 2.2, 2.7, 3.3, 3.9, 4.7, 5.6, 6.8, 8.2};

    private Quantities() {
    }

    /** {@code 5 V}, {@code 3.3 V}, {@code -12 V}. */
    static String volts(double v) {
        return number(v, 3) + " V";
    }

    /** {@code 13.6 mA}, {@code 200 mA}, {@code 1.5 A}. */
    static String amps(double a) {
        double abs = Math.abs(a);
        if (abs >= 1) {
            return number(a, 3) + " A";
        }
        if (abs >= 1e-3 || abs == 0) {
            return number(a * 1e3, 3) + " mA";
        }
        return number(a * 1e6, 3) + " µA";
    }

    /** {@code 220 Ω}, {@code 4.7 kΩ}, {@code 1 MΩ}. */
    static String ohms(double r) {
        if (r >= 1e6) {
            return number(r / 1e6, 3) + " MΩ";
        }
        if (r >= 1e3) {
            return number(r / 1e3, 3) + " kΩ";
        }
        return number(r, 3) + " Ω";
    }

    /** {@code 0.33 µF}, {@code 100 nF}, {@code 22 µF}. */
    static String farads(double c) {
        if (c >= 0.3e-6) {
            return number(c * 1e6, 3) + " µF";
        }
        if (c >= 1e-9) {
            return number(c * 1e9, 3) + " nF";
        }
        return number(c * 1e12, 3) + " pF";
    }

    /** {@code 124 %}. */
    static String percent(double ratio) {
        return Math.round(ratio * 100) + " %";
    }

    /** The smallest E12 value (1, 1.2, 1.5 … 8.2 per decade) at or above {@code ohms}. */
    static double e12AtLeast(double ohms) {
        if (!(ohms > 0)) {
            return 0;
        }
        double decade = Math.pow(10, Math.floor(Math.log10(ohms)));
        for (int round = 0; round < 2; round++) {
            for (double m : E12) {
                double v = m * decade;
                if (v >= ohms * (1 - 1e-9)) {
                    return Math.round(v * 1000) / 1000.0;
                }
            }
            decade *= 10;
        }
        return ohms;
    }

    /** {@code v} with at most {@code digits} significant digits and no trailing zeros. */
    private static String number(double v, int digits) {
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        return d.toPlainString();
    }
}
