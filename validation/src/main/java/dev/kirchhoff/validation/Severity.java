package dev.kirchhoff.validation;

import java.util.Locale;

/** How much a finding matters. An error fails validation and blocks export; warnings and notes do not. */
public enum Severity {
    /** The circuit will not work as drawn, or will damage a part. */
    ERROR,
    /** The circuit may work, but a careful engineer would change it. */
    WARNING,
    /** Worth knowing; nothing to change. */
    INFO;

    /** {@code error}, {@code warning}, {@code info}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
