package dev.kirchhoff.eval.report;

import dev.kirchhoff.eval.ItemResult;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a run as {@code report.md}: the headline numbers, a table per breakdown, scoring methods, skip reasons,
 * failures by class, malformed items with their file and line, and the wrong answers. Every piece of item text is
 * escaped, so a response holding markup or pipes cannot break a table. Stateless and thread-safe.
 */
public final class MarkdownReport {

    /** The file name inside a run folder. */
    public static final String FILE = "report.md";

    private MarkdownReport() {
    }

    /** The report of a run: its summary and its result lines (for the list of wrong answers). */
    public static String render(Summary summary, List<ItemResult> results) {
        Objects.requireNonNull(summary, "The parameter 'summary' must not be null.");
        Objects.requireNonNull(results, "The parameter 'results' must not be null.");
        Summary.Totals t = summary.totals();
        Summary.Scoring sc = summary.scoring();
        Summary.Usage u = summary.usage();
        RunInfo run = summary.run();
        StringBuilder md = new StringBuilder(8192);
        md.append("# ").append(Fmt.md(ReportFacts.title(summary))).append("\n\n");
        md.append("Input `").append(Fmt.md(run.input())).append("` · template `").append(Fmt.md(run.template()))
                .append("` · started ").append(Fmt.md(run.startedAt())).append(" · finished ")
                .append(Fmt.md(run.finishedAt())).append("\n\n");

        md.append("| | |\n|---|---:|\n");
        row(md, "Items", String.valueOf(t.items()));
        row(md, "Scored", String.valueOf(t.scored()));
        row(md, "Correct", String.valueOf(t.correct()));
        row(md, "Accuracy", ReportFacts.accuracyWithCounts(t.correct(), t.scored()));
        row(md, "Mean score", Fmt.score(t.meanScore()));
        row(md, "Official accuracy", ReportFacts.accuracyWithCounts(sc.officialCorrect(), sc.officialScored()));
        row(md, "Scored unofficially (similarity)", sc.unofficialScored() + " (" + sc.similarityScored() + ")");
        row(md, "Skipped", String.valueOf(t.skipped()));
        row(md, "Errors", String.valueOf(t.errors()));
        row(md, "Malformed", String.valueOf(t.malformed()));
        row(md, "Tokens in / out", u.inputTokens() + " / " + u.outputTokens());
        row(md, "Cache hits", String.valueOf(u.cacheHits()));
        row(md, "Latency p50 / p95", u.latencyP50Ms() + " ms / " + u.latencyP95Ms() + " ms (" + u.latencySamples()
                + " items)");
        md.append('\n');
        ReportFacts.caveat(summary).ifPresent(c -> md.append("> **Caveat:** ").append(Fmt.md(c)).append("\n\n"));

        for (Summary.Breakdown b : summary.breakdowns()) {
            md.append("## Accuracy by ").append(Fmt.keyName(b.key())).append("\n\n");
            groupTable(md, Fmt.keyName(b.key()), b.groups());
        }
        if (!summary.byMethod().isEmpty()) {
            md.append("## By scoring method\n\n");
            groupTable(md, "method", summary.byMethod());
        }
        if (t.skipped() > 0) {
            md.append("## Skipped (").append(t.skipped()).append(")\n\n| reason | items |\n|---|---:|\n");
            t.skippedByReason().entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> md.append("| ").append(Fmt.md(e.getKey())).append(" | ").append(e.getValue())
                            .append(" |\n"));
            md.append('\n');
        }
        if (t.errors() > 0) {
            md.append("## Errors (").append(t.errors()).append(")\n\n")
                    .append("| class | items | first items |\n|---|---:|---|\n");
            for (Summary.ErrorClass e : t.errorsByClass()) {
                md.append("| ").append(Fmt.md(e.type())).append(" | ").append(e.count()).append(" | ")
                        .append(Fmt.md(String.join(", ", e.firstIds()))).append(" |\n");
            }
            md.append('\n');
        }
        if (t.malformed() > 0) {
            md.append("## Malformed items (").append(t.malformed()).append(")\n\n");
            t.malformedEntries().forEach(m -> md.append("- ").append(Fmt.md(m)).append('\n'));
            md.append('\n');
        }
        List<ItemResult> wrong = ReportFacts.wrong(results);
        if (!wrong.isEmpty()) {
            md.append("## Wrong answers (").append(wrong.size()).append(")\n\n")
                    .append("| id | type | method | expected vs extracted | response |\n|---|---|---|---|---|\n");
            wrong.stream().limit(ReportFacts.WRONG_ITEMS_SHOWN).forEach(r -> md.append("| ").append(Fmt.md(r.id()))
                    .append(" | ").append(Fmt.md(r.type())).append(" | ").append(Fmt.md(r.method())).append(" | ")
                    .append(Fmt.md(r.detail())).append(" | ")
                    .append(Fmt.md(Fmt.excerpt(r.response(), ReportFacts.RESPONSE_CHARS))).append(" |\n"));
            if (wrong.size() > ReportFacts.WRONG_ITEMS_SHOWN) {
                md.append("\n…and ").append(wrong.size() - ReportFacts.WRONG_ITEMS_SHOWN)
                        .append(" more wrong answers in results.jsonl.\n");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    /** One table row per group: value, n, scored, correct, accuracy, mean score. */
    static void groupTable(StringBuilder md, String heading, List<Summary.Group> groups) {
        md.append("| ").append(heading).append(" | n | scored | correct | accuracy | mean score |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        for (Summary.Group g : groups) {
            md.append("| ").append(Fmt.md(g.value())).append(" | ").append(g.n()).append(" | ").append(g.scored())
                    .append(" | ").append(g.correct()).append(" | ").append(Fmt.accuracy(g.correct(), g.scored()))
                    .append(" | ").append(g.scored() == 0 ? Fmt.NA : Fmt.score(g.meanScore())).append(" |\n");
        }
        md.append('\n');
    }
}
