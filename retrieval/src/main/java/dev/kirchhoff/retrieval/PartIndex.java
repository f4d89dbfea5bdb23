package dev.kirchhoff.retrieval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kirchhoff.knowledge.Form;
import dev.kirchhoff.knowledge.KicadTier;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartInterface;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.knowledge.Tier;
import dev.kirchhoff.schematic.model.PinFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The Lucene index of the knowledge base: one document per part (curated and KiCad tier) with BM25 fields, an exact
 * name field and an embedding vector. Built once per data version into the cache and opened from there; a folder
 * whose marker or checksums do not match is deleted and rebuilt, never trusted.
 */
public final class PartIndex {

    /** Bump when the documents or analysis change: old caches are then rebuilt. */
    static final int FORMAT = 8;

    static final String ID = "id";
    static final String TIER = "tier";
    static final String CATEGORY = "category";
    static final String FORM = "form";
    static final String NAME = "name";
    static final String NAMES = "names";
    static final String TEXT = "text";
    static final String KEYWORD_TEXT = "kwtext";
    static final String EXACT = "exact";
    static final String DESCRIPTION = "desc";
    static final String INTERFACE = "iface";
    static final String SUPPLY_MIN = "vmin";
    static final String SUPPLY_MAX = "vmax";
    static final String VECTOR = "vec";
    static final String PINS = "pins";
    static final String DATASHEET = "ds";
    static final String FOOTPRINT = "fp";
    static final String KEYWORDS = "kw";
    static final String VALUE = "value";
    static final String SHADOWED = "shadowed";

    static final String MARKER = "kirchhoff-index.json";

    /**
     * Names are a bag of names: a curated part with twelve aliases must not score lower than a KiCad symbol with one
     * name just because its field is longer, so the field has no length norms.
     */
    static final org.apache.lucene.document.FieldType NAMES_TYPE;

    static {
        NAMES_TYPE = new org.apache.lucene.document.FieldType(TextField.TYPE_NOT_STORED);
        NAMES_TYPE.setOmitNorms(true);
        NAMES_TYPE.freeze();
    }

    static final int HNSW_MAX_CONNECTIONS = 32;
    static final int HNSW_BEAM_WIDTH = 200;

    private PartIndex() {
    }

    /** Analysis: part names keep their words whole; descriptions are stemmed English. */
    static Analyzer analyzer() {
        Analyzer names = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = new StandardTokenizer();
                TokenStream s = new LowerCaseFilter(t);
                s = new ASCIIFoldingFilter(s);
                return new TokenStreamComponents(t, s);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
        EnglishAnalyzer english = new EnglishAnalyzer();
        return new PerFieldAnalyzerWrapper(names, Map.of(TEXT, english, KEYWORD_TEXT, english));
    }

