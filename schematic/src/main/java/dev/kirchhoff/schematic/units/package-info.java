/** Engineering values: SI magnitudes with the text they were written as, parsed and printed per netlist dialect. */
package dev.kirchhoff.schematic.units;
