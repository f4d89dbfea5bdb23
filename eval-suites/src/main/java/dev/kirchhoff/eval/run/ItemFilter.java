package dev.kirchhoff.eval.run;

import dev.kirchhoff.eval.EvalItem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which items a run takes, from {@code --filter key=value[,value2]} options: an item passes when, for every key, its
 * label is one of that key's values (AND across keys, OR within a key; values compare case-insensitively). Keys are
 * label keys ({@code split}, {@code ability}, {@code difficulty}, {@code level}, {@code domain}, {@code type} or any
 * other label the suite carries). Repeating a key adds values to it. Immutable.
 *
 * @param conditions lower-case key to the accepted lower-case values, in the order given
 */
public record ItemFilter(Map<String, Set<String>> conditions) {

    /** Takes every item. */
    public static final ItemFilter NONE = new ItemFilter(Map.of());

    public ItemFilter {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        conditions.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        conditions = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Reads the texts of repeated {@code --filter} options.
     *
     * @throws IllegalArgumentException for a text that is not {@code key=value[,value]}, saying which
     */
    public static ItemFilter parse(Collection<String> texts) {
        Map<String, Set<String>> conditions = new LinkedHashMap<>();
        for (String text : texts) {
            String s = text == null ? "" : text.strip();
            int eq = s.indexOf('=');
            String key = eq < 0 ? "" : s.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            List<String> values = new ArrayList<>();
            if (eq >= 0) {
                for (String v : s.substring(eq + 1).split(",")) {
                    if (!v.isBlank()) {
                        values.add(v.strip().toLowerCase(Locale.ROOT));
                    }
                }
            }
            if (key.isEmpty() || values.isEmpty()) {
                throw new IllegalArgumentException("The filter '" + text + "' is not of the form key=value[,value2]; "
                        + "write e.g. --filter split=general or --filter difficulty=easy,medium.");
            }
            conditions.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(values);
        }
        return new ItemFilter(conditions);
    }

    public boolean isEmpty() {
        return conditions.isEmpty();
    }

    /** Whether the item passes every condition. */
    public boolean test(EvalItem item) {
        for (Map.Entry<String, Set<String>> c : conditions.entrySet()) {
            if (!c.getValue().contains(item.label(c.getKey()).toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks that every key is carried by at least one item, so a typo ({@code --filter dificulty=easy}) is an error
     * rather than an empty run.
     *
     * @throws IllegalArgumentException naming the unknown key and listing the keys the items have
     */
    public void requireKnownKeys(Collection<EvalItem> items) {
        if (conditions.isEmpty()) {
            return;
        }
        Set<String> present = new TreeSet<>();
        present.add("type");
        for (EvalItem item : items) {
            for (Map.Entry<String, String> label : item.labels().entrySet()) {
                if (!label.getValue().isEmpty()) {
                    present.add(label.getKey().toLowerCase(Locale.ROOT));
                }
            }
        }
        for (String key : conditions.keySet()) {
            if (!present.contains(key)) {
                throw new IllegalArgumentException("No item carries the label '" + key + "' used in --filter "
                        + key + "=...; the items have the labels " + String.join(", ", present) + ".");
            }
        }
    }

    /** The filter as {@code key=v1,v2} texts, the form {@link #parse} reads. */
    public List<String> texts() {
        List<String> out = new ArrayList<>();
        conditions.forEach((k, v) -> out.add(k + "=" + String.join(",", new TreeSet<>(v))));
        return out;
    }

    @Override
    public String toString() {
        return String.join(" ", texts());
    }
}
