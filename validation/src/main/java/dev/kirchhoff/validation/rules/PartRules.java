package dev.kirchhoff.validation.rules;

import dev.kirchhoff.knowledge.Form;
import dev.kirchhoff.knowledge.ModelKind;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.knowledge.PinFlag;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;
import dev.kirchhoff.validation.BaseRule;
import dev.kirchhoff.validation.CircuitFacts;
import dev.kirchhoff.validation.Finding;
import dev.kirchhoff.validation.Findings;
import dev.kirchhoff.validation.Rule;
import dev.kirchhoff.validation.RuleGroup;
import dev.kirchhoff.validation.Severity;
import dev.kirchhoff.validation.rules.Devices.Role;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules of one group, in the order they run: how parts are driven and protected. */
public final class PartRules {

    private PartRules() {
    }

    /** This group's rules. */
    public static List<Rule> all() {
        return List.of(new LedResistor(), new LedCurrent(), new GpioCurrent(), new Flyback(), new MosfetGate(),
                new BjtBaseResistor(), new Decoupling(), new FloatingInput(), new LoadUnconnected(),
                new RequiredInputOpen());
    }

    /** The fixed parts of a rule of this group. */
    private abstract static class PartRule extends BaseRule {
        PartRule(String id, String title, String documentation) {
            super(id, RuleGroup.PARTS, title, documentation);
        }
    }

    /** An LED straight between two driven nets. */
    static final class LedResistor extends PartRule {
        LedResistor() {
            super("part.led-resistor", "LED without series resistance",
                    "An LED whose anode and cathode both sit directly on nets that hold a voltage (a rail, ground "
                            + "or a GPIO or timer output) with no resistor on either side: nothing but the pin's or "
                            + "supply's own limit sets its current, so the LED or the pin burns out. The finding "
                            + "proposes a resistor for about three quarters of the LED's rated current (and of the "
                            + "pin's limit). LEDs behind a transistor, in series strings or fed by a constant-current "
                            + "driver are not judged, nor are LEDs that can never be forward-biased (see "
                            + "power.polarity).");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            LedPaths.Table leds = LedPaths.table(f);
            for (int k = 0; k < leds.size(); k++) {
                LedPaths.Path path = leds.path(k);
                if (path == null || !path.bare()) {
                    continue;
                }
                int i = path.led();
                double vf = path.vf(f);
                double drive = path.drive();
                if (drive <= vf) {
                    continue;
                }
                double target = ratedCurrent(f, i);
                List<String> pins = new ArrayList<>(List.of(f.label(i, path.anode().pin()), f.label(i,
                        path.cathode().pin())));
                for (LedPaths.End e : new LedPaths.End[] {path.anode(), path.cathode()}) {
                    if (!e.level().rail()) {
                        pins.add(f.label(e.level().driver().component(), e.level().driver().pin()));
                        Double max = Signals.maxCurrent(f, e.level().driver());
                        if (max != null) {
                            target = Math.min(target, max);
                        }
                    }
                }
                double exact = (drive - vf) / (0.75 * target);
                out.add(Finding.error(id(), "LED " + Devices.name(f, i) + " sits straight between "
                                + path.anode().level().describe(f) + " and " + path.cathode().level().describe(f)
                                + " with no series resistor: " + Quantities.volts(drive) + " across an LED of Vf "
                                + Quantities.volts(vf) + " leaves nothing to limit its current")
                        .withComponents(f.ref(i)).withPins(pins)
                        .withNets(f.netName(f.net(i, path.anode().pin())), f.netName(f.net(i, path.cathode().pin())))
                        .withFix("add a resistor in series with " + f.ref(i) + ": (" + Quantities.volts(drive) + " - "
                                + Quantities.volts(vf) + ") / " + Quantities.amps(0.75 * target) + " = "
                                + Quantities.ohms(exact) + ", so " + Quantities.ohms(Quantities.e12AtLeast(exact))));
            }
        }
    }

    /** The LED's nominal current ({@code if}), else 20 mA. */
    private static double ratedCurrent(CircuitFacts f, int led) {
        Double nominal = Devices.parameter(f, led, "if");
        return nominal != null && nominal > 0 ? nominal : LedPaths.DEFAULT_IF_MAX;
    }

