package dev.kirchhoff.retrieval;

import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.Form;
import dev.kirchhoff.knowledge.JsonEnum;
import dev.kirchhoff.knowledge.KicadTier;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.knowledge.Tier;
import dev.kirchhoff.knowledge.UnknownPartException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Hybrid part search over the knowledge base: BM25 over names, part numbers, aliases, descriptions and pin functions,
 * fused with cosine similarity of MiniLM embeddings; exact part-number and alias hits first; curated parts ahead of
 * KiCad-tier parts. Also answers {@link #part(String)} and {@link #pinout(String)} for both tiers.
 */
public final class PartSearch implements Closeable {

    /**
     * How the two rankings are fused: {@code score = lexical * bm25 / top_bm25 + vector * (cos - floor) / (top_cos -
     * floor)} over the candidates of both lists (floor: the cosine of the last vector candidate), plus {@code curated}
     * for curated parts and {@code kicadExact} for a KiCad part whose name is exactly the query or a part number in it
     * (curated exact hits always come first). Words that only name a development board ("arduino", "esp32") count
     * {@code context} times as much when the query has other words: "send an sms from my arduino" asks for a GSM
     * module. Words the {@link Thesaurus} adds count {@code expansion} times as much. Tuned on the team's query set; see README "Retrieval".
     */
    public record Fusion(double lexical, double vector, double curated, double kicadExact, double context,
                         double expansion, int candidates) {
        public static final Fusion DEFAULT = new Fusion(0.9, 0.8, 0.9, 0.5, 0.5, 0.8, 60);
    }

    /** Words that carry no part information in a question. */
    static final Set<String> QUESTION_WORDS = Set.of("a", "an", "the", "how", "do", "does", "i", "can", "could", "my",
            "me", "what", "which", "whats", "is", "are", "to", "for", "of", "on", "in", "with", "and", "or", "it", "use",
            "using", "need", "want", "should", "would", "best", "good", "project", "some", "something", "thing", "way",
            "from", "that", "this", "into", "be", "get", "you", "your", "any", "part", "component", "let", "lets",
            "will", "there", "at", "by", "we", "our", "am", "help", "please", "wire", "connect", "hook", "up");

    /** Smallest beam (HNSW candidate list) a vector search uses; measured in ApproximateVsExactTest. */
    static final int MIN_BEAM = 500;

    private final KnowledgeBase kb;
    private final Embedder embedder;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    private final Fusion fusion;
    private final Set<String> boardWords;
    private final Thesaurus thesaurus = Thesaurus.bundled();
    private float[][] allVectors;
    private int[] allVectorDocs;

    private PartSearch(KnowledgeBase kb, Embedder embedder, DirectoryReader reader, Fusion fusion) {
        this.kb = kb;
        this.embedder = embedder;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.analyzer = PartIndex.analyzer();
        this.fusion = fusion;
        this.boardWords = boardWords(kb);
    }

    /**
     * Words that name development boards and nothing else in the curated tier ("arduino", "esp32", "nodemcu"): in a
     * query with other words they are context, not what is asked for.
     */
    static Set<String> boardWords(KnowledgeBase kb) {
        Set<String> board = new java.util.HashSet<>();
        Set<String> other = new java.util.HashSet<>();
        for (Part p : kb.parts()) {
            Set<String> target = p.category() == Category.BOARD ? board : other;
            List<String> names = new ArrayList<>(p.aliases());
            names.add(p.name());
            names.addAll(p.partNumbers());
            for (String n : names) {
                target.addAll(words(n));
            }
        }
        board.removeAll(other);
        board.removeIf(w -> w.length() < 3);
        return Set.copyOf(board);
    }

    /** The query with the words that only name a board taken out ("send an sms from my arduino" -> "send an sms from my"). */
    private String withoutBoardWords(String query) {
        StringBuilder sb = new StringBuilder();
        for (String token : query.split("\\s+")) {
            List<String> ws = words(token);
            if (ws.size() == 1 && boardWords.contains(ws.get(0))) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : " ").append(token);
        }
        return sb.length() == 0 ? query : sb.toString();
    }

    private boolean hasContentBesidesBoards(List<String> words) {
        boolean board = false;
        boolean content = false;
        for (String w : words) {
            if (QUESTION_WORDS.contains(w)) {
                continue;
            }
            if (boardWords.contains(w)) {
                board = true;
            } else {
                content = true;
            }
        }
        return board && content;
    }

    /** The bundled knowledge base with the KiCad tier, its index in the user's cache (built on first use). */
    public static PartSearch open(Consumer<String> log) {
        return open(KnowledgeBase.bundled(), KicadTier.bundled(), MiniLmEmbedder.shared(), IndexCache.indexes(),
                Fusion.DEFAULT, log);
    }

    /**
     * Opens (building when needed) the index of {@code kb} and {@code kicad} (null for curated parts only) under
     * {@code cacheDir}.
     */
    public static PartSearch open(KnowledgeBase kb, KicadTier kicad, Embedder embedder, Path cacheDir, Fusion fusion,
                                  Consumer<String> log) {
        try {
            return new PartSearch(kb, embedder, PartIndex.openOrBuild(cacheDir, kb, kicad, embedder, log), fusion);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build or open the part index under " + cacheDir + ": "
                    + e.getMessage(), e);
        }
    }

    /** The same index with other fusion weights (for tuning and benchmarks). */
    public PartSearch withFusion(Fusion other) {
        return new PartSearch(kb, embedder, reader, other);
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    /** Number of parts in the index, both tiers. */
    public int size() {
        return reader.numDocs();
    }

    /**
     * The {@code k} best parts for {@code query}.
     *
     * @throws IllegalArgumentException when the query has no letters or digits
     */
    public List<SearchHit> search(String query, SearchFilters filters, int k) {
        return search(query, filters, k, false);
    }

    /**
     * As {@link #search(String, SearchFilters, int)}; {@code exactVectors} replaces the HNSW graph by a brute-force
     * cosine scan over every vector (for measuring what the approximate search loses).
     */
    public List<SearchHit> search(String query, SearchFilters filters, int k, boolean exactVectors) {
        return rank(gather(query, filters, exactVectors, Math.max(fusion.candidates(), k)), fusion, k);
    }

    /** The evidence for one query: both candidate lists and the exact hits, before fusion. */
    Evidence gather(String query, SearchFilters filters, boolean exactVectors, int n) {
        String normalized = KnowledgeBase.normalize(query);
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("the query is empty; say what part you are looking for");
        }
        try {
            Query filter = filterQuery(filters);
            List<String> words = words(query);
            boolean context = hasContentBesidesBoards(words);
            TopDocs lexical = searcher.search(lexicalQuery(query, words, context, filter), n);
            float[] qv = embedder.embed(context ? withoutBoardWords(query) : query);
            ScoreDoc[] vector = exactVectors ? bruteForce(qv, filter, n) : approximate(qv, filter, n);
            Map<Integer, Candidate> byDoc = new LinkedHashMap<>();
            float topL = lexical.scoreDocs.length == 0 ? 1f : lexical.scoreDocs[0].score;
            for (int i = 0; i < lexical.scoreDocs.length; i++) {
                ScoreDoc sd = lexical.scoreDocs[i];
                Candidate c = byDoc.computeIfAbsent(sd.doc, Candidate::new);
                c.lexical = sd.score / topL;
                c.lexicalRank = i + 1;
            }
            if (vector.length > 0) {
                double top = cosine(vector[0].score);
                double floor = cosine(vector[vector.length - 1].score);
                double span = Math.max(1e-6, top - floor);
                for (int i = 0; i < vector.length; i++) {
                    ScoreDoc sd = vector[i];
                    Candidate c = byDoc.computeIfAbsent(sd.doc, Candidate::new);
                    c.vector = (cosine(sd.score) - floor) / span;
                    c.vectorRank = i + 1;
                }
            }
            for (Map.Entry<Integer, Integer> e : exactHits(normalized, words, filter).entrySet()) {
                Candidate c = byDoc.computeIfAbsent(e.getKey(), Candidate::new);
                c.exact = Math.max(c.exact, e.getValue());
            }
            StoredFields stored = reader.storedFields();
            for (Candidate c : byDoc.values()) {
                Document d = stored.document(c.doc, Set.of(PartIndex.TIER));
                c.curated = Tier.CURATED.jsonName().equals(d.get(PartIndex.TIER));
            }
            return new Evidence(List.copyOf(byDoc.values()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fuses the evidence with these weights and returns the best {@code k}. */
    List<SearchHit> rank(Evidence evidence, Fusion f, int k) {
        List<Candidate> all = new ArrayList<>(evidence.candidates());
        Map<Candidate, Double> score = new HashMap<>();
        for (Candidate c : all) {
            double s = f.lexical() * c.lexical + f.vector() * c.vector + (c.curated ? f.curated() : 0);
            if (c.exact > 0 && !c.curated) {
                s += f.kicadExact() * c.exact;
            }
            score.put(c, s);
        }
        all.sort(Comparator.comparingInt((Candidate c) -> c.curated ? -c.exact : 0)
                .thenComparingDouble(c -> -score.get(c)));
        try {
            StoredFields stored = reader.storedFields();
            List<SearchHit> hits = new ArrayList<>(Math.min(k, all.size()));
            for (Candidate c : all) {
                if (hits.size() == k) {
                    break;
                }
                hits.add(hit(c, score.get(c), stored));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Candidates of one query with their normalised scores. */
    record Evidence(List<Candidate> candidates) {
    }

    /** BM25 only (for benchmarks and diagnosis). */
    public List<SearchHit> lexical(String query, SearchFilters filters, int k) {
        try {
            List<String> words = words(query);
            TopDocs top = searcher.search(lexicalQuery(query, words, hasContentBesidesBoards(words), filterQuery(filters)), k);
            return hits(top.scoreDocs, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Vector search only, through the HNSW graph or, with {@code exact}, a brute-force scan. */
    public List<SearchHit> semantic(String query, SearchFilters filters, int k, boolean exact) {
        try {
            float[] qv = embedder.embed(query);
            Query filter = filterQuery(filters);
            ScoreDoc[] docs = exact ? bruteForce(qv, filter, k) : approximate(qv, filter, k);
            return hits(docs, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<SearchHit> hits(ScoreDoc[] docs, boolean lexical) throws IOException {
        StoredFields stored = reader.storedFields();
        List<SearchHit> out = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            Candidate c = new Candidate(docs[i].doc);
            if (lexical) {
                c.lexicalRank = i + 1;
            } else {
                c.vectorRank = i + 1;
            }
            out.add(hit(c, docs[i].score, stored));
        }
        return out;
    }

    /**
     * The part with this id: curated parts from the knowledge base, KiCad-tier parts from the index. Curated parts are
     * also found by part number or alias.
     *
     * @throws UnknownPartException naming the closest ids
     */
    public Part part(String id) {
        Optional<Part> curated = kb.find(id);
        if (curated.isPresent()) {
            return curated.get();
        }
        try {
            StoredFields stored = reader.storedFields();
            TopDocs top = searcher.search(new TermQuery(new Term(PartIndex.ID, id)), 1);
            if (top.scoreDocs.length > 0) {
                return kicadPart(stored.document(top.scoreDocs[0].doc));
            }
            if (id.indexOf(':') > 0) {
                // KiCad ids are case sensitive; accept any case through the symbol's exact name
                String name = KnowledgeBase.normalize(id.substring(id.indexOf(':') + 1));
                for (ScoreDoc sd : searcher.search(new TermQuery(new Term(PartIndex.EXACT, name)), 50).scoreDocs) {
                    Document d = stored.document(sd.doc);
                    if (d.get(PartIndex.ID).equalsIgnoreCase(id)) {
                        return kicadPart(d);
                    }
                }
            }
            throw new UnknownPartException(id, suggest(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pins of the part with this id. */
    public List<PartPin> pinout(String id) {
        return part(id).pins();
    }

    /** Ids that were probably meant by an unknown id: curated names by edit distance, then KiCad names. */
    List<String> suggest(String id) {
        List<String> out = new ArrayList<>(kb.suggest(id, 3));
        if (out.size() < 3) {
            try {
                String n = KnowledgeBase.normalize(id.contains(":") ? id.substring(id.indexOf(':') + 1) : id);
                if (!n.isEmpty()) {
                    TopDocs top = searcher.search(new FuzzyQuery(new Term(PartIndex.EXACT, n), 2), 3 - out.size());
                    StoredFields stored = reader.storedFields();
                    for (ScoreDoc sd : top.scoreDocs) {
                        String sid = stored.document(sd.doc, Set.of(PartIndex.ID)).get(PartIndex.ID);
                        if (!out.contains(sid)) {
                            out.add(sid);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static Part kicadPart(Document d) {
        return KicadTier.part(d.get(PartIndex.ID), JsonEnum.parse(Category.class, d.get(PartIndex.CATEGORY)),
                JsonEnum.parse(Form.class, d.get(PartIndex.FORM)), d.get(PartIndex.VALUE), d.get(PartIndex.DESCRIPTION),
                d.get(PartIndex.KEYWORDS), d.get(PartIndex.DATASHEET), d.get(PartIndex.FOOTPRINT),
                PartIndex.decodePins(d.get(PartIndex.PINS)));
    }

    private SearchHit hit(Candidate c, double score, StoredFields stored) throws IOException {
        Document d = stored.document(c.doc);
        SearchHit.Match match = c.exact > 0 ? SearchHit.Match.EXACT
                : c.lexicalRank > 0 && c.vectorRank > 0 ? SearchHit.Match.HYBRID
                : c.lexicalRank > 0 ? SearchHit.Match.LEXICAL : SearchHit.Match.SEMANTIC;
        return new SearchHit(d.get(PartIndex.ID), JsonEnum.parse(Tier.class, d.get(PartIndex.TIER)), d.get(PartIndex.NAME),
                JsonEnum.parse(Category.class, d.get(PartIndex.CATEGORY)), JsonEnum.parse(Form.class, d.get(PartIndex.FORM)),
                d.get(PartIndex.DESCRIPTION), score, match, c.lexicalRank, c.vectorRank);
    }

    /** Doc -> strength of an exact name hit: 2 when the whole query is a name, 1 for a part number inside it. */
    private Map<Integer, Integer> exactHits(String normalized, List<String> words, Query filter) throws IOException {
        Map<Integer, Integer> out = new HashMap<>();
        for (ScoreDoc sd : searcher.search(withFilter(new TermQuery(new Term(PartIndex.EXACT, normalized)), filter), 20).scoreDocs) {
            out.put(sd.doc, 2);
        }
        for (int i = 0; i < words.size(); i++) {
            StringBuilder span = new StringBuilder();
            for (int j = i; j < Math.min(words.size(), i + 3); j++) {
                span.append(KnowledgeBase.normalize(words.get(j)));
                String s = span.toString();
                if (s.length() < 3 || s.equals(normalized) || !hasDigit(s)) {
                    continue;
                }
                for (ScoreDoc sd : searcher.search(withFilter(new TermQuery(new Term(PartIndex.EXACT, s)), filter), 20).scoreDocs) {
                    out.putIfAbsent(sd.doc, 1);
                }
            }
        }
        return out;
    }

    private Query lexicalQuery(String query, List<String> words, boolean context, Query filter) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        List<String> kept = new ArrayList<>();
        for (String w : words) {
            if (!QUESTION_WORDS.contains(w)) {
                kept.add(w);
            }
        }
        if (kept.isEmpty()) {
            kept = words;
        }
        for (String w : kept) {
            Query clause = wordClause(w, true);
            if (context && boardWords.contains(w)) {
                clause = new BoostQuery(clause, (float) fusion.context());
            }
            b.add(clause, BooleanClause.Occur.SHOULD);
        }
        for (String w : thesaurus.expand(words)) {
            if (!QUESTION_WORDS.contains(w)) {
                b.add(new BoostQuery(wordClause(w, false), (float) fusion.expansion()), BooleanClause.Occur.SHOULD);
            }
        }
        for (int i = 0; i + 1 < words.size(); i++) {
            String joined = words.get(i) + words.get(i + 1);
            b.add(new BoostQuery(new TermQuery(new Term(PartIndex.NAMES, joined)), 3.0f), BooleanClause.Occur.SHOULD);
        }
        b.add(new BoostQuery(new TermQuery(new Term(PartIndex.EXACT, KnowledgeBase.normalize(query))), 4.0f),
                BooleanClause.Occur.SHOULD);
        return withFilter(b.build(), filter);
    }

    /** One word against names (exact and, when {@code fuzzy}, one or two edits away), descriptions and keywords. */
    private Query wordClause(String w, boolean fuzzy) throws IOException {
        List<Query> alternatives = new ArrayList<>(4);
        alternatives.add(new BoostQuery(new TermQuery(new Term(PartIndex.NAMES, w)), 3.0f));
        for (String stem : analyze(PartIndex.TEXT, w)) {
            alternatives.add(new TermQuery(new Term(PartIndex.TEXT, stem)));
            alternatives.add(new BoostQuery(new TermQuery(new Term(PartIndex.KEYWORD_TEXT, stem)), 2.0f));
        }
        if (fuzzy && w.length() >= 4 && !isNumber(w)) {
            alternatives.add(new BoostQuery(new FuzzyQuery(new Term(PartIndex.NAMES, w), w.length() >= 7 ? 2 : 1, 1), 1.5f));
        }
        return new DisjunctionMaxQuery(alternatives, 0.1f);
    }

    private static Query withFilter(Query q, Query filter) {
        if (filter == null) {
            return q;
        }
        return new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST).add(filter, BooleanClause.Occur.FILTER).build();
    }

    /** The filter for these restrictions; never null (shadowed KiCad duplicates of curated parts are always dropped). */
    static Query filterQuery(SearchFilters f) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
        b.add(new TermQuery(new Term(PartIndex.SHADOWED, "yes")), BooleanClause.Occur.MUST_NOT);
        if (f != null) {
            if (!f.categories().isEmpty()) {
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                for (Category c : f.categories()) {
                    any.add(new TermQuery(new Term(PartIndex.CATEGORY, c.jsonName())), BooleanClause.Occur.SHOULD);
                }
                b.add(any.build(), BooleanClause.Occur.FILTER);
            }
            if (f.tier() != null) {
                b.add(new TermQuery(new Term(PartIndex.TIER, f.tier().jsonName())), BooleanClause.Occur.FILTER);
            }
            if (f.interfaceKind() != null) {
                b.add(new TermQuery(new Term(PartIndex.INTERFACE, f.interfaceKind().jsonName())), BooleanClause.Occur.FILTER);
            }
            if (f.supplyVoltage() != null) {
                double v = f.supplyVoltage();
                b.add(DoublePoint.newRangeQuery(PartIndex.SUPPLY_MIN, Math.nextUp(v + 1e-3), Double.POSITIVE_INFINITY),
                        BooleanClause.Occur.MUST_NOT);
                b.add(DoublePoint.newRangeQuery(PartIndex.SUPPLY_MAX, Double.NEGATIVE_INFINITY, Math.nextDown(v - 1e-3)),
                        BooleanClause.Occur.MUST_NOT);
            }
        }
        return b.build();
    }

    /**
     * Approximate k nearest neighbours through the HNSW graph. The graph is searched with a beam of at least
     * {@link #MIN_BEAM} candidates: the KiCad tier has clusters of near-identical symbols (one per package of a chip)
     * in which a narrow beam gets stuck.
     */
    private ScoreDoc[] approximate(float[] qv, Query filter, int k) throws IOException {
        int beam = Math.max(k, MIN_BEAM);
        ScoreDoc[] docs = searcher.search(new KnnFloatVectorQuery(PartIndex.VECTOR, qv, beam, filter), beam).scoreDocs;
        return docs.length <= k ? docs : java.util.Arrays.copyOf(docs, k);
    }

    /** Exact k nearest neighbours by scanning every vector that passes the filter. */
    private ScoreDoc[] bruteForce(float[] qv, Query filter, int k) throws IOException {
        loadVectors();
        java.util.BitSet allowed = new java.util.BitSet(reader.maxDoc());
        searcher.search(filter, new org.apache.lucene.search.SimpleCollector() {
            private int base;

            @Override
            protected void doSetNextReader(LeafReaderContext ctx) {
                base = ctx.docBase;
            }

            @Override
            public void collect(int doc) {
                allowed.set(base + doc);
            }

            @Override
            public org.apache.lucene.search.ScoreMode scoreMode() {
                return org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        java.util.PriorityQueue<ScoreDoc> heap = new java.util.PriorityQueue<>(k + 1, Comparator.comparingDouble(s -> s.score));
        for (int i = 0; i < allVectors.length; i++) {
            int doc = allVectorDocs[i];
            if (!allowed.get(doc)) {
                continue;
            }
            float s = VectorSimilarityFunction.COSINE.compare(qv, allVectors[i]);
            if (heap.size() < k) {
                heap.add(new ScoreDoc(doc, s));
            } else if (s > heap.peek().score) {
                heap.poll();
                heap.add(new ScoreDoc(doc, s));
            }
        }
        ScoreDoc[] out = heap.toArray(new ScoreDoc[0]);
        java.util.Arrays.sort(out, (a, b) -> Float.compare(b.score, a.score));
        return out;
    }

    private synchronized void loadVectors() throws IOException {
        if (allVectors != null) {
            return;
        }
        List<float[]> vs = new ArrayList<>(reader.maxDoc());
        List<Integer> docs = new ArrayList<>(reader.maxDoc());
        for (LeafReaderContext ctx : reader.leaves()) {
            FloatVectorValues values = ctx.reader().getFloatVectorValues(PartIndex.VECTOR);
            if (values == null) {
                continue;
            }
            for (int doc = values.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                vs.add(values.vectorValue().clone());
                docs.add(ctx.docBase + doc);
            }
        }
        allVectors = vs.toArray(new float[0][]);
        allVectorDocs = docs.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Lucene's COSINE score is (1 + cos) / 2; back to the cosine. */
    private static double cosine(float score) {
        return 2.0 * score - 1.0;
    }

    /** Lower-case words of letters and digits (split on everything else). */
    static List<String> words(String query) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        String q = query.toLowerCase(Locale.ROOT);
        for (int i = 0; i <= q.length(); i++) {
            char c = i < q.length() ? q.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                w.append(c);
            } else if (c == '.' && w.length() > 0 && i + 1 < q.length() && Character.isDigit(q.charAt(i + 1))
                    && Character.isDigit(w.charAt(w.length() - 1))) {
                w.append(c); // 3.3, 0.96
            } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
        }
        return out;
    }

    private List<String> analyze(String field, String text) throws IOException {
        List<String> out = new ArrayList<>(1);
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNumber(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isDigit(c) && c != '.') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class Candidate {
        final int doc;
        double lexical;
        double vector;
        int lexicalRank;
        int vectorRank;
        int exact;
        boolean curated;

        Candidate(int doc) {
            this.doc = doc;
        }
    }
}
