/** The SPICE family of netlists: ngspice, LTspice, HSPICE, Xyce and PSpice, one reader and one writer with dialect rules. */
package dev.kirchhoff.schematic.format.spice;
