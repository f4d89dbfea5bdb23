package dev.kirchhoff.agents;

import java.util.List;

/** A phrase that names a part the knowledge base does not have, with the nearest part ids. */
public record Unresolved(String phrase, List<String> nearest) {
    public Unresolved {
        nearest = nearest == null ? List.of() : List.copyOf(nearest);
    }
}
