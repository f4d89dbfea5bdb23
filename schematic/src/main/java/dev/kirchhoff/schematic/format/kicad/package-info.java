/** The KiCad netlist format ({@code .net}, the S-expression netlist of KiCad 5 to 8): reader and writer. */
package dev.kirchhoff.schematic.format.kicad;
