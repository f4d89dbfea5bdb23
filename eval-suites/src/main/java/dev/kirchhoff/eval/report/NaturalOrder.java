package dev.kirchhoff.eval.report;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * Orders label values the way a reader expects: digit runs by magnitude ({@code level 2} before {@code level 10}),
 * difficulty words by rank ({@code easy, medium, hard}), the rest case-insensitively, and {@link Summary#NONE} last. Stateless and thread-safe.
 */
final class NaturalOrder implements Comparator<String> {

    static final NaturalOrder INSTANCE = new NaturalOrder();

    /** Difficulty words the suites use, in increasing order: easy before medium before hard. */
    private static final java.util.List<String> RANKS = java.util.List.of("easy", "medium", "hard", "expert");

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        boolean noneA = Summary.NONE.equals(a);
        boolean noneB = Summary.NONE.equals(b);
        if (noneA || noneB) {
            return Boolean.compare(noneA, noneB);
        }
        int rankA = RANKS.indexOf(a.toLowerCase(java.util.Locale.ROOT));
        int rankB = RANKS.indexOf(b.toLowerCase(java.util.Locale.ROOT));
        if (rankA >= 0 && rankB >= 0) {
            return Integer.compare(rankA, rankB);
        }
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int c = new BigInteger(a.substring(i, endA)).compareTo(new BigInteger(b.substring(j, endB)));
                if (c != 0) {
                    return c;
                }
                i = endA;
                j = endB;
            } else {
                int c = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                if (c != 0) {
                    return c;
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        // equal up to case and leading zeros: fall back to plain order so the sort is total and stable across runs
        return c != 0 ? c : a.compareTo(b);
    }

    private static int digitsEnd(String s, int from) {
        int k = from;
        while (k < s.length() && Character.isDigit(s.charAt(k))) {
            k++;
        }
        return k;
    }
}
