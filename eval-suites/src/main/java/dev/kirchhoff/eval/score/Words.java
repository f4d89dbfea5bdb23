package dev.kirchhoff.eval.score;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Normalised words of a text answer: lower case, punctuation and the articles a, an, the removed. Stateless. */
final class Words {

    private static final Set<String> ARTICLES = Set.of("a", "an", "the");

    private Words() {
    }

    /**
     * The words of {@code text} in order. Hyphens and slashes split words; a decimal point inside a number stays.
     * Articles are dropped unless they are all there is: a lone "A" is the answer (class A, option A), not an article.
     */
    static List<String> of(String text) {
        List<String> words = words(text, true);
        return words.isEmpty() ? words(text, false) : words;
    }

    private static List<String> words(String text, boolean dropArticles) {
        String t = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        t = t.replaceAll("(?<=\\d)\\.(?=\\d)", "\u0000").replaceAll("[^\\p{L}\\p{N}\u0000]+", " ")
                .replace('\u0000', '.');
        List<String> out = new ArrayList<>();
        for (String w : t.strip().split("\\s+")) {
            if (!w.isEmpty() && !(dropArticles && ARTICLES.contains(w))) {
                out.add(w);
            }
        }
        return out;
    }

    /** The normalised text, words joined by single spaces. */
    static String normalise(String text) {
        return String.join(" ", of(text));
    }
}
