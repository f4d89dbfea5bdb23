package dev.kirchhoff.validation;

/**
 * One electrical or structural check. A rule reads a {@link CircuitFacts} and adds {@link Finding}s; it never changes
 * the circuit. Implementations are stateless and thread-safe, and each is documented by {@link #documentation()},
 * which {@code docs/rules.md} is generated from.
 */
public interface Rule {

    /** A stable id, {@code group.name} in lower case with hyphens ({@code power.rail-short}). */
    String id();

    /** The group the rule belongs to; decides which score its findings count against. */
    RuleGroup group();

    /** A one-line title ("Rails shorted together"). */
    String title();

    /** One paragraph: what the rule checks, why it matters, what it does not check. */
    String documentation();

    /** Adds what this rule finds in {@code facts} to {@code out}. */
    void check(CircuitFacts facts, Findings out);
}