    /** The version of an index for these data and this embedder: the cache folder's name. */
    static String version(KnowledgeBase kb, KicadTier kicad, Embedder embedder) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("format " + FORMAT + "\n").getBytes(StandardCharsets.UTF_8));
            md.update((embedder.id() + "\n").getBytes(StandardCharsets.UTF_8));
            md.update((kb.fingerprint() + "\n").getBytes(StandardCharsets.UTF_8));
            md.update((kicad == null ? "no-kicad" : kicad.fingerprint()).getBytes(StandardCharsets.UTF_8));
            return "v" + FORMAT + "-" + HexFormat.of().formatHex(md.digest()).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens the index for this version under {@code cacheDir}, building it first when it is missing, stale or
     * corrupt. Returns the reader; {@code log} hears about builds.
     */
    static DirectoryReader openOrBuild(Path cacheDir, KnowledgeBase kb, KicadTier kicad, Embedder embedder,
                                       Consumer<String> log) throws IOException {
        String version = version(kb, kicad, embedder);
        Path dir = cacheDir.resolve(version);
        if (Files.isDirectory(dir)) {
            DirectoryReader r = tryOpen(dir, version);
            if (r != null) {
                return r;
            }
            log.accept("index cache at " + dir + " is incomplete or corrupt; rebuilding it");
            IndexCache.delete(dir);
        }
        Files.createDirectories(cacheDir);
        removeOtherVersions(cacheDir, version);
        Path tmp = Files.createTempDirectory(cacheDir, "building-");
        try {
            long t0 = System.nanoTime();
            int docs = build(tmp, kb, kicad, embedder, log);
            writeMarker(tmp, version, docs);
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir);
            } catch (java.nio.file.FileSystemException e) {
                if (!Files.isDirectory(dir)) {
                    throw e;
                }
                // another process built the same version at the same time: use theirs (checked when opened below)
                IndexCache.delete(tmp);
            }
            log.accept(String.format(Locale.ROOT, "built the part index (%d parts) in %.1f s at %s", docs,
                    (System.nanoTime() - t0) / 1e9, dir));
        } finally {
            IndexCache.delete(tmp);
        }
        DirectoryReader r = tryOpen(dir, version);
        if (r == null) {
            throw new IOException("the index just built at " + dir + " cannot be opened");
        }
        return r;
    }

    private static void removeOtherVersions(Path cacheDir, String keep) {
        try (Stream<Path> list = Files.list(cacheDir)) {
            for (Path p : list.toList()) {
                String n = p.getFileName().toString();
                if (Files.isDirectory(p) && n.startsWith("v") && !n.equals(keep)) {
                    IndexCache.delete(p);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // an old cache we cannot remove does no harm
        }
    }

    /** Opens a built index when its marker and every file's checksum are right; null otherwise. */
    static DirectoryReader tryOpen(Path dir, String version) {
        try {
            Path marker = dir.resolve(MARKER);
            if (!Files.isRegularFile(marker)) {
                return null;
            }
            var node = new ObjectMapper().readTree(marker.toFile());
            if (!version.equals(node.path("version").asText()) || node.path("format").asInt() != FORMAT) {
                return null;
            }
            Directory d = FSDirectory.open(dir);
            for (String file : d.listAll()) {
                if (file.equals(MARKER) || file.equals("write.lock")) {
                    continue;
                }
                try (IndexInput in = d.openInput(file, IOContext.READONCE)) {
                    CodecUtil.checksumEntireFile(in);
                }
            }
            DirectoryReader r = DirectoryReader.open(d);
            if (r.numDocs() != node.path("docs").asInt(-1)) {
                r.close();
                return null;
            }
            return r;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void writeMarker(Path dir, String version, int docs) throws IOException {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("version", version);
        n.put("format", FORMAT);
        n.put("docs", docs);
        n.put("built", Instant.now().toString());
        Files.writeString(dir.resolve(MARKER), n.toPrettyString());
    }

    /** Writes every part into a fresh index at {@code dir}; returns the number of documents. */
    static int build(Path dir, KnowledgeBase kb, KicadTier kicad, Embedder embedder, Consumer<String> log)
            throws IOException {
        List<Part> parts = new ArrayList<>(kb.parts());
        Set<String> shadowed = new HashSet<>();
        for (Part p : kb.parts()) {
            if (p.exports() != null && p.exports().kicad() != null && p.form() != Form.MODULE && p.form() != Form.BOARD) {
                shadowed.add(p.exports().kicad().symbol());
            }
        }
        if (kicad != null) {
            for (Part p : kicad.parts()) {
                // logos, arrows and mounting holes have no pins: they are drawings, not parts to wire
                if (!p.pins().isEmpty()) {
                    parts.add(p);
                }
            }
        }
        log.accept("embedding " + parts.size() + " parts for the index (once per data version)");
        List<String> texts = new ArrayList<>(parts.size());
        for (Part p : parts) {
            texts.add(embeddingText(p));
        }
        List<float[]> vectors = new ArrayList<>(parts.size());
        int batch = 1024;
        for (int i = 0; i < texts.size(); i += batch) {
            vectors.addAll(embedder.embedAll(texts.subList(i, Math.min(texts.size(), i + batch))));
        }
        IndexWriterConfig cfg = new IndexWriterConfig(analyzer());
        cfg.setRAMBufferSizeMB(256);
        cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        cfg.setCodec(new org.apache.lucene.codecs.lucene912.Lucene912Codec() {
            @Override
            public org.apache.lucene.codecs.KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                // KiCad has thousands of near-identical symbols (one per package of a chip); a denser graph keeps
                // the search from getting stuck in one such cluster
                return new org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat(HNSW_MAX_CONNECTIONS, HNSW_BEAM_WIDTH);
            }
        });
        try (Directory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, cfg)) {
            for (int i = 0; i < parts.size(); i++) {
                Part p = parts.get(i);
                w.addDocument(document(p, vectors.get(i), shadowed.contains(p.id()) && p.tier() == Tier.KICAD));
            }
            w.forceMerge(1);
            w.commit();
        }
        return parts.size();
    }

    /**
     * The text the embedding model reads for a part: names, aliases and keywords, and the first sentence of the
     * description (the rest is wiring detail that blurs what the part is).
     */
    static String embeddingText(Part p) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(p.name());
        if (!p.aliases().isEmpty()) {
            sb.append(". ").append(String.join(", ", p.aliases()));
        }
        String d = p.description();
        int end = d.indexOf(". ");
        sb.append(". ").append(end > 0 ? d.substring(0, end + 1) : d);
        if (!p.keywords().isEmpty()) {
            sb.append(' ').append(String.join(", ", p.keywords()));
        }
        return sb.toString();
    }

    static Document document(Part p, float[] vector, boolean shadowed) {
        Document doc = new Document();
        doc.add(new StringField(ID, p.id(), Field.Store.YES));
        doc.add(new StringField(TIER, p.tier().jsonName(), Field.Store.YES));
        doc.add(new StringField(CATEGORY, p.category().jsonName(), Field.Store.YES));
        doc.add(new StringField(FORM, p.form().jsonName(), Field.Store.YES));
        doc.add(new StoredField(NAME, p.name()));
        doc.add(new StoredField(DESCRIPTION, p.description()));
        StringBuilder names = new StringBuilder();
        names.append(p.id().replace(':', ' ').replace('_', ' ')).append('\n').append(p.name().replace('_', ' '));
        for (String s : p.partNumbers()) {
            names.append('\n').append(s);
        }
        for (String s : p.aliases()) {
            names.append('\n').append(s);
        }
        doc.add(new Field(NAMES, names.toString(), NAMES_TYPE));
        Set<String> exact = new HashSet<>();
        exact.add(KnowledgeBase.normalize(p.id()));
        exact.add(KnowledgeBase.normalize(p.name()));
        for (String s : p.partNumbers()) {
            exact.add(KnowledgeBase.normalize(s));
        }
        for (String s : p.aliases()) {
            exact.add(KnowledgeBase.normalize(s));
        }
        if (p.tier() == Tier.KICAD) {
            // KiCad names carry package suffixes (MCP9808_DFN, INA219AxD): the base name finds them too
            int cut = p.name().indexOf('_');
            if (cut > 2) {
                exact.add(KnowledgeBase.normalize(p.name().substring(0, cut)));
            }
        }
        exact.remove("");
        for (String e : exact) {
            doc.add(new StringField(EXACT, e, Field.Store.NO));
        }
        StringBuilder text = new StringBuilder();
        text.append(p.description()).append('\n');
        text.append(String.join(" ", p.keywords())).append('\n');
        text.append(p.category().jsonName()).append(' ').append(p.form().jsonName()).append('\n');
        Set<PinFunction> functions = EnumSet.noneOf(PinFunction.class);
        for (PartPin pin : p.pins()) {
            functions.addAll(pin.functions());
        }
        for (PinFunction f : functions) {
            text.append(f.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(' ');
        }
        for (PartInterface itf : p.interfaces()) {
            text.append(itf.kind().jsonName()).append(' ');
            doc.add(new StringField(INTERFACE, itf.kind().jsonName(), Field.Store.NO));
        }
        doc.add(new TextField(TEXT, text.toString(), Field.Store.NO));
        doc.add(new TextField(KEYWORD_TEXT, String.join("\n", p.keywords()), Field.Store.NO));
        if (p.supply() != null && (p.supply().min() != null || p.supply().max() != null)) {
            double min = p.supply().min() != null ? p.supply().min() : Double.NEGATIVE_INFINITY;
            double max = p.supply().max() != null ? p.supply().max() : Double.POSITIVE_INFINITY;
            doc.add(new DoublePoint(SUPPLY_MIN, min));
            doc.add(new DoublePoint(SUPPLY_MAX, max));
        }
        doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.COSINE));
        if (shadowed) {
            doc.add(new StringField(SHADOWED, "yes", Field.Store.NO));
        }
        if (p.tier() == Tier.KICAD) {
            doc.add(new StoredField(PINS, encodePins(p.pins())));
            if (p.datasheet() != null) {
                doc.add(new StoredField(DATASHEET, p.datasheet()));
            }
            if (p.exports() != null && p.exports().kicad() != null && p.exports().kicad().footprint() != null) {
                doc.add(new StoredField(FOOTPRINT, p.exports().kicad().footprint()));
            }
            if (!p.keywords().isEmpty()) {
                doc.add(new StoredField(KEYWORDS, String.join(" ", p.keywords())));
            }
            if (p.partNumbers().size() > 1) {
                doc.add(new StoredField(VALUE, p.partNumbers().get(1)));
            }
        }
        return doc;
    }

    /** Pins as lines of number, name, KiCad type and unit separated by tabs. */
    static String encodePins(List<PartPin> pins) {
        StringBuilder sb = new StringBuilder(pins.size() * 12);
        for (PartPin p : pins) {
            sb.append(p.number()).append('\t').append(p.name()).append('\t').append(p.type().kicadName())
                    .append('\t').append(p.unit()).append('\n');
        }
        return sb.toString();
    }

    static List<PartPin> decodePins(String s) {
        List<PartPin> out = new ArrayList<>();
        for (String line : s.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            out.add(PartPin.typed(f[0], f[1], dev.kirchhoff.schematic.model.PinType.fromKicad(f[2]), Integer.parseInt(f[3])));
        }
        return out;
    }
}
