package dev.kirchhoff.agents.offline.identify;

import dev.kirchhoff.agents.Unresolved;
import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.Tier;
import dev.kirchhoff.retrieval.PartSearch;
import dev.kirchhoff.retrieval.SearchFilters;
import dev.kirchhoff.retrieval.SearchHit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links the phrases of one prompt to curated parts, with how many of each: part numbers and aliases longest first,
 * the describing words after a name ("BME280 temperature sensor"), colours listed before an LED phrase, phrases
 * ending in a part noun through the search ("distance sensor") or the noun's default part ("a servo"), and what the
 * prompt asks to measure ("log the temperature"). One instance per prompt; not thread-safe.
 */
final class PartLinker {

    private static final Set<String> COLOURS = Set.of("red", "green", "blue", "yellow", "white");
    /** "SG90s", "DS18B20s": a part number with a plural s. */
    private static final Pattern PLURAL_NUMBER = Pattern.compile("[a-z0-9]*\\d[a-z0-9]*s");
    private static final Pattern REFERENCE_LIKE = Pattern.compile("\\b[rcl]\\d{1,2} ?=");
    /** Words after a number that make it a size, not a count ("two channel relay", "4 digit display"). */
    private static final Set<String> MEASURE_WORDS = Set.of("channel", "channels", "ch", "way", "digit", "digits",
            "axis", "bit", "bits", "pin", "pins", "port", "ports", "key", "keys", "gang", "wire", "inch", "segment",
            "row", "rows");
    private static final Pattern CHANNELS = Pattern.compile(".*-(\\d+)ch");
    private static final Set<String> COORDINATORS = Set.of("and", "or", ",", "/", "&", "plus");
    private static final Set<String> VERB_FOLLOWERS = Set.of("a", "an", "the", "on", "off", "it", "them", "this",
            "that", "my", "its", "some", "between", "from", "to", "up", "down");
    private static final Set<String> VERB_LEADERS = Set.of("to", "will", "can", "should", "would", "could", "must",
            "that", "which");

    /** Words after a phrase that make it the name of the whole project, built from the parts that follow. */
    private static final Set<String> PROJECT_FOLLOWERS = Set.of("using", "based", "built", "made", "consisting",
            "composed");
    private static final Set<String> MEASURE_CUES = Set.of("measure", "measures", "measuring", "read", "reads",
            "reading", "monitor", "monitors", "monitoring", "log", "logs", "logging", "logger", "sense", "senses",
            "sensing", "detect", "detects", "detecting", "detector", "show", "shows", "showing", "display", "displays",
            "displaying", "track", "tracks", "tracking", "record", "records", "recording", "check", "checks",
            "report", "reports", "reporting", "send", "sends", "sending", "get", "gets", "meter", "station");

    private final KnowledgeBase kb;
    private final PartSearch search;
    private final Lexicon lexicon;
    private final PartNames names;
    private final Map<String, Optional<String>> searchCache;
    private final List<Token> tokens;
    private final int n;
    private final boolean[] valueToken;
    private final String flat;
    private final List<String> notes;
    /** Index in {@link #found} of the part that owns each token, or -1 (valid until {@link #finish()}). */
    private final int[] owner;
    /** Part id that owns each token, or null. */
    final String[] ownerId;
    /** The parts linked so far, in the order found; in prompt order after {@link #finish()}. */
    final List<Found> found = new ArrayList<>();
    /** Tokens that name something the knowledge base lacks (a board): never part of a linked phrase or a count. */
    final boolean[] claimed;
    /** Part phrases with a part noun that no curated part fits, with the nearest ids. */
    final List<Unresolved> unresolved = new ArrayList<>();

    /**
     * @param search      null to link by names and default nouns only
     * @param searchCache search results by phrase, shared by every prompt
     * @param valueToken  tokens that are part of a number with its unit
     * @param flat        the prompt as one lower-case line
     * @param notes       where to say what was understood or left out
     */
    PartLinker(KnowledgeBase kb, PartSearch search, Lexicon lexicon, PartNames names,
               Map<String, Optional<String>> searchCache, List<Token> tokens, boolean[] valueToken, String flat,
               List<String> notes) {
        this.kb = kb;
        this.search = search;
        this.lexicon = lexicon;
        this.names = names;
        this.searchCache = searchCache;
        this.tokens = tokens;
        this.n = tokens.size();
        this.valueToken = valueToken;
        this.flat = flat;
        this.notes = notes;
        this.owner = new int[n];
        Arrays.fill(owner, -1);
        this.ownerId = new String[n];
        this.claimed = new boolean[n];
    }

