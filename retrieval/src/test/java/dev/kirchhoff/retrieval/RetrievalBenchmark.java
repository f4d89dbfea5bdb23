package dev.kirchhoff.retrieval;

import dev.kirchhoff.knowledge.KicadTier;
import dev.kirchhoff.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Speed of the part index with the KiCad tier loaded: build, open, and query latency p50/p99 of BM25, the query
 * embedding, HNSW and brute-force vector search, and hybrid search, over the query set. A benchmark, not a check: runs
 * only with -Dbench=true (bench/kb_search.sh runs it and the cold command-line measurements).
 */
class RetrievalBenchmark {

    @Test
    @EnabledIfSystemProperty(named = "bench", matches = ".+")
    void run() throws Exception {
        StringBuilder report = new StringBuilder();
        Consumer<String> out = s -> {
            System.out.println(s);
            report.append(s).append('\n');
        };
        KnowledgeBase kb = KnowledgeBase.bundled();
        KicadTier kicad = KicadTier.bundled();
        Embedder embedder = MiniLmEmbedder.shared();
        embedder.embed("warm up the model");
        if (Boolean.getBoolean("bench.build")) {
            Path dir = Files.createTempDirectory("kb-bench-build");
            long t0 = System.nanoTime();
            PartSearch.open(kb, kicad, embedder, dir, PartSearch.Fusion.DEFAULT, s -> { }).close();
            out.accept(String.format(Locale.ROOT, "index build (%d parts, embedding included): %.1f s", kb.size() + 22_745,
                    (System.nanoTime() - t0) / 1e9));
            IndexCache.delete(dir);
        }
        PartSearch.open(kb, kicad, embedder, TestIndex.cacheDir(), PartSearch.Fusion.DEFAULT, s -> { }).close();
        long t0 = System.nanoTime();
        PartSearch search = PartSearch.open(kb, kicad, embedder, TestIndex.cacheDir(), PartSearch.Fusion.DEFAULT, s -> { });
        out.accept(String.format(Locale.ROOT, "open a cached index (checksums verified): %.0f ms",
                (System.nanoTime() - t0) / 1e6));
        List<String> queries = QuerySet.load().queries().stream().map(QuerySet.Query::text).toList();
        SearchFilters none = SearchFilters.none();
        for (int round = 0; round < 2; round++) { // warm-up
            for (String q : queries) {
                search.search(q, none, 5);
                search.search(q, none, 5, true);
            }
        }
        measure(out, "BM25", queries, q -> search.lexical(q, none, 5));
        measure(out, "query embedding", queries, q -> embedder.embed(q));
        measure(out, "KNN (HNSW) incl. embedding", queries, q -> search.semantic(q, none, 5, false));
        measure(out, "brute-force cosine incl. embedding", queries, q -> search.semantic(q, none, 5, true));
        measure(out, "hybrid (HNSW)", queries, q -> search.search(q, none, 5, false));
        measure(out, "hybrid (brute-force vectors)", queries, q -> search.search(q, none, 5, true));
        Path file = Path.of("target", "retrieval-benchmark.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        search.close();
    }

    private static void measure(Consumer<String> out, String name, List<String> queries, Consumer<String> op) {
        long[] ns = new long[queries.size() * 3];
        int i = 0;
        for (int round = 0; round < 3; round++) {
            for (String q : queries) {
                long t = System.nanoTime();
                op.accept(q);
                ns[i++] = System.nanoTime() - t;
            }
        }
        Arrays.sort(ns);
        out.accept(String.format(Locale.ROOT, "%-36s p50 %6.2f ms   p99 %6.2f ms   (%d queries)", name,
                ns[ns.length / 2] / 1e6, ns[(int) (ns.length * 0.99)] / 1e6, ns.length));
    }
}
