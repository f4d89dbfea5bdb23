package dev.kirchhoff.agents.llm.stages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A chat model for tests: answers each request from a queue kept per prompt template (the system message's first
 * line, {@code prompt: design/identify.v1}), and records every request. Never reaches the network.
 */
public final class ScriptedChatModel implements ChatModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean schemaCapable;
    private final Map<String, Deque<AiMessage>> answers = new HashMap<>();
    private final List<ChatRequest> requests = Collections.synchronizedList(new ArrayList<>());

    public ScriptedChatModel(boolean schemaCapable) {
        this.schemaCapable = schemaCapable;
    }

    /** Queues a text answer for the template {@code id} ({@code identify.v1}). */
    public ScriptedChatModel answer(String id, String json) {
        answers.computeIfAbsent(id, k -> new ArrayDeque<>()).add(AiMessage.from(json));
        return this;
    }

    /** Queues a tool call for the template {@code id}. */
    public ScriptedChatModel toolCall(String id, String tool, String arguments) {
        answers.computeIfAbsent(id, k -> new ArrayDeque<>()).add(AiMessage.from(List.of(ToolExecutionRequest.builder()
                .id("call-" + tool).name(tool).arguments(arguments).build())));
        return this;
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return schemaCapable ? Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA) : Set.of();
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        String id = template(request);
        Deque<AiMessage> queue = answers.get(id);
        if (queue == null || queue.isEmpty()) {
            throw new AssertionError("no scripted answer left for template " + id);
        }
        return ChatResponse.builder().aiMessage(queue.poll()).tokenUsage(new TokenUsage(100, 20)).id("r-" + requests.size())
                .build();
    }

    public List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests sent with template {@code id}. */
    public List<ChatRequest> requests(String id) {
        return requests().stream().filter(r -> template(r).equals(id)).toList();
    }

    /** The template id named in the system message's first line. */
    static String template(ChatRequest request) {
        String first = system(request).lines().findFirst().orElse("");
        return first.startsWith("prompt: design/") ? first.substring("prompt: design/".length()) : first;
    }

    static String system(ChatRequest request) {
        for (ChatMessage m : request.messages()) {
            if (m instanceof SystemMessage s) {
                return s.text();
            }
        }
        return "";
    }

    /** The text of the last user message. */
    static String lastUser(ChatRequest request) {
        String text = "";
        for (ChatMessage m : request.messages()) {
            if (m instanceof UserMessage u) {
                text = u.singleText();
            }
        }
        return text;
    }

    /** The results of the tool calls in a request, in order. */
    static List<String> toolResults(ChatRequest request) {
        return request.messages().stream().filter(m -> m instanceof ToolExecutionResultMessage)
                .map(m -> ((ToolExecutionResultMessage) m).text()).toList();
    }

    /** The response format's JSON Schema as a tree, or null when the request carried none. */
    static JsonNode schema(ChatRequest request) {
        if (request.responseFormat() == null || request.responseFormat().jsonSchema() == null) {
            return null;
        }
        return JSON.valueToTree(JsonSchemaElementUtils.toMap(request.responseFormat().jsonSchema().rootElement()));
    }

    /** The string values of an enum schema node. */
    static List<String> enumValues(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.path("enum").forEach(v -> out.add(v.asText()));
        return out;
    }
}
