package dev.kirchhoff.schematic.format;

import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Subcircuit;

/**
 * Which net a SPICE or Spectre writer writes as ground, node {@code 0}, when the circuit has no net called
 * {@code 0}: the one called {@code GND} in any case, as KiCad's simulator exporter does. Stateless.
 */
public final class GroundNet {

    private GroundNet() {
    }

    /**
     * The net to write as node 0, or {@code null} when the circuit has a net {@code 0} or no ground-named net. A
     * subcircuit port is never taken: it is the caller's net. Scans the names once, without building an index.
     */
    public static String alias(Circuit circuit, Subcircuit definition) {
        String gnd = null;
        for (String n : circuit.netNames()) {
            if (n.length() == 1 && n.charAt(0) == '0') {
                return null;
            }
            if (gnd == null && n.length() == 3 && n.equalsIgnoreCase("gnd")
                    && (definition == null || !definition.ports().contains(n))) {
                gnd = n;
            }
        }
        return gnd;
    }
}