    /** LED and GPIO current through the actual series resistor. */
    static final class LedCurrent extends PartRule {
        LedCurrent() {
            super("part.led-current", "LED or GPIO current above its rating",
                    "For an LED fed through a series resistor from a net with a known level, computes the "
                            + "current I = (V - Vf) / R with V the rail or the driving pin's output level, Vf the "
                            + "LED part's forward voltage (2.0 V when unknown) and R the resistor's value, and "
                            + "reports an error when I exceeds the LED's ifMax (20 mA when unknown) or the maxCurrent "
                            + "of the GPIO that sources or sinks it. It takes the highest voltage the path can see, "
                            + "ignores the pin's own output resistance (which only lowers the current) and does "
                            + "not judge LEDs in series, in parallel on one resistor or behind a transistor.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            LedPaths.Table leds = LedPaths.table(f);
            for (int k = 0; k < leds.size(); k++) {
                LedPaths.Path path = leds.path(k);
                if (path == null || !path.complete()) {
                    continue;
                }
                int i = path.led();
                Double current = path.current(f);
                if (current == null || current <= 0) {
                    continue;
                }
                double vf = path.vf(f);
                double drive = path.drive();
                Double ifMaxParam = Devices.parameter(f, i, "ifMax");
                double ifMax = ifMaxParam != null && ifMaxParam > 0 ? ifMaxParam : LedPaths.DEFAULT_IF_MAX;
                if (current > ifMax + 1e-9) {
                    double r = Quantities.e12AtLeast((drive - vf) / ratedCurrent(f, i));
                    out.add(Finding.error(id(), "LED " + Devices.name(f, i) + " carries "
                                    + Quantities.amps(current) + " through " + path.resistors(f) + " from "
                                    + path.anode().level().describe(f) + " to " + path.cathode().level().describe(f)
                                    + " (Vf " + Quantities.volts(vf) + "); its rating is " + Quantities.amps(ifMax))
                            .withComponents(resistorRefs(f, path, f.ref(i))).withNets(nets(f, path))
                            .withFix("use " + Quantities.ohms(r) + " or more in series with " + f.ref(i)));
                }
                for (LedPaths.End e : new LedPaths.End[] {path.anode(), path.cathode()}) {
                    if (e.level().rail()) {
                        continue;
                    }
                    CircuitFacts.PinAt gpio = e.level().driver();
                    Double max = Signals.maxCurrent(f, gpio);
                    if (max == null || current <= max + 1e-9) {
                        continue;
                    }
                    String pin = f.label(gpio.component(), gpio.pin());
                    double r = Quantities.e12AtLeast((drive - vf) / max);
                    LedPaths.End other = e == path.anode() ? path.cathode() : path.anode();
                    out.add(Finding.error(id(), e.level().describe(f) + (e == path.anode() ? " sources " : " sinks ")
                                    + Quantities.amps(current) + " for LED " + Devices.name(f, i) + " through "
                                    + path.resistors(f) + (e == path.anode() ? " to " : " from ")
                                    + other.level().describe(f) + " (Vf " + Quantities.volts(vf)
                                    + "); the pin is rated " + Quantities.amps(max))
                            .withComponents(resistorRefs(f, path, f.ref(i))).withPins(pin).withNets(nets(f, path))
                            .withFix("use " + Quantities.ohms(r) + " or more in series with " + f.ref(i)
                                    + ", or switch the LED with a transistor"));
                }
            }
        }

        private static List<String> nets(CircuitFacts f, LedPaths.Path path) {
            return List.of(f.netName(path.anode().level().net()), f.netName(path.cathode().level().net()));
        }

        private static List<String> resistorRefs(CircuitFacts f, LedPaths.Path path, String led) {
            List<String> refs = new ArrayList<>(List.of(led));
            for (LedPaths.End e : new LedPaths.End[] {path.anode(), path.cathode()}) {
                if (e.resistor() >= 0) {
                    refs.add(f.ref(e.resistor()));
                }
            }
            return refs;
        }
    }

