package dev.kirchhoff.validation.rules;

import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.Form;
import dev.kirchhoff.knowledge.ModelKind;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.knowledge.PinFlag;
import dev.kirchhoff.knowledge.VoltageRange;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.PinType;
import dev.kirchhoff.validation.BaseRule;
import dev.kirchhoff.validation.CircuitFacts;
import dev.kirchhoff.validation.Finding;
import dev.kirchhoff.validation.Findings;
import dev.kirchhoff.validation.Rails;
import dev.kirchhoff.validation.Rule;
import dev.kirchhoff.validation.RuleGroup;
import dev.kirchhoff.validation.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pin-type rules: KiCad's ERC matrix ({@link ErcMatrix}) over every net, power inputs that nothing supplies, and
 * inputs that nothing drives. They read each pin's effective type ({@link CircuitFacts#type}), so a part's types
 * from the knowledge base win over what a file wrote. Each walks every net once, counting pins by type. Stateless.
 */
public final class PinTypeRules {

    private PinTypeRules() {
    }

    /** This group's rules, in the order they run. */
    public static List<Rule> all() {
        return List.of(new Conflict(), new Questionable(), new UndrivenPower(), new InputUndriven());
    }

    /** The common part of this group's rules: id, title, documentation. */
    private abstract static class PinTypeRule extends BaseRule {
        PinTypeRule(String id, String title, String documentation) {
            super(id, RuleGroup.PIN_TYPES, title, documentation);
        }
    }

    /** {@code pintype.conflict}: pin types KiCad's matrix rates an error on one net. */
    static final class Conflict extends PinTypeRule {
        Conflict() {
            super("pintype.conflict", "Pin types that must not share a net",
                    "Applies the error cells of KiCad's default ERC matrix to every net: two outputs, an output "
                    + "or tri-state output on a power output, two power outputs, and an open-collector or "
                    + "open-emitter output on an output or a power output. Each of these is two drivers fighting "
                    + "or a driver shorted to a supply, which burns a pin or browns out a rail. Each offending pair "
                    + "of types is reported once per net, naming a few pins of each. Two pins of one type on one "
                    + "component are not a pair (a regulator's two VOUT pins, a board's 5V and IOREF joined on the "
                    + "board), and a "
                    + "board's supply pins and a rechargeable cell's terminals accept power as well as give it, so "
                    + "a regulator feeding an Arduino's 5V pin or a charger on a Li-ion cell is no conflict; "
                    + "whether the voltages agree is left to the power rules. Passive pins never conflict, and a "
                    + "no-connect pin on a net is structure.no-connect-connected.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            scan(f, Severity.ERROR, id(), out);
        }
    }

    /** {@code pintype.questionable}: pin types KiCad's matrix rates a warning on one net. */
    static final class Questionable extends PinTypeRule {
        Questionable() {
            super("pintype.questionable", "Pin types that should rarely share a net",
                    "Applies the warning cells of KiCad's default ERC matrix to every net: an output with a "
                    + "tri-state output, a bidirectional pin on a power output or an open emitter, a tri-state "
                    + "output on a power input, an open collector or an open emitter, and a pin of unspecified "
                    + "type with anything but a free pin. These work only if the firmware or the other parts "
                    + "behave (the tri-state output stays disabled, the bidirectional pin is never driven low), or, "
                    + "for unspecified pins, cannot be checked at all. Each offending pair of types is reported once "
                    + "per net; two pins of one type on one component are not a pair.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            scan(f, Severity.WARNING, id(), out);
        }
    }

