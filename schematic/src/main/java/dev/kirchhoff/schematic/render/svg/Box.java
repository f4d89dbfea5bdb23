package dev.kirchhoff.schematic.render.svg;

/**
 * An axis-aligned rectangle in drawing coordinates (pixels, y pointing down). Immutable.
 *
 * @param x the left edge
 * @param y the top edge
 * @param width the width, not negative
 * @param height the height, not negative
 */
public record Box(int x, int y, int width, int height) {

    public Box {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("A box needs a width and height of at least 0; got " + width + "x"
                    + height + ".");
        }
    }

    /** The box spanning two corners given in any order. */
    public static Box spanning(int x1, int y1, int x2, int y2) {
        return new Box(Math.min(x1, x2), Math.min(y1, y2), Math.abs(x2 - x1), Math.abs(y2 - y1));
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    /** Whether the interiors of this box and {@code o} share an area; boxes that only touch do not overlap. */
    public boolean overlaps(Box o) {
        return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
    }

    /** The smallest box holding this box and {@code o}. */
    public Box union(Box o) {
        int nx = Math.min(x, o.x);
        int ny = Math.min(y, o.y);
        return new Box(nx, ny, Math.max(right(), o.right()) - nx, Math.max(bottom(), o.bottom()) - ny);
    }

    /** This box grown by {@code d} on every side. */
    public Box inflate(int d) {
        return new Box(x - d, y - d, width + 2 * d, height + 2 * d);
    }

    /** This box moved by {@code dx}, {@code dy}. */
    public Box shift(int dx, int dy) {
        return new Box(x + dx, y + dy, width, height);
    }

    /**
     * Whether the axis-parallel segment from ({@code x1},{@code y1}) to ({@code x2},{@code y2}) passes through the
     * interior of this box; a segment running along an edge does not.
     */
    public boolean cutBy(int x1, int y1, int x2, int y2) {
        int sx = Math.min(x1, x2);
        int ex = Math.max(x1, x2);
        int sy = Math.min(y1, y2);
        int ey = Math.max(y1, y2);
        if (sx == ex) {
            return sx > x && sx < right() && sy < bottom() && ey > y;
        }
        return sy > y && sy < bottom() && sx < right() && ex > x;
    }
}
