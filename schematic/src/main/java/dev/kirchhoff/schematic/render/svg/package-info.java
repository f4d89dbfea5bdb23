/** Schematic drawings of circuits as SVG: symbol choice, placement, orthogonal wiring and net labels. */
package dev.kirchhoff.schematic.render.svg;
