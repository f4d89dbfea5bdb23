package dev.kirchhoff.validation;

import dev.kirchhoff.schematic.format.WiringDefect;
import dev.kirchhoff.schematic.model.Circuit;
import java.util.List;

/**
 * Runs rules over a circuit and reports. Every schematic Kirchhoff generates passes through here before it is
 * exported to SPICE; {@code kirchhoff validate} runs it on users' netlists. Thread-safe.
 *
 * <pre>{@code
 * ValidationReport r = Validator.bundled().validate(circuit, "esp32-bme280");
 * if (!r.passed()) System.out.print(r.text());
 * }</pre>
 */
public final class Validator {

    private final PartResolver resolver;
    private final List<Rule> rules;

    /** A validator running every rule except the simulation ones, which need an operating point. */
    public Validator(PartResolver resolver) {
        this(resolver, staticRules());
    }

    public Validator(PartResolver resolver, List<Rule> rules) {
        this.resolver = resolver;
        this.rules = List.copyOf(rules);
    }

    /** A validator over the bundled knowledge base. */
    public static Validator bundled() {
        return new Validator(PartResolver.bundled());
    }

    /** The rules that need nothing but the circuit. */
    public static List<Rule> staticRules() {
        return Rules.all().stream().filter(r -> r.group() != RuleGroup.SIMULATION).toList();
    }

    public PartResolver resolver() {
        return resolver;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Validates a circuit built in memory or read strictly. */
    public ValidationReport validate(Circuit circuit, String subject) {
        return validate(circuit, subject, List.of());
    }

    /** Validates a circuit read leniently, with the connections its reader could not make. */
    public ValidationReport validate(Circuit circuit, String subject, List<WiringDefect> defects) {
        return validate(new CircuitFacts(circuit, resolver, defects), subject);
    }

    /** Runs this validator's rules over prepared facts. */
    public ValidationReport validate(CircuitFacts facts, String subject) {
        Findings out = new Findings();
        for (Rule rule : rules) {
            try {
                rule.check(facts, out);
            } catch (RuntimeException e) {
                throw new IllegalStateException("rule " + rule.id() + " failed on " + subject + ": " + e, e);
            }
        }
        return new ValidationReport(subject, out.all(), rules.size(), facts.componentCount(), facts.netCount(),
                out.dropped());
    }
}
