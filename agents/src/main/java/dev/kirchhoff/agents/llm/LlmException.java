package dev.kirchhoff.agents.llm;

/**
 * A language-model call that could not give a usable answer, with what to do about it. Messages name the provider,
 * the model and the base URL, never an API key. The CLI prints the message and exits 2.
 */
public final class LlmException extends RuntimeException {

    /** Why the call failed. */
    public enum Kind {
        /** Nothing answered at the base URL (connection refused, unknown host). */
        UNREACHABLE(false),
        /** The provider needs an API key and none is configured. */
        MISSING_KEY(false),
        /** The provider refused the key (401, 403). */
        AUTH(false),
        /** No answer within the timeout. */
        TIMEOUT(true),
        /** 429: too many requests. */
        RATE_LIMIT(true),
        /** 5xx. */
        SERVER_ERROR(true),
        /** 4xx other than the above: the server did not accept the request (unknown model, unsupported schema). */
        BAD_REQUEST(false),
        /** The model answered, but not with anything usable after the repair rounds. */
        BAD_RESPONSE(false);

        private final boolean retriable;

        Kind(boolean retriable) {
            this.retriable = retriable;
        }

        /** Whether trying again later may help. */
        public boolean retriable() {
            return retriable;
        }
    }

    private final Kind kind;

    public LlmException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public LlmException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
