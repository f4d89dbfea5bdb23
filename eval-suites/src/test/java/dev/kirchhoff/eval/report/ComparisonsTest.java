package dev.kirchhoff.eval.report;

import dev.kirchhoff.eval.ItemResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ComparisonsTest {

    static final RunInfo RUN_B = new RunInfo("mmcircuiteval", "kirchhoff-agent", "data/mmcircuiteval/test.jsonl",
            "mmcircuiteval/v1", "2026-11-30T02:00:00Z", "2026-11-30T02:04:00Z");

    private static final double EPS = 1e-9;

    /**
     * Run B: the fixture run with q01 now wrong, q04 and q07 now right, q22 left out and q23 (analysis) added.
     */
    static List<ItemResult> runB() {
        List<ItemResult> out = new ArrayList<>();
        for (ItemResult r : RunFixture.results()) {
            switch (r.id()) {
                case "q01" -> out.add(RunFixture.r("q01", "single", "analysis", "easy", "analog", "1", "general",
                        "scored", 0.0, false, "choice", true, "expected B; extracted A", null, 100, 100, 10, false));
                case "q04" -> out.add(RunFixture.r("q04", "multi", "analysis", "medium", "digital", "2", "general",
                        "scored", 1.0, true, "set", true, "expected A,C; extracted A,C", null, 400, 100, 20, false));
                case "q07" -> out.add(RunFixture.r("q07", "blank", "knowledge", "medium", "digital", "2", "spec",
                        "scored", 1.0, true, "blank", true, "expected flip-flop; extracted flip-flop", null, 250, 80, 5,
                        false));
                case "q22" -> { }
                default -> out.add(r);
            }
        }
        out.add(RunFixture.r("q23", "single", "analysis", "hard", "analog", "3", "general", "scored", 1.0, true,
                "choice", true, "expected A; extracted A", null, 90, 100, 10, false));
        return out;
    }

    private final Summary a = Summaries.of(RunFixture.RUN, RunFixture.results(), RunFixture.malformed());
    private final Summary b = Summaries.of(RUN_B, runB(), List.of());
    private final Comparison c = Comparisons.of(a, RunFixture.results(), b, runB());

    @Test
    void flipsAndItemsInOneRunOnlyAreListedById() {
        assertThat(c.wrongToRight()).containsExactly("q04", "q07");
        assertThat(c.rightToWrong()).containsExactly("q01");
        assertThat(c.onlyInA()).containsExactly("q22");
        assertThat(c.onlyInB()).containsExactly("q23");
    }

    @Test
    void overallAccuracyDeltaInPercentagePoints() {
        // A 10/16; B: q01 lost, q04 and q07 won, q23 added and right: 12/17
        assertThat(c.overall().correctA()).isEqualTo(10);
        assertThat(c.overall().scoredA()).isEqualTo(16);
        assertThat(c.overall().correctB()).isEqualTo(12);
        assertThat(c.overall().scoredB()).isEqualTo(17);
        assertThat(c.overall().deltaPp()).isCloseTo((12.0 / 17 - 10.0 / 16) * 100, within(EPS));
        // official: A 8/13; B 10/14
        assertThat(c.official().deltaPp()).isCloseTo((10.0 / 14 - 8.0 / 13) * 100, within(EPS));
    }

    @Test
    void abilityDeltasPerValue() {
        Comparison.BreakdownDelta ability = c.breakdown("ability").orElseThrow();
        assertThat(ability.groups()).extracting(Comparison.Delta::value)
                .containsExactly("analysis", "design", "knowledge", "reasoning", "(none)");
        Comparison.Delta analysis = ability.group("analysis").orElseThrow();
        assertThat(analysis.accuracyA()).isEqualTo(0.75);        // 3/4
        assertThat(analysis.accuracyB()).isEqualTo(0.8);         // q02, q03, q04, q23 of 5
        assertThat(analysis.deltaPp()).isCloseTo(5.0, within(EPS));
        Comparison.Delta knowledge = ability.group("knowledge").orElseThrow();
        assertThat(knowledge.accuracyA()).isEqualTo(0.5);        // 2/4
        assertThat(knowledge.accuracyB()).isEqualTo(0.75);       // 3/4, q22 was an error in A and is gone in B
        assertThat(knowledge.deltaPp()).isCloseTo(25.0, within(EPS));
        assertThat(ability.group("design").orElseThrow().deltaPp()).isCloseTo(0.0, within(EPS));
        assertThat(ability.group("(none)").orElseThrow().deltaPp()).isCloseTo(0.0, within(EPS));
    }

    @Test
    void aValueNothingWasScoredForHasNoAccuracyAndNoDelta() {
        Comparison.Delta design = c.breakdown("type").orElseThrow().group("design").orElseThrow();
        assertThat(design.scoredA()).isZero();
        assertThat(design.accuracyA()).isNull();
        assertThat(design.accuracyB()).isNull();
        assertThat(design.deltaPp()).isNull();
        Comparison.Delta level3 = c.breakdown("level").orElseThrow().group("3").orElseThrow();
        assertThat(level3.accuracyA()).isEqualTo(0.6);            // 3/5
        assertThat(level3.accuracyB()).isCloseTo(4.0 / 6, within(EPS)); // q23 adds a right answer
    }

    @Test
    void differentItemSetsAndUnofficialScoringAreWarnedAbout() {
        assertThat(c.warnings()).containsExactly(
                "The runs hold different items (1 only in A, 1 only in B); compare the per-item flips, or rerun both"
                        + " on the same filter and limit.",
                "Unofficial scoring was used (A: 3 items, B: 3 items); compare the official accuracies.");
    }

    @Test
    void differentSuitesTemplatesAndScoredSetsAreWarnedAbout() {
        List<ItemResult> resultsB = new ArrayList<>(RunFixture.results());
        // q05 was skipped in A and is scored in B
        resultsB.set(4, RunFixture.r("q05", "multi", "analysis", "hard", "digital", "3", "general", "scored", 1.0,
                true, "set", true, "expected B,D; extracted B,D", null, 300, 100, 10, false));
        RunInfo other = new RunInfo("amsbench", "m", "x", "amsbench/v2", "", "");
        Comparison d = Comparisons.of(a, RunFixture.results(), Summaries.of(other, resultsB, List.of()), resultsB);
        assertThat(d.warnings()).containsExactly(
                "The runs are of different suites (A: mmcircuiteval, B: amsbench); their accuracies measure different"
                        + " questions.",
                "1 items were scored in one run only (skipped or failed in the other): q05; the accuracies are over"
                        + " different item sets.",
                "The runs used different prompt templates (A: mmcircuiteval/v1, B: amsbench/v2).",
                "Unofficial scoring was used (A: 3 items, B: 3 items); compare the official accuracies.");
        assertThat(d.wrongToRight()).containsExactly("q05");
        assertThat(d.rightToWrong()).isEmpty();
    }

    @Test
    void aRunComparedWithItselfHasNoFlipsAndZeroDeltas() {
        Comparison same = Comparisons.of(a, RunFixture.results(), a, RunFixture.results());
        assertThat(same.wrongToRight()).isEmpty();
        assertThat(same.rightToWrong()).isEmpty();
        assertThat(same.onlyInA()).isEmpty();
        assertThat(same.onlyInB()).isEmpty();
        assertThat(same.breakdowns()).flatExtracting(Comparison.BreakdownDelta::groups)
                .allSatisfy(g -> assertThat(g.deltaPp() == null || g.deltaPp() == 0.0).as(g.value()).isTrue());
        assertThat(same.warnings()).containsExactly(
                "Unofficial scoring was used (A: 3 items, B: 3 items); compare the official accuracies.");
    }
}
