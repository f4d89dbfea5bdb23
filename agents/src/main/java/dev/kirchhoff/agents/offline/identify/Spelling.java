package dev.kirchhoff.agents.offline.identify;

import dev.kirchhoff.knowledge.KnowledgeBase;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Corrects misspelt words ("arduion", "temprature") to the nearest word of a part alias or of the lexicon with the
 * same first letter, within one edit for words of up to eight letters and two for longer ones. Words the identifier
 * knows (everyday words, the knowledge base's descriptions) and anything with a digit (part numbers) are never
 * touched. Immutable.
 */
final class Spelling {

    private final Set<String> targets;
    private final Set<String> known;

    Spelling(Set<String> targets, Set<String> known) {
        this.targets = targets;
        this.known = known;
    }

    /** The tokens with misspellings corrected; one note per correction. */
    List<Token> correct(List<Token> tokens, List<String> notes) {
        List<Token> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            String w = t.text();
            if (!t.isWord() || w.length() < 5 || known.contains(w) || known.contains(singular(w))) {
                out.add(t);
                continue;
            }
            String best = nearest(w);
            if (best == null) {
                out.add(t);
            } else {
                out.add(t.corrected(best));
                notes.add("read \"" + w + "\" as \"" + best + "\"");
            }
        }
        return out;
    }

    private String nearest(String w) {
        int limit = w.length() <= 8 ? 1 : 2;
        String best = null;
        int bestD = limit + 1;
        boolean tie = false;
        for (String c : targets) {
            if (Math.abs(c.length() - w.length()) > limit || c.length() < 4 || c.charAt(0) != w.charAt(0)) {
                continue;
            }
            int d = KnowledgeBase.distance(w, c, limit);
            if (d < bestD) {
                best = c;
                bestD = d;
                tie = false;
            } else if (d == bestD && d <= limit && !c.equals(best)) {
                tie = true;
            }
        }
        return bestD <= limit && !tie ? best : null;
    }

    static String singular(String w) {
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 3) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