    /** Links every part phrase of the prompt. */
    void link() {
        linkNames();
        linkColours();
        linkHeads();
        preferVariants();
        splitColourLists();
        linkMeasurands();
    }

    /**
     * "three LEDs (red, green, blue)", "LEDs: red and yellow": a colour list right after an LED phrase makes one LED
     * of each colour instead of several of the default colour.
     */
    private void splitColourLists() {
        for (int i = found.size() - 1; i >= 0; i--) {
            Found f = found.get(i);
            if (!f.id.startsWith("led-")) {
                continue;
            }
            int k = f.to;
            while (k < n && owner[k] < 0 && (tokens.get(k).typed().equals("(") || tokens.get(k).typed().equals(":")
                    || Set.of("in", "colored", "coloured", "colours", "colors", "one", "each").contains(
                    tokens.get(k).text()))) {
                k++;
            }
            List<String> colours = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            while (k < n && owner[k] < 0) {
                String w = tokens.get(k).text();
                if (kb.part("led-" + w).isPresent() && Character.isLetter(w.charAt(0))) {
                    colours.add(w);
                    at.add(k);
                } else if (!COORDINATORS.contains(w) && !w.equals("a") && !w.equals("one")) {
                    break;
                }
                k++;
            }
            if (colours.size() < 2 || k > f.to + 12) {
                continue;
            }
            found.remove(i);
            for (int j = f.from; j < f.to; j++) {
                owner[j] = -1;
                ownerId[j] = null;
            }
            for (int c = 0; c < colours.size(); c++) {
                int tok = at.get(c);
                int index = found.size();
                found.add(new Found("led-" + colours.get(c), tok, tok + 1, 1, "colour listed after an LED phrase"));
                owner[tok] = index;
                ownerId[tok] = "led-" + colours.get(c);
            }
            // indices in owner[] moved: rebuild them from the list
            Arrays.fill(owner, -1);
            for (int x = 0; x < found.size(); x++) {
                Found g = found.get(x);
                for (int j = g.from; j < g.to; j++) {
                    if (ownerId[j] != null && ownerId[j].equals(g.id) && owner[j] < 0) {
                        owner[j] = x;
                    }
                }
            }
        }
    }

    /** Puts the parts in prompt order and drops defaults and second names made redundant by a specific name. */
    void finish() {
        found.sort((a, b) -> Integer.compare(a.from, b.from));
        dropRedundantDefaults();
        mergeAdjacent();
    }

    private boolean isBoard(String id) {
        return kb.part(id).map(p -> p.category() == Category.BOARD).orElse(false);
    }

    /** True when the prompt uses reference designators ("R1", "C2") or gives the token a value ("C3 = 10 uF"). */
    private boolean referencesNamed(int at) {
        if (at + 1 < n && (tokens.get(at + 1).text().equals("=") || valueToken[at + 1]
                || Set.of("is", "of", "value").contains(tokens.get(at + 1).text()))) {
            return true;
        }
        int refs = 0;
        for (Token t : tokens) {
            if (t.text().matches("(r|c|l|q|s|k|j|sw)\\d{1,2}")) {
                refs++;
            }
        }
        return refs > 1;
    }

    private boolean isCurated(String id) {
        return kb.part(id).map(p -> p.tier() == Tier.CURATED).orElse(false);
    }

    /** A linked part: the tokens it came from and how many. */
    static final class Found {
        final String id;
        final int from;
        final int to;
        int quantity;
        final String how;

        Found(String id, int from, int to, int quantity, String how) {
            this.id = id;
            this.from = from;
            this.to = to;
            this.quantity = quantity;
            this.how = how;
        }
    }

