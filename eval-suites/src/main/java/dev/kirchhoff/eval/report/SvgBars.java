package dev.kirchhoff.eval.report;

import java.util.List;

/**
 * Inline SVG horizontal bar charts: one bar per value on a fixed axis, or two bars per value (run A against run B).
 * Each row is a {@code <g class="row" data-label="...">} holding a {@code track} rectangle the width of the axis
 * and a {@code bar} rectangle whose width is the value's share of it. Colours come from the page's style sheet, so
 * the charts follow the light, dark and print palettes. Stateless and thread-safe.
 */
final class SvgBars {

    static final double LABEL_W = 170;
    static final double AXIS_W = 400;
    static final double NOTE_W = 210;
    static final double TOP = 10;
    static final double AXIS_H = 24;
    static final int LABEL_CHARS = 24;

    /** Tick labels for an accuracy axis. */
    static final List<String> PERCENT_TICKS = List.of("0 %", "25 %", "50 %", "75 %", "100 %");

    /**
     * One bar.
     *
     * @param label    the value's name, left of the bar
     * @param fraction the bar's share of the axis, 0..1; null draws no bar (nothing to measure)
     * @param note     text right of the bar (the percentage and the counts)
     * @param cssClass the bar's class ({@code bar}, {@code status-correct}, ...)
     */
    record Bar(String label, Double fraction, String note, String cssClass) {
    }

    /** One value's pair of bars, run A above run B. */
    record Pair(String label, Double a, String noteA, Double b, String noteB) {
    }

    private SvgBars() {
    }

    static String horizontal(String dataKey, String title, List<Bar> bars, List<String> ticks) {
        double row = 26;
        double barH = 16;
        double height = TOP + bars.size() * row + AXIS_H;
        StringBuilder sb = open(dataKey, title, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = TOP + i * row + (row - barH) / 2;
            sb.append("<g class=\"row\" data-label=\"").append(Html.esc(bar.label())).append("\">");
            sb.append("<title>").append(Html.esc(bar.label() + ": " + bar.note())).append("</title>");
            rect(sb, "track", LABEL_W, y, AXIS_W, barH);
            if (bar.fraction() != null) {
                rect(sb, bar.cssClass(), LABEL_W, y, width(bar.fraction()), barH);
            }
            label(sb, bar.label(), y + barH / 2);
            text(sb, "note", LABEL_W + AXIS_W + 8, y + barH / 2, "start", bar.note());
            sb.append("</g>\n");
        }
        // drawn last so the lines show across the tracks and bars; the style sheet keeps them faint
        grid(sb, ticks, TOP, TOP + bars.size() * row);
        return sb.append("</svg>\n").toString();
    }

    static String grouped(String dataKey, String title, List<Pair> pairs) {
        double row = 34;
        double barH = 12;
        double height = TOP + pairs.size() * row + AXIS_H;
        StringBuilder sb = open(dataKey, title, height);
        for (int i = 0; i < pairs.size(); i++) {
            Pair p = pairs.get(i);
            double yA = TOP + i * row + 4;
            double yB = yA + barH + 2;
            sb.append("<g class=\"row\" data-label=\"").append(Html.esc(p.label())).append("\">");
            sb.append("<title>").append(Html.esc(p.label() + ": A " + p.noteA() + ", B " + p.noteB()))
                    .append("</title>");
            rect(sb, "track", LABEL_W, yA, AXIS_W, barH * 2 + 2);
            if (p.a() != null) {
                rect(sb, "bar", LABEL_W, yA, width(p.a()), barH);
            }
            if (p.b() != null) {
                rect(sb, "bar-b", LABEL_W, yB, width(p.b()), barH);
            }
            label(sb, p.label(), yB - 1);
            text(sb, "note", LABEL_W + AXIS_W + 8, yA + barH / 2, "start", "A " + p.noteA());
            text(sb, "note", LABEL_W + AXIS_W + 8, yB + barH / 2, "start", "B " + p.noteB());
            sb.append("</g>\n");
        }
        grid(sb, PERCENT_TICKS, TOP, TOP + pairs.size() * row);
        return sb.append("</svg>\n").toString();
    }

    private static double width(double fraction) {
        return Math.max(0, Math.min(1, fraction)) * AXIS_W;
    }

    private static StringBuilder open(String dataKey, String title, double height) {
        double width = LABEL_W + AXIS_W + NOTE_W;
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<svg class=\"chart\" data-breakdown=\"").append(Html.esc(dataKey))
                .append("\" data-axis-width=\"").append(Fmt.num(AXIS_W))
                .append("\" width=\"").append(Fmt.num(width)).append("\" height=\"").append(Fmt.num(height))
                .append("\" viewBox=\"0 0 ").append(Fmt.num(width)).append(' ').append(Fmt.num(height))
                .append("\" role=\"img\" aria-label=\"").append(Html.esc(title)).append("\">\n");
        sb.append("<title>").append(Html.esc(title)).append("</title>\n");
        return sb;
    }

    /** Vertical grid lines at evenly spaced ticks, labelled under the axis. */
    private static void grid(StringBuilder sb, List<String> ticks, double y1, double y2) {
        for (int t = 0; t < ticks.size(); t++) {
            double x = LABEL_W + (ticks.size() == 1 ? 0 : AXIS_W * t / (ticks.size() - 1));
            sb.append("<line class=\"grid\" x1=\"").append(Fmt.num(x)).append("\" y1=\"").append(Fmt.num(y1))
                    .append("\" x2=\"").append(Fmt.num(x)).append("\" y2=\"").append(Fmt.num(y2 + 4))
                    .append("\"/>");
            String anchor = t == 0 ? "start" : t == ticks.size() - 1 ? "end" : "middle";
            text(sb, "tick", x, y2 + 16, anchor, ticks.get(t));
        }
        sb.append('\n');
    }

    private static void rect(StringBuilder sb, String cssClass, double x, double y, double w, double h) {
        sb.append("<rect class=\"").append(Html.esc(cssClass)).append("\" x=\"").append(Fmt.num(x))
                .append("\" y=\"").append(Fmt.num(y)).append("\" width=\"").append(Fmt.num(w))
                .append("\" height=\"").append(Fmt.num(h)).append("\"/>");
    }

    private static void label(StringBuilder sb, String label, double yMid) {
        text(sb, "label", LABEL_W - 8, yMid, "end", Fmt.excerpt(label, LABEL_CHARS));
    }

    private static void text(StringBuilder sb, String cssClass, double x, double yMid, String anchor, String s) {
        sb.append("<text class=\"").append(cssClass).append("\" x=\"").append(Fmt.num(x)).append("\" y=\"")
                .append(Fmt.num(yMid)).append("\" dominant-baseline=\"middle\" text-anchor=\"").append(anchor)
                .append("\">").append(Html.esc(s)).append("</text>");
    }
}
