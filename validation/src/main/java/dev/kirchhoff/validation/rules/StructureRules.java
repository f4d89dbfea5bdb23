package dev.kirchhoff.validation.rules;

import dev.kirchhoff.knowledge.Form;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.knowledge.PinFlag;
import dev.kirchhoff.knowledge.VoltageRange;
import dev.kirchhoff.schematic.format.WiringDefect;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Pin;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;
import dev.kirchhoff.validation.Binding;
import dev.kirchhoff.validation.BaseRule;
import dev.kirchhoff.validation.CircuitFacts;
import dev.kirchhoff.validation.Finding;
import dev.kirchhoff.validation.Findings;
import dev.kirchhoff.validation.Rule;
import dev.kirchhoff.validation.RuleGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The structure rules: every component resolves to a part or a primitive, every pin named exists, the wiring is
 * well formed (no pin on two nets, no duplicate reference designator, no wire to nowhere), required power pins are
 * connected and no-connect pins are not. Their findings make up the structural score. The rules are stateless.
 */
public final class StructureRules {

    private StructureRules() {
    }

    /** This group's rules, in the order they run. */
    public static List<Rule> all() {
        return List.of(new UnknownPart(), new UnknownPin(), new PinOnTwoNets(), new DuplicateRef(),
                new SinglePinNet(), new PowerPinUnconnected(), new NoConnectConnected());
    }

    /** The common part of this group's rules: id, title, documentation. */
    private abstract static class StructureRule extends BaseRule {
        StructureRule(String id, String title, String documentation) {
            super(id, RuleGroup.STRUCTURE, title, documentation);
        }
    }

    /** {@code structure.unknown-part}: a part the knowledge base lacks, or a subcircuit without a definition. */
    static final class UnknownPart extends StructureRule {
        UnknownPart() {
            super("structure.unknown-part", "Part or subcircuit unknown",
                    "Every component must be a SPICE primitive, a part the knowledge base knows (by id, alias, "
                    + "part number, Wokwi type or KiCad symbol) or a call of a subcircuit defined in the file or an "
                    + "included one. A part nobody knows is an error: its pins, supply range and ratings are "
                    + "unknown, so nothing else can be checked on it; the message suggests the closest knowledge-base "
                    + "ids. A subcircuit call without a definition is a warning, because the definition may sit in "
                    + "a library the simulator is given separately. Connections to pins of an unknown part are not "
                    + "reported again by structure.unknown-pin, and Wokwi's virtual instruments ($serialMonitor) "
                    + "are no parts and are skipped.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            KnowledgeBase kb = f.resolver().knowledgeBase();
            // a netlist may repeat one unknown part many times: suggest once per name
            Map<String, List<String>> suggestions = new HashMap<>();
            for (int i = 0; i < f.componentCount(); i++) {
                if (f.binding(i).status() != Binding.Status.UNRESOLVED) {
                    continue;
                }
                Component c = f.component(i);
                String ref = c.ref();
                if (c.part() != null && c.part().startsWith("wokwi:$")) {
                    continue;
                }
                if (c.kind() == ComponentKind.SUBCIRCUIT && c.model() != null) {
                    out.add(Finding.warning(id(), "Subcircuit call " + ref + " names " + c.model()
                                    + ", which is neither defined in this file nor in an included one, and is no "
                                    + "knowledge-base part; its insides cannot be checked or simulated")
                            .withComponents(ref)
                            .withFix("add the .subckt " + c.model() + " … .ends definition, or an .include of the "
                                    + "file that defines it"));
                } else if (c.kind() == ComponentKind.SUBCIRCUIT) {
                    out.add(Finding.warning(id(), "Subcircuit call " + ref + " names no subcircuit")
                            .withComponents(ref).withFix("give " + ref + " the name of a defined subcircuit"));
                } else if (c.part() == null) {
                    out.add(Finding.error(id(), "Component " + ref + " is a part but names none, so its pins and "
                                    + "ratings are unknown")
                            .withComponents(ref)
                            .withFix("give " + ref + " a knowledge-base part id (kirchhoff kb search finds one), "
                                    + "or a primitive kind such as resistor or led"));
                } else {
                    String name = c.part();
                    List<String> close = suggestions.computeIfAbsent(name, n -> kb.suggest(bareName(n), 3));
                    out.add(Finding.error(id(), "Component " + ref + " is part '" + name + "', which the knowledge "
                                    + "base does not know" + (close.isEmpty() ? "" : "; close ids: "
                                    + String.join(", ", close)))
                            .withComponents(ref)
                            .withFix(close.isEmpty()
                                    ? "use a knowledge-base part id (kirchhoff kb search finds one), or a primitive "
                                    + "kind"
                                    : "use " + (close.size() == 1 ? close.get(0) : "one of " + String.join(", ",
                                    close)) + " if that is the part meant, or find it with kirchhoff kb search"));
                }
            }
        }

        /** {@code kicad:Sensor:BME280x} → {@code BME280x}: the scheme and library do not help a suggestion. */
        private static String bareName(String name) {
            int colon = name.lastIndexOf(':');
            return colon >= 0 && colon < name.length() - 1 ? name.substring(colon + 1) : name;
        }
    }