    /** Part numbers and aliases, longest match first. */
    private void linkNames() {
        for (int i = 0; i < n; i++) {
            if (owner[i] >= 0 || tokens.get(i).isPunctuation()) {
                continue;
            }
            for (int len = Math.min(names.longest(), n - i); len >= 1; len--) {
                if (owner[i + len - 1] >= 0 || tokens.get(i + len - 1).isPunctuation() || anyClaimed(i, i + len)) {
                    continue;
                }
                String id = lookup(i, i + len);
                if (id != null && isCurated(id)) {
                    int end = absorb(id, i + len);
                    add(id, i, end, "name");
                    i = end - 1;
                    break;
                }
            }
        }
        preferVariants();
    }

    private boolean anyClaimed(int from, int to) {
        for (int k = from; k < to; k++) {
            if (claimed[k]) {
                return true;
            }
        }
        return false;
    }

    private String lookup(int from, int to) {
        StringBuilder plain = new StringBuilder();
        StringBuilder singular = new StringBuilder();
        for (int k = from; k < to; k++) {
            String t = tokens.get(k).text();
            if (tokens.get(k).isPunctuation()) {
                return null;
            }
            plain.append(KnowledgeBase.normalize(t));
            singular.append(KnowledgeBase.normalize(tokens.get(k).isWord() ? Spelling.singular(t)
                    : PLURAL_NUMBER.matcher(t).matches() ? t.substring(0, t.length() - 1) : t));
        }
        if (plain.length() < 2) {
            return null;
        }
        String id = names.lookup(plain.toString());
        if (id == null) {
            id = names.lookup(singular.toString());
        }
        // a single short token is a name only when written as such ("uno"), not a number ("12")
        if (id != null && to - from == 1 && tokens.get(from).isInteger() && plain.length() < 3) {
            return null;
        }
        // "1 mega ohm": a number's unit prefix, not the Mega board
        if (id != null && to - from == 1 && from > 0 && to < n && tokens.get(from - 1).text().matches("\\d+(\\.\\d+)?")
                && (lexicon.units.containsKey(tokens.get(to).text()) || tokens.get(to).text().startsWith("ohm"))) {
            return null;
        }
        // "C3" or "S3" is a board nickname, unless the prompt names components by reference ("R1", "C3 = 10 uF")
        if (id != null && to - from == 1 && plain.length() == 2 && !tokens.get(from).isWord()
                && (!isBoard(id) || referencesNamed(from) || REFERENCE_LIKE.matcher(flat).find())) {
            return null;
        }
        return id;
    }

    /** After a linked name, the words that only say what it is ("BME280 temperature sensor", "SG90 servos"). */
    private int absorb(String id, int end) {
        Category cat = kb.part(id).map(Part::category).orElse(null);
        int k = end;
        int last = end;
        while (k < n && k < end + 4 && owner[k] < 0 && !claimed[k]) {
            Token t = tokens.get(k);
            String w = t.isWord() ? Spelling.singular(t.text()) : t.text();
            Lexicon.Head head = lexicon.heads.get(w);
            if (head != null) {
                if (cat != null && head.categories().contains(cat)) {
                    last = k + 1;
                    k++;
                    continue;
                }
                break;
            }
            if (Set.of("module", "modules", "breakout", "board", "chip", "ic", "sensor", "sensors")
                    .contains(t.text()) || t.isWord() && t.text().length() > 3
                    && !lexicon.stopWords.contains(t.text()) && names.lookup(t.text()) == null
                    && !lexicon.defaults.containsKey(Spelling.singular(t.text()))
                    && names.text(id).matches("(?s).*\\b" + Pattern.quote(t.text()) + "\\b.*")) {
                last = k + 1;
                k++;
                continue;
            }
            if (t.isWord() && !lexicon.stopWords.contains(t.text()) || t.text().equals("and")
                    || t.text().equals("/")) {
                k++;
                continue;
            }
            break;
        }
        return last;
    }

    /** A part replaced by the variant the prompt asks for (variants.txt): a DS18B20 "in the aquarium". */
    private void preferVariants() {
        for (int i = 0; i < found.size(); i++) {
            Found f = found.get(i);
            for (Lexicon.Variant v : lexicon.variants) {
                if (v.id().equals(f.id) && v.when().matcher(flat).find()
                        && (v.unless() == null || !v.unless().matcher(flat).find()) && isCurated(v.variant())) {
                    Matcher ch = CHANNELS.matcher(v.variant());
                    int channels = ch.matches() ? Integer.parseInt(ch.group(1)) : 1;
                    // "two relays (2 channel module)" is one module with two channels
                    int q = f.quantity % channels == 0 ? Math.max(1, f.quantity / channels) : f.quantity;
                    found.set(i, new Found(v.variant(), f.from, f.to, q, f.how + ", variant from context"));
                    for (int k = f.from; k < f.to; k++) {
                        if (ownerId[k] != null) {
                            ownerId[k] = v.variant();
                        }
                    }
                    break;
                }
            }
        }
    }

