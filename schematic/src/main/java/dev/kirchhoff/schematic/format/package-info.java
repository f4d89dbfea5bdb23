/** Netlist formats: the reader/writer interface, the registry with input detection, parse errors and conversion notices. */
package dev.kirchhoff.schematic.format;
