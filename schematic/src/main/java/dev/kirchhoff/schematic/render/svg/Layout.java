package dev.kirchhoff.schematic.render.svg;

import java.util.List;

/**
 * A placed and routed schematic: what {@link SvgSchematic#render} draws, kept as data so tests and tools can
 * check it (no overlaps, orthogonal wires, every pin shown). Immutable.
 *
 * @param title the circuit title shown at the top
 * @param bounds the drawing area, margin included (the SVG view box)
 * @param symbols the components
 * @param marks ground symbols, supply bars and net-label flags
 * @param wires the wire pieces
 * @param junctions the points where three or more wire ends of one net meet, drawn as dots
 * @param texts every text: title, references, values, pin names and numbers, net names
 */
public record Layout(String title, Box bounds, List<PlacedSymbol> symbols, List<Mark> marks, List<Wire> wires,
                     List<Junction> junctions, List<Text> texts) {

    public Layout {
        symbols = List.copyOf(symbols);
        marks = List.copyOf(marks);
        wires = List.copyOf(wires);
        junctions = List.copyOf(junctions);
        texts = List.copyOf(texts);
    }

    /** Every terminal of every symbol. */
    public List<Terminal> terminals() {
        return symbols.stream().flatMap(s -> s.terminals().stream()).toList();
    }
}
