package dev.kirchhoff.eval.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kirchhoff.agents.llm.LlmClient;
import dev.kirchhoff.agents.llm.Reply;
import dev.kirchhoff.agents.llm.StructuredCall;
import dev.kirchhoff.eval.PromptFile;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Asks a language model which quantity a question asks for when {@link QuestionReader}'s patterns cannot tell, with
 * grammar-guided decoding: the answer's JSON Schema enumerates this netlist's own sources, elements and nodes, so
 * the model can only point at what exists, and the solver then computes the quantity exactly. The model never gives
 * the answer itself. Thread-safe when its client is.
 */
final class ModelQuestionReader {
    /** The template's id and version, the first line of its system message. */
    static final String TEMPLATE = "eval/agent/question.v1";
    private static final List<String> KINDS = List.of("transfer", "node_voltage", "element_voltage", "current",
            "power", "gain", "none");

    private final LlmClient client;

    ModelQuestionReader(LlmClient client) {
        this.client = client;
    }

    /**
     * What {@code question} asks of the circuit, or empty when the model says it asks for none of the kinds.
     *
     * @throws dev.kirchhoff.agents.llm.LlmException when the model cannot be asked or gives no usable answer
     */
    Optional<Asked> read(String question, String netlist, NetlistNames names) {
        Reply reply = client.structured(call(question, netlist, names));
        return asked(reply.answer(), names);
    }

    /** The request: the template filled in, and the schema with this circuit's names as enums. */
    static StructuredCall call(String question, String netlist, NetlistNames names) {
        PromptFile template = PromptFile.read(TEMPLATE);
        String system = template.system().replace("{{netlist}}", netlist.strip());
        String user = template.user().replace("{{question}}", question.strip());
        List<String> inputs = new ArrayList<>(names.sources());
        inputs.add("none");
        Set<String> outputs = new LinkedHashSet<>(names.elements().keySet());
        outputs.addAll(names.nodes());
        outputs.add("none");
        JsonObjectSchema root = JsonObjectSchema.builder()
                .addProperty("kind", JsonEnumSchema.builder().enumValues(KINDS).build())
                .addProperty("input", JsonEnumSchema.builder().enumValues(inputs).build())
                .addProperty("output", JsonEnumSchema.builder().enumValues(List.copyOf(outputs)).build())
                .addProperty("hertz", JsonNumberSchema.builder().build())
                .addProperty("decibels", JsonBooleanSchema.builder().build())
                .required("kind", "input", "output", "hertz", "decibels")
                .additionalProperties(false).build();
        JsonSchema schema = JsonSchema.builder().name("asked_quantity").rootElement(root).build();
        return StructuredCall.of("question", system, user, schema).withCheck(answer -> problems(answer, names));
    }

    /** What the schema cannot say: a transfer needs an input, every kind but none needs an output. */
    private static List<String> problems(JsonNode answer, NetlistNames names) {
        String kind = answer.path("kind").asText();
        List<String> problems = new ArrayList<>();
        if ((kind.equals("transfer") || kind.equals("gain")) && answer.path("input").asText().equals("none")) {
            problems.add("A " + kind + " needs its input source: one of " + names.sources() + ".");
        }
        if (!kind.equals("none") && answer.path("output").asText().equals("none")) {
            problems.add("Say which element or node the question is about.");
        }
        if (kind.equals("gain") && !(answer.path("hertz").asDouble() > 0)) {
            problems.add("A gain at one frequency needs that frequency in hertz, above 0.");
        }
        return problems;
    }

    static Optional<Asked> asked(JsonNode a, NetlistNames names) {
        String input = a.path("input").asText();
        String output = a.path("output").asText();
        boolean element = names.elements().containsKey(output);
        return switch (a.path("kind").asText()) {
            case "transfer" -> Optional.of(new Asked.Transfer(input, output));
            case "node_voltage" -> Optional.of(element ? new Asked.ElementVoltage(output) : new Asked.NodeVoltage(output));
            case "element_voltage" -> Optional.of(element ? new Asked.ElementVoltage(output)
                    : new Asked.NodeVoltage(output));
            case "current" -> element ? Optional.of(new Asked.Current(output)) : Optional.empty();
            case "power" -> element ? Optional.of(new Asked.Power(output)) : Optional.empty();
            case "gain" -> Optional.of(new Asked.Gain(input, output, a.path("hertz").asDouble(),
                    a.path("decibels").asBoolean()));
            default -> Optional.empty();
        };
    }
}
