package dev.kirchhoff.agents.llm.stages;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.KnowledgeBaseRetriever;
import dev.kirchhoff.agents.offline.OfflineReasoner;
import dev.kirchhoff.agents.offline.analog.AnalogDesigner;
import dev.kirchhoff.agents.offline.embedded.EmbeddedDesigner;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.validation.Validator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DesignToolsTest {

    private static final KnowledgeBase KB = KnowledgeBase.bundled();
    private static final List<DesignPlan.PlannedComponent> ESP_BME = List.of(
            new DesignPlan.PlannedComponent("esp", ComponentKind.PART, "esp32-devkit-v1", null, null, "board"),
            new DesignPlan.PlannedComponent("bme", ComponentKind.PART, "bme280-module", null, null, "sensor"));

    private static DesignTools tools(List<DesignPlan.PlannedComponent> components) {
        return new DesignTools(KB, null, new OfflineReasoner(new EmbeddedDesigner(KB), new AnalogDesigner(KB)),
                Validator.bundled(), LlmReasonerTest.ESP_BME,
                new KnowledgeBaseRetriever(KB).retrieve(LlmReasonerTest.ESP_BME), components);
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
