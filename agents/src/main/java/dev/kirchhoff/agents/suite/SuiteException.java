package dev.kirchhoff.agents.suite;

/** A suite file that cannot be read: the message names the file, the line and what to change. */
public final class SuiteException extends RuntimeException {

    public SuiteException(String message) {
        super(message);
    }

    public SuiteException(String message, Throwable cause) {
        super(message, cause);
    }
}
