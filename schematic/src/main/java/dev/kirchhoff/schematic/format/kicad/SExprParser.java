package dev.kirchhoff.schematic.format.kicad;

import dev.kirchhoff.schematic.format.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads KiCad's S-expressions in one pass over the characters: {@code (}, {@code )}, double-quoted strings with
 * backslash escapes, and unquoted atoms (KiCad 5 writes {@code (ref R1)}, KiCad 6 and later {@code (ref "R1")}).
 * The caller pulls tokens with {@link #next()} and reads whole sub-lists with {@link #list}, so a large netlist is
 * never held as one tree. One instance per read; not thread-safe.
 *
 * <p>Errors name the place to fix. When a parenthesis is missing or one too many, the place the parser notices is
 * usually far from the mistake (at the end of the file, or at the next section), so the parser also watches the
 * indentation KiCad writes: a list that starts a line at the same column as a still-open list that also started a
 * line was almost certainly meant to be its sibling, which points at the list that was not closed.
 */
final class SExprParser {

    static final int END = 0;
    static final int OPEN = 1;
    static final int CLOSE = 2;
    static final int ATOM = 3;

    private static final int CACHED_LENGTH = 24;

    private final String text;
    private final String file;
    private final int n;
    private int pos;
    private int line = 1;
    private int lineStart;
    private boolean blankSoFar = true;

    private int token;
    private String atom;
    private int tokenLine;
    private int tokenColumn;
    private boolean pushedBack;
    private boolean afterOpen;

    // The open lists, innermost last: where each '(' is, the column when it starts its line (else -1), its name,
    // and the column and closing ')' of its last child that started a line.
    private int depth;
    private int[] openLine = new int[32];
    private int[] openColumn = new int[32];
    private int[] openIndent = new int[32];
    private String[] openName = new String[32];
    private int[] childIndent = new int[32];
    private int[] childCloseLine = new int[32];
    private int[] childCloseColumn = new int[32];

    // First indentation evidence of a missing ')' (a list left open) or of one ')' too many.
    private int unclosedLine;
    private int unclosedColumn;
    private String unclosedName;
    private int unclosedEvidence;
    private int extraLine;
    private int extraColumn;
    private int extraEvidence;

    // Short atoms repeat endlessly ("passive", "Device", "/", pin numbers): one String each, looked up by the
    // characters in place so that a repeat costs no allocation. Open addressing; stops growing when full.
    private String[] interned = new String[1 << 12];
    private int internedCount;
    private final StringBuilder scratch = new StringBuilder(64);

    SExprParser(String file, String text) {
        this.file = file;
        this.text = text;
        this.n = text.length();
    }

    /** The current token's text when it is an {@link #ATOM}. */
    String atom() {
        return atom;
    }

    /** The 1-based line of the current token. */
    int line() {
        return tokenLine;
    }

    /** The 1-based column of the current token. */
    int column() {
        return tokenColumn;
    }

    /** How many lists are open after the current token. */
    int depth() {
        return depth;
    }

    /** Makes the next call to {@link #next()} return the current token again. */
    void pushBack() {
        pushedBack = true;
    }

    /**
     * Advances to the next token: {@link #OPEN}, {@link #CLOSE}, {@link #ATOM} or {@link #END}. A {@code )} with no
     * open list is returned as {@link #CLOSE} with {@link #depth()} 0; the caller decides what that means.
     *
     * @throws ParseException for a string that is never closed
     */
    int next() throws ParseException {
        if (pushedBack) {
            pushedBack = false;
            return token;
        }
        while (pos < n) {
            char c = text.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
                blankSoFar = true;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else {
                break;
            }
        }
        tokenLine = line;
        tokenColumn = pos - lineStart + 1;
        boolean startsLine = blankSoFar;
        blankSoFar = false;
        boolean wasAfterOpen = afterOpen;
        afterOpen = false;
        if (pos >= n) {
            token = END;
            return token;
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            push(startsLine);
            afterOpen = true;
            token = OPEN;
        } else if (c == ')') {
            pos++;
            if (depth > 0) {
                pop();
            }
            token = CLOSE;
        } else {
            atom = c == '"' ? quoted() : bare();
            if (wasAfterOpen && depth > 0) {
                openName[depth - 1] = atom;
            }
            token = ATOM;
        }
        return token;
    }

    private void push(boolean startsLine) {
        int indent = startsLine ? tokenColumn : -1;
        if (depth > 0 && indent >= 0) {
            int parent = depth - 1;
            if (unclosedLine == 0 && openIndent[parent] >= 0 && indent <= openIndent[parent]) {
                unclosedLine = openLine[parent];
                unclosedColumn = openColumn[parent];
                unclosedName = openName[parent];
                unclosedEvidence = tokenLine;
            }
            if (extraLine == 0 && childIndent[parent] >= 0 && indent > childIndent[parent]) {
                extraLine = childCloseLine[parent];
                extraColumn = childCloseColumn[parent];
                extraEvidence = tokenLine;
            }
        }
        if (depth == openLine.length) {
            int size = depth * 2;
            openLine = Arrays.copyOf(openLine, size);
            openColumn = Arrays.copyOf(openColumn, size);
            openIndent = Arrays.copyOf(openIndent, size);
            openName = Arrays.copyOf(openName, size);
            childIndent = Arrays.copyOf(childIndent, size);
            childCloseLine = Arrays.copyOf(childCloseLine, size);
            childCloseColumn = Arrays.copyOf(childCloseColumn, size);
        }
        openLine[depth] = tokenLine;
        openColumn[depth] = tokenColumn;
        openIndent[depth] = indent;
        openName[depth] = "";
        childIndent[depth] = -1;
        depth++;
    }

    private void pop() {
        depth--;
        if (depth > 0 && openIndent[depth] >= 0) {
            childIndent[depth - 1] = openIndent[depth];
            childCloseLine[depth - 1] = tokenLine;
            childCloseColumn[depth - 1] = tokenColumn;
        }
    }

    private String bare() {
        int start = pos;
        while (pos < n) {
            char c = text.charAt(pos);
            if (c <= ' ' || c == '(' || c == ')' || c == '"') {
                break;
            }
            pos++;
        }
        return cached(text, start, pos);
    }

    private String quoted() throws ParseException {
        int startLine = tokenLine;
        int startColumn = tokenColumn;
        pos++;
        int start = pos;
        // Fast path: no escapes, no line breaks.
        while (pos < n) {
            char c = text.charAt(pos);
            if (c == '"') {
                String s = cached(text, start, pos);
                pos++;
                return s;
            }
            if (c == '\\' || c == '\n') {
                break;
            }
            pos++;
        }
        StringBuilder sb = scratch;
        sb.setLength(0);
        sb.append(text, start, pos);
        while (pos < n) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return cached(sb, 0, sb.length());
            }
            if (c == '\n') {
                break;
            } else if (c == '\\' && pos + 1 < n) {
                pos = escape(sb, pos + 1);
            } else {
                sb.append(c);
                pos++;
            }
        }
        // KiCad's own reader requires a string to end on the line it starts on; so the mistake is on this line.
        throw new ParseException(file, startLine, startColumn, pos < n
                ? "this string is not closed before the end of its line"
                : "this string is never closed: there is no '\"' after it",
                "add the closing '\"'; inside a string write \\\" for a quote, \\\\ for a backslash and \\n for a "
                        + "line break");
    }

    /** Appends the escape sequence starting at {@code at} (just after the backslash); returns the next position. */
    private int escape(StringBuilder sb, int at) {
        char c = text.charAt(at);
        switch (c) {
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'a' -> sb.append('\u0007');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'v' -> sb.append('\u000b');
            case '"', '\\', '\'' -> sb.append(c);
            case 'x' -> {
                int end = at + 1;
                while (end < n && end < at + 3 && Character.digit(text.charAt(end), 16) >= 0) {
                    end++;
                }
                if (end == at + 1) {
                    sb.append('\\').append(c);
                } else {
                    sb.append((char) Integer.parseInt(text.substring(at + 1, end), 16));
                }
                return end;
            }
            default -> {
                if (c >= '0' && c <= '7') {
                    int end = at;
                    while (end < n && end < at + 3 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
                        end++;
                    }
                    sb.append((char) Integer.parseInt(text.substring(at, end), 8));
                    return end;
                }
                // KiCad copies an unknown escape verbatim; so do we (old Windows paths such as C:\Users).
                sb.append('\\').append(c);
            }
        }
        return at + 1;
    }

    private String cached(CharSequence source, int from, int to) {
        int length = to - from;
        if (length > CACHED_LENGTH) {
            return source.subSequence(from, to).toString();
        }
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + source.charAt(i);
        }
        int mask = interned.length - 1;
        int slot = (h ^ h >>> 16) & mask;
        while (true) {
            String s = interned[slot];
            if (s == null) {
                String created = source.subSequence(from, to).toString();
                if (internedCount < interned.length >> 1) {
                    interned[slot] = created;
                    internedCount++;
                } else if (interned.length < 1 << 20) {
                    grow();
                    return cached(created, 0, created.length());
                }
                return created;
            }
            if (s.length() == length && same(s, source, from)) {
                return s;
            }
            slot = slot + 1 & mask;
        }
    }

    private static boolean same(String s, CharSequence source, int from) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != source.charAt(from + i)) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        String[] old = interned;
        interned = new String[old.length * 2];
        internedCount = 0;
        int mask = interned.length - 1;
        for (String s : old) {
            if (s != null) {
                int h = s.hashCode();
                int slot = (h ^ h >>> 16) & mask;
                while (interned[slot] != null) {
                    slot = slot + 1 & mask;
                }
                interned[slot] = s;
                internedCount++;
            }
        }
    }

    /**
     * Reads the rest of a list whose {@code (} was the current token, up to its matching {@code )}.
     *
     * @param knownName the list's name when the caller has already read it, else {@code null}
     * @param line the line of the {@code (}
     * @param column the column of the {@code (}
     * @throws ParseException when the file ends before the list is closed
     */
    SExpr list(String knownName, int line, int column) throws ParseException {
        List<List<Object>> itemStack = new ArrayList<>();
        String name = knownName;
        List<Object> items = new ArrayList<>(4);
        int startLine = line;
        int startColumn = column;
        int[] lines = new int[8];
        int[] columns = new int[8];
        String[] names = new String[8];
        int level = 0;
        while (true) {
            int t = next();
            switch (t) {
                case ATOM -> {
                    if (name == null) {
                        name = atom;
                    } else {
                        items.add(atom);
                    }
                }
                case OPEN -> {
                    if (name == null) {
                        name = "";
                    }
                    if (level + 1 >= lines.length) {
                        lines = Arrays.copyOf(lines, lines.length * 2);
                        columns = Arrays.copyOf(columns, columns.length * 2);
                        names = Arrays.copyOf(names, names.length * 2);
                    }
                    lines[level] = startLine;
                    columns[level] = startColumn;
                    names[level] = name;
                    itemStack.add(items);
                    level++;
                    startLine = tokenLine;
                    startColumn = tokenColumn;
                    name = null;
                    items = new ArrayList<>(4);
                }
                case CLOSE -> {
                    SExpr done = new SExpr(name == null ? "" : name, startLine, startColumn,
                            items.isEmpty() ? List.of() : items);
                    if (level == 0) {
                        return done;
                    }
                    level--;
                    items = itemStack.remove(itemStack.size() - 1);
                    items.add(done);
                    name = names[level];
                    startLine = lines[level];
                    startColumn = columns[level];
                }
                default -> throw unclosed();
            }
        }
    }

    /** Skips the rest of a list whose {@code (} was the current token. */
    void skip() throws ParseException {
        int target = depth - 1;
        while (depth > target) {
            if (next() == END) {
                throw unclosed();
            }
        }
    }

    /** The error for a file that ends while lists are still open. */
    ParseException unclosed() {
        if (unclosedLine > 0) {
            return new ParseException(file, unclosedLine, unclosedColumn, "this '(" + unclosedName
                    + "' is never closed: line " + unclosedEvidence + " starts a list at the same indentation, "
                    + "so a ')' is probably missing before it", "add the missing ')' at the end of this list");
        }
        int i = depth - 1;
        return new ParseException(file, openLine[i], openColumn[i], "this '(" + openName[i]
                + "' is never closed: the file ends at line " + line + " while it is still open",
                "add the missing ')' at the end of this list, or check whether the file was cut off");
    }

    /**
     * The error for text after the top-level list, which closed at {@code closedLine}:{@code closedColumn}; the
     * current token is the first thing after it.
     */
    ParseException trailing(String topName, int closedLine, int closedColumn) {
        if (extraLine > 0) {
            return new ParseException(file, extraLine, extraColumn, "this ')' closes a list too early: line "
                    + extraEvidence + " is indented as if that list were still open, and the (" + topName
                    + " …) list ends at line " + closedLine + " before the rest of the file", "remove this ')'");
        }
        if (token == CLOSE) {
            return new ParseException(file, tokenLine, tokenColumn, "this ')' has no '(' to close: the (" + topName
                    + " …) list already ended at line " + closedLine + ", column " + closedColumn,
                    "remove this ')', or the one too many before it");
        }
        return new ParseException(file, tokenLine, tokenColumn, "unexpected text after the end of the (" + topName
                + " …) list, which ended at line " + closedLine + ", column " + closedColumn,
                "a KiCad netlist holds exactly one (" + topName + " …) list; remove this text, or look for one ')' "
                        + "too many before line " + closedLine);
    }
}
