package dev.kirchhoff.schematic.model;

import java.util.List;
import java.util.Objects;

/**
 * A device model ({@code .model nch nmos level=1 vto=0.7}; Spectre {@code model nch bsim3v3 type=n}). Immutable.
 *
 * @param name the model name instances refer to
 * @param type the model type as written in the source dialect ({@code nmos}, {@code npn}, {@code d},
 *     {@code bsim3v3})
 * @param parameters the model parameters in order
 * @param line the source line, 0 when not read from a file
 */
public record ModelCard(String name, String type, List<Parameter> parameters, int line) {

    public ModelCard {
        Objects.requireNonNull(name, "The parameter 'name' must not be null.");
        Objects.requireNonNull(type, "The parameter 'type' must not be null.");
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }
}
