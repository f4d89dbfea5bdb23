package dev.kirchhoff.agents.llm.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A provider's chat endpoint on 127.0.0.1 (a free port), for tests: it records every request and answers from a queue
 * of scripted replies, then from a {@link Responder} when one is set. Subclasses render replies in one provider's
 * wire format ({@link OpenAiWireServer}, {@link OllamaWireServer}). Thread-safe.
 *
 * <pre>{@code
 * try (OpenAiWireServer server = new OpenAiWireServer()) {
 *     server.replyStatus(500, "{\"error\":{\"message\":\"overloaded\"}}").replyJson("{\"part\":\"bme280-module\"}");
 *     ChatModel model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("k").modelName("m").build();
 *     ...
 *     assertThat(server.requests()).hasSize(2);
 *     assertThat(server.request(1).body().at("/response_format/type").asText()).isEqualTo("json_schema");
 * }
 * }</pre>
 *
 * With the queue empty and no responder, a request is answered with HTTP 418 and a body saying so, which a client
 * reports as a bad request (not retried), so a missing script fails a test at once.
 *
 * @param <S> the concrete server type, so that the reply methods chain
 */
public abstract class WireServer<S extends WireServer<S>> implements AutoCloseable {

    /** A scripted answer. */
    public sealed interface Scripted {
        /** A normal assistant message whose content is {@code text}, with token usage. */
        record Content(String text) implements Scripted {
        }

        /** An assistant message that calls tool {@code name} with {@code argumentsJson} (a JSON object). */
        record ToolCall(String name, String argumentsJson) implements Scripted {
        }

        /** An HTTP status with a raw body, such as {@code 500} or {@code 401}. */
        record Status(int status, String body) implements Scripted {
        }

        /** No answer for {@code delay} (longer than the client's timeout), then HTTP 504. */
        record Delay(Duration delay) implements Scripted {
        }

        static Scripted content(String text) {
            return new Content(text);
        }

        static Scripted toolCall(String name, String argumentsJson) {
            return new ToolCall(name, argumentsJson);
        }

        static Scripted status(int status, String body) {
            return new Status(status, body);
        }
    }

    /** Computes the reply from the request body, e.g. to answer with a value of the schema's enum. */
    @FunctionalInterface
    public interface Responder {
        Scripted answer(JsonNode requestBody);
    }

    /**
     * One request as the server saw it.
     *
     * @param method  HTTP method
     * @param path    the request path, such as {@code /v1/chat/completions}
     * @param headers header values by lower-case name
     * @param body    the body parsed as JSON (a text node when it was not JSON)
     */
    public record Recorded(String method, String path, Map<String, List<String>> headers, JsonNode body) {

        /** The first value of a header (case-insensitive), or null. */
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        /** The messages of a chat request. */
        public JsonNode messages() {
            return body.path("messages");
        }
    }

    protected static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final String chatPath;
    private final List<Recorded> requests = new ArrayList<>();
    private final Deque<Scripted> script = new ArrayDeque<>();
    private volatile Responder responder;

    /**
     * @param chatPath the path the chat endpoint answers on; others get 404
     */
    protected WireServer(String chatPath) {
        this.chatPath = chatPath;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a test server on 127.0.0.1", e);
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, getClass().getSimpleName());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** What to pass to the LangChain4j model's {@code baseUrl}. */
    public abstract String baseUrl();

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

    /** Queues a normal assistant message whose content is {@code content}. */
    public S replyJson(String content) {
        return reply(new Scripted.Content(content));
    }

    /** Queues an assistant message that calls a tool. */
    public S replyToolCall(String name, String argumentsJson) {
        return reply(new Scripted.ToolCall(name, argumentsJson));
    }

    /** Queues an HTTP error status with a raw body. */
    public S replyStatus(int status, String body) {
        return reply(new Scripted.Status(status, body));
    }

    /** Queues a reply that hangs for {@code delay}, longer than the client waits. */
    public S replyDelay(Duration delay) {
        return reply(new Scripted.Delay(delay));
    }

    /** Queues any scripted reply. */
    public synchronized S reply(Scripted reply) {
        script.addLast(Objects.requireNonNull(reply, "The parameter 'reply' must not be null."));
        return self();
    }

    /** Answers every request the queue does not cover. */
    public S responder(Responder r) {
        this.responder = r;
        return self();
    }

    /** All requests so far, in order. */
    public synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** Request number {@code i} (from 0). */
    public synchronized Recorded request(int i) {
        return requests.get(i);
    }

    /** How many scripted replies are still queued. */
    public synchronized int pending() {
        return script.size();
    }

    /** The body of a successful reply in this provider's format. */
    protected abstract JsonNode render(Scripted reply, JsonNode requestBody, int requestNumber);

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body;
            String text = new String(raw, StandardCharsets.UTF_8);
            try {
                body = text.isBlank() ? JsonNodeFactory.instance.nullNode() : JSON.readTree(text);
            } catch (IOException e) {
                body = JsonNodeFactory.instance.textNode(text);
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            Scripted reply;
            int number;
            synchronized (this) {
                requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        Map.copyOf(headers), body));
                number = requests.size() - 1;
                reply = script.pollFirst();
            }
            if (!exchange.getRequestURI().getPath().equals(chatPath)) {
                send(exchange, 404, "{\"error\":\"no endpoint " + exchange.getRequestURI().getPath()
                        + "; this test server answers " + chatPath + "\"}");
                return;
            }
            Responder r = responder;
            if (reply == null && r != null) {
                reply = r.answer(body);
            }
            if (reply == null) {
                send(exchange, 418, "{\"error\":\"the test server has no scripted reply for request #" + number
                        + "\"}");
                return;
            }
            if (reply instanceof Scripted.Delay d) {
                try {
                    Thread.sleep(d.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                send(exchange, 504, "{\"error\":\"scripted delay\"}");
            } else if (reply instanceof Scripted.Status s) {
                send(exchange, s.status(), s.body());
            } else {
                send(exchange, 200, JSON.writeValueAsString(render(reply, body, number)));
            }
        } catch (IOException | RuntimeException e) {
            // the client went away (timeout) or the test's responder failed: nothing to answer
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = (body == null ? "" : body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Stops at once; requests still hanging in a scripted delay are abandoned. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
