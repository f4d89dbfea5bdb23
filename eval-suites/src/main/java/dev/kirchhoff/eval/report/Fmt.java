package dev.kirchhoff.eval.report;

import java.util.Locale;

/** Number and text formatting shared by the renderers; locale-independent. Stateless and thread-safe. */
final class Fmt {

    /** Shown for an accuracy over no scored item. */
    static final String NA = "n/a";

    private Fmt() {
    }

    /** {@code 0.75} as {@code 75.0 %}. */
    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    /** The accuracy of {@code correct} out of {@code scored}, or {@value #NA} when nothing was scored. */
    static String accuracy(int correct, int scored) {
        return scored == 0 ? NA : pct((double) correct / scored);
    }

    /** A difference of two accuracies in percentage points, signed: {@code +25.0 pp}. */
    static String pp(Double points) {
        if (points == null) {
            return NA;
        }
        String s = String.format(Locale.ROOT, "%+.1f pp", points);
        // a change that rounds to nothing reads as no change, not as "+0.0" or "-0.0"
        return s.equals("+0.0 pp") || s.equals("-0.0 pp") ? "0.0 pp" : s;
    }

    static String score(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** A coordinate or length in an SVG attribute: two decimals, dot separator. */
    static String num(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** The heading word for a breakdown key. */
    static String keyName(String key) {
        return "type".equals(key) ? "question type" : key;
    }

    /** One line of at most {@code max} characters: whitespace runs collapsed, an ellipsis where it was cut. */
    static String excerpt(String text, int max) {
        String one = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }

    /**
     * Text for a Markdown table cell or list item: one line, pipes escaped, and {@code <}, {@code >} and {@code &}
     * as entities so a response holding markup shows as text instead of being rendered.
     */
    static String md(String text) {
        String one = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        StringBuilder sb = new StringBuilder(one.length());
        for (char c : one.toCharArray()) {
            switch (c) {
                case '|' -> sb.append("\\|");
                case '\\' -> sb.append("\\\\");
                case '`' -> sb.append("\\`");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
