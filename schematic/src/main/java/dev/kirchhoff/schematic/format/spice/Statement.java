package dev.kirchhoff.schematic.format.spice;

import dev.kirchhoff.schematic.format.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One logical SPICE statement: a line and its {@code +} continuations, comments removed, with the map back from
 * positions to file lines and columns. A one-line statement is a window {@code [start, end)} on the file's text,
 * so reading a million-line deck copies no line; joined statements own a new string. Positions given to and
 * returned by the methods are relative to {@link #start}.
 */
final class Statement {

    final String text;
    final int start;
    final int end;
    final int line;
    private final int firstColumn;
    // For joined statements: where each physical line starts (relative), its line number and its first column.
    private int[] segmentStart;
    private int[] segmentLine;
    private int[] segmentColumn;
    private int segments;
    /** The physical lines as written, for directives kept verbatim; {@code null} for element lines. */
    final String raw;

    Statement(String text, int start, int end, int line, int firstColumn, String raw) {
        this.text = text;
        this.start = start;
        this.end = end;
        this.line = line;
        this.firstColumn = firstColumn;
        this.raw = raw;
    }

    /** A statement holding exactly {@code text}. */
    Statement(String text, int line, int firstColumn, String raw) {
        this(text, 0, text.length(), line, firstColumn, raw);
    }

    private Statement(String text, int line, int firstColumn, String raw, int[] start, int[] lines, int[] cols,
                      int segments) {
        this(text, 0, text.length(), line, firstColumn, raw);
        this.segmentStart = start;
        this.segmentLine = lines;
        this.segmentColumn = cols;
        this.segments = segments;
    }

    int length() {
        return end - start;
    }

    char charAt(int pos) {
        return text.charAt(start + pos);
    }

    /** The statement text from relative position {@code pos} to the end, trimmed. */
    String from(int pos) {
        return text.substring(start + pos, end).strip();
    }

    /** The statement's own text. */
    String string() {
        return text.substring(start, end);
    }

    /** This statement with its own string, positions unchanged; for directives, which are read with substrings. */
    Statement standalone() {
        if (start == 0 && end == text.length()) {
            return this;
        }
        return new Statement(string(), 0, end - start, line, firstColumn, raw);
    }

    /** The file line of position {@code pos}. */
    int lineAt(int pos) {
        if (segments == 0) {
            return line;
        }
        int s = segmentOf(pos);
        return s < 0 ? line : segmentLine[s];
    }

    /** The 1-based file column of position {@code pos}. */
    int columnAt(int pos) {
        if (segments == 0) {
            return firstColumn + pos;
        }
        int s = segmentOf(pos);
        return s < 0 ? firstColumn + pos : segmentColumn[s] + pos - segmentStart[s];
    }

    private int segmentOf(int pos) {
        int found = -1;
        for (int i = 0; i < segments; i++) {
            if (segmentStart[i] <= pos) {
                found = i;
            }
        }
        return found;
    }

    ParseException error(String file, int pos, String problem, String expected) {
        return new ParseException(file, lineAt(pos), columnAt(pos), problem, expected);
    }

    /** Collects physical lines into one statement; a single line costs no copy. */
    static final class Joiner {
        private String source;
        private int from;
        private int to;
        private String singleRaw;
        private StringBuilder text;
        private StringBuilder raw;
        private final List<int[]> segments = new ArrayList<>();
        private int line;
        private int firstColumn;

        /**
         * Starts a statement that is {@code source[from, to)}; {@code rawLine} may be null when the statement is not
         * kept verbatim.
         */
        void start(String source, int from, int to, int line, int column, String rawLine) {
            this.source = source;
            this.from = from;
            this.to = to;
            singleRaw = rawLine;
            text = null;
            raw = null;
            segments.clear();
            this.line = line;
            this.firstColumn = column;
        }

        void append(String content, int line, int column, String rawLine) {
            if (text == null) {
                text = new StringBuilder((to - from) + content.length() + 16).append(source, from, to);
                raw = singleRaw == null ? null : new StringBuilder(singleRaw);
                segments.add(new int[] {0, this.line, firstColumn});
            }
            text.append(' ');
            segments.add(new int[] {text.length(), line, column});
            text.append(content);
            if (raw != null) {
                raw.append('\n').append(rawLine);
            }
        }

        /** Whether the statement being collected keeps its raw text. */
        boolean keepsRaw() {
            return singleRaw != null;
        }

        Statement finish() {
            if (text == null) {
                return new Statement(source, from, to, line, firstColumn, singleRaw);
            }
            int n = segments.size();
            int[] s = new int[n];
            int[] l = new int[n];
            int[] c = new int[n];
            for (int i = 0; i < n; i++) {
                s[i] = segments.get(i)[0];
                l[i] = segments.get(i)[1];
                c[i] = segments.get(i)[2];
            }
            return new Statement(text.toString(), line, firstColumn, raw == null ? null : raw.toString(), s, l, c, n);
        }
    }
}
