package dev.kirchhoff.agents.llm.stages;

import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.retrieval.PartSearch;
import dev.kirchhoff.retrieval.SearchFilters;
import dev.kirchhoff.retrieval.SearchHit;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The tools of the identify stage: find curated parts by function or name, and read one part's facts. Results are
 * short text. Thread-safe.
 */
public final class PartTools {

    static final int SEARCH_HITS = 8;

    private final KnowledgeBase kb;
    private final PartSearch search;
    private final Set<String> offered;

    /**
     * @param search  hybrid part search; null to search names and aliases only
     * @param offered the part ids the answer may name; a hit outside them is marked so, null to mark none
     */
    public PartTools(KnowledgeBase kb, PartSearch search, Set<String> offered) {
        this.kb = Objects.requireNonNull(kb, "The parameter 'kb' must not be null.");
        this.search = search;
        this.offered = offered == null ? null : Set.copyOf(offered);
    }

    @Tool(name = "search_parts", value = "Finds knowledge-base parts by function or name; one line per part: id — name:"
            + " description [category, form].")
    public String searchParts(@P("what to look for, e.g. 'temperature humidity sensor' or 'SSD1306'") String query) {
        return searchText(kb, search, query, offered);
    }

    @Tool(name = "part_details", value = "The facts of one part: supply, logic level and its pin table.")
    public String partDetails(@P("a part id, e.g. 'bme280-module'") String id) {
        return detailsText(kb, id);
    }

    static String searchText(KnowledgeBase kb, PartSearch search, String query, Set<String> offered) {
        List<Part> found = curatedHits(kb, search, query, SEARCH_HITS);
        if (found.isEmpty()) {
            return "No part matches '" + query + "'. Try other words: the function ('distance sensor') or a part "
                    + "number ('HC-SR04').";
        }
        StringBuilder sb = new StringBuilder();
        for (Part p : found) {
            sb.append(Facts.partLine(p));
            if (offered != null && !offered.contains(p.id())) {
                sb.append(" (not among the ids you may name: if the request means it, put its words in unresolved)");
            }
            sb.append('\n');
        }
        return sb.toString().stripTrailing();
    }

    static String detailsText(KnowledgeBase kb, String id) {
        Optional<Part> p = id == null ? Optional.empty() : kb.part(id.strip());
        if (p.isEmpty()) {
            List<String> near = kb.suggest(id == null ? "" : id, 3);
            return "There is no part '" + id + "'." + (near.isEmpty() ? " Use search_parts to find one."
                    : " Nearest: " + String.join(", ", near) + ".");
        }
        return Facts.pinTable(p.get());
    }

    /** Curated parts for a query: hybrid search when available, else the knowledge base's name suggestions. */
    static List<Part> curatedHits(KnowledgeBase kb, PartSearch search, String query, int k) {
        List<Part> out = new ArrayList<>();
        if (query == null || query.isBlank()) {
            return out;
        }
        if (search != null) {
            try {
                for (SearchHit h : search.search(query, SearchFilters.none(), k * 2)) {
                    kb.part(h.id()).filter(p -> !out.contains(p)).ifPresent(out::add);
                    if (out.size() >= k) {
                        break;
                    }
                }
            } catch (IllegalArgumentException e) {
                // a query without letters or digits finds nothing
            }
        }
        kb.find(query).filter(p -> !out.contains(p)).ifPresent(p -> out.add(0, p));
        if (out.isEmpty()) {
            for (String id : kb.suggest(query, k)) {
                kb.part(id).ifPresent(out::add);
            }
        }
        return out.size() > k ? new ArrayList<>(out.subList(0, k)) : out;
    }
}
