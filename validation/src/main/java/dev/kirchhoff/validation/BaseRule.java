package dev.kirchhoff.validation;

import java.util.Objects;

/**
 * The fixed parts every rule has: id, group, title and documentation paragraph. Rules extend this and write only
 * {@link #check}.
 */
public abstract class BaseRule implements Rule {

    private final String id;
    private final RuleGroup group;
    private final String title;
    private final String documentation;

    protected BaseRule(String id, RuleGroup group, String title, String documentation) {
        this.id = Objects.requireNonNull(id, "The parameter 'id' must not be null.");
        this.group = Objects.requireNonNull(group, "The parameter 'group' must not be null.");
        this.title = Objects.requireNonNull(title, "The parameter 'title' must not be null.");
        this.documentation = Objects.requireNonNull(documentation, "The parameter 'documentation' must not be null.");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final RuleGroup group() {
        return group;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final String documentation() {
        return documentation;
    }

    @Override
    public String toString() {
        return id;
    }
}
