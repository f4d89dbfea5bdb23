package dev.kirchhoff.agents;

import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.PinRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanSynthesizerTest {

    private final PlanSynthesizer synthesizer = new PlanSynthesizer(KnowledgeBase.bundled());

    @Test
    void pinsNamedByAliasLandOnTheKnowledgeBasePinNumbers() {
        DesignPlan plan = DesignPlan.builder("ESP32 + BME280")
                .part("U1", "esp32-devkit-v1", "board")
                .part("U2", "bme280-module", "sensor")
                .connect("SDA", "U1:D21", "U2:SDA")
                .connect("SCL", "U1:GPIO22", "U2:SCK")
                .build();
        Circuit c = synthesizer.synthesize(plan);
        String sda = c.net("SDA").orElseThrow().pins().stream().filter(p -> p.ref().equals("U2"))
                .findFirst().orElseThrow().pin();
        // bme280-module: pin 4 is SDA; pin 3 is SCL, which the plan named by its alias SCK.
        assertThat(sda).isEqualTo("4");
        assertThat(c.net("SCL").orElseThrow().pins()).contains(new PinRef("U2", "3"));
        assertThat(c.component("U1").orElseThrow().pins()).isNotEmpty();
    }

    @Test
    void primitivesKeepTheirValuesAndBoundParts() {
        DesignPlan plan = DesignPlan.builder("LED")
                .component("R1", ComponentKind.RESISTOR, null, "220", "limits current")
                .component("D1", ComponentKind.LED, "led-red", null, "indicator")
                .connect("A", "R1:2", "D1:A")
                .build();
        Circuit c = synthesizer.synthesize(plan);
        assertThat(c.component("R1").orElseThrow().value().magnitude()).isEqualTo(220.0);
        assertThat(c.component("D1").orElseThrow().part()).isEqualTo("led-red");
        assertThat(c.netOf(new PinRef("D1", "2"))).hasValue("A");
    }

    @Test
    void aPinThatDoesNotExistIsRefusedWithEveryProblemListed() {
        DesignPlan plan = DesignPlan.builder("bad")
                .part("U1", "esp32-devkit-v1", "board")
                .part("U2", "bme280-module", "sensor")
                .part("U3", "bme820-module", "typo")
                .connect("SDA", "U1:D21", "U2:SDA", "U2:DATA")
                .connect("X", "U9:1")
                .build();
        assertThatThrownBy(() -> synthesizer.synthesize(plan))
                .isInstanceOfSatisfying(DesignException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DesignException.Reason.INVALID_PLAN);
                    assertThat(e.suggestions()).anySatisfy(s -> assertThat(s).contains("bme280-module has no pin 'DATA'"));
                    assertThat(e.suggestions()).anySatisfy(s -> assertThat(s).contains("U3: no part 'bme820-module'")
                            .contains("bme280-module"));
                    assertThat(e.suggestions()).anySatisfy(s -> assertThat(s).contains("no component U9"));
                });
    }

    @Test
    void onePinOnTwoNetsIsRefused() {
        DesignPlan plan = DesignPlan.builder("short")
                .part("U1", "arduino-uno-r3", "board")
                .component("R1", ComponentKind.RESISTOR, null, "1k", "")
                .connect("A", "U1:D13", "R1:1")
                .connect("B", "U1:13", "R1:2")
                .build();
        assertThatThrownBy(() -> synthesizer.synthesize(plan))
                .isInstanceOf(DesignException.class)
                .hasMessageContaining("U1:13 is on two nets, A and B");
    }
}
