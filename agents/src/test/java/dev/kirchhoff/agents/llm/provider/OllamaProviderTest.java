package dev.kirchhoff.agents.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kirchhoff.agents.llm.LlmClient;
import dev.kirchhoff.agents.llm.LlmException;
import dev.kirchhoff.agents.llm.Reply;
import dev.kirchhoff.agents.llm.provider.Calls.PinTools;
import dev.kirchhoff.agents.llm.provider.Calls.RecordingSleeper;
import dev.kirchhoff.agents.llm.wire.OllamaWireServer;
import dev.kirchhoff.agents.llm.wire.WireServer.Scripted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.kirchhoff.agents.llm.provider.Calls.GOOD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Ollama provider through LangChain4j's real {@code OllamaChatModel} against a local {@code /api/chat}. */
class OllamaProviderTest {

    private final OllamaWireServer server = new OllamaWireServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @AfterEach
    void close() {
        server.close();
    }

    private LlmSettings settings() {
        return LlmSettings.of(ModelSpec.parse("ollama:qwen2.5:7b"), null).withBaseUrl(server.baseUrl())
                .withTimeout(Duration.ofSeconds(2));
    }

    private LlmClient client(LlmSettings s) {
        return new LlmClient(ChatModels.create(s, sleeper, () -> 0.5), s.spec().toString());
    }

    @Test
    void schemaGoesOutAsFormatWithTheEnumsAndTheAnswerParses() {
        server.replyJson(GOOD);

        Reply reply = client(settings()).structured(Calls.partCall("bme280-module", "ssd1306-module"));

        assertThat(reply.schemaEnforced()).isTrue();
        assertThat(reply.answer().path("part").asText()).isEqualTo("bme280-module");
        assertThat(reply.answer().path("pin").asText()).isEqualTo("bme:SDA");
        assertThat(reply.usage().inputTokens()).isEqualTo(OllamaWireServer.PROMPT_TOKENS);
        assertThat(reply.usage().outputTokens()).isEqualTo(OllamaWireServer.COMPLETION_TOKENS);
        JsonNode body = server.request(0).body();
        assertThat(server.request(0).path()).isEqualTo("/api/chat");
        assertThat(body.path("model").asText()).isEqualTo("qwen2.5:7b");
        assertThat(body.path("stream").asBoolean(true)).isFalse();
        assertThat(body.at("/options/temperature").asDouble(-1)).isEqualTo(0.0);
        // a context window that holds a wiring prompt, not Ollama's own 2-4k default that would cut it silently
        assertThat(body.at("/options/num_ctx").asInt(-1)).isEqualTo(LlmSettings.OLLAMA_CONTEXT_TOKENS);
        JsonNode format = body.path("format");
        assertThat(format.path("type").asText()).isEqualTo("object");
        assertThat(texts(format.at("/properties/part/enum"))).containsExactly("bme280-module", "ssd1306-module");
        assertThat(texts(format.at("/properties/pin/enum"))).containsExactly("bme:SDA", "bme:SCL");
        assertThat(texts(format.path("required"))).containsExactly("part", "pin");
        assertThat(server.request(0).header("Authorization")).isNull();
    }

    @Test
    void toolCallRoundTripsAsAToolMessage() {
        server.replyToolCall("pinsOf", "{\"part\":\"bme280-module\"}").replyJson(GOOD);
        PinTools tools = new PinTools();

        Reply reply = client(settings()).structured(Calls.partCall("bme280-module").withTools(tools, 2));

        assertThat(tools.asked).containsExactly("bme280-module");
        assertThat(reply.toolCalls()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("pinsOf");
            assertThat(c.result()).contains("SDA");
        });
        assertThat(server.requests()).hasSize(2);
        assertThat(server.request(0).body().at("/tools/0/function/name").asText()).isEqualTo("pinsOf");
        JsonNode msgs = server.request(1).messages();
        JsonNode assistant = msgs.get(msgs.size() - 2);
        JsonNode tool = msgs.get(msgs.size() - 1);
        assertThat(assistant.path("role").asText()).isEqualTo("assistant");
        assertThat(assistant.at("/tool_calls/0/function/name").asText()).isEqualTo("pinsOf");
        assertThat(assistant.at("/tool_calls/0/function/arguments/part").asText()).isEqualTo("bme280-module");
        assertThat(tool.path("role").asText()).isEqualTo("tool");
        assertThat(tool.path("content").asText()).contains("VCC, GND, SCL, SDA");
        assertThat(reply.answer().path("part").asText()).isEqualTo("bme280-module");
    }

    @Test
    void responderAnswersFromTheSchemaEnum() {
        // what end-to-end tests do: pick the first value the schema allows
        server.responder(request -> Scripted.content("{\"part\":\""
                + request.at("/format/properties/part/enum/0").asText() + "\",\"pin\":\"bme:SCL\"}"));

        Reply reply = client(settings()).structured(Calls.partCall("ssd1306-module", "bme280-module"));

        assertThat(reply.answer().path("part").asText()).isEqualTo("ssd1306-module");
    }

    @Test
    void answerOutsideTheEnumIsRepaired() {
        server.replyJson("{\"part\":\"bme680-module\",\"pin\":\"bme:SDA\"}").replyJson(GOOD);

        Reply reply = client(settings()).structured(Calls.partCall("bme280-module"));

        assertThat(reply.repairs()).isEqualTo(1);
        JsonNode msgs = server.request(1).messages();
        assertThat(msgs.get(msgs.size() - 1).path("content").asText()).contains("schema:");
    }

    @Test
    void serverErrorIsRetriedThenSucceeds() {
        server.replyStatus(500, "{\"error\":\"llama runner process has terminated\"}").replyJson(GOOD);

        Reply reply = client(settings()).structured(Calls.partCall("bme280-module"));

        assertThat(reply.answer().path("part").asText()).isEqualTo("bme280-module");
        assertThat(server.requests()).hasSize(2);
        assertThat(sleeper.waits).hasSize(1);
    }

    @Test
    void unknownModelSaysToPullIt() {
        server.responder(r -> Scripted.status(404, "{\"error\":\"model \\\"qwen2.5:7b\\\" not found, try pulling it "
                + "first\"}"));

        assertThatThrownBy(() -> client(settings()).structured(Calls.partCall("bme280-module")))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmException.Kind.BAD_REQUEST);
                    assertThat(e.getMessage()).contains("model 'qwen2.5:7b' was not found",
                            "ollama pull qwen2.5:7b");
                });
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void slowAnswerIsATimeout() {
        server.replyDelay(Duration.ofSeconds(3));

        assertThatThrownBy(() -> client(settings().withTimeout(Duration.ofMillis(300)).withMaxRetries(0))
                .structured(Calls.partCall("bme280-module")))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmException.Kind.TIMEOUT);
                    assertThat(e.getMessage()).contains("within 300 ms", "KIRCHHOFF_LLM_TIMEOUT");
                });
    }

    @Test
    void nothingListeningSaysStartOllamaServe() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        LlmSettings s = settings().withBaseUrl("http://127.0.0.1:" + port);

        long t = System.nanoTime();
        assertThatThrownBy(() -> client(s).structured(Calls.partCall("bme280-module")))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmException.Kind.UNREACHABLE);
                    assertThat(e.getMessage()).contains("ollama", "qwen2.5:7b", "127.0.0.1:" + port,
                            "Is the server running? Start `ollama serve`, or set OLLAMA_BASE_URL.");
                });
        assertThat(sleeper.waits).isEmpty();
        assertThat((System.nanoTime() - t) / 1_000_000).isLessThan(1_500);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