    /** Loads hung straight on a GPIO. */
    static final class GpioCurrent extends PartRule {
        GpioCurrent() {
            super("part.gpio-current", "Load above a GPIO's current limit",
                    "A GPIO or timer output whose part gives a maxCurrent must not feed a load that draws more: "
                            + "a motor, solenoid, fan, pump, buzzer or speaker (a knowledge-base actuator or audio "
                            + "device, with its typical current or, failing that, the current its resistance draws "
                            + "at the pin's level) wired straight to the pin with its other side on a rail or ground, "
                            + "or a resistor from the pin to a rail or ground whose value draws more than the limit "
                            + "in either output state. Such loads need a driver: a transistor, a logic-level MOSFET, "
                            + "a driver IC or a module. Relay and driver modules, whose inputs take a few mA, are "
                            + "not loads; LED currents are judged by part.led-current.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            Devices.Index index = Devices.index(f);
            for (int i : index.of(Role.LOAD)) {
                checkLoad(f, i, out);
            }
            for (int i : index.of(Role.RESISTOR)) {
                checkResistor(f, i, out);
            }
        }

        private void checkLoad(CircuitFacts f, int i, Findings out) {
            Part part = f.part(i);
            int pins = f.component(i).pins().size();
            boolean returns = false;
            for (int p = 0; p < pins; p++) {
                returns |= f.net(i, p) >= 0 && f.voltage(f.net(i, p)) != null;
            }
            if (!returns) {
                return;
            }
            for (int p = 0; p < pins; p++) {
                int net = f.net(i, p);
                PartPin pp = f.partPin(i, p);
                if (net < 0 || f.voltage(net) != null || pp == null || pp.type() != PinType.PASSIVE) {
                    continue;
                }
                CircuitFacts.PinAt gpio = Signals.driver(f, net);
                Double max = gpio == null ? null : Signals.maxCurrent(f, gpio);
                if (max == null) {
                    continue;
                }
                double volts = Signals.level(f, gpio.component(), gpio.pin());
                String draw;
                double amps;
                if (part.current() != null && (part.current().typical() != null || part.current().max() != null)) {
                    amps = part.current().typical() != null ? part.current().typical() : part.current().max();
                    draw = "draws about " + Quantities.amps(amps);
                    Double peak = part.current().max();
                    if (peak != null && peak > amps * 1.2) {
                        draw += " (up to " + Quantities.amps(peak) + ")";
                    }
                } else {
                    Double ohms = Devices.parameter(f, i, "resistance");
                    if (ohms == null || !(ohms > 0)) {
                        continue;
                    }
                    amps = volts / ohms;
                    draw = "would draw " + Quantities.amps(amps) + " (" + Quantities.volts(volts) + " across "
                            + Quantities.ohms(ohms) + ")";
                }
                if (amps <= max + 1e-9) {
                    continue;
                }
                String pin = f.label(gpio.component(), gpio.pin());
                out.add(Finding.error(id(), Devices.name(f, i) + " hangs straight on " + pin + " and " + draw
                                + "; the pin is rated " + Quantities.amps(max))
                        .withComponents(f.ref(i)).withPins(pin, f.label(i, p)).withNets(f.netName(net))
                        .withFix("switch " + f.ref(i) + " with a transistor or logic-level MOSFET (AO3400, IRLZ44N)"
                                + " driven from " + pin + ", with a flyback diode across inductive loads, or use a "
                                + "driver module"));
            }
        }

        private void checkResistor(CircuitFacts f, int r, Findings out) {
            Double ohms = f.value(r);
            if (ohms == null || !(ohms > 0)) {
                return;
            }
            for (int p = 0; p < 2; p++) {
                int net = f.net(r, p);
                int far = f.net(r, 1 - p);
                if (net < 0 || far < 0 || f.voltage(net) != null || f.voltage(far) == null) {
                    continue;
                }
                CircuitFacts.PinAt gpio = Signals.driver(f, net);
                Double max = gpio == null ? null : Signals.maxCurrent(f, gpio);
                if (max == null) {
                    continue;
                }
                double vg = Signals.level(f, gpio.component(), gpio.pin());
                double vr = f.voltage(far);
                double high = Math.abs(vg - vr) / ohms;
                double low = Math.abs(vr) / ohms;
                double amps = Math.max(high, low);
                if (amps <= max + 1e-9) {
                    continue;
                }
                String pin = f.label(gpio.component(), gpio.pin());
                String state = high >= low ? "high" : "low";
                out.add(Finding.error(id(), f.ref(r) + " = " + Quantities.ohms(ohms) + " from " + pin + " to "
                                + f.netName(far) + " draws " + Quantities.amps(amps) + " when the pin is " + state
                                + " (" + Quantities.volts(Math.max(Math.abs(vg - vr), Math.abs(vr)))
                                + " across it); the pin is rated " + Quantities.amps(max))
                        .withComponents(f.ref(r)).withPins(pin).withNets(f.netName(net), f.netName(far))
                        .withFix("use " + Quantities.ohms(Quantities.e12AtLeast(amps * ohms / max)) + " or more, or "
                                + "drive the load through a transistor"));
            }
        }
    }

