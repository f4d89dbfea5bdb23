package dev.kirchhoff.eval;

/** An item a loader could not read: where it is and what is wrong with it. Immutable. */
public record Malformed(ItemSource source, String message) {
    @Override
    public String toString() {
        return source + ": " + message;
    }
}
