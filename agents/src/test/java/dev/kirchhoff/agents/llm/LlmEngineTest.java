package dev.kirchhoff.agents.llm;

import dev.kirchhoff.agents.DesignPipeline;
import dev.kirchhoff.agents.DesignResult;
import dev.kirchhoff.agents.DesignTrace;
import dev.kirchhoff.agents.llm.stages.HybridReasoner;
import dev.kirchhoff.agents.llm.stages.LlmReasoner;
import dev.kirchhoff.agents.llm.stages.Prompts;
import dev.kirchhoff.agents.llm.stages.ScriptedChatModel;
import dev.kirchhoff.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LlmEngineTest {

    private static final KnowledgeBase KB = KnowledgeBase.bundled();
    private static final String IDENTIFIED = """
            {"parts":[{"id":"esp32-devkit-v1","quantity":1,"role":"BOARD","phrase":"ESP32"},
                      {"id":"bme280-module","quantity":1,"role":"PERIPHERAL","phrase":"BME280"},
                      {"id":"ssd1306-i2c-oled","quantity":1,"role":"PERIPHERAL","phrase":"SSD1306 OLED"}],
             "supply":{"kind":"USB","volts":5},"values":[],"constraints":["VIA_I2C"],"recipe":"NONE",
             "pinWishes":[],"unresolved":[],"notes":["both modules share the I2C bus"]}""";

    @Test
    void theHybridPipelineDesignsFromTheModelsIdentificationAndTracesItsUsage() {
        ScriptedChatModel model = new ScriptedChatModel(true).answer(Prompts.IDENTIFY, IDENTIFIED);
        DesignPipeline pipeline = LlmEngine.pipeline(LlmEngine.Mode.HYBRID, KB, null,
                new LlmClient(model, "scripted:test"));
        DesignResult result = pipeline.design("ESP32 reading a BME280 and showing it on an SSD1306 OLED, powered from USB");

        assertThat(result.passed()).as(result.report().text()).isTrue();
        assertThat(result.requirements().parts()).extracting(p -> p.id())
                .containsExactly("esp32-devkit-v1", "bme280-module", "ssd1306-i2c-oled");
        assertThat(result.plan().notes()).contains("both modules share the I2C bus",
                "parts identified by scripted:test; pins, power and values by the offline solver");
        assertThat(result.plan().nets()).anySatisfy(n -> assertThat(n.pins()).contains("U2:SDA", "U3:SDA"));
        DesignTrace.Entry identify = result.trace().entries().get(0);
        assertThat(identify.stage()).isEqualTo("identify");
        assertThat(identify.engine()).isEqualTo("hybrid");
        assertThat(identify.model()).isEqualTo("scripted:test");
        assertThat(identify.usage().get("calls")).isGreaterThanOrEqualTo(1L);
        assertThat(identify.usage().get("inputTokens")).isEqualTo(100L);
        assertThat(result.trace().entries()).filteredOn(e -> e.stage().equals("reason"))
                .allSatisfy(e -> assertThat(e.engine()).isEqualTo("hybrid"));
        assertThat(model.requests()).hasSize(1);
    }

    @Test
    void theLlmPipelineDesignsComponentsAndWiringWithTheModelAndTracesBothStages() {
        ScriptedChatModel model = new ScriptedChatModel(true).answer(Prompts.IDENTIFY, """
                {"parts":[{"id":"esp32-devkit-v1","quantity":1,"role":"BOARD","phrase":"ESP32"},
                          {"id":"bme280-module","quantity":1,"role":"PERIPHERAL","phrase":"BME280"}],
                 "supply":{"kind":"UNSPECIFIED","volts":0},"values":[],"constraints":["VIA_I2C"],"recipe":"NONE",
                 "pinWishes":[],"unresolved":[],"notes":[]}""")
                .answer(Prompts.COMPONENTS, """
                {"title":"ESP32 with a BME280",
                 "components":[{"ref":"U1","kind":"PART","part":"esp32-devkit-v1","value":"","purpose":"the board"},
                               {"ref":"U2","kind":"PART","part":"bme280-module","value":"","purpose":"the sensor"}],
                 "rails":[{"net":"3V3","volts":3.3,"source":"U1:3V3"}],"computations":[],"rationale":[],"notes":[]}""")
                .answer(Prompts.WIRING, """
                {"nets":[{"name":"GND","pins":["U1:GND","U2:GND"]},{"name":"3V3","pins":["U1:3V3","U2:VIN"]},
                         {"name":"SDA","pins":["U1:GPIO21","U2:SDA"]},{"name":"SCL","pins":["U1:GPIO22","U2:SCL"]}],
                 "assignments":[]}""");
        DesignResult result = LlmEngine.pipeline(LlmEngine.Mode.LLM, KB, null, new LlmClient(model, "scripted:test"))
                .design("ESP32 reading a BME280 over I2C");

        assertThat(result.passed()).as(result.report().text()).isTrue();
        assertThat(result.repairRounds()).isZero();
        DesignTrace.Entry reason = result.trace().entries().stream().filter(e -> e.stage().equals("reason"))
                .findFirst().orElseThrow();
        assertThat(reason.engine()).isEqualTo("llm");
        assertThat(reason.usage().get("calls")).isEqualTo(2L);   // components, then wiring
        assertThat(result.plan().net("SDA")).get().satisfies(n -> assertThat(n.pins())
                .containsExactlyInAnyOrder("U1:GPIO21", "U2:SDA"));
    }

    @Test
    void theModesAssembleTheirReasoners() {
        LlmClient client = new LlmClient(new ScriptedChatModel(true), "scripted:test");
        DesignPipeline.Stages llm = LlmEngine.stages(LlmEngine.Mode.LLM, KB, null, client);
        DesignPipeline.Stages hybrid = LlmEngine.stages(LlmEngine.Mode.HYBRID, KB, null, client);
        assertThat(llm.engine()).isEqualTo("llm");
        assertThat(llm.model()).isEqualTo("scripted:test");
        assertThat(llm.reasoner()).isInstanceOf(LlmReasoner.class);
        assertThat(hybrid.engine()).isEqualTo("hybrid");
        assertThat(hybrid.reasoner()).isInstanceOf(HybridReasoner.class);
    }
}
