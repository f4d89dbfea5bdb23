package dev.kirchhoff.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kirchhoff.agents.llm.wire.WireServer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers the LLM engine's requests for "a red LED on an Arduino Uno" the way a server with constrained decoding
 * would: it reads the stage from the system message's first line ({@code prompt: design/<id>}) and the request's
 * JSON Schema (OpenAI {@code response_format.json_schema.schema}, Ollama {@code format}), and builds the answer only
 * from values that schema enumerates. A value the design needs but the schema does not offer is a test failure, not
 * a guess. Stateless and thread-safe.
 */
final class LlmResponder implements WireServer.Responder {

    static final String BOARD = "arduino-uno-r3";
    static final String LED = "led-red";
    static final String BOARD_REF = "U1";
    static final String LED_REF = "D1";
    static final String RESISTOR_REF = "R1";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public WireServer.Scripted answer(JsonNode body) {
        String stage = stage(body);
        JsonNode schema = schema(body).orElseThrow(() -> new AssertionError("the " + stage
                + " request carries no JSON Schema: " + body));
        ObjectNode answer = switch (stage) {
            case "identify" -> identify(schema);
            case "components" -> components(schema);
            case "wiring" -> wiring(schema, null);
            default -> throw new AssertionError("unknown stage '" + stage + "' in " + body);
        };
        return WireServer.Scripted.content(answer.toString());
    }

    /** The stage of a chat request: {@code identify} for a system message starting {@code prompt: design/identify.v1}. */
    static String stage(JsonNode body) {
        String first = systemText(body).lines().findFirst().orElse("");
        if (!first.startsWith("prompt: design/")) {
            throw new AssertionError("the system message does not start with 'prompt: design/': " + first);
        }
        String id = first.substring("prompt: design/".length()).strip();
        int dot = id.indexOf('.');
        return dot < 0 ? id : id.substring(0, dot);
    }

    /** The text of the request's system message (OpenAI and Ollama both send it as the first message). */
    static String systemText(JsonNode body) {
        for (JsonNode m : body.path("messages")) {
            if ("system".equals(m.path("role").asText())) {
                return m.path("content").asText("");
            }
        }
        return "";
    }

    /** The JSON Schema a request constrains its answer with, in OpenAI's or Ollama's place; empty when none. */
    static Optional<JsonNode> schema(JsonNode body) {
        JsonNode openAi = body.at("/response_format/json_schema/schema");
        if (openAi.isObject()) {
            return Optional.of(openAi);
        }
        JsonNode ollama = body.path("format");
        return ollama.isObject() ? Optional.of(ollama) : Optional.empty();
    }

    /** The enumeration at {@code pointer} in {@code schema}, as strings. */
    static List<String> enumAt(JsonNode schema, String pointer) {
        JsonNode e = schema.at(pointer);
        if (!e.isArray()) {
            throw new AssertionError("the schema has no enumeration at " + pointer + ": " + schema);
        }
        List<String> out = new ArrayList<>();
        e.forEach(v -> out.add(v.asText()));
        return out;
    }

    /** {@code value}, after checking that the enumeration offers it. */
    static String pick(List<String> enumeration, String value) {
        if (!enumeration.contains(value)) {
            throw new AssertionError("the schema does not offer '" + value + "'; it offers " + enumeration);
        }
        return value;
    }

    /** Whether any user message of the conversation is a repair request (the client's "cannot be used" text). */
    static boolean isRepair(JsonNode body) {
        for (JsonNode m : body.path("messages")) {
            if ("user".equals(m.path("role").asText()) && m.path("content").asText("")
                    .startsWith("Your answer cannot be used")) {
                return true;
            }
        }
        return false;
    }