    /** "red and green LEDs": colours listed before an LED phrase are LEDs too. */
    private void linkColours() {
        for (int i = 0; i < n; i++) {
            String c = tokens.get(i).text();
            if (owner[i] >= 0 || claimed[i] || !COLOURS.contains(c)) {
                continue;
            }
            int k = i + 1;
            while (k < n && owner[k] < 0 && (COORDINATORS.contains(tokens.get(k).text())
                    || COLOURS.contains(tokens.get(k).text()) || count(k) > 0)) {
                k++;
            }
            if (k < n && ownerId[k] != null && ownerId[k].startsWith("led-")
                    && kb.part("led-" + c).isPresent()) {
                add("led-" + c, i, i + 1, "colour before an LED phrase");
            }
        }
    }

    /** Phrases ending in a part noun: searched with their describing words, else the noun's default part. */
    private void linkHeads() {
        for (int i = n - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (owner[i] >= 0 || valueToken[i] || claimed[i] || !t.isWord()) {
                continue;
            }
            String w = Spelling.singular(t.text());
            Lexicon.Head head = lexicon.heads.get(w);
            if (head == null || usedAsVerb(i)) {
                continue;
            }
            if (i >= 3 && tokens.get(i - 2).text().equals("of") && count(i - 1) > 0 && ownerId[i - 3] != null
                    && w.equals("led")) {
                continue;
            }
            List<Integer> mods = modifiers(i);
            if (mods.stream().anyMatch(m -> lexicon.circuitWords.contains(tokens.get(m).text()))) {
                continue;
            }
            boolean plain = mods.stream().allMatch(m -> lexicon.plainWords.contains(tokens.get(m).text()));
            String hit = null;
            int from = i;
            if (!mods.isEmpty() && !plain && search != null) {
                StringBuilder q = new StringBuilder();
                for (int m : mods) {
                    q.append(tokens.get(m).text()).append(' ');
                }
                hit = searchPart(q + w, head, mods);
                from = mods.get(0);
            }
            if (hit == null && !plain && search != null) {
                String phrase = ValueReader.phrase(tokens, mods.get(0), i + 1);
                notes.add("\"" + phrase + "\": no such part in the"
                        + " knowledge base; name a part number or describe it differently");
                // not replaced by the noun's default either ("a float switch" is no push button): reported, so the
                // design does not go on without it; unless the phrase names the project its parts then build ("a
                // clap switch using a sound sensor and a relay")
                if (!(i + 1 < n && PROJECT_FOLLOWERS.contains(tokens.get(i + 1).text()))) {
                    unresolved.add(new Unresolved(phrase, nearest(phrase, head)));
                }
                continue;
            }
            if (hit == null && lexicon.defaults.containsKey(w) && isCurated(lexicon.defaults.get(w))) {
                hit = lexicon.defaults.get(w);
                from = i;
            }
            if (hit == null && head.bare() && search != null) {
                hit = searchPart(w, head, List.of());
                from = i;
            }
            if (hit != null) {
                add(hit, from, i + 1, hit.equals(lexicon.defaults.get(w)) && from == i
                        ? "default for \"" + w + "\"" : "search");
            }
        }
    }

