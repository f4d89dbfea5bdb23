package dev.kirchhoff.validation.rules;

import dev.kirchhoff.schematic.format.ModelTypes;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Parameter;
import dev.kirchhoff.validation.BaseRule;
import dev.kirchhoff.validation.CircuitFacts;
import dev.kirchhoff.validation.Finding;
import dev.kirchhoff.validation.Findings;
import dev.kirchhoff.validation.Rule;
import dev.kirchhoff.validation.RuleGroup;
import dev.kirchhoff.validation.rules.AnalogNets.Floating;
import dev.kirchhoff.validation.rules.AnalogNets.Scope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The analog topology rules: transistor-level netlists (primitives and subcircuit calls) checked the way a SPICE
 * simulator would fail on them, at the top level and inside every subcircuit definition. Each rule is linear in the
 * size of the circuit. Knowledge-base parts are left to the other groups: here they only conduct, conservatively,
 * between all their pins.
 */
public final class AnalogRules {

    private static final List<Rule> ALL = List.of(new TerminalUnconnected(), new InternalNetSingle(),
            new NoDcPath(), new VoltageLoop(), new CurrentCutset(), new PassiveShorted(), new BulkTie());

    private AnalogRules() {
    }

    /** This group's rules. */
    public static List<Rule> all() {
        return ALL;
    }

    /**
     * Whether a top-level net called {@code name} is taken as a port of a bare topology (a netlist without
     * independent sources, as in AnalogGenie): {@code 0}, {@code GND…}, {@code VSS…}, {@code VEE…}, {@code VDD…},
     * {@code VCC…}; {@code VIN}, {@code VOUT}, {@code IN}, {@code OUT} with digits or {@code P}/{@code N};
     * {@code VB}, {@code VBB}, {@code VBIAS}, {@code VREF}, {@code VCM}, {@code VCLK}, {@code VCONT}, {@code VCTRL},
     * {@code VLO}, {@code VRF}, {@code VIF}, {@code VTRACK}, {@code VLATCH}, {@code VHOLD}, {@code VLOGIC…},
     * {@code IB}, {@code IBIAS}, {@code IREF}, {@code IIN}, {@code IOUT} with digits; {@code CLK…}, {@code LOGIC…}.
     * Case is ignored.
     */
    public static boolean isPortName(String name) {
        return AnalogNets.isPortName(name);
    }

    /** A rule of this group, run once per scope (the top level and each subcircuit definition). */
    private abstract static class AnalogRule extends BaseRule {
        AnalogRule(String id, String title, String documentation) {
            super(id, RuleGroup.ANALOG, title, documentation);
        }

        @Override
        public void check(CircuitFacts facts, Findings out) {
            for (Scope s : AnalogNets.scopes(facts)) {
                check(s, out);
            }
        }

        abstract void check(Scope s, Findings out);
    }

    /** {@code analog.terminal-unconnected}: a device pin on no net. */
    static final class TerminalUnconnected extends AnalogRule {

        TerminalUnconnected() {
            super("analog.terminal-unconnected", "Device terminal connected to nothing",
                    "Every terminal of a primitive device (resistor, capacitor, inductor, diode, BJT, MOSFET, JFET, "
                            + "source, controlled source, switch) and every pin of a subcircuit call must be on a net: "
                            + "a SPICE element has no way to leave a node open, and a terminal left off is almost "
                            + "always a wire forgotten in the drawing. One finding per device lists its open "
                            + "terminals. A terminal the device does not have is not reported (a MOSFET written with "
                            + "three nodes has no bulk pin, and a MOSFET bound to a discrete knowledge-base part has its "
                            + "body tied to its source inside the package), and knowledge-base parts, whose unused pins "
                            + "are normal, "
                            + "are left to the structure rules.");
        }

