package dev.kirchhoff.validation;

import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import java.util.Arrays;
import java.util.List;

/**
 * What one component of a circuit is, as far as the knowledge base knows: its part (if any) and, for each of the
 * component's pins, the part's pin. Immutable.
 *
 * @param status how the component was resolved
 * @param part the knowledge-base part, or {@code null} for primitives without one and unresolved components
 * @param via how the part was found ({@code id}, {@code wokwi type wokwi-led}, {@code kicad symbol Sensor:BME280},
 *     {@code model 1N4007}); empty when there is no part
 * @param pins aligned with the component's pins: the part's pin for each, {@code null} where the part has none
 */
public record Binding(Status status, Part part, String via, List<PartPin> pins) {

    /** How a component was resolved. */
    public enum Status {
        /** A SPICE primitive (resistor, MOSFET, source, …); {@link #part} may still name a part for ratings. */
        PRIMITIVE,
        /** A knowledge-base or KiCad-tier part. */
        PART,
        /** A subcircuit call whose definition is in the circuit or in an included file. */
        SUBCIRCUIT,
        /** Nothing known: a part id the knowledge base lacks, or a subcircuit without a definition. */
        UNRESOLVED
    }

    public Binding {
        pins = pins == null ? List.of() : java.util.Collections.unmodifiableList(Arrays.asList(pins.toArray(new PartPin[0])));
        via = via == null ? "" : via;
    }

    /** The part's pin for the component's pin at {@code index}, or {@code null}. */
    public PartPin pin(int index) {
        return index < pins.size() ? pins.get(index) : null;
    }

    /** Whether a curated part with capability data (functions, voltages, ratings) is bound. */
    public boolean curated() {
        return part != null && part.hasCapabilityData();
    }
}
