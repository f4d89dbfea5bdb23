package dev.kirchhoff.eval;

import dev.kirchhoff.eval.e2e.E2e;
import dev.kirchhoff.eval.run.Evaluation;
import dev.kirchhoff.eval.score.Scorers;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Realistic answers to the team's fixture items that the scorers once got wrong (found by the end-to-end tests): a
 * blank answered with the unit printed after the blank, AMSBench's bold multi-letter answer after reasoning, and a
 * CircuitSense numeric answer whose tag is followed by more text.
 */
class EndToEndAnswerFormatsTest {

    private static final Scorers SCORERS = new Scorers(null, null, null);

    private static EvalItem item(String suite, Path input, String id) throws Exception {
        return Evaluation.load(suite, input).result().items().stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow();
    }

    private static Score score(EvalItem item, String response) throws Exception {
        return SCORERS.score(item, Response.text(response));
    }

    @Test
    void aBlankAnsweredWithTheUnitPrintedAfterTheBlankIsRight() throws Exception {
        // "Two 10 kΩ resistors in parallel have an equivalent resistance of ____ kΩ." reference "5"
        EvalItem item = item("mmcircuiteval", E2e.FIXTURES.resolve("mmcircuiteval"), "general/0#1");
        Score s = score(item, "{\"answer\": \"5 kΩ\", \"explanation\": \"10 kΩ ∥ 10 kΩ = 5 kΩ.\"}");
        assertThat(s.correct()).as(s.detail()).isTrue();
    }

    @Test
    void aBlankInMilliampsAnsweredInMilliampsIsRight() throws Exception {
        // "The base current needed for IC = 10 mA is ____ mA." reference "0.1"
        EvalItem item = item("mmcircuiteval", E2e.FIXTURES.resolve("mmcircuiteval"), "spec/1#0");
        Score s = score(item, "{\"answer\": \"0.1 mA\", \"explanation\": \"IB = IC / hFE = 10 mA / 100.\"}");
        assertThat(s.correct()).as(s.detail()).isTrue();
    }

    @Test
    void theAmsBenchMultiFormatAfterReasoningIsRead() throws Exception {
        // the template asks for "**<correct option letters>**, for example **AC**"; reference AB
        EvalItem item = item("amsbench", E2e.FIXTURES.resolve("amsbench"), "amsbench/3");
        Score s = score(item, "Offset falls with the square root of the gate area, and a common-centroid layout "
                + "cancels gradients across the pair.\n\n**AB**");
        assertThat(s.detail()).startsWith("answered A, B");
        assertThat(s.correct()).as(s.detail()).isTrue();
    }

    @Test
    void aCircuitSenseNumericAnswerIsTheValueInsideTheAnswerTag() throws Exception {
        // the numeric template says: "End your response with the final value and its unit alone inside <answer>"
        EvalItem item = item("circuitsense", E2e.FIXTURES.resolve("circuitsense"), "Passive/Level1/q7");
        Score s = score(item, "R2 and R3 in parallel are 1.2 kΩ, so U0 = 12 V * 1.2 / 2.2 = 6.545 V.\n\n"
                + "<answer>6.545 V</answer>\n\nWithout the load R3 the divider would give 8 V.");
        assertThat(s.correct()).as(s.detail()).isTrue();
    }
}
