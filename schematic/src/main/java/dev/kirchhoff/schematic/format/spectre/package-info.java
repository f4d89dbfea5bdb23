/** Cadence Spectre netlists, including {@code simulator lang=spice} sections. */
package dev.kirchhoff.schematic.format.spectre;