        @Override
        void check(Scope s, Findings out) {
            CircuitFacts f = s.facts;
            for (int i = 0; i < f.componentCount(); i++) {
                Component c = f.component(i);
                if (!AnalogNets.isDevice(c)) {
                    continue;
                }
                List<String> open = null;
                List<String> terminals = null;
                // a discrete MOSFET from the knowledge base (IRLZ44N, 2N7000) has its body tied to the source inside
                int body = c.kind() == ComponentKind.MOSFET && f.part(i) != null ? c.terminalIndex("B") : -1;
                for (int p = 0; p < c.pins().size(); p++) {
                    if (f.net(i, p) < 0 && p != body) {
                        if (open == null) {
                            open = new ArrayList<>(2);
                            terminals = new ArrayList<>(2);
                        }
                        open.add(s.pin(i, p));
                        terminals.add(c.pins().get(p).label());
                    }
                }
                if (open != null) {
                    boolean one = open.size() == 1;
                    out.add(Finding.error(id(), describe(c, s.ref(i)) + s.where() + " has terminal"
                                    + (one ? " " : "s ") + String.join(", ", terminals) + " connected to nothing")
                            .withComponents(s.ref(i)).withPins(open)
                            .withFix("connect " + String.join(", ", open) + " to the net " + (one ? "it" : "they")
                                    + " belong" + (one ? "s" : "") + " on, or remove " + s.ref(i)
                                    + " if it is not needed"));
                }
            }
        }
    }

    /** {@code analog.internal-net-single}: an internal net touching one terminal. */
    static final class InternalNetSingle extends AnalogRule {

        InternalNetSingle() {
            super("analog.internal-net-single", "Internal net touching a single terminal",
                    "An internal net of a transistor-level circuit joins at least two device terminals; one that "
                            + "touches a single terminal (of a primitive or a subcircuit call) is a dangling wire: a "
                            + "gate that floats, a drain that drives nothing, usually a misspelt net name. Ports are "
                            + "exempt: inside a subcircuit definition its declared ports; at the top level the nets "
                            + "declared global, ground, nets with a known voltage, and nets named like ports of a bare "
                            + "topology, as AnalogGenie writes them (VDD, VSS, GND, 0, VIN1, VOUT1, VB1, IB1, VREF1, "
                            + "VCM1, VCLK1, VCONT1, IOUT1, IIN1, VLO1, VRF1, VIF1, LOGICA1, IN, OUT, CLK, with any "
                            + "digits and a P/N suffix; the exact pattern is AnalogRules.isPortName). A net whose one "
                            + "pin belongs to a knowledge-base part is left to the structure rules.");
        }

        @Override
        void check(Scope s, Findings out) {
            CircuitFacts f = s.facts;
            for (int k = 0; k < f.netCount(); k++) {
                if (!s.isSingleTerminal(k)) {
                    continue;
                }
                String pin = s.pin(f.netComponent(k, 0), f.netPin(k, 0));
                out.add(Finding.error(id(), "Internal net " + s.net(k) + s.where() + " touches only " + pin
                                + "; an internal net joins at least two terminals")
                        .withNets(s.net(k)).withPins(pin).withComponents(s.ref(f.netComponent(k, 0)))
                        .withFix("connect " + pin + " to the node it was meant to reach, or name " + s.net(k)
                                + " as a port if it leaves the circuit"));
            }
        }
    }

    /** {@code analog.no-dc-path}: nets reached only through capacitors and gates. */
    static final class NoDcPath extends AnalogRule {

        NoDcPath() {
            super("analog.no-dc-path", "Net with no DC path to ground",
                    "Every net needs a DC path to ground, or the operating point is undefined and SPICE stops "
                            + "with a singular matrix: a node reached only through capacitors, MOSFET or JFET gates "
                            + "or control inputs floats at DC. The rule joins the nets of DC-conducting branches "
                            + "with a union-find (resistors, inductors, diodes, voltage sources, switches, BJT "
                            + "collector-base-emitter, JFET drain-source, MOSFET drain-source-bulk since the bulk "
                            + "junctions conduct, the outputs of voltage-controlled and current-controlled voltage "
                            + "sources, and, conservatively, all pins of a subcircuit call or a knowledge-base part "
                            + "with each other) and reports each group of nets not joined to ground, in linear time. "
                            + "Nets driven from outside count as joined: the ports of a subcircuit definition and "
                            + "its global nets; and, at the top level of a bare topology (no independent source, as "
                            + "in AnalogGenie), the supplies, global nets and input, bias, reference, clock and "
                            + "control ports by name, but not outputs (VOUT, IOUT) or current inputs (IB, IIN, "
                            + "IREF), whose voltage the circuit itself must set. A netlist with sources must drive "
                            + "every net itself. A group that a current source crosses is left to "
                            + "analog.current-cutset, a single dangling terminal to analog.internal-net-single, and a "
                            + "circuit with no ground at all is not judged.");
        }