    /** Inductive loads switched by a transistor without a freewheeling diode. */
    static final class Flyback extends PartRule {
        Flyback() {
            super("part.flyback", "Inductive load without a flyback diode",
                    "A motor, solenoid, fan, pump or inductor with one side on a rail (or ground) and the other on "
                            + "a net switched by a transistor needs a diode across it that is reverse-biased while "
                            + "the switch conducts: cathode on the supply side, anode on the switched side (for a "
                            + "high-side switch, cathode on the switched side and anode on ground). Without it the "
                            + "coil's current has nowhere to go at turn-off and the voltage spike destroys the "
                            + "transistor; a diode the wrong way round shorts the supply through the switch. A bare "
                            + "inductor is judged only when a GPIO drives its transistor (in transistor-level "
                            + "netlists inductors are tanks and chokes), and then any diode leading away from the "
                            + "switched node counts (a converter's rectifier); a Zener from the switched node to "
                            + "ground counts as a clamp. Relay and driver modules carry their own diode and are not judged, nor are "
                            + "loads driven by driver ICs or modules.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            Devices.Index index = Devices.index(f);
            for (int i : index.of(Role.INDUCTOR)) {
                check(f, i, Role.INDUCTOR, out);
            }
            for (int i : index.of(Role.LOAD)) {
                if (Devices.inductive(f, i, Role.LOAD)) {
                    check(f, i, Role.LOAD, out);
                }
            }
        }

        private void check(CircuitFacts f, int i, Role role, Findings out) {
            int n0 = f.net(i, 0);
            int n1 = f.net(i, 1);
            if (n0 < 0 || n1 < 0 || n0 == n1) {
                return;
            }
            int sw = -1;
            int supply = -1;
            int switcher = -1;
            for (int side = 0; side < 2 && sw < 0; side++) {
                int n = side == 0 ? n0 : n1;
                int o = side == 0 ? n1 : n0;
                Double vo = f.voltage(o);
                if (f.voltage(n) == null && vo != null && vo >= 0) {
                    switcher = transistorOn(f, n);
                    if (switcher >= 0) {
                        sw = n;
                        supply = o;
                    }
                }
            }
            // a bare inductor is a switched load only on a board, its transistor driven from a GPIO; in a
            // transistor-level netlist it is a tank, a choke or a converter's inductor
            if (sw < 0 || role == Role.INDUCTOR && Signals.driverNear(f, control(f, switcher)) == null) {
                return;
            }
            boolean lowSide = f.voltage(supply) > 0;
            int reversed = -1;
            boolean clamped = false;
            for (int k = 0; k < f.netSize(sw) && !clamped; k++) {
                int d = f.netComponent(sw, k);
                if (Devices.role(f, d) != Role.DIODE) {
                    continue;
                }
                int a = Devices.terminal(f, d, "A");
                int kk = Devices.terminal(f, d, "K");
                if (a < 0 || kk < 0) {
                    continue;
                }
                int na = f.net(d, a);
                int nk = f.net(d, kk);
                int towards = lowSide ? nk : na;
                int from = lowSide ? na : nk;
                if (from == sw && (towards == supply || role == Role.INDUCTOR)) {
                    clamped = true;
                } else if (Devices.zener(f, d) && nk == sw && na >= 0 && f.isGround(na)) {
                    clamped = true;
                } else if (towards == sw && from == supply) {
                    reversed = d;
                }
            }
            if (clamped) {
                return;
            }
            String load = Devices.name(f, i);
            String cathodeNet = f.netName(lowSide ? supply : sw);
            String anodeNet = f.netName(lowSide ? sw : supply);
            if (reversed >= 0) {
                out.add(Finding.error(id(), "Diode " + Devices.name(f, reversed) + " across " + load
                                + " is the wrong way round: its anode is on " + f.netName(lowSide ? supply : sw)
                                + ", so it shorts " + f.netName(supply) + " through " + f.ref(switcher)
                                + " whenever " + f.ref(switcher) + " conducts, and still clamps nothing")
                        .withComponents(f.ref(reversed), f.ref(i), f.ref(switcher))
                        .withNets(f.netName(supply), f.netName(sw))
                        .withFix("turn " + f.ref(reversed) + " round: cathode to " + cathodeNet + ", anode to "
                                + anodeNet));
                return;
            }
            out.add(Finding.error(id(), load + " is switched by " + Devices.name(f, switcher) + " on net "
                            + f.netName(sw) + " with no diode across it: when " + f.ref(switcher)
                            + " turns off, the coil's current forces a voltage spike that can destroy it")
                    .withComponents(f.ref(i), f.ref(switcher)).withNets(f.netName(supply), f.netName(sw))
                    .withFix("add a diode across " + f.ref(i) + " (1N4007, or a 1N5819 Schottky for PWM): "
                            + "cathode to " + cathodeNet + ", anode to " + anodeNet));
        }

        /** The net on a transistor's gate or base, or -1. */
        private static int control(CircuitFacts f, int transistor) {
            int pin = Devices.terminal(f, transistor, Devices.role(f, transistor) == Role.MOSFET ? "G" : "B");
            return pin < 0 ? -1 : f.net(transistor, pin);
        }

        /** A transistor whose collector, emitter, drain or source is on a small {@code net}, or -1. */
        private static int transistorOn(CircuitFacts f, int net) {
            if (f.netSize(net) > Signals.SCAN_LIMIT) {
                return -1;
            }
            for (int k = 0; k < f.netSize(net); k++) {
                int t = f.netComponent(net, k);
                int p = f.netPin(net, k);
                Role role = Devices.role(f, t);
                if (role == Role.BJT && p != Devices.terminal(f, t, "B")
                        || role == Role.MOSFET && p != Devices.terminal(f, t, "G")) {
                    return t;
                }
            }
            return -1;
        }
    }

    /** Gate drive of MOSFETs switched from a GPIO. */
    static final class MosfetGate extends PartRule {
        private static final Pattern GATE_VOLTS = Pattern.compile("(\\d+)V(\\d*)|(\\d)(\\d)");

        MosfetGate() {
            super("part.mosfet-gate", "MOSFET gate drive from a GPIO",
                    "For an N-channel MOSFET whose gate is driven from a GPIO, directly or through a gate "
                            + "resistor, compares the gate-source voltage the pin gives (its logic level minus the "
                            + "source's rail voltage) with the part's data: at or below the largest threshold "
                            + "(vthMax) the MOSFET may not turn on at all (error); below the lowest gate voltage at "
                            + "which the part specifies its on-resistance it is an error when that voltage is 8 V or "
                            + "more (a standard-level part such as the IRF540N, specified at 10 V, overheats half "
                            + "on) and a warning otherwise (a logic-level part run below its specified drive). It "
                            + "also warns when no resistor pulls the gate to the source or ground, which leaves the "
                            + "gate floating, and the load on, while the microcontroller boots. P-channel parts and "
                            + "MOSFETs without part data get only the pull-down check.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            for (int i : Devices.index(f).of(Role.MOSFET)) {
                int g = Devices.terminal(f, i, "G");
                int s = Devices.terminal(f, i, "S");
                int gate = g < 0 ? -1 : f.net(i, g);
                int source = s < 0 ? -1 : f.net(i, s);
                if (gate < 0 || source < 0 || f.netSize(gate) > Signals.SCAN_LIMIT || f.voltage(gate) != null) {
                    continue;
                }
                CircuitFacts.PinAt gpio = Signals.driverNear(f, gate);
                if (gpio == null) {
                    continue;
                }
                int driven = f.net(gpio.component(), gpio.pin());
                String pin = f.label(gpio.component(), gpio.pin());
                if (!Devices.pChannel(f, i) && f.voltage(source) != null) {
                    judgeDrive(f, i, gpio, Signals.level(f, gpio.component(), gpio.pin()) - f.voltage(source), out);
                }
                if (!pulledTo(f, gate, source) && (driven == gate || !pulledTo(f, driven, source))) {
                    out.add(Finding.warning(id(), "The gate of " + Devices.name(f, i) + " has no pull-down: while "
                                    + pin + " is not yet an output (reset, boot) the gate floats and the load may "
                                    + "switch on")
                            .withComponents(f.ref(i)).withPins(pin, f.label(i, g)).withNets(f.netName(gate))
                            .withFix("add 10 kΩ from " + f.netName(gate) + " to " + f.netName(source)));
                }
            }
        }

