package dev.kirchhoff.agents.offline.embedded;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.recipes.ESeries;
import dev.kirchhoff.agents.recipes.Eng;
import dev.kirchhoff.schematic.units.Engineering;

import java.util.Locale;

/**
 * The formulas behind supporting parts (LED series resistors, dividers, base and gate resistors), each returning the
 * exact value, the E-series value chosen and what the chosen value gives, ready for the plan's computation list.
 * Stateless.
 */
final class Values {

    private Values() {
    }

    /** LED series resistor for {@code target} amperes from a pin at {@code volts}; rounded up so the current stays at or below target. */
    static DesignPlan.Computation ledResistor(String ref, double volts, double vf, double target) {
        double exact = (volts - vf) / target;
        double chosen = ESeries.E12.atLeast(Math.max(exact, 10));
        double current = (volts - vf) / chosen;
        return new DesignPlan.Computation(ref, "resistance",
                "R = (" + v(volts) + " − " + v(vf) + ") / " + ma(target), round(exact), chosen, "E12",
                ma(current) + " through the LED");
    }

    /** Bottom resistor of a divider taking {@code high} volts down to at most {@code low} with {@code top} ohms on top. */
    static DesignPlan.Computation dividerBottom(String ref, double top, double high, double low) {
        double exact = top * low / (high - low);
        double chosen = ESeries.E12.atMost(exact);
        double out = high * chosen / (top + chosen);
        return new DesignPlan.Computation(ref, "resistance",
                "R2 = R1 × Vout / (Vin − Vout) = " + ohms(top) + " × " + v(low) + " / (" + v(high) + " − " + v(low)
                        + ")", round(exact), chosen, "E12", v(out) + " at the input when the signal is " + v(high));
    }

    /** Gate resistor limiting the pin's peak current into the gate capacitance to its rating. */
    static DesignPlan.Computation gateResistor(String ref, double volts, double pinMax) {
        double exact = volts / pinMax;
        double chosen = ESeries.E12.atLeast(exact);
        return new DesignPlan.Computation(ref, "resistance", "R = Vpin / Ipin,max = " + v(volts) + " / " + ma(pinMax),
                round(exact), chosen, "E12", "peak gate current " + ma(volts / chosen));
    }

    /** Base resistor driving {@code ic} amperes of collector current at a forced gain of hFEmin/5. */
    static DesignPlan.Computation baseResistor(String ref, double volts, double vbe, double ic, double hfeMin,
                                               double pinMax) {
        double ib = Math.min(5 * ic / hfeMin, pinMax * 0.75);
        double exact = (volts - vbe) / ib;
        double chosen = ESeries.E12.atMost(exact);
        if ((volts - vbe) / chosen > pinMax) {
            chosen = ESeries.E12.atLeast(exact);
        }
        return new DesignPlan.Computation(ref, "resistance",
                "R = (" + v(volts) + " − " + v(vbe) + ") / (5 × " + ma(ic) + " / hFE,min " + (int) hfeMin + ")",
                round(exact), chosen, "E12", "base current " + ma((volts - vbe) / chosen));
    }

    /**
     * Value text a resistor or capacitor primitive carries: {@code 330}, {@code 4.7k}, {@code 100nF}. Mega is
     * {@code Meg}: plan values are read with SPICE rules, where {@code M} means milli.
     */
    static String text(double value, String unit) {
        return Eng.spice(value) + unit;
    }

    /** {@code 330 Ω}, {@code 4.7 kΩ}, {@code 1 MΩ}. */
    static String ohms(double r) {
        return Engineering.format(r, "Ω");
    }

    /** Six significant digits: 129.99999999999997 is 130. */
    static double round(double v) {
        return v == 0 || !Double.isFinite(v) ? v
                : new java.math.BigDecimal(v).round(new java.math.MathContext(6)).doubleValue();
    }

    static String v(double volts) {
        return String.format(Locale.ROOT, "%.2f V", volts).replace(".00 V", " V").replaceAll("(\\.\\d)0 V", "$1 V");
    }

    static String ma(double amps) {
        return String.format(Locale.ROOT, "%.1f mA", amps * 1000).replace(".0 mA", " mA");
    }
}
