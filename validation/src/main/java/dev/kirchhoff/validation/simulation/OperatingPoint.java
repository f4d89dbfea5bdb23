package dev.kirchhoff.validation.simulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DC operating point ngspice found for an exported deck: every node voltage and source current it printed,
 * by vector name in lower case ({@code d13}, {@code vsense_d1#branch}, {@code v.xuno.vout_p14#branch}), and every
 * line of its output that says the solution is not to be trusted: a singular matrix ({@code check node …}), a
 * timestep too small, a failed or aborted analysis, an error. ngspice exits 0 on a floating node, so these lines are
 * the only sign. Read through the deck it came from, so values can be asked for by the circuit's net names.
 * Immutable.
 *
 * @param deck the deck that was simulated
 * @param values vector name to value (volts for nodes, amperes for {@code #branch} currents)
 * @param problems the distinct lines that say the solution failed or is suspect, in the order printed
 */
public record OperatingPoint(SpiceDeck deck, Map<String, Double> values, List<String> problems) {

    /** Printed by the deck's control block before the values. */
    public static final String BEGIN = "KIRCHHOFF-OP-BEGIN";
    /** Printed by the deck's control block after the values. */
    public static final String END = "KIRCHHOFF-OP-END";

    private static final Pattern VALUE = Pattern.compile("^\\s*(\\S+)\\s+=\\s+(\\S+)\\s*$");
    private static final Pattern PROBLEM = Pattern.compile("(?i)singular matrix|check node|timestep too small"
            + "|doanalyses:|dc solution failed|simulation\\(s\\) aborted|^\\s*error\\b|^\\s*fatal");
    private static final Pattern NODE = Pattern.compile("(?i)check node\\s+(\\S+)");

    public OperatingPoint {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        problems = List.copyOf(problems);
    }

    /** Reads what a run of {@code deck} printed. */
    public static OperatingPoint parse(SpiceDeck deck, NgspiceRun run) {
        Map<String, Double> values = new LinkedHashMap<>();
        Set<String> problems = new LinkedHashSet<>();
        boolean inside = false;
        for (String line : run.stdout().split("\\R")) {
            String l = line.strip();
            if (l.equals(BEGIN)) {
                inside = true;
            } else if (l.equals(END)) {
                inside = false;
            } else if (inside) {
                Matcher m = VALUE.matcher(l);
                Double v = m.matches() ? number(m.group(2)) : null;
                if (v != null) {
                    values.put(vectorName(m.group(1)), v);
                }
            }
            if (!inside && PROBLEM.matcher(l).find()) {
                problems.add(l);
            }
        }
        for (String line : run.stderr().split("\\R")) {
            String l = line.strip();
            if (PROBLEM.matcher(l).find()) {
                problems.add(l);
            }
        }
        if (run.exitCode() != 0) {
            problems.add("ngspice exited with status " + run.exitCode());
        }
        if (values.isEmpty() && problems.isEmpty()) {
            problems.add("ngspice printed no operating point");
        }
        return new OperatingPoint(deck, values, new ArrayList<>(problems));
    }

    /** A vector name as printed, without the {@code v(…)} ngspice puts around nodes whose names start with a digit. */
    private static String vectorName(String printed) {
        String n = printed.toLowerCase(Locale.ROOT);
        return n.startsWith("v(") && n.endsWith(")") ? n.substring(2, n.length() - 1) : n;
    }

    private static Double number(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("nan")) {
            return Double.NaN;
        }
        try {
            return Double.valueOf(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether ngspice solved the operating point without complaint; other checks trust the values only then. */
    public boolean converged() {
        return problems.isEmpty();
    }

    /** The value of vector {@code name} (any case), or {@code null} when ngspice did not print it. */
    public Double value(String name) {
        return values.get(name.toLowerCase(Locale.ROOT));
    }

    /** The simulated voltage of the circuit's net {@code net}: 0 for ground, {@code null} when unknown. */
    public Double voltage(String net) {
        String node = deck.node(net);
        if (node == null) {
            return null;
        }
        return node.equals("0") ? Double.valueOf(0) : values.get(node);
    }

    /** The nodes named by {@code check node} lines, each once, in the order printed. */
    public List<String> problemNodes() {
        Set<String> nodes = new LinkedHashSet<>();
        for (String p : problems) {
            Matcher m = NODE.matcher(p);
            if (m.find()) {
                nodes.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(nodes);
    }
}
