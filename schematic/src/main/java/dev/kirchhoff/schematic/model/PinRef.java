package dev.kirchhoff.schematic.model;

import java.util.Objects;

/**
 * A reference to one pin of one component, written {@code REF:PIN} ({@code U1:SDA}, {@code R1:2}, {@code uno:13}).
 * The pin part is the pin's number in a circuit's nets; a name is accepted wherever a circuit resolves references.
 * Immutable.
 *
 * @param ref the component's reference designator
 * @param pin the pin number (or, when resolving user input, a pin name)
 */
public record PinRef(String ref, String pin) implements Comparable<PinRef> {

    public PinRef {
        Objects.requireNonNull(ref, "The parameter 'ref' must not be null.");
        Objects.requireNonNull(pin, "The parameter 'pin' must not be null.");
        if (ref.isEmpty() || pin.isEmpty()) {
            throw new IllegalArgumentException("A pin reference needs a component and a pin, as in U1:SDA; got '"
                    + ref + ":" + pin + "'.");
        }
    }

    /**
     * Parses {@code REF:PIN}. The component part ends at the first colon, so pin names may contain colons.
     *
     * @throws IllegalArgumentException when the text has no colon or an empty side
     */
    public static PinRef of(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not a pin reference; write it as REF:PIN, "
                    + "for example U1:SDA or R1:2.");
        }
        return new PinRef(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public int compareTo(PinRef o) {
        int c = NaturalOrder.INSTANCE.compare(ref, o.ref);
        return c != 0 ? c : NaturalOrder.INSTANCE.compare(pin, o.pin);
    }

    @Override
    public String toString() {
        return ref + ":" + pin;
    }
}
