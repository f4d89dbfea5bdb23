package dev.kirchhoff.schematic.format.wokwi;

import java.util.regex.Pattern;

/**
 * Power and ground in Wokwi terms: which pin names name a net ({@code GND.1} names {@code GND}, {@code 3V3} names
 * {@code 3V3}) and which wire colour a net gets (ground black, supplies red, signals green). Stateless.
 */
final class WokwiNets {

    private static final Pattern INSTANCE_SUFFIX = Pattern.compile("\\.\\d+$");
    private static final Pattern GROUND = Pattern.compile("(?i)0|0v|(gnd|ground|vss|agnd|dgnd)(_\\w*)?");
    private static final Pattern RAIL = Pattern.compile("(?i)(vcc|vdd|vin|vbus|vbat|vsys|v\\+)(_\\w*)?");
    private static final Pattern VOLTAGE = Pattern.compile("(?i)\\+?\\d+(\\.\\d+)?v\\d*(_\\d+)?");

    private WokwiNets() {
    }

    /**
     * The net name a pin gives its net when it is a power or ground pin: the pin name without Wokwi's instance
     * suffix ({@code GND.2} gives {@code GND}, {@code 5V} gives {@code 5V}); {@code null} for other pins.
     */
    static String powerName(String pin) {
        String base = INSTANCE_SUFFIX.matcher(pin).replaceFirst("");
        if (base.isEmpty()) {
            return null;
        }
        return rank(base) > 0 ? base : null;
    }

    /**
     * How well {@code name} names a net: 2 for ground and for a stated voltage ({@code GND}, {@code 3V3},
     * {@code 5V}), 1 for a generic supply pin ({@code VCC}, {@code VIN}), 0 otherwise. A module's {@code VCC} wired
     * to a board's {@code 3V3} makes a net called 3V3.
     */
    static int rank(String name) {
        if (GROUND.matcher(name).matches() || VOLTAGE.matcher(name).matches()) {
            return 2;
        }
        return RAIL.matcher(name).matches() ? 1 : 0;
    }

    /** The wire colour for net {@code net}: black for ground, red for a supply, green otherwise. */
    static String colour(String net) {
        if (GROUND.matcher(net).matches()) {
            return "black";
        }
        return VOLTAGE.matcher(net).matches() || RAIL.matcher(net).matches() ? "red" : "green";
    }
}