        @Override
        void check(Scope s, Findings out) {
            for (Floating g : s.floating()) {
                if (!g.currentSources().isEmpty()) {
                    continue;
                }
                List<String> names = names(s, g);
                boolean one = g.nets().size() == 1;
                String via = g.throughCount() == 0 ? (one ? "it has" : "they have") + " no DC-conducting connection"
                        : (one ? "it reaches" : "they reach") + " the rest of the circuit only through " + listed(g)
                        + ", which carry no DC current";
                out.add(Finding.error(id(), subject(names, g) + s.where() + (one ? " has" : " have")
                                + " no DC path to ground: " + via + ", so " + (one ? "its" : "their")
                                + " DC voltage is undefined")
                        .withNets(names).withPins(g.through())
                        .withFix("give net " + names.get(0) + " a DC path: a bias resistor to ground or to a "
                                + "reference, or a transistor or diode to a node with a set voltage"));
            }
        }
    }

    /** {@code analog.current-cutset}: nets cut off by current sources. */
    static final class CurrentCutset extends AnalogRule {

        CurrentCutset() {
            super("analog.current-cutset", "Nets cut off by current sources",
                    "A node, or a set of nodes, connected to the rest of the circuit only through current sources "
                            + "(independent, voltage- or current-controlled, behavioural I=) and non-conducting "
                            + "terminals (capacitor plates, gates) is a cut-set of current sources: Kirchhoff's "
                            + "current law fixes the current into it, so either the currents disagree or nothing "
                            + "sets its voltage, and SPICE stops with a singular matrix. Typical cases are two "
                            + "current sources in series with nothing else on the middle node, and a current source "
                            + "into a node that otherwise meets only capacitors and gates. The rule reuses the DC "
                            + "union-find of analog.no-dc-path: every group of nets not joined to ground that a "
                            + "current source crosses is reported once, naming the sources, in linear time. Driven "
                            + "ports count as joined to ground as described there.");
        }

        @Override
        void check(Scope s, Findings out) {
            for (Floating g : s.floating()) {
                if (g.currentSources().isEmpty()) {
                    continue;
                }
                List<String> names = names(s, g);
                String subject = subject(names, g);
                boolean several = g.currentSources().size() > 1;
                String also = g.throughCount() == 0 ? "" : " (besides " + listed(g) + ", which carry no DC current)";
                out.add(Finding.error(id(), subject + s.where() + (g.nets().size() == 1 ? " connects" : " connect")
                                + " to the rest of the circuit only through current source"
                                + (several ? "s " : " ") + String.join(", ", g.currentSources())
                                + also + ": the current into " + (g.nets().size() == 1 ? "it" : "them")
                                + " is fixed and nothing sets " + (g.nets().size() == 1 ? "its" : "their")
                                + " voltage")
                        .withNets(names).withComponents(g.currentSources()).withPins(g.through())
                        .withFix("give net " + names.get(0) + " a DC path (a resistor or a transistor to a node "
                                + "with a set voltage), or replace " + (several ? "one of " : "")
                                + String.join(", ", g.currentSources()) + " by a resistor"));
            }
        }
    }

    /** Up to 20 net names of a group, qualified by the scope. */
    private static List<String> names(Scope s, Floating g) {
        List<String> names = new ArrayList<>(Math.min(20, g.nets().size()));
        for (int k : g.nets()) {
            if (names.size() == 20) {
                break;
            }
            names.add(s.net(k));
        }
        return names;
    }

