package dev.kirchhoff.agents;

import dev.kirchhoff.knowledge.Part;

import java.util.List;
import java.util.Optional;

/** The parts of a design with their knowledge-base records (which carry the pin tables). Immutable. */
public record Pinouts(List<Resolved> parts) {

    /** One requested part and its record. */
    public record Resolved(PartRequest request, Part part) {
    }

    public Pinouts {
        parts = List.copyOf(parts);
    }

    public Optional<Resolved> board() {
        return parts.stream().filter(r -> r.request().role() == PartRole.BOARD).findFirst();
    }

    public Optional<Part> part(String id) {
        return parts.stream().map(Resolved::part).filter(p -> p.id().equals(id)).findFirst();
    }
}
