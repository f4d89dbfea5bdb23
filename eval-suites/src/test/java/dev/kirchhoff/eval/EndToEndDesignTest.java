package dev.kirchhoff.eval;

import dev.kirchhoff.agents.offline.OfflineEngine;
import dev.kirchhoff.agents.suite.DesignSuite;
import dev.kirchhoff.eval.agent.DesignSystem;
import dev.kirchhoff.eval.e2e.E2e;
import dev.kirchhoff.eval.report.Summary;
import dev.kirchhoff.eval.run.Evaluation;
import dev.kirchhoff.eval.run.ProgressListener;
import dev.kirchhoff.eval.run.RunOutcome;
import dev.kirchhoff.eval.score.DesignScorer;
import dev.kirchhoff.eval.score.Scorers;
import dev.kirchhoff.eval.suite.EvalPrompts;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.retrieval.PartSearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The design suite end to end: three prompts copied from {@code eval-suites/design/design-suite.jsonl} designed by
 * kirchhoff-agent's offline pipeline through {@link Evaluation} and scored by {@link DesignScorer}. The one class of
 * this module's end-to-end tests that opens the part index (built into the test cache on first use).
 */
class EndToEndDesignTest {

    /** Lines 2, 78 and 95 of the design suite: an embedded, an analog and a power prompt. */
    private static final List<String> IDS = List.of("uno-blink-d13", "divider-12-to-3", "lm317-9v");

    private static PartSearch search;

    @TempDir
    Path dir;

    @BeforeAll
    static void open() {
        search = PartSearch.open(msg -> { });
    }

    @AfterAll
    static void close() throws Exception {
        if (search != null) {
            search.close();
        }
    }

    @Test
    void theOfflinePipelineMeetsEveryExpectationOfThreeSuiteItems() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("design", "design-suite.jsonl"), StandardCharsets.UTF_8)
                .stream().filter(l -> IDS.stream().anyMatch(id -> l.startsWith("{\"id\": \"" + id + "\""))).toList();
        assertThat(lines).hasSize(3);
        Path suiteFile = Files.write(dir.resolve("design-suite.jsonl"), lines, StandardCharsets.UTF_8);
        KnowledgeBase kb = KnowledgeBase.bundled();
        Evaluation.Loaded loaded = Evaluation.load("design", suiteFile);
        DesignSuite suite = loaded.designSuite().orElseThrow();
        Scorers scorers = new Scorers(null, null, new DesignScorer(suite, kb));
        Path run = dir.resolve("run");

        Evaluation.Outcome outcome = Evaluation.run(loaded,
                new DesignSystem("kirchhoff-agent", OfflineEngine.pipeline(kb, search)),
                item -> scorers.forType(item.type()), new EvalPrompts(), EvalPrompts.DEFAULT_VERSION,
                E2e.options(), run, ProgressListener.NONE);

        assertThat(outcome.run()).isEqualTo(new RunOutcome(3, 0, 3, 3, 3, 0, 0, false));
        Map<String, ItemResult> results = E2e.results(run);
        assertThat(results.keySet()).containsExactlyInAnyOrderElementsOf(IDS);
        for (String id : IDS) {
            ItemResult r = results.get(id);
            int n = suite.item(id).orElseThrow().expectations().size();
            assertThat(r.status()).as(id).isEqualTo(ItemResult.SCORED);
            assertThat(r.type()).as(id).isEqualTo("design");
            assertThat(r.template()).as(id).isEqualTo("design/design.v1");
            assertThat(r.correct()).as(id + ": " + r.detail()).isTrue();
            assertThat(r.score()).as(id).isEqualTo(1.0);
            assertThat(r.method()).as(id).isEqualTo("design");
            assertThat(r.official()).as(id).isTrue();
            assertThat(n).as(id + " has expectations").isPositive();
            assertThat(r.detail()).as(id).isEqualTo(n + " of " + n + " expectations met; validation passed");
            assertThat(r.response()).as(id).contains("passed validation");
        }
        Summary s = outcome.summary();
        assertThat(s.totals().items()).isEqualTo(3);
        assertThat(s.totals().correct()).isEqualTo(3);
        assertThat(s.totals().accuracy()).isEqualTo(1.0);
        assertThat(s.totals().malformed()).isZero();
        E2e.assertBreakdown(s, "difficulty", "easy 2 2 2", "medium 1 1 1");
        E2e.assertBreakdown(s, "domain", "analog 1 1 1", "embedded 1 1 1", "power 1 1 1");
        E2e.assertRunFolder(run, IDS, s);
    }
}
