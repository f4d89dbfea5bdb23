package dev.kirchhoff.schematic.model;

import dev.kirchhoff.schematic.units.Value;
import java.util.List;
import java.util.Objects;

/**
 * A named value: an instance parameter ({@code w=1u}), a subcircuit default, a model card entry or a
 * {@code .param}. Immutable.
 *
 * @param name the parameter name, as written
 * @param value its value
 */
public record Parameter(String name, Value value) {

    public Parameter {
        Objects.requireNonNull(name, "The parameter 'name' must not be null.");
        Objects.requireNonNull(value, "The parameter 'value' must not be null.");
        if (name.isBlank()) {
            throw new IllegalArgumentException("The parameter 'name' must not be blank.");
        }
    }

    /** The parameter called {@code name} (ignoring case) in {@code parameters}, or {@code null}. */
    public static Parameter find(List<Parameter> parameters, String name) {
        for (Parameter p : parameters) {
            if (p.name.equalsIgnoreCase(name)) {
                return p;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return name + "=" + value;
    }
}
