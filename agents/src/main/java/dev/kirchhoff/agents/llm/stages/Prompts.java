package dev.kirchhoff.agents.llm.stages;

import dev.langchain4j.model.input.PromptTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The versioned prompt templates under {@code prompts/design/} on the classpath, filled with LangChain4j's
 * {@link PromptTemplate} ({@code {{name}}} placeholders; a missing value is an error). Thread-safe; templates are read
 * once.
 */
public final class Prompts {

    /** Template ids with their version, as in the file names. */
    public static final String IDENTIFY = "identify.v1";
    public static final String COMPONENTS = "components.v2";
    public static final String WIRING = "wiring.v2";
    public static final String REPAIR = "repair.v1";

    private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

    private Prompts() {
    }

    /** The raw text of template {@code id} ({@code identify.v1}). */
    public static String text(String id) {
        return TEXTS.computeIfAbsent(id, Prompts::read);
    }

    /** Template {@code id} with every placeholder filled from {@code values}. */
    public static String fill(String id, Map<String, Object> values) {
        Objects.requireNonNull(values, "The parameter 'values' must not be null.");
        return PromptTemplate.from(text(id)).apply(values).text();
    }

    private static String read(String id) {
        String path = "/prompts/design/" + id + ".md";
        try (InputStream in = Prompts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("prompt template " + path + " is not on the classpath: rebuild the "
                        + "agents module (it copies the repository's prompts/ folder)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt template " + path + ": " + e.getMessage(), e);
        }
    }
}