    /** "temperature" after "measure"/"log"/"show" with no part that measures it: search for a sensor. */
    private void linkMeasurands() {
        if (search == null) {
            return;
        }
        Lexicon.Head sensor = lexicon.heads.get("sensor");
        for (int i = 0; i < n; i++) {
            if (owner[i] >= 0) {
                continue;
            }
            List<String> measured = new ArrayList<>();
            int k = i;
            int end = i;
            while (k < n) {
                int len = measurandAt(k);
                if (len > 0) {
                    StringBuilder m = new StringBuilder();
                    for (int j = k; j < k + len; j++) {
                        m.append(j > k ? " " : "").append(tokens.get(j).text());
                    }
                    measured.add(m.toString());
                    k += len;
                    end = k;
                } else if (!measured.isEmpty() && k < n && COORDINATORS.contains(tokens.get(k).text())) {
                    k++;
                } else {
                    break;
                }
            }
            if (measured.isEmpty()) {
                continue;
            }
            if (!cued(i) || measured.stream().allMatch(this::alreadyMeasured)) {
                i = end - 1;
                continue;
            }
            // one sensor for all when one covers them ("temperature and humidity"), else one each
            List<String> open = new ArrayList<>();
            for (String m : measured) {
                if (!alreadyMeasured(m)) {
                    open.add(m);
                }
            }
            String all = searchPart(String.join(" ", open) + " sensor", sensor, List.of());
            if (all != null && open.stream().allMatch(m -> measures(all, m))) {
                add(all, i, end, "search for what is measured");
            } else {
                for (String m : open) {
                    String hit = searchPart(m + " sensor", sensor, List.of());
                    if (hit != null && measures(hit, m) && found.stream().noneMatch(f -> f.id.equals(hit))) {
                        int at = indexOf(m, i, end);
                        add(hit, at, at + m.split(" ").length, "search for what is measured");
                    }
                }
            }
            i = end - 1;
        }
    }

    private boolean measures(String id, String measurand) {
        return names.text(id).contains(measurand.split(" ")[0]);
    }

    private int indexOf(String phrase, int from, int to) {
        String first = phrase.split(" ")[0];
        for (int k = from; k < to; k++) {
            if (tokens.get(k).text().equals(first)) {
                return k;
            }
        }
        return from;
    }

    private int measurandAt(int k) {
        for (List<String> m : lexicon.measurands) {
            if (k + m.size() > n) {
                continue;
            }
            boolean ok = true;
            for (int j = 0; j < m.size() && ok; j++) {
                ok = owner[k + j] < 0 && !claimed[k + j] && tokens.get(k + j).text().equals(m.get(j));
            }
            if (ok) {
                return m.size();
            }
        }
        return 0;
    }

