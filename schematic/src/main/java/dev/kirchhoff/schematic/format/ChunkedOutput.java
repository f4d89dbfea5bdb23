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
    private char[] transfer;

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
            pass();
        }
    }

    /**
     * The buffer itself, for writers that build a line in place; call {@link #endLine()} after each line. Do not
     * keep it: it is emptied whenever a chunk is passed on.
     */
    public StringBuilder buffer() {
        return chunk;
    }

    /** Ends a line built in {@link #buffer()}. */
    public void endLine() throws IOException {
        chunk.append('\n');
        if (chunk.length() >= CHUNK) {
            pass();
        }
    }

    /** Passes on what is buffered. */
    public void flush() throws IOException {
        if (chunk.length() > 0) {
            pass();
        }
    }

    private void pass() throws IOException {
        int n = chunk.length();
        if (target instanceof java.io.Writer w) {
            // straight from the buffer's characters: no string copy per chunk
            if (transfer == null || transfer.length < n) {
                transfer = new char[Math.max(n, CHUNK + 1024)];
            }
            chunk.getChars(0, n, transfer, 0);
            w.write(transfer, 0, n);
        } else {
            target.append(chunk);
        }
        chunk.setLength(0);
    }
}
