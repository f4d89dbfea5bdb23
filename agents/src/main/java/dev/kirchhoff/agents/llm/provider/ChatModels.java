package dev.kirchhoff.agents.llm.provider;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Builds the LangChain4j {@link ChatModel} for {@link LlmSettings}: the provider's model, behind retries and, when a
 * cache directory is set, the response cache.
 *
 * <p>The order is {@code CachingChatModel(ResilientChatModel(raw))}: the cache sees each logical request once, so a
 * hit returns at once without entering the retry loop, and the retries happen below it, so only the final answer is
 * stored and a failure (even after retries) propagates without being cached.
 *
 * <p>LangChain4j's own retries are off ({@code maxRetries(0)}) because {@link ResilientChatModel} retries with
 * backoff; its request/response logging is never enabled, since it would print headers and keys.
 */
public final class ChatModels {

    /** Output budget for Anthropic, which requires one; the design stages answer in well under this. */
    static final int ANTHROPIC_MAX_TOKENS = 4096;

    private ChatModels() {
    }

    /**
     * The chat model for these settings.
     *
     * @throws dev.kirchhoff.agents.llm.LlmException of kind {@code MISSING_KEY} when the provider needs a key
     */
    public static ChatModel create(LlmSettings settings) {
        return create(settings, ResilientChatModel.Sleeper.REAL, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** {@link #create(LlmSettings)} with the retry waits and their jitter injected (tests). */
    static ChatModel create(LlmSettings settings, ResilientChatModel.Sleeper sleeper, DoubleSupplier random) {
        Objects.requireNonNull(settings, "The parameter 'settings' must not be null.");
        ChatModel model = new ResilientChatModel(raw(settings), settings, sleeper, random);
        if (settings.cacheDir() != null) {
            model = new CachingChatModel(model, settings.spec(), settings.baseUrl(), settings.cacheDir());
        }
        return model;
    }

    /** The provider's own model, without retries or cache. */
    static ChatModel raw(LlmSettings settings) {
        settings.requireKey();
        ModelSpec spec = settings.spec();
        return switch (spec.provider()) {
            case OPENAI -> OpenAiChatModel.builder()
                    .baseUrl(settings.baseUrl())
                    .apiKey(settings.keyForClient())
                    .modelName(spec.name())
                    .timeout(settings.timeout())
                    .maxRetries(0)
                    // OpenAI's reasoning models refuse any temperature but their own (HTTP 400)
                    .temperature(fixedTemperature(spec.name()) ? null : settings.temperature())
                    .strictJsonSchema(true)
                    .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case OLLAMA -> OllamaChatModel.builder()
                    .baseUrl(settings.baseUrl())
                    .modelName(spec.name())
                    // Ollama's own context default (2-4k tokens) silently cuts a wiring prompt with its pin tables
                    .numCtx(settings.contextTokensOrDefault())
                    .timeout(settings.timeout())
                    .maxRetries(0)
                    .temperature(settings.temperature())
                    // Ollama's "format" takes a JSON Schema and constrains decoding to it
                    .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .baseUrl(settings.baseUrl())
                    .apiKey(settings.keyForClient())
                    .modelName(spec.name())
                    .timeout(settings.timeout())
                    .maxRetries(0)
                    .temperature(settings.temperature())
                    .maxTokens(ANTHROPIC_MAX_TOKENS)
                    // LangChain4j 1.17 sends a JSON-Schema response format as output_config.format (Anthropic's
                    // structured outputs); a model that refuses it answers 400 and LlmClient falls back to the prompt
                    .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
        };
    }

    /** OpenAI models that take no temperature: the o-series and GPT-5 reasoning models. */
    private static final java.util.regex.Pattern REASONING = java.util.regex.Pattern.compile("(?i)^(o\\d|gpt-5)([-.].*)?$");

    /** Whether the OpenAI model {@code name} accepts only its own sampling temperature. */
    static boolean fixedTemperature(String name) {
        return REASONING.matcher(name).matches();
    }
}