    /**
     * Walks every net once: counts its pins by type (and which component they belong to), then reports each pair of
     * types present that the matrix rates {@code wanted}. Linear in pins; a second walk of a net only to name pins
     * when something is reported.
     */
    private static void scan(CircuitFacts f, Severity wanted, String rule, Findings out) {
        PinType[] types = PinType.values();
        int[] count = new int[types.length];
        int[] firstComponent = new int[types.length];
        boolean[] twoComponents = new boolean[types.length];
        int[] present = new int[types.length];
        List<PinType[]> pairs = new ArrayList<>();
        for (int n = 0; n < f.netCount(); n++) {
            int size = f.netSize(n);
            if (size < 2) {
                continue;
            }
            Arrays.fill(count, 0);
            Arrays.fill(firstComponent, -1);
            Arrays.fill(twoComponents, false);
            int firstSource = -1;
            boolean twoSources = false;
            for (int k = 0; k < size; k++) {
                int i = f.netComponent(n, k);
                int o = f.type(i, f.netPin(n, k)).ordinal();
                count[o]++;
                if (firstComponent[o] < 0) {
                    firstComponent[o] = i;
                } else if (firstComponent[o] != i) {
                    twoComponents[o] = true;
                }
                if (o == PinType.POWER_OUT.ordinal() && !acceptsPower(f, i)) {
                    if (firstSource < 0) {
                        firstSource = i;
                    } else if (firstSource != i) {
                        twoSources = true;
                    }
                }
            }
            int kinds = 0;
            for (int o = 0; o < types.length; o++) {
                if (count[o] > 0) {
                    present[kinds++] = o;
                }
            }
            pairs.clear();
            for (int x = 0; x < kinds; x++) {
                for (int y = x; y < kinds; y++) {
                    PinType a = types[present[x]];
                    PinType b = types[present[y]];
                    if (a == PinType.NO_CONNECT || b == PinType.NO_CONNECT || ErcMatrix.severity(a, b) != wanted) {
                        continue;
                    }
                    if (a == b && !(a == PinType.POWER_OUT ? twoSources : twoComponents[a.ordinal()])) {
                        continue;
                    }
                    pairs.add(new PinType[] {a, b});
                }
            }
            if (!pairs.isEmpty()) {
                report(f, n, pairs, count, wanted, rule, out);
            }
        }
    }

    /** Names up to three pins of each type involved and adds one finding per pair. */
    private static void report(CircuitFacts f, int n, List<PinType[]> pairs, int[] count, Severity severity,
                               String rule, Findings out) {
        Map<PinType, List<String>> labels = new EnumMap<>(PinType.class);
        for (PinType[] pair : pairs) {
            labels.put(pair[0], new ArrayList<>());
            labels.put(pair[1], new ArrayList<>());
        }
        List<String> sources = new ArrayList<>();
        int sourceCount = 0;
        int size = f.netSize(n);
        for (int k = 0; k < size; k++) {
            int i = f.netComponent(n, k);
            int p = f.netPin(n, k);
            PinType t = f.type(i, p);
            List<String> l = labels.get(t);
            if (l != null && l.size() < 3) {
                l.add(f.label(i, p));
            }
            if (t == PinType.POWER_OUT && !acceptsPower(f, i)) {
                sourceCount++;
                if (sources.size() < 3) {
                    sources.add(f.label(i, p));
                }
            }
        }
        String net = f.netName(n);
        for (PinType[] pair : pairs) {
            PinType a = pair[0];
            PinType b = pair[1];
            List<String> pins = new ArrayList<>();
            String message;
            if (a == b) {
                List<String> of = a == PinType.POWER_OUT ? sources : labels.get(a);
                int total = a == PinType.POWER_OUT ? sourceCount : count[a.ordinal()];
                pins.addAll(of);
                message = "Net " + net + " joins " + total + " " + a.kicadName() + " pins of different components ("
                        + StructureRules.listedOutOf(of, total) + ")";
            } else {
                pins.addAll(labels.get(a));
                pins.addAll(labels.get(b));
                message = "Net " + net + " joins " + a.kicadName() + " " + plural(count[a.ordinal()], "pin") + " "
                        + StructureRules.listedOutOf(labels.get(a), count[a.ordinal()]) + " with " + b.kicadName()
                        + " " + plural(count[b.ordinal()], "pin") + " "
                        + StructureRules.listedOutOf(labels.get(b), count[b.ordinal()]);
            }
            String[] why = explain(a, b);
            out.add(Finding.of(rule, severity, message + ": " + why[0]).withNets(net).withPins(pins)
                    .withComponents(refs(pins)).withFix(why[1]));
        }
    }

