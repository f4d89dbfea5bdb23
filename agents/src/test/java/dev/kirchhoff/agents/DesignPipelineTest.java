package dev.kirchhoff.agents;

import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.validation.Validator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pipeline with scripted stages: the repair loop, the trace and the refusals. */
class DesignPipelineTest {

    private static final KnowledgeBase KB = KnowledgeBase.bundled();

    private static Requirements ledOnUno() {
        return new Requirements("LED on pin 13 of an Uno",
                List.of(PartRequest.of("arduino-uno-r3", 1, "Uno", PartRole.BOARD),
                        PartRequest.of("led-red", 1, "LED", PartRole.INDICATOR)),
                Supply.unspecified(), List.of(), Set.of(), null, List.of(), List.of());
    }

    /** First plan wires the LED straight from D13 to ground; a repair round adds the resistor. */
    private static final class LearningReasoner implements DesignReasoner {
        final List<Feedback> seen = new ArrayList<>();

        @Override
        public DesignPlan reason(Requirements requirements, Pinouts pinouts, Feedback feedback) {
            seen.add(feedback);
            DesignPlan.Builder b = DesignPlan.builder("LED on an Uno")
                    .part("U1", "arduino-uno-r3", "board")
                    .component("D1", ComponentKind.LED, "led-red", null, "indicator")
                    .connect("GND", "U1:GND", "D1:K");
            boolean fix = feedback.findings().stream().anyMatch(f -> f.rule().equals("part.led-resistor"));
            if (fix) {
                b.component("R1", ComponentKind.RESISTOR, null, "220", "limits the LED current")
                        .connect("LED", "U1:D13", "R1:1").connect("LED_A", "R1:2", "D1:A");
            } else {
                b.connect("LED", "U1:D13", "D1:A");
            }
            return b.build();
        }
    }

    private static DesignPipeline pipeline(DesignReasoner reasoner, Requirements req) {
        return new DesignPipeline(new DesignPipeline.Stages("scripted", "test-model", prompt -> req,
                new KnowledgeBaseRetriever(KB), reasoner, new PlanSynthesizer(KB)), Validator.bundled());
    }

