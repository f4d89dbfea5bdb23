package dev.kirchhoff.schematic.format.spectre;

import dev.kirchhoff.schematic.format.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one Spectre statement into tokens: words (backslash escapes removed), a parenthesised node list, and
 * {@code name=value} pairs whose value may be an expression in parentheses, a bracketed list or a quoted string.
 */
final class SpectreTokens {

    /** What a token is. */
    enum Kind { WORD, GROUP, PAIR }

    /** One token; for a pair, {@code name} and {@code text} (the value as written). */
    record Token(Kind kind, String name, String text, int pos) {
    }

    /** Maps a position in a statement's text back to the file. */
    interface Locator {
        int line(int pos);

        int column(int pos);
    }

    private SpectreTokens() {
    }

    static List<Token> split(String s, Locator loc, String file) throws ParseException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && s.charAt(i) <= ' ') {
                i++;
            }
            if (i >= n) {
                break;
            }
            char c = s.charAt(i);
            if (c == '(') {
                int end = groupEnd(s, i, loc, file);
                out.add(new Token(Kind.GROUP, null, s.substring(i + 1, end - 1), i));
                i = end;
                continue;
            }
            if (c == '=') {
                if (out.isEmpty() || out.get(out.size() - 1).kind() != Kind.WORD) {
                    throw new ParseException(file, loc.line(i), loc.column(i), "'=' without a parameter name before it",
                            "write parameters as name=value");
                }
                Token name = out.remove(out.size() - 1);
                i++;
                while (i < n && s.charAt(i) <= ' ') {
                    i++;
                }
                if (i >= n) {
                    throw new ParseException(file, loc.line(name.pos()), loc.column(name.pos()), "parameter '" + name.text()
                            + "' has no value after '='", "write it as " + name.text() + "=VALUE");
                }
                int start = i;
                i = valueEnd(s, i, loc, file);
                out.add(new Token(Kind.PAIR, name.text(), s.substring(start, i), name.pos()));
                continue;
            }
            if (c == ')' || c == ']') {
                throw new ParseException(file, loc.line(i), loc.column(i), "'" + c + "' without a matching opening bracket",
                        "remove it or add the opening bracket");
            }
            int start = i;
            StringBuilder word = new StringBuilder();
            while (i < n) {
                char ch = s.charAt(i);
                if (ch == '\\' && i + 1 < n) {
                    word.append(s.charAt(i + 1));
                    i += 2;
                    continue;
                }
                if (ch <= ' ' || ch == '=' || ch == '(' || ch == ')') {
                    break;
                }
                if (ch == '"') {
                    int close = s.indexOf('"', i + 1);
                    if (close < 0) {
                        throw new ParseException(file, loc.line(i), loc.column(i), "unclosed double quote",
                                "close the string with \"");
                    }
                    word.append(s, i, close + 1);
                    i = close + 1;
                    continue;
                }
                if (ch == '[') {
                    int end = groupEnd(s, i, loc, file);
                    word.append(s, i, end);
                    i = end;
                    continue;
                }
                word.append(ch);
                i++;
            }
            out.add(new Token(Kind.WORD, null, word.toString(), start));
        }
        return out;
    }

    private static int valueEnd(String s, int i, Locator loc, String file) throws ParseException {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c <= ' ') {
                return i;
            }
            if (c == '(' || c == '[') {
                i = groupEnd(s, i, loc, file);
                continue;
            }
            if (c == '"') {
                int close = s.indexOf('"', i + 1);
                if (close < 0) {
                    throw new ParseException(file, loc.line(i), loc.column(i), "unclosed double quote",
                            "close the string with \"");
                }
                i = close + 1;
                continue;
            }
            if (c == '\\' && i + 1 < n) {
                i += 2;
                continue;
            }
            if (c == ')' || c == ']') {
                throw new ParseException(file, loc.line(i), loc.column(i), "'" + c + "' without a matching opening bracket",
                        "remove it or add the opening bracket");
            }
            i++;
        }
        return i;
    }

    /** The index after the bracket group that opens at {@code i}. */
    static int groupEnd(String s, int i, Locator loc, String file) throws ParseException {
        int depth = 0;
        int opened = i;
        StringBuilder expect = new StringBuilder();
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n) {
                i += 2;
                continue;
            }
            if (c == '(' || c == '[') {
                expect.append(c == '(' ? ')' : ']');
                depth++;
            } else if (c == ')' || c == ']') {
                if (depth == 0 || expect.charAt(depth - 1) != c) {
                    throw new ParseException(file, loc.line(i), loc.column(i), "'" + c + "' does not match the bracket opened "
                            + "at column " + loc.column(opened), "expected '" + (depth == 0 ? "?" : expect.charAt(
                            depth - 1)) + "'");
                }
                depth--;
                expect.setLength(depth);
                if (depth == 0) {
                    return i + 1;
                }
            } else if (c == '"') {
                int close = s.indexOf('"', i + 1);
                if (close < 0) {
                    throw new ParseException(file, loc.line(i), loc.column(i), "unclosed double quote", "close it with \"");
                }
                i = close;
            }
            i++;
        }
        throw new ParseException(file, loc.line(opened), loc.column(opened), "'" + s.charAt(opened) + "' is never closed",
                "add '" + expect.charAt(depth - 1) + "' before the end of the statement");
    }

    /** Node names in a parenthesised node list, escapes removed. */
    static List<String> nodes(String group) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < group.length(); i++) {
            char c = group.charAt(i);
            if (c == '\\' && i + 1 < group.length()) {
                cur.append(group.charAt(++i));
                continue;
            }
            if (c <= ' ') {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                continue;
            }
            cur.append(c);
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }
}
