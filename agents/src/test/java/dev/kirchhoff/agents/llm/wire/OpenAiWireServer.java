package dev.kirchhoff.agents.llm.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An OpenAI Chat Completions endpoint ({@code POST /v1/chat/completions}, non-streaming) on 127.0.0.1, as OpenAI and
 * OpenAI-compatible servers (vLLM, llama.cpp server, LM Studio) speak it. {@link #baseUrl()} ends in {@code /v1},
 * as LangChain4j's {@code OpenAiChatModel} appends {@code /chat/completions}. Replies carry a {@code usage} block of
 * 11 prompt and 7 completion tokens.
 */
public final class OpenAiWireServer extends WireServer<OpenAiWireServer> {

    public static final int PROMPT_TOKENS = 11;
    public static final int COMPLETION_TOKENS = 7;

    public OpenAiWireServer() {
        super("/v1/chat/completions");
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    @Override
    protected JsonNode render(Scripted reply, JsonNode request, int n) {
        ObjectNode r = JSON.createObjectNode();
        r.put("id", "chatcmpl-test-" + n);
        r.put("object", "chat.completion");
        r.put("created", 1_767_225_600L + n);
        r.put("model", request.path("model").asText("test-model"));
        ObjectNode choice = r.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (reply instanceof Scripted.Content c) {
            message.put("content", c.text());
            choice.put("finish_reason", "stop");
        } else if (reply instanceof Scripted.ToolCall t) {
            message.putNull("content");
            ObjectNode call = message.putArray("tool_calls").addObject();
            call.put("id", "call_" + n);
            call.put("type", "function");
            call.putObject("function").put("name", t.name()).put("arguments", t.argumentsJson());
            choice.put("finish_reason", "tool_calls");
        } else {
            throw new IllegalArgumentException("Cannot render " + reply + " as a chat completion.");
        }
        choice.putNull("logprobs");
        ObjectNode usage = r.putObject("usage");
        usage.put("prompt_tokens", PROMPT_TOKENS);
        usage.put("completion_tokens", COMPLETION_TOKENS);
        usage.put("total_tokens", PROMPT_TOKENS + COMPLETION_TOKENS);
        return r;
    }
}
