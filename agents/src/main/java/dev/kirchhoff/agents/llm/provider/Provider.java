package dev.kirchhoff.agents.llm.provider;

import java.time.Duration;
import java.util.Locale;

/** A language-model provider that Kirchhoff talks to through LangChain4j. */
public enum Provider {
    /** OpenAI, or any OpenAI-compatible server (vLLM, llama.cpp server, LM Studio) at a base URL. */
    OPENAI("openai", "https://api.openai.com/v1", "OPENAI_BASE_URL", "OPENAI_API_KEY", Duration.ofSeconds(120)),
    /** A local or remote Ollama server; local models on a CPU write a long answer slowly, so it gets longer. */
    OLLAMA("ollama", "http://localhost:11434", "OLLAMA_BASE_URL", null, Duration.ofSeconds(300)),
    /** Anthropic's Messages API. */
    ANTHROPIC("anthropic", "https://api.anthropic.com/v1", null, "ANTHROPIC_API_KEY", Duration.ofSeconds(120));

    private final String id;
    private final String defaultBaseUrl;
    private final String baseUrlVariable;
    private final String keyVariable;
    private final Duration defaultTimeout;

    Provider(String id, String defaultBaseUrl, String baseUrlVariable, String keyVariable, Duration defaultTimeout) {
        this.id = id;
        this.defaultBaseUrl = defaultBaseUrl;
        this.baseUrlVariable = baseUrlVariable;
        this.keyVariable = keyVariable;
        this.defaultTimeout = defaultTimeout;
    }

    /** How long one request may take when nothing else is configured: a whole structured answer, not a token. */
    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    /** The lower-case name used in model specs ({@code openai}). */
    public String id() {
        return id;
    }

    /** Where the provider answers when no base URL is configured. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** The environment variable that overrides the base URL, or null when there is none. */
    public String baseUrlVariable() {
        return baseUrlVariable;
    }

    /** The environment variable that holds the API key, or null when the provider takes none. */
    public String keyVariable() {
        return keyVariable;
    }

    /** The provider named {@code id} (case-insensitive), or null. */
    static Provider byId(String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        for (Provider p : values()) {
            if (p.id.equals(lower)) {
                return p;
            }
        }
        return null;
    }
}