    /**
     * Why a pair of types is wrong and what to do, for the matrix's error and warning cells; {@code a} comes before
     * {@code b} in {@link PinType} order.
     */
    private static String[] explain(PinType a, PinType b) {
        boolean open = b == PinType.OPEN_COLLECTOR || b == PinType.OPEN_EMITTER;
        if (a == PinType.UNSPECIFIED || b == PinType.UNSPECIFIED) {
            return new String[] {"a pin of unspecified type cannot be checked, so what it does on this net is "
                    + "unverified", "give the pin its electrical type in the part, symbol or circuit file, or "
                    + "check this net by hand"};
        }
        if (a == PinType.OUTPUT && b == PinType.OUTPUT) {
            return new String[] {"two push-pull outputs fight whenever they disagree, and the short-circuit "
                    + "current can damage both", "keep one output on the net; combine signals through a gate or a "
                    + "multiplexer, or use open-drain outputs with a pull-up resistor"};
        }
        if (a == PinType.POWER_OUT && b == PinType.POWER_OUT) {
            return new String[] {"two supplies drive one rail and fight, the stronger one feeding current back "
                    + "into the other", "keep one supply on the rail, or join them through OR-ing diodes or a "
                    + "power-path switch"};
        }
        if ((a == PinType.OUTPUT || a == PinType.TRI_STATE) && b == PinType.POWER_OUT) {
            return new String[] {"the " + a.kicadName() + " pin is shorted to a supply and is damaged when it "
                    + "drives the other level", "connect the output to an input, not to a supply rail; tie an "
                    + "input to the rail, if that was meant, through a resistor"};
        }
        if (a == PinType.BIDIRECTIONAL && b == PinType.POWER_OUT) {
            return new String[] {"a bidirectional pin tied straight to a supply is shorted if it is ever driven "
                    + "low", "tie it to the rail through a resistor (10 kOhm), or move it to a signal net"};
        }
        if (a == PinType.OUTPUT && b == PinType.TRI_STATE) {
            return new String[] {"the push-pull output fights the tri-state output whenever that one is enabled",
                    "let only tri-state outputs share a bus, or give each output its own net"};
        }
        if (a == PinType.TRI_STATE && b == PinType.POWER_IN) {
            return new String[] {"a tri-state output on a supply input powers that part through a logic pin",
                    "feed the supply input from a power output, and the tri-state output to an input"};
        }
        if (a == PinType.POWER_OUT && open) {
            return new String[] {"the " + b.kicadName() + " output shorts the supply when it switches on",
                    "put the load or a pull-up resistor between the rail and the " + b.kicadName() + " output"};
        }
        if (open) {
            return new String[] {"the " + b.kicadName() + " output shorts the " + a.kicadName() + " pin whenever "
                    + "it switches on while that pin drives the opposite level", "give the " + b.kicadName()
                    + " output its own net with a pull-up resistor, or let only one of them drive the net"};
        }
        return new String[] {"KiCad's ERC matrix rates this pair " + ErcMatrix.severity(a, b).label(),
                "check that the pins may share the net"};
    }

    /**
     * Whether component {@code i}'s power outputs also accept power: a board's supply pins (an Arduino's 5V pin may
     * be fed by a regulator) and a rechargeable cell's terminals (a charger feeds them).
     */
    private static boolean acceptsPower(CircuitFacts f, int i) {
        Part part = f.part(i);
        if (part == null) {
            return false;
        }
        return part.form() == Form.BOARD || part.model() != null && part.model().kind() == ModelKind.SOURCE
                && part.model().parameters().containsKey("chargeVoltage");
    }

