package dev.kirchhoff.generation.topology;

import java.util.regex.Pattern;

/**
 * Which net names are supplies, ground and ports, and which ports are driven from outside, as the validator's
 * analog rules read a bare topology: {@code VSS}, {@code VDD}, {@code 0}, then AnalogGenie's port names
 * ({@code VIN1}, {@code VOUT1}, {@code VB1}, {@code IB1}, {@code VCLK1}, {@code LOGICQ1}, …). Outputs ({@code VOUT},
 * {@code IOUT}) and current inputs ({@code IB}, {@code IIN}, {@code IREF}) are ports whose voltage the circuit sets.
 */
public final class Ports {

    private static final Pattern NAMED = Pattern.compile("0|VSS|VDD|(?:V|I|LOGIC)[A-Z]+\\d*|VOUT|VIN");
    private static final Pattern UNDRIVEN = Pattern.compile("(?:VOUT|IOUT|IB|IIN|IREF)\\d*");

    private Ports() {
    }

    /** Whether {@code name} is a supply, ground or port rather than an internal net. */
    public static boolean isNamed(String name) {
        return NAMED.matcher(name).matches();
    }

    /** Whether a net called {@code name} is taken as held at a voltage from outside (a DC root). */
    public static boolean isDriven(String name) {
        return isNamed(name) && !UNDRIVEN.matcher(name).matches();
    }
}
