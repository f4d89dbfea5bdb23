package dev.kirchhoff.eval.report;

import java.util.List;
import java.util.Objects;

/**
 * Renders a {@link Comparison} as {@code compare.md}: warnings first, then accuracy of A, of B and the difference
 * per breakdown value, then the flipped items and the items only one run has. Stateless and thread-safe.
 */
public final class ComparisonMarkdown {

    /** The file name the comparison is written to. */
    public static final String FILE = "compare.md";

    private ComparisonMarkdown() {
    }

    public static String render(Comparison c) {
        Objects.requireNonNull(c, "The parameter 'c' must not be null.");
        StringBuilder md = new StringBuilder(8192);
        md.append("# Comparison: ").append(Fmt.md(ComparisonFacts.name(c.a()))).append(" vs ")
                .append(Fmt.md(ComparisonFacts.name(c.b()))).append("\n\n");
        md.append("- A: ").append(Fmt.md(ComparisonFacts.describe(c.a()))).append('\n');
        md.append("- B: ").append(Fmt.md(ComparisonFacts.describe(c.b()))).append("\n\n");
        for (String w : c.warnings()) {
            md.append("> **Warning:** ").append(Fmt.md(w)).append("\n\n");
        }
        md.append("| | A | B | Δ |\n|---|---:|---:|---:|\n");
        row(md, "Accuracy", c.overall());
        row(md, "Official accuracy", c.official());
        md.append('\n');
        for (Comparison.BreakdownDelta b : c.breakdowns()) {
            md.append("## Accuracy by ").append(Fmt.keyName(b.key())).append("\n\n| ")
                    .append(Fmt.keyName(b.key())).append(" | A | B | Δ |\n|---|---:|---:|---:|\n");
            b.groups().forEach(d -> row(md, Fmt.md(d.value()), d));
            md.append('\n');
        }
        ids(md, "Flipped wrong → right", c.wrongToRight());
        ids(md, "Flipped right → wrong", c.rightToWrong());
        ids(md, "Only in A", c.onlyInA());
        ids(md, "Only in B", c.onlyInB());
        return md.toString();
    }

    private static void row(StringBuilder md, String name, Comparison.Delta d) {
        md.append("| ").append(name).append(" | ").append(ComparisonFacts.side(d.correctA(), d.scoredA()))
                .append(" | ").append(ComparisonFacts.side(d.correctB(), d.scoredB())).append(" | ")
                .append(Fmt.pp(d.deltaPp())).append(" |\n");
    }

    private static void ids(StringBuilder md, String heading, List<String> ids) {
        md.append("## ").append(heading).append(" (").append(ids.size()).append(")\n\n");
        md.append(ids.isEmpty() ? "none" : Fmt.md(String.join(", ", ids))).append("\n\n");
    }
}
