package dev.kirchhoff.validation.simulation;

import dev.kirchhoff.knowledge.ModelKind;
import dev.kirchhoff.knowledge.Onboard;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;
import dev.kirchhoff.schematic.model.Subcircuit;
import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.validation.CircuitFacts;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The subcircuit that stands for one knowledge-base part in an exported deck. Its ports {@code p1…pn} are the
 * component's pins in order. Inside, in order of preference:
 * <ul>
 *   <li>the part's own {@code .subckt} (op-amps, the 555, regulators, batteries), called with the nodes in the
 *       model's {@code pinOrder}, once per unit where the pins repeat with another number ({@code 1IN+},
 *       {@code 2IN+}); a regulator's outputs get a 10 kΩ minimum load, without which its model cannot settle
 *       when nothing else loads them;</li>
 *   <li>a device of the part's {@code .model} card (LEDs, diodes, transistors), an LED with a 0 V source in series
 *       that measures its current;</li>
 *   <li>a behavioural model built from the part's data: each power output a source behind 0.1 Ω at its
 *       voltage; when the part has an on-board regulator and its supply input is connected, the source is held at
 *       most the dropout below the input ({@code V = max(0, min(Vout, Vin - dropout))}) and draws what it delivers
 *       from the input; otherwise it stands alone, as a board powered over USB. The supply current is a resistor
 *       from the supply input to ground; each output pin, and each GPIO that drives
 *       an LED, a transistor or another part's input, a source behind {@link SpiceExport#OUTPUT_OHMS}, HIGH — or
 *       LOW where it sinks the current of an LED on its cathode; other inputs {@link SpiceExport#INPUT_OHMS} to
 *       ground. Switches are open; internal pull-ups are not modelled.</li>
 * </ul>
 * Pins that are one net inside the part (several GND, two VOUT) are tied through 1 mΩ. Every port has
 * {@link SpiceExport#LEAK_OHMS} to node 0. Built once; immutable afterwards.
 */
final class PartModule {

    /** How many pins of a net are looked at to tell what a GPIO drives; nets bigger than this are buses. */
    private static final int SCAN = 64;
    /** Output resistance of a power output, ohms (a regulator, the cable of a USB supply). */
    private static final double SOURCE_OHMS = 0.1;
    /** Resistance that ties pins which are one net inside a part, ohms. */
    private static final double TIE_OHMS = 1e-3;
    /** The load every power output of a regulator model gets, ohms. */
    private static final double MINIMUM_LOAD_OHMS = 10e3;
    private static final Pattern CATHODE = Pattern.compile("(?i)k\\d*|c\\d+|cathode|com\\d*|dig\\d*|-");

    private final CircuitFacts f;
    private final int i;
    private final String instance;
    private final Map<String, String> texts;
    private final Part part;
    private final Circuit.Builder body = Circuit.builder();
    private final List<String> ports = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<SpiceDeck.LedProbe> leds = new ArrayList<>();
    private final List<SpiceDeck.DrivenOutput> outputs = new ArrayList<>();
    private final Subcircuit definition;
    private int internal;

    /**
     * @param f the circuit
     * @param i the component this module stands for
     * @param name the subcircuit's name
     * @param instance the instance name of its call, lower case (for vector names)
     * @param texts model texts of the deck by name; the part's is added here
     */
    PartModule(CircuitFacts f, int i, String name, String instance, Map<String, String> texts) {
        this.f = f;
        this.i = i;
        this.instance = instance;
        this.texts = texts;
        this.part = f.part(i);
        int n = f.component(i).pins().size();
        for (int p = 0; p < n; p++) {
            ports.add("p" + (p + 1));
            body.net(port(p));
        }
        ModelText text = ModelText.of(part);
        List<String> order = part == null || part.model() == null ? List.of() : part.model().pinOrder();
        if (part == null) {
            notes.add("no knowledge-base part; its pins have only the leak to node 0");
        } else if (text != null && text.subcircuit() && order.size() == text.ports().size()) {
            calls(text, order);
        } else if (text != null && text.element() != '\0' && order.size() == (text.element() == 'D' ? 2 : 3)) {
            devices(text, order);
        } else {
            behaviour();
        }
        for (int p = 0; p < n; p++) {
            leak(port(p));
        }
        definition = new Subcircuit(name, ports, List.of(), body.build(), 0);
    }

    Subcircuit definition() {
        return definition;
    }

    List<String> notes() {
        return notes;
    }

    List<SpiceDeck.LedProbe> leds() {
        return leds;
    }

    List<SpiceDeck.DrivenOutput> outputs() {
        return outputs;
    }

    private String port(int p) {
        return ports.get(p);
    }

    private void leak(String node) {
        body.add(Component.builder("RDC_" + node, ComponentKind.RESISTOR).value(Value.of(SpiceExport.LEAK_OHMS))
                .build(), node, "0");
    }

    /** The index of the pin of component {@code i} bound to {@code part}'s pin {@code name}, or -1. */
    static int componentPin(CircuitFacts f, int i, Part part, String name) {
        PartPin target = part.pin(name).orElse(null);
        if (target == null) {
            return -1;
        }
        int found = -1;
        for (int p = 0; p < f.component(i).pins().size(); p++) {
            if (target.equals(f.partPin(i, p))) {
                if (f.net(i, p) >= 0) {
                    return p;
                }
                found = found < 0 ? p : found;
            }
        }
        return found;
    }

    /**
     * The model's pin order once per unit: a name with a {@code 1} in it ({@code 1IN+}, {@code A1}, {@code IN1})
     * repeats with 2, 3, … while the part has such pins and they are not already in the first unit.
     */
    static List<List<String>> units(Part part, List<String> order) {
        List<List<String>> units = new ArrayList<>();
        units.add(order);
        if (order.stream().noneMatch(PartModule::numbered)) {
            return units;
        }
        for (int k = 2; k <= 64; k++) {
            List<String> next = new ArrayList<>(order.size());
            for (String name : order) {
                String renamed = numbered(name) ? name.replaceFirst("1", Integer.toString(k)) : name;
                if (!renamed.equals(name) && order.contains(renamed) || part.pin(renamed).isEmpty()) {
                    return units;
                }
                next.add(renamed);
            }
            units.add(next);
        }
        return units;
    }

    /** Whether a pin name carries a unit number: a 1 beside letters ({@code 1IN+}, {@code A1}); not a pin number. */
    private static boolean numbered(String name) {
        return name.contains("1") && !name.chars().allMatch(Character::isDigit);
    }

    /** The nodes of one unit: the port of each named pin, or an internal node with its leak when the pin is absent. */
    private String[] unitNodes(List<String> names) {
        String[] nodes = new String[names.size()];
        for (int k = 0; k < nodes.length; k++) {
            int p = componentPin(f, i, part, names.get(k));
            if (p >= 0) {
                nodes[k] = port(p);
            } else {
                nodes[k] = "nc" + ++internal;
                leak(nodes[k]);
            }
        }
        return nodes;
    }

    private void calls(ModelText text, List<String> order) {
        texts.putIfAbsent(text.name(), text.text());
        Set<Integer> tied = new HashSet<>();
        String ground = tie(tied);
        if (part.model().kind() == ModelKind.REGULATOR) {
            // a regulator model's pass element (100 A/V) cannot settle into an open output; real ones want a
            // minimum load too
            for (int p = 0; p < ports.size(); p++) {
                PartPin pp = f.partPin(i, p);
                if (pp != null && !tied.contains(p) && pp.type() == PinType.POWER_OUT && pp.voltage() != null
                        && pp.voltage() > 0) {
                    body.add(Component.builder("RMIN_" + port(p), ComponentKind.RESISTOR)
                            .value(Value.of(MINIMUM_LOAD_OHMS)).build(), port(p), ground);
                    notes.add(port(p) + " = " + f.label(i, p) + ": " + num(MINIMUM_LOAD_OHMS / 1000)
                            + " kOhm minimum load, so the regulator model settles with nothing else on its output");
                }
            }
        }
        List<List<String>> units = units(part, order);
        for (int u = 0; u < units.size(); u++) {
            String[] nodes = unitNodes(units.get(u));
            body.add(Component.builder("X" + (u + 1), ComponentKind.SUBCIRCUIT).model(text.name())
                    .pins(ComponentKind.SUBCIRCUIT.pinsForNodes(nodes.length)).build(), nodes);
        }
        notes.add(part.id() + " is its own subcircuit " + text.name() + (units.size() > 1 ? ", " + units.size()
                + " units" : "") + ", nodes in the order " + String.join(" ", order));
    }

    private void devices(ModelText text, List<String> order) {
        texts.putIfAbsent(text.name(), text.text());
        boolean led = part.model().kind() == ModelKind.LED;
        List<List<String>> units = units(part, order);
        for (int u = 0; u < units.size(); u++) {
            String[] nodes = unitNodes(units.get(u));
            String suffix = Integer.toString(u + 1);
            switch (text.element()) {
                case 'D' -> {
                    String anode = nodes[0];
                    int a = componentPin(f, i, part, units.get(u).get(0));
                    if (led && a >= 0) {
                        String inner = "a" + suffix;
                        String sense = "VSENSE" + suffix;
                        body.add(Component.builder(sense, ComponentKind.VOLTAGE_SOURCE).value(Value.of(0)).build(),
                                anode, inner);
                        leds.add(new SpiceDeck.LedProbe(f.ref(i), a, componentPin(f, i, part, units.get(u).get(1)),
                                "v." + instance + "." + sense.toLowerCase(Locale.ROOT) + "#branch",
                                DeckBuilder.ledRating(part), DeckBuilder.ledRatingSource(part)));
                        anode = inner;
                    }
                    body.add(Component.builder("D" + suffix, ComponentKind.DIODE).model(text.name())
                            .pins(ComponentKind.DIODE.pinsForNodes(2)).build(), anode, nodes[1]);
                }
                case 'Q' -> body.add(Component.builder("Q" + suffix, ComponentKind.BJT).model(text.name())
                        .pins(ComponentKind.BJT.pinsForNodes(3)).build(), nodes);
                default -> body.add(Component.builder("M" + suffix, ComponentKind.MOSFET).model(text.name())
                        .pins(ComponentKind.MOSFET.pinsForNodes(4)).build(), nodes[0], nodes[1], nodes[2], nodes[2]);
            }
        }
        notes.add(part.id() + ": " + units.size() + " device(s) of the model " + text.name()
                + (led ? ", each LED with a 0 V source in series" : ""));
    }

    private void behaviour() {
        int n = f.component(i).pins().size();
        Set<Integer> done = new HashSet<>();
        String ground = tie(done);
        int supply = -1;
        for (int p = 0; p < n && supply < 0; p++) {
            PartPin pp = f.partPin(i, p);
            if (pp != null && pp.type() == PinType.POWER_IN && !pp.can(PinFunction.GROUND) && f.net(i, p) >= 0
                    && !done.contains(p)) {
                supply = p;
            }
        }
        Onboard.Regulator regulator = part.onboard() == null ? null : part.onboard().regulator();
        for (int p = 0; p < n; p++) {
            PartPin pp = f.partPin(i, p);
            if (pp == null || done.contains(p) || p == supply) {
                continue;
            }
            if (pp.type() == PinType.POWER_OUT && pp.voltage() != null && pp.voltage() > 0) {
                powerOutput(p, pp, ground, regulator, supply);
            } else if (pp.type() == PinType.OUTPUT || pp.can(PinFunction.GPIO)
                    && (pp.type() == PinType.BIDIRECTIONAL || pp.type() == PinType.TRI_STATE)) {
                logicPin(p, pp, ground);
            } else if (pp.type() == PinType.INPUT) {
                input(p, ground);
            }
        }
        pullUps(ground, regulator, supply);
        load(supply, ground);
    }

    /**
     * The module's own pull-up resistors ({@code onboard.pullUps}) from its signal pins to the rail they go to: one
     * of the module's pins ({@code VCC}), or the output of its on-board regulator ({@code 3V3} on a BME280 board),
     * so an I2C line idles high in simulation as it does on the bench.
     */
    private void pullUps(String ground, Onboard.Regulator regulator, int supply) {
        if (part.onboard() == null || part.onboard().pullUps().isEmpty()) {
            return;
        }
        String regulated = null;
        for (Onboard.PullUp pu : part.onboard().pullUps()) {
            int railPin = pu.to() == null ? -1 : componentPin(f, i, part, pu.to());
            String rail;
            if (railPin >= 0 && f.net(i, railPin) >= 0) {
                rail = port(railPin);
            } else if (regulator != null && supply >= 0) {
                if (regulated == null) {
                    regulated = "pu_rail";
                    double dropout = regulator.dropout() != null ? regulator.dropout() : 1.0;
                    body.add(behavioural("BPU", "V=max(0,min(" + num(regulator.output()) + ",V(" + port(supply) + ","
                            + ground + ")-" + num(dropout) + "))"), regulated, ground);
                }
                rail = regulated;
            } else {
                continue;
            }
            for (String name : pu.pins()) {
                int p = componentPin(f, i, part, name);
                if (p < 0 || f.net(i, p) < 0 || port(p).equals(rail)) {
                    continue;
                }
                body.add(Component.builder("RPU_" + port(p), ComponentKind.RESISTOR).value(Value.of(pu.ohms()))
                        .build(), port(p), rail);
                notes.add(port(p) + " = " + f.label(i, p) + ": on-board pull-up of " + num(pu.ohms() / 1000)
                        + " kOhm to " + (pu.to() == null ? "the on-board regulator" : pu.to()));
            }
        }
    }

    /**
     * Ties the pins that are one net inside the part: its ground pins, and power pins sharing a name (two
     * {@code VOUT}), each to the first, through 1 mΩ. Adds every pin it handled, ground pins
     * included, to {@code done}; returns the port of the first ground pin, or node 0 when the part has none.
     */
    private String tie(Set<Integer> done) {
        String ground = "0";
        Map<String, Integer> firstByName = new HashMap<>();
        for (int p = 0; p < ports.size(); p++) {
            PartPin pp = f.partPin(i, p);
            if (pp == null) {
                continue;
            }
            boolean isGround = pp.can(PinFunction.GROUND) && (pp.voltage() == null || pp.voltage() == 0);
            if (!isGround && !pp.isPower()) {
                continue;
            }
            String key = isGround ? "\u0000ground" : pp.name().toLowerCase(Locale.ROOT);
            Integer first = firstByName.putIfAbsent(key, p);
            if (first != null) {
                body.add(Component.builder("RTIE_" + port(p), ComponentKind.RESISTOR).value(Value.of(TIE_OHMS))
                        .build(), port(first), port(p));
                done.add(p);
            } else if (isGround) {
                ground = port(p);
            }
            if (isGround) {
                done.add(p);
            }
        }
        return ground;
    }

    private void powerOutput(int p, PartPin pp, String ground, Onboard.Regulator regulator, int supply) {
        double volts = pp.voltage();
        String out = port(p);
        String feed = "s_" + out;
        if (regulator != null && supply >= 0) {
            double dropout = regulator.dropout() != null ? regulator.dropout() : 1.0;
            String in = port(supply);
            String sensed = "i_" + out;
            String sense = "VIS_" + out;
            body.add(behavioural("BREG_" + out, "V=max(0,min(" + num(volts) + ",V(" + in + "," + ground + ")-"
                    + num(dropout) + "))"), feed, ground);
            body.add(Component.builder(sense, ComponentKind.VOLTAGE_SOURCE).value(Value.of(0)).build(), feed,
                    sensed);
            body.add(Component.builder("RSRC_" + out, ComponentKind.RESISTOR).value(Value.of(SOURCE_OHMS)).build(),
                    sensed, out);
            // what the output delivers is drawn from the input, as through a linear regulator's pass transistor
            body.add(Component.builder("FIN_" + out, ComponentKind.CCCS).value(Value.of(1)).control(sense).build(),
                    in, ground);
            notes.add(out + " = " + f.label(i, p) + ": " + num(volts) + " V from the on-board regulator "
                    + (regulator.part() == null ? "" : regulator.part() + " ") + "fed by " + f.label(i, supply)
                    + ", at most the input less its " + num(dropout) + " V dropout; its current is drawn from "
                    + f.label(i, supply));
        } else {
            body.add(Component.builder("VSUP_" + out, ComponentKind.VOLTAGE_SOURCE).value(Value.of(volts)).build(),
                    feed, ground);
            body.add(Component.builder("RSRC_" + out, ComponentKind.RESISTOR).value(Value.of(SOURCE_OHMS)).build(),
                    feed, out);
            notes.add(out + " = " + f.label(i, p) + ": a " + num(volts) + " V supply behind " + num(SOURCE_OHMS)
                    + " Ohm (the part is powered from elsewhere, e.g. USB)");
        }
    }

    private static Component behavioural(String ref, String expression) {
        return Component.builder(ref, ComponentKind.BEHAVIORAL_SOURCE).value(Value.text(expression)).build();
    }

    private void logicPin(int p, PartPin pp, String ground) {
        Double level = pp.voltage() != null && pp.voltage() > 0 ? pp.voltage()
                : part.logic() != null ? part.logic().level() : null;
        Drive drive = drive(p);
        boolean output = pp.type() == PinType.OUTPUT || drive.state() != 0;
        if (level == null || !output) {
            input(p, ground);
            return;
        }
        boolean high = drive.state() >= 0;
        String pin = port(p);
        String src = "VOUT_" + pin;
        String inner = "o_" + pin;
        body.add(Component.builder(src, ComponentKind.VOLTAGE_SOURCE).value(Value.of(high ? level : 0)).build(),
                inner, ground);
        body.add(Component.builder("ROUT_" + pin, ComponentKind.RESISTOR).value(Value.of(SpiceExport.OUTPUT_OHMS))
                .build(), inner, pin);
        String reason = (high ? "driven HIGH at " + num(level) + " V" : "driven LOW") + " through "
                + num(SpiceExport.OUTPUT_OHMS) + " Ohm: " + drive.reason();
        outputs.add(new SpiceDeck.DrivenOutput(f.ref(i), p, high ? level : 0, high,
                "v." + instance + "." + src.toLowerCase(Locale.ROOT) + "#branch", reason));
        notes.add(pin + " = " + f.label(i, p) + " " + reason);
    }

    private void input(int p, String ground) {
        body.add(Component.builder("RIN_" + port(p), ComponentKind.RESISTOR).value(Value.of(SpiceExport.INPUT_OHMS))
                .build(), port(p), ground);
    }

    private void load(int supply, String ground) {
        Double amps = part.current() == null ? null : part.current().typical();
        if (supply < 0 || amps == null || amps <= 0) {
            return;
        }
        PartPin pp = f.partPin(i, supply);
        Double volts = pp.voltage() != null && pp.voltage() > 0 ? pp.voltage()
                : pp.range() != null && pp.range().typical() != null ? pp.range().typical()
                : part.supply() != null ? part.supply().typical() : null;
        if (volts == null || volts <= 0) {
            return;
        }
        double ohms = volts / amps;
        body.add(Component.builder("RLOAD", ComponentKind.RESISTOR).value(Value.of(ohms)).build(), port(supply),
                ground);
        notes.add(port(supply) + " = " + f.label(i, supply) + ": supply current " + num(amps * 1000) + " mA typical at "
                + num(volts) + " V, as " + num(ohms) + " Ohm to ground");
    }

    /** What an output pin's state should be: +1 HIGH, -1 LOW, 0 not driven; and why, in words. */
    record Drive(int state, String reason) {
    }

    private enum Role { NONE, INPUT, CONTROL, LED_ANODE, LED_CATHODE }

    /**
     * Whether pin {@code p} drives something, looking at its net and, through one resistor, the net beyond: an LED
     * anode (HIGH), an LED cathode (LOW, sinking), a transistor's gate or base (HIGH), another part's input (HIGH).
     */
    Drive drive(int p) {
        int net = f.net(i, p);
        if (net < 0) {
            return new Drive(0, "");
        }
        Role best = Role.NONE;
        String why = "";
        int size = Math.min(f.netSize(net), SCAN);
        for (int k = 0; k < size; k++) {
            int j = f.netComponent(net, k);
            int q = f.netPin(net, k);
            if (j == i) {
                continue;
            }
            Role r = role(j, q);
            if (r.compareTo(best) > 0) {
                best = r;
                why = describe(r, j, q, null);
            }
            int beyond = f.kind(j) == ComponentKind.RESISTOR ? f.otherNet(j, q) : -1;
            if (beyond >= 0 && beyond != net) {
                int far = Math.min(f.netSize(beyond), SCAN);
                for (int m = 0; m < far; m++) {
                    int j2 = f.netComponent(beyond, m);
                    int q2 = f.netPin(beyond, m);
                    Role r2 = j2 == i || j2 == j ? Role.NONE : role(j2, q2);
                    if (r2.compareTo(best) > 0) {
                        best = r2;
                        why = describe(r2, j2, q2, f.ref(j));
                    }
                }
            }
        }
        return switch (best) {
            case NONE -> new Drive(pp(p).type() == PinType.OUTPUT ? 1 : 0, "an output, simulated HIGH");
            case LED_CATHODE -> new Drive(-1, why);
            default -> new Drive(1, why);
        };
    }

    private PartPin pp(int p) {
        return f.partPin(i, p);
    }

    private String describe(Role r, int j, int q, String through) {
        String what = switch (r) {
            case LED_ANODE -> "it drives LED " + f.ref(j);
            case LED_CATHODE -> "it sinks the current of LED " + f.ref(j);
            case CONTROL -> "it drives " + f.label(j, q);
            case INPUT -> "it drives the input " + f.label(j, q);
            case NONE -> "";
        };
        return through == null ? what : what + " through " + through;
    }

    private Role role(int j, int q) {
        Component c = f.component(j);
        ComponentKind kind = c.kind();
        Part other = f.part(j);
        ModelKind model = other == null || other.model() == null ? null : other.model().kind();
        if (kind == ComponentKind.LED || kind == ComponentKind.DIODE && model == ModelKind.LED) {
            return q == c.terminalIndex("A") ? Role.LED_ANODE : q == c.terminalIndex("K") ? Role.LED_CATHODE
                    : Role.NONE;
        }
        if (kind == ComponentKind.MOSFET && q == c.terminalIndex("G")
                || kind == ComponentKind.BJT && q == c.terminalIndex("B")) {
            return Role.CONTROL;
        }
        PartPin pin = f.partPin(j, q);
        if (kind.isPrimitive() || pin == null) {
            return Role.NONE;
        }
        if (model == ModelKind.LED) {
            return CATHODE.matcher(pin.name()).matches() ? Role.LED_CATHODE : Role.LED_ANODE;
        }
        if (model == ModelKind.MOSFET && ComponentKind.MOSFET.isTerminal("G", pin.name())
                || model == ModelKind.BJT && ComponentKind.BJT.isTerminal("B", pin.name())) {
            return Role.CONTROL;
        }
        return f.type(j, q) == PinType.INPUT ? Role.INPUT : Role.NONE;
    }

    /** A number for a SPICE expression or a comment: six significant digits, no exponent, no trailing zeros. */
    static String num(double v) {
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
