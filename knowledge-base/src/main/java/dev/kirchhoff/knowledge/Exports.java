package dev.kirchhoff.knowledge;

import java.util.Map;

/** How a part is written to other tools. */
public record Exports(Wokwi wokwi, Kicad kicad) {

    /**
     * A Wokwi element.
     *
     * @param type  the {@code type} in diagram.json
     * @param attrs attributes to set
     * @param pins  part pin number or name (number preferred where names repeat; resolved as {@link Part#pin}) to Wokwi
     *              pin name, where the Wokwi name is not the pin's name
     */
    public record Wokwi(String type, Map<String, String> attrs, Map<String, String> pins) {
        public Wokwi {
            attrs = attrs == null ? Map.of() : Map.copyOf(attrs);
            pins = pins == null ? Map.of() : Map.copyOf(pins);
        }

        /** The Wokwi pin name for a map key (pin number or name); the key itself when the map has no entry. */
        public String pin(String partPin) {
            return pins.getOrDefault(partPin, partPin);
        }
    }

    /**
     * A KiCad symbol.
     *
     * @param symbol    {@code library:symbol}
     * @param footprint {@code library:footprint}
     * @param pins      part pin number or name (number preferred where names repeat; resolved as {@link Part#pin}) to
     *                  KiCad pin number, where the KiCad number is not the pin's number
     */
    public record Kicad(String symbol, String footprint, Map<String, String> pins) {
        public Kicad {
            pins = pins == null ? Map.of() : Map.copyOf(pins);
        }
    }
}
