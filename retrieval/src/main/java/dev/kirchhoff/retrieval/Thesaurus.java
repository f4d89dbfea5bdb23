package dev.kirchhoff.retrieval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Beginner vocabulary mapped to the words part descriptions use ("text message" also means "sms gsm"), from
 * {@code thesaurus.txt}. Used to widen the BM25 query; the exact-name matching never sees it.
 */
final class Thesaurus {

    private record Entry(List<String> phrase, List<String> expansion) {
    }

    private final List<Entry> entries;

    private Thesaurus(List<Entry> entries) {
        this.entries = entries;
    }

    static Thesaurus bundled() {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = Thesaurus.class.getResourceAsStream("thesaurus.txt")) {
            if (in == null) {
                throw new IllegalStateException("thesaurus.txt is missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int line = 0;
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                line++;
                s = s.strip();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                int eq = s.indexOf('=');
                if (eq < 0) {
                    throw new IllegalStateException("thesaurus.txt line " + line + ": expected 'phrase = words'");
                }
                entries.add(new Entry(PartSearch.words(s.substring(0, eq)), PartSearch.words(s.substring(eq + 1))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Thesaurus(List.copyOf(entries));
    }

    /** The words the query's phrases also mean, without the query's own words. */
    List<String> expand(List<String> words) {
        Set<String> out = new LinkedHashSet<>();
        for (Entry e : entries) {
            if (contains(words, e.phrase())) {
                out.addAll(e.expansion());
            }
        }
        out.removeAll(words);
        return List.copyOf(out);
    }

    private static boolean contains(List<String> words, List<String> phrase) {
        if (phrase.isEmpty()) {
            return false;
        }
        outer:
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            for (int j = 0; j < phrase.size(); j++) {
                if (!words.get(i + j).equals(phrase.get(j))) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
