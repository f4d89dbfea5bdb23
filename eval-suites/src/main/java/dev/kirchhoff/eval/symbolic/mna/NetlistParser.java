package dev.kirchhoff.eval.symbolic.mna;

import dev.kirchhoff.eval.symbolic.RationalFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a SPICE-like netlist into a {@link LinearCircuit}; see {@link LinearCircuit#parse(String)} for the syntax. */
final class NetlistParser {

    private static final Pattern DESIGNATOR = Pattern.compile("[A-Za-z]{1,3}[0-9]+[A-Za-z0-9_]*");
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> OPAMP_MODELS = Set.of("OPAMP", "OPAMP_IDEAL", "IDEAL_OPAMP", "OA", "IDEALOPAMP");
    private static final String HANDLES =
            "symbolic analysis handles R, L, C, V, I, E, G, F, H and op-amps only";

    private record Line(int number, String text) {
    }

    private NetlistParser() {
    }

    static LinearCircuit parse(String netlist) {
        List<Line> lines = logicalLines(netlist);
        String title = "";
        List<Element> elements = new ArrayList<>();
        List<List<String>> wires = new ArrayList<>();
        boolean first = true;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String lower = line.text().toLowerCase(Locale.ROOT);
            if (lower.startsWith(".")) {
                String directive = lower.split("\\s+")[0];
                if (directive.equals(".end")) {
                    break;
                }
                if (directive.equals(".control")) {
                    i = skipBlock(lines, i, ".endc");
                } else if (directive.equals(".subckt")) {
                    i = skipBlock(lines, i, ".ends");
                }
                first = false; // analysis and option directives do not concern a linear small-signal model
                continue;
            }
            if (first) {
                first = false;
                if (isTitle(line, lines.subList(i + 1, lines.size()))) {
                    title = line.text();
                    continue;
                }
            }
            List<String> t = tokens(line.text());
            char kind = Character.toUpperCase(t.get(0).charAt(0));
            if ((kind == 'W' || kind == 'O' || kind == 'P') && t.size() == 3) {
                // lcapy's wire (a short), open circuit and port: no element; a wire merges its two nodes. (SPICE's
                // W switch and O transmission line have more fields and are refused below.)
                if (kind == 'W') {
                    wires.add(List.of(node(t.get(1)), node(t.get(2))));
                }
                continue;
            }
            elements.add(element(line));
        }
        check(elements);
        Map<String, String> aliases = merge(wires, elements);
        List<Element> merged = new ArrayList<>();
        for (Element e : elements) {
            merged.add(new Element(e.name(), e.kind(), e.nodes().stream().map(n -> aliases.getOrDefault(n, n)).toList(),
                    e.control(), e.symbol(), e.numeric(), e.line()));
        }
        return new LinearCircuit(title, merged, false, aliases);
    }

    /**
     * Node names joined by wires, each mapped to the one name that stands for them all: ground if it is among them,
     * else the one that appears first in the element lines.
     */
    private static Map<String, String> merge(List<List<String>> wires, List<Element> elements) {
        Map<String, String> parent = new HashMap<>();
        for (List<String> w : wires) {
            String a = root(parent, w.get(0));
            String b = root(parent, w.get(1));
            if (!a.equals(b)) {
                parent.put(b, a);
            }
        }
        List<String> order = new ArrayList<>(List.of(LinearCircuit.GROUND));
        for (Element e : elements) {
            order.addAll(e.nodes());
        }
        for (List<String> w : wires) {
            order.addAll(w);
        }
        Map<String, String> best = new HashMap<>();
        for (String n : order) {
            best.putIfAbsent(root(parent, n), n);
        }
        Map<String, String> aliases = new LinkedHashMap<>();
        for (String n : parent.keySet()) {
            String rep = best.get(root(parent, n));
            if (!rep.equals(n)) {
                aliases.put(n, rep);
            }
        }
        for (List<String> w : wires) {
            for (String n : w) {
                String rep = best.get(root(parent, n));
                if (!rep.equals(n)) {
                    aliases.put(n, rep);
                }
            }
        }
        return aliases;
    }

    private static String root(Map<String, String> parent, String n) {
        String r = n;
        while (parent.containsKey(r)) {
            r = parent.get(r);
        }
        return r;
    }

    /**
     * The first line is a title unless it reads as an element that shares a node with a later line: "RC low pass
     * filter" parses as a resistor between "low" and "pass", but those nodes appear nowhere else.
     */
    private static boolean isTitle(Line line, List<Line> rest) {
        if ("WOPwop".indexOf(line.text().charAt(0)) >= 0 && tokens(line.text()).size() == 3) {
            return false;
        }
        Set<String> later = new HashSet<>();
        for (Line l : rest) {
            for (String t : tokens(l.text())) {
                later.add(node(t));
            }
        }
        Element e;
        try {
            e = element(line);
        } catch (NetlistException ex) {
            // "Q1 c b 0 npn" wired to later lines is a transistor to report, not a title to skip
            List<String> t = tokens(line.text());
            boolean designator = DESIGNATOR.matcher(t.get(0)).matches();
            boolean connected = t.subList(1, Math.min(t.size(), 4)).stream()
                    .anyMatch(n -> !node(n).equals(LinearCircuit.GROUND) && later.contains(node(n)));
            if (designator && connected) {
                throw ex;
            }
            return true;
        }
        for (String n : e.nodes()) {
            if (!n.equals(LinearCircuit.GROUND) && later.contains(n)) {
                return false;
            }
        }
        return rest.stream().anyMatch(l -> !l.text().startsWith("."));
    }

    private static int skipBlock(List<Line> lines, int start, String end) {
        for (int j = start + 1; j < lines.size(); j++) {
            if (lines.get(j).text().toLowerCase(Locale.ROOT).startsWith(end)) {
                return j;
            }
        }
        throw new NetlistException(lines.get(start).number(), "`" + lines.get(start).text().split("\\s+")[0]
                + "` has no matching `" + end + "`; close the block with a `" + end + "` line.");
    }

    /** Lines without comments, blank lines and with {@code +} continuations joined, each with its first line number. */
    private static List<Line> logicalLines(String netlist) {
        List<Line> out = new ArrayList<>();
        String[] raw = netlist.split("\\r?\\n|\\r", -1);
        for (int i = 0; i < raw.length; i++) {
            String t = raw[i];
            int semi = t.indexOf(';');
            if (semi >= 0) {
                t = t.substring(0, semi);
            }
            t = t.strip();
            if (t.isEmpty() || t.startsWith("*")) {
                continue;
            }
            if (t.startsWith("+")) {
                if (out.isEmpty()) {
                    throw new NetlistException(i + 1, "a `+` continuation line needs a line before it to continue.");
                }
                Line prev = out.remove(out.size() - 1);
                out.add(new Line(prev.number(), prev.text() + " " + t.substring(1).strip()));
                continue;
            }
            out.add(new Line(i + 1, t));
        }
        return out;
    }

    private static List<String> tokens(String text) {
        String t = text.replace('(', ' ').replace(')', ' ').replace(',', ' ').replace('{', ' ').replace('}', ' ')
                .replaceAll("\\s*=\\s*", "=");
        List<String> out = new ArrayList<>();
        for (String s : t.strip().split("\\s+")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static String node(String token) {
        return token.equals("0") || token.equalsIgnoreCase("gnd") ? LinearCircuit.GROUND : token;
    }

    private static Element element(Line line) {
        List<String> t = tokens(line.text());
        String name = t.get(0);
        int n = line.number();
        if (!SYMBOL.matcher(name).matches()) {
            throw new NetlistException(n, "`" + name + "` is not an element name; an element line starts with a"
                    + " name such as R1, C2, V1 (letters, digits and _ only).");
        }
        char kind = Character.toUpperCase(name.charAt(0));
        return switch (kind) {
            case 'R' -> passive(line, t, ElementKind.RESISTOR);
            case 'C' -> passive(line, t, ElementKind.CAPACITOR);
            case 'L' -> passive(line, t, ElementKind.INDUCTOR);
            case 'V' -> source(line, t, ElementKind.VOLTAGE_SOURCE);
            case 'I' -> source(line, t, ElementKind.CURRENT_SOURCE);
            case 'E' -> t.size() >= 4 && t.get(3).equalsIgnoreCase("opamp") ? lcapyOpAmp(line, t)
                    : voltageControlled(line, t, ElementKind.VCVS);
            case 'G' -> voltageControlled(line, t, ElementKind.VCCS);
            case 'F' -> currentControlled(line, t, ElementKind.CCCS);
            case 'H' -> currentControlled(line, t, ElementKind.CCVS);
            case 'X' -> subcircuitOpAmp(line, t);
            case 'Q', 'M', 'J', 'Z' -> throw new NetlistException(n, "`" + name + "` is a transistor; " + HANDLES
                    + ". Replace it by its small-signal model (for example a G source gm with resistors).");
            case 'D' -> throw new NetlistException(n, "`" + name + "` is a diode; " + HANDLES
                    + ". Replace it by its small-signal resistance or leave it out.");
            case 'K' -> throw new NetlistException(n, "`" + name + "` couples inductors; " + HANDLES
                    + ". Model the transformer with controlled sources.");
            default -> throw new NetlistException(n, "`" + name + "` is not an element symbolic analysis knows; "
                    + HANDLES + " (names start with R, L, C, V, I, E, G, F, H, or X for an OPAMP subcircuit).");
        };
    }

    private static void need(Line line, List<String> t, int count, String form) {
        if (t.size() < count) {
            throw new NetlistException(line.number(), "`" + line.text() + "` is incomplete; write it as `" + form
                    + "`.");
        }
    }

    private static Element passive(Line line, List<String> t, ElementKind kind) {
        String name = t.get(0);
        need(line, t, 3, name + " node+ node- [value]");
        String symbol = name;
        RationalFunction numeric = null;
        if (t.size() >= 4 && !t.get(3).contains("=")) {
            Value v = value(line, t.get(3), name);
            symbol = v.symbol();
            numeric = v.numeric();
            if (numeric != null && numeric.isZero()) {
                throw new NetlistException(line.number(), name + " has the value 0, which the admittance "
                        + (kind == ElementKind.CAPACITOR ? "s*C makes an open circuit; delete the capacitor."
                        : "makes a short; merge its two nodes or use a 0 V source instead."));
            }
        }
        return new Element(name, kind, List.of(node(t.get(1)), node(t.get(2))), null, symbol, numeric,
                line.number());
    }

    /** {@code V1 n+ n- [DC] [v] [AC mag [phase]] [SIN(...) ...]}: the AC magnitude if given, else the DC value. */
    private static Element source(Line line, List<String> t, ElementKind kind) {
        String name = t.get(0);
        need(line, t, 3, name + " node+ node- [DC value] [AC magnitude]");
        RationalFunction dc = null;
        RationalFunction ac = null;
        for (int i = 3; i < t.size(); i++) {
            String k = t.get(i).toUpperCase(Locale.ROOT);
            if ((k.equals("DC") || k.equals("AC")) && i + 1 < t.size()) {
                Optional<RationalFunction> v = SpiceNumber.parse(t.get(i + 1));
                if (v.isPresent()) {
                    if (k.equals("DC")) {
                        dc = v.get();
                    } else {
                        ac = v.get();
                    }
                    i++;
                }
                continue;
            }
            Optional<RationalFunction> v = SpiceNumber.parse(t.get(i));
            if (i == 3 && v.isPresent()) {
                dc = v.get();
                continue;
            }
            if (!k.equals("DC") && !k.equals("AC")) {
                break; // SIN, PULSE and the like describe time behaviour; small-signal analysis ignores them
            }
        }
        return new Element(name, kind, List.of(node(t.get(1)), node(t.get(2))), null, name, ac != null ? ac : dc,
                line.number());
    }

    private static Element voltageControlled(Line line, List<String> t, ElementKind kind) {
        String name = t.get(0);
        need(line, t, 5, name + " node+ node- control+ control- gain");
        if (t.size() >= 4 && (t.get(3).equalsIgnoreCase("poly") || t.get(3).toLowerCase(Locale.ROOT)
                .startsWith("value="))) {
            throw new NetlistException(line.number(), name + " uses POLY or VALUE; " + HANDLES
                    + " with a constant gain: write `" + name + " node+ node- control+ control- gain`.");
        }
        Value v = t.size() >= 6 ? value(line, t.get(5), name) : new Value(name, null);
        return new Element(name, kind, List.of(node(t.get(1)), node(t.get(2)), node(t.get(3)), node(t.get(4))),
                null, v.symbol(), v.numeric(), line.number());
    }

    private static Element currentControlled(Line line, List<String> t, ElementKind kind) {
        String name = t.get(0);
        need(line, t, 4, name + " node+ node- Vsense gain");
        Value v = t.size() >= 5 ? value(line, t.get(4), name) : new Value(name, null);
        return new Element(name, kind, List.of(node(t.get(1)), node(t.get(2))), t.get(3), v.symbol(), v.numeric(),
                line.number());
    }

    /** lcapy's {@code E1 out ref opamp in+ in- [Ad]}. */
    private static Element lcapyOpAmp(Line line, List<String> t) {
        String name = t.get(0);
        need(line, t, 6, name + " out ref opamp in+ in- [Ad]");
        Value v = t.size() >= 7 ? value(line, t.get(6), name) : new Value(null, null);
        return new Element(name, ElementKind.OPAMP,
                List.of(node(t.get(1)), node(t.get(2)), node(t.get(4)), node(t.get(5))), null, v.symbol(),
                v.numeric(), line.number());
    }

    /** {@code XU1 in+ in- out OPAMP [Ad | Ad=value]}. */
    private static Element subcircuitOpAmp(Line line, List<String> t) {
        String name = t.get(0);
        int model = -1;
        for (int i = 1; i < t.size(); i++) {
            if (OPAMP_MODELS.contains(t.get(i).toUpperCase(Locale.ROOT))) {
                model = i;
                break;
            }
        }
        if (model != 4) {
            throw new NetlistException(line.number(), "`" + name + "` is a subcircuit call; symbolic analysis reads"
                    + " only op-amps as `" + name + " in+ in- out OPAMP [Ad=gain]`. Expand other subcircuits into R,"
                    + " L, C and sources.");
        }
        Value v = new Value(null, null);
        if (t.size() > 5) {
            String g = t.get(5);
            int eq = g.indexOf('=');
            if (eq >= 0) {
                if (!g.substring(0, eq).equalsIgnoreCase("Ad") && !g.substring(0, eq).equalsIgnoreCase("A")) {
                    throw new NetlistException(line.number(), "`" + g + "` is not an op-amp parameter; write the"
                            + " open-loop gain as Ad=value or leave it out for an ideal op-amp.");
                }
                g = g.substring(eq + 1);
            }
            v = value(line, g, name);
        }
        return new Element(name, ElementKind.OPAMP,
                List.of(node(t.get(3)), LinearCircuit.GROUND, node(t.get(1)), node(t.get(2))), null, v.symbol(),
                v.numeric(), line.number());
    }

    private record Value(String symbol, RationalFunction numeric) {
    }

    /** A number keeps the element's name as its symbol; a name is the symbol itself. */
    private static Value value(Line line, String token, String element) {
        Optional<RationalFunction> num = SpiceNumber.parse(token);
        if (num.isPresent()) {
            return new Value(element, num.get());
        }
        if (SYMBOL.matcher(token).matches()) {
            return new Value(token, null);
        }
        throw new NetlistException(line.number(), "the value `" + token + "` of " + element + " is neither a number"
                + " (such as 4.7k, 10u, 1e-9) nor a symbol name (letters, digits and _); write one of those.");
    }

    /** Names are unique and current-controlled sources sense a current the MNA system has as an unknown. */
    private static void check(List<Element> elements) {
        Map<String, Element> byName = new LinkedHashMap<>();
        for (Element e : elements) {
            Element before = byName.putIfAbsent(e.name().toUpperCase(Locale.ROOT), e);
            if (before != null) {
                throw new NetlistException(e.line(), "the name " + e.name() + " is already used on line "
                        + before.line() + "; give each element its own name.");
            }
        }
        for (Element e : elements) {
            if (e.control() != null) {
                Element sensed = byName.get(e.control().toUpperCase(Locale.ROOT));
                if (sensed == null || !sensed.kind().hasBranchCurrent()) {
                    throw new NetlistException(e.line(), e.name() + " senses the current of " + e.control()
                            + (sensed == null ? ", which is not in the netlist" : ", which is not a voltage source")
                            + "; name a voltage source (add a 0 V source in series with the branch to sense).");
                }
            }
        }
    }
}
