package dev.kirchhoff.validation.rules;

import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Subcircuit;
import dev.kirchhoff.validation.CircuitFacts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The transistor-level view the analog rules share: the scopes to check (the top level and every subcircuit
 * definition, each once however often it is called), which nets of a scope are ports or driven from outside, how
 * each primitive conducts at DC, and the nets that no DC path joins to ground. Built once per circuit through
 * {@link CircuitFacts#memo}; immutable after construction except for the lazily computed floating groups.
 */
final class AnalogNets {

    // Port names, case-insensitive. Derived from the `ports` field of the 3,350 AnalogGenie circuits (VDD, VSS,
    // VIN1, VOUT1, VB1, IB1, VCLK1, VCONT1, VREF1, IOUT1, VLO1, IIN1, VRF1, VCM1, VIF1, LOGICQ1, IREF1, VBB1,
    // VTRACK1, VLATCH1, VHOLD1, VLOGICA1, IN1, and the typo VCKL1) plus the usual SPICE spellings (in, out, inp,
    // outn, clk, vbias, vctrl); internal nets there are lower-case netNN.
    private static final Pattern LOW_RAIL = Pattern.compile(
            "(?i)(?:0|gnd\\w*|[ad]gnd\\w*|ground|earth|vss\\w*|[ad]vss\\w*|vee\\w*|vneg|vsub|sub)!?");
    private static final Pattern HIGH_RAIL = Pattern.compile("(?i)(?:vdd\\w*|[ad]vdd\\w*|vcc\\w*|vpos)!?");
    private static final Pattern SIGNAL_PORT = Pattern.compile("(?i)(?:"
            + "[vi]?(?:in|out)(?:[pnm+-]?\\d*|\\d+[pnm+-]?)"
            + "|v(?:b|bb|bias|ref|cm|cmfb|clk|ck|ckl|cont|ctrl|lo|rf|if|track|latch|hold|tune|en|logic[a-z]*)"
            + "\\d*[pn]?"
            + "|i(?:b|bias|ref|tail)\\d*[pn]?"
            + "|clk\\w*|logic[a-z]*\\d*)");
    private static final Pattern OUTPUT = Pattern.compile("(?i)[vi]?out\\w*");
    private static final Pattern CURRENT_PORT = Pattern.compile("(?i)i(?:b|bias|in|ref|tail)\\w*");

    private AnalogNets() {
    }

    /** Whether {@code name} reads as a port of a bare topology: a supply, ground or signal port name. */
    static boolean isPortName(String name) {
        return isLowRail(name) || isHighRail(name) || SIGNAL_PORT.matcher(name).matches();
    }

    /**
     * Whether a port called {@code name} is driven from outside by a voltage (supplies, inputs, biases, clocks,
     * controls) rather than being an output or a current input whose voltage the circuit itself must set.
     */
    static boolean isDrivenPortName(String name) {
        return isPortName(name) && !OUTPUT.matcher(name).matches() && !CURRENT_PORT.matcher(name).matches();
    }

    /** Whether {@code name} reads as ground or a negative supply ({@code 0}, {@code GND}, {@code VSS}, {@code VEE}). */
    static boolean isLowRail(String name) {
        return LOW_RAIL.matcher(name).matches();
    }

    /** Whether {@code name} reads as a positive supply ({@code VDD}, {@code AVDD}, {@code VCC}). */
    static boolean isHighRail(String name) {
        return HIGH_RAIL.matcher(name).matches();
    }

    /** The scopes of {@code f}: the top level first, then subcircuit definitions depth first. */
    static List<Scope> scopes(CircuitFacts f) {
        return f.memo("analog.scopes", () -> {
            List<Scope> out = new ArrayList<>();
            Set<String> globals = new HashSet<>(f.circuit().globals());
            collectGlobals(f.circuit(), globals);
            List<Circuit> chain = new ArrayList<>();
            chain.add(f.circuit());
            out.add(new Scope(f, "", null, globals, chain));
            addBodies(f, f.circuit(), "", globals, chain, out);
            return List.copyOf(out);
        });
    }

    private static void collectGlobals(Circuit c, Set<String> into) {
        for (Subcircuit s : c.subcircuits()) {
            into.addAll(s.body().globals());
            collectGlobals(s.body(), into);
        }
    }

    private static void addBodies(CircuitFacts top, Circuit parent, String path, Set<String> globals,
                                  List<Circuit> chain, List<Scope> out) {
        for (Subcircuit s : parent.subcircuits()) {
            String p = path.isEmpty() ? s.name() : path + "/" + s.name();
            List<Circuit> inner = new ArrayList<>(chain.size() + 1);
            inner.add(s.body());
            inner.addAll(chain);
            CircuitFacts body = new CircuitFacts(s.body(), top.resolver(), List.of());
            out.add(new Scope(body, p, Set.copyOf(s.ports()), globals, inner));
            addBodies(top, s.body(), p, globals, inner, out);
        }
    }

    /** Whether component {@code c} is a device the analog rules judge: a primitive or a subcircuit call. */
    static boolean isDevice(Component c) {
        return c.kind() != ComponentKind.PART && c.kind() != ComponentKind.COUPLING;
    }

    /** Whether a behavioural source sets a current ({@code I=…}) rather than a voltage. */
    static boolean isCurrentBehavioural(Component c) {
        return c.kind() == ComponentKind.BEHAVIORAL_SOURCE && c.parameter("I") != null;
    }

    /**
     * Joins in {@code uf} the nets of the pins of component {@code i} that a DC current can flow between:
     * resistors, inductors, diodes, voltage sources and switches end to end; a BJT's collector, base and emitter; a
     * JFET's drain and source; a MOSFET's drain, source and bulk (the bulk through its junctions, which SPICE models
     * as diodes; where the bulk is tied is analog.bulk-tie's concern); the outputs of voltage-controlled and
     * current-controlled voltage sources; a transmission line end to end on each conductor; and, conservatively,
     * every pin of a subcircuit call or knowledge-base part with every other. Capacitors, MOSFET gates, control
     * inputs and current sources join nothing, and neither does a JFET gate: its junction is reverse-biased by
     * design, so a gate without a bias resistor floats.
     */
    static void joinDc(CircuitFacts f, int i, NetUnionFind uf) {
        Component c = f.component(i);
        int pins = c.pins().size();
        switch (c.kind()) {
            case RESISTOR, INDUCTOR, DIODE, LED, VOLTAGE_SOURCE, CCVS, CURRENT_SWITCH -> {
                if (pins == 2) {
                    uf.union(f.net(i, 0), f.net(i, 1));
                }
            }
            case BEHAVIORAL_SOURCE -> {
                if (pins == 2 && !isCurrentBehavioural(c)) {
                    uf.union(f.net(i, 0), f.net(i, 1));
                }
            }
            case BJT -> {
                int b = netOf(f, i, c, "B");
                uf.union(netOf(f, i, c, "C"), b);
                uf.union(netOf(f, i, c, "E"), b);
            }
            case MOSFET -> {
                int source = netOf(f, i, c, "S");
                uf.union(netOf(f, i, c, "D"), source);
                uf.union(netOf(f, i, c, "B"), source);
            }
            case JFET -> uf.union(netOf(f, i, c, "D"), netOf(f, i, c, "S"));
            case VCVS, VOLTAGE_SWITCH -> uf.union(netOf(f, i, c, "N+"), netOf(f, i, c, "N-"));
            case TRANSMISSION_LINE -> {
                uf.union(netOf(f, i, c, "1+"), netOf(f, i, c, "2+"));
                uf.union(netOf(f, i, c, "1-"), netOf(f, i, c, "2-"));
            }
            case SUBCIRCUIT, PART -> {
                int first = -1;
                for (int p = 0; p < pins; p++) {
                    int n = f.net(i, p);
                    if (n >= 0) {
                        if (first < 0) {
                            first = n;
                        } else {
                            uf.union(first, n);
                        }
                    }
                }
            }
            default -> {
                // capacitors, current sources, current outputs and couplings carry no DC current between nets
            }
        }
    }

    /** Whether pin {@code p} of {@code c} is one of the terminals {@link #joinDc} joins. */
    static boolean conducts(Component c, int p) {
        int pins = c.pins().size();
        return switch (c.kind()) {
            case RESISTOR, INDUCTOR, DIODE, LED, VOLTAGE_SOURCE, CCVS, CURRENT_SWITCH -> pins == 2;
            case BEHAVIORAL_SOURCE -> pins == 2 && !isCurrentBehavioural(c);
            case BJT -> p == c.terminalIndex("C") || p == c.terminalIndex("B") || p == c.terminalIndex("E");
            case MOSFET -> p == c.terminalIndex("D") || p == c.terminalIndex("S") || p == c.terminalIndex("B");
            case JFET -> p == c.terminalIndex("D") || p == c.terminalIndex("S");
            case VCVS, VOLTAGE_SWITCH -> p == c.terminalIndex("N+") || p == c.terminalIndex("N-");
            case TRANSMISSION_LINE, SUBCIRCUIT, PART -> true;
            default -> false;
        };
    }

    /**
     * When pin {@code p} of {@code c} is an output terminal of a current source (independent, VCCS, CCCS or a
     * behavioural {@code I=} source), the index of the other output terminal; -1 otherwise.
     */
    static int currentPartner(Component c, int p) {
        return switch (c.kind()) {
            case CURRENT_SOURCE, CCCS -> c.pins().size() == 2 ? 1 - p : -1;
            case BEHAVIORAL_SOURCE -> c.pins().size() == 2 && isCurrentBehavioural(c) ? 1 - p : -1;
            case VCCS -> {
                int plus = c.terminalIndex("N+");
                int minus = c.terminalIndex("N-");
                yield p == plus ? minus : p == minus ? plus : -1;
            }
            default -> -1;
        };
    }

    /** The net of terminal {@code terminal} of component {@code i}, or -1 when it has no such pin or it is open. */
    static int netOf(CircuitFacts f, int i, Component c, String terminal) {
        int p = c.terminalIndex(terminal);
        return p < 0 ? -1 : f.net(i, p);
    }

    /**
     * One circuit level the analog rules check: the top level or the body of a subcircuit definition, with which
     * of its nets are ports (never judged as dangling) and which are roots (taken as connected to ground at DC).
     */
    static final class Scope {

        final CircuitFacts facts;
        /** The subcircuit path ({@code opamp}, {@code opamp/stage}); empty at the top level. */
        final String path;
        /** Circuits to look device models up in, innermost first. */
        final List<Circuit> models;
        private final Set<String> declaredPorts;
        private final Set<String> globals;
        private final boolean bare;
        private List<Floating> floating;

        /**
         * @param declaredPorts the ports of a subcircuit definition; {@code null} at the top level, where ports are
         *     told by name
         */
        Scope(CircuitFacts f, String path, Set<String> declaredPorts, Set<String> globals, List<Circuit> models) {
            this.facts = f;
            this.path = path;
            this.models = List.copyOf(models);
            this.declaredPorts = declaredPorts;
            this.globals = globals;
            this.bare = declaredPorts == null && !hasIndependentSource(f);
        }

        private static boolean hasIndependentSource(CircuitFacts f) {
            for (int i = 0; i < f.componentCount(); i++) {
                ComponentKind k = f.kind(i);
                if (k == ComponentKind.VOLTAGE_SOURCE || k == ComponentKind.CURRENT_SOURCE) {
                    return true;
                }
            }
            return false;
        }

        // Port and root status are worked out per net on demand: only single-terminal nets and nets that no DC path
        // joins to ground are asked about, so a million-net board runs no name pattern on most of its nets.

        /** Whether net {@code k} is a port, ground, a supply or a global net of this scope. */
        boolean isPort(int k) {
            String name = facts.netName(k);
            return facts.isGround(k) || isGlobal(name) || isSupply(k, name)
                    || (declaredPorts == null ? isPortName(name) : declaredPorts.contains(name));
        }

        /**
         * Whether net {@code k} is taken as joined to ground at DC: ground itself; in a subcircuit definition its
         * ports and global nets; at the top level of a bare topology (no independent source) global nets, supplies
         * and ports named as driven from outside.
         */
        boolean isRoot(int k) {
            if (facts.isGround(k)) {
                return true;
            }
            String name = facts.netName(k);
            if (declaredPorts != null) {
                return declaredPorts.contains(name) || isGlobal(name);
            }
            return bare && (isGlobal(name) || isSupply(k, name) || isDrivenPortName(name));
        }

        private boolean isGlobal(String name) {
            return globals.contains(name) || name.endsWith("!");
        }

        private boolean isSupply(int k, String name) {
            return facts.voltage(k) != null || isLowRail(name) || isHighRail(name);
        }

        /**
         * Whether net {@code k} is an internal net touching a single device terminal, the case
         * {@code analog.internal-net-single} reports.
         */
        boolean isSingleTerminal(int k) {
            return facts.netSize(k) == 1 && isDevice(facts.component(facts.netComponent(k, 0))) && !isPort(k);
        }

        /** A net's name as findings give it: prefixed by the subcircuit path inside a definition. */
        String net(int k) {
            return qualify(facts.netName(k));
        }

        /** A component's reference as findings give it. */
        String ref(int i) {
            return qualify(facts.ref(i));
        }

        /** A pin as findings give it ({@code M1:G}, {@code opamp/M1:G}). */
        String pin(int i, int p) {
            return qualify(facts.label(i, p));
        }

        private String qualify(String name) {
            return path.isEmpty() ? name : path + "/" + name;
        }

        /** {@code ""} at the top level, else {@code " in subcircuit opamp"}, for messages. */
        String where() {
            return path.isEmpty() ? "" : " in subcircuit " + path;
        }

        /**
         * The groups of nets that no DC path joins to ground or to a driven port, in order of their first net;
         * empty when the scope has no ground and no driven port at all (nothing to measure against). A net with a
         * single terminal is left to {@code analog.internal-net-single}. Computed on first use.
         */
        synchronized List<Floating> floating() {
            if (floating == null) {
                floating = findFloating();
            }
            return floating;
        }

        private List<Floating> findFloating() {
            CircuitFacts f = facts;
            int nets = f.netCount();
            NetUnionFind uf = new NetUnionFind(nets);
            for (int i = 0; i < f.componentCount(); i++) {
                joinDc(f, i, uf);
            }
            boolean[] grounded = new boolean[nets];
            boolean anyRoot = false;
            for (int k = 0; k < nets; k++) {
                if (f.netSize(k) > 0 && f.isGround(k)) {
                    grounded[uf.find(k)] = true;
                    anyRoot = true;
                }
            }
            for (int k = 0; k < nets; k++) {
                if (f.netSize(k) > 0 && !grounded[uf.find(k)] && isRoot(k)) {
                    grounded[uf.find(k)] = true;
                    anyRoot = true;
                }
            }
            if (!anyRoot) {
                return List.of();
            }
            // chain the floating nets of each group, in ascending net order, behind the group's representative
            int[] head = new int[nets];
            int[] tail = new int[nets];
            int[] next = new int[nets];
            java.util.Arrays.fill(head, -1);
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < nets; k++) {
                if (f.netSize(k) == 0) {
                    continue;
                }
                int r = uf.find(k);
                if (grounded[r]) {
                    continue;
                }
                next[k] = -1;
                if (head[r] < 0) {
                    head[r] = k;
                    order.add(r);
                } else {
                    next[tail[r]] = k;
                }
                tail[r] = k;
            }
            List<Floating> out = new ArrayList<>();
            for (int r : order) {
                int first = head[r];
                if (next[first] < 0 && isSingleTerminal(first)) {
                    continue;
                }
                out.add(group(uf, r, first, next));
            }
            return out;
        }

        private Floating group(NetUnionFind uf, int r, int first, int[] next) {
            CircuitFacts f = facts;
            List<Integer> nets = new ArrayList<>();
            List<String> through = new ArrayList<>();
            Set<String> sources = new LinkedHashSet<>();
            int throughCount = 0;
            for (int k = first; k >= 0; k = next[k]) {
                nets.add(k);
                for (int j = 0; j < f.netSize(k); j++) {
                    int i = f.netComponent(k, j);
                    int p = f.netPin(k, j);
                    Component c = f.component(i);
                    int partner = currentPartner(c, p);
                    if (partner >= 0) {
                        int other = partner < c.pins().size() ? f.net(i, partner) : -1;
                        if (other < 0 || uf.find(other) != r) {
                            sources.add(ref(i));
                        }
                    } else if (!conducts(c, p)) {
                        throughCount++;
                        if (through.size() < Floating.LISTED) {
                            through.add(pin(i, p));
                        }
                    }
                }
            }
            return new Floating(nets, List.copyOf(sources), through, throughCount);
        }
    }

    /**
     * Nets that no DC path joins to ground.
     *
     * @param nets the net ids, ascending
     * @param currentSources current sources with one output terminal in the group and the other outside it
     * @param through the first {@link #LISTED} pins on the group that carry no DC current (capacitor plates, gates,
     *     control inputs)
     * @param throughCount how many such pins there are in all
     */
    record Floating(List<Integer> nets, List<String> currentSources, List<String> through, int throughCount) {

        /** The most pins a finding lists. */
        static final int LISTED = 6;
    }
}
