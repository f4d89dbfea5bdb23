package dev.kirchhoff.agents.llm.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kirchhoff.agents.llm.LlmException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a language model: the model spec, the base URL, the API key, the timeout, how often to retry, where to
 * cache answers and the sampling temperature. Immutable; {@link #toString()} never shows the key.
 *
 * @param spec        provider and model
 * @param baseUrl     where the provider answers
 * @param apiKey      the API key, or null when none is needed
 * @param timeout     how long to wait for one answer
 * @param maxRetries  how many times a timed-out, rate-limited or failed (5xx) request is tried again
 * @param cacheDir    the cache root ({@code llm/} is created under it), or null for no response cache
 * @param temperature the sampling temperature; 0 for reproducible designs
 * @param contextTokens the context window to ask a local server for (Ollama's {@code num_ctx}), or null for the
 *                    provider's default ({@value #OLLAMA_CONTEXT_TOKENS} on Ollama, whose own default of 2-4k tokens
 *                    would silently cut a wiring prompt with its pin tables); hosted providers ignore it
 */
public record LlmSettings(ModelSpec spec, String baseUrl, Secret apiKey, Duration timeout, int maxRetries,
                          Path cacheDir, double temperature, Integer contextTokens) {

    /** The context window asked of Ollama when none is configured: room for the largest wiring prompt. */
    public static final int OLLAMA_CONTEXT_TOKENS = 16_384;

    public static final int DEFAULT_MAX_RETRIES = 2;
    /** What an OpenAI-compatible server that takes no key is sent instead (the client requires some key). */
    public static final String PLACEHOLDER_KEY = "not-needed";

    private static final ObjectMapper JSON = new ObjectMapper();

    public LlmSettings {
        Objects.requireNonNull(spec, "The parameter 'spec' must not be null.");
        baseUrl = baseUrl == null || baseUrl.isBlank() ? spec.provider().defaultBaseUrl() : stripSlash(baseUrl.strip());
        timeout = timeout == null ? spec.provider().defaultTimeout() : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout must be positive, not " + timeout + ".");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, not " + maxRetries + ".");
        }
        if (contextTokens != null && (contextTokens < 512 || contextTokens > 1_048_576)) {
            throw new IllegalArgumentException("The context window must be 512 to 1048576 tokens, not "
                    + contextTokens + ".");
        }
    }

    /** Settings with the provider's context window. */
    public LlmSettings(ModelSpec spec, String baseUrl, Secret apiKey, Duration timeout, int maxRetries, Path cacheDir,
                       double temperature) {
        this(spec, baseUrl, apiKey, timeout, maxRetries, cacheDir, temperature, null);
    }

    /** The context window to ask for: the configured one, or the provider's default (null: the server decides). */
    public Integer contextTokensOrDefault() {
        if (contextTokens != null) {
            return contextTokens;
        }
        return spec.provider() == Provider.OLLAMA ? OLLAMA_CONTEXT_TOKENS : null;
    }

    /**
     * Settings with the defaults: the provider's base URL and timeout (120 s, 300 s for Ollama), 2 retries, no
     * cache, temperature 0.
     */
    public static LlmSettings of(ModelSpec spec, Secret apiKey) {
        return new LlmSettings(spec, null, apiKey, null, DEFAULT_MAX_RETRIES, null, 0.0);
    }

    public LlmSettings withBaseUrl(String url) {
        return new LlmSettings(spec, url, apiKey, timeout, maxRetries, cacheDir, temperature, contextTokens);
    }

    public LlmSettings withTimeout(Duration t) {
        return new LlmSettings(spec, baseUrl, apiKey, t, maxRetries, cacheDir, temperature, contextTokens);
    }

    public LlmSettings withMaxRetries(int n) {
        return new LlmSettings(spec, baseUrl, apiKey, timeout, n, cacheDir, temperature, contextTokens);
    }

    public LlmSettings withContextTokens(Integer tokens) {
        return new LlmSettings(spec, baseUrl, apiKey, timeout, maxRetries, cacheDir, temperature, tokens);
    }

    public LlmSettings withCacheDir(Path dir) {
        return new LlmSettings(spec, baseUrl, apiKey, timeout, maxRetries, dir, temperature, contextTokens);
    }

    /**
     * Resolves the settings: flags first, then the environment, then the config file
     * ({@code ~/.config/kirchhoff/config.json}: {@code model}, {@code baseUrl}, {@code timeoutSeconds},
     * {@code maxRetries}, {@code contextTokens}; the environment's {@code KIRCHHOFF_CONTEXT_TOKENS} before the last).
     *
     * @param modelFlag       {@code --model}, or null
     * @param baseUrlFlag     {@code --base-url}, or null
     * @param env             the environment ({@code System.getenv()})
     * @param configFile      the config file, or null; a missing file is skipped
     * @param defaultCacheDir the response cache root, or null for none
     * @return empty when no model is configured anywhere
     * @throws IllegalArgumentException for a bad model spec, a malformed config file or a bad timeout
     * @throws LlmException             of kind {@code MISSING_KEY} when the provider needs a key and none is set
     */
    public static Optional<LlmSettings> resolve(String modelFlag, String baseUrlFlag, Map<String, String> env,
                                                Path configFile, Path defaultCacheDir) {
        Map<String, String> environment = env == null ? Map.of() : env;
        JsonNode config = readConfig(configFile);
        String model = first(modelFlag, environment.get("KIRCHHOFF_MODEL"), text(config, "model", configFile));
        if (model == null) {
            return Optional.empty();
        }
        ModelSpec spec = ModelSpec.parse(model);
        Provider p = spec.provider();
        String baseUrl = first(baseUrlFlag, p.baseUrlVariable() == null ? null : environment.get(p.baseUrlVariable()),
                text(config, "baseUrl", configFile));
        String key = p.keyVariable() == null ? null : first(environment.get(p.keyVariable()));
        Duration timeout = p.defaultTimeout();
        String envTimeout = first(environment.get("KIRCHHOFF_LLM_TIMEOUT"));
        if (envTimeout != null) {
            timeout = seconds(envTimeout, "the environment variable KIRCHHOFF_LLM_TIMEOUT");
        } else if (config.has("timeoutSeconds")) {
            timeout = seconds(config.get("timeoutSeconds").asText(), "'timeoutSeconds' in " + configFile);
        }
        int maxRetries = DEFAULT_MAX_RETRIES;
        if (config.has("maxRetries")) {
            JsonNode n = config.get("maxRetries");
            if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 0) {
                throw new IllegalArgumentException("The config file " + configFile + " has 'maxRetries': " + n
                        + "; write a whole number of 0 or more, e.g. \"maxRetries\": 2.");
            }
            maxRetries = n.asInt();
        }
        Integer context = null;
        String envContext = first(environment.get("KIRCHHOFF_CONTEXT_TOKENS"));
        if (envContext != null || config.has("contextTokens")) {
            String text = envContext != null ? envContext : config.get("contextTokens").asText();
            String where = envContext != null ? "the environment variable KIRCHHOFF_CONTEXT_TOKENS"
                    : "'contextTokens' in " + configFile;
            try {
                context = Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                context = -1;
            }
            if (context < 512 || context > 1_048_576) {
                throw new IllegalArgumentException(where + " is '" + text + "'; write a whole number of tokens from "
                        + "512 to 1048576, e.g. 16384.");
            }
        }
        LlmSettings settings = new LlmSettings(spec, baseUrl, key == null ? null : Secret.of(key), timeout,
                maxRetries, defaultCacheDir, 0.0, context);
        settings.requireKey();
        return Optional.of(settings);
    }

    /**
     * Checks that a provider which needs a key has one: OpenAI at its official base URL, and Anthropic. An
     * OpenAI-compatible server at another base URL works without one.
     *
     * @throws LlmException of kind {@code MISSING_KEY}, saying which variable to set
     */
    public void requireKey() {
        if (apiKey != null) {
            return;
        }
        switch (spec.provider()) {
            case OPENAI -> {
                if (isOfficialOpenAi()) {
                    throw new LlmException(LlmException.Kind.MISSING_KEY, "The model " + spec + " at " + baseUrl
                            + " needs an API key: set OPENAI_API_KEY, or point OPENAI_BASE_URL at an "
                            + "OpenAI-compatible server (vLLM, llama.cpp server, LM Studio) that needs none.");
                }
            }
            case ANTHROPIC -> throw new LlmException(LlmException.Kind.MISSING_KEY, "The model " + spec
                    + " needs an API key: set ANTHROPIC_API_KEY.");
            case OLLAMA -> {
            }
        }
    }

    /** The key to hand to the client: the configured one, or {@link #PLACEHOLDER_KEY} for a keyless server. */
    String keyForClient() {
        return apiKey == null ? PLACEHOLDER_KEY : apiKey.reveal();
    }

    /** Whether the base URL is OpenAI's own API (which needs a key). */
    boolean isOfficialOpenAi() {
        try {
            String host = URI.create(baseUrl).getHost();
            return host != null && host.equalsIgnoreCase("api.openai.com");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static JsonNode readConfig(Path file) {
        if (file == null || !Files.exists(file)) {
            return JSON.createObjectNode();
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("The config file " + file + " cannot be read (" + e.getMessage()
                    + "); fix its permissions or remove it.", e);
        }
        if (text.isBlank()) {
            return JSON.createObjectNode();
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The config file " + file + " is not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage() + ". Fix it or remove it.", e);
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("The config file " + file + " must hold a JSON object such as "
                    + "{\"model\": \"ollama:qwen2.5:7b\"}, not " + node.getNodeType().name().toLowerCase() + ".");
        }
        return node;
    }

    /**
     * A string setting of the config file that is not the model's ({@code engine}), or empty when the file or the
     * key is absent.
     *
     * @throws IllegalArgumentException for a malformed file or a key that is not a string
     */
    public static Optional<String> configValue(Path configFile, String key) {
        return Optional.ofNullable(text(readConfig(configFile), key, configFile));
    }

    private static String text(JsonNode config, String field, Path file) {
        JsonNode n = config.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException("The config file " + file + " has '" + field + "': " + n
                    + "; write it as a string.");
        }
        return first(n.asText());
    }

    private static Duration seconds(String text, String where) {
        try {
            double s = Double.parseDouble(text.strip());
            if (s > 0 && s <= 86_400) {
                return Duration.ofMillis(Math.round(s * 1000));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("The timeout '" + text + "' in " + where
                + " is not a number of seconds between 0 and 86400; write e.g. 120.");
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