    /** {@code structure.unknown-pin}: a connection to a pin or component that does not exist. */
    static final class UnknownPin extends StructureRule {
        UnknownPin() {
            super("structure.unknown-pin", "Pin or component does not exist",
                    "Every pin a net names must exist: the component must be in the circuit and have that pin, "
                    + "and a component bound to a knowledge-base or KiCad part may only connect pins the part has "
                    + "(a file that lists its own pins for a part can name one the part lacks). A connection to a "
                    + "pin that is not there is lost, so the circuit is not what its author drew; the message lists "
                    + "the pins the component does have. Connections the reader could not make come from a lenient "
                    + "read; pins of a component whose part is unknown are left to structure.unknown-part, and "
                    + "unconnected pins the part lacks are not reported.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            for (WiringDefect d : f.defects()) {
                if (d.kind() == WiringDefect.Kind.UNKNOWN_COMPONENT) {
                    out.add(Finding.error(id(), "Net " + d.net() + " connects " + d.ref() + ":" + d.pin()
                                    + ", but there is no component " + d.ref() + " in the circuit")
                            .withNets(d.net()).withPins(d.ref() + ":" + d.pin())
                            .withFix("add component " + d.ref() + ", or correct the reference designator in net "
                                    + d.net()));
                } else if (d.kind() == WiringDefect.Kind.UNKNOWN_PIN) {
                    int i = f.indexOf(d.ref());
                    if (i >= 0 && f.binding(i).status() == Binding.Status.UNRESOLVED
                            && f.component(i).pins().isEmpty()) {
                        continue;
                    }
                    String has = i < 0 ? "" : "; its pins are " + componentPins(f.component(i));
                    out.add(Finding.error(id(), "Net " + d.net() + " connects " + d.ref() + ":" + d.pin()
                                    + ", but " + d.ref() + " has no pin " + d.pin() + has)
                            .withNets(d.net()).withComponents(d.ref()).withPins(d.ref() + ":" + d.pin())
                            .withFix("connect one of " + d.ref() + "'s pins by its number or name"));
                }
            }
            Map<String, String> partPins = new HashMap<>();
            for (int i = 0; i < f.componentCount(); i++) {
                Binding b = f.binding(i);
                if (b.status() != Binding.Status.PART || b.part() == null || b.part().pins().isEmpty()) {
                    continue;
                }
                List<Pin> pins = f.component(i).pins();
                for (int p = 0; p < pins.size(); p++) {
                    int net = f.net(i, p);
                    if (net < 0 || b.pin(p) != null) {
                        continue;
                    }
                    Part part = b.part();
                    String has = partPins.computeIfAbsent(part.id(), k -> partPins(part));
                    out.add(Finding.error(id(), "Pin " + f.label(i, p) + " on net " + f.netName(net)
                                    + " is not a pin of " + part.id() + ", which has " + has)
                            .withNets(f.netName(net)).withComponents(f.ref(i)).withPins(f.label(i, p))
                            .withFix("connect the pin of " + part.id() + " that was meant, by its number or name"));
                }
            }
        }

