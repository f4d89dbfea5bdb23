package dev.kirchhoff.agents.llm;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client's own behaviour, against a model scripted in-process: fallbacks, parsing, problems, usage. */
class LlmClientTest {

    private static final JsonSchema PICK = JsonSchema.builder().name("pick").rootElement(JsonObjectSchema.builder()
            .addEnumProperty("part", List.of("bme280-module", "ssd1306-i2c-oled"))
            .required("part").additionalProperties(false).build()).build();

    /** Answers each request with a function of it and records the requests. */
    private static final class Model implements ChatModel {
        final List<ChatRequest> requests = new ArrayList<>();
        final Function<ChatRequest, ChatResponse> answer;

        Model(Function<ChatRequest, ChatResponse> answer) {
            this.answer = answer;
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            requests.add(request);
            return answer.apply(request);
        }

        @Override
        public Set<Capability> supportedCapabilities() {
            return Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
        }
    }

    private static ChatResponse text(String s) {
        return ChatResponse.builder().aiMessage(AiMessage.from(s)).tokenUsage(new TokenUsage(100, 20)).build();
    }

    static final class PartTool {
        @Tool("Looks a part up")
        public String lookup(@P("the part id") String id) {
            return id + ": BME280 module";
        }
    }

    @Test
    void aServerThatRefusesSchemasAndToolsIsAskedWithoutThemAndTheClientRemembers() {
        Model model = new Model(r -> {
            if (r.responseFormat() != null && r.responseFormat().jsonSchema() != null) {
                throw new LlmException(LlmException.Kind.BAD_REQUEST, "response_format is not supported");
            }
            if (!r.toolSpecifications().isEmpty()) {
                throw new LlmException(LlmException.Kind.BAD_REQUEST, "this model does not support tools");
            }
            return text("{\"part\": \"bme280-module\"}");
        });
        LlmClient client = new LlmClient(model, "openai:local");
        StructuredCall call = StructuredCall.of("identify", "Pick a part.", "a BME280", PICK)
                .withTools(new PartTool(), 2);

        Reply reply = client.structured(call);
        assertThat(reply.answer().path("part").asText()).isEqualTo("bme280-module");
        assertThat(reply.schemaEnforced()).isFalse();
        assertThat(model.requests).hasSize(3);
        ChatRequest last = model.requests.get(2);
        assertThat(last.toolSpecifications()).isEmpty();
        assertThat(last.messages().get(0).toString()).contains("conforms to this JSON Schema")
                .contains("ssd1306-i2c-oled");
        assertThat(client.schemaEnforced()).isFalse();
        assertThat(client.toolsRefused()).isTrue();

        client.structured(call);
        assertThat(model.requests).hasSize(4);   // straight to the request the server takes
    }

    @Test
    void aBadRequestWithNothingLeftToDropIsThrown() {
        Model model = new Model(r -> {
            throw new LlmException(LlmException.Kind.BAD_REQUEST, "model 'nope' not found");
        });
        LlmClient client = new LlmClient(model, "ollama:nope");
        assertThatThrownBy(() -> client.structured(StructuredCall.of("identify", "s", "u", PICK)))
                .isInstanceOf(LlmException.class).hasMessageContaining("not found");
        assertThat(model.requests).hasSize(2);   // with the schema, then with the schema in the prompt
        assertThat(client.schemaEnforced()).isTrue();   // never answered without it: not switched off
    }

    @Test
    void aReasoningModelsThoughtsAndCodeFencesAreSkipped() {
        Deque<String> answers = new ArrayDeque<>(List.of(
                "<think>The user wants {a sensor}; bme280 fits.</think>\n```json\n{\"part\": \"bme280-module\"}\n```"));
        Model model = new Model(r -> text(answers.pop()));
        Reply reply = new LlmClient(model, "ollama:qwen3").structured(StructuredCall.of("identify", "s", "u", PICK));
        assertThat(reply.answer().path("part").asText()).isEqualTo("bme280-module");
        assertThat(reply.repairs()).isZero();
    }

    @Test
    void aValueOutsideTheEnumIsNamedInTheRepairAndTheUsageIsCounted() {
        Deque<String> answers = new ArrayDeque<>(List.of("{\"part\": \"bme820\"}", "{\"part\": \"bme280-module\"}"));
        Model model = new Model(r -> text(answers.pop()));
        LlmClient client = new LlmClient(model, "openai:test");
        Reply reply = client.structured(StructuredCall.of("identify", "s", "u", PICK));
        assertThat(reply.repairs()).isEqualTo(1);
        assertThat(model.requests.get(1).messages().get(3).toString())
                .contains("$.part: 'bme820' is not one of the values the schema allows there");
        Usage u = client.takeUsage();
        assertThat(u.calls()).isEqualTo(2);
        assertThat(u.inputTokens()).isEqualTo(200);
        assertThat(u.outputTokens()).isEqualTo(40);
        assertThat(u.repairs()).isEqualTo(1);
        assertThat(client.takeUsage()).isEqualTo(Usage.NONE);
    }

    @Test
    void onlyThinkingIsAnAnswerToRepair() {
        List<String> problems = new ArrayList<>();
        assertThat(LlmClient.parse("<think>hmm {x}</think>", problems)).isNull();
        assertThat(problems).containsExactly("the answer held only reasoning, no JSON; answer with the JSON object");
    }
}
