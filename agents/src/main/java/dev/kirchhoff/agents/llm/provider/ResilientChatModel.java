package dev.kirchhoff.agents.llm.provider;

import dev.kirchhoff.agents.llm.LlmException;
import dev.kirchhoff.agents.llm.LlmException.Kind;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * A {@link ChatModel} decorator that retries what may pass (timeouts, 429, 5xx, a broken connection) with exponential
 * backoff and jitter, and turns every failure into an {@link LlmException} whose message names the provider, the
 * model and the base URL and says what to do. Messages never contain the API key or request headers.
 *
 * <p>LangChain4j's {@code ChatModel.chat(ChatRequest)} merges {@link #defaultRequestParameters()} (delegated, so the
 * provider's own parameter type survives) into the request, notifies listeners and calls {@link #doChat}; this class
 * overrides {@code doChat} and calls the delegate's {@code chat}. Thread-safe when the delegate is.
 */
public final class ResilientChatModel implements ChatModel {

    /** Waits between attempts; tests inject one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        Sleeper REAL = d -> Thread.sleep(d.toMillis());
    }

    static final Duration BASE_DELAY = Duration.ofMillis(500);
    static final Duration MAX_DELAY = Duration.ofSeconds(8);
    private static final int MAX_BODY_SHOWN = 300;

    private final ChatModel delegate;
    private final LlmSettings settings;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    public ResilientChatModel(ChatModel delegate, LlmSettings settings) {
        this(delegate, settings, Sleeper.REAL, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * @param random a source of numbers in [0, 1) for the jitter
     */
    public ResilientChatModel(ChatModel delegate, LlmSettings settings, Sleeper sleeper, DoubleSupplier random) {
        this.delegate = Objects.requireNonNull(delegate, "The parameter 'delegate' must not be null.");
        this.settings = Objects.requireNonNull(settings, "The parameter 'settings' must not be null.");
        this.sleeper = Objects.requireNonNull(sleeper, "The parameter 'sleeper' must not be null.");
        this.random = Objects.requireNonNull(random, "The parameter 'random' must not be null.");
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        for (int attempt = 0; ; attempt++) {
            LlmException failure;
            try {
                return delegate.chat(request);
            } catch (RuntimeException e) {
                failure = map(e);
            }
            if (!failure.kind().retriable() || attempt >= settings.maxRetries()) {
                if (attempt > 0 && failure.kind().retriable()) {
                    throw new LlmException(failure.kind(), failure.getMessage() + " (gave up after " + (attempt + 1)
                            + " attempts)", failure.getCause());
                }
                throw failure;
            }
            try {
                sleeper.sleep(backoff(attempt, random.getAsDouble()));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw failure;
            }
        }
    }

    /**
     * The wait before retry number {@code retry} (0 for the first): 500 ms × 2^retry, capped at 8 s, of which a
     * random half is jitter so that many clients do not come back at the same moment.
     */
    static Duration backoff(int retry, double random) {
        long full = Math.min(MAX_DELAY.toMillis(), BASE_DELAY.toMillis() << Math.min(retry, 20));
        return Duration.ofMillis(full / 2 + Math.round(full / 2.0 * random));
    }

    /** The {@link LlmException} for a failure of the delegate. */
    LlmException map(RuntimeException failure) {
        if (failure instanceof LlmException le) {
            return le;
        }
        LlmException mapped = classify(failure);
        if (mentionsKey(failure)) {
            // the server echoed the key into an error body: keep the (scrubbed) message, drop the cause chain so
            // that no stack trace (--debug) can print it
            return new LlmException(mapped.kind(), mapped.getMessage());
        }
        return mapped;
    }

