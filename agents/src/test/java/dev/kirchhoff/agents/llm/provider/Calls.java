package dev.kirchhoff.agents.llm.provider;

import dev.kirchhoff.agents.llm.StructuredCall;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Shared fixtures of the provider tests: a schema with enums of part ids and pins, a tools object, a sleeper. */
final class Calls {

    static final String KEY = "sk-test-7f3a9c-SECRET";

    private Calls() {
    }

    /** Answers must name one of {@code parts} and one of two real BME280 pins. */
    static JsonSchema partSchema(String... parts) {
        return JsonSchema.builder().name("part_choice").rootElement(JsonObjectSchema.builder()
                .addEnumProperty("part", List.of(parts))
                .addEnumProperty("pin", List.of("bme:SDA", "bme:SCL"))
                .required("part", "pin")
                .additionalProperties(false)
                .build()).build();
    }

    static StructuredCall partCall(String... parts) {
        return StructuredCall.of("components", "You choose parts for a circuit.",
                "Which part reads temperature and humidity, and which pin carries I2C data?", partSchema(parts));
    }

    static final String GOOD = "{\"part\":\"bme280-module\",\"pin\":\"bme:SDA\"}";

    /** A tool the model may call: the pin table of a part. */
    public static final class PinTools {
        final List<String> asked = new ArrayList<>();

        @Tool("Lists the pins of a knowledge-base part")
        public String pinsOf(@P("the part id") String part) {
            asked.add(part);
            return "bme280-module pins: VCC, GND, SCL, SDA";
        }
    }

    /** Records the waits instead of sleeping. */
    static final class RecordingSleeper implements ResilientChatModel.Sleeper {
        final List<Duration> waits = new ArrayList<>();

        @Override
        public void sleep(Duration d) {
            waits.add(d);
        }
    }
}
