package dev.kirchhoff.validation;

import java.util.List;
import java.util.Objects;

/**
 * One thing a rule found: which rule, how bad, where (components, pins written {@code REF:PIN}, nets), what is wrong
 * and how to fix it. Immutable; the {@code with…} methods return a changed copy.
 *
 * <pre>{@code
 * Finding.error("i2c.pull-ups", "SDA has no pull-up resistor")
 *         .withNets("SDA").withPins("U1:21", "bme:SDA")
 *         .withFix("add 4.7 kOhm from SDA to 3V3");
 * }</pre>
 *
 * @param rule the id of the rule that found it ({@code power.rail-short})
 * @param severity how bad it is
 * @param components reference designators concerned
 * @param pins pins concerned, as {@code REF:PIN}
 * @param nets nets concerned
 * @param message what is wrong, in one sentence that names the facts it used
 * @param fix what to do about it; empty when nothing need be done
 */
public record Finding(String rule, Severity severity, List<String> components, List<String> pins, List<String> nets,
                      String message, String fix) {

    public Finding {
        Objects.requireNonNull(rule, "The parameter 'rule' must not be null.");
        Objects.requireNonNull(severity, "The parameter 'severity' must not be null.");
        Objects.requireNonNull(message, "The parameter 'message' must not be null.");
        components = components == null ? List.of() : List.copyOf(components);
        pins = pins == null ? List.of() : List.copyOf(pins);
        nets = nets == null ? List.of() : List.copyOf(nets);
        fix = fix == null ? "" : fix;
    }

    public static Finding of(String rule, Severity severity, String message) {
        return new Finding(rule, severity, List.of(), List.of(), List.of(), message, "");
    }

    public static Finding error(String rule, String message) {
        return of(rule, Severity.ERROR, message);
    }

    public static Finding warning(String rule, String message) {
        return of(rule, Severity.WARNING, message);
    }

    public static Finding info(String rule, String message) {
        return of(rule, Severity.INFO, message);
    }

    public Finding withComponents(String... refs) {
        return withComponents(List.of(refs));
    }

    public Finding withComponents(List<String> refs) {
        return new Finding(rule, severity, refs, pins, nets, message, fix);
    }

    public Finding withPins(String... refs) {
        return withPins(List.of(refs));
    }

    public Finding withPins(List<String> refs) {
        return new Finding(rule, severity, components, refs, nets, message, fix);
    }

    public Finding withNets(String... names) {
        return withNets(List.of(names));
    }

    public Finding withNets(List<String> names) {
        return new Finding(rule, severity, components, pins, names, message, fix);
    }

    public Finding withFix(String text) {
        return new Finding(rule, severity, components, pins, nets, message, text);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(rule, s, components, pins, nets, message, fix);
    }

    /** Whether this finding concerns net {@code name}. */
    public boolean concernsNet(String name) {
        return nets.contains(name);
    }

    /** Whether this finding concerns component {@code ref}, directly or through one of its pins. */
    public boolean concernsComponent(String ref) {
        if (components.contains(ref)) {
            return true;
        }
        for (String p : pins) {
            if (p.startsWith(ref + ":")) {
                return true;
            }
        }
        return false;
    }

    /** {@code error [rule] message (fix: …)}. */
    @Override
    public String toString() {
        return severity.label() + " [" + rule + "] " + message + (fix.isEmpty() ? "" : " (fix: " + fix + ")");
    }
}
