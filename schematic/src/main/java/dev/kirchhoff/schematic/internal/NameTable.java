package dev.kirchhoff.schematic.internal;

import java.util.Arrays;

/**
 * Numbers names, optionally ignoring case, for the hot path of reading big netlists: every node name on every line
 * is looked up here, and on a million-element netlist these lookups are most of the reading time, because each
 * one is a cache miss. So a name of up to eight Latin-1 characters ({@code n12345}, {@code VDD}, {@code out}) is
 * kept inside its slot, next to its number, and a lookup costs one miss; longer names keep their characters in a
 * byte pool and cost two. Looking up a region of a line creates no string. Names beyond Latin-1 go to a side
 * table. Not thread-safe.
 */
public final class NameTable {

    private static final long LONG_KEY = 1L << 40;
    // slot i is data[2i] (the key's bytes, or for a long key its hash and pool offset) and data[2i+1]
    // (bit 40: long key; bits 32-39: length for short keys; bits 0-31: value + 1). data[2i+1] == 0: empty.
    private long[] data;
    private byte[] pool;
    private int poolSize;
    private int size;
    private final boolean ignoreCase;
    private StringIntMap wide;

    /** An empty table for about {@code expected} names. */
    public NameTable(int expected, boolean ignoreCase) {
        int capacity = Integer.highestOneBit(Math.max(8, expected * 2 - 1)) << 1;
        this.data = new long[capacity * 2];
        this.pool = new byte[64];
        this.ignoreCase = ignoreCase;
    }

    public int size() {
        return size;
    }

    /** The number of the name {@code text[from, to)}, or -1. */
    public int get(String text, int from, int to) {
        int len = to - from;
        if (len <= 8) {
            long key = pack(text, from, to);
            if (key != -1) {
                return getShort(key, len);
            }
        } else if (len <= 0xFFFF) {
            int h = hash(text, from, to);
            if (h != 0) {
                return getLong(h, text, from, len);
            }
        }
        return wide == null ? -1 : wide.get(text.substring(from, to));
    }

    /** The number of {@code name}, or -1. */
    public int get(String name) {
        return get(name, 0, name.length());
    }

    private int getShort(long key, int len) {
        long[] d = data;
        int mask = (d.length >>> 1) - 1;
        int i = mix(key) & mask;
        long tag = (long) len << 32;
        while (true) {
            long meta = d[2 * i + 1];
            if (meta == 0) {
                return -1;
            }
            if (d[2 * i] == key && (meta & (LONG_KEY | 0xFF00000000L)) == tag) {
                return (int) meta - 1;
            }
            i = (i + 1) & mask;
        }
    }

    private int getLong(int h, String text, int from, int len) {
        long[] d = data;
        int mask = (d.length >>> 1) - 1;
        int i = h & mask;
        while (true) {
            long meta = d[2 * i + 1];
            if (meta == 0) {
                return -1;
            }
            long k = d[2 * i];
            if ((meta & LONG_KEY) != 0 && (int) (k >>> 32) == h && matches((int) k, text, from, len)) {
                return (int) meta - 1;
            }
            i = (i + 1) & mask;
        }
    }

    /**
     * Numbers {@code name} with {@code value} (non-negative) unless a name equal to it (ignoring case if so made)
     * is present; returns the present number or -1.
     */
    public int putIfAbsent(String name, int value) {
        int existing = get(name);
        if (existing >= 0) {
            return existing;
        }
        putNew(name, value);
        return -1;
    }

    /** Numbers {@code name}, which the caller has just looked up and not found, with {@code value}. */
    public void putNew(String name, int value) {
        if (value < 0 || value == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("The parameter 'value' must be between 0 and 2^31-2.");
        }
        int len = name.length();
        if ((size + 1) * 2 > data.length >>> 1) {
            grow();
        }
        if (len <= 8) {
            long key = pack(name, 0, len);
            if (key != -1) {
                insert(mix(key), key, (long) len << 32 | (value + 1L));
                size++;
                return;
            }
        } else if (len <= 0xFFFF) {
            int h = hash(name, 0, len);
            if (h != 0) {
                if (poolSize + len + 2 > pool.length) {
                    pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len + 2));
                }
                int off = poolSize;
                pool[off] = (byte) (len >>> 8);
                pool[off + 1] = (byte) len;
                for (int k = 0; k < len; k++) {
                    pool[off + 2 + k] = (byte) fold(name.charAt(k));
                }
                poolSize += len + 2;
                insert(h, (long) h << 32 | off, LONG_KEY | (value + 1L));
                size++;
                return;
            }
        }
        if (wide == null) {
            wide = new StringIntMap(16, ignoreCase);
        }
        wide.put(name, value);
        size++;
    }

    private void insert(int h, long key, long meta) {
        int mask = (data.length >>> 1) - 1;
        int i = h & mask;
        while (data[2 * i + 1] != 0) {
            i = (i + 1) & mask;
        }
        data[2 * i] = key;
        data[2 * i + 1] = meta;
    }

    private void grow() {
        long[] old = data;
        data = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            long meta = old[i + 1];
            if (meta != 0) {
                long key = old[i];
                insert((meta & LONG_KEY) != 0 ? (int) (key >>> 32) : mix(key), key, meta);
            }
        }
    }

    /** Up to eight characters as one long (case folded if so made), or -1 when one is beyond Latin-1. */
    private long pack(String text, int from, int to) {
        long key = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                return -1;
            }
            key = key << 8 | fold(c);
        }
        return key;
    }

    private boolean matches(int off, String text, int from, int len) {
        byte[] p = pool;
        if (((p[off] & 0xff) << 8 | p[off + 1] & 0xff) != len) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if ((p[off + 2 + k] & 0xff) != fold(text.charAt(from + k))) {
                return false;
            }
        }
        return true;
    }

    private char fold(char c) {
        if (!ignoreCase) {
            return c;
        }
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + 32);
        }
        if (c < 128) {
            return c;
        }
        char f = Character.toLowerCase(Character.toUpperCase(c));
        return f > 0xFF ? c : f;
    }

    /** The hash of a long name, never 0 for a Latin-1 name; 0 marks one that goes to the side table. */
    private int hash(String text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                return 0;
            }
            h = 31 * h + fold(c);
        }
        int x = h * 0x9E3779B9;
        x ^= x >>> 16;
        return x == 0 ? 1 : x;
    }

    private static int mix(long key) {
        long x = key * 0x9E3779B97F4A7C15L;
        return (int) (x ^ (x >>> 32));
    }
}
