package dev.kirchhoff.knowledge;

import dev.kirchhoff.schematic.format.PartLibrary;
import dev.kirchhoff.schematic.model.Pin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gives circuit files the pins of curated parts, so a component written {@code "kind": "part", "part":
 * "bme280-module"} gets the module's six pins without listing them. Registered with {@link java.util.ServiceLoader}
 * as a {@link PartLibrary}; the bundled knowledge base is loaded on first use. Thread-safe.
 */
public final class KnowledgeBasePins implements PartLibrary {

    @Override
    public Optional<List<Pin>> pins(String id) {
        return KnowledgeBase.bundled().part(id).map(KnowledgeBasePins::pinsOf);
    }

    /** A part's pins as circuit pins: number, name, electrical type and functions, in the part's order. */
    public static List<Pin> pinsOf(Part part) {
        List<Pin> pins = new ArrayList<>(part.pins().size());
        for (PartPin p : part.pins()) {
            pins.add(new Pin(p.number(), p.name(), p.type(), p.functions()));
        }
        return List.copyOf(pins);
    }
}
