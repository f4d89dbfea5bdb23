package dev.kirchhoff.eval.report;

import dev.kirchhoff.eval.ItemResult;
import dev.kirchhoff.eval.Malformed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Writes a run's {@code summary.json}, {@code report.md} and {@code report.html}, or a comparison's
 * {@code compare.md} and {@code compare.html}. Everything is rendered before anything is written, and each file
 * goes to a temporary file in the same folder and is then moved into place, so an interrupted write leaves the
 * previous report or the new one, never half of one. Stateless and thread-safe; two writers on one folder race,
 * but each file stays whole.
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** Summarises a run and writes its three report files into {@code runDir}; returns the summary. */
    public static Summary write(Path runDir, RunInfo run, List<ItemResult> results, List<Malformed> malformed)
            throws IOException {
        Objects.requireNonNull(runDir, "The parameter 'runDir' must not be null.");
        Summary summary = Summaries.of(run, results, malformed);
        String json = SummaryJson.toJson(summary);
        String md = MarkdownReport.render(summary, results);
        String html = HtmlReport.render(summary, results);
        checkFolder(runDir);
        AtomicFiles.write(runDir.resolve(SummaryJson.FILE), json);
        AtomicFiles.write(runDir.resolve(MarkdownReport.FILE), md);
        AtomicFiles.write(runDir.resolve(HtmlReport.FILE), html);
        return summary;
    }

    /** Compares two runs and writes {@code compare.md} and {@code compare.html} into {@code outDir}. */
    public static Comparison writeComparison(Path outDir, Summary a, List<ItemResult> resultsA, Summary b,
                                             List<ItemResult> resultsB) throws IOException {
        Objects.requireNonNull(outDir, "The parameter 'outDir' must not be null.");
        Comparison c = Comparisons.of(a, resultsA, b, resultsB);
        String md = ComparisonMarkdown.render(c);
        String html = ComparisonHtml.render(c);
        checkFolder(outDir);
        AtomicFiles.write(outDir.resolve(ComparisonMarkdown.FILE), md);
        AtomicFiles.write(outDir.resolve(ComparisonHtml.FILE), html);
        return c;
    }

    private static void checkFolder(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(dir + " is a file, not a run folder. Pass the folder that holds results.jsonl.");
        }
        Files.createDirectories(dir);
    }
}