    static ObjectNode identify(JsonNode schema) {
        List<String> ids = enumAt(schema, "/properties/parts/items/properties/id/enum");
        List<String> roles = enumAt(schema, "/properties/parts/items/properties/role/enum");
        ObjectNode a = JSON.createObjectNode();
        ArrayNode parts = a.putArray("parts");
        parts.addObject().put("id", pick(ids, BOARD)).put("quantity", 1).put("role", pick(roles, "BOARD"))
                .put("phrase", "Arduino Uno");
        parts.addObject().put("id", pick(ids, LED)).put("quantity", 1).put("role", pick(roles, "INDICATOR"))
                .put("phrase", "red LED");
        a.putObject("supply").put("kind", pick(enumAt(schema, "/properties/supply/properties/kind/enum"),
                "UNSPECIFIED")).put("volts", 0);
        a.putArray("values");
        a.putArray("constraints");
        a.put("recipe", pick(enumAt(schema, "/properties/recipe/enum"), "NONE"));
        a.putArray("pinWishes");
        a.putArray("unresolved");
        a.putArray("notes");
        return a;
    }

    static ObjectNode components(JsonNode schema) {
        List<String> partIds = enumAt(schema, "/properties/components/items/properties/part/enum");
        List<String> kinds = enumAt(schema, "/properties/components/items/properties/kind/enum");
        String none = pick(partIds, "none");
        ObjectNode a = JSON.createObjectNode();
        a.put("title", "Red LED on an Arduino Uno");
        ArrayNode comps = a.putArray("components");
        comps.addObject().put("ref", BOARD_REF).put("kind", pick(kinds, "PART")).put("part", pick(partIds, BOARD))
                .put("value", "").put("purpose", "the controller");
        comps.addObject().put("ref", LED_REF).put("kind", pick(kinds, "LED")).put("part", pick(partIds, LED))
                .put("value", "").put("purpose", "the indicator");
        comps.addObject().put("ref", RESISTOR_REF).put("kind", pick(kinds, "RESISTOR")).put("part", none)
                .put("value", "330").put("purpose", "limits the LED current to about 9 mA");
        a.putArray("rails");
        ObjectNode c = a.putArray("computations").addObject();
        c.put("ref", RESISTOR_REF).put("quantity", "resistance").put("formula", "(5 V - 2.0 V) / 10 mA")
                .put("exact", 300).put("chosen", 330).put("series", "E12").put("result", "9.1 mA");
        ObjectNode why = a.putArray("rationale").addObject();
        why.put("topic", "LED current").put("text", "A 5 V pin drives the LED through 330 ohms.");
        why.putArray("facts").add("led-red: VF 2.0 V at 20 mA");
        a.putArray("notes");
        return a;
    }

    /**
     * The wiring: D13 → R1 → LED anode, LED cathode → board GND. With {@code badPin} the first net names that pin
     * instead of D13, as a server that ignores the schema might.
     */
    static ObjectNode wiring(JsonNode schema, String badPin) {
        List<String> pins = enumAt(schema, "/properties/nets/items/properties/pins/items/enum");
        String d13 = pick(pins, BOARD_REF + ":D13");
        String gnd = pins.stream().filter(p -> p.startsWith(BOARD_REF + ":GND")).findFirst()
                .orElseThrow(() -> new AssertionError("the pin enumeration has no GND pin of the board: " + pins));
        String host = badPin != null ? badPin : d13;
        ObjectNode a = JSON.createObjectNode();
        ArrayNode nets = a.putArray("nets");
        net(nets, "LED_DRIVE", host, pick(pins, RESISTOR_REF + ":1"));
        net(nets, "LED_A", pick(pins, RESISTOR_REF + ":2"), pick(pins, LED_REF + ":A"));
        net(nets, "GND", pick(pins, LED_REF + ":K"), gnd);
        a.putArray("assignments").addObject().put("signal", "LED").put("hostPin", host)
                .put("devicePin", pick(pins, LED_REF + ":A")).put("reason", "D13 is the Uno's LED pin");
        return a;
    }

    private static void net(ArrayNode nets, String name, String... pins) {
        ArrayNode p = nets.addObject().put("name", name).putArray("pins");
        for (String pin : pins) {
            p.add(pin);
        }
    }
}
