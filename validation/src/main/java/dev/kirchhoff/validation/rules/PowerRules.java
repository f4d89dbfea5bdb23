package dev.kirchhoff.validation.rules;

import dev.kirchhoff.validation.Rule;
import java.util.List;

/** The rules of one group, in the order they run. */
public final class PowerRules {

    private PowerRules() {
    }

    /** This group's rules. */
    public static List<Rule> all() {
        return List.of();
    }
}
