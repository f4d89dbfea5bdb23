package dev.kirchhoff.schematic.render.svg;

import java.util.List;

/**
 * A component drawn as a symbol at a place and orientation. Immutable.
 *
 * @param ref the reference designator
 * @param symbol what is drawn
 * @param x the x of the symbol's origin (on the 10 px grid)
 * @param y the y of the symbol's origin
 * @param quarterTurns clockwise rotation in quarter turns, applied after mirroring
 * @param mirrored whether the symbol is mirrored left to right
 * @param body the area the symbol's lines cover, pin leads included
 * @param terminals the pins, where they end and how their nets are shown
 */
public record PlacedSymbol(String ref, Symbol symbol, int x, int y, int quarterTurns, boolean mirrored, Box body,
                           List<Terminal> terminals) {

    public PlacedSymbol {
        terminals = List.copyOf(terminals);
    }
}
