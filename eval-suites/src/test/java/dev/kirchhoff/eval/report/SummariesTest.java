package dev.kirchhoff.eval.report;

import dev.kirchhoff.eval.ItemResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SummariesTest {

    private static final double EPS = 1e-12;

    private final Summary summary = Summaries.of(RunFixture.RUN, RunFixture.results(), RunFixture.malformed());

    @Test
    void totalsCountEveryStatusOfTheHandmadeRun() {
        Summary.Totals t = summary.totals();
        assertThat(t.items()).isEqualTo(22);
        assertThat(t.scored()).isEqualTo(16);
        assertThat(t.correct()).isEqualTo(10);
        assertThat(t.accuracy()).isCloseTo(10.0 / 16, within(EPS));
        // 1+1+1+0 +1+0+0.8+0.3 +0.9+1+0 +1+0+1+0.7 +0 = 9.7 over 16 scored items
        assertThat(t.meanScore()).isCloseTo(9.7 / 16, within(EPS));
        assertThat(t.skipped()).isEqualTo(3);
        assertThat(t.skippedByReason()).containsExactly(
                Map.entry("image input not supported", 2), Map.entry("outside the agent's tools", 1));
        assertThat(t.errors()).isEqualTo(3);
        assertThat(t.errorsByClass()).containsExactly(
                new Summary.ErrorClass("TimeoutException", 2, List.of("q11", "q16")),
                new Summary.ErrorClass("IOException", 1, List.of("q22")));
        assertThat(t.malformed()).isEqualTo(2);
        assertThat(t.malformedEntries()).containsExactly(
                "data/mmcircuiteval/test.jsonl:7: answers[] has 2 entries but questions[] has 3; give one answer per"
                        + " question",
                "data/mmcircuiteval/test.jsonl:12: not valid JSON: unexpected end");
    }

    @Test
    void officialAndSimilarityScoringAreCountedApart() {
        Summary.Scoring s = summary.scoring();
        assertThat(s.officialScored()).isEqualTo(13);
        assertThat(s.officialCorrect()).isEqualTo(8);
        assertThat(s.officialAccuracy()).isCloseTo(8.0 / 13, within(EPS));
        assertThat(s.unofficialScored()).isEqualTo(3);      // q08, q09, q19
        assertThat(s.unofficialCorrect()).isEqualTo(2);     // q08, q19
        assertThat(s.unofficialAccuracy()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(s.similarityScored()).isEqualTo(3);
    }

    @Test
    void everyBreakdownKeyIsPresentInContractOrder() {
        assertThat(summary.breakdowns()).extracting(Summary.Breakdown::key)
                .containsExactly("ability", "difficulty", "type", "domain", "level", "split");
    }

    @Test
    void abilityGroupsAreSortedWithItemsLackingTheLabelUnderNoneLast() {
        assertGroups("ability",
                new Summary.Group("analysis", 5, 4, 3, 0.75, 0.75),
                new Summary.Group("design", 5, 3, 2, 2.0 / 3, 1.9 / 3),
                new Summary.Group("knowledge", 5, 4, 2, 0.5, 2.1 / 4),
                new Summary.Group("reasoning", 6, 4, 3, 0.75, 2.7 / 4),
                new Summary.Group("(none)", 1, 1, 0, 0.0, 0.0));
    }

    @Test
    void difficultyGroupsInRankOrder() {
        assertGroups("difficulty",
                new Summary.Group("easy", 7, 6, 4, 4.0 / 6, 4.0 / 6),
                new Summary.Group("medium", 7, 5, 3, 0.6, 2.6 / 5),
                new Summary.Group("hard", 8, 5, 3, 0.6, 3.1 / 5));
    }

    @Test
    void questionTypeGroupsIncludeATypeWithNothingScored() {
        assertGroups("type",
                new Summary.Group("blank", 2, 2, 1, 0.5, 0.5),
                new Summary.Group("design", 1, 0, 0, 0.0, 0.0),
                new Summary.Group("multi", 2, 1, 0, 0.0, 0.0),
                new Summary.Group("numeric", 2, 2, 1, 0.5, 0.5),
                new Summary.Group("open", 5, 4, 3, 0.75, 2.7 / 4),
                new Summary.Group("single", 7, 5, 4, 0.8, 0.8),
                new Summary.Group("symbolic", 3, 2, 1, 0.5, 0.5));
    }

    @Test
    void domainLevelAndSplitGroups() {
        assertGroups("domain",
                new Summary.Group("analog", 11, 8, 6, 0.75, 0.75),
                new Summary.Group("digital", 8, 5, 2, 0.4, 0.4),
                new Summary.Group("mixed", 2, 2, 1, 0.5, 0.5),
                new Summary.Group("(none)", 1, 1, 1, 1.0, 0.7));
        assertGroups("level",
                new Summary.Group("1", 6, 5, 4, 0.8, 0.8),
                new Summary.Group("2", 8, 6, 3, 0.5, 2.6 / 6),
                new Summary.Group("3", 8, 5, 3, 0.6, 3.1 / 5));
        assertGroups("split",
                new Summary.Group("backend", 6, 4, 3, 0.75, 2.7 / 4),
                new Summary.Group("frontend", 5, 3, 2, 2.0 / 3, 1.9 / 3),
                new Summary.Group("general", 6, 5, 3, 0.6, 0.6),
                new Summary.Group("spec", 5, 4, 2, 0.5, 2.1 / 4));
    }

    @Test
    void scoredItemsAreGroupedByMethod() {
        assertThat(summary.byMethod()).extracting(Summary.Group::value, Summary.Group::n, Summary.Group::correct)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("blank", 2, 1),
                        org.assertj.core.groups.Tuple.tuple("choice", 5, 4),
                        org.assertj.core.groups.Tuple.tuple("llm-judge", 1, 1),
                        org.assertj.core.groups.Tuple.tuple("numeric", 2, 1),
                        org.assertj.core.groups.Tuple.tuple("set", 1, 0),
                        org.assertj.core.groups.Tuple.tuple("similarity", 3, 2),
                        org.assertj.core.groups.Tuple.tuple("symbolic", 2, 1));
        assertThat(summary.byMethod().get(5).meanScore()).isCloseTo(1.8 / 3, within(EPS));
    }

    @Test
    void usageSumsTokensAndTakesNearestRankLatencyOverScoredAndSkippedItems() {
        Summary.Usage u = summary.usage();
        assertThat(u.inputTokens()).isEqualTo(2390);
        assertThat(u.outputTokens()).isEqualTo(646);
        assertThat(u.cacheHits()).isEqualTo(3);
        // 16 scored + q18 skipped at 50 ms; q05/q21 have no latency, q11's 60 s timeout is an error and left out
        assertThat(u.latencySamples()).isEqualTo(17);
        assertThat(u.latencyP50Ms()).isEqualTo(300);   // 9th of 17
        assertThat(u.latencyP95Ms()).isEqualTo(1100);  // 17th of 17
    }

    @Test
    void nearestRankPercentileOnExactRanks() {
        long[] twenty = new long[20];
        for (int i = 0; i < 20; i++) {
            twenty[i] = (i + 1) * 10L;
        }
        assertThat(Summaries.percentile(twenty, 50)).isEqualTo(100);   // rank 10
        assertThat(Summaries.percentile(twenty, 95)).isEqualTo(190);   // rank 19, not 20
        assertThat(Summaries.percentile(new long[] {42}, 95)).isEqualTo(42);
        assertThat(Summaries.percentile(new long[0], 50)).isZero();
    }

    @Test
    void aLabelNoItemCarriesGetsNoBreakdownAndNoNoneGroup() {
        ItemResult a = new ItemResult("s", "a", "m", "scored", "single", Map.of(), "", "A", 1, true, "choice", true,
                "", null, 1, 10, 0, 0, false, "");
        ItemResult b = new ItemResult("s", "b", "m", "skipped", "open", Map.of("split", " "), "", "", 0, false, "",
                false, "needs an image", null, 1, 0, 0, 0, false, "");
        Summary s = Summaries.of(RunFixture.RUN, List.of(a, b), List.of());
        assertThat(s.breakdowns()).extracting(Summary.Breakdown::key).containsExactly("type");
        assertThat(s.breakdown("type").orElseThrow().groups()).extracting(Summary.Group::value)
                .containsExactly("open", "single");
        assertThat(s.totals().malformed()).isZero();
        assertThat(s.scoring().unofficialScored()).isZero();
    }

    @Test
    void anItemRetriedAfterAResumeCountsOnceWithItsLastLine() {
        List<ItemResult> lines = new java.util.ArrayList<>(RunFixture.results());
        // q11 failed with a timeout, then the resumed run answered it correctly and appended a second line
        lines.add(RunFixture.r("q11", "open", "design", "hard", "analog", "3", "frontend", "scored", 1.0, true,
                "llm-judge", true, "judge 10/10", null, 650, 300, 120, false));
        Summary s = Summaries.of(RunFixture.RUN, lines, RunFixture.malformed());
        assertThat(s.totals().items()).isEqualTo(22);
        assertThat(s.totals().scored()).isEqualTo(17);
        assertThat(s.totals().correct()).isEqualTo(11);
        assertThat(s.totals().errorsByClass()).containsExactly(
                new Summary.ErrorClass("IOException", 1, List.of("q22")),
                new Summary.ErrorClass("TimeoutException", 1, List.of("q16")));
        assertThat(s.breakdown("ability").orElseThrow().group("design").orElseThrow())
                .extracting(Summary.Group::n, Summary.Group::scored, Summary.Group::correct)
                .containsExactly(5, 4, 3);
        assertThat(Summaries.latestPerId(lines)).extracting(ItemResult::id).doesNotHaveDuplicates().hasSize(22)
                .element(10).isEqualTo("q11");
    }

    @Test
    void anEmptyRunHasZeroAccuracyInsteadOfNaN() {
        Summary s = Summaries.of(RunFixture.RUN, List.of(), List.of());
        assertThat(s.totals().accuracy()).isZero();
        assertThat(s.totals().meanScore()).isZero();
        assertThat(s.breakdowns()).isEmpty();
        assertThat(s.usage().latencyP95Ms()).isZero();
    }

    @Test
    void levelValuesSortByNumberNotByText() {
        List<String> values = new java.util.ArrayList<>(List.of("10", "(none)", "2", "1", "level 10", "level 9"));
        values.sort(NaturalOrder.INSTANCE);
        assertThat(values).containsExactly("1", "2", "10", "level 9", "level 10", "(none)");
    }

    private List<Summary.Group> groups(String key) {
        return summary.breakdown(key).orElseThrow().groups();
    }

    private void assertGroups(String key, Summary.Group... expected) {
        List<Summary.Group> actual = groups(key);
        assertThat(actual).extracting(Summary.Group::value)
                .containsExactly(java.util.Arrays.stream(expected).map(Summary.Group::value).toArray(String[]::new));
        for (int i = 0; i < expected.length; i++) {
            Summary.Group e = expected[i];
            Summary.Group a = actual.get(i);
            assertThat(List.of(a.n(), a.scored(), a.correct())).as(key + "=" + e.value())
                    .containsExactly(e.n(), e.scored(), e.correct());
            assertThat(a.accuracy()).as(key + "=" + e.value() + " accuracy").isCloseTo(e.accuracy(), within(EPS));
            assertThat(a.meanScore()).as(key + "=" + e.value() + " mean").isCloseTo(e.meanScore(), within(EPS));
        }
    }
}
