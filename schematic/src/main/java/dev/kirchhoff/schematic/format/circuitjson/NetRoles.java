package dev.kirchhoff.schematic.format.circuitjson;

import java.util.regex.Pattern;

/** Which net names read as ground or as a supply rail, for {@code is_ground} and {@code is_power}. Stateless. */
final class NetRoles {

    private static final Pattern GROUND = Pattern.compile("(?i)0|0v|(gnd|ground|vss|agnd|dgnd|pgnd)(_\\w*)?");
    private static final Pattern POWER = Pattern.compile(
            "(?i)(vcc|vdd|vee|vin|vbus|vbat|vsys|v\\+)(_\\w*)?|\\+?\\d+(\\.\\d+)?v\\d*");

    private NetRoles() {
    }

    static boolean isGround(String net) {
        return GROUND.matcher(net).matches();
    }

    static boolean isPower(String net) {
        return !isGround(net) && POWER.matcher(net).matches();
    }
}
