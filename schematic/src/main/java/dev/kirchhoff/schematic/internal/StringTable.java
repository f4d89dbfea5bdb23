package dev.kirchhoff.schematic.internal;

/**
 * A cache from strings to values that can be looked up by a region of a larger string without creating a
 * substring: readers of big netlists find the value {@code 4.7k} or the model {@code nch} they saw before
 * straight from the line. Case-sensitive; open addressing; stops growing at its capacity limit. Not thread-safe.
 *
 * @param <V> the cached values
 */
public final class StringTable<V> {

    private String[] keys;
    private Object[] values;
    private int[] hashes;
    private int size;
    private final int limit;

    /** An empty table holding at most {@code limit} entries. */
    public StringTable(int limit) {
        this.limit = limit;
        this.keys = new String[64];
        this.values = new Object[64];
        this.hashes = new int[64];
    }

    /** The value for {@code text[from, to)}, or {@code null}. */
    @SuppressWarnings("unchecked")
    public V get(String text, int from, int to) {
        int h = hash(text, from, to);
        int mask = keys.length - 1;
        int i = h & mask;
        int len = to - from;
        while (true) {
            String k = keys[i];
            if (k == null) {
                return null;
            }
            if (hashes[i] == h && k.length() == len && k.regionMatches(0, text, from, len)) {
                return (V) values[i];
            }
            i = (i + 1) & mask;
        }
    }

    /** The value for {@code key}, or {@code null}. */
    public V get(String key) {
        return get(key, 0, key.length());
    }

    /** Caches {@code value} for {@code key} unless the table is full. */
    public void put(String key, V value) {
        if (size >= limit) {
            return;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int h = hash(key, 0, key.length());
        int mask = keys.length - 1;
        int i = h & mask;
        while (keys[i] != null) {
            if (hashes[i] == h && keys[i].equals(key)) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        hashes[i] = h;
        size++;
    }

    private void grow() {
        String[] oldKeys = keys;
        Object[] oldValues = values;
        int[] oldHashes = hashes;
        keys = new String[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        hashes = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = oldHashes[j] & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
                hashes[i] = oldHashes[j];
            }
        }
    }

    private static int hash(String text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text.charAt(i);
        }
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