    private static String subject(List<String> names, Floating g) {
        if (g.nets().size() == 1) {
            return "Net " + names.get(0);
        }
        return "Nets " + String.join(", ", names) + (g.nets().size() > names.size()
                ? " and " + (g.nets().size() - names.size()) + " more" : "");
    }

    private static String listed(Floating g) {
        return String.join(", ", g.through()) + (g.throughCount() > g.through().size()
                ? " and " + (g.throughCount() - g.through().size()) + " more" : "");
    }

    /** {@code analog.voltage-loop}: a loop of ideal voltage sources and inductors. */
    static final class VoltageLoop extends AnalogRule {

        /** Loops beyond this many per scope are reported by their closing element only (no path search). */
        private static final int TRACED = 64;

        VoltageLoop() {
            super("analog.voltage-loop", "Loop of voltage sources and inductors",
                    "A loop made only of ideal voltage sources (independent, voltage- or current-controlled, "
                            + "behavioural V=) and inductors, which are 0 V sources at DC, over-determines the "
                            + "loop's voltages: the branch currents are undefined and SPICE stops with a singular "
                            + "matrix. This includes two sources in parallel, a source with an inductor across it, "
                            + "and a source or inductor with both terminals on one net. The rule adds these branches "
                            + "to a union-find one by one; a branch whose ends are already joined closes a loop, and "
                            + "the loop's other elements are found on the spanning forest. Linear, except that the "
                            + "path search is done for the first 64 loops of a circuit level only. A loop with any "
                            + "resistance in it (a resistor, or an element with an LTspice Rser parameter) is not "
                            + "reported.");
        }

        @Override
        void check(Scope s, Findings out) {
            CircuitFacts f = s.facts;
            NetUnionFind uf = null;
            Forest forest = null;
            int traced = 0;
            for (int i = 0; i < f.componentCount(); i++) {
                Component c = f.component(i);
                int a;
                int b;
                switch (c.kind()) {
                    case VOLTAGE_SOURCE, INDUCTOR, CCVS -> {
                        if (c.pins().size() != 2) {
                            continue;
                        }
                        a = f.net(i, 0);
                        b = f.net(i, 1);
                    }
                    case BEHAVIORAL_SOURCE -> {
                        if (c.pins().size() != 2 || AnalogNets.isCurrentBehavioural(c)) {
                            continue;
                        }
                        a = f.net(i, 0);
                        b = f.net(i, 1);
                    }
                    case VCVS -> {
                        a = AnalogNets.netOf(f, i, c, "N+");
                        b = AnalogNets.netOf(f, i, c, "N-");
                    }
                    default -> {
                        continue;
                    }
                }
                if (a < 0 || b < 0 || hasSeriesResistance(c)) {
                    continue;
                }
                if (a == b) {
                    out.add(Finding.error(id(), describe(c, s.ref(i)) + s.where() + " has both terminals on net "
                                    + s.net(a) + ": " + loopCost(c.kind() == ComponentKind.INDUCTOR))
                            .withComponents(s.ref(i)).withNets(s.net(a))
                            .withFix("connect one terminal of " + s.ref(i) + " to the net it was meant for, or "
                                    + "remove " + s.ref(i)));
                    continue;
                }
                if (uf == null) {
                    uf = new NetUnionFind(f.netCount());
                    forest = new Forest(f.netCount());
                }
                if (uf.union(a, b)) {
                    forest.add(i, a, b);
                    continue;
                }
                List<String> refs = new ArrayList<>();
                List<String> nets = new ArrayList<>();
                boolean inductor = c.kind() == ComponentKind.INDUCTOR;
                if (traced++ < TRACED) {
                    for (int e : forest.path(a, b)) {
                        refs.add(s.ref(forest.component(e)));
                        inductor |= f.kind(forest.component(e)) == ComponentKind.INDUCTOR;
                    }
                }
                refs.add(s.ref(i));
                nets.add(s.net(a));
                nets.add(s.net(b));
                out.add(Finding.error(id(), (refs.size() == 1 ? s.ref(i) + " closes a loop" : String.join(", ", refs)
                                + " form a loop") + s.where() + " of ideal voltage sources and inductors between "
                                + s.net(a) + " and " + s.net(b) + ": " + loopCost(inductor))
                        .withComponents(refs).withNets(nets)
                        .withFix("add series resistance to one element of the loop (an inductor's winding "
                                + "resistance, a source's output resistance), or remove the duplicate source"));
            }
        }

