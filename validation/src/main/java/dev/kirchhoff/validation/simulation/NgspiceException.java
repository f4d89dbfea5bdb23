package dev.kirchhoff.validation.simulation;

/**
 * ngspice could not be run to the end: it is not installed, it did not finish in time, or it could not be started
 * or read. The message says what happened and what to do. The simulation's own complaints (a singular matrix) are
 * not exceptions; they are in {@link OperatingPoint#problems()}.
 */
public final class NgspiceException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** No executable: {@link Ngspice#NOT_FOUND}. */
        NOT_FOUND,
        /** It ran longer than the timeout and was stopped. */
        TIMEOUT,
        /** It could not be started, or its output could not be written or read. */
        FAILED
    }

    private final Kind kind;

    /** An exception of {@code kind} whose message says what happened and what to do, caused by {@code cause}. */
    public NgspiceException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** An exception of {@code kind} whose message says what happened and what to do. */
    public NgspiceException(Kind kind, String message) {
        this(kind, message, null);
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }
}
