package dev.kirchhoff.schematic.format;

import java.util.Objects;

/**
 * Something a reader or writer did that the user should know: a rename, a construct the target cannot express, a
 * default it assumed. Immutable.
 *
 * @param severity how much it matters
 * @param line the source line it concerns, 0 when none
 * @param message what happened, and what to do about it when something can be done
 */
public record Notice(Severity severity, int line, String message) {

    /** How much a notice matters. */
    public enum Severity {
        /** Informational: nothing was lost. */
        INFO,
        /** Something was renamed, assumed or could not be expressed in the target. */
        WARNING
    }

    public Notice {
        Objects.requireNonNull(severity, "The parameter 'severity' must not be null.");
        Objects.requireNonNull(message, "The parameter 'message' must not be null.");
    }

    /** {@code file:line: severity: message}. */
    public String format(String file) {
        String where = line > 0 ? file + ":" + line + ": " : file + ": ";
        return where + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
