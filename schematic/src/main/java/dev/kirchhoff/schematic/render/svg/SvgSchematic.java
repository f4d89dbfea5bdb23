package dev.kirchhoff.schematic.render.svg;

import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import java.util.Objects;
import java.util.function.Function;

/**
 * Draws a circuit as an SVG schematic. The output is deterministic (same circuit, same bytes); the class is
 * stateless and thread-safe.
 *
 * <ul>
 *   <li><b>Symbols.</b> Primitives get standard symbols from their kind (a MOSFET or BJT is P-type when a
 *   {@code polarity}/{@code type} property, its model card or a known part number says so, else N). Knowledge-base
 *   parts ({@code ComponentKind.PART}) are boxes: power pins on top, ground pins (function GROUND, or named like
 *   GND/VSS/V-) at the bottom, inputs left, outputs and open-collector pins right, the rest shared out to balance
 *   the sides; every pin shows its name inside and its number on the lead. A hint draws a part of at most three pins
 *   as a standard symbol (button, potentiometer, battery), matching pins to terminals by name.</li>
 *   <li><b>Power nets.</b> The ground net with the most pins (named GND, VSS, 0, AGND, ...) gets a ground symbol at
 *   each pin; supply nets (VCC, VDD, VIN, VBAT, 5V, 3V3, +12V, V5, names starting with + or -) and any further
 *   ground-like nets get a bar with the net name.</li>
 *   <li><b>Placement.</b> The box with the most pins anchors the middle; the others follow breadth-first over the
 *   signal nets, each in the orientation and at the free 10 px grid spot that puts its pins nearest to, and in front
 *   of, the pins already placed on the same nets, with ground pins pointing down and supply pins up. Each component
 *   reserves a footprint (lines, texts, the marks its pins may carry, and a 20 px margin for wiring channels);
 *   footprints never overlap.</li>
 *   <li><b>Wires or labels.</b> A signal net with one pin or more than six gets a label flag at every pin. Other nets
 *   are wired as a tree: each pin joins by the cheapest orthogonal path on the grid (length, plus a price per bend
 *   and per crossing) that leaves the pin straight, avoids symbols, texts and other nets' pin marks, never runs along
 *   or touches another net's wire and crosses one only straight through. If a path would be longer than twice the
 *   Manhattan distance plus 200 px (or 900 px), or cross more than two wires, the whole net gets label flags
 *   instead. Nets are routed fewest pins and shortest span first. Junction dots mark where three wire ends meet.</li>
 *   <li><b>Text.</b> Sans-serif at 11-12 px, reference and value beside each symbol where they clear its pins'
 *   marks, the circuit title at the top, a white background, the view box fitted to the content with a margin.</li>
 * </ul>
 *
 * <pre>{@code
 * String svg = SvgSchematic.render(circuit, c -> c.part() != null && c.part().startsWith("push-button")
 *         ? Symbol.BUTTON : null);
 * }</pre>
 */
public final class SvgSchematic {

    private SvgSchematic() {
    }

    /** The schematic of {@code circuit} as SVG text, with symbols chosen from each component's kind. */
    public static String render(Circuit circuit) {
        return render(circuit, c -> null);
    }

    /**
     * The schematic of {@code circuit} as SVG text.
     *
     * @param hints the symbol to draw a component with, or {@code null} to choose from its kind; a part with at
     *     most three pins hinted as, say, {@link Symbol#BUTTON} is drawn as that symbol instead of a box
     */
    public static String render(Circuit circuit, Function<Component, Symbol> hints) {
        return SvgWriter.write(layout(circuit, hints));
    }

    /** The placed and routed drawing of {@code circuit}, as data. */
    public static Layout layout(Circuit circuit) {
        return layout(circuit, c -> null);
    }

    /** The placed and routed drawing of {@code circuit} with symbol {@code hints}, as data. */
    public static Layout layout(Circuit circuit, Function<Component, Symbol> hints) {
        Objects.requireNonNull(circuit, "The parameter 'circuit' must not be null.");
        return new Layouter(circuit, hints == null ? c -> null : hints).run();
    }

    /** {@code layout} as SVG text. */
    public static String write(Layout layout) {
        Objects.requireNonNull(layout, "The parameter 'layout' must not be null.");
        return SvgWriter.write(layout);
    }
}