        /** Whether an LTspice-style {@code Rser} parameter gives the element a series resistance. */
        private static boolean hasSeriesResistance(Component c) {
            Parameter r = c.parameter("Rser");
            return r != null && r.value().isNumber() && r.value().magnitude() > 0;
        }

        private static String loopCost(boolean inductor) {
            return "at DC " + (inductor ? "an inductor is a 0 V source, so " : "")
                    + "the loop's voltages are over-determined and its current is undefined (singular matrix)";
        }

        /** The spanning forest of the branches added so far, to name the elements of a loop. */
        private static final class Forest {
            private final int[] head;
            private int[] next = new int[16];
            private int[] to = new int[16];
            private int[] component = new int[8];
            private int edges;

            Forest(int nets) {
                head = new int[nets];
                Arrays.fill(head, -1);
            }

            void add(int comp, int a, int b) {
                if (component.length == edges) {
                    component = Arrays.copyOf(component, edges * 2);
                    next = Arrays.copyOf(next, edges * 4);
                    to = Arrays.copyOf(to, edges * 4);
                }
                component[edges] = comp;
                link(2 * edges, a, b);
                link(2 * edges + 1, b, a);
                edges++;
            }

            private void link(int slot, int from, int target) {
                to[slot] = target;
                next[slot] = head[from];
                head[from] = slot;
            }

            int component(int edge) {
                return component[edge];
            }

            /** The edges on the forest path from {@code a} to {@code b}, which the caller knows are joined. */
            List<Integer> path(int a, int b) {
                Map<Integer, Integer> via = new HashMap<>();
                via.put(a, -1);
                ArrayDeque<Integer> queue = new ArrayDeque<>();
                queue.add(a);
                while (!queue.isEmpty() && !via.containsKey(b)) {
                    int n = queue.poll();
                    for (int slot = head[n]; slot >= 0; slot = next[slot]) {
                        if (via.putIfAbsent(to[slot], slot) == null) {
                            queue.add(to[slot]);
                        }
                    }
                }
                List<Integer> edgesOnPath = new ArrayList<>();
                for (int n = b; via.getOrDefault(n, -1) >= 0; ) {
                    int slot = via.get(n);
                    edgesOnPath.add(slot / 2);
                    n = to[slot ^ 1];
                }
                return edgesOnPath;
            }
        }
    }

    /** {@code analog.passive-shorted}: a resistor, capacitor or inductor with both ends on one net. */
    static final class PassiveShorted extends AnalogRule {

        PassiveShorted() {
            super("analog.passive-shorted", "Passive with both terminals on one net",
                    "A resistor, inductor or capacitor with both terminals on one net does nothing and almost "
                            + "always hides a wiring mistake: a terminal drawn onto the wrong net. Resistors and "
                            + "inductors are errors (an inductor shorted on itself also makes the DC matrix singular); "
                            + "a capacitor is a warning, since a shorted capacitor changes no operating point. The "
                            + "AnalogGenie dataset has three such capacitors (circuits 801, 802 and 1103). Other "
                            + "devices with two terminals on one net (a diode-connected transistor) are normal and "
                            + "not reported.");
        }

