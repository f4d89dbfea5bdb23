package dev.kirchhoff.schematic.model;

import java.util.Locale;

/** The electrical type of a pin: KiCad's twelve types, by which pin-type rules decide what may share a net. */
public enum PinType {
    INPUT,
    OUTPUT,
    BIDIRECTIONAL,
    TRI_STATE,
    PASSIVE,
    FREE,
    UNSPECIFIED,
    POWER_IN,
    POWER_OUT,
    OPEN_COLLECTOR,
    OPEN_EMITTER,
    NO_CONNECT;

    /** The name KiCad writes in netlists and symbol libraries, e.g. {@code power_in}. */
    public String kicadName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a KiCad pin type name ({@code power_in}, {@code tri_state}, also KiCad 5's {@code 3state},
     * {@code BiDi}, {@code openCol}, {@code NotConnected}).
     *
     * @throws IllegalArgumentException naming the valid types when {@code name} is none of them
     */
    public static PinType fromKicad(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (n) {
            case "input", "in" -> INPUT;
            case "output", "out" -> OUTPUT;
            case "bidirectional", "bidi", "inout" -> BIDIRECTIONAL;
            case "tri_state", "3state", "tristate" -> TRI_STATE;
            case "passive" -> PASSIVE;
            case "free" -> FREE;
            case "unspecified", "unspc" -> UNSPECIFIED;
            case "power_in", "power in", "pwr_in" -> POWER_IN;
            case "power_out", "power out", "pwr_out" -> POWER_OUT;
            case "open_collector", "opencol", "opencollector" -> OPEN_COLLECTOR;
            case "open_emitter", "openemi", "openemitter" -> OPEN_EMITTER;
            case "no_connect", "notconnected", "nc", "not_connected" -> NO_CONNECT;
            default -> throw new IllegalArgumentException("unknown pin type '" + name + "'; expected one of "
                    + "input, output, bidirectional, tri_state, passive, free, unspecified, power_in, power_out, "
                    + "open_collector, open_emitter, no_connect");
        };
    }
}
