package dev.kirchhoff.eval.report;

import dev.kirchhoff.eval.ItemResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a run as {@code report.html}: one self-contained page (inline style sheet and SVG charts, no script, no
 * external font, image or link) that opens offline in any browser, reads in light and dark mode and prints. Charts:
 * item status counts, and accuracy by each breakdown label the items carry on a 0–100 % axis. Every piece of item
 * text is escaped. The markup is well-formed XML. Stateless and thread-safe.
 */
public final class HtmlReport {

    /** The file name inside a run folder. */
    public static final String FILE = "report.html";

    private HtmlReport() {
    }

    /** The report of a run: its summary and its result lines (for the list of wrong answers). */
    public static String render(Summary summary, List<ItemResult> results) {
        Objects.requireNonNull(summary, "The parameter 'summary' must not be null.");
        Objects.requireNonNull(results, "The parameter 'results' must not be null.");
        Summary.Totals t = summary.totals();
        Summary.Scoring sc = summary.scoring();
        Summary.Usage u = summary.usage();
        RunInfo run = summary.run();
        StringBuilder h = new StringBuilder(32_768);
        h.append("<h1>").append(Html.esc(ReportFacts.title(summary))).append("</h1>\n");
        h.append("<p class=\"meta\">Input <code>").append(Html.esc(run.input())).append("</code> · template <code>")
                .append(Html.esc(run.template())).append("</code> · started ").append(Html.esc(run.startedAt()))
                .append(" · finished ").append(Html.esc(run.finishedAt())).append("</p>\n");

        h.append("<dl class=\"numbers\">\n");
        number(h, "Accuracy", ReportFacts.accuracyWithCounts(t.correct(), t.scored()));
        number(h, "Official accuracy", ReportFacts.accuracyWithCounts(sc.officialCorrect(), sc.officialScored()));
        number(h, "Mean score", Fmt.score(t.meanScore()));
        number(h, "Items", String.valueOf(t.items()));
        number(h, "Scored", String.valueOf(t.scored()));
        number(h, "Scored unofficially", String.valueOf(sc.unofficialScored()));
        number(h, "Skipped", String.valueOf(t.skipped()));
        number(h, "Errors", String.valueOf(t.errors()));
        number(h, "Malformed", String.valueOf(t.malformed()));
        number(h, "Tokens in / out", u.inputTokens() + " / " + u.outputTokens());
        number(h, "Cache hits", String.valueOf(u.cacheHits()));
        number(h, "Latency p50 / p95", u.latencyP50Ms() + " / " + u.latencyP95Ms() + " ms");
        h.append("</dl>\n");
        ReportFacts.caveat(summary).ifPresent(c -> h.append("<p class=\"caveat\"><strong>Caveat:</strong> ")
                .append(Html.esc(c)).append("</p>\n"));

        h.append("<section>\n<h2>Status</h2>\n").append(statusChart(t)).append("</section>\n");
        for (Summary.Breakdown b : summary.breakdowns()) {
            String name = Fmt.keyName(b.key());
            h.append("<section>\n<h2>Accuracy by ").append(Html.esc(name)).append("</h2>\n");
            h.append(SvgBars.horizontal(b.key(), "Accuracy by " + name, accuracyBars(b.groups()),
                    SvgBars.PERCENT_TICKS));
            groupTable(h, name, b.groups());
            h.append("</section>\n");
        }
        if (!summary.byMethod().isEmpty()) {
            h.append("<section>\n<h2>By scoring method</h2>\n");
            groupTable(h, "method", summary.byMethod());
            h.append("</section>\n");
        }
        if (t.skipped() > 0) {
            h.append("<section>\n<h2>Skipped (").append(t.skipped()).append(")</h2>\n<table>\n<thead><tr>")
                    .append("<th>reason</th><th class=\"num\">items</th></tr></thead>\n<tbody>\n");
            t.skippedByReason().entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> h.append("<tr><td class=\"text\">").append(Html.esc(e.getKey()))
                            .append("</td><td class=\"num\">").append(e.getValue()).append("</td></tr>\n"));
            h.append("</tbody>\n</table>\n</section>\n");
        }
        if (t.errors() > 0) {
            h.append("<section>\n<h2>Errors (").append(t.errors()).append(")</h2>\n<table>\n<thead><tr>")
                    .append("<th>class</th><th class=\"num\">items</th><th>first items</th></tr></thead>\n<tbody>\n");
            for (Summary.ErrorClass e : t.errorsByClass()) {
                h.append("<tr><td>").append(Html.esc(e.type())).append("</td><td class=\"num\">").append(e.count())
                        .append("</td><td class=\"text\">").append(Html.esc(String.join(", ", e.firstIds())))
                        .append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n</section>\n");
        }
        if (t.malformed() > 0) {
            h.append("<section>\n<h2>Malformed items (").append(t.malformed()).append(")</h2>\n<ul>\n");
            t.malformedEntries().forEach(m -> h.append("<li><code>").append(Html.esc(m)).append("</code></li>\n"));
            h.append("</ul>\n</section>\n");
        }
        List<ItemResult> wrong = ReportFacts.wrong(results);
        if (!wrong.isEmpty()) {
            h.append("<section>\n<h2>Wrong answers (").append(wrong.size()).append(")</h2>\n<table class=\"wrong\">\n")
                    .append("<thead><tr><th>id</th><th>type</th><th>method</th><th>expected vs extracted</th>")
                    .append("<th>response</th></tr></thead>\n<tbody>\n");
            wrong.stream().limit(ReportFacts.WRONG_ITEMS_SHOWN).forEach(r -> h.append("<tr><td><code>")
                    .append(Html.esc(r.id())).append("</code></td><td>").append(Html.esc(r.type()))
                    .append("</td><td>").append(Html.esc(r.method())).append("</td><td class=\"text\">")
                    .append(Html.esc(r.detail())).append("</td><td class=\"text\">")
                    .append(Html.esc(Fmt.excerpt(r.response(), ReportFacts.RESPONSE_CHARS))).append("</td></tr>\n"));
            h.append("</tbody>\n</table>\n");
            if (wrong.size() > ReportFacts.WRONG_ITEMS_SHOWN) {
                h.append("<p class=\"muted\">…and ").append(wrong.size() - ReportFacts.WRONG_ITEMS_SHOWN)
                        .append(" more wrong answers in results.jsonl.</p>\n");
            }
            h.append("</section>\n");
        }
        return Html.page(ReportFacts.title(summary), h.toString());
    }

