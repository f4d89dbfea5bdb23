package dev.kirchhoff.agents.llm.provider;

import java.util.Locale;

/** A language-model provider that Kirchhoff talks to through LangChain4j. */
public enum Provider {
    /** OpenAI, or any OpenAI-compatible server (vLLM, llama.cpp server, LM Studio) at a base URL. */
    OPENAI("openai", "https://api.openai.com/v1", "OPENAI_BASE_URL", "OPENAI_API_KEY"),
    /** A local or remote Ollama server. */
    OLLAMA("ollama", "http://localhost:11434", "OLLAMA_BASE_URL", null),
    /** Anthropic's Messages API. */
    ANTHROPIC("anthropic", "https://api.anthropic.com/v1", null, "ANTHROPIC_API_KEY");

    private final String id;
    private final String defaultBaseUrl;
    private final String baseUrlVariable;
    private final String keyVariable;

    Provider(String id, String defaultBaseUrl, String baseUrlVariable, String keyVariable) {
        this.id = id;
        this.defaultBaseUrl = defaultBaseUrl;
        this.baseUrlVariable = baseUrlVariable;
        this.keyVariable = keyVariable;
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
