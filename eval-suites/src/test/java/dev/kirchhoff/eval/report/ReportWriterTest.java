package dev.kirchhoff.eval.report;

import dev.kirchhoff.eval.ItemResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportWriterTest {

    @Test
    void writesTheThreeReportFilesAndLeavesNoTemporaryFile(@TempDir Path run) throws IOException {
        Files.writeString(run.resolve(HtmlReport.FILE), "old half-written report");
        Summary summary = ReportWriter.write(run, RunFixture.RUN, RunFixture.results(), RunFixture.malformed());

        assertThat(listing(run)).containsExactly("report.html", "report.md", "summary.json");
        assertThat(SummaryJson.read(run.resolve(SummaryJson.FILE))).isEqualTo(summary);
        assertThat(Files.readString(run.resolve(MarkdownReport.FILE)))
                .isEqualTo(MarkdownReport.render(summary, RunFixture.results()));
        assertThat(Files.readString(run.resolve(HtmlReport.FILE)))
                .isEqualTo(HtmlReport.render(summary, RunFixture.results()));
        if (Boolean.getBoolean("report.preview")) {
            // -Dreport.preview=true keeps a copy to open in a browser while working on the layout
            Path preview = Path.of(System.getProperty("java.io.tmpdir"), "kirchhoff-report-preview");
            ReportWriter.write(preview, RunFixture.RUN, RunFixture.results(), RunFixture.malformed());
            List<ItemResult> b = ComparisonsTest.runB();
            ReportWriter.writeComparison(preview, summary, RunFixture.results(),
                    Summaries.of(ComparisonsTest.RUN_B, b, List.of()), b);
        }
    }

    @Test
    void writesTheComparisonFiles(@TempDir Path out) throws IOException {
        Summary a = Summaries.of(RunFixture.RUN, RunFixture.results(), RunFixture.malformed());
        List<ItemResult> resultsB = ComparisonsTest.runB();
        Summary b = Summaries.of(ComparisonsTest.RUN_B, resultsB, List.of());
        Comparison c = ReportWriter.writeComparison(out.resolve("a-vs-b"), a, RunFixture.results(), b, resultsB);

        assertThat(listing(out.resolve("a-vs-b"))).containsExactly("compare.html", "compare.md");
        assertThat(Files.readString(out.resolve("a-vs-b").resolve(ComparisonMarkdown.FILE)))
                .isEqualTo(ComparisonMarkdown.render(c));
    }

    @Test
    void aFileInPlaceOfTheRunFolderIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("results.jsonl"), "{}\n");
        assertThatThrownBy(() -> ReportWriter.write(notAFolder, RunFixture.RUN, RunFixture.results(), List.of()))
                .isInstanceOf(IOException.class)
                .hasMessage(notAFolder + " is a file, not a run folder. Pass the folder that holds results.jsonl.");
        assertThat(listing(dir)).containsExactly("results.jsonl");
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
