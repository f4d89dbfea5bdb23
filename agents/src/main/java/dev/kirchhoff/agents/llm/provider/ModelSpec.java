package dev.kirchhoff.agents.llm.provider;

import java.util.Objects;

/**
 * Which model of which provider to use, written {@code provider:name}: {@code openai:gpt-4o-mini},
 * {@code ollama:qwen2.5:7b}, {@code anthropic:claude-sonnet-4-5}. Immutable.
 *
 * @param provider the provider
 * @param name     the provider's model name; may itself contain colons (Ollama tags)
 */
public record ModelSpec(Provider provider, String name) {

    public ModelSpec {
        Objects.requireNonNull(provider, "The parameter 'provider' must not be null.");
        Objects.requireNonNull(name, "The parameter 'name' must not be null.");
        if (name.isBlank()) {
            throw new IllegalArgumentException("The model name must not be blank.");
        }
    }

    /**
     * Reads {@code provider:name}, splitting at the first colon so that {@code ollama:qwen2.5:7b} names the model
     * {@code qwen2.5:7b}.
     *
     * @throws IllegalArgumentException naming the spec and the accepted forms
     */
    public static ModelSpec parse(String spec) {
        if (spec == null) {
            throw bad("(none)", "it is missing");
        }
        String s = spec.strip();
        int colon = s.indexOf(':');
        if (colon < 0) {
            throw bad(spec, "it has no provider prefix");
        }
        Provider provider = Provider.byId(s.substring(0, colon).strip());
        if (provider == null) {
            throw bad(spec, "'" + s.substring(0, colon) + "' is not a known provider");
        }
        String name = s.substring(colon + 1).strip();
        if (name.isEmpty()) {
            throw bad(spec, "the model name after the colon is empty");
        }
        return new ModelSpec(provider, name);
    }

    private static IllegalArgumentException bad(String spec, String why) {
        return new IllegalArgumentException("The model '" + spec + "' cannot be used: " + why + ". Write it as "
                + "openai:<model> (e.g. openai:gpt-4o-mini), ollama:<model> (e.g. ollama:qwen2.5:7b) or "
                + "anthropic:<model> (e.g. anthropic:claude-sonnet-4-5).");
    }

    /** {@code provider:name}, the form {@link #parse(String)} reads. */
    @Override
    public String toString() {
        return provider.id() + ":" + name;
    }
}