    /** {@code pintype.undriven-power}: power inputs on a net that nothing supplies. */
    static final class UndrivenPower extends PinTypeRule {
        UndrivenPower() {
            super("pintype.undriven-power", "Power input not supplied",
                    "A net with power_in pins must be fed by something: a power_out pin (a regulator's output, "
                    + "a board's 3V3 or 5V pin, a battery, a board input flagged usb-supply such as the ESP32 "
                    + "DevKit's VIN, which carries USB 5 V), a voltage source, a connector that brings power from "
                    + "off the board (KiCad's PWR_FLAG does not survive into netlists), or a path from one of "
                    + "those through "
                    + "resistors, inductors, diodes, fuses, switches and other parts with only passive pins (not "
                    + "capacitors, which pass no DC). Without it the parts on the net get no supply: typically "
                    + "the sensor's VCC is on a net named 3V3 that was never joined to the board's 3V3 pin. Ground "
                    + "nets are the reference and count as supplied, and a net whose only power inputs belong to "
                    + "boards is not reported, because a board is powered from its own USB connector. When a "
                    + "logic output or GPIO is on the net the finding is a warning: a GPIO can power a small "
                    + "sensor, but it is not a supply. This is KiCad's \"power input not driven\" check, without "
                    + "the need for PWR_FLAG symbols.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            int nets = f.netCount();
            boolean[] driven = new boolean[nets];
            BitSet candidates = new BitSet();
            for (int n = 0; n < nets; n++) {
                if (f.isGround(n)) {
                    continue;
                }
                boolean needs = false;
                for (int k = 0; k < f.netSize(n); k++) {
                    int i = f.netComponent(n, k);
                    int p = f.netPin(n, k);
                    needs |= f.type(i, p) == PinType.POWER_IN && !isBoard(f, i);
                    driven[n] |= supplies(f, i, p);
                }
                if (needs && !driven[n]) {
                    candidates.set(n);
                }
            }
            if (candidates.isEmpty()) {
                return;
            }
            spread(f, driven);
            List<Rails.Rail> rails = null;
            for (int n = candidates.nextSetBit(0); n >= 0; n = candidates.nextSetBit(n + 1)) {
                if (driven[n]) {
                    continue;
                }
                if (rails == null) {
                    rails = f.rails().rails(f);
                }
                report(f, n, rails, driven, out);
            }
        }

        /** Marks every net reached from a supplied net through parts with only passive pins. Linear. */
        private static void spread(CircuitFacts f, boolean[] driven) {
            int[] queue = new int[driven.length];
            int tail = 0;
            for (int n = 0; n < driven.length; n++) {
                if (driven[n]) {
                    queue[tail++] = n;
                }
            }
            boolean[] expanded = new boolean[f.componentCount()];
            for (int head = 0; head < tail; head++) {
                int n = queue[head];
                for (int k = 0; k < f.netSize(n); k++) {
                    int i = f.netComponent(n, k);
                    if (expanded[i] || !conducts(f, i)) {
                        continue;
                    }
                    expanded[i] = true;
                    for (int q = 0; q < f.component(i).pins().size(); q++) {
                        int m = f.net(i, q);
                        if (m >= 0 && !driven[m] && !f.isGround(m)) {
                            driven[m] = true;
                            queue[tail++] = m;
                        }
                    }
                }
            }
        }

        private void report(CircuitFacts f, int n, List<Rails.Rail> rails, boolean[] driven, Findings out) {
            List<String> inputs = new ArrayList<>();
            int inputCount = 0;
            String logic = null;
            PartPin wants = null;
            int size = f.netSize(n);
            for (int k = 0; k < size; k++) {
                int i = f.netComponent(n, k);
                int p = f.netPin(n, k);
                PinType t = f.type(i, p);
                if (t == PinType.POWER_IN && !isBoard(f, i)) {
                    inputCount++;
                    if (inputs.size() < 3) {
                        inputs.add(f.label(i, p));
                    }
                    if (wants == null) {
                        wants = f.partPin(i, p);
                    }
                } else if (logic == null && (t == PinType.OUTPUT || t == PinType.BIDIRECTIONAL
                        || t == PinType.TRI_STATE)) {
                    logic = f.label(i, p);
                }
            }
            String net = f.netName(n);
            String message = "Net " + net + " feeds the power " + plural(inputCount, "input") + " "
                    + StructureRules.listedOutOf(inputs, inputCount) + ", but nothing supplies it: no power "
                    + "output, voltage source or path from one is on it"
                    + (logic == null ? "" : "; only the logic pin " + logic + " drives it, and a GPIO is not a "
                    + "supply");
            List<String> pins = new ArrayList<>(inputs);
            if (logic != null) {
                pins.add(logic);
            }
            Finding finding = logic == null ? Finding.error(id(), message) : Finding.warning(id(), message);
            out.add(finding.withNets(net).withPins(pins).withComponents(refs(pins))
                    .withFix(fix(f, n, wants, rails, driven)));
        }

        /** Names a supplied rail that fits what the inputs want, else says what could drive the net. */
        private static String fix(CircuitFacts f, int n, PartPin wants, List<Rails.Rail> rails, boolean[] driven) {
            Double nominal = wants != null && wants.voltage() != null && wants.voltage() > 0 ? wants.voltage()
                    : f.voltage(n);
            VoltageRange range = wants == null ? null : wants.range();
            Rails.Rail fits = null;
            for (Rails.Rail r : rails) {
                if (r.net() == n || !driven[r.net()]) {
                    continue;
                }
                boolean exact = nominal != null && Math.abs(r.volts() - nominal) < 0.05;
                if (exact || fits == null && range != null && range.min() != null && range.max() != null
                        && range.contains(r.volts())) {
                    fits = r;
                    if (exact) {
                        break;
                    }
                }
            }
            if (fits != null) {
                return "join " + f.netName(n) + " to net " + fits.name() + ", set to "
                        + StructureRules.volts(fits.volts()) + " by " + fits.setBy();
            }
            String volts = nominal == null ? "" : " of " + StructureRules.volts(nominal);
            return "feed " + f.netName(n) + " from what should power it: a regulator's output, the board's 3V3 or "
                    + "5V pin, or a supply" + volts;
        }

        /**
         * A power output pin (by the file or the part), a terminal of a voltage source, or a pin of a connector:
         * power from off the board comes in through one (KiCad marks that with a PWR_FLAG, which netlists drop).
         */
        private static boolean supplies(CircuitFacts f, int i, int p) {
            if (f.type(i, p) == PinType.POWER_OUT || f.kind(i) == ComponentKind.VOLTAGE_SOURCE) {
                return true;
            }
            PartPin pp = f.partPin(i, p);
            Part part = f.part(i);
            return pp != null && (pp.type() == PinType.POWER_OUT || pp.has(PinFlag.USB_SUPPLY)) || part != null
                    && part.category() == Category.CONNECTOR;
        }

        /** A part with only passive pins (two or more) that passes DC: not a capacitor. */
        private static boolean conducts(CircuitFacts f, int i) {
            int pins = f.component(i).pins().size();
            if (pins < 2 || f.kind(i) == ComponentKind.CAPACITOR) {
                return false;
            }
            Part part = f.part(i);
            if (part != null && part.model() != null && part.model().kind() == ModelKind.CAPACITOR) {
                return false;
            }
            for (int p = 0; p < pins; p++) {
                if (f.type(i, p) != PinType.PASSIVE) {
                    return false;
                }
            }
            return true;
        }
    }