        @Override
        void check(Scope s, Findings out) {
            CircuitFacts f = s.facts;
            for (int i = 0; i < f.componentCount(); i++) {
                Component c = f.component(i);
                if (!c.kind().isPassive() || c.pins().size() != 2) {
                    continue;
                }
                int n = f.net(i, 0);
                if (n < 0 || n != f.net(i, 1)) {
                    continue;
                }
                boolean cap = c.kind() == ComponentKind.CAPACITOR;
                Finding finding = cap
                        ? Finding.warning(id(), "Capacitor " + s.ref(i) + s.where() + " has both terminals on net "
                                + s.net(n) + ", so it does nothing; a terminal is probably on the wrong net")
                        : Finding.error(id(), capitalised(c.kind().description()) + " " + s.ref(i) + s.where()
                                + " has both terminals on net " + s.net(n) + ", so it is shorted"
                                + (c.kind() == ComponentKind.INDUCTOR ? " (and its DC current is undefined)" : "")
                                + "; a terminal is probably on the wrong net");
                out.add(finding.withComponents(s.ref(i)).withNets(s.net(n))
                        .withPins(s.pin(i, 0), s.pin(i, 1))
                        .withFix("connect one terminal of " + s.ref(i) + " to the net it was meant for, or remove "
                                + s.ref(i)));
            }
        }
    }

    /** {@code analog.bulk-tie}: a MOSFET bulk on neither the right rail nor its source. */
    static final class BulkTie extends AnalogRule {

        BulkTie() {
            super("analog.bulk-tie", "MOSFET bulk not on its rail or source",
                    "An NMOS bulk belongs on the lowest rail (a net named 0, GND, VSS or VEE, or the lowest known "
                            + "voltage) and a PMOS bulk on the highest (a net named VDD or VCC, or the highest known "
                            + "voltage), or either on its own source when the device sits in its own well; "
                            + "anywhere else a bulk-source or bulk-drain junction can forward-bias and the threshold "
                            + "shifts with the body effect. The polarity comes from the model card (SPICE nmos/pmos, "
                            + "Spectre type=n/p) or else the model name (nmos, nch, nfet, n18 and the like against "
                            + "pmos, pch, pfet); a MOSFET whose polarity cannot be told, or written with three nodes "
                            + "(no bulk pin), is not judged. It is a warning: a bulk tied elsewhere on purpose (a "
                            + "bulk-driven input, a well biased for a lower threshold) is possible.");
        }

        @Override
        void check(Scope s, Findings out) {
            CircuitFacts f = s.facts;
            RailNets rails = null;
            Map<Integer, Boolean> wells = new HashMap<>();
            for (int i = 0; i < f.componentCount(); i++) {
                Component c = f.component(i);
                if (c.kind() != ComponentKind.MOSFET) {
                    continue;
                }
                int bulk = AnalogNets.netOf(f, i, c, "B");
                if (bulk < 0) {
                    continue;
                }
                int source = AnalogNets.netOf(f, i, c, "S");
                char polarity = polarity(s, c);
                if (bulk == source || polarity == '?') {
                    continue;
                }
                if (rails == null) {
                    rails = new RailNets(f);
                }
                boolean n = polarity == 'n';
                if (n ? rails.isLow(f, bulk) : rails.isHigh(f, bulk)) {
                    continue;
                }
                String rail = n ? rails.low(s) : rails.high(s);
                String pin = s.pin(i, c.terminalIndex("B"));
                boolean well = wells.computeIfAbsent(bulk, k -> onlyBulks(f, k));
                String railText = "the " + (n ? "lowest" : "highest") + " rail" + (rail == null ? "" : " " + rail);
                String sourceName = source < 0 ? null : s.net(source);
                boolean sourceOnRail = sourceName != null && sourceName.equals(rail);
                out.add(Finding.warning(id(), (n ? "NMOS " : "PMOS ") + s.ref(i)
                                + (c.model() == null ? "" : " (" + c.model() + ")")
                                + s.where() + " has its bulk on " + s.net(bulk)
                                + (well ? ", which joins only MOSFET bulks (a floating well)," : ",") + " not on "
                                + railText + (sourceOnRail ? " (its source)" : sourceName == null ? ""
                                : " or its source " + sourceName)
                                + ": a junction can forward-bias and the threshold shifts")
                        .withComponents(s.ref(i)).withPins(pin).withNets(s.net(bulk))
                        .withFix("tie the bulk of " + s.ref(i) + " to " + (rail == null ? railText : rail)
                                + (sourceName == null || sourceOnRail ? "" : ", or to its source " + sourceName
                                + " if it sits in its own well")));
            }
        }

