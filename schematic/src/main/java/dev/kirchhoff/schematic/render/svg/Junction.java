package dev.kirchhoff.schematic.render.svg;

/**
 * A dot where three or more wire ends of one net meet. Immutable.
 *
 * @param net the net
 * @param x the x of the dot
 * @param y the y of the dot
 */
public record Junction(String net, int x, int y) {
}