    /** One bar per group: its accuracy, or no bar when none of its items was scored. */
    static List<SvgBars.Bar> accuracyBars(List<Summary.Group> groups) {
        List<SvgBars.Bar> bars = new ArrayList<>();
        for (Summary.Group g : groups) {
            Double fraction = g.scored() == 0 ? null : g.accuracy();
            String note = Fmt.accuracy(g.correct(), g.scored()) + " · " + g.correct() + "/" + g.scored()
                    + " scored · n=" + g.n();
            bars.add(new SvgBars.Bar(g.value(), fraction, note, "bar"));
        }
        return bars;
    }

    private static String statusChart(Summary.Totals t) {
        int wrong = t.scored() - t.correct();
        List<SvgBars.Bar> bars = List.of(
                statusBar("scored correct", t.correct(), t.items(), "status-correct"),
                statusBar("scored wrong", wrong, t.items(), "status-wrong"),
                statusBar("skipped", t.skipped(), t.items(), "status-skipped"),
                statusBar("error", t.errors(), t.items(), "status-error"));
        return SvgBars.horizontal("status", "Items by status", bars, List.of("0", String.valueOf(t.items())));
    }

    private static SvgBars.Bar statusBar(String label, int count, int items, String cssClass) {
        return new SvgBars.Bar(label, Summaries.ratio(count, items), count + " of " + items, cssClass);
    }

    private static void number(StringBuilder h, String name, String value) {
        h.append("<div><dt>").append(Html.esc(name)).append("</dt><dd>").append(Html.esc(value))
                .append("</dd></div>\n");
    }

    private static void groupTable(StringBuilder h, String heading, List<Summary.Group> groups) {
        h.append("<table>\n<thead><tr><th>").append(Html.esc(heading)).append("</th><th class=\"num\">n</th>")
                .append("<th class=\"num\">scored</th><th class=\"num\">correct</th><th class=\"num\">accuracy</th>")
                .append("<th class=\"num\">mean score</th></tr></thead>\n<tbody>\n");
        for (Summary.Group g : groups) {
            h.append("<tr><td>").append(Html.esc(g.value())).append("</td><td class=\"num\">").append(g.n())
                    .append("</td><td class=\"num\">").append(g.scored()).append("</td><td class=\"num\">")
                    .append(g.correct()).append("</td><td class=\"num\">")
                    .append(Fmt.accuracy(g.correct(), g.scored())).append("</td><td class=\"num\">")
                    .append(g.scored() == 0 ? Fmt.NA : Fmt.score(g.meanScore())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }
}
