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
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            String s = names.get(i);
            int h = ignoreCase ? StringIntMap.caseInsensitiveHash(s) : s.hashCode();
            keyed[i] = (long) h << 32 | i;
        }
        Arrays.sort(keyed);
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
