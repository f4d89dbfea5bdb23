package dev.kirchhoff.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every rule Kirchhoff runs, in the order they run and are documented. Rules are registered here by group; ids are
 * unique. Thread-safe.
 */
public final class Rules {

    private static final List<Rule> ALL;
    private static final Map<String, Rule> BY_ID = new HashMap<>();

    static {
        List<Rule> all = new ArrayList<>();
        all.addAll(dev.kirchhoff.validation.rules.StructureRules.all());
        all.addAll(dev.kirchhoff.validation.rules.PinTypeRules.all());
        all.addAll(dev.kirchhoff.validation.rules.PowerRules.all());
        all.addAll(dev.kirchhoff.validation.rules.InterfaceRules.all());
        all.addAll(dev.kirchhoff.validation.rules.PartRules.all());
        all.addAll(dev.kirchhoff.validation.rules.AnalogRules.all());
        all.addAll(dev.kirchhoff.validation.simulation.SimulationRules.all());
        for (Rule r : all) {
            if (BY_ID.put(r.id(), r) != null) {
                throw new IllegalStateException("two rules have the id " + r.id());
            }
        }
        ALL = List.copyOf(all);
    }

    private Rules() {
    }

    /** All rules, structure first. */
    public static List<Rule> all() {
        return ALL;
    }

    /** The rule {@code id}, or {@code null}. */
    public static Rule byId(String id) {
        return BY_ID.get(id);
    }

    /** The group of rule {@code id}, or {@code null} for an unknown id. */
    public static RuleGroup groupOf(String id) {
        Rule r = BY_ID.get(id);
        return r == null ? null : r.group();
    }

    /** The rules of {@code group}. */
    public static List<Rule> of(RuleGroup group) {
        List<Rule> out = new ArrayList<>();
        for (Rule r : ALL) {
            if (r.group() == group) {
                out.add(r);
            }
        }
        return out;
    }
}
