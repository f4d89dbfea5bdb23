package dev.kirchhoff.eval.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Renders a {@link Comparison} as {@code compare.html}: one self-contained page with a grouped bar chart per
 * breakdown (run A's accuracy above run B's for each value, 0–100 % axis), the differences in a table, and the
 * flipped items. Well-formed XML; no script or external resource. Stateless and thread-safe.
 */
public final class ComparisonHtml {

    /** The file name the comparison is written to. */
    public static final String FILE = "compare.html";

    private ComparisonHtml() {
    }

    public static String render(Comparison c) {
        Objects.requireNonNull(c, "The parameter 'c' must not be null.");
        StringBuilder h = new StringBuilder(16_384);
        String title = "Comparison: " + ComparisonFacts.name(c.a()) + " vs " + ComparisonFacts.name(c.b());
        h.append("<h1>").append(Html.esc(title)).append("</h1>\n<ul class=\"meta\">\n<li>A: ")
                .append(Html.esc(ComparisonFacts.describe(c.a()))).append("</li>\n<li>B: ")
                .append(Html.esc(ComparisonFacts.describe(c.b()))).append("</li>\n</ul>\n");
        for (String w : c.warnings()) {
            h.append("<p class=\"warning\"><strong>Warning:</strong> ").append(Html.esc(w)).append("</p>\n");
        }
        h.append("<p class=\"legend\"><span class=\"a\"></span>A <span class=\"b\"></span>B</p>\n");
        h.append("<section>\n<h2>Overall</h2>\n");
        h.append(SvgBars.grouped("overall", "Accuracy, A against B", pairs(List.of(c.overall(), c.official()))));
        table(h, "", List.of(c.overall(), c.official()));
        h.append("</section>\n");
        for (Comparison.BreakdownDelta b : c.breakdowns()) {
            String name = Fmt.keyName(b.key());
            h.append("<section>\n<h2>Accuracy by ").append(Html.esc(name)).append("</h2>\n");
            h.append(SvgBars.grouped(b.key(), "Accuracy by " + name + ", A against B", pairs(b.groups())));
            table(h, name, b.groups());
            h.append("</section>\n");
        }
        ids(h, "Flipped wrong → right", c.wrongToRight());
        ids(h, "Flipped right → wrong", c.rightToWrong());
        ids(h, "Only in A", c.onlyInA());
        ids(h, "Only in B", c.onlyInB());
        return Html.page(title, h.toString());
    }

    private static List<SvgBars.Pair> pairs(List<Comparison.Delta> deltas) {
        List<SvgBars.Pair> out = new ArrayList<>();
        for (Comparison.Delta d : deltas) {
            String noteB = ComparisonFacts.side(d.correctB(), d.scoredB())
                    + (d.deltaPp() == null ? "" : " · " + Fmt.pp(d.deltaPp()));
            out.add(new SvgBars.Pair(d.value(), d.accuracyA(), ComparisonFacts.side(d.correctA(), d.scoredA()),
                    d.accuracyB(), noteB));
        }
        return out;
    }

    private static void table(StringBuilder h, String heading, List<Comparison.Delta> deltas) {
        h.append("<table>\n<thead><tr><th>").append(Html.esc(heading)).append("</th><th class=\"num\">A</th>")
                .append("<th class=\"num\">B</th><th class=\"num\">Δ</th></tr></thead>\n<tbody>\n");
        for (Comparison.Delta d : deltas) {
            h.append("<tr><td>").append(Html.esc(d.value())).append("</td><td class=\"num\">")
                    .append(Html.esc(ComparisonFacts.side(d.correctA(), d.scoredA()))).append("</td><td class=\"num\">")
                    .append(Html.esc(ComparisonFacts.side(d.correctB(), d.scoredB()))).append("</td><td class=\"num\">")
                    .append(Html.esc(Fmt.pp(d.deltaPp()))).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void ids(StringBuilder h, String heading, List<String> ids) {
        h.append("<section>\n<h2>").append(Html.esc(heading)).append(" (").append(ids.size()).append(")</h2>\n<p>")
                .append(ids.isEmpty() ? "none" : Html.esc(String.join(", ", ids))).append("</p>\n</section>\n");
    }
}