        private static String componentPins(Component c) {
            List<String> names = new ArrayList<>();
            for (Pin p : c.pins()) {
                names.add(p.label());
            }
            return names.isEmpty() ? "none" : listed(new ArrayList<>(new LinkedHashSet<>(names)), 24);
        }

        private static String partPins(Part part) {
            Set<String> names = new LinkedHashSet<>();
            for (PartPin p : part.pins()) {
                names.add(p.name().isEmpty() ? p.number() : p.name());
            }
            return listed(new ArrayList<>(names), 24);
        }
    }

    /** {@code structure.pin-on-two-nets}: one pin listed on two nets. */
    static final class PinOnTwoNets extends StructureRule {
        PinOnTwoNets() {
            super("structure.pin-on-two-nets", "Pin on two nets",
                    "A pin is one electrical node, so it can be on one net only. A file that lists a pin on two "
                    + "nets either means the two nets to be one (then they are shorted through the pin) or has a "
                    + "typing error; the reader keeps the pin on the first net and drops the second connection, so "
                    + "the circuit checked differs from the one drawn. Found only by lenient reads of files that "
                    + "list nets by name (native JSON, Circuit JSON, Wokwi); netlists by node cannot express it.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            for (WiringDefect d : f.defects()) {
                if (d.kind() != WiringDefect.Kind.PIN_ON_TWO_NETS) {
                    continue;
                }
                String pin = pinLabel(f, d.ref(), d.pin());
                String first = d.otherNet() == null ? "another net" : "net " + d.otherNet();
                List<String> nets = d.otherNet() == null ? List.of(d.net()) : List.of(d.otherNet(), d.net());
                out.add(Finding.error(id(), "Pin " + pin + " is on " + first + " and is listed again on net "
                                + d.net() + "; a pin is on one net, so the connection to " + d.net()
                                + " was dropped")
                        .withNets(nets).withComponents(d.ref()).withPins(pin)
                        .withFix("if " + String.join(" and ", nets) + " are one signal, merge them into one net; "
                                + "otherwise remove " + pin + " from the net it does not belong to"));
            }
        }
    }

    /** {@code structure.duplicate-ref}: two components with one reference designator. */
    static final class DuplicateRef extends StructureRule {
        DuplicateRef() {
            super("structure.duplicate-ref", "Duplicate reference designator",
                    "Every component needs its own reference designator: nets, bills of materials and exports "
                    + "address components by it, so two components called R1 make every connection to R1 "
                    + "ambiguous. A lenient read renames the second one (R1 becomes R1_2, say) so the rest of the "
                    + "circuit can still be checked, and this rule reports the clash. Connections the file made to "
                    + "the clashing name go to the first component.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            for (WiringDefect d : f.defects()) {
                if (d.kind() != WiringDefect.Kind.DUPLICATE_REF) {
                    continue;
                }
                out.add(Finding.error(id(), "Two components are called " + d.ref() + "; the second was read as "
                                + d.pin() + ", and connections to " + d.ref() + " go to the first")
                        .withComponents(d.ref(), d.pin())
                        .withFix("give each component its own reference designator (rename one " + d.ref()
                                + ") and connect its pins under the new name"));
            }
        }
    }

