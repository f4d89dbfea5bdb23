package dev.kirchhoff.schematic.format.spice;

import dev.kirchhoff.schematic.format.ParseException;
import java.util.Arrays;

/**
 * Splits a statement into words and {@code name=value} pairs. Brackets, braces and quotes group: {@code sin(0 1
 * 1k)}, {@code {a*2}} and {@code 'w/2'} are one word each. Commas outside groups separate like spaces. Words are
 * kept as positions and turned into strings only when asked, and the arrays are reused, so a million-line
 * netlist allocates little per token.
 */
final class Tokens {

    private String source;
    private int base;
    private String[] words = new String[16];
    private String[] names = new String[16];
    // for a pair, where its name is in the source; -1 for plain words
    private int[] nameStarts = new int[16];
    private int[] nameEnds = new int[16];
    /** Word start, relative to the statement. */
    int[] positions = new int[16];
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    int count;

    /** Whether token {@code i} is a {@code name=value} pair. */
    boolean isPair(int i) {
        return nameStarts[i] >= 0;
    }

    /** The name of pair {@code i}, or {@code null} for a plain word. */
    String name(int i) {
        if (nameStarts[i] < 0) {
            return null;
        }
        String n = names[i];
        if (n == null) {
            n = source.substring(nameStarts[i], nameEnds[i]);
            names[i] = n;
        }
        return n;
    }

    /** The text of word {@code i} (for a pair, its value). */
    String word(int i) {
        String w = words[i];
        if (w == null) {
            w = source.substring(starts[i], ends[i]);
            words[i] = w;
        }
        return w;
    }

    /** The text the words are positions in. */
    String source() {
        return source;
    }

    /** Where word {@code i} starts in {@link #source()}. */
    int start(int i) {
        return starts[i];
    }

    /** Where word {@code i} ends in {@link #source()}. */
    int end(int i) {
        return ends[i];
    }

    /** The first character of word {@code i}. */
    char first(int i) {
        return source.charAt(starts[i]);
    }

    /**
     * Tokenizes the statement from relative position {@code from}.
     *
     * @throws ParseException for an unclosed bracket or quote
     */
    void split(Statement s, int from, String file) throws ParseException {
        String t = s.text;
        source = t;
        base = s.start;
        int n = s.end;
        count = 0;
        int i = s.start + from;
        int pendingStart = -1;
        int pendingEnd = -1;
        int pendingPos = 0;
        while (true) {
            while (i < n && (t.charAt(i) <= ' ' || t.charAt(i) == ',')) {
                i++;
            }
            if (i >= n) {
                break;
            }
            char c = t.charAt(i);
            if (c == '=') {
                if (count == 0 || nameStarts[count - 1] >= 0 || pendingStart >= 0) {
                    throw s.error(file, i - base, "'=' without a parameter name before it",
                            "write parameters as name=value");
                }
                count--;
                pendingStart = starts[count];
                pendingEnd = ends[count];
                pendingPos = positions[count];
                i++;
                continue;
            }
            int start = i;
            i = wordEnd(s, i, n, file);
            if (pendingStart >= 0) {
                add(pendingStart, pendingEnd, start, i, pendingPos);
                pendingStart = -1;
            } else {
                add(-1, -1, start, i, start - base);
            }
        }
        if (pendingStart >= 0) {
            String pendingName = t.substring(pendingStart, pendingEnd);
            throw s.error(file, pendingPos, "parameter '" + pendingName + "' has no value after '='",
                    "write it as " + pendingName + "=VALUE");
        }
    }

    private void add(int nameStart, int nameEnd, int start, int end, int pos) {
        if (count == words.length) {
            words = Arrays.copyOf(words, count * 2);
            names = Arrays.copyOf(names, count * 2);
            nameStarts = Arrays.copyOf(nameStarts, count * 2);
            nameEnds = Arrays.copyOf(nameEnds, count * 2);
            positions = Arrays.copyOf(positions, count * 2);
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        words[count] = null;
        names[count] = null;
        nameStarts[count] = nameStart;
        nameEnds[count] = nameEnd;
        positions[count] = pos;
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    private int wordEnd(Statement s, int i, int n, String file) throws ParseException {
        String t = s.text;
        while (i < n) {
            char c = t.charAt(i);
            if (c <= ' ' || c == ',' || c == '=') {
                return i;
            }
            if (c == '(' || c == '{' || c == '[') {
                i = s.start + groupEnd(s, i - s.start, file);
                continue;
            }
            if (c == '\'' || c == '"') {
                int close = t.indexOf(c, i + 1);
                if (close < 0 || close >= n) {
                    throw s.error(file, i - base, "unclosed " + (c == '"' ? "double" : "single") + " quote",
                            "close it with " + c + " on the same statement");
                }
                i = close + 1;
                continue;
            }
            if (c == ')' || c == '}' || c == ']') {
                throw s.error(file, i - base, "'" + c + "' without a matching opening bracket",
                        "remove it or add the opening bracket");
            }
            i++;
        }
        return i;
    }

    /** The relative position after the bracket group opening at relative position {@code pos}. */
    static int groupEnd(Statement s, int pos, String file) throws ParseException {
        String t = s.text;
        int n = s.end;
        int i = s.start + pos;
        char[] stack = new char[8];
        int depth = 0;
        int openedAt = pos;
        while (i < n) {
            char c = t.charAt(i);
            if (c == '(' || c == '{' || c == '[') {
                if (depth == stack.length) {
                    stack = Arrays.copyOf(stack, depth * 2);
                }
                stack[depth++] = c == '(' ? ')' : c == '{' ? '}' : ']';
            } else if (c == ')' || c == '}' || c == ']') {
                if (depth == 0 || stack[depth - 1] != c) {
                    throw s.error(file, i - s.start, "'" + c + "' does not match the bracket opened at column "
                            + s.columnAt(openedAt), "expected '" + (depth == 0 ? "?" : stack[depth - 1]) + "'");
                }
                depth--;
                if (depth == 0) {
                    return i + 1 - s.start;
                }
            } else if (c == '\'' || c == '"') {
                int close = t.indexOf(c, i + 1);
                if (close < 0 || close >= n) {
                    throw s.error(file, i - s.start, "unclosed quote", "close it with " + c);
                }
                i = close;
            }
            i++;
        }
        throw s.error(file, openedAt, "'" + s.charAt(openedAt) + "' is never closed",
                "add '" + stack[depth - 1] + "' before the end of the statement");
    }

    /** The number of leading words before the first pair or {@code params:} keyword. */
    int positionalCount() {
        for (int i = 0; i < count; i++) {
            if (nameStarts[i] >= 0 || isParamsKeyword(i)) {
                return i;
            }
        }
        return count;
    }

    /** Whether word {@code i} is the {@code params:} keyword. */
    boolean isParamsKeyword(int i) {
        return ends[i] - starts[i] == 7 && source.regionMatches(true, starts[i], "params:", 0, 7);
    }
}
