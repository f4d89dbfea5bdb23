package dev.kirchhoff.agents.llm.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An Anthropic Messages endpoint ({@code POST /v1/messages}, non-streaming) on 127.0.0.1. {@link #baseUrl()} ends in
 * {@code /v1}, as LangChain4j's {@code AnthropicChatModel} appends {@code messages}. Text replies end with
 * {@code stop_reason: end_turn}; tool calls are {@code tool_use} content blocks whose {@code input} is a JSON object.
 */
public final class AnthropicWireServer extends WireServer<AnthropicWireServer> {

    public static final int INPUT_TOKENS = 11;
    public static final int OUTPUT_TOKENS = 7;

    public AnthropicWireServer() {
        super("/v1/messages");
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    @Override
    protected JsonNode render(Scripted reply, JsonNode request, int n) {
        ObjectNode r = JSON.createObjectNode();
        r.put("id", "msg_test_" + n);
        r.put("type", "message");
        r.put("role", "assistant");
        r.put("model", request.path("model").asText("test-model"));
        ObjectNode block = r.putArray("content").addObject();
        if (reply instanceof Scripted.Content c) {
            block.put("type", "text");
            block.put("text", c.text());
            r.put("stop_reason", "end_turn");
        } else if (reply instanceof Scripted.ToolCall t) {
            block.put("type", "tool_use");
            block.put("id", "toolu_" + n);
            block.put("name", t.name());
            try {
                block.set("input", JSON.readTree(t.argumentsJson()));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Tool arguments must be a JSON object: " + t.argumentsJson(), e);
            }
            r.put("stop_reason", "tool_use");
        } else {
            throw new IllegalArgumentException("Cannot render " + reply + " as an Anthropic message.");
        }
        r.putNull("stop_sequence");
        r.putObject("usage").put("input_tokens", INPUT_TOKENS).put("output_tokens", OUTPUT_TOKENS);
        return r;
    }
}
