package dev.kirchhoff.eval.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Orders label values the way a reader expects: digit runs by magnitude ({@code level 2} before {@code level 10},
 * schematic's {@link dev.kirchhoff.schematic.model.NaturalOrder}), difficulty words by rank ({@code easy, medium,
 * hard}), the rest case-insensitively, and {@link Summary#NONE} last. Stateless and thread-safe.
 */
final class NaturalOrder implements Comparator<String> {

    static final NaturalOrder INSTANCE = new NaturalOrder();

    /** Difficulty words the suites use, in increasing order: easy before medium before hard. */
    private static final List<String> RANKS = List.of("easy", "medium", "hard", "expert");

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        boolean noneA = Summary.NONE.equals(a);
        boolean noneB = Summary.NONE.equals(b);
        if (noneA || noneB) {
            return Boolean.compare(noneA, noneB);
        }
        int rankA = RANKS.indexOf(a.toLowerCase(Locale.ROOT));
        int rankB = RANKS.indexOf(b.toLowerCase(Locale.ROOT));
        if (rankA >= 0 && rankB >= 0) {
            return Integer.compare(rankA, rankB);
        }
        int c = dev.kirchhoff.schematic.model.NaturalOrder.INSTANCE.compare(a.toLowerCase(Locale.ROOT),
                b.toLowerCase(Locale.ROOT));
        // equal up to case and leading zeros: fall back to plain order so the sort is total and stable across runs
        return c != 0 ? c : a.compareTo(b);
    }
}
