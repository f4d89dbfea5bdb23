package dev.kirchhoff.schematic.model;

import java.util.List;
import java.util.Objects;

/**
 * A subcircuit definition ({@code .subckt} in SPICE, {@code subckt} in Spectre): its ports, default parameters
 * and body. The body is a circuit whose nets named like the ports are the ports; it may define and call further
 * subcircuits. Immutable.
 *
 * @param name the subcircuit name
 * @param ports the port names in order; a call's n-th node connects to the n-th port
 * @param parameters default parameter values ({@code params: w=1u})
 * @param body the components, nets and nested definitions inside
 * @param line the source line of the definition, 0 when not read from a file
 */
public record Subcircuit(String name, List<String> ports, List<Parameter> parameters, Circuit body, int line) {

    public Subcircuit {
        Objects.requireNonNull(name, "The parameter 'name' must not be null.");
        Objects.requireNonNull(body, "The parameter 'body' must not be null.");
        if (name.isBlank()) {
            throw new IllegalArgumentException("The parameter 'name' must not be blank.");
        }
        ports = List.copyOf(ports);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }

    /** The pins of a call to this subcircuit: numbered 1..n, named after the ports. */
    public List<Pin> callPins() {
        Pin[] pins = new Pin[ports.size()];
        for (int i = 0; i < pins.length; i++) {
            pins[i] = Pin.of(Integer.toString(i + 1), ports.get(i), PinType.PASSIVE);
        }
        return List.of(pins);
    }
}
