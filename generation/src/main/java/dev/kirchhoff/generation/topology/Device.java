package dev.kirchhoff.generation.topology;

import java.util.List;
import java.util.Objects;

/**
 * One device of a {@link Topology}: its type and, per terminal in {@link DeviceType#terminals()} order, the index of
 * the net it is on. Immutable.
 */
public record Device(DeviceType type, List<Integer> nets) {

    public Device {
        Objects.requireNonNull(type, "The parameter 'type' must not be null.");
        nets = List.copyOf(nets);
        if (nets.size() != type.terminalCount()) {
            throw new IllegalArgumentException("A " + type + " device has " + type.terminalCount()
                    + " terminals but " + nets.size() + " nets were given.");
        }
    }

    /** The net index of terminal {@code t}. */
    public int net(int t) {
        return nets.get(t);
    }
}
