package dev.kirchhoff.agents.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kirchhoff.agents.llm.LlmClient;
import dev.kirchhoff.agents.llm.LlmException;
import dev.kirchhoff.agents.llm.Reply;
import dev.kirchhoff.agents.llm.provider.Calls.PinTools;
import dev.kirchhoff.agents.llm.provider.Calls.RecordingSleeper;
import dev.kirchhoff.agents.llm.wire.OpenAiWireServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static dev.kirchhoff.agents.llm.provider.Calls.GOOD;
import static dev.kirchhoff.agents.llm.provider.Calls.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The response cache in front of the real OpenAI model and a local server. */
class CachingChatModelTest {

    @TempDir
    Path cacheDir;

    private final OpenAiWireServer server = new OpenAiWireServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @AfterEach
    void close() {
        server.close();
    }

    private LlmSettings settings() {
        return LlmSettings.of(ModelSpec.parse("openai:gpt-4o-mini"), Secret.of(KEY)).withBaseUrl(server.baseUrl())
                .withTimeout(Duration.ofSeconds(2)).withCacheDir(cacheDir);
    }

    private CachingChatModel model() {
        return (CachingChatModel) ChatModels.create(settings(), sleeper, () -> 0.5);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(cacheDir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void sameCallTwiceIsAnsweredOnceByTheServer() throws IOException {
        server.replyJson(GOOD);
        CachingChatModel model = model();
        LlmClient client = new LlmClient(model, "openai:gpt-4o-mini");

        Reply first = client.structured(Calls.partCall("bme280-module", "ssd1306-module"));
        Reply second = client.structured(Calls.partCall("bme280-module", "ssd1306-module"));

        assertThat(server.requests()).hasSize(1);
        assertThat(first.usage().cachedCalls()).isZero();
        assertThat(second.usage().cachedCalls()).isEqualTo(1);
        assertThat(second.usage().calls()).isEqualTo(1);
        assertThat(second.usage().inputTokens()).isZero();
        assertThat(second.answer()).isEqualTo(first.answer());
        assertThat(model.hits()).isEqualTo(1);
        assertThat(model.misses()).isEqualTo(1);
        Path file = files().get(0);
        assertThat(files()).hasSize(1);
        assertThat(cacheDir.relativize(file).toString())
                .matches("llm/[0-9a-f]{2}/[0-9a-f]{64}\\.json")
                .startsWith("llm/" + file.getFileName().toString().substring(0, 2) + "/");
        String stored = Files.readString(file);
        JsonNode json = new ObjectMapper().readTree(stored);
        assertThat(json.path("text").asText()).isEqualTo(GOOD);
        assertThat(json.at("/tokenUsage/input").asInt()).isEqualTo(OpenAiWireServer.PROMPT_TOKENS);
        assertThat(json.path("finishReason").asText()).isEqualTo("STOP");
        assertThat(stored).doesNotContain(KEY).doesNotContain("Bearer");
    }

    @Test
    void aDifferentEnumIsAMiss() {
        server.replyJson(GOOD).replyJson(GOOD);
        CachingChatModel model = model();
        LlmClient client = new LlmClient(model, "openai:gpt-4o-mini");

        client.structured(Calls.partCall("bme280-module", "ssd1306-module"));
        client.structured(Calls.partCall("bme280-module", "bmp280-module"));

        assertThat(server.requests()).hasSize(2);
        assertThat(model.hits()).isZero();
        assertThat(model.misses()).isEqualTo(2);
    }

    @Test
    void corruptFileIsAMissAndIsReplaced() throws IOException {
        server.replyJson(GOOD).replyJson(GOOD);
        LlmClient client = new LlmClient(model(), "openai:gpt-4o-mini");
        client.structured(Calls.partCall("bme280-module"));
        Path file = files().get(0);
        Files.writeString(file, "{\"format\":1,\"text\":");

        Reply again = client.structured(Calls.partCall("bme280-module"));
        Reply third = client.structured(Calls.partCall("bme280-module"));

        assertThat(again.usage().cachedCalls()).isZero();
        assertThat(third.usage().cachedCalls()).isEqualTo(1);
        assertThat(server.requests()).hasSize(2);
        assertThat(new ObjectMapper().readTree(file.toFile()).path("text").asText()).isEqualTo(GOOD);
    }

    @Test
    void failuresAreNotCached() throws IOException {
        server.replyStatus(401, "{\"error\":{\"message\":\"bad key\"}}").replyJson(GOOD);
        LlmClient client = new LlmClient(model(), "openai:gpt-4o-mini");

        assertThatThrownBy(() -> client.structured(Calls.partCall("bme280-module")))
                .isInstanceOfSatisfying(LlmException.class,
                        e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.AUTH));
        assertThat(files()).isEmpty();
        Reply reply = client.structured(Calls.partCall("bme280-module"));

        assertThat(reply.usage().cachedCalls()).isZero();
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void toolCallsAreReplayedFromTheCacheAndTheToolRunsAgain() {
        server.replyToolCall("pinsOf", "{\"part\":\"bme280-module\"}").replyJson(GOOD);
        LlmClient client = new LlmClient(model(), "openai:gpt-4o-mini");
        PinTools firstTools = new PinTools();
        PinTools secondTools = new PinTools();

        client.structured(Calls.partCall("bme280-module").withTools(firstTools, 2));
        Reply second = client.structured(Calls.partCall("bme280-module").withTools(secondTools, 2));

        assertThat(server.requests()).hasSize(2);
        assertThat(secondTools.asked).containsExactly("bme280-module");
        assertThat(second.toolCalls()).extracting(Reply.ToolCall::name).containsExactly("pinsOf");
        assertThat(second.usage().cachedCalls()).isEqualTo(2);
    }

    @Test
    void retriesHappenBelowTheCache() {
        server.replyStatus(502, "bad gateway").replyJson(GOOD);
        CachingChatModel model = model();
        LlmClient client = new LlmClient(model, "openai:gpt-4o-mini");

        client.structured(Calls.partCall("bme280-module"));
        Reply second = client.structured(Calls.partCall("bme280-module"));

        assertThat(server.requests()).hasSize(2);
        assertThat(sleeper.waits).hasSize(1);
        assertThat(model.misses()).isEqualTo(1);
        assertThat(second.usage().cachedCalls()).isEqualTo(1);
    }
}