    /** {@code structure.single-pin-net}: a net with one pin, a wire that goes nowhere. */
    static final class SinglePinNet extends StructureRule {
        SinglePinNet() {
            super("structure.single-pin-net", "Net with a single pin",
                    "A net with exactly one pin connects that pin to nothing: a wire left dangling, or a second "
                    + "connection forgotten or misspelled into another net name. It is a warning because the pin "
                    + "may be meant to stay open. Ground nets, nets whose one pin is a no-connect pin and the "
                    + "nets KiCad names unconnected-(…) for pins it knows are open are not reported. A lone "
                    + "terminal of a primitive device or subcircuit call on an internal net is an error of "
                    + "analog.internal-net-single and is not reported twice; on a net named like a port it is "
                    + "reported only when the netlist has its own sources (in a bare topology such as AnalogGenie's "
                    + "the port is wired from outside). A net that lost a connection the reader could not make (an unknown pin or part, a "
                    + "pin listed on two nets) is left to the rule reporting that. Pins on no net at all are the "
                    + "concern of other rules.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            // a net that lost a connection the reader could not make is reported with that defect
            Set<String> lost = new HashSet<>();
            for (WiringDefect d : f.defects()) {
                lost.add(d.net());
            }
            for (int n = 0; n < f.netCount(); n++) {
                if (f.netSize(n) != 1 || f.isGround(n)) {
                    continue;
                }
                String name = f.netName(n);
                int i = f.netComponent(n, 0);
                int p = f.netPin(n, 0);
                if (f.type(i, p) == PinType.NO_CONNECT || name.startsWith("unconnected-") || lost.contains(name)) {
                    continue;
                }
                if ((f.kind(i).isPrimitive() || f.kind(i) == ComponentKind.SUBCIRCUIT)
                        && (!AnalogNets.isPortName(name) || !hasSources(f))) {
                    continue;
                }
                String pin = f.label(i, p);
                out.add(Finding.warning(id(), "Net " + name + " has only one pin (" + pin + "), so it connects "
                                + pin + " to nothing")
                        .withNets(name).withComponents(f.ref(i)).withPins(pin)
                        .withFix("connect another pin to " + name + ", or take " + pin + " off it if it is meant "
                                + "to stay open"));
            }
        }
    }

    /** Whether the circuit has an independent voltage or current source; computed once per circuit. */
    private static boolean hasSources(CircuitFacts f) {
        return f.memo("structure.has-sources", () -> {
            for (int i = 0; i < f.componentCount(); i++) {
                ComponentKind k = f.kind(i);
                if (k == ComponentKind.VOLTAGE_SOURCE || k == ComponentKind.CURRENT_SOURCE) {
                    return Boolean.TRUE;
                }
            }
            return Boolean.FALSE;
        });
    }

    /** {@code structure.power-pin-unconnected}: a supply or ground pin of a chip or module left open. */
    static final class PowerPinUnconnected extends StructureRule {

        PowerPinUnconnected() {
            super("structure.power-pin-unconnected", "Power or ground pin unconnected",
                    "A chip, module or device gets its supply and its ground through its power_in pins; with one "
                    + "of them open it does not work, or works by leaking current through its I/O pins. Every "
                    + "power_in pin of a component bound to a knowledge-base or KiCad part must be on a net; where "
                    + "a part repeats a pin name (three GND pins) one of them is enough, and so is one ground pin "
                    + "of a module, whose grounds are one copper pour. Boards are powered from their own USB "
                    + "connector, so their VIN, 5V and GND pins are not required. Pins the knowledge base flags "
                    + "optional are not required either: a jumper or another pin feeds them (relay JD-VCC, "
                    + "APDS-9960 VL, TP4056 IN+), or they only power an extra (LCD backlight A and K, AS608 touch "
                    + "wake, PCA9685 servo rail). When every supply input of a part is optional and the part has "
                    + "no power output, they are alternatives and one of them must be connected (the W5500 "
                    + "module's 3.3V and 5V). A pin that is on a net with nothing else on it counts as connected; "
                    + "structure.single-pin-net and pintype.undriven-power report that.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            for (int i = 0; i < f.componentCount(); i++) {
                Binding b = f.binding(i);
                Part part = b.part();
                if (b.status() != Binding.Status.PART || part == null || part.form() == Form.BOARD) {
                    continue;
                }
                List<Pin> pins = f.component(i).pins();
                for (int p = 0; p < pins.size(); p++) {
                    if (f.net(i, p) >= 0 || f.type(i, p) != PinType.POWER_IN) {
                        continue;
                    }
                    PartPin pp = f.partPin(i, p);
                    if (pp != null && pp.has(PinFlag.OPTIONAL) && !alternatives(part)) {
                        continue;
                    }
                    String group = group(f, i, p);
                    // one finding per group, from its first pin, and none when any pin of the group is connected
                    boolean first = true;
                    boolean connected = false;
                    List<String> members = new ArrayList<>();
                    for (int q = 0; q < pins.size() && !connected; q++) {
                        if (f.type(i, q) != PinType.POWER_IN || !group.equals(group(f, i, q))) {
                            continue;
                        }
                        connected = f.net(i, q) >= 0;
                        first &= q >= p;
                        members.add(pins.get(q).number());
                    }
                    if (connected || !first) {
                        continue;
                    }
                    report(f, i, p, members, out);
                }
            }
        }

