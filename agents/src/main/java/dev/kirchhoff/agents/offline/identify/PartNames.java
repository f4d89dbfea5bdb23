package dev.kirchhoff.agents.offline.identify;

import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.Tier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every name a curated part goes by (id, aliases, part numbers, name, the lexicon's extra phrases), keyed by its
 * letters and digits in lower case, so "ESP32-C3", "esp32 c3" and "Esp32C3" are one key. Where two parts share a name
 * the more specific kind of name wins (a lexicon phrase, then an id, an alias, a part number, a name). Immutable.
 */
final class PartNames {

    private final Map<String, String> byKey;
    private final Map<String, Integer> rank;
    private final Set<String> nameWords;
    private final Set<String> knownWords;
    private final Map<String, String> partText;
    private final int longest;
    private final Set<String> letterPrefixes;

    PartNames(KnowledgeBase kb, Lexicon lexicon) {
        Map<String, String> keys = new HashMap<>();
        Map<String, Integer> ranks = new HashMap<>();
        Set<String> names = new HashSet<>();
        Set<String> known = new HashSet<>(lexicon.commonWords);
        Map<String, String> text = new HashMap<>();
        int max = 1;
        for (Map.Entry<String, String> e : lexicon.aliases.entrySet()) {
            put(keys, ranks, e.getKey(), e.getValue(), 0);
            max = Math.max(max, words(e.getKey(), names));
        }
        List<Part> parts = new ArrayList<>(kb.parts());
        parts.sort((a, b) -> a.id().compareTo(b.id()));
        for (Part p : parts) {
            if (p.tier() != Tier.CURATED) {
                continue;
            }
            put(keys, ranks, p.id(), p.id(), 1);
            for (String a : p.aliases()) {
                put(keys, ranks, a, p.id(), 2);
                max = Math.max(max, words(a, names));
            }
            for (String n : p.partNumbers()) {
                put(keys, ranks, n, p.id(), 3);
            }
            String name = p.name() == null ? "" : p.name().split("[(,]")[0];
            put(keys, ranks, name, p.id(), 4);
            max = Math.max(max, words(name, new HashSet<>()));
            StringBuilder sb = new StringBuilder();
            sb.append(p.id()).append(' ').append(p.name()).append(' ').append(String.join(" ", p.aliases()))
                    .append(' ').append(String.join(" ", p.keywords())).append(' ')
                    .append(p.description() == null ? "" : p.description());
            String all = sb.toString().toLowerCase(Locale.ROOT);
            text.put(p.id(), all);
            for (String w : all.split("[^a-z]+")) {
                if (w.length() > 1) {
                    known.add(w);
                }
            }
        }
        for (String w : lexicon.defaults.keySet()) {
            names.add(w);
        }
        names.addAll(lexicon.heads.keySet());
        for (List<String> m : lexicon.measurands) {
            names.addAll(m);
        }
        known.addAll(names);
        this.byKey = Map.copyOf(keys);
        this.rank = Map.copyOf(ranks);
        this.nameWords = Set.copyOf(names);
        this.knownWords = Set.copyOf(known);
        this.partText = Map.copyOf(text);
        this.longest = Math.min(max, 7);
        Set<String> prefixes = new HashSet<>();
        for (String key : keys.keySet()) {
            int k = 0;
            while (k < key.length() && Character.isLetter(key.charAt(k))) {
                k++;
            }
            if (k >= 2 && k < key.length()) {
                prefixes.add(key.substring(0, k));
            }
        }
        this.letterPrefixes = Set.copyOf(prefixes);
    }

    private static void put(Map<String, String> keys, Map<String, Integer> ranks, String name, String id, int r) {
        String key = KnowledgeBase.normalize(name);
        if (key.length() < 2) {
            return;
        }
        Integer old = ranks.get(key);
        if (old == null || r < old) {
            keys.put(key, id);
            ranks.put(key, r);
        }
    }

    private static int words(String phrase, Set<String> names) {
        String[] w = phrase.toLowerCase(Locale.ROOT).split("[^a-z0-9.]+");
        int n = 0;
        for (String s : w) {
            if (!s.isEmpty()) {
                n++;
                if (s.chars().allMatch(Character::isLetter) && s.length() > 2) {
                    names.add(s);
                }
            }
        }
        // "esp32-c3" is one token pair but "0.96" is one token: count generously
        return n + 1;
    }

    /** The part id for a key of letters and digits, or null. */
    String lookup(String key) {
        return byKey.get(key);
    }

    /** True when some part number starts with these letters and then a digit ("bme" of BME280, "lm" of LM358). */
    boolean isPartNumberPrefix(String letters) {
        return letterPrefixes.contains(letters);
    }

    /** Longest phrase, in tokens, worth trying. */
    int longest() {
        return longest;
    }

    /** Letters-only words of part names and of the lexicon: the words a misspelling may be corrected to. */
    Set<String> nameWords() {
        return nameWords;
    }

    /** Every word the identifier knows, including the knowledge base's descriptions and everyday words. */
    Set<String> knownWords() {
        return knownWords;
    }

    /** Name, aliases, keywords and description of a part in lower case, for checking that a search hit fits. */
    String text(String id) {
        return partText.getOrDefault(id, "");
    }

}
