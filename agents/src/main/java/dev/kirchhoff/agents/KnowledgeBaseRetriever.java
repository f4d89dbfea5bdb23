package dev.kirchhoff.agents;

import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.Part;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Stage 2 for both engines: looks every requested part up in the knowledge base by id. The part records carry the
 * canonical pin tables, so nothing downstream guesses a pin. Thread-safe.
 */
public final class KnowledgeBaseRetriever implements PinoutRetriever {

    private final KnowledgeBase kb;

    public KnowledgeBaseRetriever(KnowledgeBase kb) {
        this.kb = Objects.requireNonNull(kb, "The parameter 'kb' must not be null.");
    }

    @Override
    public Pinouts retrieve(Requirements requirements) {
        List<Pinouts.Resolved> out = new ArrayList<>();
        for (PartRequest r : requirements.parts()) {
            Part part = kb.part(r.id()).orElseThrow(() -> new DesignException(DesignException.Reason.UNKNOWN_PART,
                    "the knowledge base has no part '" + r.id() + "'", kb.suggest(r.id(), 3)));
            out.add(new Pinouts.Resolved(r, part));
        }
        return new Pinouts(out);
    }
}
