package dev.kirchhoff.agents.llm.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An Ollama chat endpoint ({@code POST /api/chat}, non-streaming) on 127.0.0.1. {@link #baseUrl()} is the server
 * root, as LangChain4j's {@code OllamaChatModel} appends {@code /api/chat}. Replies are final
 * ({@code done: true}) with {@code prompt_eval_count} 11 and {@code eval_count} 7; tool-call arguments are sent as a
 * JSON object, as Ollama does.
 */
public final class OllamaWireServer extends WireServer<OllamaWireServer> {

    public static final int PROMPT_TOKENS = 11;
    public static final int COMPLETION_TOKENS = 7;

    public OllamaWireServer() {
        super("/api/chat");
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    protected JsonNode render(Scripted reply, JsonNode request, int n) {
        ObjectNode r = JSON.createObjectNode();
        r.put("model", request.path("model").asText("test-model"));
        r.put("created_at", "2026-01-01T00:00:0" + Math.min(n, 9) + ".000000Z");
        ObjectNode message = r.putObject("message");
        message.put("role", "assistant");
        if (reply instanceof Scripted.Content c) {
            message.put("content", c.text());
        } else if (reply instanceof Scripted.ToolCall t) {
            message.put("content", "");
            ObjectNode function = message.putArray("tool_calls").addObject().putObject("function");
            function.put("name", t.name());
            try {
                function.set("arguments", JSON.readTree(t.argumentsJson()));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Tool arguments must be a JSON object: " + t.argumentsJson(), e);
            }
        } else {
            throw new IllegalArgumentException("Cannot render " + reply + " as an Ollama chat reply.");
        }
        r.put("done", true);
        r.put("done_reason", "stop");
        r.put("total_duration", 1_000_000L);
        r.put("prompt_eval_count", PROMPT_TOKENS);
        r.put("eval_count", COMPLETION_TOKENS);
        return r;
    }
}