    @Test
    void validationFindingsGoBackToTheReasonerUntilTheDesignPasses() {
        LearningReasoner reasoner = new LearningReasoner();
        List<String> heard = new ArrayList<>();
        DesignResult r = pipeline(reasoner, ledOnUno()).design("LED on pin 13 of an Uno", DesignOptions.defaults(),
                (stage, round, summary, nanos) -> heard.add(stage + "#" + round));

        assertThat(r.passed()).isTrue();
        assertThat(r.repairRounds()).isEqualTo(1);
        assertThat(r.circuit().component("R1")).isPresent();
        assertThat(reasoner.seen).hasSize(2);
        assertThat(reasoner.seen.get(0).isEmpty()).isTrue();
        assertThat(reasoner.seen.get(1).round()).isEqualTo(1);
        assertThat(reasoner.seen.get(1).findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("part.led-resistor");
            assertThat(f.components()).contains("D1");
        });
        assertThat(heard).containsExactly("identify#0", "retrieve#0", "reason#0", "synthesize#0", "validate#0",
                "reason#1", "synthesize#1", "validate#1");
        assertThat(r.trace().entries()).extracting(DesignTrace.Entry::stage)
                .containsExactly("identify", "retrieve", "reason", "synthesize", "validate", "reason", "synthesize",
                        "validate");
        assertThat(r.trace().entries()).allSatisfy(e -> assertThat(e.micros()).isNotNegative());
        assertThat(r.trace().entries().get(0).model()).isEqualTo("test-model");
        assertThat(r.trace().toJson().toString()).contains("part.led-resistor");
    }

    @Test
    void withoutRepairRoundsTheFailedDesignIsReturnedAsIs() {
        DesignResult r = pipeline(new LearningReasoner(), ledOnUno()).design("LED", new DesignOptions(false, 0),
                DesignPipeline.Listener.silent());
        assertThat(r.passed()).isFalse();
        assertThat(r.report().fired("part.led-resistor")).isTrue();
        assertThat(r.repairRounds()).isZero();
    }

    @Test
    void aRepairRoundThatFailsKeepsTheBestEarlierDesignWithANote() {
        DesignReasoner giveUp = (req, pins, fb) -> {
            if (!fb.isEmpty()) {
                throw new IllegalStateException("model gave no usable wiring answer");
            }
            return new LearningReasoner().reason(req, pins, fb);
        };
        DesignResult r = pipeline(giveUp, ledOnUno()).design("LED");
        assertThat(r.passed()).isFalse();
        assertThat(r.report().fired("part.led-resistor")).isTrue();
        assertThat(r.repairRounds()).isEqualTo(1);
        assertThat(r.plan().notes()).contains("repair round 1 could not be completed (model gave no usable wiring "
                + "answer); the best earlier design is kept with its findings");
        assertThat(r.trace().entries()).filteredOn(e -> e.stage().equals("reason") && e.round() == 1)
                .singleElement().satisfies(e -> assertThat(e.output().path("error").asText()).contains("no usable"));
    }

    @Test
    void aReasonerThatNeverLearnsStopsAfterThreeRounds() {
        DesignReasoner stubborn = (req, pins, fb) -> DesignPlan.builder("LED").part("U1", "arduino-uno-r3", "board")
                .component("D1", ComponentKind.LED, "led-red", null, "")
                .connect("LED", "U1:D13", "D1:A").connect("GND", "U1:GND", "D1:K").build();
        DesignResult r = pipeline(stubborn, ledOnUno()).design("LED");
        assertThat(r.repairRounds()).isEqualTo(3);
        assertThat(r.passed()).isFalse();
        assertThat(r.trace().entries().stream().filter(e -> e.stage().equals("validate")).count()).isEqualTo(4);
    }

    @Test
    void anUnknownPartStopsTheRunWithTheNearestMatchesUnlessGenericsAreAllowed() {
        Requirements req = new Requirements("ESP32 with a BME820", List.of(
                PartRequest.of("esp32-devkit-v1", 1, "ESP32", PartRole.BOARD)), Supply.unspecified(), List.of(),
                Set.of(), null, List.of(), List.of(new Unresolved("BME820", List.of("bme280-module", "bmp280-module"))));
        DesignPipeline p = pipeline(new LearningReasoner(), req);
        assertThatThrownBy(() -> p.design("ESP32 with a BME820"))
                .isInstanceOfSatisfying(DesignException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DesignException.Reason.UNKNOWN_PART);
                    assertThat(e.getMessage()).contains("'BME820'").contains("bme280-module").contains("--allow-generic");
                });
    }

    @Test
    void withGenericsAllowedTheUnknownPartIsNamedAsAPlaceholderAndNotWired() {
        Requirements req = new Requirements("LED on an Uno and a FOO123 sensor", ledOnUno().parts(),
                Supply.unspecified(), List.of(), Set.of(), null, List.of(),
                List.of(new Unresolved("FOO123", List.of("bme280-module"))));
        DesignResult r = pipeline(new LearningReasoner(), req).design("LED and FOO123", new DesignOptions(true, 3),
                DesignPipeline.Listener.silent());
        assertThat(r.passed()).isTrue();
        assertThat(r.plan().notes()).anySatisfy(n -> assertThat(n).startsWith("placeholder: 'FOO123' is not in the "
                + "knowledge base").contains("bme280-module"));
        assertThat(r.circuit().components()).extracting(c -> c.ref()).containsExactlyInAnyOrder("U1", "D1", "R1");
    }

    @Test
    void aBlankPromptIsRefused() {
        assertThatThrownBy(() -> pipeline(new LearningReasoner(), ledOnUno()).design("  "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'prompt'");
    }
}
