package dev.kirchhoff.schematic.model;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * A named electrical connection and the pins on it. Immutable; pin order is not significant for equality, but
 * iteration follows the circuit's component order so output is deterministic.
 *
 * @param name the net name ({@code VCC}, {@code 0}, {@code net12})
 * @param pins the pins on this net
 */
public record Net(String name, Set<PinRef> pins) {

    public Net {
        Objects.requireNonNull(name, "The parameter 'name' must not be null.");
        Objects.requireNonNull(pins, "The parameter 'pins' must not be null.");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("The parameter 'name' must not be empty.");
        }
        pins = OrderedSet.copyOf(pins);
    }

    /** A net holding {@code pins} in the order given. */
    public static Net of(String name, Collection<PinRef> pins) {
        return new Net(name, OrderedSet.copyOf(pins));
    }

    /** A net holding the pins written as {@code REF:PIN}. */
    public static Net of(String name, String... pins) {
        PinRef[] refs = new PinRef[pins.length];
        for (int i = 0; i < pins.length; i++) {
            refs[i] = PinRef.of(pins[i]);
        }
        return new Net(name, OrderedSet.copyOf(java.util.Arrays.asList(refs)));
    }

    @Override
    public String toString() {
        return name + " " + pins;
    }
}
