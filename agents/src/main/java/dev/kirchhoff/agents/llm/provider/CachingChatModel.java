package dev.kirchhoff.agents.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kirchhoff.agents.llm.LlmClient;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.CustomMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ChatModel} decorator that answers a request it has seen before from disk. The key is the SHA-256 of the
 * model spec and a canonical JSON of the request (messages with their types, text, tool calls and tool results; tool
 * specifications; response format and schema; sampling parameters), so a different schema or a different enum is a
 * different request. An answer (text, tool calls, token usage, finish reason) is stored as JSON under
 * {@code <cacheDir>/llm/<first 2 hex>/<hash>.json}, written to a temporary file and moved into place. Only answers
 * are stored, never failures; a file that cannot be read is a miss and is replaced. A hit's response id starts with
 * {@link LlmClient#CACHED_ID_PREFIX} and reports no tokens, since none were spent. Thread-safe; no API key or header
 * is part of the key or the file.
 */
public final class CachingChatModel implements ChatModel {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final int FORMAT = 1;

    private final ChatModel delegate;
    private final ModelSpec spec;
    private final String server;
    private final Path root;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    /**
     * @param cacheDir the cache root; answers go under {@code cacheDir/llm}
     */
    public CachingChatModel(ChatModel delegate, ModelSpec spec, Path cacheDir) {
        this(delegate, spec, null, cacheDir);
    }

    /**
     * @param server   the base URL answers come from, part of the key: two local servers may both serve a model
     *                 called {@code local}; null to key by the model spec alone
     * @param cacheDir the cache root; answers go under {@code cacheDir/llm}
     */
    public CachingChatModel(ChatModel delegate, ModelSpec spec, String server, Path cacheDir) {
        this.delegate = Objects.requireNonNull(delegate, "The parameter 'delegate' must not be null.");
        this.spec = Objects.requireNonNull(spec, "The parameter 'spec' must not be null.");
        this.server = server;
        this.root = Objects.requireNonNull(cacheDir, "The parameter 'cacheDir' must not be null.").resolve("llm");
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        String hash = key(spec, server, request);
        Path file = fileOf(hash);
        ChatResponse cached = read(file, hash);
        if (cached != null) {
            hits.incrementAndGet();
            return cached;
        }
        misses.incrementAndGet();
        ChatResponse response = delegate.chat(request);   // a failure propagates and is not stored
        write(file, response);
        return response;
    }

    /** The file an answer with this key lives in. */
    Path fileOf(String hash) {
        return root.resolve(hash.substring(0, 2)).resolve(hash + ".json");
    }

    /** The cache key of a request to a model: hex SHA-256 of the spec and the canonical request. */
    static String key(ModelSpec spec, ChatRequest request) {
        return key(spec, null, request);
    }

    /** The cache key of a request to a model at a server: hex SHA-256 of both and the canonical request. */
    static String key(ModelSpec spec, String server, ChatRequest request) {
        ObjectNode canonical = JSON.createObjectNode();
        canonical.put("format", FORMAT);
        canonical.put("model", spec.toString());
        if (server != null) {
            canonical.put("server", server.replaceAll("/+$", ""));
        }
        ArrayNode messages = canonical.putArray("messages");
        for (ChatMessage m : request.messages()) {
            messages.add(message(m));
        }
        ChatRequestParameters p = request.parameters();
        ObjectNode params = canonical.putObject("parameters");
        params.putPOJO("modelName", p.modelName());
        params.putPOJO("temperature", p.temperature());
        params.putPOJO("topP", p.topP());
        params.putPOJO("topK", p.topK());
        params.putPOJO("maxOutputTokens", p.maxOutputTokens());
        params.putPOJO("stop", p.stopSequences());
        params.putPOJO("toolChoice", p.toolChoice() == null ? null : p.toolChoice().name());
        ArrayNode tools = canonical.putArray("tools");
        if (p.toolSpecifications() != null) {
            for (ToolSpecification t : p.toolSpecifications()) {
                ObjectNode tool = tools.addObject();
                tool.put("name", t.name());
                tool.put("description", t.description());
                tool.set("parameters", t.parameters() == null ? null
                        : JSON.valueToTree(JsonSchemaElementUtils.toMap(t.parameters())));
            }
        }
        ResponseFormat rf = p.responseFormat();
        if (rf != null) {
            ObjectNode format = canonical.putObject("responseFormat");
            format.put("type", rf.type().name());
            if (rf.jsonSchema() != null) {
                format.put("name", rf.jsonSchema().name());
                format.set("schema", JSON.valueToTree(JsonSchemaElementUtils.toMap(rf.jsonSchema().rootElement())));
            }
        }
        try {
            byte[] bytes = JSON.writeValueAsBytes(JSON.treeToValue(canonical, Object.class));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot compute the cache key of a chat request: " + e.getMessage(), e);
        }
    }

    private static ObjectNode message(ChatMessage m) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", m.type().name());
        if (m instanceof SystemMessage s) {
            n.put("text", s.text());
        } else if (m instanceof UserMessage u) {
            n.put("name", u.name());
            n.put("text", u.hasSingleText() ? u.singleText() : String.valueOf(u.contents()));
        } else if (m instanceof AiMessage a) {
            n.put("text", a.text());
            ArrayNode calls = n.putArray("toolCalls");
            if (a.toolExecutionRequests() != null) {
                for (ToolExecutionRequest r : a.toolExecutionRequests()) {
                    calls.addObject().put("id", r.id()).put("name", r.name()).put("arguments", r.arguments());
                }
            }
        } else if (m instanceof ToolExecutionResultMessage t) {
            n.put("id", t.id());
            n.put("toolName", t.toolName());
            n.put("text", t.text());
        } else if (m instanceof CustomMessage c) {
            n.putPOJO("attributes", c.attributes());
        } else {
            n.put("text", m.toString());
        }
        return n;
    }

    private ChatResponse read(Path file, String hash) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (n == null || !n.isObject() || n.path("format").asInt() != FORMAT
                    || !spec.toString().equals(n.path("model").asText())) {
                return null;
            }
            List<ToolExecutionRequest> calls = new ArrayList<>();
            for (JsonNode c : n.path("toolCalls")) {
                calls.add(ToolExecutionRequest.builder().id(text(c, "id")).name(text(c, "name"))
                        .arguments(text(c, "arguments")).build());
            }
            String text = text(n, "text");
            if (text == null && calls.isEmpty()) {
                return null;
            }
            AiMessage ai = calls.isEmpty() ? AiMessage.from(text) : AiMessage.from(text, calls);
            FinishReason finish = null;
            String fr = text(n, "finishReason");
            if (fr != null) {
                try {
                    finish = FinishReason.valueOf(fr);
                } catch (IllegalArgumentException e) {
                    finish = FinishReason.OTHER;
                }
            }
            return ChatResponse.builder().aiMessage(ai).id(LlmClient.CACHED_ID_PREFIX + hash)
                    .modelName(text(n, "modelName")).tokenUsage(new TokenUsage(0, 0, 0)).finishReason(finish).build();
        } catch (IOException | RuntimeException e) {
            // a half-written or hand-edited file: treat as a miss; the fresh answer replaces it
            return null;
        }
    }

    private void write(Path file, ChatResponse response) {
        AiMessage ai = response.aiMessage();
        if (ai == null) {
            return;
        }
        ObjectNode n = JSON.createObjectNode();
        n.put("format", FORMAT);
        n.put("model", spec.toString());
        n.put("modelName", response.modelName());
        n.put("text", ai.text());
        ArrayNode calls = n.putArray("toolCalls");
        if (ai.toolExecutionRequests() != null) {
            for (ToolExecutionRequest r : ai.toolExecutionRequests()) {
                calls.addObject().put("id", r.id()).put("name", r.name()).put("arguments", r.arguments());
            }
        }
        TokenUsage t = response.tokenUsage();
        ObjectNode usage = n.putObject("tokenUsage");
        usage.putPOJO("input", t == null ? null : t.inputTokenCount());
        usage.putPOJO("output", t == null ? null : t.outputTokenCount());
        n.put("finishReason", response.finishReason() == null ? null : response.finishReason().name());
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // the cache is an optimisation: a full or read-only disk must not fail the design
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return delegate.supportedCapabilities();
    }

    @Override
    public ModelProvider provider() {
        return delegate.provider();
    }
}
