package dev.kirchhoff.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where rules put what they find. Caps each rule at {@link #PER_RULE_LIMIT} findings (a 100k-component netlist with
 * one systematic fault should give a readable report) and counts what it dropped. Not thread-safe: one per run.
 */
public final class Findings {

    /** The most findings kept per rule; the rest are counted. */
    public static final int PER_RULE_LIMIT = 200;

    private final List<Finding> list = new ArrayList<>();
    private final java.util.Map<String, Integer> perRule = new java.util.HashMap<>();
    private final java.util.Map<String, Integer> dropped = new java.util.LinkedHashMap<>();

    /** Adds a finding, unless its rule already reported {@link #PER_RULE_LIMIT}. */
    public void add(Finding f) {
        int n = perRule.merge(f.rule(), 1, Integer::sum);
        if (n > PER_RULE_LIMIT) {
            dropped.merge(f.rule(), 1, Integer::sum);
            return;
        }
        list.add(f);
    }

    /** The findings kept, in the order they were added. */
    public List<Finding> all() {
        return Collections.unmodifiableList(list);
    }

    /** Rule id to the number of findings beyond the limit. */
    public java.util.Map<String, Integer> dropped() {
        return Collections.unmodifiableMap(dropped);
    }
}
