package dev.kirchhoff.agents.llm.sim;

import dev.kirchhoff.agents.DesignOptions;
import dev.kirchhoff.agents.DesignPipeline;
import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.DesignResult;
import dev.kirchhoff.agents.DesignTrace;
import dev.kirchhoff.agents.PartRequest;
import dev.kirchhoff.agents.llm.LlmClient;
import dev.kirchhoff.agents.llm.LlmEngine;
import dev.kirchhoff.agents.llm.LlmException;
import dev.kirchhoff.agents.llm.stages.PinCatalog;
import dev.kirchhoff.agents.offline.OfflineEngine;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.retrieval.PartSearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated model drives both LLM modes through real structured calls: at error rate 0 the hybrid engine names
 * the offline engine's parts and the llm engine copies the solver's wiring pin for pin (through a real
 * {@code assign_pins} tool call); at a high error rate wrong pins reach the validator and the repair loop runs.
 */
class SimulatedModelTest {

    private static final KnowledgeBase KB = KnowledgeBase.bundled();
    private static final List<String> PROMPTS = List.of(
            "ESP32 reading a BME280 and showing it on an SSD1306 OLED, powered from USB",
            "Blink an LED on pin 13 of an Arduino Uno",
            "Non-inverting amplifier with a gain of 11 using an LM358 on a single 5 V supply");
    private static PartSearch search;

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

    private static DesignPipeline engine(LlmEngine.Mode mode, SimulatedModel model) {
        return LlmEngine.pipeline(mode, KB, search, new LlmClient(model, "sim:e=" + model.errorRate()));
    }

    @Test
    void hybridAtErrorRateZeroPassesAndNamesTheOfflineEnginesParts() {
        SimulatedModel model = new SimulatedModel(KB, search, 0, 1);
        DesignPipeline hybrid = engine(LlmEngine.Mode.HYBRID, model);
        DesignPipeline offline = OfflineEngine.pipeline(KB, search);
        for (String prompt : PROMPTS) {
            DesignResult h = hybrid.design(prompt);
            DesignResult o = offline.design(prompt);
            assertThat(h.passed()).as(prompt + "\n" + h.report().text()).isTrue();
            assertThat(h.requirements().parts()).extracting(PartRequest::id, PartRequest::quantity, PartRequest::role)
                    .as(prompt).containsExactlyElementsOf(o.requirements().parts().stream()
                            .map(p -> org.assertj.core.groups.Tuple.tuple(p.id(), p.quantity(), p.role())).toList());
            assertThat(parts(h.plan())).as(prompt).isEqualTo(parts(o.plan()));
            DesignTrace.Entry identify = h.trace().entries().get(0);
            assertThat(identify.engine()).isEqualTo("hybrid");
            assertThat(identify.usage().get("calls")).as(prompt).isEqualTo(1L);
            assertThat(identify.usage().get("repairs")).as(prompt).isZero();
        }
        SimulatedModel.Stats s = model.stats();
        assertThat(s.idsOutsideCandidates()).as("every oracle part id was among the candidates").isZero();
        assertThat(s.swappedIds() + s.droppedItems()).isZero();
        assertThat(s.calls()).isEqualTo(PROMPTS.size());
    }

    @Test
    void llmAtErrorRateZeroCallsTheSolverToolAndWiresLikeIt() {
        SimulatedModel model = new SimulatedModel(KB, search, 0, 1);
        DesignPipeline llm = engine(LlmEngine.Mode.LLM, model);
        DesignPipeline offline = OfflineEngine.pipeline(KB, search);
        for (String prompt : PROMPTS) {
            DesignResult l = llm.design(prompt);
            DesignResult o = offline.design(prompt);
            assertThat(l.passed()).as(prompt + "\n" + l.report().text()).isTrue();
            assertThat(l.repairRounds()).as(prompt).isZero();
            assertThat(connectivity(l.plan())).as(prompt).isEqualTo(connectivity(o.plan()));
            DesignTrace.Entry reason = l.trace().entries().stream().filter(e -> e.stage().equals("reason"))
                    .findFirst().orElseThrow();
            assertThat(reason.engine()).isEqualTo("llm");
            // components: assign_pins, then the answer; wiring: the same
            assertThat(reason.usage().get("toolCalls")).as(prompt).isEqualTo(2L);
            assertThat(reason.usage().get("calls")).as(prompt).isEqualTo(4L);
            assertThat(reason.usage().get("repairs")).as(prompt).isZero();
        }
        assertThat(model.stats().wrongPins() + model.stats().scaledValues()).isZero();
    }

