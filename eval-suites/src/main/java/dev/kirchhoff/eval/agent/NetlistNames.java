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
        Map<String, List<String>> elements = new LinkedHashMap<>();
        Set<String> nodes = new LinkedHashSet<>();
        Map<String, String> measurements = new LinkedHashMap<>();
        boolean first = true;
        boolean control = false;
        for (String raw : netlist.split("\\R")) {
            String line = raw.strip();
            java.util.regex.Matcher measured = MEASUREMENT.matcher(line);
            if (measured.matches()) {
                measurements.put(measured.group(2), measured.group(1).strip());
            }
            int semicolon = line.indexOf(';');
            if (semicolon >= 0) {
                line = line.substring(0, semicolon).strip();
            }
            if (line.isEmpty() || line.startsWith("*") || line.startsWith("+")) {
                continue;
            }
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith(".control")) {
                control = true;
                continue;
            }
            if (lower.startsWith(".endc")) {
                control = false;
                continue;
            }
            if (control || line.startsWith(".")) {
                continue;
            }
            String[] t = line.split("[\\s,()=]+");
            char kind = Character.toUpperCase(t[0].charAt(0));
            if (t.length < 3 || "RLCVIEFGHX".indexOf(kind) < 0) {
                if (first) {
                    first = false; // a title line
                }
                continue;
            }
            first = false;
            List<String> pins = List.of(t[1], t[2]);
            elements.put(t[0], pins);
            nodes.addAll(pins);
        }
        return new NetlistNames(Map.copyOf(elements), Set.copyOf(nodes), Map.copyOf(measurements));
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
