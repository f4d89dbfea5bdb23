package dev.kirchhoff.schematic.format;

import java.util.Objects;

/**
 * A connection a file asked for that a {@link dev.kirchhoff.schematic.model.Circuit} cannot hold: a pin of a
 * component that does not exist, a pin the component does not have, a pin listed on two nets, or a second component
 * with a reference designator already taken. A reader in
 * lenient mode ({@link Notices#lenient()}) records these and goes on, so that {@code validate} can report every one
 * as a finding; otherwise they are parse errors. Immutable.
 *
 * @param kind what is wrong
 * @param ref the component as written
 * @param pin the pin as written
 * @param net the net the file put the pin on
 * @param otherNet the net the pin was already on, for {@link Kind#PIN_ON_TWO_NETS}; {@code null} otherwise
 * @param line the source line, 0 when unknown
 * @param message a sentence saying what is wrong
 */
public record WiringDefect(Kind kind, String ref, String pin, String net, String otherNet, int line, String message) {

    /** What is wrong with a connection. */
    public enum Kind {
        /** The component named is not in the circuit. */
        UNKNOWN_COMPONENT,
        /** The component has no such pin. */
        UNKNOWN_PIN,
        /** The pin was already on another net. */
        PIN_ON_TWO_NETS,
        /**
         * Two components had one reference designator; the second was renamed ({@link #pin} holds the new name,
         * {@link #net} is empty).
         */
        DUPLICATE_REF
    }

    public WiringDefect {
        Objects.requireNonNull(kind, "The parameter 'kind' must not be null.");
        Objects.requireNonNull(ref, "The parameter 'ref' must not be null.");
        Objects.requireNonNull(pin, "The parameter 'pin' must not be null.");
        Objects.requireNonNull(net, "The parameter 'net' must not be null.");
        Objects.requireNonNull(message, "The parameter 'message' must not be null.");
    }
}
