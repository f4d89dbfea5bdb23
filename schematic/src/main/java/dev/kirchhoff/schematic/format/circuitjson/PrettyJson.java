package dev.kirchhoff.schematic.format.circuitjson;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Writes JSON straight to an {@link Appendable}, laid out as JavaScript's {@code JSON.stringify(value, null, 2)}
 * lays it out, which is how tscircuit saves Circuit JSON. Streaming, so a netlist with a million elements is never
 * held as a tree. Not thread-safe.
 */
final class PrettyJson {

    private final Appendable out;
    /** Per open container: whether it has a child yet. */
    private boolean[] hasChild = new boolean[16];
    private int depth;
    private boolean afterName;

    PrettyJson(Appendable out) {
        this.out = out;
    }

    PrettyJson beginObject() throws IOException {
        return open('{');
    }

    PrettyJson endObject() throws IOException {
        return close('}');
    }

    PrettyJson beginArray() throws IOException {
        return open('[');
    }

    PrettyJson endArray() throws IOException {
        return close(']');
    }

    /** Starts the member {@code name} of the current object; the next call writes its value. */
    PrettyJson name(String name) throws IOException {
        beforeValue();
        string(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    PrettyJson value(String s) throws IOException {
        beforeValue();
        string(s);
        return this;
    }

    PrettyJson value(double d) throws IOException {
        beforeValue();
        out.append(number(d));
        return this;
    }

    PrettyJson value(long n) throws IOException {
        beforeValue();
        out.append(Long.toString(n));
        return this;
    }

    PrettyJson value(boolean b) throws IOException {
        beforeValue();
        out.append(b ? "true" : "false");
        return this;
    }

    /** A member with a string value. */
    PrettyJson field(String name, String value) throws IOException {
        return name(name).value(value);
    }

    /** Ends the document with a newline. */
    void finish() throws IOException {
        out.append('\n');
    }

    private PrettyJson open(char c) throws IOException {
        beforeValue();
        out.append(c);
        if (++depth == hasChild.length) {
            hasChild = java.util.Arrays.copyOf(hasChild, depth * 2);
        }
        hasChild[depth] = false;
        return this;
    }

    private PrettyJson close(char c) throws IOException {
        if (hasChild[depth]) {
            newline(depth - 1);
        }
        depth--;
        out.append(c);
        return this;
    }

    private void beforeValue() throws IOException {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if (hasChild[depth]) {
                out.append(',');
            }
            hasChild[depth] = true;
            newline(depth);
        }
    }

    private void newline(int indent) throws IOException {
        out.append('\n');
        for (int i = 0; i < indent; i++) {
            out.append("  ");
        }
    }

    private void string(String s) throws IOException {
        out.append('"');
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escape = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                default -> c < 0x20 ? String.format("\\u%04x", (int) c) : null;
            };
            if (escape != null) {
                out.append(s, start, i).append(escape);
                start = i + 1;
            }
        }
        out.append(s, start, s.length()).append('"');
    }

    /** A number as JavaScript prints it: {@code 1000}, {@code 0.0001}, {@code 1e-7}, {@code 2.5e+21}. */
    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("JSON has no " + d);
        }
        if (d == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        double abs = Math.abs(d);
        if (abs >= 1e-6 && abs < 1e21) {
            return exact.toPlainString();
        }
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d < 0 ? "-" : "") + mantissa + "e" + (exponent >= 0 ? "+" : "") + exponent;
    }
}
