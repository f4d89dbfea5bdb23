package dev.kirchhoff.agents.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kirchhoff.agents.llm.LlmClient;
import dev.kirchhoff.agents.llm.LlmException;
import dev.kirchhoff.agents.llm.Reply;
import dev.kirchhoff.agents.llm.provider.Calls.PinTools;
import dev.kirchhoff.agents.llm.provider.Calls.RecordingSleeper;
import dev.kirchhoff.agents.llm.wire.OpenAiWireServer;
import dev.kirchhoff.agents.llm.wire.WireServer.Recorded;
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
import static dev.kirchhoff.agents.llm.provider.Calls.KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAI provider through LangChain4j's real {@code OpenAiChatModel} against a local Chat Completions server. */
class OpenAiProviderTest {

    private final OpenAiWireServer server = new OpenAiWireServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<String> messages = new ArrayList<>();

    @AfterEach
    void close() {
        server.close();
        for (String m : messages) {
            assertThat(m).doesNotContain(KEY);
        }
    }

    private LlmSettings settings() {
        return LlmSettings.of(ModelSpec.parse("openai:gpt-4o-mini"), Secret.of(KEY)).withBaseUrl(server.baseUrl())
                .withTimeout(Duration.ofSeconds(2));
    }

    private LlmClient client(LlmSettings s) {
        return new LlmClient(ChatModels.create(s, sleeper, () -> 0.5), s.spec().toString());
    }

    private LlmException failure(LlmClient client) {
        try {
            client.structured(Calls.partCall("bme280-module", "ssd1306-module"));
        } catch (LlmException e) {
            messages.add(e.getMessage());
            return e;
        }
        throw new AssertionError("the call succeeded");
    }

    @Test
    void schemaGoesOutAsStrictJsonSchemaWithTheEnumsAndTheKeyOnlyInTheAuthorizationHeader() {
        server.replyJson(GOOD);

        Reply reply = client(settings()).structured(Calls.partCall("bme280-module", "ssd1306-module"));

        assertThat(reply.answer().path("part").asText()).isEqualTo("bme280-module");
        assertThat(reply.schemaEnforced()).isTrue();
        assertThat(reply.usage().inputTokens()).isEqualTo(OpenAiWireServer.PROMPT_TOKENS);
        assertThat(reply.usage().outputTokens()).isEqualTo(OpenAiWireServer.COMPLETION_TOKENS);
        Recorded r = server.request(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v1/chat/completions");
        JsonNode body = r.body();
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("temperature").asDouble(-1)).isEqualTo(0.0);
        assertThat(body.at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(body.at("/response_format/json_schema/strict").asBoolean()).isTrue();
        JsonNode schema = body.at("/response_format/json_schema/schema");
        assertThat(texts(schema.at("/properties/part/enum"))).containsExactly("bme280-module", "ssd1306-module");
        assertThat(texts(schema.at("/properties/pin/enum"))).containsExactly("bme:SDA", "bme:SCL");
        assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(body.toString()).doesNotContain(KEY);
        r.headers().forEach((name, values) -> {
            if (!name.equals("authorization")) {
                assertThat(values.toString()).as(name).doesNotContain(KEY);
            }
        });
    }

    @Test
    void toolCallRoundTripsWithTheToolCallId() {
        server.replyToolCall("pinsOf", "{\"part\":\"bme280-module\"}").replyJson(GOOD);
        PinTools tools = new PinTools();

        Reply reply = client(settings()).structured(Calls.partCall("bme280-module").withTools(tools, 2));

        assertThat(tools.asked).containsExactly("bme280-module");
        assertThat(reply.toolCalls()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("pinsOf");
            assertThat(c.arguments()).contains("bme280-module");
            assertThat(c.result()).contains("SDA");
        });
        assertThat(server.requests()).hasSize(2);
        assertThat(server.request(0).body().at("/tools/0/function/name").asText()).isEqualTo("pinsOf");
        JsonNode msgs = server.request(1).messages();
        JsonNode assistant = msgs.get(msgs.size() - 2);
        JsonNode tool = msgs.get(msgs.size() - 1);
        assertThat(assistant.path("role").asText()).isEqualTo("assistant");
        assertThat(assistant.at("/tool_calls/0/id").asText()).isEqualTo("call_0");
        assertThat(tool.path("role").asText()).isEqualTo("tool");
        assertThat(tool.path("tool_call_id").asText()).isEqualTo("call_0");
        assertThat(tool.path("content").asText()).contains("VCC, GND, SCL, SDA");
        assertThat(reply.answer().path("pin").asText()).isEqualTo("bme:SDA");
    }

