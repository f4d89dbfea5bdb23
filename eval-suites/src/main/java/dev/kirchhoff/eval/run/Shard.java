package dev.kirchhoff.eval.run;

import dev.kirchhoff.eval.EvalItem;

import java.nio.charset.StandardCharsets;

/**
 * One of {@code count} disjoint parts of a suite, written {@code index/count} ({@code 1/4} .. {@code 4/4}), so a run
 * can be split across machines and merged afterwards. Item {@code id} belongs to shard
 * {@code floorMod(stableHash(id), count) + 1}, where {@link #stableHash} is 32-bit FNV-1a over the id's UTF-8 bytes:
 * the same on every machine and JVM, unlike {@link String#hashCode()} which is only specified, not versioned for
 * this. Immutable.
 *
 * @param index 1-based shard number
 * @param count how many shards the items are split into
 */
public record Shard(int index, int count) {

    /** Every item in one shard. */
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("The shard " + index + "/" + count + " does not exist; write i/n with "
                    + "1 <= i <= n, e.g. --shard 1/4 .. --shard 4/4.");
        }
    }

    /**
     * Reads {@code i/n}.
     *
     * @throws IllegalArgumentException naming the text and showing the form
     */
    public static Shard parse(String text) {
        String s = text == null ? "" : text.strip();
        int slash = s.indexOf('/');
        if (slash > 0 && slash < s.length() - 1) {
            try {
                int i = Integer.parseInt(s.substring(0, slash).strip());
                int n = Integer.parseInt(s.substring(slash + 1).strip());
                if (n >= 1 && i >= 1 && i <= n) {
                    return new Shard(i, n);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("The shard '" + text + "' is not of the form i/n with 1 <= i <= n; "
                + "write e.g. --shard 2/4 for the second of four shards.");
    }

    /** Whether the item with this id is in this shard. */
    public boolean contains(String id) {
        return Math.floorMod(stableHash(id), count) == index - 1;
    }

    public boolean contains(EvalItem item) {
        return contains(item.id());
    }

    /** 32-bit FNV-1a (offset basis 0x811c9dc5, prime 0x01000193) over the UTF-8 bytes of {@code id}. */
    public static int stableHash(String id) {
        int h = 0x811c9dc5;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return h;
    }

    /** {@code index/count}, the form {@link #parse} reads. */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
