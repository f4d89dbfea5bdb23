package dev.kirchhoff.agents.llm.provider;

import java.util.Objects;

/**
 * An API key that does not print itself: {@link #toString()} is {@code ***}, and the value is only reachable
 * through {@link #reveal()}, called where the key is handed to a LangChain4j model. Immutable.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** A secret holding {@code value}, which must not be blank. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "The parameter 'value' must not be null.");
        if (value.isBlank()) {
            throw new IllegalArgumentException("The parameter 'value' must not be blank.");
        }
        return new Secret(value.strip());
    }

    /** The key itself. Pass it to the provider client only; never into a message, log, trace or file. */
    public String reveal() {
        return value;
    }

    /** {@code text} with every occurrence of the key replaced by {@code ***}. */
    public String scrub(String text) {
        return text == null ? null : text.replace(value, "***");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "***";
    }
}