    @Test
    void malformedJsonIsRepairedWithTheProblemSentBack() {
        server.replyJson("{\"part\": \"bme280-module\", ").replyJson(GOOD);

        Reply reply = client(settings()).structured(Calls.partCall("bme280-module"));

        assertThat(reply.repairs()).isEqualTo(1);
        assertThat(server.requests()).hasSize(2);
        JsonNode msgs = server.request(1).messages();
        assertThat(msgs.get(msgs.size() - 1).path("role").asText()).isEqualTo("user");
        assertThat(msgs.get(msgs.size() - 1).path("content").asText()).contains("not valid JSON");
    }

    @Test
    void emptyAnswerIsRepaired() {
        server.replyJson("").replyJson(GOOD);

        Reply reply = client(settings()).structured(Calls.partCall("bme280-module"));

        assertThat(reply.repairs()).isEqualTo(1);
        assertThat(server.requests()).hasSize(2);
        JsonNode msgs = server.request(1).messages();
        assertThat(msgs.get(msgs.size() - 1).path("content").asText()).contains("the answer was empty");
    }

    @Test
    void serverErrorIsRetriedAfterABackoff() {
        server.replyStatus(500, "{\"error\":{\"message\":\"overloaded\"}}").replyJson(GOOD);

        Reply reply = client(settings()).structured(Calls.partCall("bme280-module"));

        assertThat(reply.answer().path("part").asText()).isEqualTo("bme280-module");
        assertThat(server.requests()).hasSize(2);
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(375));
    }

    @Test
    void serverErrorEveryTimeGivesUpAfterMaxRetries() {
        for (int i = 0; i < 3; i++) {
            server.replyStatus(503, "{\"error\":{\"message\":\"overloaded\"}}");
        }

        LlmException e = failure(client(settings().withMaxRetries(2)));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.SERVER_ERROR);
        assertThat(server.requests()).hasSize(3);
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(375), Duration.ofMillis(750));
        assertThat(e.getMessage()).contains("openai", "gpt-4o-mini", server.baseUrl(), "503", "overloaded",
                "3 attempts");
    }

    @Test
    void rateLimitIsRetried() {
        server.replyStatus(429, "{\"error\":{\"message\":\"slow down\"}}").replyJson(GOOD);

        client(settings()).structured(Calls.partCall("bme280-module"));

        assertThat(server.requests()).hasSize(2);
        assertThat(sleeper.waits).hasSize(1);
    }

    @Test
    void slowAnswerIsATimeout() {
        server.replyDelay(Duration.ofSeconds(3));

        long t = System.nanoTime();
        LlmException e = failure(client(settings().withTimeout(Duration.ofMillis(300)).withMaxRetries(0)));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("300 ms", "KIRCHHOFF_LLM_TIMEOUT", server.baseUrl());
        assertThat((System.nanoTime() - t) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void timeoutIsRetriedOnce() {
        server.replyDelay(Duration.ofSeconds(3)).replyJson(GOOD);

        Reply reply = client(settings().withTimeout(Duration.ofMillis(300)).withMaxRetries(1))
                .structured(Calls.partCall("bme280-module"));

        assertThat(reply.answer().path("part").asText()).isEqualTo("bme280-module");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void nothingListeningIsUnreachableWithoutRetries() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        LlmSettings s = settings().withBaseUrl("http://127.0.0.1:" + port + "/v1");

        long t = System.nanoTime();
        LlmException e = failure(client(s));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.UNREACHABLE);
        assertThat(e.getMessage()).contains("127.0.0.1:" + port, "OPENAI_BASE_URL");
        assertThat(sleeper.waits).isEmpty();
        assertThat((System.nanoTime() - t) / 1_000_000).isLessThan(1_500);
    }

    @Test
    void refusedKeyIsAuthWithoutRetryAndTheEchoedKeyIsRemoved() {
        server.replyStatus(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
                + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}");

        LlmException e = failure(client(settings()));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.AUTH);
        assertThat(e.getMessage()).contains("the key was refused: check OPENAI_API_KEY", "Incorrect API key");
        assertThat(e.getMessage()).doesNotContain(KEY);
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(KEY).doesNotContain("Bearer");
        }
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void unknownModelIsABadRequestNamingTheModelAndDoesNotSwitchTheSchemaOff() {
        server.responder(request -> Scripted.status(404, "{\"error\":{\"message\":\"The model `gpt-4o-mini` "
                + "does not exist\",\"code\":\"model_not_found\"}}"));
        LlmClient client = client(settings());

        LlmException e = failure(client);

        assertThat(e.kind()).isEqualTo(LlmException.Kind.BAD_REQUEST);
        assertThat(e.getMessage()).contains("model 'gpt-4o-mini' was not found", "does not exist");
        // LlmClient cannot tell a 404 from a refused schema, so it tries once without; neither is retried
        assertThat(server.requests()).hasSize(2);
        assertThat(sleeper.waits).isEmpty();
        assertThat(client.schemaEnforced()).isTrue();
    }

    @Test
    void serverRefusingTheSchemaGetsItInThePrompt() {
        server.replyStatus(400, "{\"error\":{\"message\":\"response_format json_schema is not supported\"}}")
                .replyJson(GOOD);

        LlmClient client = client(settings());
        Reply reply = client.structured(Calls.partCall("bme280-module", "ssd1306-module"));

        assertThat(reply.schemaEnforced()).isFalse();
        assertThat(client.schemaEnforced()).isFalse();
        assertThat(server.requests()).hasSize(2);
        assertThat(server.request(0).body().has("response_format")).isTrue();
        JsonNode second = server.request(1).body();
        assertThat(second.has("response_format")).isFalse();
        String system = second.at("/messages/0/content").asText();
        assertThat(second.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(system).contains("JSON Schema", "\"bme280-module\"", "\"ssd1306-module\"", "bme:SCL");
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void keylessOpenAiCompatibleServerGetsThePlaceholder() {
        server.replyJson(GOOD);
        LlmSettings s = new LlmSettings(ModelSpec.parse("openai:qwen2.5-7b-instruct"), server.baseUrl(), null,
                Duration.ofSeconds(2), 0, null, 0.0);

        client(s).structured(Calls.partCall("bme280-module"));

        assertThat(server.request(0).header("Authorization")).isEqualTo("Bearer " + LlmSettings.PLACEHOLDER_KEY);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void aReasoningModelIsSentNoTemperature() {
        server.replyJson(GOOD);
        LlmSettings s = LlmSettings.of(ModelSpec.parse("openai:gpt-5-mini"), Secret.of(KEY))
                .withBaseUrl(server.baseUrl()).withTimeout(Duration.ofSeconds(2));
        client(s).structured(Calls.partCall("bme280-module"));
        assertThat(server.request(0).body().has("temperature")).as("o-series and GPT-5 refuse one").isFalse();
        assertThat(ChatModels.fixedTemperature("o3-mini")).isTrue();
        assertThat(ChatModels.fixedTemperature("o1")).isTrue();
        assertThat(ChatModels.fixedTemperature("gpt-5")).isTrue();
        assertThat(ChatModels.fixedTemperature("gpt-4o-mini")).isFalse();
        assertThat(ChatModels.fixedTemperature("gpt-4.1")).isFalse();
        assertThat(ChatModels.fixedTemperature("omni-local")).isFalse();
        assertThat(ChatModels.fixedTemperature("qwen2.5-7b-instruct")).isFalse();
    }
}
