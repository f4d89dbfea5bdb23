package dev.kirchhoff.schematic.render.svg;

/**
 * A piece of text in the drawing with the box it covers. Immutable.
 *
 * @param text the text
 * @param role what the text says
 * @param owner the id of the symbol or net mark the text belongs to (a reference designator or {@code REF:PIN}),
 *     empty for the title
 * @param box the area the text covers, estimated from the font size and the characters
 * @param size the font size in pixels
 */
public record Text(String text, Role role, String owner, Box box, int size) {

    /** What a text says. */
    public enum Role { TITLE, REF, VALUE, PIN_NAME, PIN_NUMBER, NET }
}
