/** Kirchhoff's native JSON form of the circuit model, with a published JSON Schema. */
package dev.kirchhoff.schematic.format.json;