    private boolean mentionsKey(Throwable e) {
        if (settings.apiKey() == null) {
            return false;
        }
        String key = settings.apiKey().reveal();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(key)) {
                return true;
            }
        }
        return false;
    }

    private LlmException classify(RuntimeException e) {
        String where = "The " + settings.spec().provider().id() + " model " + settings.spec().name() + " at "
                + settings.baseUrl();
        Provider p = settings.spec().provider();
        HttpException http = find(e, HttpException.class);
        if (http != null) {
            return fromStatus(http.statusCode(), body(http.getMessage()), where, e);
        }
        if (find(e, HttpConnectTimeoutException.class) != null || find(e, ConnectException.class) != null
                || find(e, UnresolvedAddressException.class) != null || find(e, UnknownHostException.class) != null
                || find(e, NoRouteToHostException.class) != null || e instanceof UnresolvedModelServerException) {
            return new LlmException(Kind.UNREACHABLE, where + " cannot be reached: nothing answers there. "
                    + unreachableHint(p), e);
        }
        if (find(e, TimeoutException.class) != null || find(e, HttpTimeoutException.class) != null
                || find(e, SocketTimeoutException.class) != null) {
            return new LlmException(Kind.TIMEOUT, where + " gave no answer within " + seconds(settings.timeout())
                    + ": raise KIRCHHOFF_LLM_TIMEOUT (seconds), or use a smaller or faster model.", e);
        }
        if (e instanceof AuthenticationException) {
            return fromStatus(401, body(e.getMessage()), where, e);
        }
        if (e instanceof RateLimitException) {
            return fromStatus(429, body(e.getMessage()), where, e);
        }
        if (e instanceof ModelNotFoundException) {
            return fromStatus(404, body(e.getMessage()), where, e);
        }
        if (e instanceof InvalidRequestException) {
            return fromStatus(400, body(e.getMessage()), where, e);
        }
        if (e instanceof InternalServerException) {
            return fromStatus(500, body(e.getMessage()), where, e);
        }
        IOException io = find(e, IOException.class);
        if (io != null) {
            // connection reset, closed before the headers, EOF: the server went away mid-request; worth another try
            return new LlmException(Kind.SERVER_ERROR, where + " broke the connection (" + io.getClass().getSimpleName()
                    + (io.getMessage() == null ? "" : ": " + body(io.getMessage())) + "): try again; if it persists, "
                    + "check the server's log.", e);
        }
        return new LlmException(Kind.BAD_RESPONSE, where + " failed: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + body(e.getMessage()))
                + ". Check that the base URL points at a " + p.id() + " server.", e);
    }

    private LlmException fromStatus(int status, String body, String where, RuntimeException cause) {
        Provider p = settings.spec().provider();
        String detail = body.isEmpty() ? "" : " (" + body + ")";
        if (status == 401 || status == 403) {
            String hint = p.keyVariable() == null
                    ? "check the server's access settings or put it behind a URL that needs no key."
                    : "check " + p.keyVariable() + ".";
            return new LlmException(Kind.AUTH, where + " refused the key with HTTP " + status + detail
                    + ": the key was refused: " + hint, cause);
        }
        if (status == 404) {
            String hint = p == Provider.OLLAMA
                    ? "pull it with `ollama pull " + settings.spec().name() + "` or choose an installed model."
                    : "check the model name, and that the base URL ends where the API starts (e.g. …/v1).";
            return new LlmException(Kind.BAD_REQUEST, where + " is unknown (HTTP 404" + detail + "): model '"
                    + settings.spec().name() + "' was not found: " + hint, cause);
        }
        if (status == 408) {
            return new LlmException(Kind.TIMEOUT, where + " gave no answer in time (HTTP 408" + detail
                    + "): raise KIRCHHOFF_LLM_TIMEOUT (seconds), or use a smaller or faster model.", cause);
        }
        if (status == 429) {
            return new LlmException(Kind.RATE_LIMIT, where + " refused more requests for now (HTTP 429" + detail
                    + "): wait and try again, or raise the account's rate limit.", cause);
        }
        if (status >= 500) {
            return new LlmException(Kind.SERVER_ERROR, where + " failed with HTTP " + status + detail
                    + ": try again later; if it persists, check the server's log.", cause);
        }
        return new LlmException(Kind.BAD_REQUEST, where + " did not accept the request (HTTP " + status + detail
                + "): check the model name and that the server supports what was asked (JSON Schema, tools).", cause);
    }

    private static String unreachableHint(Provider p) {
        return switch (p) {
            case OLLAMA -> "Is the server running? Start `ollama serve`, or set OLLAMA_BASE_URL.";
            case OPENAI -> "Is the server running and the URL right? Check the network, or set OPENAI_BASE_URL.";
            case ANTHROPIC -> "Check the network connection and any proxy.";
        };
    }

    /** A server's error text, shortened, on one line, with the key removed should the server echo it. */
    private String body(String text) {
        if (text == null) {
            return "";
        }
        String s = text.replaceAll("\\s+", " ").strip();
        if (settings.apiKey() != null) {
            s = settings.apiKey().scrub(s);
        }
        return s.length() <= MAX_BODY_SHOWN ? s : s.substring(0, MAX_BODY_SHOWN - 1) + "…";
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
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