        private void judgeDrive(CircuitFacts f, int i, CircuitFacts.PinAt gpio, double vgs, Findings out) {
            Part part = f.part(i);
            if (part == null || part.model() == null) {
                return;
            }
            Map<String, Double> params = part.model().parameters();
            Double vthMax = params.containsKey("vthMax") ? params.get("vthMax") : params.get("vth");
            Double spec = specifiedGate(params);
            String pin = f.label(gpio.component(), gpio.pin());
            String name = Devices.name(f, i);
            Finding finding = null;
            if (vthMax != null && vgs <= vthMax) {
                finding = Finding.error(id(), pin + " gives " + name + " a gate voltage of " + Quantities.volts(vgs)
                        + ", but its threshold is up to " + Quantities.volts(vthMax) + ": it may not turn on at all");
            } else if (spec != null && vgs < spec - 1e-9 && spec >= 8) {
                finding = Finding.error(id(), name + " is not a logic-level MOSFET: its on-resistance is specified "
                        + "at VGS " + Quantities.volts(spec) + " only, and " + pin + " gives "
                        + Quantities.volts(vgs) + ", which leaves it half on and heating under load");
            } else if (spec != null && vgs < spec - 1e-9) {
                finding = Finding.warning(id(), pin + " gives " + name + " " + Quantities.volts(vgs) + " of gate "
                        + "drive, below the lowest VGS its on-resistance is specified at ("
                        + Quantities.volts(spec) + "): it conducts, but with more resistance than the datasheet "
                        + "promises");
            }
            if (finding != null) {
                String better = "a MOSFET whose on-resistance is specified at " + Quantities.volts(vgs) + " or less"
                        + (vgs >= 2.5 ? " (the AO3400 is specified at 2.5 V)" : "");
                out.add(finding.withComponents(f.ref(i)).withPins(pin)
                        .withFix(finding.severity() == Severity.WARNING
                                ? "check its on-resistance at " + Quantities.volts(vgs) + " in the datasheet curves "
                                        + "against the load current, or use " + better
                                : "use " + better + ", or drive the gate from a higher voltage through a gate "
                                        + "driver or a transistor stage"));
            }
        }

        /**
         * The lowest gate-source voltage at which the part states its on-resistance: {@code vgsRdsOn}, or the voltage
         * in a parameter name {@code rdsOn5V}, {@code rdsOn4V5} (4.5 V), {@code rdsOn25} (2.5 V).
         */
        static Double specifiedGate(Map<String, Double> params) {
            Double best = null;
            Double stated = params.get("vgsRdsOn");
            if (stated != null && stated > 0) {
                best = stated;
            }
            for (String key : params.keySet()) {
                if (!key.startsWith("rdsOn") || key.length() == 5) {
                    continue;
                }
                Matcher m = GATE_VOLTS.matcher(key.substring(5));
                if (!m.matches()) {
                    continue;
                }
                double v = m.group(1) != null
                        ? Double.parseDouble(m.group(1) + (m.group(2).isEmpty() ? "" : "." + m.group(2)))
                        : Double.parseDouble(m.group(3) + "." + m.group(4));
                if (best == null || v < best) {
                    best = v;
                }
            }
            return best;
        }

