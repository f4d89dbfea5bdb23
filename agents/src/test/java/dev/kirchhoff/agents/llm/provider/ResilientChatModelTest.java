package dev.kirchhoff.agents.llm.provider;

import dev.kirchhoff.agents.llm.LlmException;
import dev.kirchhoff.agents.llm.provider.Calls.RecordingSleeper;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Retry decisions, backoff and failure kinds of {@link ResilientChatModel}, on a scripted model. */
class ResilientChatModelTest {

    /** A model that answers or fails from a script, counting the calls. */
    static final class ScriptedModel implements ChatModel {
        final Deque<Supplier<ChatResponse>> script = new ArrayDeque<>();
        int calls;

        ScriptedModel then(Supplier<ChatResponse> step) {
            script.add(step);
            return this;
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            calls++;
            return script.removeFirst().get();
        }

        @Override
        public Set<Capability> supportedCapabilities() {
            return Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
        }
    }

    private static final LlmSettings SETTINGS = LlmSettings.of(ModelSpec.parse("ollama:qwen2.5:7b"), null)
            .withMaxRetries(3);
    private static final ChatRequest REQUEST = ChatRequest.builder().messages(UserMessage.from("hi")).build();

    private static ChatResponse ok() {
        return ChatResponse.builder().aiMessage(AiMessage.from("{}")).build();
    }

    private final RecordingSleeper sleeper = new RecordingSleeper();

    @Test
    void backoffDoublesFromHalfASecondUpToEightSecondsWithHalfOfItJitter() {
        assertThat(ResilientChatModel.backoff(0, 0.0)).isEqualTo(Duration.ofMillis(250));
        assertThat(ResilientChatModel.backoff(0, 1.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(ResilientChatModel.backoff(1, 1.0)).isEqualTo(Duration.ofMillis(1000));
        assertThat(ResilientChatModel.backoff(4, 1.0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(ResilientChatModel.backoff(30, 1.0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(ResilientChatModel.backoff(30, 0.0)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void connectionResetIsRetried() {
        ScriptedModel raw = new ScriptedModel()
                .then(() -> {
                    throw new RuntimeException(new SocketException("Connection reset"));
                })
                .then(ResilientChatModelTest::ok);
        ResilientChatModel model = new ResilientChatModel(raw, SETTINGS, sleeper, () -> 1.0);

        assertThat(model.chat(REQUEST).aiMessage().text()).isEqualTo("{}");
        assertThat(raw.calls).isEqualTo(2);
        assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500));
        assertThat(model.supportedCapabilities()).containsExactly(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
    }

    @Test
    void unknownHostIsUnreachableAndNotRetried() {
        ScriptedModel raw = new ScriptedModel().then(() -> {
            throw new RuntimeException(new IOException(new UnresolvedAddressException()));
        });
        ResilientChatModel model = new ResilientChatModel(raw, SETTINGS, sleeper, () -> 1.0);

        assertThatThrownBy(() -> model.chat(REQUEST)).isInstanceOfSatisfying(LlmException.class, e -> {
            assertThat(e.kind()).isEqualTo(LlmException.Kind.UNREACHABLE);
            assertThat(e.getMessage()).contains("http://localhost:11434", "ollama serve");
        });
        assertThat(raw.calls).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void badRequestIsNotRetried() {
        ScriptedModel raw = new ScriptedModel().then(() -> {
            throw new HttpException(400, "{\"error\":\"invalid format: schema too deep\"}");
        });
        ResilientChatModel model = new ResilientChatModel(raw, SETTINGS, sleeper, () -> 1.0);

        assertThatThrownBy(() -> model.chat(REQUEST)).isInstanceOfSatisfying(LlmException.class, e -> {
            assertThat(e.kind()).isEqualTo(LlmException.Kind.BAD_REQUEST);
            assertThat(e.getMessage()).contains("HTTP 400", "schema too deep");
        });
        assertThat(raw.calls).isEqualTo(1);
    }

    @Test
    void interruptedWaitStopsRetrying() {
        ScriptedModel raw = new ScriptedModel().then(() -> {
            throw new HttpException(503, "busy");
        });
        ResilientChatModel model = new ResilientChatModel(raw, SETTINGS, d -> {
            throw new InterruptedException();
        }, () -> 1.0);

        try {
            assertThatThrownBy(() -> model.chat(REQUEST)).isInstanceOfSatisfying(LlmException.class,
                    e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.SERVER_ERROR));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(raw.calls).isEqualTo(1);
    }
}
