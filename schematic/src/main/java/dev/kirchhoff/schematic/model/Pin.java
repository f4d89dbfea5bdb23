package dev.kirchhoff.schematic.model;

import java.util.Objects;
import java.util.Set;

/**
 * One pin of a component: its number (unique within the component, the address nets use), its name (what the
 * datasheet calls it; may repeat, e.g. several {@code GND}), its electrical type and its functions.
 * Immutable.
 *
 * @param number the pin number or pad name, e.g. {@code 1}, {@code A12}, {@code D}; unique per component
 * @param name the pin name, e.g. {@code SDA}; empty when the pin has none
 * @param type the electrical type
 * @param functions what the pin can do besides its type; empty for plain pins
 */
public record Pin(String number, String name, PinType type, Set<PinFunction> functions) {

    public Pin {
        Objects.requireNonNull(number, "The parameter 'number' must not be null.");
        Objects.requireNonNull(name, "The parameter 'name' must not be null.");
        Objects.requireNonNull(type, "The parameter 'type' must not be null.");
        if (number.isBlank()) {
            throw new IllegalArgumentException("The parameter 'number' must not be blank.");
        }
        functions = functions == null || functions.isEmpty() ? Set.of() : Set.copyOf(functions);
    }

    /** A pin without functions. */
    public static Pin of(String number, String name, PinType type) {
        return new Pin(number, name, type, Set.of());
    }

    /** The name when there is one, otherwise the number: what a person calls this pin. */
    public String label() {
        return name.isEmpty() ? number : name;
    }
}
