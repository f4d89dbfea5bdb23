package dev.kirchhoff.agents.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kirchhoff.agents.DesignException;
import dev.kirchhoff.agents.DesignPipeline;
import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.Pinouts;
import dev.kirchhoff.agents.PlanSynthesizer;
import dev.kirchhoff.agents.Requirements;
import dev.kirchhoff.validation.Validator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.kirchhoff.agents.suite.Designs.KB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The runner over a scripted pipeline: per-item verdicts, caught exceptions, totals, percentiles and both renderings. */
class SuiteRunnerTest {

    /** A pipeline whose reasoner returns a fixed plan per prompt, and whose identifier refuses "nonsense". */
    private static DesignPipeline scripted(Map<String, DesignPlan> plans) {
        DesignPipeline.Stages stages = new DesignPipeline.Stages("scripted", null,
                prompt -> {
                    if (!plans.containsKey(prompt)) {
                        throw new DesignException(DesignException.Reason.NOT_UNDERSTOOD, "nothing recognised in '" + prompt + "'",
                                List.of());
                    }
                    return new Requirements(prompt, List.of(), null, List.of(), null, null, List.of(), List.of());
                },
                req -> new Pinouts(List.of()),
                (req, pinouts, feedback) -> plans.get(req.prompt()),
                new PlanSynthesizer(KB));
        return new DesignPipeline(stages, Validator.bundled());
    }

    private static final String SUITE = String.join("\n",
            "{\"id\":\"led-ok\",\"prompt\":\"led 220\",\"difficulty\":\"easy\",\"domain\":\"embedded\",\"expect\":{\"series\":"
                    + "[{\"select\":\"led\",\"from\":{\"boardFunction\":\"GPIO\"},\"to\":\"ground\",\"min\":150,\"max\":330}]}}",
            "{\"id\":\"led-1k\",\"prompt\":\"led 1k\",\"difficulty\":\"medium\",\"domain\":\"embedded\",\"expect\":{\"series\":"
                    + "[{\"select\":\"led\",\"from\":{\"boardFunction\":\"GPIO\"},\"to\":\"ground\",\"min\":150,\"max\":330}]}}",
            "{\"id\":\"bare-led\",\"prompt\":\"bare led\",\"difficulty\":\"hard\",\"domain\":\"embedded\","
                    + "\"expect\":{\"parts\":[\"led\"]}}",
            "{\"id\":\"nonsense\",\"prompt\":\"nonsense\",\"difficulty\":\"easy\",\"domain\":\"analog\",\"expect\":{\"parts\":[\"led\"]}}");

    private static SuiteReport run() {
        DesignSuite suite = DesignSuite.parse("mini.jsonl", List.of(SUITE.split("\n")), KB);
        DesignPipeline p = scripted(Map.of("led 220", Designs.unoLed("220"), "led 1k", Designs.unoLed("1k"),
                "bare led", Designs.unoLedWithoutResistor()));
        return new SuiteRunner(p, KB, dev.kirchhoff.agents.DesignOptions.defaults(), 2).run(suite);
    }

    @Test
    void eachItemGetsItsVerdictAndReasons() {
        SuiteReport r = run();
        assertThat(r.total()).isEqualTo(4);
        ItemResult ok = r.items().get(0);
        assertThat(ok.passedValidation()).isTrue();
        assertThat(ok.met()).isTrue();
        assertThat(ok.failures()).isEmpty();

        ItemResult wrongValue = r.items().get(1);
        assertThat(wrongValue.passedValidation()).isTrue();
        assertThat(wrongValue.met()).isFalse();
        assertThat(wrongValue.failures()).singleElement().asString().contains("R1 (1k) out of range");

        ItemResult bare = r.items().get(2);
        assertThat(bare.passedValidation()).isFalse();
        assertThat(bare.errors()).isPositive();
        assertThat(bare.failures()).singleElement().asString().startsWith("noErrors: ").contains("part.led-resistor");

        ItemResult refused = r.items().get(3);
        assertThat(refused.designed()).isFalse();
        assertThat(refused.failures()).containsExactly("design stopped (not understood): nothing recognised in 'nonsense'");
    }

    @Test
    void totalsRatesAndPercentiles() {
        SuiteReport r = run();
        assertThat(r.passedValidation()).isEqualTo(2);
        assertThat(r.met()).isEqualTo(1);
        assertThat(r.validationRate()).isEqualTo(0.5);
        assertThat(r.expectationRate()).isEqualTo(0.25);
        assertThat(r.failureLines()).hasSize(3).allSatisfy(l -> assertThat(l).containsPattern("^(led-1k|bare-led|nonsense): "));
        SuiteReport timed = new SuiteReport("x", "y", List.of(timed(1), timed(2), timed(3), timed(4), timed(100)));
        assertThat(timed.p50Millis()).isEqualTo(3);
        assertThat(timed.p95Millis()).isEqualTo(100);
    }

    private static ItemResult timed(double ms) {
        return new ItemResult("i" + ms, SuiteItem.Difficulty.EASY, SuiteItem.Domain.ANALOG, "p", true, true, true, List.of(),
                0, 0, 0, ms);
    }

    @Test
    void markdownAndJsonCarryTotalsAndFailures() throws Exception {
        SuiteReport r = run();
        String md = r.toMarkdown();
        assertThat(md).contains("| circuit without validation errors | 2 (50.0 %) |")
                .contains("| every expectation met | 1 (25.0 %) |")
                .contains("- **led-1k** (medium, embedded,")
                .contains("  - series led from board GPIO to ground through resistor 150Ω–330Ω: D1 does not fit (R1 (1k) out of range)")
                .contains("| nonsense | no | no |");
        JsonNode json = new ObjectMapper().readTree(r.toJson());
        assertThat(json.path("total").asInt()).isEqualTo(4);
        assertThat(json.path("met").asInt()).isEqualTo(1);
        assertThat(json.path("validationRate").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(json.path("items").get(3).path("failures").get(0).asText()).startsWith("design stopped");
    }
}
