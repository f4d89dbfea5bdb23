package dev.kirchhoff.knowledge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A part's simulation model.
 *
 * @param kind       what the model describes
 * @param spice      a {@code .model} card or a {@code .subckt} block; null for behavioural-only models
 * @param pinOrder   the part's pin names in the order of the model's nodes
 * @param parameters named numbers in SI units ({@code vf}, {@code current}, {@code voltage}, ...)
 * @param source     where the model or its numbers came from
 */
public record SimModel(ModelKind kind, String spice, List<String> pinOrder, Map<String, Double> parameters,
                       String source) {

    public SimModel {
        pinOrder = pinOrder == null ? List.of() : List.copyOf(pinOrder);
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** A parameter's value, or {@code fallback} when the model does not give it. */
    public double parameter(String name, double fallback) {
        Double v = parameters.get(name);
        return v == null ? fallback : v;
    }
}