        /** Whether a resistor on small net {@code from} leads to {@code to} (or to ground when {@code to} is). */
        private static boolean pulledTo(CircuitFacts f, int from, int to) {
            if (from < 0 || f.netSize(from) > Signals.SCAN_LIMIT) {
                return true;
            }
            for (int k = 0; k < f.netSize(from); k++) {
                int r = f.netComponent(from, k);
                if (Devices.role(f, r) == Role.RESISTOR) {
                    int far = f.net(r, 1 - f.netPin(from, k));
                    if (far == to || far >= 0 && f.isGround(far) && f.isGround(to)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** BJT bases tied straight to a GPIO or a rail. */
    static final class BjtBaseResistor extends PartRule {
        BjtBaseResistor() {
            super("part.bjt-base-resistor", "BJT base without a series resistor",
                    "A bipolar transistor's base-emitter junction is a diode: with the emitter on a rail or "
                            + "ground, a base tied straight to a GPIO, or to a rail 1 V or more from the emitter in "
                            + "the forward direction, takes as much current as the pin or supply can give, which "
                            + "destroys the pin or the transistor. The base needs a series resistor (about 1 kOhm "
                            + "from a 3.3 V or 5 V pin to switch a few hundred mA). Bases fed through anything else "
                            + "(a resistor, a divider, another stage) and emitters that are not on a known rail "
                            + "(emitter followers with an emitter resistor) are not judged.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            for (int i : Devices.index(f).of(Role.BJT)) {
                int b = Devices.terminal(f, i, "B");
                int e = Devices.terminal(f, i, "E");
                int base = b < 0 ? -1 : f.net(i, b);
                int emitter = e < 0 ? -1 : f.net(i, e);
                if (base < 0 || emitter < 0 || base == emitter || f.voltage(emitter) == null) {
                    continue;
                }
                double ve = f.voltage(emitter);
                Double vb = f.voltage(base);
                if (vb != null) {
                    double forward = pnp(f, i) ? ve - vb : vb - ve;
                    if (forward < 1.0) {
                        continue;
                    }
                    out.add(Finding.error(id(), "The base of " + Devices.name(f, i) + " sits straight on "
                                    + f.netName(base) + " (" + Quantities.volts(vb) + ") with its emitter on "
                                    + f.netName(emitter) + ": the base-emitter junction is forward-biased across the "
                                    + "supply with nothing to limit its current")
                            .withComponents(f.ref(i)).withPins(f.label(i, b)).withNets(f.netName(base),
                                    f.netName(emitter))
                            .withFix("feed the base through a resistor (about 1 kΩ to 10 kΩ) from what should "
                                    + "switch it"));
                    continue;
                }
                CircuitFacts.PinAt gpio = Signals.driver(f, base);
                if (gpio == null) {
                    continue;
                }
                String pin = f.label(gpio.component(), gpio.pin());
                out.add(Finding.error(id(), "The base of " + Devices.name(f, i) + " is wired straight to " + pin
                                + " with its emitter on " + f.netName(emitter) + ": the base-emitter junction "
                                + "clamps the pin at about 0.7 V and draws all the current the pin can give")
                        .withComponents(f.ref(i)).withPins(pin, f.label(i, b)).withNets(f.netName(base))
                        .withFix("put about 1 kΩ between " + pin + " and the base of " + f.ref(i)));
            }
        }

        private static boolean pnp(CircuitFacts f, int i) {
            Part p = f.part(i);
            return p != null && p.model() != null && p.model().spice() != null && p.model().spice().contains("PNP(");
        }
    }

    /** ICs without a capacitor on their supply pins. */
    static final class Decoupling extends PartRule {
        Decoupling() {
            super("part.decoupling", "IC supply pin without a decoupling capacitor",
                    "Every supply pin of a bare chip (a knowledge-base part of form ic: a timer, op-amp, logic "
                            + "chip, sensor chip or regulator) should see a capacitor to ground on its net, usually "
                            + "100 nF; a regulator's input and output pins should have the capacitors its data "
                            + "names (cin, cout). Without one, supply noise and the chip's own switching spikes "
                            + "reach it undamped and regulators may oscillate. Modules and boards carry their own "
                            + "capacitors and are not judged. The rule only checks that such a capacitor exists on "
                            + "the net, not that there is one per chip or that it sits close to the pin.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            Devices.Index index = Devices.index(f);
            BitSet decoupled = null;
            for (int k = 0; k < index.supplyPins(); k++) {
                int i = index.supplyComponent(k);
                int p = index.supplyPin(k);
                Part part = f.part(i);
                PartPin pp = f.partPin(i, p);
                int net = f.net(i, p);
                if (part.form() != Form.IC || f.isGround(net) || !pp.can(PinFunction.POWER)
                        || pp.can(PinFunction.GROUND)) {
                    continue;
                }
                boolean regulator = part.model() != null && part.model().kind() == ModelKind.REGULATOR;
                boolean input = pp.type() == PinType.POWER_IN;
                if (!input && !(regulator && pp.type() == PinType.POWER_OUT) || seenBefore(f, i, p, net, true)) {
                    continue;
                }
                if (decoupled == null) {
                    decoupled = decoupledNets(f, index);
                }
                if (decoupled.get(net)) {
                    continue;
                }
                Double wanted = regulator ? Devices.parameter(f, i, input ? "cin" : "cout") : null;
                String cap = wanted != null ? Quantities.farads(wanted) : "100 nF";
                out.add(Finding.warning(id(), Devices.name(f, i) + " has no capacitor from "
                                + pp.name() + " (net " + f.netName(net) + ") to ground"
                                + (regulator ? ": the regulator may oscillate or pass supply noise"
                                : ": supply noise and the chip's own switching spikes reach it undamped"))
                        .withComponents(f.ref(i)).withPins(f.label(i, p)).withNets(f.netName(net))
                        .withFix("add " + cap + " from " + f.netName(net) + " to GND, close to " + f.label(i, p)
                                + (wanted != null ? " (the part's recommended " + (input ? "input" : "output")
                                + " capacitor)" : "")));
            }
        }

        /**
         * Whether an earlier pin of component {@code i} is on {@code net} (two VCC pins, or a button's two legs on
         * one net: one finding); with {@code power}, only earlier power pins count.
         */
        static boolean seenBefore(CircuitFacts f, int i, int p, int net, boolean power) {
            for (int q = 0; q < p; q++) {
                PartPin pp = f.partPin(i, q);
                if (f.net(i, q) == net && (!power || pp != null && pp.isPower())) {
                    return true;
                }
            }
            return false;
        }

        /** Nets with a capacitor to ground. */
        private static BitSet decoupledNets(CircuitFacts f, Devices.Index index) {
            BitSet out = new BitSet(f.netCount());
            for (int i : index.of(Role.CAPACITOR)) {
                int a = f.net(i, 0);
                int b = f.net(i, 1);
                if (a >= 0 && b >= 0) {
                    if (f.isGround(a)) {
                        out.set(b);
                    }
                    if (f.isGround(b)) {
                        out.set(a);
                    }
                }
            }
            return out;
        }
    }

    /** Buttons and switches on inputs without a pull resistor. */
    static final class FloatingInput extends PartRule {
        FloatingInput() {
            super("part.floating-input", "Switch input left floating",
                    "A push button or slide switch that connects a GPIO input to ground (or to a rail) leaves the "
                            + "input floating while it is open unless something pulls the net the other way: a "
                            + "resistor from the net to a rail or ground, or a pull-up on the module that reads it. "
                            + "A floating input reads noise and can oscillate. When the input pin has an internal "
                            + "pull-up (or pull-down) in the knowledge base the finding is only information: enable "
                            + "it in software. A switch that ties the net to ground and to a rail in its two "
                            + "positions is never floating, and buttons between two GPIOs (a scanned matrix) are "
                            + "not judged.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            for (int i : Devices.index(f).of(Role.SWITCH)) {
                int pins = f.component(i).pins().size();
                boolean toGround = false;
                boolean toRail = false;
                for (int p = 0; p < pins; p++) {
                    int net = f.net(i, p);
                    if (net >= 0 && f.voltage(net) != null) {
                        toGround |= f.isGround(net);
                        toRail |= f.voltage(net) > 0;
                    }
                }
                if (toGround == toRail) {
                    continue;
                }
                for (int p = 0; p < pins; p++) {
                    int net = f.net(i, p);
                    if (net < 0 || f.voltage(net) != null || f.netSize(net) > Signals.SCAN_LIMIT
                            || Decoupling.seenBefore(f, i, p, net, false)) {
                        continue;
                    }
                    checkNet(f, i, net, toGround, out);
                }
            }
        }

        private void checkNet(CircuitFacts f, int sw, int net, boolean toGround, Findings out) {
            CircuitFacts.PinAt input = null;
            for (int k = 0; k < f.netSize(net); k++) {
                int c = f.netComponent(net, k);
                int p = f.netPin(net, k);
                Role role = Devices.role(f, c);
                if (role == Role.RESISTOR) {
                    int far = f.net(c, 1 - p);
                    if (far >= 0 && far != net && f.voltage(far) != null) {
                        return;
                    }
                }
                PartPin pp = f.partPin(c, p);
                Part part = f.part(c);
                if (pp != null && part != null && part.onboard() != null && part.onboard().pulledUp(pp.name())) {
                    return;
                }
                if (input == null && c != sw && Signals.reads(f, c, p)) {
                    input = new CircuitFacts.PinAt(c, p);
                }
            }
            if (input == null) {
                return;
            }
            PartPin pp = f.partPin(input.component(), input.pin());
            String pin = f.label(input.component(), input.pin());
            boolean internal = pp.has(toGround ? PinFlag.INTERNAL_PULLUP : PinFlag.INTERNAL_PULLDOWN);
            String pull = toGround ? "pull-up" : "pull-down";
            String message = Devices.name(f, sw) + " connects " + pin + " to " + (toGround ? "ground" : "a rail")
                    + ", but nothing holds net " + f.netName(net) + " " + (toGround ? "high" : "low")
                    + " while it is open: the input floats and reads noise";
            Finding finding = internal
                    ? Finding.info(id(), message + " unless the pin's internal " + pull + " is enabled")
                            .withFix("enable the internal " + pull + " ("
                                    + (toGround ? "INPUT_PULLUP" : "INPUT_PULLDOWN")
                                    + ") on " + pin)
                    : Finding.warning(id(), message)
                            .withFix("add 10 kΩ from " + f.netName(net) + " to " + (toGround
                                    ? "the " + Quantities.volts(Signals.level(f, input.component(), input.pin()))
                                    + " rail (a pull-up)" : "GND (a pull-down)"));
            out.add(finding.withComponents(f.ref(sw)).withPins(pin).withNets(f.netName(net)));
        }
    }

    /** {@code part.load-unconnected}: a motor, fan, pump, solenoid, relay or servo wired on some pins but not all. */
    static final class LoadUnconnected extends PartRule {
        private static final Pattern CONTACT = Pattern.compile("(?i)(COM|NO|NC|AC)\\d*");

        LoadUnconnected() {
            super("part.load-unconnected", "Actuator with a terminal left open",
                    "An actuator device (a motor, stepper, fan, pump, solenoid, bare relay or servo) that has at "
                            + "least one pin connected but another of its terminals on no net, or alone on a net of "
                            + "its own: a stepper with a coil wire open does not turn, a servo without its signal "
                            + "does not move, a fan with one lead open never runs, so the design does not work. Pins "
                            + "the knowledge base marks optional or no-connect are not judged, nor are switch "
                            + "contacts (COM, NO, NC, AC terminals), which carry a load outside the design, nor "
                            + "modules, whose contacts and spare channels may stay open.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            for (int i = 0; i < f.componentCount(); i++) {
                Part part = f.part(i);
                if (part == null || part.category() != dev.kirchhoff.knowledge.Category.ACTUATOR
                        || part.form() != Form.DEVICE) {
                    continue;
                }
                int pins = f.component(i).pins().size();
                List<String> open = new ArrayList<>();
                boolean anyConnected = false;
                for (int p = 0; p < pins; p++) {
                    PartPin pp = f.partPin(i, p);
                    int net = f.net(i, p);
                    boolean alone = net < 0 || f.netSize(net) <= 1;
                    if (!alone) {
                        anyConnected = true;
                        continue;
                    }
                    if (pp == null || pp.has(PinFlag.OPTIONAL) || f.type(i, p) == PinType.NO_CONNECT
                            || pp.type() == PinType.NO_CONNECT || CONTACT.matcher(pp.name()).matches()) {
                        continue;
                    }
                    open.add(f.label(i, p));
                }
                if (!anyConnected || open.isEmpty()) {
                    continue;
                }
                String name = Devices.name(f, i);
                out.add(Finding.error(id(), name + " (" + part.id() + ") is wired on some pins but "
                                + String.join(", ", open) + (open.size() == 1 ? " is" : " are")
                                + " left open: the load cannot work with a terminal unconnected")
                        .withFix("connect " + String.join(", ", open) + " to " + (part.model() != null
                                && part.model().kind() == ModelKind.MOTOR && open.size() > 1
                                ? "the outputs of a driver module (a stepper's coil wires go to the driver's "
                                + "coil outputs in phase order)" : "its driver output, supply or control signal"))
                        .withComponents(f.ref(i)).withPins(open.toArray(String[]::new)));
            }
        }
    }

    /**
     * {@code part.required-input-open}: an input the knowledge base marks must-drive (a stepper driver's RESET or
     * SLEEP) left open on a part that is otherwise wired.
     */
    static final class RequiredInputOpen extends PartRule {
        RequiredInputOpen() {
            super("part.required-input-open", "Input the part needs left open",
                    "A part from the knowledge base that is wired on some pins but has an input marked must-drive "
                            + "on no net, alone on a net of its own, or on a net of nothing but must-drive inputs: "
                            + "open, such a pin reads the level that stops the part, so the design cannot work. "
                            + "A DRV8825 carrier's RST and SLP are pulled down inside the chip and an A4988 "
                            + "carrier's RESET floats: left open, the driver stays in reset and the motor never "
                            + "turns; RST tied only to SLP is still low. pintype.input-undriven stays silent on "
                            + "these, because it judges nets of two or more pins. The pin's notes in the knowledge "
                            + "base say what it wants (tie it to SLEEP and logic high, drive it from a GPIO); "
                            + "pins the board holds at their working level (the A4988 carrier's SLEEP pull-up, "
                            + "the L298N's ENA jumper) and pins whose open level is the working one (a DRV8825's "
                            + "EN) carry no must-drive flag and are not judged.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            for (int i = 0; i < f.componentCount(); i++) {
                Part part = f.part(i);
                if (part == null || part.pins().stream().noneMatch(pp -> pp.has(PinFlag.MUST_DRIVE))) {
                    continue;
                }
                int pins = f.component(i).pins().size();
                boolean anyConnected = false;
                List<Integer> open = new ArrayList<>();
                for (int p = 0; p < pins; p++) {
                    int net = f.net(i, p);
                    if (net >= 0 && f.netSize(net) > 1) {
                        anyConnected = true;
                    }
                    PartPin pp = f.partPin(i, p);
                    if (pp != null && pp.has(PinFlag.MUST_DRIVE) && (net < 0 || onlyMustDrive(f, net))) {
                        open.add(p);
                    }
                }
                if (!anyConnected) {
                    continue;
                }
                for (int p : open) {
                    PartPin pp = f.partPin(i, p);
                    int net = f.net(i, p);
                    String pin = f.label(i, p);
                    String where = net < 0 || f.netSize(net) <= 1 ? "is on no net"
                            : "is on net " + f.netName(net) + " with nothing that drives it";
                    String level = pp.has(PinFlag.ACTIVE_LOW) ? "high" : "its working level";
                    Finding finding = Finding.error(id(), Devices.name(f, i) + " input " + pin + " " + where
                            + ": " + part.id() + " does nothing unless " + pp.name() + " is held " + level
                            + (pp.notes() == null ? "" : " (" + pp.notes() + ")"))
                            .withFix("tie " + pin + " " + level + (pp.has(PinFlag.ACTIVE_LOW)
                                    ? " (to the logic rail, or with the other pins its notes name)" : "")
                                    + " or drive it from a controller pin")
                            .withComponents(f.ref(i)).withPins(pin);
                    out.add(net >= 0 && f.netSize(net) > 1 ? finding.withNets(f.netName(net)) : finding);
                }
            }
        }

        /** Whether every pin on the net is a must-drive input: nothing on it sets a level. */
        private static boolean onlyMustDrive(CircuitFacts f, int net) {
            for (int k = 0; k < f.netSize(net); k++) {
                PartPin q = f.partPin(f.netComponent(net, k), f.netPin(net, k));
                if (q == null || !q.has(PinFlag.MUST_DRIVE)) {
                    return false;
                }
            }
            return true;
        }
    }
}