        private void report(CircuitFacts f, int i, int p, List<String> members, Findings out) {
            Part part = f.binding(i).part();
            String label = f.label(i, p);
            boolean ground = isGround(f, i, p);
            String what = ground ? "ground pin" : "supply pin";
            String message;
            if (members.size() > 1) {
                String group = group(f, i, p);
                String set = group.equals("either") ? String.join(" and ", alternativeNames(part))
                        : group.equals("ground") ? "ground" : pinName(f, i, p);
                message = f.ref(i) + " (" + part.id() + ") has none of its " + set + " pins ("
                        + String.join(", ", members) + ") connected, so it gets no " + (ground ? "ground" : "supply");
            } else {
                message = "The " + what + " " + label + " of " + f.ref(i) + " (" + part.id() + ") is not "
                        + "connected, so " + f.ref(i) + " gets no " + (ground ? "ground" : "supply on "
                        + pinName(f, i, p));
            }
            out.add(Finding.error(id(), message).withComponents(f.ref(i)).withPins(label)
                    .withFix("connect " + label + " to " + (ground ? "ground" : supplyFor(f.partPin(i, p)))));
        }

        /** The group a power pin counts in: pins of one group stand in for each other. */
        private static String group(CircuitFacts f, int i, int p) {
            Part part = f.binding(i).part();
            PartPin pp = f.partPin(i, p);
            if (pp != null && pp.has(PinFlag.OPTIONAL) && alternatives(part)) {
                return "either";
            }
            if (part.form() == Form.MODULE && isGround(f, i, p)) {
                return "ground";
            }
            return pinName(f, i, p).toUpperCase(Locale.ROOT);
        }

        /**
         * Whether the part's optional supply inputs stand in for each other, one of them required: every supply
         * input is optional and the part has no power output that could run it instead (the W5500 module's 3.3V
         * and 5V; not the TP4056, whose cell on B+ runs it with both inputs open).
         */
        private static boolean alternatives(Part part) {
            boolean any = false;
            for (PartPin pp : part.pins()) {
                if (pp.type() == PinType.POWER_OUT) {
                    return false;
                }
                if (pp.type() == PinType.POWER_IN && !pp.can(PinFunction.GROUND)) {
                    if (!pp.has(PinFlag.OPTIONAL)) {
                        return false;
                    }
                    any = true;
                }
            }
            return any;
        }

        /** The distinct names of the part's optional supply inputs, in pin order. */
        private static List<String> alternativeNames(Part part) {
            Set<String> names = new LinkedHashSet<>();
            for (PartPin pp : part.pins()) {
                if (pp.type() == PinType.POWER_IN && !pp.can(PinFunction.GROUND) && pp.has(PinFlag.OPTIONAL)) {
                    names.add(pp.name());
                }
            }
            return List.copyOf(names);
        }

