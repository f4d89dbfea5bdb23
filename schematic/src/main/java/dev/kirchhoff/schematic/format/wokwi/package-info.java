/** Wokwi {@code diagram.json}: parts and the wires between their pins, with the pin names of Wokwi's elements. */
package dev.kirchhoff.schematic.format.wokwi;
