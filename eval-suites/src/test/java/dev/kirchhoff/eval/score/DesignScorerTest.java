package dev.kirchhoff.eval.score;

import dev.kirchhoff.agents.DesignPipeline;
import dev.kirchhoff.agents.DesignResult;
import dev.kirchhoff.agents.offline.OfflineEngine;
import dev.kirchhoff.agents.suite.DesignSuite;
import dev.kirchhoff.agents.suite.SuiteItem;
import dev.kirchhoff.agents.suite.SuitePaths;
import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.ItemSource;
import dev.kirchhoff.eval.QuestionType;
import dev.kirchhoff.eval.Response;
import dev.kirchhoff.eval.Score;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.retrieval.PartSearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Designs real suite prompts with the offline engine and scores them. */
class DesignScorerTest {

    private static PartSearch search;
    private static KnowledgeBase kb;
    private static DesignSuite suite;
    private static DesignPipeline pipeline;
    private static DesignScorer scorer;

    @BeforeAll
    static void open() {
        search = PartSearch.open(msg -> { });
        kb = KnowledgeBase.bundled();
        suite = DesignSuite.load(SuitePaths.suiteFile(), kb);
        pipeline = OfflineEngine.pipeline(kb, search);
        scorer = new DesignScorer(suite, kb);
    }

    @AfterAll
    static void close() throws Exception {
        if (search != null) {
            search.close();
        }
    }

    private static EvalItem item(String id) {
        SuiteItem s = suite.item(id).orElseThrow();
        return new EvalItem("design", id, QuestionType.DESIGN, "", s.prompt(), List.of(), "", List.of(), "",
                Map.of("difficulty", s.difficulty().key(), "domain", s.domain().key()),
                new ItemSource(suite.source(), s.line()));
    }

    private static Response designed(String id) {
        DesignResult r = pipeline.design(suite.item(id).orElseThrow().prompt());
        return new Response("", 0, 0, false, "", r);
    }

    @Test
    void offlineDesignsOfSuitePromptsScoreOne() {
        for (String id : List.of("uno-blink-d13", "divider-12-to-3")) {
            int expectations = suite.item(id).orElseThrow().expectations().size();
            Score s = scorer.score(item(id), designed(id));
            assertThat(s.correct()).as(id + ": " + s.detail()).isTrue();
            assertThat(s.value()).isEqualTo(1.0);
            assertThat(s.method()).isEqualTo("design");
            assertThat(s.official()).isTrue();
            assertThat(s.detail()).isEqualTo(expectations + " of " + expectations + " expectations met; validation passed");
        }
    }

    @Test
    void aDesignForAnotherPromptMissesThatItemsExpectations() {
        // the LED blinker checked against the 12 V to 3 V divider item
        Score s = scorer.score(item("divider-12-to-3"), designed("uno-blink-d13"));
        int total = suite.item("divider-12-to-3").orElseThrow().expectations().size();
        assertThat(s.correct()).isFalse();
        assertThat(s.value()).isLessThan(1.0);
        assertThat(s.detail()).contains(" of " + total + " expectations met").contains("unmet: ");
    }

    @Test
    void noDesignIsWrongAndAnUnknownIdIsBadInput() {
        Score s = scorer.score(item("uno-blink-d13"), Response.text("I would use a resistor."));
        assertThat(s).isEqualTo(Score.wrong("design", "no design was produced"));
        EvalItem stranger = new EvalItem("design", "no-such-item", QuestionType.DESIGN, "", "x", List.of(), "",
                List.of(), "", Map.of(), new ItemSource("suite.jsonl", 9));
        assertThatThrownBy(() -> scorer.score(stranger, Response.text("")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-item")
                .hasMessageContaining("suite.jsonl:9");
    }
}
