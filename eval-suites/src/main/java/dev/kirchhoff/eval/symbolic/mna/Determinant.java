package dev.kirchhoff.eval.symbolic.mna;

import dev.kirchhoff.eval.symbolic.Polynomial;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * The determinant of a square polynomial matrix by Laplace expansion along rows, memoised on the set of columns
 * already used. It needs no division, so no fractions and no exact polynomial division arise; MNA matrices are
 * sparse and, for ladder-like circuits, banded, so the number of distinct minors stays small (linear in the size for
 * a band). Dense matrices cost up to 2^n minors, which symbolic results of that size would not survive anyway.
 */
final class Determinant {

    private final Polynomial[][] m;
    private final int[][] nonZeroColumns;
    private final Map<BitSet, Polynomial> memo = new HashMap<>();

    private Determinant(Polynomial[][] m) {
        this.m = m;
        nonZeroColumns = new int[m.length][];
        for (int r = 0; r < m.length; r++) {
            List<Integer> cs = new ArrayList<>();
            for (int c = 0; c < m.length; c++) {
                if (!m[r][c].isZero()) {
                    cs.add(c);
                }
            }
            nonZeroColumns[r] = cs.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    static Polynomial of(Polynomial[][] m) {
        return m.length == 0 ? Polynomial.ONE : new Determinant(m).minor(0, new BitSet(m.length));
    }

    /** The determinant of rows {@code row..n-1} and the columns not in {@code used}. */
    private Polynomial minor(int row, BitSet used) {
        if (row == m.length) {
            return Polynomial.ONE;
        }
        Polynomial known = memo.get(used);
        if (known != null) {
            return known;
        }
        if (Thread.currentThread().isInterrupted()) {
            // a caller with a deadline (the agent, a benchmark's time cap) can stop a symbolic blow-up
            throw new CancellationException("symbolic determinant interrupted");
        }
        Polynomial sum = Polynomial.ZERO;
        for (int c : nonZeroColumns[row]) {
            if (used.get(c)) {
                continue;
            }
            // sign of the entry within the remaining submatrix: its position among the unused columns
            int position = c - used.get(0, c).cardinality();
            BitSet next = (BitSet) used.clone();
            next.set(c);
            Polynomial sub = minor(row + 1, next);
            if (sub.isZero()) {
                continue;
            }
            Polynomial t = m[row][c].times(sub);
            sum = (position & 1) == 0 ? sum.plus(t) : sum.minus(t);
        }
        memo.put(used, sum);
        return sum;
    }
}
