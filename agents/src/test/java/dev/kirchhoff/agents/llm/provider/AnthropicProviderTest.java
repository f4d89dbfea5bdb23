package dev.kirchhoff.agents.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kirchhoff.agents.llm.LlmClient;
import dev.kirchhoff.agents.llm.LlmException;
import dev.kirchhoff.agents.llm.Reply;
import dev.kirchhoff.agents.llm.provider.Calls.PinTools;
import dev.kirchhoff.agents.llm.provider.Calls.RecordingSleeper;
import dev.kirchhoff.agents.llm.wire.AnthropicWireServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.kirchhoff.agents.llm.provider.Calls.GOOD;
import static dev.kirchhoff.agents.llm.provider.Calls.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Anthropic provider through LangChain4j's real {@code AnthropicChatModel} against a local Messages API. */
class AnthropicProviderTest {

    private final AnthropicWireServer server = new AnthropicWireServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @AfterEach
    void close() {
        server.close();
    }

    private LlmClient client() {
        LlmSettings s = LlmSettings.of(ModelSpec.parse("anthropic:claude-sonnet-4-5"), Secret.of(KEY))
                .withBaseUrl(server.baseUrl()).withTimeout(Duration.ofSeconds(2));
        return new LlmClient(ChatModels.create(s, sleeper, () -> 0.5), s.spec().toString());
    }

    @Test
    void schemaGoesOutAsStructuredOutputWithTheEnums() {
        server.replyJson(GOOD);

        Reply reply = client().structured(Calls.partCall("bme280-module", "ssd1306-module"));

        assertThat(reply.schemaEnforced()).isTrue();
        assertThat(reply.answer().path("part").asText()).isEqualTo("bme280-module");
        assertThat(reply.usage().inputTokens()).isEqualTo(AnthropicWireServer.INPUT_TOKENS);
        JsonNode body = server.request(0).body();
        assertThat(server.request(0).path()).isEqualTo("/v1/messages");
        assertThat(body.path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(ChatModels.ANTHROPIC_MAX_TOKENS);
        assertThat(body.at("/output_config/format/type").asText()).isEqualTo("json_schema");
        assertThat(texts(body.at("/output_config/format/schema/properties/part/enum")))
                .containsExactly("bme280-module", "ssd1306-module");
        assertThat(server.request(0).header("x-api-key")).isEqualTo(KEY);
        assertThat(body.toString()).doesNotContain(KEY);
    }

    @Test
    void toolCallRoundTripsAsAToolResultBlock() {
        server.replyToolCall("pinsOf", "{\"part\":\"bme280-module\"}").replyJson(GOOD);
        PinTools tools = new PinTools();

        Reply reply = client().structured(Calls.partCall("bme280-module").withTools(tools, 2));

        assertThat(tools.asked).containsExactly("bme280-module");
        assertThat(reply.toolCalls()).extracting(Reply.ToolCall::name).containsExactly("pinsOf");
        JsonNode msgs = server.request(1).messages();
        JsonNode last = msgs.get(msgs.size() - 1);
        assertThat(last.path("role").asText()).isEqualTo("user");
        assertThat(last.at("/content/0/type").asText()).isEqualTo("tool_result");
        assertThat(last.at("/content/0/tool_use_id").asText()).isEqualTo("toolu_0");
    }

    @Test
    void refusedKeyIsAuth() {
        server.replyStatus(401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                + "\"message\":\"invalid x-api-key\"}}");

        assertThatThrownBy(() -> client().structured(Calls.partCall("bme280-module")))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmException.Kind.AUTH);
                    assertThat(e.getMessage()).contains("check ANTHROPIC_API_KEY").doesNotContain(KEY);
                });
        assertThat(sleeper.waits).isEmpty();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
