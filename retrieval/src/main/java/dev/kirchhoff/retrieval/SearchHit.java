package dev.kirchhoff.retrieval;

import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.Form;
import dev.kirchhoff.knowledge.Tier;

/**
 * One search result.
 *
 * @param score       fused score; exact hits score above every other hit
 * @param match       why the part was found
 * @param lexicalRank rank in the BM25 list (1-based), 0 when absent
 * @param vectorRank  rank in the vector list (1-based), 0 when absent
 */
public record SearchHit(String id, Tier tier, String name, Category category, Form form, String description,
                        double score, Match match, int lexicalRank, int vectorRank) {

    /** Why a part was found. */
    public enum Match {
        /** The query, or a part number in it, is exactly one of the part's names. */
        EXACT,
        /** Found by both BM25 and vector search. */
        HYBRID,
        LEXICAL,
        SEMANTIC
    }
}
