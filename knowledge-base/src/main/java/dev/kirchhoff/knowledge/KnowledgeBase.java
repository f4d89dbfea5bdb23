package dev.kirchhoff.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The curated parts, by id and by name. The KiCad tier is reached through {@link KicadTier}; retrieval indexes both.
 */
public final class KnowledgeBase {

    private static volatile KnowledgeBase bundled;

    private final Map<String, Part> parts;
    private final Map<String, String> byName;
    private final String fingerprint;
    private final Path root;

    private KnowledgeBase(Map<String, Part> parts, Map<String, String> byName, String fingerprint, Path root) {
        this.parts = parts;
        this.byName = byName;
        this.fingerprint = fingerprint;
        this.root = root;
    }

    /** The knowledge base shipped with Kirchhoff (read once, then shared). */
    public static KnowledgeBase bundled() {
        KnowledgeBase kb = bundled;
        if (kb == null) {
            synchronized (KnowledgeBase.class) {
                kb = bundled;
                if (kb == null) {
                    kb = load(DataFiles.classpathRoot());
                    bundled = kb;
                }
            }
        }
        return kb;
    }

    /**
     * Reads the curated parts under {@code root/parts}.
     *
     * @throws KnowledgeBaseException naming the file and JSON path of the first broken part, or a duplicate id
     */
    public static KnowledgeBase load(Path root) {
        List<DataFiles.DataFile> files = DataFiles.partFiles(root);
        Map<String, Part> parts = new LinkedHashMap<>();
        for (DataFiles.DataFile f : files) {
            for (Part p : PartReader.read(f.name(), f.bytes())) {
                Part earlier = parts.putIfAbsent(p.id(), p);
                if (earlier != null) {
                    throw new KnowledgeBaseException(f.name(), "$.id", "part id '" + p.id()
                            + "' is already used by " + earlier.origin());
                }
            }
        }
        Map<String, String> byName = new HashMap<>();
        for (Part p : parts.values()) {
            byName.putIfAbsent(normalize(p.id()), p.id());
        }
        for (Part p : parts.values()) {
            for (String n : p.partNumbers()) {
                byName.putIfAbsent(normalize(n), p.id());
            }
            for (String a : p.aliases()) {
                byName.putIfAbsent(normalize(a), p.id());
            }
            byName.putIfAbsent(normalize(p.name()), p.id());
        }
        return new KnowledgeBase(Collections.unmodifiableMap(parts), byName, DataFiles.fingerprint(files), root);
    }

    /** The folder the parts were read from. */
    public Path root() {
        return root;
    }

    /** Every curated part, in file order. */
    public Collection<Part> parts() {
        return parts.values();
    }

    public int size() {
        return parts.size();
    }

    /** SHA-256 of the part files: changes whenever any part changes. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The part with this id, exactly. */
    public Optional<Part> part(String id) {
        return Optional.ofNullable(parts.get(id));
    }

    /**
     * The part with this id, or the part whose id, part number, alias or name this is, ignoring case, spaces and
     * punctuation ({@code BME-280} finds {@code bme280-module}).
     */
    public Optional<Part> find(String idOrName) {
        Part p = parts.get(idOrName);
        if (p != null) {
            return Optional.of(p);
        }
        String id = byName.get(normalize(idOrName));
        return id == null ? Optional.empty() : Optional.of(parts.get(id));
    }

    /**
     * The part with this id or name.
     *
     * @throws UnknownPartException saying which parts were probably meant
     */
    public Part require(String idOrName) {
        return find(idOrName).orElseThrow(() -> new UnknownPartException(idOrName, suggest(idOrName, 3)));
    }

    /**
     * Ids of the parts whose id, part number or alias is closest to {@code text} by edit distance (at most a third
     * of the length), best first.
     */
    public List<String> suggest(String text, int max) {
        String q = normalize(text);
        if (q.isEmpty()) {
            return List.of();
        }
        int limit = Math.max(1, q.length() / 3);
        TreeMap<Integer, List<String>> byDistance = new TreeMap<>();
        Map<String, Integer> best = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : byName.entrySet()) {
            int d = distance(q, e.getKey(), limit);
            if (d <= limit) {
                best.merge(e.getValue(), d, Math::min);
            }
        }
        best.forEach((id, d) -> byDistance.computeIfAbsent(d, k -> new ArrayList<>()).add(id));
        List<String> out = new ArrayList<>();
        for (List<String> ids : byDistance.values()) {
            Collections.sort(ids);
            for (String id : ids) {
                if (out.size() < max) {
                    out.add(id);
                }
            }
        }
        return out;
    }

    /** Lower case, letters and digits only: the form names are compared in. */
    public static String normalize(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Edit distance counting an adjacent transposition as one edit (optimal string alignment), giving up (returning
     * {@code limit + 1}) once it must exceed {@code limit}. Used for "did you mean" suggestions here and by the design
     * agent's spelling correction.
     */
    public static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i][j - 1] + 1, d[i - 1][j] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}
