package dev.kirchhoff.eval.symbolic.mna;

import dev.kirchhoff.eval.symbolic.Polynomial;
import dev.kirchhoff.eval.symbolic.RationalFunction;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The exact solution of a circuit's MNA equations: node voltages and element currents as rational functions of
 * {@code s} and the component symbols, each found by Cramer's rule when first asked for. Thread-safe; results are
 * cached.
 *
 * <p>Currents follow SPICE: an element's current flows into its n+ node, through it, and out of n-.
 */
public final class Solution {

    private final MnaSystem system;
    private final Polynomial determinant;
    private final Map<Integer, RationalFunction> unknowns = new HashMap<>();

    Solution(MnaSystem system, Polynomial determinant) {
        this.system = system;
        this.determinant = determinant;
    }

    /** The circuit solved. */
    public LinearCircuit circuit() {
        return system.circuit;
    }

    /**
     * The voltage of node {@code name} to ground (a node merged by a wire answers to either name).
     *
     * @throws IllegalArgumentException when there is no such node
     */
    public RationalFunction voltage(String name) {
        Objects.requireNonNull(name, "The parameter 'node' must not be null.");
        String node = system.circuit.canonicalNode(name);
        if (node.equals(LinearCircuit.GROUND)) {
            return RationalFunction.ZERO;
        }
        Integer i = system.nodeIndex.get(node);
        if (i == null) {
            i = system.nodeIndex.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(node))
                    .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new IllegalArgumentException(
                            "There is no node '" + name + "'; the circuit's nodes are 0, "
                                    + String.join(", ", system.circuit.nodes()) + "."));
        }
        return unknown(i);
    }

    /** The voltage of {@code nodePlus} minus that of {@code nodeMinus}. */
    public RationalFunction voltage(String nodePlus, String nodeMinus) {
        return voltage(nodePlus).minus(voltage(nodeMinus));
    }

    /** The voltage across {@code element}: V(n+) - V(n-) (an op-amp's output to its reference). */
    public RationalFunction elementVoltage(String element) {
        Element e = element(element);
        return voltage(e.plus(), e.minus());
    }

    /**
     * The current through {@code element}, from n+ through it to n-. Voltage sources, controlled voltage sources and
     * op-amp outputs have it as an MNA unknown; for the others it follows from their voltages.
     */
    public RationalFunction current(String element) {
        Element e = element(element);
        LinearCircuit c = system.circuit;
        return switch (e.kind()) {
            case VOLTAGE_SOURCE, VCVS, CCVS, OPAMP -> unknown(system.branchIndex.get(e.name()));
            case RESISTOR -> elementVoltage(e.name()).divide(c.value(e));
            case CAPACITOR -> elementVoltage(e.name()).times(MnaSystem.S).times(c.value(e));
            case INDUCTOR -> elementVoltage(e.name()).divide(MnaSystem.S.times(c.value(e)));
            case CURRENT_SOURCE -> system.sourceValue(e);
            case VCCS -> voltage(e.nodes().get(2), e.nodes().get(3)).times(c.value(e));
            case CCCS -> current(e.control()).times(c.value(e));
        };
    }

    private Element element(String name) {
        Objects.requireNonNull(name, "The parameter 'element' must not be null.");
        return system.circuit.element(name).orElseThrow(() -> new IllegalArgumentException("There is no element '"
                + name + "'; the circuit's elements are " + system.circuit.elements().stream().map(Element::name)
                .collect(Collectors.joining(", ")) + "."));
    }

    private synchronized RationalFunction unknown(int i) {
        RationalFunction known = unknowns.get(i);
        if (known != null) {
            return known;
        }
        int n = system.n;
        Polynomial[][] m = new Polynomial[n][];
        for (int r = 0; r < n; r++) {
            m[r] = system.a[r].clone();
            m[r][i] = system.b[r];
        }
        RationalFunction x = RationalFunction.of(Determinant.of(m), determinant);
        unknowns.put(i, x);
        return x;
    }
}
