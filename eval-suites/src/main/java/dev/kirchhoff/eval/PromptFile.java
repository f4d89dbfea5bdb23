package dev.kirchhoff.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A two-part prompt template on the classpath, {@code /prompts/<id>.md}: the system message, a line
 * {@code --- user ---}, then the user message. The judge and kirchhoff-agent's question reader use this form (the
 * suites' own templates use {@link dev.kirchhoff.eval.suite.EvalPrompts}' sections). Immutable.
 *
 * @param id     the template id and version ({@code eval/judge/open.v1}), the first line of its system message
 * @param system the system message, placeholders unfilled
 * @param user   the user message, placeholders unfilled
 */
public record PromptFile(String id, String system, String user) {
    private static final String USER_SEPARATOR = "--- user ---";

    /**
     * Reads template {@code id}.
     *
     * @throws IllegalStateException when it is not on the classpath or has no {@code --- user ---} line
     */
    public static PromptFile read(String id) {
        String path = "/prompts/" + id + ".md";
        String text;
        try (InputStream in = PromptFile.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The prompt template " + path + " is not on the classpath: rebuild "
                        + "the eval-suites module (it copies the repository's prompts/eval folder).");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n").strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the prompt template " + path + ": " + e.getMessage(), e);
        }
        int cut = text.indexOf("\n" + USER_SEPARATOR + "\n");
        if (cut < 0) {
            throw new IllegalStateException("The prompt template " + path + " has no '" + USER_SEPARATOR
                    + "' line between the system and the user message; restore the file from the repository.");
        }
        return new PromptFile(id, text.substring(0, cut).strip(),
                text.substring(cut + USER_SEPARATOR.length() + 2).strip());
    }
}
