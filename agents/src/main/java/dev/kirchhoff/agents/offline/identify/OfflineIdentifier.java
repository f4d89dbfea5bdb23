package dev.kirchhoff.agents.offline.identify;

import dev.kirchhoff.agents.ComponentIdentifier;
import dev.kirchhoff.agents.DesignException;
import dev.kirchhoff.agents.Requirements;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.retrieval.PartSearch;

import java.util.List;

/** PLACEHOLDER owned by the identify helper: replace the body. */
public final class OfflineIdentifier implements ComponentIdentifier {

    public OfflineIdentifier(KnowledgeBase kb, PartSearch search) {
    }

    @Override
    public Requirements identify(String prompt) {
        throw new DesignException(DesignException.Reason.NOT_UNDERSTOOD, "not built yet", List.of());
    }
}
