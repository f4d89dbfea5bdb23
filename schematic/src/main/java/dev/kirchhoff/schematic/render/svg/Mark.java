package dev.kirchhoff.schematic.render.svg;

/**
 * A net symbol drawn at one pin: a ground symbol, a supply bar or a net-label flag. Immutable.
 *
 * @param terminal the pin it sits on
 * @param kind {@link Attachment#GROUND}, {@link Attachment#SUPPLY} or {@link Attachment#LABEL}
 * @param box the area of its lines (its net-name text is a separate {@link Text} owned by {@link #id()})
 */
public record Mark(Terminal terminal, Attachment kind, Box box) {

    /** {@code REF:PIN} of the pin, which also owns the mark's text. */
    public String id() {
        return terminal.id();
    }
}
