package dev.kirchhoff.eval;

/**
 * Where an item was read: the file and the 1-based line (0 when the format has no lines, such as a folder item).
 * Immutable.
 */
public record ItemSource(String file, int line) {
    public ItemSource {
        file = file == null ? "" : file;
    }

    /** {@code file:line}, or the file alone when there is no line. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
