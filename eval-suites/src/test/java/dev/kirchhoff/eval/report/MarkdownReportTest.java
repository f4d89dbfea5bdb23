package dev.kirchhoff.eval.report;

import dev.kirchhoff.eval.ItemResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportTest {

    private final Summary summary = Summaries.of(RunFixture.RUN, RunFixture.results(), RunFixture.malformed());
    private final String md = MarkdownReport.render(summary, RunFixture.results());

    @Test
    void titleAndHeadlineNumbers() {
        assertThat(md).startsWith("# mmcircuiteval · openai:gpt-4o-mini\n\nInput `data/mmcircuiteval/test.jsonl`"
                + " · template `mmcircuiteval/v1` · started 2026-11-30T01:00:00Z · finished 2026-11-30T01:05:00Z\n");
        assertThat(md).contains("| Items | 22 |\n| Scored | 16 |\n| Correct | 10 |\n| Accuracy | 62.5 % (10/16) |\n"
                + "| Mean score | 0.606 |\n| Official accuracy | 61.5 % (8/13) |\n"
                + "| Scored unofficially (similarity) | 3 (3) |\n| Skipped | 3 |\n| Errors | 3 |\n| Malformed | 2 |\n"
                + "| Tokens in / out | 2390 / 646 |\n| Cache hits | 3 |\n"
                + "| Latency p50 / p95 | 300 ms / 1100 ms (17 items) |\n");
    }

    @Test
    void oneTablePerBreakdownWithItsRowsInOrder() {
        assertThat(md).contains("""
                ## Accuracy by ability

                | ability | n | scored | correct | accuracy | mean score |
                |---|---:|---:|---:|---:|---:|
                | analysis | 5 | 4 | 3 | 75.0 % | 0.750 |
                | design | 5 | 3 | 2 | 66.7 % | 0.633 |
                | knowledge | 5 | 4 | 2 | 50.0 % | 0.525 |
                | reasoning | 6 | 4 | 3 | 75.0 % | 0.675 |
                | (none) | 1 | 1 | 0 | 0.0 % | 0.000 |
                """);
        assertThat(md).contains("| design | 1 | 0 | 0 | n/a | n/a |\n");                 // question type design
        assertThat(md).contains("| 2 | 8 | 6 | 3 | 50.0 % | 0.433 |\n");                   // level 2
        assertThat(md).contains("| (none) | 1 | 1 | 1 | 100.0 % | 0.700 |\n");             // domain missing on q19
        assertThat(md).contains("| similarity | 3 | 3 | 2 | 66.7 % | 0.600 |\n");
        assertThat(md).containsSubsequence("## Accuracy by ability", "## Accuracy by difficulty",
                "## Accuracy by question type", "## Accuracy by domain", "## Accuracy by level",
                "## Accuracy by split", "## By scoring method", "## Skipped (3)", "## Errors (3)",
                "## Malformed items (2)", "## Wrong answers (6)");
    }

    @Test
    void skipReasonsErrorsAndMalformedItemsWithFileAndLine() {
        assertThat(md).contains("| image input not supported | 2 |\n| outside the agent's tools | 1 |\n");
        assertThat(md).contains("| TimeoutException | 2 | q11, q16 |\n| IOException | 1 | q22 |\n");
        assertThat(md).contains("- data/mmcircuiteval/test.jsonl:7: answers[] has 2 entries but questions[] has 3;"
                + " give one answer per question\n"
                + "- data/mmcircuiteval/test.jsonl:12: not valid JSON: unexpected end\n");
    }

    @Test
    void caveatWhenSimilarityScoringWasUsed() {
        assertThat(md).contains("> **Caveat:** 3 of 16 scored items were scored by the deterministic similarity"
                + " fallback, not the suite's official method; their accuracy is 66.7 %. Official accuracy over the"
                + " other 13 is 61.5 %. Configure a judge model to score open answers officially.\n");
    }

    @Test
    void wrongAnswersAreListedWithMarkupEscaped() {
        assertThat(md).contains("| q13 | numeric | numeric | expected 4.7 kΩ; extracted 47 kΩ | Answer for q13 |\n");
        assertThat(md).contains("| q09 | open | similarity | similarity 0.30 &lt; 0.50 | &lt;script&gt;alert('x')"
                + "&lt;/script&gt; The gain is 20 dB &amp; falls. |\n");
        assertThat(md).doesNotContain("<script");
    }

    @Test
    void aPipeOrNewlineInADetailCannotBreakTheTable() {
        ItemResult r = RunFixture.r("p1", "blank", "analysis", "easy", "analog", "1", "general", "scored", 0.0,
                false, "blank", true, "expected a|b\nextracted c", null, 5, 1, 1, false);
        String out = MarkdownReport.render(Summaries.of(RunFixture.RUN, List.of(r), List.of()), List.of(r));
        assertThat(out).contains("| p1 | blank | blank | expected a\\|b extracted c | Answer for p1 |\n");
        assertThat(out).doesNotContain("Caveat");
    }

    @Test
    void moreThanFiftyWrongAnswersAreCappedWithACountOfTheRest() {
        List<ItemResult> many = new ArrayList<>();
        for (int i = 1; i <= 53; i++) {
            many.add(RunFixture.r(String.format("w%02d", i), "single", "analysis", "easy", "analog", "1", "general",
                    "scored", 0.0, false, "choice", true, "expected A; extracted B", null, 10, 1, 1, false));
        }
        String out = MarkdownReport.render(Summaries.of(RunFixture.RUN, many, List.of()), many);
        assertThat(out).contains("| w50 | single |").doesNotContain("| w51 |");
        assertThat(out).contains("\n…and 3 more wrong answers in results.jsonl.\n");
    }
}
