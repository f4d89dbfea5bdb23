package dev.kirchhoff.eval.symbolic.mna;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Finds why a circuit's MNA equations would be singular, naming the nodes and elements at fault. */
final class CircuitChecks {

    private CircuitChecks() {
    }

    /** Floating nodes and loops of voltage-fixing elements, which make every such circuit singular. */
    static void requireSolvable(LinearCircuit c) {
        List<String> floating = cutOffFromGround(c, e -> true);
        if (!floating.isEmpty()) {
            throw new SingularCircuitException("Node" + (floating.size() > 1 ? "s " : " ") + String.join(", ", floating)
                    + (floating.size() > 1 ? " have" : " has") + " no path to ground (0) through any element, so the"
                    + " voltage is undetermined. Connect " + (floating.size() > 1 ? "them" : "it")
                    + " to the rest of the circuit, or ground one of them.", floating);
        }
        // A loop of voltage sources, controlled voltage sources and op-amp outputs over-determines its voltages.
        Map<String, List<Element>> graph = new HashMap<>();
        for (Element e : c.elements()) {
            if (!e.kind().hasBranchCurrent()) {
                continue;
            }
            List<Element> path = path(graph, e.plus(), e.minus());
            if (path != null) {
                List<String> names = new ArrayList<>(path.stream().map(Element::name).toList());
                names.add(e.name());
                throw new SingularCircuitException(e.name() + " closes a loop of voltage sources and op-amp outputs ("
                        + String.join(", ", names) + ") between nodes " + e.plus() + " and " + e.minus()
                        + ", which over-determines their voltages. Remove one of them or put a resistor in the loop.",
                        names);
            }
            graph.computeIfAbsent(e.plus(), k -> new ArrayList<>()).add(e);
            graph.computeIfAbsent(e.minus(), k -> new ArrayList<>()).add(e);
        }
    }

    /** Why a circuit that passed {@link #requireSolvable} still has a zero determinant. */
    static SingularCircuitException explainSingular(LinearCircuit c) {
        List<String> onlyCurrent = cutOffFromGround(c, e -> e.kind() != ElementKind.CURRENT_SOURCE
                && e.kind() != ElementKind.VCCS && e.kind() != ElementKind.CCCS);
        if (!onlyCurrent.isEmpty()) {
            return new SingularCircuitException("Node" + (onlyCurrent.size() > 1 ? "s " : " ")
                    + String.join(", ", onlyCurrent) + " reach ground only through current sources, so the voltage"
                    + " there is undetermined. Add a resistor from " + onlyCurrent.get(0) + " to ground.",
                    onlyCurrent);
        }
        List<String> opamps = c.elements().stream().filter(Element::isIdealOpAmp).map(Element::name).toList();
        return new SingularCircuitException("The circuit's MNA equations are singular (determinant 0), so some voltage"
                + " or current is undetermined" + (opamps.isEmpty() ? "" : "; check that each ideal op-amp ("
                + String.join(", ", opamps) + ") has feedback from its output to an input")
                + ". Controlled sources that define each other, or a node held only by capacitors in series with"
                + " current sources, do the same; add the missing connection.", opamps);
    }

    /** Nodes with no path to ground over the terminals of elements accepted by {@code conducts}. */
    private static List<String> cutOffFromGround(LinearCircuit c, Predicate<Element> conducts) {
        Map<String, List<String>> adj = new HashMap<>();
        for (Element e : c.elements()) {
            if (conducts.test(e)) {
                adj.computeIfAbsent(e.plus(), k -> new ArrayList<>()).add(e.minus());
                adj.computeIfAbsent(e.minus(), k -> new ArrayList<>()).add(e.plus());
            }
        }
        Set<String> reached = new java.util.HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(LinearCircuit.GROUND));
        reached.add(LinearCircuit.GROUND);
        while (!todo.isEmpty()) {
            for (String next : adj.getOrDefault(todo.pop(), List.of())) {
                if (reached.add(next)) {
                    todo.push(next);
                }
            }
        }
        return c.nodes().stream().filter(n -> !reached.contains(n)).toList();
    }

    /** The elements on a path from {@code from} to {@code to} in {@code graph}, or null when there is none. */
    private static List<Element> path(Map<String, List<Element>> graph, String from, String to) {
        if (from.equals(to)) {
            return List.of();
        }
        Map<String, Element> via = new HashMap<>();
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        via.put(from, null);
        while (!todo.isEmpty()) {
            String at = todo.removeFirst();
            for (Element e : graph.getOrDefault(at, List.of())) {
                String next = e.plus().equals(at) ? e.minus() : e.plus();
                if (!via.containsKey(next)) {
                    via.put(next, e);
                    if (next.equals(to)) {
                        List<Element> out = new ArrayList<>();
                        for (String n = to; via.get(n) != null; ) {
                            Element step = via.get(n);
                            out.add(0, step);
                            n = step.plus().equals(n) ? step.minus() : step.plus();
                        }
                        return out;
                    }
                    todo.addLast(next);
                }
            }
        }
        return null;
    }
}
