package dev.kirchhoff.app.cli;

/**
 * A problem with what the user asked for or gave us (a missing file, a bad option combination): reported as its
 * message alone, exit code 2, no stack trace.
 */
public final class UserError extends RuntimeException {

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
