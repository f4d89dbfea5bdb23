package dev.kirchhoff.retrieval;

import dev.kirchhoff.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recall of the hybrid search on the team's query set (retrieval/src/test/resources/.../queries.jsonl), per query
 * kind; fails below recall@1 0.85 or recall@5 0.97 overall. Writes target/retrieval-recall.md.
 */
class QuerySetRecallTest {

    @Test
    void theQuerySetIsLargeVariedAndNamesRealParts() {
        List<QuerySet.Query> queries = QuerySet.load().queries();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(200);
        Map<String, Integer> perKind = new TreeMap<>();
        queries.forEach(q -> perKind.merge(q.kind(), 1, Integer::sum));
        assertThat(perKind).containsOnlyKeys("part-number", "alias", "function", "misspelling", "question");
        assertThat(perKind.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(40));
        PartSearch search = TestIndex.get();
        for (QuerySet.Query q : queries) {
            for (String id : q.expected()) {
                assertThat(search.part(id).id()).as("line %d expects %s", q.line(), id).isEqualTo(id);
            }
        }
        // every curated part is the first answer of some query
        List<String> primaries = queries.stream().map(q -> q.expected().get(0)).toList();
        assertThat(primaries).containsAll(KnowledgeBase.bundled().parts().stream().map(p -> p.id()).toList());
    }

    @Test
    void recallMeetsTheBars() throws IOException {
        PartSearch search = TestIndex.get();
        Map<String, int[]> byKind = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        long t0 = System.nanoTime();
        List<QuerySet.Query> queries = QuerySet.load().queries();
        for (QuerySet.Query q : queries) {
            List<SearchHit> hits = search.search(q.text(), SearchFilters.none(), 5);
            int rank = -1;
            for (int i = 0; i < hits.size() && rank < 0; i++) {
                if (q.expected().contains(hits.get(i).id())) {
                    rank = i;
                }
            }
            int[] c = byKind.computeIfAbsent(q.kind(), k -> new int[3]);
            c[0]++;
            if (rank == 0) {
                c[1]++;
            }
            if (rank >= 0) {
                c[2]++;
            } else {
                misses.add("- `" + q.text() + "` (" + q.kind() + ") expected " + q.expected() + ", got "
                        + hits.stream().map(SearchHit::id).toList());
            }
        }
        double ms = (System.nanoTime() - t0) / 1e6 / queries.size();
        int n = 0;
        int at1 = 0;
        int at5 = 0;
        StringBuilder md = new StringBuilder("| kind | queries | recall@1 | recall@5 |\n|---|---:|---:|---:|\n");
        for (Map.Entry<String, int[]> e : byKind.entrySet()) {
            int[] c = e.getValue();
            n += c[0];
            at1 += c[1];
            at5 += c[2];
            md.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f |%n", e.getKey(), c[0], c[1] / (double) c[0],
                    c[2] / (double) c[0]));
        }
        double r1 = at1 / (double) n;
        double r5 = at5 / (double) n;
        md.append(String.format(Locale.ROOT, "| **all** | %d | **%.3f** | **%.3f** |%n", n, r1, r5));
        md.append(String.format(Locale.ROOT, "%nMean %.1f ms per query (hybrid, including the query embedding).%n", ms));
        md.append("\nMisses at 5:\n").append(String.join("\n", misses)).append('\n');
        Path out = Path.of("target", "retrieval-recall.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        System.out.println(md);
        assertThat(r1).as("recall@1 over %d queries", n).isGreaterThanOrEqualTo(0.85);
        assertThat(r5).as("recall@5 over %d queries", n).isGreaterThanOrEqualTo(0.97);
    }
}