    private boolean cued(int i) {
        for (int k = i - 1; k >= Math.max(0, i - 8); k--) {
            String w = tokens.get(k).text();
            if (w.equals(".")) {
                return false;
            }
            if (MEASURE_CUES.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private boolean alreadyMeasured(String measurand) {
        for (Found f : found) {
            Category c = kb.part(f.id).map(Part::category).orElse(null);
            if (c == Category.SENSOR && names.text(f.id).contains(measurand)) {
                return true;
            }
        }
        return false;
    }

    private boolean usedAsVerb(int i) {
        if (i + 2 < n && PinWishes.pinAt(tokens, i + 2) > 0
                || i + 3 < n && PinWishes.pinAt(tokens, i + 3) > 0
                && Set.of("to", "on").contains(tokens.get(i + 2).text())) {
            return false;
        }
        if (i + 1 < n && VERB_FOLLOWERS.contains(tokens.get(i + 1).text())) {
            return i == 0 || count(i - 1) == 0 && !tokens.get(i - 1).text().equals("the");
        }
        // "a CAN transceiver": after an article the leader describes the noun, it is not a modal verb
        return i > 0 && VERB_LEADERS.contains(tokens.get(i - 1).text())
                && !(i > 1 && Set.of("a", "an", "the").contains(tokens.get(i - 2).text()));
    }

    /** Up to three describing words before a part noun ("soil moisture", "TFT"), nearest last. */
    private List<Integer> modifiers(int head) {
        List<Integer> mods = new ArrayList<>();
        int k = head - 1;
        while (k >= 0 && mods.size() < 3) {
            Token t = tokens.get(k);
            String w = t.text();
            if (owner[k] >= 0 || valueToken[k]) {
                break;
            }
            if (COORDINATORS.contains(w) && !mods.isEmpty() && k > 0 && isModifier(tokens.get(k - 1), k - 1)) {
                k--;
                continue;
            }
            if (!isModifier(t, k) && !isNounAdjunct(k, head)) {
                break;
            }
            mods.add(0, k);
            k--;
        }
        return mods;
    }

    /**
     * "a CAN transceiver": an everyday word between an article and the part noun can only describe the noun, so it
     * is a describing word even though it is usually a verb ("can", "display", "power").
     */
    private boolean isNounAdjunct(int k, int head) {
        return k == head - 1 && k > 0 && owner[k] < 0 && !claimed[k] && !valueToken[k] && tokens.get(k).isWord()
                && lexicon.stopWords.contains(tokens.get(k).text())
                && !tokens.get(k).text().matches(".*(ing|ed)")
                && !lexicon.plainWords.contains(tokens.get(k).text())
                && !lexicon.circuitWords.contains(tokens.get(k).text())
                && Set.of("a", "an", "the").contains(tokens.get(k - 1).text())
                && !Set.of("a", "an", "the", "one", "each", "every", "all", "any", "some", "both", "this", "that",
                "my", "your", "our", "its", "their", "new", "more", "most", "less", "few", "several", "multiple",
                "many", "other", "same").contains(tokens.get(k).text());
    }

    /** The curated parts nearest a phrase no part fits: the search in the noun's categories, else by name. */
    private List<String> nearest(String phrase, Lexicon.Head head) {
        List<String> ids = new ArrayList<>();
        if (search != null) {
            for (SearchHit h : search.search(phrase, new SearchFilters(head.categories(), Tier.CURATED, null, null), 3)) {
                ids.add(h.id());
            }
        }
        return ids.isEmpty() ? kb.suggest(phrase, 3) : ids;
    }

    private boolean isModifier(Token t, int k) {
        String w = t.text();
        if (owner[k] >= 0 || valueToken[k] || claimed[k] || t.isPunctuation() || t.isInteger()) {
            return false;
        }
        if (lexicon.stopWords.contains(w) || lexicon.numbers.containsKey(w)) {
            return false;
        }
        if (w.endsWith("ing") && w.length() > 5) {
            return false;
        }
        return Character.isLetter(w.charAt(0));
    }

    /**
     * The best curated part for a phrase, if one of the right category fits its describing words (one of them is
     * in the part's name, aliases, keywords or description). BM25 first: the fit is a word match anyway, and it
     * costs no query embedding; the hybrid search only when BM25 finds nothing that fits.
     */
    private String searchPart(String query, Lexicon.Head head, List<Integer> mods) {
        List<String> words = new ArrayList<>();
        for (int m : mods) {
            words.add(Spelling.singular(tokens.get(m).text()));
        }
        String key = query + "|" + head.word();
        return searchCache.computeIfAbsent(key, q -> {
            SearchFilters filters = new SearchFilters(head.categories(), Tier.CURATED, null, null);
            String hit = fitting(search.lexical(query, filters, 5), head, words);
            return Optional.ofNullable(hit != null ? hit : fitting(search.search(query, filters, 5), head, words));
        }).orElse(null);
    }

    private String fitting(List<SearchHit> hits, Lexicon.Head head, List<String> words) {
        for (int r = 0; r < Math.min(3, hits.size()); r++) {
            SearchHit h = hits.get(r);
            if (h.tier() != Tier.CURATED || !head.categories().contains(h.category())) {
                continue;
            }
            if (words.isEmpty()) {
                return h.id();
            }
            String text = names.text(h.id());
            for (String w : words) {
                if (Pattern.compile("\\b" + Pattern.quote(w)).matcher(text).find()) {
                    return h.id();
                }
            }
        }
        return null;
    }

    private void add(String id, int from, int to, String how) {
        int q = quantityBefore(from);
        int after = quantityAfter(to);
        if (after > 0) {
            q = after;
            to = Math.min(n, to + (tokens.get(to).text().equals("x") ? 2 : 1));
        }
        int index = found.size();
        found.add(new Found(id, from, to, Math.max(1, q), how));
        for (int k = from; k < to; k++) {
            if (owner[k] < 0) {
                owner[k] = index;
                ownerId[k] = id;
            }
        }
    }

    /** "an LED circuit ... a blue LED": a bare noun's default part goes when a specific part of its kind is named. */
    private void dropRedundantDefaults() {
        List<Found> keep = new ArrayList<>();
        for (Found f : found) {
            String noun = Spelling.singular(tokens.get(f.from).text());
            boolean redundant = f.how.startsWith("default") && f.quantity == 1 && found.stream().anyMatch(o ->
                    o != f && !o.how.startsWith("default") && !o.id.equals(f.id)
                            && category(o.id) == category(f.id) && mentions(o, noun));
            if (!redundant) {
                keep.add(f);
            }
        }
        found.clear();
        found.addAll(keep);
    }

    /**
     * "4-digit 7-segment display TM1637": two names of one thing side by side (same category, nothing between
     * them but describing words) are one part, the more compact name (the part number) wins.
     */
    private void mergeAdjacent() {
        for (int i = found.size() - 1; i > 0; i--) {
            Found a = found.get(i - 1);
            Found b = found.get(i);
            if (category(a.id) != category(b.id) || a.id.equals(b.id) || b.from - a.to > 1) {
                continue;
            }
            if (b.from - a.to == 1 && !tokens.get(a.to).isWord()
                    || b.from - a.to == 1 && lexicon.stopWords.contains(tokens.get(a.to).text())) {
                continue;
            }
            Found keep = (b.to - b.from) < (a.to - a.from) ? b : a;
            Found drop = keep == a ? b : a;
            keep.quantity = Math.max(keep.quantity, drop.quantity);
            found.remove(drop);
        }
    }

    private boolean mentions(Found f, String noun) {
        for (int k = f.from; k < f.to; k++) {
            if (Spelling.singular(tokens.get(k).text()).equals(noun)) {
                return true;
            }
        }
        return false;
    }

    private Category category(String id) {
        return kb.part(id).map(Part::category).orElse(Category.OTHER);
    }

    /** "two", "4", "a pair of", "2x" before a part phrase, skipping up to two describing words. */
    private int quantityBefore(int from) {
        int k = from - 1;
        int skipped = 0;
        while (k >= 0 && skipped <= 2) {
            Token t = tokens.get(k);
            int c = count(k);
            if (c > 0 && !valueToken[k] && owner[k] < 0 && !claimed[k]) {
                return k + 1 < n && MEASURE_WORDS.contains(tokens.get(k + 1).text()) ? 0 : c;
            }
            if (t.text().equals("of") && k >= 1 && Set.of("pair", "couple").contains(tokens.get(k - 1).text())) {
                return 2;
            }
            if (t.text().equals("of") && k >= 1 && tokens.get(k - 1).text().equals("dozen")) {
                return 12;
            }
            if (owner[k] >= 0 || valueToken[k] || claimed[k] || !t.isWord() || lexicon.stopWords.contains(t.text())
                    || lexicon.units.containsKey(t.text())) {
                return 0;
            }
            skipped++;
            k--;
        }
        return 0;
    }

    private int quantityAfter(int to) {
        if (to >= n) {
            return 0;
        }
        String t = tokens.get(to).text();
        Matcher m = Pattern.compile("x(\\d{1,2})").matcher(t);
        if (m.matches()) {
            return Integer.parseInt(m.group(1));
        }
        if (t.equals("x") && to + 1 < n && tokens.get(to + 1).isInteger() && tokens.get(to + 1).text().length() < 3) {
            return Integer.parseInt(tokens.get(to + 1).text());
        }
        return 0;
    }

    /** The count a token says ("three", "4", "2x"), or 0. */
    int count(int k) {
        String t = tokens.get(k).text();
        if (k > 0 && Set.of("pin", "pins", "gpio", "port", "d", "a", "io", "channel").contains(tokens.get(k - 1).text())
                && Character.isDigit(t.charAt(0))) {
            return 0;
        }
        Integer word = lexicon.numbers.get(t);
        if (word != null) {
            return word;
        }
        if (t.matches("\\d{1,2}")) {
            int v = Integer.parseInt(t);
            return v >= 1 && v <= 64 && !(k + 1 < n && lexicon.units.containsKey(tokens.get(k + 1).text()))
                    ? v : 0;
        }
        Matcher m = Pattern.compile("(\\d{1,2})x").matcher(t);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The words a part came from, with its count ("two DHT22 sensors"). */
    String phrase(Found f) {
        return ValueReader.phrase(tokens, Math.max(0, f.from - (f.quantity > 1 ? quantityWordsBefore(f) : 0)),
                f.to);
    }

    private int quantityWordsBefore(Found f) {
        for (int k = f.from - 1, d = 1; k >= 0 && d <= 3; k--, d++) {
            if (count(k) > 0 || tokens.get(k).text().equals("pair") || tokens.get(k).text().equals("couple")) {
                return d;
            }
        }
        return 0;
    }
}
