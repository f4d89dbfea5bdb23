package dev.kirchhoff.schematic.render.svg;

/**
 * One straight, horizontal or vertical piece of wire of a net. Immutable.
 *
 * @param net the net the wire belongs to
 * @param x1 the x of one end
 * @param y1 the y of one end
 * @param x2 the x of the other end
 * @param y2 the y of the other end
 */
public record Wire(String net, int x1, int y1, int x2, int y2) {

    /** Whether the wire is horizontal or vertical (a zero-length wire is both). */
    public boolean orthogonal() {
        return x1 == x2 || y1 == y2;
    }

    /** Whether ({@code x},{@code y}) lies on this wire, ends included. */
    public boolean contains(int x, int y) {
        return x >= Math.min(x1, x2) && x <= Math.max(x1, x2) && y >= Math.min(y1, y2) && y <= Math.max(y1, y2)
                && (x1 == x2 ? x == x1 : y == y1);
    }

    /** The length in pixels. */
    public int length() {
        return Math.abs(x2 - x1) + Math.abs(y2 - y1);
    }
}