    @Test
    void llmAtErrorRateThirtyPercentPutsWrongPinsBeforeTheValidatorAndRepairs() {
        // whether a given seed's mistakes survive to the validator (rather than being refused by the wiring check
        // or missing every rule) is chance; over a dozen seeds some must, and each must then be repaired
        List<DesignResult> designed = new ArrayList<>();
        List<LlmException> gaveUp = new ArrayList<>();
        long wrongPins = 0;
        for (long seed = 10; seed < 22 && designed.stream().noneMatch(r -> r.repairRounds() >= 1); seed++) {
            SimulatedModel model = new SimulatedModel(KB, search, 0.3, seed);
            DesignPipeline llm = engine(LlmEngine.Mode.LLM, model);
            for (String prompt : PROMPTS) {
                try {
                    designed.add(llm.design(prompt, new DesignOptions(false, 3), DesignPipeline.Listener.silent()));
                } catch (LlmException e) {
                    gaveUp.add(e);
                }
            }
            wrongPins += model.stats().wrongPins();
        }
        assertThat(wrongPins).isPositive();
        assertThat(gaveUp).allSatisfy(e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.BAD_RESPONSE));
        DesignResult repaired = designed.stream().filter(r -> r.repairRounds() >= 1).findFirst().orElseThrow(() ->
                new AssertionError("no design ran a repair round over 12 seeds; designed " + designed.size()
                        + ", gave up " + gaveUp.size()));
        List<DesignTrace.Entry> rounds = repaired.trace().entries().stream()
                .filter(e -> e.stage().equals("reason") && e.round() >= 1).toList();
        assertThat(rounds).hasSize(repaired.repairRounds());
        // a repair round's input is the validator's findings of the round before
        assertThat(rounds.get(0).input().isArray()).isTrue();
        assertThat(rounds.get(0).input().size()).isPositive();
        assertThat(rounds.get(0).usage().get("calls")).isGreaterThanOrEqualTo(4L);
    }

    @Test
    void answersDependOnlyOnTheSeedAndTheRequest() {
        String prompt = PROMPTS.get(1);
        DesignResult a = engine(LlmEngine.Mode.LLM, new SimulatedModel(KB, search, 0.3, 14))
                .design(prompt, new DesignOptions(false, 3), DesignPipeline.Listener.silent());
        DesignResult b = engine(LlmEngine.Mode.LLM, new SimulatedModel(KB, search, 0.3, 14))
                .design(prompt, new DesignOptions(false, 3), DesignPipeline.Listener.silent());
        assertThat(b.repairRounds()).isEqualTo(a.repairRounds());
        assertThat(b.plan().components()).isEqualTo(a.plan().components());
        assertThat(connectivity(b.plan())).isEqualTo(connectivity(a.plan()));
    }

    /** The part ids of a plan's components, sorted. */
    private static List<String> parts(DesignPlan plan) {
        return plan.components().stream().filter(c -> c.part() != null).map(DesignPlan.PlannedComponent::part)
                .sorted().toList();
    }

    /** Each net as the set of physical pins ({@code REF:number}) on it; names and pin spelling do not matter. */
    private static Set<Set<String>> connectivity(DesignPlan plan) {
        PinCatalog catalog = PinCatalog.of(KB, plan.components());
        Set<Set<String>> out = new HashSet<>();
        for (DesignPlan.PlannedNet n : plan.nets()) {
            out.add(n.pins().stream().map(p -> catalog.identity(catalog.resolve(p).orElse(p)))
                    .collect(Collectors.toSet()));
        }
        return out;
    }
}
