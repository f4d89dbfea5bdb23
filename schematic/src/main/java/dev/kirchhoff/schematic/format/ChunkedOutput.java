package dev.kirchhoff.schematic.format;

import java.io.IOException;

/**
 * Collects writer output in 64 KB chunks before passing it on, so a million-line netlist costs a few hundred
 * writes to the underlying stream instead of millions. Not thread-safe; call {@link #flush()} at the end.
 */
public final class ChunkedOutput implements Appendable {

    private static final int CHUNK = 1 << 16;
    private final Appendable target;
    private final StringBuilder chunk = new StringBuilder(CHUNK + 1024);

    public ChunkedOutput(Appendable target) {
        this.target = target;
    }

    @Override
    public ChunkedOutput append(CharSequence csq) throws IOException {
        chunk.append(csq);
        spill();
        return this;
    }

    @Override
    public ChunkedOutput append(CharSequence csq, int start, int end) throws IOException {
        chunk.append(csq, start, end);
        spill();
        return this;
    }

    @Override
    public ChunkedOutput append(char c) throws IOException {
        chunk.append(c);
        if (chunk.length() >= CHUNK) {
            spill();
        }
        return this;
    }

    private void spill() throws IOException {
        if (chunk.length() >= CHUNK) {
            target.append(chunk);
            chunk.setLength(0);
        }
    }

    /** Passes on what is buffered. */
    public void flush() throws IOException {
        if (chunk.length() > 0) {
            target.append(chunk);
            chunk.setLength(0);
        }
    }
}