        /** Whether every pin on net {@code k} is a MOSFET bulk. */
        private static boolean onlyBulks(CircuitFacts f, int k) {
            for (int j = 0; j < f.netSize(k); j++) {
                Component c = f.component(f.netComponent(k, j));
                if (c.kind() != ComponentKind.MOSFET || f.netPin(k, j) != c.terminalIndex("B")) {
                    return false;
                }
            }
            return true;
        }

        /** The lowest and highest known voltages of a scope, and the nets that are its rails. */
        private static final class RailNets {
            private double min = Double.POSITIVE_INFINITY;
            private double max = Double.NEGATIVE_INFINITY;
            private int lowNet = -1;
            private int highNet = -1;

            RailNets(CircuitFacts f) {
                int namedLow = -1;
                int namedHigh = -1;
                for (int k = 0; k < f.netCount(); k++) {
                    Double v = f.voltage(k);
                    if (v != null && v < min) {
                        min = v;
                        lowNet = k;
                    }
                    if (v != null && v > max) {
                        max = v;
                        highNet = k;
                    }
                    String name = f.netName(k);
                    if (namedLow < 0 && f.netSize(k) > 0 && AnalogNets.isLowRail(name)) {
                        namedLow = k;
                    }
                    if (namedHigh < 0 && f.netSize(k) > 0 && AnalogNets.isHighRail(name)) {
                        namedHigh = k;
                    }
                }
                // a named rail is the clearer advice unless a known voltage lies beyond it
                if (namedLow >= 0 && (lowNet < 0 || f.voltage(namedLow) != null && f.voltage(namedLow) <= min)) {
                    lowNet = namedLow;
                }
                if (namedHigh >= 0 && (highNet < 0 || f.voltage(namedHigh) == null || f.voltage(namedHigh) >= max)) {
                    highNet = namedHigh;
                }
            }

            boolean isLow(CircuitFacts f, int net) {
                Double v = f.voltage(net);
                return f.isGround(net) || AnalogNets.isLowRail(f.netName(net)) || v != null && v <= min;
            }

            boolean isHigh(CircuitFacts f, int net) {
                Double v = f.voltage(net);
                return AnalogNets.isHighRail(f.netName(net)) || v != null && v >= max && v > 0;
            }

            String low(Scope s) {
                return lowNet < 0 ? null : s.net(lowNet);
            }

            String high(Scope s) {
                return highNet < 0 ? null : s.net(highNet);
            }
        }

        /** 'n', 'p' or '?': by the model card where the scope or an enclosing level defines it, else the name. */
        static char polarity(Scope s, Component c) {
            String model = c.model();
            for (Circuit level : s.models) {
                if (model != null && level.model(model).isPresent()) {
                    return ModelTypes.polarity(c, level);
                }
            }
            char byName = ModelTypes.polarity(c, s.models.get(0));
            if (byName != '?' || model == null) {
                return byName;
            }
            // PDK names: nch_lvt, n18, sky130_fd_pr__nfet_01v8
            for (String token : model.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
                if (token.matches("(?:nmos|nch|nfet)\\w*|n\\d+")) {
                    return 'n';
                }
                if (token.matches("(?:pmos|pch|pfet)\\w*|p\\d+")) {
                    return 'p';
                }
            }
            return '?';
        }
    }

    /** {@code MOSFET M1 (nch)}, {@code subcircuit call X1 (opamp)}, {@code resistor R1}. */
    private static String describe(Component c, String ref) {
        return capitalised(c.kind().description()) + " " + ref + (c.model() == null ? "" : " (" + c.model() + ")");
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
