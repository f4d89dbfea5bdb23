package dev.kirchhoff.agents;

import java.util.List;

/**
 * A request the pipeline cannot turn into a design, with what to do about it. The CLI prints the message and the
 * suggestions and exits 2.
 */
public final class DesignException extends RuntimeException {

    /** Why the design stopped. */
    public enum Reason {
        /** Nothing in the prompt was recognised. */
        NOT_UNDERSTOOD,
        /** The prompt names a part the knowledge base does not have. */
        UNKNOWN_PART,
        /** The plan names a part or pin that does not exist. */
        INVALID_PLAN,
        /** What was asked cannot be built safely and no safe alternative applies. */
        REFUSED
    }

    private final Reason reason;
    private final List<String> suggestions;

    public DesignException(Reason reason, String message, List<String> suggestions) {
        super(message);
        this.reason = reason;
        this.suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    public Reason reason() {
        return reason;
    }

    /** Example prompts, near part ids or fixes, one per line. */
    public List<String> suggestions() {
        return suggestions;
    }
}