    /** {@code pintype.input-undriven}: a net of inputs only. */
    static final class InputUndriven extends PinTypeRule {
        InputUndriven() {
            super("pintype.input-undriven", "Inputs that nothing drives",
                    "A net whose pins are all inputs has no driver: no output, bidirectional, tri-state or "
                    + "open-collector pin, no power pin and no passive part such as a pull-up resistor. The "
                    + "inputs float and read noise; typically a module's SCL or TRIG was joined to another "
                    + "module's input instead of to the controller. A warning, because a part may drive the net "
                    + "in a way its pin types do not show. Nets with a single pin are structure.single-pin-net; "
                    + "an input on no net at all floats silently here: part.required-input-open reports the ones "
                    + "the knowledge base marks must-drive (a stepper driver's RESET), which a part needs held.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            for (int n = 0; n < f.netCount(); n++) {
                int size = f.netSize(n);
                if (size < 2 || f.isGround(n)) {
                    continue;
                }
                boolean onlyInputs = true;
                for (int k = 0; k < size && onlyInputs; k++) {
                    onlyInputs = f.type(f.netComponent(n, k), f.netPin(n, k)) == PinType.INPUT;
                }
                if (!onlyInputs) {
                    continue;
                }
                List<String> pins = new ArrayList<>();
                for (int k = 0; k < size && pins.size() < 3; k++) {
                    pins.add(f.label(f.netComponent(n, k), f.netPin(n, k)));
                }
                String net = f.netName(n);
                out.add(Finding.warning(id(), "Net " + net + " joins only inputs ("
                                + StructureRules.listedOutOf(pins, size) + "); nothing drives it, so they float")
                        .withNets(net).withPins(pins).withComponents(refs(pins))
                        .withFix("connect the output that should drive " + net + " (a controller pin), or a "
                                + "pull-up or pull-down resistor to set its level"));
            }
        }
    }

    private static boolean isBoard(CircuitFacts f, int i) {
        Part part = f.part(i);
        return part != null && part.form() == Form.BOARD;
    }

    /** The reference designators of {@code REF:PIN} labels, each once. */
    private static List<String> refs(List<String> pins) {
        Set<String> refs = new LinkedHashSet<>();
        for (String p : pins) {
            int colon = p.indexOf(':');
            refs.add(colon > 0 ? p.substring(0, colon) : p);
        }
        return new ArrayList<>(refs);
    }

    private static String plural(int n, String word) {
        return n == 1 ? word : word + "s";
    }
}