        private static String pinName(CircuitFacts f, int i, int p) {
            PartPin pp = f.partPin(i, p);
            return pp != null && !pp.name().isEmpty() ? pp.name() : f.pin(i, p).label();
        }

        private static boolean isGround(CircuitFacts f, int i, int p) {
            PartPin pp = f.partPin(i, p);
            if (pp != null && pp.can(PinFunction.GROUND)) {
                return true;
            }
            String name = pinName(f, i, p).toUpperCase(Locale.ROOT);
            return name.equals("GND") || name.equals("VSS") || name.endsWith("GND");
        }

        private static String supplyFor(PartPin pp) {
            if (pp != null && pp.range() != null && pp.range().min() != null && pp.range().max() != null) {
                VoltageRange r = pp.range();
                return "a supply of " + volts(r.min()) + " to " + volts(r.max());
            }
            if (pp != null && pp.voltage() != null && pp.voltage() > 0) {
                return "a " + volts(pp.voltage()) + " supply";
            }
            return "its supply";
        }
    }

    /** {@code structure.no-connect-connected}: a pin marked no-connect wired to something. */
    static final class NoConnectConnected extends StructureRule {
        NoConnectConnected() {
            super("structure.no-connect-connected", "No-connect pin connected",
                    "A pin of type no_connect (the Uno's NC header pin, a DHT22's pin 3, an op-amp's NC) is "
                    + "either joined to nothing inside the part, so a wire to it does nothing, or reserved by the "
                    + "maker, so a signal on it may upset the part. Either way a net that joins it to other pins is "
                    + "a mistake, usually a pin miscounted by one. A no-connect pin alone on its net is fine. This "
                    + "rule stands in for the no-connect row of KiCad's ERC matrix, which pintype.conflict skips.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            for (int n = 0; n < f.netCount(); n++) {
                int size = f.netSize(n);
                if (size < 2) {
                    continue;
                }
                for (int k = 0; k < size; k++) {
                    int i = f.netComponent(n, k);
                    int p = f.netPin(n, k);
                    if (f.type(i, p) != PinType.NO_CONNECT) {
                        continue;
                    }
                    List<String> others = new ArrayList<>();
                    for (int m = 0; m < size && others.size() < 3; m++) {
                        if (m != k) {
                            others.add(f.label(f.netComponent(n, m), f.netPin(n, m)));
                        }
                    }
                    String pin = f.label(i, p);
                    out.add(Finding.error(id(), "Pin " + pin + " is a no-connect pin, but net " + f.netName(n)
                                    + " joins it to " + listedOutOf(others, size - 1))
                            .withNets(f.netName(n)).withComponents(f.ref(i)).withPins(pin)
                            .withFix("take " + pin + " off " + f.netName(n) + "; the signal probably belongs on "
                                    + "a neighbouring pin of " + f.ref(i)));
                }
            }
        }
    }

    /** {@code REF:PIN} with the pin's name when the component and pin exist, else as written. */
    static String pinLabel(CircuitFacts f, String ref, String pin) {
        int i = f.indexOf(ref);
        if (i >= 0) {
            int p = f.component(i).pinIndex(pin);
            if (p >= 0) {
                return f.label(i, p);
            }
        }
        return ref + ":" + pin;
    }

    /** {@code a, b, c and 4 more}: the first {@code max} items and how many more there are. */
    static String listed(List<String> items, int max) {
        return listedOutOf(items.subList(0, Math.min(max, items.size())), items.size());
    }

    /** {@code a, b, c and 4 more}: the items shown, and how many of {@code total} were left out. */
    static String listedOutOf(List<String> shown, int total) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < shown.size(); k++) {
            sb.append(k == 0 ? "" : ", ").append(shown.get(k));
        }
        if (total > shown.size()) {
            sb.append(" and ").append(total - shown.size()).append(" more");
        }
        return sb.toString();
    }

    /** {@code 3.3 V}, {@code 5 V}. */
    static String volts(double v) {
        double r = Math.round(v * 100) / 100.0;
        return (r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r)) + " V";
    }
}
