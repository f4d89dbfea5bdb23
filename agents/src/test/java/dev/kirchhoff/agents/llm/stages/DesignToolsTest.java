package dev.kirchhoff.agents.llm.stages;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.KnowledgeBaseRetriever;
import dev.kirchhoff.agents.PartRequest;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.agents.Requirements;
import dev.kirchhoff.agents.Supply;
import dev.kirchhoff.agents.offline.OfflineReasoner;
import dev.kirchhoff.agents.offline.analog.AnalogDesigner;
import dev.kirchhoff.agents.offline.embedded.EmbeddedDesigner;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.validation.Validator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DesignToolsTest {

    private static final KnowledgeBase KB = KnowledgeBase.bundled();
    private static final List<DesignPlan.PlannedComponent> ESP_BME = List.of(
            new DesignPlan.PlannedComponent("esp", ComponentKind.PART, "esp32-devkit-v1", null, null, "board"),
            new DesignPlan.PlannedComponent("bme", ComponentKind.PART, "bme280-module", null, null, "sensor"));

    private static final Requirements UNO_LED = new Requirements("blink an LED on pin 13 of an Arduino Uno", List.of(
            PartRequest.of("arduino-uno-r3", 1, "Arduino Uno", PartRole.BOARD),
            PartRequest.of("led-red", 1, "LED", PartRole.INDICATOR)),
            Supply.unspecified(), List.of(), Set.of(), null, List.of(), List.of());

    private static DesignTools tools(List<DesignPlan.PlannedComponent> components) {
        return tools(LlmReasonerTest.ESP_BME, components);
    }

    private static DesignTools tools(Requirements r, List<DesignPlan.PlannedComponent> components) {
        return new DesignTools(KB, null, new OfflineReasoner(new EmbeddedDesigner(KB), new AnalogDesigner(KB)),
                Validator.bundled(), r, new KnowledgeBaseRetriever(KB).retrieve(r), components);
    }

    private static DesignPlan.PlannedComponent c(String ref, ComponentKind kind, String part, String value,
                                                 String purpose) {
        return new DesignPlan.PlannedComponent(ref, kind, part, value, null, purpose);
    }

    @Test
    void theSolversOwnProposalIsReadBackUnderTheSameRefs() {
        // the solver proposes U1 arduino-uno-r3, D1 LED led-red, R1 RESISTOR resistor 330; the model copied it but
        // wrote the resistor's part as "none", as the components enumeration let it
        String text = tools(UNO_LED, List.of(c("U1", ComponentKind.PART, "arduino-uno-r3", null, "the board"),
                c("D1", ComponentKind.LED, "led-red", null, "Red LED"),
                c("R1", ComponentKind.RESISTOR, null, "330", "series resistor for D1"))).assignPins();
        assertThat(text).contains("  R1 RESISTOR resistor 330 — series resistor for D1")
                .contains("LED1: U1:D13 R1:1").contains("LED1_A: R1:2 D1:A").doesNotContain("R2");
    }

    @Test
    void primitivesAreRenamedToTheModelsRefsByKindThenValue() {
        // the model's own refs; a 10k resistor comes first, so matching by kind alone would take it for the solver's
        // 330 Ω series resistor
        String text = tools(UNO_LED, List.of(c("board", ComponentKind.PART, "arduino-uno-r3", null, "the board"),
                c("Rpd", ComponentKind.RESISTOR, null, "10k", "pull-down"),
                c("D7", ComponentKind.LED, "led-red", null, "status light"),
                c("Rled", ComponentKind.RESISTOR, null, "330", "limits the LED current"))).assignPins();
        assertThat(text).contains("  Rled RESISTOR resistor 330 — series resistor for D7").contains("  D7 LED led-red")
                .contains("LED1: board:D13 Rled:1").contains("LED1_A: Rled:2 D7:A").contains("GND: board:GND D7:K")
                .contains("LED D7: board:D13 -> Rled:1")
                .doesNotContainPattern("\\bR1\\b").doesNotContainPattern("\\bD1\\b").doesNotContain("Rpd");
    }

    @Test
    void resistorsOfTheSameValueArePairedByPurposeWords() {
        DesignPlan.PlannedComponent solver1 = c("R1", ComponentKind.RESISTOR, "resistor", "4.7k", "I2C pull-up on SDA");
        DesignPlan.PlannedComponent solver2 = c("R2", ComponentKind.RESISTOR, "resistor", "4.7k", "I2C pull-up on SCL");
        assertThat(DesignTools.sameThing(solver1, c("Rscl", ComponentKind.RESISTOR, null, "4.7k", "SCL pull-up")))
                .isTrue();
        assertThat(DesignTools.sameThing(solver1, c("C1", ComponentKind.CAPACITOR, null, "4.7k", ""))).isFalse();
        assertThat(DesignTools.sameThing(c("U1", ComponentKind.PART, "lm7805", null, ""),
                c("U1", ComponentKind.PART, "lm2940-5", null, ""))).isFalse();
        assertThat(DesignTools.sameValue("4.7k", "4700")).isTrue();
        assertThat(DesignTools.sameValue("4.7k", "47k")).isFalse();
        assertThat(DesignTools.renaming(List.of(solver1, solver2), List.of(
                c("Rscl", ComponentKind.RESISTOR, null, "4.7k", "SCL pull-up"),
                c("Rsda", ComponentKind.RESISTOR, null, "4.7k", "SDA pull-up"))))
                .containsEntry("R1", "Rsda").containsEntry("R2", "Rscl");
    }

    @Test
    void assignPinsRenamesTheSolversRefsToTheModelsOwn() {
        String text = tools(ESP_BME).assignPins();
        assertThat(text).contains("SDA: esp:GPIO21 bme:SDA").contains("SCL: esp:GPIO22 bme:SCL")
                .doesNotContain("U1:").doesNotContain("U2:");
    }

    @Test
    void validateReportsTheRuleIdsOfADraft() {
        String floating = tools(ESP_BME).validate("""
                [{"name":"SDA","pins":["esp:GPIO21","bme:SDA"]},{"name":"SCL","pins":["esp:GPIO22","bme:SCL"]}]""");
        assertThat(floating).startsWith("failed:").containsPattern("ERROR [a-z]+\\.[a-z-]+");
        String good = tools(ESP_BME).validate("""
                {"nets":[{"name":"GND","pins":["esp:GND","bme:GND"]},{"name":"3V3","pins":["esp:3V3","bme:VIN"]},
                 {"name":"SDA","pins":["esp:GPIO21","bme:SDA"]},{"name":"SCL","pins":["esp:GPIO22","bme:SCL"]}]}""");
        assertThat(good).startsWith("passed: 0 error(s)");
        assertThat(tools(ESP_BME).validate("[{\"name\":\"X\",\"pins\":[\"bme:INT\",\"esp:GND\"]}]"))
                .startsWith("The circuit cannot be built").contains("bme280-module has no pin 'INT'");
        assertThat(tools(List.of()).validate("[]")).contains("no components yet");
    }

    @Test
    void theCalculatorsUseTheRecipes() {
        assertThat(tools(ESP_BME).ledResistor(5, 2, 10)).contains("use 330 (E12)");
        assertThat(tools(ESP_BME).ledResistor(2, 2, 10)).contains("must be above the LED's forward voltage");
        assertThat(tools(ESP_BME).divider(5, 3.3)).startsWith("R1 ").contains("vout 3.3");
        assertThat(tools(ESP_BME).opampGain(11, false)).startsWith("non-inverting: Rf 100k, Rg 10k").endsWith("gain 11");
    }

    @Test
    void pinoutGivesCanonicalPinNames() {
        assertThat(tools(ESP_BME).pinout("esp32-devkit-v1")).contains("GPIO21 #D21").contains("I2C_SDA");
        assertThat(tools(ESP_BME).pinout("esp32-devkitt")).contains("There is no part").contains("esp32-devkit-v1");
    }
}
