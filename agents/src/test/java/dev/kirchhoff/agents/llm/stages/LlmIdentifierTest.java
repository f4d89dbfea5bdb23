package dev.kirchhoff.agents.llm.stages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kirchhoff.agents.Constraint;
import dev.kirchhoff.agents.DesignException;
import dev.kirchhoff.agents.PartRequest;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.agents.Quantity;
import dev.kirchhoff.agents.Requirements;
import dev.kirchhoff.agents.Supply;
import dev.kirchhoff.agents.llm.LlmClient;
import dev.kirchhoff.agents.llm.LlmException;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.retrieval.PartSearch;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmIdentifierTest {

    private static final KnowledgeBase KB = KnowledgeBase.bundled();
    private static final String ESP_BME = "ESP32 reading a BME280 over I2C";
    private static final String ESP_BME_ANSWER = """
            {"parts":[{"id":"esp32-devkit-v1","quantity":1,"role":"BOARD","phrase":"ESP32"},
                      {"id":"bme280-module","quantity":1,"role":"PERIPHERAL","phrase":"BME280"}],
             "supply":{"kind":"UNSPECIFIED","volts":0},"values":[],"constraints":["VIA_I2C"],"recipe":"NONE",
             "pinWishes":[],"unresolved":[],"notes":["BME280 breakout on the ESP32's default I2C bus"]}""";
    private static PartSearch search;

    @BeforeAll
    static void open() {
        search = PartSearch.open(msg -> { });
    }

    @AfterAll
    static void close() {
        search.close();
    }

    private static LlmIdentifier identifier(ScriptedChatModel model) {
        return new LlmIdentifier(KB, search, new LlmClient(model, "scripted:test"));
    }

    @Test
    void theResponseFormatEnumeratesOnlyCandidatePartsRelevantToThePrompt() {
        ScriptedChatModel model = new ScriptedChatModel(true).answer(Prompts.IDENTIFY, ESP_BME_ANSWER);
        identifier(model).identify(ESP_BME);

        ChatRequest request = model.requests().get(0);
        JsonNode schema = ScriptedChatModel.schema(request);
        assertThat(schema).as("schema sent as response format").isNotNull();
        JsonNode part = schema.path("properties").path("parts").path("items");
        List<String> ids = ScriptedChatModel.enumValues(part.path("properties").path("id"));
        assertThat(ids).contains("bme280-module", "esp32-devkit-v1", "arduino-uno-r3", "raspberry-pi-pico")
                .doesNotContain("lm386", "relay-module-1ch")
                .hasSizeLessThanOrEqualTo(LlmIdentifier.MAX_CANDIDATES);
        // OpenAI strict mode: every property required, no additional properties, on nested objects too
        JsonObjectSchema root = (JsonObjectSchema) request.responseFormat().jsonSchema().rootElement();
        JsonObjectSchema item = (JsonObjectSchema) ((JsonArraySchema) root.properties().get("parts")).items();
        assertThat(root.additionalProperties()).isFalse();
        assertThat(item.additionalProperties()).isFalse();
        assertThat(root.required()).containsExactlyInAnyOrderElementsOf(root.properties().keySet());
        assertThat(part.path("required")).extracting(JsonNode::asText)
                .containsExactly("id", "quantity", "role", "phrase");
        assertThat(ScriptedChatModel.enumValues(schema.path("properties").path("recipe"))).contains("NONE",
                "ASTABLE_555");
        assertThat(ScriptedChatModel.system(request)).startsWith("prompt: design/identify.v1")
                .contains("bme280-module — ")
                .contains("parts: 1× esp32-devkit-v1 (BOARD)");   // the offline reading, given as a hint
    }

    @Test
    void anAnswerNamingPartsBecomesRequirementsWithThoseIdsQuantitiesAndRoles() {
        ScriptedChatModel model = new ScriptedChatModel(true).answer(Prompts.IDENTIFY, """
                {"parts":[{"id":"dht22","quantity":2,"role":"PERIPHERAL","phrase":"two DHT22"},
                          {"id":"arduino-uno-r3","quantity":1,"role":"BOARD","phrase":""}],
                 "supply":{"kind":"BATTERY","volts":9},
                 "values":[{"quantity":"CURRENT","value":0.02,"phrase":"20 mA"}],
                 "constraints":["PULL_UP"],"recipe":"NONE",
                 "pinWishes":[{"partId":"dht22","devicePin":"","boardPin":"4","phrase":"on pin 4"}],
                 "unresolved":[],"notes":[]}""");
        Requirements r = identifier(model).identify("two DHT22 with pull-ups on pin 4, 20 mA, from a 9 V battery");

        assertThat(r.parts()).extracting(PartRequest::id).containsExactly("arduino-uno-r3", "dht22");
        assertThat(r.parts().get(1).quantity()).isEqualTo(2);
        assertThat(r.parts().get(1).role()).isEqualTo(PartRole.PERIPHERAL);
        assertThat(r.board()).get().satisfies(b -> assertThat(b.defaulted()).as("no board named").isTrue());
        assertThat(r.notes()).contains("no board named: using arduino-uno-r3");
        assertThat(r.supply().kind()).isEqualTo(Supply.Kind.BATTERY);
        assertThat(r.supply().volts()).isEqualTo(9.0);
        assertThat(r.value(Quantity.CURRENT)).get().satisfies(v -> assertThat(v.value()).isEqualTo(0.02));
        assertThat(r.constraints()).containsExactly(Constraint.PULL_UP);
        assertThat(r.recipe()).isNull();
        assertThat(r.pinWishes()).singleElement().satisfies(w -> {
            assertThat(w.partId()).isEqualTo("dht22");
            assertThat(w.boardPin()).isEqualTo("4");
            assertThat(w.devicePin()).isNull();
        });
    }

    @Test
    void aValueLeftInItsPrefixedUnitIsSentBackWithTheSiFigure() {
        String answer = ESP_BME_ANSWER.replace("\"values\":[]",
                "\"values\":[{\"quantity\":\"CURRENT\",\"value\":20,\"phrase\":\"20 mA\"}]");
        ScriptedChatModel model = new ScriptedChatModel(true).answer(Prompts.IDENTIFY, answer)
                .answer(Prompts.IDENTIFY, ESP_BME_ANSWER.replace("\"values\":[]",
                        "\"values\":[{\"quantity\":\"CURRENT\",\"value\":0.02,\"phrase\":\"20 mA\"}]"));
        Requirements r = identifier(model).identify(ESP_BME + ", LED at 20 mA");
        assertThat(model.requests()).hasSize(2);
        assertThat(model.requests().get(1).messages().toString())
                .contains("values[0]: 20 for '20 mA' is not in SI base units: 20 mA is 0.02; write it as 0.02");
        assertThat(r.value(Quantity.CURRENT)).get().satisfies(v -> assertThat(v.value()).isEqualTo(0.02));
    }

    @Test
    void onlyAPowerOfAThousandOffTheWrittenValueCountsAsUnconverted() {
        assertThat(LlmIdentifier.unconverted(0.02, "20 mA")).isNull();
        assertThat(LlmIdentifier.unconverted(1, "cut-off at 1 kHz")).contains("1 kHz is 1000;");
        assertThat(LlmIdentifier.unconverted(1000, "1 kHz")).isNull();
        assertThat(LlmIdentifier.unconverted(4700, "4.7kΩ")).isNull();
        assertThat(LlmIdentifier.unconverted(4.7, "4.7 kohm")).contains("is 4700;");
        assertThat(LlmIdentifier.unconverted(10, "gain of 20 dB")).isNull();   // derived, not a prefix slip
        assertThat(LlmIdentifier.unconverted(5, "5 V")).isNull();
        assertThat(LlmIdentifier.unconverted(1e-6, "100 nF")).isNull();        // off, but not by a power of 1000
        assertThat(LlmIdentifier.unconverted(0.0001, "100 nF")).contains("100 nF is 0.0000001;");
    }

    @Test
    void aNamedBoardIsNotMarkedDefaulted() {
        ScriptedChatModel model = new ScriptedChatModel(true).answer(Prompts.IDENTIFY, ESP_BME_ANSWER);
        Requirements r = identifier(model).identify(ESP_BME);
        assertThat(r.board()).get().satisfies(b -> {
            assertThat(b.id()).isEqualTo("esp32-devkit-v1");
            assertThat(b.defaulted()).isFalse();
        });
        assertThat(r.constraints()).containsExactly(Constraint.VIA_I2C);
        assertThat(r.notes()).contains("BME280 breakout on the ESP32's default I2C bus");
    }

    @Test
    void withoutSchemaSupportAPartOutsideTheEnumIsSentBackAndTheRepairedAnswerUsed() {
        ScriptedChatModel model = new ScriptedChatModel(false)
                .answer(Prompts.IDENTIFY, ESP_BME_ANSWER.replace("bme280-module", "bme280-breakout-xyz"))
                .answer(Prompts.IDENTIFY, ESP_BME_ANSWER);
        Requirements r = identifier(model).identify(ESP_BME);

        assertThat(r.parts()).extracting(PartRequest::id).containsExactly("esp32-devkit-v1", "bme280-module");
        List<ChatRequest> requests = model.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).responseFormat()).as("no response format without the capability").isNull();
        assertThat(ScriptedChatModel.system(requests.get(0))).contains("\"bme280-module\"");   // schema in the prompt
        assertThat(ScriptedChatModel.lastUser(requests.get(1))).contains("cannot be used").contains("parts[1].id");
    }

    @Test
    void aBoardRoleOnASensorIsSentBack() {
        ScriptedChatModel model = new ScriptedChatModel(true)
                .answer(Prompts.IDENTIFY, ESP_BME_ANSWER.replace("\"PERIPHERAL\"", "\"BOARD\""))
                .answer(Prompts.IDENTIFY, ESP_BME_ANSWER);
        identifier(model).identify(ESP_BME);
        assertThat(ScriptedChatModel.lastUser(model.requests().get(1)))
                .contains("bme280-module is a sensor, not a development board or a microcontroller");
    }

    @Test
    void aBareMicrocontrollerMayBeTheBoard() {
        String answer = """
                {"parts":[{"id":"attiny85","quantity":1,"role":"BOARD","phrase":"ATtiny85"},
                          {"id":"led-red","quantity":2,"role":"INDICATOR","phrase":"two LEDs"}],
                 "supply":{"kind":"UNSPECIFIED","volts":0},"values":[],"constraints":[],"recipe":"NONE",
                 "pinWishes":[],"unresolved":[],"notes":[]}""";
        ScriptedChatModel model = new ScriptedChatModel(true).answer(Prompts.IDENTIFY, answer);
        Requirements r = identifier(model).identify("ATtiny85 blinking two LEDs");
        assertThat(model.requests()).hasSize(1);
        assertThat(r.board()).get().satisfies(b -> assertThat(b.id()).isEqualTo("attiny85"));
    }

    @Test
    void anAnswerThatStaysOutsideTheEnumEndsInBadResponse() {
        String bad = ESP_BME_ANSWER.replace("bme280-module", "bme280-breakout-xyz");
        ScriptedChatModel model = new ScriptedChatModel(false)
                .answer(Prompts.IDENTIFY, bad).answer(Prompts.IDENTIFY, bad).answer(Prompts.IDENTIFY, bad);
        assertThatThrownBy(() -> identifier(model).identify(ESP_BME))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmException.Kind.BAD_RESPONSE);
                    assertThat(e.getMessage()).contains("scripted:test").contains("identify");
                });
    }

    @Test
    void nothingUsableIsNotUnderstoodWithThreeExamplePrompts() {
        ScriptedChatModel model = new ScriptedChatModel(true).answer(Prompts.IDENTIFY, """
                {"parts":[],"supply":{"kind":"UNSPECIFIED","volts":0},"values":[],"constraints":[],"recipe":"NONE",
                 "pinWishes":[],"unresolved":[],"notes":[]}""");
        assertThatThrownBy(() -> identifier(model).identify("what is the weather like"))
                .isInstanceOfSatisfying(DesignException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DesignException.Reason.NOT_UNDERSTOOD);
                    assertThat(e.suggestions()).hasSize(3);
                });
    }

    @Test
    void anUnresolvedPhraseGetsItsNearestPartsFromSearch() {
        ScriptedChatModel model = new ScriptedChatModel(true).answer(Prompts.IDENTIFY, """
                {"parts":[{"id":"arduino-uno-r3","quantity":1,"role":"BOARD","phrase":"Arduino Uno"}],
                 "supply":{"kind":"UNSPECIFIED","volts":0},"values":[],"constraints":[],"recipe":"NONE",
                 "pinWishes":[],"unresolved":[{"phrase":"BME688 gas sensor"}],"notes":[]}""");
        Requirements r = identifier(model).identify("Arduino Uno with a BME688 gas sensor");
        assertThat(r.unresolved()).singleElement().satisfies(u -> {
            assertThat(u.phrase()).isEqualTo("BME688 gas sensor");
            assertThat(u.nearest()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        });
    }

    @Test
    void aToolCallSearchesTheKnowledgeBase() {
        ScriptedChatModel model = new ScriptedChatModel(true)
                .toolCall(Prompts.IDENTIFY, "search_parts", "{\"query\":\"temperature humidity pressure sensor\"}")
                .answer(Prompts.IDENTIFY, ESP_BME_ANSWER);
        identifier(model).identify(ESP_BME);
        assertThat(ScriptedChatModel.toolResults(model.requests().get(1))).singleElement()
                .satisfies(t -> assertThat(t).contains("bme280-module — "));
    }
}
