package dev.kirchhoff.agents.suite;

import java.util.List;
import java.util.Locale;

/**
 * One prompt of the design suite with what a careful engineer demands of its circuit. Immutable.
 *
 * @param id           unique in the suite ({@code uno-bme280-lcd})
 * @param prompt       the request as a user would type it
 * @param difficulty   how hard it is
 * @param domain       what kind of design it is
 * @param tags         free labels for slicing reports ({@code i2c}, {@code typo}, {@code question})
 * @param expectations every demand, {@link Expectation.NoErrors} included unless the item waives it
 * @param line         the line of the suite file it was read from (1-based), 0 when built in code
 */
public record SuiteItem(String id, String prompt, Difficulty difficulty, Domain domain, List<String> tags,
                        List<Expectation> expectations, int line) {

    /** How hard a prompt is. */
    public enum Difficulty {
        EASY, MEDIUM, HARD;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What kind of design a prompt asks for. */
    public enum Domain {
        EMBEDDED, ANALOG, POWER, MIXED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SuiteItem {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("The parameter 'id' must not be blank.");
        }
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("The parameter 'prompt' must not be blank.");
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
        expectations = expectations == null ? List.of() : List.copyOf(expectations);
    }
}
