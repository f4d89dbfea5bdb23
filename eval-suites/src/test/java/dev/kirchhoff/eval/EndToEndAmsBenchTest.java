package dev.kirchhoff.eval;

import dev.kirchhoff.eval.e2e.E2e;
import dev.kirchhoff.eval.e2e.Expect;
import dev.kirchhoff.eval.report.Summary;
import dev.kirchhoff.eval.run.Evaluation;
import dev.kirchhoff.eval.run.ImagePolicy;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.kirchhoff.eval.e2e.Expect.error;
import static dev.kirchhoff.eval.e2e.Expect.right;
import static dev.kirchhoff.eval.e2e.Expect.similarity;
import static dev.kirchhoff.eval.e2e.Expect.wrong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * AMSBench end to end on the team's fixture (10 items: 5 single, 2 multi, 3 open), answered from
 * {@code e2e/amsbench-answers.json} in the suite's {@code **B**} format and others, with one call refused.
 */
class EndToEndAmsBenchTest {

    private static final String SUITE = "amsbench";
    private static final Path INPUT = E2e.FIXTURES.resolve(SUITE);
    private static final String BOOK = "amsbench-answers.json";

    static final List<Expect> TABLE = List.of(
            right("amsbench/0", "choice"),   // -gm*RD worked out, then **A** (bold letter)
            wrong("amsbench/1", "choice"),   // **C** alone (degenerated mirror), reference B (cascode)
            right("amsbench/2", "choice"),   // "Answer: C" after the reasoning (source follower)
            right("amsbench/3", "set"),      // the suite's own format **AB** and nothing else (lone letters)
            right("amsbench/4", "choice"),   // "The correct option is B."
            wrong("amsbench/5", "choice"),   // 4 V / 4 = 1 V, **B**: divided by 2^2 for 3 bits, reference A (0.5 V)
            // "200 V/V" against "200": words 200 v v; F1 = 2 * (1/3 * 1) / (1/3 + 1) = 1/2, LCS-F the same; mean exactly
            // 0.5, the pass mark, so correct
            similarity("amsbench/6", 0.5),
            similarity("amsbench/7", 6.0 / 7), // "A latch (bistable cell)." 3 words, all in the 4-word reference in order
            similarity("amsbench/8", 0),       // "26 mV" for "25.9": no word in common, although the value rounds to it
            error("amsbench/9", "LlmException", 1)); // HTTP 400 (BAD_REQUEST): not retried, one call only

    @TempDir
    Path dir;

    @Test
    void everyItemIsScoredAsTheTableSaysAndTheSummaryCountsThem() throws Exception {
        E2e.Setup setup = E2e.setup(SUITE, INPUT, BOOK);
        Path run = dir.resolve("run");

        Evaluation.Outcome outcome = E2e.run(setup, ImagePolicy.YES, E2e.options(), run);

        Expect.assertResults(E2e.results(run), TABLE);
        assertThat(setup.model().calls("amsbench/9")).isOne();
        Summary s = outcome.summary();
        assertThat(s.totals().items()).isEqualTo(10);
        assertThat(s.totals().scored()).isEqualTo(9);
        assertThat(s.totals().correct()).isEqualTo(6);
        assertThat(s.totals().accuracy()).isEqualTo(6.0 / 9);
        assertThat(s.totals().meanScore()).isCloseTo((4 + 0.5 + 6.0 / 7) / 9, within(1e-12));
        assertThat(s.totals().skipped()).isZero();
        assertThat(s.totals().errors()).isEqualTo(1);
        assertThat(s.totals().errorsByClass()).containsExactly(
                new Summary.ErrorClass("LlmException", 1, List.of("amsbench/9")));
        assertThat(s.totals().malformed()).isZero();
        assertThat(s.scoring().officialScored()).isEqualTo(6);
        assertThat(s.scoring().officialCorrect()).isEqualTo(4);
        assertThat(s.scoring().similarityScored()).isEqualTo(3);
        E2e.assertBreakdown(s, "level", "easy 5 5 3", "medium 4 3 2", "hard 1 1 1");
        E2e.assertBreakdown(s, "type", "multi 2 1 1", "open 3 3 2", "single 5 5 3");
        E2e.assertRunFolder(run, E2e.ids(setup.items()), s);
    }

    @Test
    void theModelReceivesTheSuitesSystemMessageAndOptionsAsLetteredLines() throws Exception {
        E2e.Setup setup = E2e.setup(SUITE, INPUT, BOOK);
        E2e.run(setup, ImagePolicy.YES, E2e.options(), dir.resolve("run"));

        ChatRequest request = setup.model().requests().stream()
                .filter(r -> r.messages().get(1) instanceof UserMessage u
                        && ((TextContent) u.contents().get(0)).text().startsWith("The ideal 3-bit DAC"))
                .findFirst().orElseThrow();
        assertThat(((SystemMessage) request.messages().get(0)).text())
                .isEqualTo("Please answer according to the images, questions, and options provided.");
        UserMessage user = (UserMessage) request.messages().get(1);
        assertThat(((TextContent) user.contents().get(0)).text()).isEqualTo(
                "The ideal 3-bit DAC in the figure has a full-scale reference of 4 V. What is the size of one LSB?\n"
                        + "A. 0.5 V\nB. 1 V\nC. 2 V\nD. 4 V\n"
                        + "The final response format as“**<correct option letter>**”");
        assertThat(user.contents()).hasSize(2);
    }
}
