/** tscircuit Circuit JSON: reads and writes the {@code source_*} elements (components, ports, nets, traces). */
package dev.kirchhoff.schematic.format.circuitjson;
