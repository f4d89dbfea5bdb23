package dev.kirchhoff.schematic.render.svg;

import java.util.List;

/**
 * One orientation of a component's shape, in coordinates relative to its origin, with everything it will occupy:
 * body, the marks its pins may carry, its texts, and the footprint that keeps other components away.
 *
 * @param quarterTurns clockwise quarter turns
 * @param mirrored mirrored left to right before turning
 * @param pins the pin ends, turned
 * @param body the area of the lines
 * @param zones for each pin (aligned with {@code pins}), the area its net mark would take; {@code null} for an
 *     unconnected pin
 * @param texts the component's texts
 * @param footprint what no other footprint may overlap
 */
record Variant(int quarterTurns, boolean mirrored, List<Shape.LocalPin> pins, Box body, List<Box> zones,
               List<Text> texts, Box footprint) {
}
