package dev.kirchhoff.agents.offline.identify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the numbers with units in a token list ("3.3 V", "1kHz", "4k7", "100 nF", "50 %", "gain of 20 dB"), in SI
 * units. What a number means (a supply or an output voltage, a cut-off or a frequency) is decided later, from the
 * words around it. Stateless.
 */
final class ValueReader {

    /** A number read from tokens {@code from} (inclusive) to {@code to} (exclusive); kind: a units.txt kind, GAIN. */
    record Reading(String kind, double value, int from, int to, String phrase) {
    }

    private static final Pattern NUMBER_SUFFIX = Pattern.compile("(\\d+(?:\\.\\d+)?)([a-z%]*)");
    private static final Pattern INFIX = Pattern.compile("(\\d+)([vkr])(\\d+)");
    private static final Set<String> GAIN_WORDS = Set.of("gain", "amplification");
    private static final Set<String> GAIN_FILLERS = Set.of("of", "=", "to", "is", "at", "about", "around", "x", "a",
            "set", "be", "approximately", "roughly", "exactly", "times");
    /** Single letters that are units only when written against the number ("5V", "2A"), never as a word. */
    private static final Set<String> ATTACHED_ONLY = Set.of("r", "k", "u", "n", "p", "h", "f", "a", "meg");

    private final Lexicon lexicon;

    ValueReader(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    List<Reading> read(List<Token> tokens) {
        List<Reading> out = new ArrayList<>();
        boolean[] used = new boolean[tokens.size()];
        readGains(tokens, used, out);
        for (int i = 0; i < tokens.size(); i++) {
            if (used[i]) {
                continue;
            }
            String t = tokens.get(i).text();
            Matcher infix = INFIX.matcher(t);
            if (infix.matches()) {
                String kind = infix.group(2).equals("v") ? "VOLT" : "OHM";
                double mult = infix.group(2).equals("k") ? 1e3 : 1;
                double v = Double.parseDouble(infix.group(1) + "." + infix.group(3)) * mult;
                out.add(new Reading(kind, v, i, i + 1, t));
                used[i] = true;
                continue;
            }
            Matcher m = NUMBER_SUFFIX.matcher(t);
            if (!m.matches()) {
                continue;
            }
            double number = Double.parseDouble(m.group(1));
            String suffix = m.group(2);
            int end = i + 1;
            Lexicon.Unit unit;
            if (suffix.isEmpty()) {
                if (i + 1 >= tokens.size()) {
                    continue;
                }
                String next = tokens.get(i + 1).text();
                unit = lexicon.units.get(next);
                if (unit == null || !separateUnitOk(next, tokens, i + 1)) {
                    continue;
                }
                end = i + 2;
            } else {
                unit = lexicon.units.get(suffix);
                if (unit == null) {
                    continue;
                }
            }
            if (unit.kind().equals("OHM") && end < tokens.size()
                    && (tokens.get(end).text().equals("ohm") || tokens.get(end).text().equals("ohms"))
                    && !suffix.equals("ohm") && !suffix.equals("ohms")) {
                end++;
            }
            double value = number * unit.multiplier();
            if (unit.kind().equals("DB")) {
                out.add(new Reading("DB", number, i, end, phrase(tokens, i, end)));
            } else {
                out.add(new Reading(unit.kind(), value, i, end, phrase(tokens, i, end)));
            }
            for (int k = i; k < end; k++) {
                used[k] = true;
            }
            i = end - 1;
        }
        out.sort((a, b) -> Integer.compare(a.from(), b.from()));
        return out;
    }

    /** "gain 11", "gain of 20 dB", "10x gain", "20 dB gain", "amplify by 5". */
    private void readGains(List<Token> tokens, boolean[] used, List<Reading> out) {
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i).text();
            int by = -1;
            if (t.startsWith("amplif") || t.equals("multiply") || t.equals("multiplies")) {
                // "multiplies my sensor's 0-0.5 V signal by 6": the object may carry its own numbers
                for (int k = i + 1; k < Math.min(tokens.size(), i + 10); k++) {
                    if (tokens.get(k).text().equals("by")) {
                        by = k;
                        break;
                    }
                    if (tokens.get(k).isPunctuation()) {
                        break;
                    }
                }
            }
            boolean amplifyBy = by > 0;
            if (GAIN_WORDS.contains(t) || amplifyBy) {
                int j = amplifyBy ? by + 1 : i + 1;
                while (j < tokens.size() && j <= i + 4 && GAIN_FILLERS.contains(tokens.get(j).text())) {
                    j++;
                }
                if (j < tokens.size() && gain(tokens, j, i, used, out)) {
                    continue;
                }
                // "20 dB gain", "10x gain", "a gain ... " written before the word
                for (int b = i - 1; b >= Math.max(0, i - 3); b--) {
                    if (gain(tokens, b, b, used, out)) {
                        break;
                    }
                }
            }
        }
    }

    private boolean gain(List<Token> tokens, int at, int phraseFrom, boolean[] used, List<Reading> out) {
        String t = tokens.get(at).text();
        if (t.startsWith("x") && t.length() > 1) {
            t = t.substring(1);
        }
        Matcher m = NUMBER_SUFFIX.matcher(t);
        if (!m.matches() || used[at]) {
            return false;
        }
        String suffix = m.group(2);
        int end = at + 1;
        if (suffix.isEmpty() && end < tokens.size()) {
            String next = tokens.get(end).text();
            if (next.equals("db") || next.equals("x") || next.equals("times")) {
                suffix = next;
                end++;
            }
        }
        double n = Double.parseDouble(m.group(1));
        boolean db = suffix.equals("db");
        if (!suffix.isEmpty() && !db && !suffix.equals("x") && !suffix.equals("times")) {
            return false;
        }
        double gain = db ? Math.pow(10, n / 20) : n;
        int from = Math.min(phraseFrom, at);
        int to = Math.max(end, phraseFrom + 1);
        out.add(new Reading("GAIN", gain, from, to, phrase(tokens, from, to)));
        for (int k = at; k < end; k++) {
            used[k] = true;
        }
        return true;
    }

    private static boolean separateUnitOk(String unit, List<Token> tokens, int at) {
        if (!ATTACHED_ONLY.contains(unit)) {
            return true;
        }
        if (!unit.equals("a") && !unit.equals("k")) {
            return false;
        }
        // "2 A" is amperes only when no noun follows ("2 A motor" would be an article)
        if (at + 1 >= tokens.size()) {
            return true;
        }
        Token next = tokens.get(at + 1);
        return !next.isWord() || Set.of("current", "load", "max", "maximum", "peak", "output", "supply", "resistor",
                "resistors", "ohm", "ohms", "pot", "potentiometer", "pull", "power", "psu", "adapter", "charger",
                "fuse", "max.").contains(next.text());
    }

    static String phrase(List<Token> tokens, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            Token t = tokens.get(k);
            if (sb.length() > 0 && !t.glued() && !t.isPunctuation()) {
                sb.append(' ');
            } else if (t.glued()) {
                sb.append('-');
            }
            sb.append(t.typed());
        }
        return sb.toString();
    }
}
