package dev.kirchhoff.eval.agent;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The element and node names of a SPICE netlist, read leniently, so a question's words can be matched to what
 * the circuit has. Not a netlist parser: values and models are ignored. Immutable.
 */
record NetlistNames(Map<String, List<String>> elements, Set<String> nodes, Map<String, String> measurements) {
    private static final java.util.regex.Pattern MEASUREMENT = java.util.regex.Pattern.compile(
            "(?i)^\\s*\\.?print\\s+(?:dc\\s+|op\\s+)?(.+?)\\s*;\\s*measurement\\s+of\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*$");


    static NetlistNames of(String netlist) {
        Map<String, String> measurements = new LinkedHashMap<>();
        for (String raw : netlist.split("\\R")) {
            java.util.regex.Matcher measured = MEASUREMENT.matcher(raw.strip());
            if (measured.matches()) {
                measurements.put(measured.group(2), measured.group(1).strip());
            }
        }
        Map<String, List<String>> elements = new LinkedHashMap<>();
        Set<String> nodes = new LinkedHashSet<>();
        List<String> lines = circuitLines(netlist);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int semicolon = line.indexOf(';');
            if (semicolon >= 0) {
                line = line.substring(0, semicolon).strip();
            }
            if (line.isEmpty() || line.startsWith("*") || line.startsWith("+") || line.startsWith(".")
                    || i == 0 && !looksLikeElement(line)) {
                continue; // comments, continuations, dot commands and the title
            }
            String[] t = line.split("[\\s,()=]+");
            // devices count too (a diode, a transistor's first two terminals): ngspice answers numeric questions
            // about them even though the symbolic solver refuses them
            if (t.length < 3 || "RLCVIEFGHXDQMJ".indexOf(Character.toUpperCase(t[0].charAt(0))) < 0) {
                continue;
            }
            List<String> pins = List.of(t[1], t[2]);
            elements.put(t[0], pins);
            nodes.addAll(pins);
        }
        // netlist order is kept: it is the order of the enums a model is offered, and so part of its cached request
        return new NetlistNames(java.util.Collections.unmodifiableMap(elements),
                java.util.Collections.unmodifiableSet(nodes), java.util.Collections.unmodifiableMap(measurements));
    }

    /** The netlist's lines outside {@code .control ... .endc} blocks, as written. */
    static List<String> circuitLines(String netlist) {
        List<String> out = new java.util.ArrayList<>();
        boolean control = false;
        for (String raw : netlist.split("\\R")) {
            String lower = raw.strip().toLowerCase(Locale.ROOT);
            if (lower.startsWith(".control")) {
                control = true;
            } else if (lower.startsWith(".endc")) {
                control = false;
            } else if (!control) {
                out.add(raw);
            }
        }
        return out;
    }

    /**
     * Whether a first line is an element rather than a title: a SPICE element letter, two nodes and a value ("RC
     * filter circuit" has too few words).
     */
    static boolean looksLikeElement(String line) {
        String s = line.strip();
        return !s.isEmpty() && "RLCVIEFGHXDQMJ".indexOf(Character.toUpperCase(s.charAt(0))) >= 0
                && s.split("\\s+").length >= 4;
    }

    /** The element with this name, case-insensitively, in the netlist's own spelling. */
    Optional<String> element(String name) {
        return elements.keySet().stream().filter(e -> e.equalsIgnoreCase(name)).findFirst();
    }

    /** The node with this name, case-insensitively, in the netlist's own spelling. */
    Optional<String> node(String name) {
        return nodes.stream().filter(n -> n.equalsIgnoreCase(name)).findFirst();
    }

    /** The independent voltage or current source whose positive node is {@code node}. */
    Optional<String> sourceAt(String node) {
        return elements.entrySet().stream()
                .filter(e -> "VI".indexOf(Character.toUpperCase(e.getKey().charAt(0))) >= 0)
                .filter(e -> e.getValue().get(0).equalsIgnoreCase(node) || e.getValue().get(1).equalsIgnoreCase(node))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The independent sources, in netlist order. */
    List<String> sources() {
        return elements.keySet().stream()
                .filter(e -> "VI".indexOf(Character.toUpperCase(e.charAt(0))) >= 0).sorted().toList();
    }
}
