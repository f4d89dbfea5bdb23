/** What a design run writes: netlists in every format, the SVG schematic, the SPICE deck and the report. */
package dev.kirchhoff.agents.output;
