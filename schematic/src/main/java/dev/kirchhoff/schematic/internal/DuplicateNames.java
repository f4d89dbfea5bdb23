package dev.kirchhoff.schematic.internal;

import java.util.Arrays;
import java.util.List;

/**
 * Finds names that repeat an earlier name in a list, by sorting hashes instead of filling a hash table: for a
 * million reference designators that is one primitive sort and a linear scan, with string comparisons only where
 * hashes collide. Stateless.
 */
public final class DuplicateNames {

    private DuplicateNames() {
    }

    /**
     * The indexes, in increasing order, of names equal to a name earlier in {@code names} (ignoring case when
     * asked). The first occurrence of each name is never listed.
     */
    public static int[] laterDuplicates(List<String> names, boolean ignoreCase) {
        int n = names.size();
        int[] hashes = new int[n];
        for (int i = 0; i < n; i++) {
            String s = names.get(i);
            hashes[i] = ignoreCase ? StringIntMap.caseInsensitiveHash(s) : s.hashCode();
        }
        return laterDuplicates(names, ignoreCase, hashes);
    }

    /**
     * As {@link #laterDuplicates(List, boolean)} with the names' hashes already known ({@code hashes[i]} for
     * {@code names.get(i)}, {@link StringIntMap#caseInsensitiveHash} when ignoring case), so the names themselves
     * are only touched where hashes collide.
     */
    public static int[] laterDuplicates(List<String> names, boolean ignoreCase, int[] hashes) {
        int n = names.size();
        // Two bit sets filter out the names whose hash bits nobody else shares, which for a netlist without
        // duplicates is nearly all of them; only the rest are sorted and compared.
        int bits = Integer.highestOneBit(Math.max(64, n * 16 - 1)) << 1;
        long[] seen = new long[bits >>> 6];
        long[] again = new long[bits >>> 6];
        int mask = bits - 1;
        for (int i = 0; i < n; i++) {
            int b = hashes[i] & mask;
            long bit = 1L << b;
            if ((seen[b >>> 6] & bit) != 0) {
                again[b >>> 6] |= bit;
            } else {
                seen[b >>> 6] |= bit;
            }
        }
        int candidates = 0;
        for (int i = 0; i < n; i++) {
            int b = hashes[i] & mask;
            if ((again[b >>> 6] & 1L << b) != 0) {
                candidates++;
            }
        }
        long[] keyed = new long[candidates];
        int c = 0;
        for (int i = 0; i < n; i++) {
            int b = hashes[i] & mask;
            if ((again[b >>> 6] & 1L << b) != 0) {
                keyed[c++] = (long) hashes[i] << 32 | i;
            }
        }
        n = candidates;
        Arrays.parallelSort(keyed);
        int[] found = new int[16];
        int count = 0;
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && (keyed[end] >>> 32) == (keyed[start] >>> 32)) {
                end++;
            }
            if (end - start > 1) {
                // within one hash, each index is a duplicate if an earlier index (sorted ascending) has an equal name
                for (int a = start + 1; a < end; a++) {
                    String name = names.get((int) keyed[a]);
                    for (int b = start; b < a; b++) {
                        String other = names.get((int) keyed[b]);
                        if (ignoreCase ? other.equalsIgnoreCase(name) : other.equals(name)) {
                            if (count == found.length) {
                                found = Arrays.copyOf(found, count * 2);
                            }
                            found[count++] = (int) keyed[a];
                            break;
                        }
                    }
                }
            }
            start = end;
        }
        int[] result = Arrays.copyOf(found, count);
        Arrays.sort(result);
        return result;
    }
}
