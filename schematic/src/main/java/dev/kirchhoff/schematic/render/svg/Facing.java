package dev.kirchhoff.schematic.render.svg;

/** The direction a pin points away from its symbol, which is the direction a wire or label leaves it. */
public enum Facing {
    UP(0, -1), RIGHT(1, 0), DOWN(0, 1), LEFT(-1, 0);

    private final int dx;
    private final int dy;

    Facing(int dx, int dy) {
        this.dx = dx;
        this.dy = dy;
    }

    public int dx() {
        return dx;
    }

    public int dy() {
        return dy;
    }

    /** Whether the pin points left or right. */
    public boolean horizontal() {
        return dy == 0;
    }

    /** This direction turned clockwise by {@code quarterTurns} quarter turns (on screen, y down). */
    public Facing turned(int quarterTurns) {
        return values()[Math.floorMod(ordinal() + quarterTurns, 4)];
    }

    /** This direction mirrored left to right. */
    public Facing mirrored() {
        return horizontal() ? turned(2) : this;
    }
}
