package dev.kirchhoff.retrieval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HNSW graph against a brute-force cosine scan over every vector: the hybrid ranking must keep the same top 5 on
 * at least 95% of the query set.
 */
class ApproximateVsExactTest {

    @Test
    void hybridTopFiveMatchesTheExactScan() {
        PartSearch search = TestIndex.get();
        List<QuerySet.Query> queries = QuerySet.load().queries();
        int sameHybrid = 0;
        int sameVector = 0;
        for (QuerySet.Query q : queries) {
            if (ids(search.search(q.text(), SearchFilters.none(), 5, false))
                    .equals(ids(search.search(q.text(), SearchFilters.none(), 5, true)))) {
                sameHybrid++;
            }
            if (ids(search.semantic(q.text(), SearchFilters.none(), 5, false))
                    .equals(ids(search.semantic(q.text(), SearchFilters.none(), 5, true)))) {
                sameVector++;
            }
        }
        double hybrid = sameHybrid / (double) queries.size();
        double vector = sameVector / (double) queries.size();
        System.out.printf(Locale.ROOT, "same top-5 as the exact scan: hybrid %.3f, vector only %.3f (%d queries)%n",
                hybrid, vector, queries.size());
        assertThat(hybrid).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void theExactScanFindsTheSameNearestNeighbourForAPartsOwnDescription() {
        PartSearch search = TestIndex.get();
        List<SearchHit> exact = search.semantic("HC-SR04 ultrasonic distance sensor", SearchFilters.none(), 3, true);
        List<SearchHit> approx = search.semantic("HC-SR04 ultrasonic distance sensor", SearchFilters.none(), 3, false);
        assertThat(exact.get(0).id()).isEqualTo(approx.get(0).id());
        assertThat(exact.get(0).score()).isGreaterThan(exact.get(2).score());
    }

    private static Set<String> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::id).collect(Collectors.toSet());
    }
}
