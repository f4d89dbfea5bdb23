package dev.kirchhoff.eval.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kirchhoff.agents.llm.LlmException;
import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.RenderedPrompt;
import dev.kirchhoff.eval.suite.EvalPrompts;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A chat model for end-to-end tests that answers every benchmark item from an answer book: a test resource mapping
 * item id to the raw text the model gives, or to a failure it throws on every call. It finds the item by the whole
 * request it receives (system message, user message and the bytes of every attached image), which it matches
 * against the prompts the suite's templates render for the loaded items, so it answers exactly what a model
 * looking at that request could answer. Never reaches the network. Thread-safe: the runner calls it from several
 * workers.
 *
 * <p>Answer book format (JSON object, one entry per item id): a string is the response text; an object
 * {@code {"fail": "SERVER_ERROR", "message": "..."}} makes every call for the item throw an {@link LlmException} of
 * that kind, and {@code {"fail": "IllegalStateException", "message": "..."}} a plain {@link IllegalStateException}.
 */
public final class AnswerBookModel implements ChatModel {

    /** Tokens reported for every answered call, so a summary's token totals can be checked exactly. */
    public static final int INPUT_TOKENS = 100;
    public static final int OUTPUT_TOKENS = 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer book entry: a response, or a failure thrown on every call. Immutable. */
    public record Entry(String response, String fail, String message) {
        RuntimeException failure() {
            if (fail.equals(IllegalStateException.class.getSimpleName())) {
                return new IllegalStateException(message);
            }
            return new LlmException(LlmException.Kind.valueOf(fail), message);
        }

        boolean fails() {
            return fail != null;
        }
    }

    private final Map<String, Entry> book;
    private final Map<String, List<String>> idsByRequest;
    private final Map<String, Integer> callsById = new ConcurrentHashMap<>();
    private final List<ChatRequest> requests = Collections.synchronizedList(new ArrayList<>());

    private AnswerBookModel(Map<String, Entry> book, Map<String, List<String>> idsByRequest) {
        this.book = book;
        this.idsByRequest = idsByRequest;
    }

    /**
     * A model answering {@code items} from the answer book resource {@code resource} (next to this class). Items
     * whose requests are identical must have the same entry, since no model could tell them apart.
     */
    public static AnswerBookModel of(String resource, List<EvalItem> items, EvalPrompts prompts) {
        Map<String, Entry> book = read(resource);
        Map<String, List<String>> index = new LinkedHashMap<>();
        for (EvalItem item : items) {
            index.computeIfAbsent(key(prompts.render(item)), k -> new ArrayList<>()).add(item.id());
        }
        List<String> unknown = book.keySet().stream().filter(id -> items.stream().noneMatch(i -> i.id().equals(id)))
                .toList();
        if (!unknown.isEmpty()) {
            throw new AssertionError("the answer book " + resource + " names ids no loaded item has: " + unknown);
        }
        for (List<String> ids : index.values()) {
            Entry first = book.get(ids.get(0));
            for (String id : ids) {
                if (!Objects.equals(book.get(id), first)) {
                    throw new AssertionError("items " + ids + " get identical requests, so the answer book must give "
                            + "them one answer; it gives " + id + " another");
                }
            }
        }
        return new AnswerBookModel(book, index);
    }

    /** The answer book {@code resource} as id → entry. */
    public static Map<String, Entry> read(String resource) {
        try (InputStream in = AnswerBookModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no answer book " + resource + " beside " + AnswerBookModel.class);
            }
            JsonNode root = JSON.readTree(in);
            Map<String, Entry> out = new LinkedHashMap<>();
            root.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                out.put(e.getKey(), v.isTextual() ? new Entry(v.asText(), null, null)
                        : new Entry(null, v.path("fail").asText(), v.path("message").asText()));
            });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        List<String> ids = idsByRequest.get(key(request));
        if (ids == null) {
            throw new AssertionError("the request matches no item's rendered prompt:\n" + request.messages());
        }
        ids.forEach(id -> callsById.merge(id, 1, Integer::sum));
        Entry entry = book.get(ids.get(0));
        if (entry == null) {
            throw new AssertionError("the answer book has no entry for " + ids);
        }
        if (entry.fails()) {
            throw entry.failure();
        }
        return ChatResponse.builder().aiMessage(AiMessage.from(entry.response()))
                .tokenUsage(new TokenUsage(INPUT_TOKENS, OUTPUT_TOKENS)).id("answer-book-" + ids.get(0)).build();
    }

    /** How often the model was asked for item {@code id} (items with identical requests share the count). */
    public int calls(String id) {
        return callsById.getOrDefault(id, 0);
    }

    /** Calls per item id. */
    public Map<String, Integer> calls() {
        return Map.copyOf(callsById);
    }

    /** Every request received, in order. */
    public List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    /** The ids whose rendered requests are identical to another item's, grouped; empty when all differ. */
    public List<List<String>> collisions() {
        return idsByRequest.values().stream().filter(ids -> ids.size() > 1).map(List::copyOf).toList();
    }

    /** A rendered prompt as the request ChatModelSystem makes of it: system, user text, image bytes. */
    static String key(RenderedPrompt prompt) {
        StringBuilder b = new StringBuilder(prompt.system()).append('\u0000').append(prompt.user());
        for (Path image : prompt.images()) {
            try {
                b.append('\u0000').append(Base64.getEncoder().encodeToString(Files.readAllBytes(image)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return b.toString();
    }

    /** The same key read back from a request. */
    static String key(ChatRequest request) {
        String system = "";
        StringBuilder user = new StringBuilder();
        List<String> images = new ArrayList<>();
        for (ChatMessage m : request.messages()) {
            if (m instanceof SystemMessage s) {
                system = s.text();
            } else if (m instanceof UserMessage u) {
                for (Content c : u.contents()) {
                    if (c instanceof TextContent t) {
                        user.append(t.text());
                    } else if (c instanceof ImageContent i) {
                        images.add(i.image().base64Data());
                    }
                }
            }
        }
        StringBuilder b = new StringBuilder(system).append('\u0000').append(user);
        images.forEach(i -> b.append('\u0000').append(i));
        return b.toString();
    }
}
