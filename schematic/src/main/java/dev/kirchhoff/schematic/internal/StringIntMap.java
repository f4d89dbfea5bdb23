package dev.kirchhoff.schematic.internal;

/**
 * A map from strings to non-negative ints with open addressing: a key array and one {@code long} per slot holding
 * the key's hash and the value, so a probe touches two arrays and no entry objects. Indexes of million-element
 * netlists cost a sixth of a {@code HashMap<String, Integer>} and about half its cache misses. Not thread-safe while
 * written; safe to share once no longer modified.
 */
public final class StringIntMap {

    private String[] keys;
    // high 32 bits: the key's hash; low 32 bits: the value
    private long[] entries;
    private int size;
    private final boolean ignoreCase;

    /** An empty map; with {@code ignoreCase} keys that differ only in case are the same key. */
    public StringIntMap(int expected, boolean ignoreCase) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        this.keys = new String[capacity];
        this.entries = new long[capacity];
        this.ignoreCase = ignoreCase;
    }

    /** An empty case-sensitive map. */
    public StringIntMap(int expected) {
        this(expected, false);
    }

    /** A copy of {@code other}. */
    public StringIntMap(StringIntMap other) {
        this.keys = other.keys.clone();
        this.entries = other.entries.clone();
        this.size = other.size;
        this.ignoreCase = other.ignoreCase;
    }

    public int size() {
        return size;
    }

    /** The value for {@code key}, or -1 when absent. */
    public int get(String key) {
        int i = slot(key, hash(key));
        return keys[i] == null ? -1 : (int) entries[i];
    }

    /**
     * The value for the key spelled by {@code text[from, to)}, or -1 when absent; looks up without creating a
     * string.
     */
    public int get(String text, int from, int to) {
        int h = ignoreCase ? caseInsensitiveHash(text, from, to) : mix(hashOf(text, from, to));
        int mask = keys.length - 1;
        int i = h & mask;
        int len = to - from;
        while (true) {
            String k = keys[i];
            if (k == null) {
                return -1;
            }
            if ((int) (entries[i] >>> 32) == h && k.length() == len && k.regionMatches(ignoreCase, 0, text, from, len)) {
                return (int) entries[i];
            }
            i = (i + 1) & mask;
        }
    }

    private static int hashOf(String text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text.charAt(i);
        }
        return h;
    }

    /** The slot holding {@code key}, or the empty slot where it would go. */
    private int slot(String key, int h) {
        int mask = keys.length - 1;
        int i = h & mask;
        while (true) {
            String k = keys[i];
            if (k == null || (int) (entries[i] >>> 32) == h && same(k, key)) {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /**
     * Associates {@code value} (non-negative) with {@code key}.
     *
     * @return the previous value, or -1
     */
    public int put(String key, int value) {
        check(value);
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int h = hash(key);
        int i = slot(key, h);
        int old = keys[i] == null ? -1 : (int) entries[i];
        if (keys[i] == null) {
            keys[i] = key;
            size++;
        }
        entries[i] = (long) h << 32 | value;
        return old;
    }

    /** Associates {@code value} with {@code key} unless present; returns the existing value or -1. */
    public int putIfAbsent(String key, int value) {
        check(value);
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int h = hash(key);
        int i = slot(key, h);
        if (keys[i] != null) {
            return (int) entries[i];
        }
        keys[i] = key;
        entries[i] = (long) h << 32 | value;
        size++;
        return -1;
    }

    private static void check(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("The parameter 'value' must not be negative.");
        }
    }

    /** Removes {@code key}; returns its value or -1. */
    public int remove(String key) {
        int mask = keys.length - 1;
        int i = slot(key, hash(key));
        if (keys[i] == null) {
            return -1;
        }
        int old = (int) entries[i];
        keys[i] = null;
        size--;
        // re-insert the rest of the cluster so lookups do not stop at the hole
        int j = (i + 1) & mask;
        while (keys[j] != null) {
            String k = keys[j];
            long e = entries[j];
            keys[j] = null;
            int slot = slot(k, (int) (e >>> 32));
            keys[slot] = k;
            entries[slot] = e;
            j = (j + 1) & mask;
        }
        return old;
    }

    private void grow() {
        String[] oldKeys = keys;
        long[] oldEntries = entries;
        keys = new String[oldKeys.length * 2];
        entries = new long[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = (int) (oldEntries[j] >>> 32) & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                entries[i] = oldEntries[j];
            }
        }
    }

    private boolean same(String a, String b) {
        return a.equals(b) || ignoreCase && a.equalsIgnoreCase(b);
    }

    private int hash(String key) {
        return ignoreCase ? caseInsensitiveHash(key) : mix(key.hashCode());
    }

    /** A hash of {@code key} that is the same for spellings differing only in case. */
    public static int caseInsensitiveHash(String key) {
        return caseInsensitiveHash(key, 0, key.length());
    }

    /** {@link #caseInsensitiveHash(String)} of {@code key[from, to)}. */
    public static int caseInsensitiveHash(String key, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            char c = key.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            } else if (c > 127) {
                c = Character.toLowerCase(Character.toUpperCase(c));
            }
            h = 31 * h + c;
        }
        return mix(h);
    }

    private static int mix(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
