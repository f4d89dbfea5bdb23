package dev.kirchhoff.eval.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SummaryJsonTest {

    private final Summary summary = Summaries.of(RunFixture.RUN, RunFixture.results(), RunFixture.malformed());

    @Test
    void summaryJsonRoundTripsToAnEqualSummary(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(SummaryJson.FILE);
        SummaryJson.write(summary, file);
        Summary back = SummaryJson.read(file);
        assertThat(back).isEqualTo(summary);
        // the skip reasons keep their sorted order through the file
        assertThat(back.totals().skippedByReason().keySet())
                .containsExactly("image input not supported", "outside the agent's tools");
        assertThat(Files.readString(file)).isEqualTo(SummaryJson.toJson(back));
    }

    @Test
    void fieldsAreWrittenInDeclarationOrderAndPrettyPrinted() {
        String json = SummaryJson.toJson(summary);
        assertThat(json).startsWith("{\n  \"run\" : {\n    \"suite\" : \"mmcircuiteval\",");
        assertThat(json).containsSubsequence("\"run\"", "\"totals\"", "\"scoring\"", "\"breakdowns\"",
                "\"byMethod\"", "\"usage\"");
        assertThat(json).containsSubsequence("\"items\" : 22", "\"scored\" : 16", "\"correct\" : 10",
                "\"accuracy\" : 0.625", "\"meanScore\" : 0.60625", "\"skipped\" : 3");
        assertThat(json).contains("""
                      "groups" : [
                        {
                          "value" : "analysis",
                          "n" : 5,
                          "scored" : 4,
                          "correct" : 3,
                          "accuracy" : 0.75,
                          "meanScore" : 0.75
                        },
                """);
        assertThat(json).contains("""
                        "firstIds" : [
                          "q11",
                          "q16"
                        ]
                """);
        assertThat(json).contains("\"latencyP50Ms\" : 300,\n    \"latencyP95Ms\" : 1100");
        assertThat(json).isEqualTo(SummaryJson.toJson(Summaries.of(RunFixture.RUN, RunFixture.results(),
                RunFixture.malformed())));
    }

    @Test
    void aBrokenSummaryIsReportedWithFileLineAndWhatToDo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(SummaryJson.FILE);
        Files.writeString(file, "{\n  \"run\" : {\n    \"suite\" : \"x\"\n  ,,\n}\n");
        assertThatThrownBy(() -> SummaryJson.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ":4: not a valid summary")
                .hasMessageContaining("kirchhoff eval report RUN_DIR");
    }

    @Test
    void aMissingSummarySaysHowToCreateIt(@TempDir Path dir) {
        Path file = dir.resolve("nope").resolve(SummaryJson.FILE);
        assertThatThrownBy(() -> SummaryJson.read(file))
                .isInstanceOf(IOException.class)
                .hasMessage(file + " does not exist. Write it with `kirchhoff eval report RUN_DIR`, or check that the"
                        + " path is a run folder.");
    }
}
