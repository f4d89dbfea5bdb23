package dev.kirchhoff.validation.rules;

import dev.kirchhoff.knowledge.ModelKind;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.knowledge.PinFlag;
import dev.kirchhoff.knowledge.VoltageRange;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;
import dev.kirchhoff.validation.BaseRule;
import dev.kirchhoff.validation.CircuitFacts;
import dev.kirchhoff.validation.Finding;
import dev.kirchhoff.validation.Findings;
import dev.kirchhoff.validation.Rails;
import dev.kirchhoff.validation.Rule;
import dev.kirchhoff.validation.RuleGroup;
import dev.kirchhoff.validation.rules.Devices.Role;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Supplier;

/** The rules of one group, in the order they run: rails, supply ranges, logic levels, budgets and polarity. */
public final class PowerRules {

    private PowerRules() {
    }

    /** This group's rules. */
    public static List<Rule> all() {
        return List.of(new RailShort(), new SupplyRange(), new LoadVoltage(), new RegulatorDropout(),
                new LogicLevel(), new CurrentBudget(), new Polarity());
    }

    /** The fixed parts of a rule of this group. */
    private abstract static class PowerRule extends BaseRule {
        PowerRule(String id, String title, String documentation) {
            super(id, RuleGroup.POWER, title, documentation);
        }
    }

    /** {@code uno:5V} from a setter description {@code uno:5V (5 V output of arduino-uno-r3)}. */
    private static String subject(String setter) {
        int space = setter.indexOf(' ');
        return space < 0 ? setter : setter.substring(0, space);
    }

    /** Two supplies on one net, or a supply's terminals on one net. */
    static final class RailShort extends PowerRule {
        RailShort() {
            super("power.rail-short", "Rails shorted together",
                    "Two things that set a voltage (a board's or regulator's power output, a battery, a DC "
                            + "voltage source, a ground pin) on one net at voltages more than 5 % apart fight each "
                            + "other: a supply shorted to ground or to another rail, which trips fuses, overheats "
                            + "regulators and can destroy the parts. A voltage source or a part's power output whose "
                            + "two terminals sit on one net is a direct short. Nets that only carry a voltage in "
                            + "their name are not setters, and two outputs at the same voltage are left to the "
                            + "pin-type rules.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            BitSet reported = new BitSet();
            for (Rails.Conflict c : f.rails().conflicts()) {
                if (reported.get(c.net())) {
                    continue;
                }
                reported.set(c.net());
                String net = f.netName(c.net());
                boolean ground = c.firstVolts() == 0 || c.secondVolts() == 0;
                String message = ground
                        ? "Net " + net + " is tied to ground by " + (c.firstVolts() == 0 ? c.first() : c.second())
                                + " and to " + Quantities.volts(c.firstVolts() == 0 ? c.secondVolts()
                                : c.firstVolts()) + " by " + (c.firstVolts() == 0 ? c.second() : c.first())
                                + ": the supply is shorted to ground"
                        : "Net " + net + " is set to " + Quantities.volts(c.firstVolts()) + " by " + c.first()
                                + " and to " + Quantities.volts(c.secondVolts()) + " by " + c.second()
                                + ": the two supplies are shorted together";
                out.add(Finding.error(id(), message).withNets(net).withPins(pinsOf(c)).withComponents(refsOf(c))
                        .withFix("give each supply its own net; connect only their grounds"));
            }
            Devices.Index index = Devices.index(f);
            for (int i : index.of(Role.SOURCE)) {
                report(f, i, sourceShorted(f, i), reported, out);
            }
            for (int k = 0; k < index.supplyPins(); k++) {
                report(f, index.supplyComponent(k), outputShorted(f, index.supplyComponent(k), index.supplyPin(k)),
                        reported, out);
            }
        }

        private void report(CircuitFacts f, int i, int shorted, BitSet reported, Findings out) {
            if (shorted >= 0 && !reported.get(shorted)) {
                reported.set(shorted);
                out.add(Finding.error(id(), Devices.name(f, i) + " has both terminals on net "
                                + f.netName(shorted) + ": its output is shorted")
                        .withComponents(f.ref(i)).withNets(f.netName(shorted))
                        .withFix("connect the two terminals of " + f.ref(i) + " to different nets"));
            }
        }

        private static List<String> pinsOf(Rails.Conflict c) {
            List<String> out = new ArrayList<>();
            for (String s : new String[] {subject(c.first()), subject(c.second())}) {
                if (s.contains(":")) {
                    out.add(s);
                }
            }
            return out;
        }

        private static List<String> refsOf(Rails.Conflict c) {
            List<String> out = new ArrayList<>();
            for (String s : new String[] {subject(c.first()), subject(c.second())}) {
                String ref = s.contains(":") ? s.substring(0, s.indexOf(':')) : s;
                if (!ref.isEmpty() && !ref.equals("ground") && !ref.equals("the") && !out.contains(ref)) {
                    out.add(ref);
                }
            }
            return out;
        }

        /** The net both terminals of a DC source share, or -1. */
        private static int sourceShorted(CircuitFacts f, int i) {
            Component c = f.component(i);
            int plus = c.terminalIndex("+");
            int minus = c.terminalIndex("-");
            if (plus < 0 || minus < 0 || f.net(i, plus) < 0 || f.net(i, plus) != f.net(i, minus)) {
                return -1;
            }
            Double v = Rails.dc(c.value());
            return v != null && v != 0 ? f.net(i, plus) : -1;
        }

        /** The net a part's power output {@code p} shares with one of the part's ground pins, or -1. */
        private static int outputShorted(CircuitFacts f, int i, int p) {
            PartPin pp = f.partPin(i, p);
            int net = f.net(i, p);
            if (pp.type() != PinType.POWER_OUT || pp.voltage() == null || pp.voltage() == 0) {
                return -1;
            }
            int pins = f.component(i).pins().size();
            for (int q = 0; q < pins; q++) {
                PartPin g = f.partPin(i, q);
                if (q != p && g != null && g.can(PinFunction.GROUND) && f.net(i, q) == net) {
                    return net;
                }
            }
            return -1;
        }
    }

    /** Whether a part's pin is a supply input: power_in, not ground. */
    private static boolean supplyInput(PartPin pp) {
        return pp != null && pp.type() == PinType.POWER_IN && !pp.can(PinFunction.GROUND)
                && (pp.voltage() == null || pp.voltage() != 0);
    }

    /**
     * Whether {@code power.regulator-dropout} judges this pin: the supply input of a regulator whose model gives
     * its output voltage and dropout.
     */
    private static boolean regulatorInput(CircuitFacts f, int i, PartPin pp) {
        Part part = f.part(i);
        return supplyInput(pp) && part != null && part.model() != null
                && part.model().kind() == ModelKind.REGULATOR && part.model().parameters().containsKey("vout")
                && part.model().parameters().containsKey("dropout");
    }

    /** Supply pins outside their allowed range. */
    static final class SupplyRange extends PowerRule {
        SupplyRange() {
            super("power.supply-range", "Supply pin outside its allowed range",
                    "Every supply input (a power_in pin that is not ground) of a knowledge-base part on a net whose "
                            + "voltage is known must lie inside the pin's allowed range, or the part's supply range "
                            + "when the pin gives none: 5 V on a 3.3 V-only module or 12 V on a 5 V pin destroys it, "
                            + "and a 5 V relay or a 7 V-minimum VIN on 3.3 V or 5 V does not work. Regulator inputs "
                            + "whose dropout is known are judged by power.regulator-dropout instead. Pins on nets "
                            + "of unknown voltage, on ground, and parts without ranges are not judged.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            Devices.Index index = Devices.index(f);
            for (int k = 0; k < index.supplyPins(); k++) {
                int i = index.supplyComponent(k);
                int p = index.supplyPin(k);
                Part part = f.part(i);
                PartPin pp = f.partPin(i, p);
                int net = f.net(i, p);
                if (!supplyInput(pp) || f.isGround(net) || regulatorInput(f, i, pp)) {
                    continue;
                }
                Double v = f.voltage(net);
                VoltageRange range = pp.range() != null ? pp.range() : part.supply();
                if (v == null || range == null || range.contains(v)) {
                    continue;
                }
                boolean low = range.min() != null && v < range.min();
                out.add(Finding.error(id(), f.label(i, p) + " of " + Devices.name(f, i) + " is on "
                                + f.netName(net) + " at " + Quantities.volts(v) + ", set by " + f.rails().setBy(net)
                                + ", " + (low ? "below its minimum of " + Quantities.volts(range.min())
                                : "above its maximum of " + Quantities.volts(range.max()))
                                + (low ? ": it will not work reliably" : ": it will be damaged"))
                        .withComponents(f.ref(i)).withPins(f.label(i, p)).withNets(f.netName(net))
                        .withFix("feed " + f.label(i, p) + " from a rail between " + bounds(range)
                                + (low ? "" : ", e.g. through a regulator")));
            }
        }
    }

    /** {@code 4.5 V and 5.5 V}, {@code 7 V and up} or {@code 0 V and 5.5 V}. */
    private static String bounds(VoltageRange r) {
        if (r.min() != null && r.max() != null) {
            return Quantities.volts(r.min()) + " and " + Quantities.volts(r.max());
        }
        return r.min() != null ? Quantities.volts(r.min()) + " and up" : "0 V and " + Quantities.volts(r.max());
    }

    /** A two-terminal load (fan, motor, pump, solenoid, buzzer) across a voltage outside its rating. */
    static final class LoadVoltage extends PowerRule {
        LoadVoltage() {
            super("power.load-voltage", "Load across a voltage outside its rating",
                    "A two-terminal load from the knowledge base (a fan, DC motor, pump, solenoid or active buzzer: "
                            + "a device whose two pins are passive and whose part gives a supply range) must see a "
                            + "voltage inside that range when it is on. The voltage across it is the difference of "
                            + "its two nets when both are known, or the rail on one side when the other side goes "
                            + "to ground or to the drain or collector of a transistor whose source or emitter is on "
                            + "ground (a low-side switch, taken as fully on). Above the maximum (a 12 V fan on 24 V) "
                            + "is an error: the load overheats or burns out; below the minimum is a warning: it may "
                            + "not start. Loads driven through modules (relay contacts, H-bridges) and loads with "
                            + "more than two pins are not judged here.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            for (int i = 0; i < f.componentCount(); i++) {
                Part part = f.part(i);
                Component c = f.component(i);
                if (part == null || part.supply() == null || c.pins().size() != 2 || !f.binding(i).curated()
                        || f.type(i, 0) != PinType.PASSIVE || f.type(i, 1) != PinType.PASSIVE) {
                    continue;
                }
                int a = f.net(i, 0);
                int b = f.net(i, 1);
                if (a < 0 || b < 0 || a == b) {
                    continue;
                }
                Double across = across(f, a, b);
                if (across == null) {
                    continue;
                }
                VoltageRange range = part.supply();
                String what = c.ref() + " (" + part.id() + ")";
                String nets = f.netName(a) + " and " + f.netName(b);
                if (range.max() != null && across > range.max() * 1.05) {
                    out.add(Finding.error(id(), what + " sees " + Quantities.volts(across) + " across " + nets
                                    + " when on, above its rated maximum of " + Quantities.volts(range.max())
                                    + ": it overheats or burns out")
                            .withComponents(c.ref()).withNets(f.netName(a), f.netName(b))
                            .withFix("power " + c.ref() + " from a rail of " + Quantities.volts(range.typical())
                                    + ", or choose a load rated for " + Quantities.volts(across)));
                } else if (range.min() != null && across < range.min() * 0.95) {
                    out.add(Finding.warning(id(), what + " sees " + Quantities.volts(across) + " across " + nets
                                    + " when on, below its rated minimum of " + Quantities.volts(range.min())
                                    + ": it may not start")
                            .withComponents(c.ref()).withNets(f.netName(a), f.netName(b))
                            .withFix("power " + c.ref() + " from a rail of " + Quantities.volts(range.typical())));
                }
            }
        }

        /** The voltage across a load between nets {@code a} and {@code b} when on, or {@code null}. */
        private static Double across(CircuitFacts f, int a, int b) {
            Double va = f.voltage(a);
            Double vb = f.voltage(b);
            if (va != null && vb != null) {
                return Math.abs(va - vb);
            }
            if (va != null && va > 0 && lowSideSwitch(f, b)) {
                return va;
            }
            if (vb != null && vb > 0 && lowSideSwitch(f, a)) {
                return vb;
            }
            return null;
        }

        /** Whether {@code net} holds the drain or collector of a transistor whose source or emitter is on ground. */
        private static boolean lowSideSwitch(CircuitFacts f, int net) {
            for (int k = 0; k < f.netSize(net); k++) {
                int i = f.netComponent(net, k);
                int p = f.netPin(net, k);
                String[] pair = terminals(f, i);
                if (pair == null || !f.pin(i, p).name().equalsIgnoreCase(pair[0])
                        && !f.component(i).kind().isTerminal(pair[0], f.pin(i, p).name())) {
                    continue;
                }
                int low = f.component(i).pinIndex(pair[1]);
                if (low >= 0 && f.net(i, low) >= 0 && f.isGround(f.net(i, low))) {
                    return true;
                }
            }
            return false;
        }

        /** The switched and common terminal names of a transistor ({@code D}, {@code S} or {@code C}, {@code E}). */
        private static String[] terminals(CircuitFacts f, int i) {
            ComponentKind kind = f.kind(i);
            if (kind == ComponentKind.MOSFET) {
                return new String[] {"D", "S"};
            }
            if (kind == ComponentKind.BJT) {
                return new String[] {"C", "E"};
            }
            Part part = f.part(i);
            if (part != null && part.model() != null) {
                if (part.model().kind() == ModelKind.MOSFET) {
                    return new String[] {"D", "S"};
                }
                if (part.model().kind() == ModelKind.BJT) {
                    return new String[] {"C", "E"};
                }
            }
            return null;
        }
    }

    /** Linear and switching regulators fed outside their input window. */
    static final class RegulatorDropout extends PowerRule {
        RegulatorDropout() {
            super("power.regulator-dropout", "Regulator input below dropout or above its maximum",
                    "A regulator (LM7805, AMS1117, LM2940, a buck module) whose model gives its output voltage "
                            + "and dropout needs an input of at least output + dropout: an LM7805 needs 7 V, so from "
                            + "5 V or a sagging 6 V pack its output falls out of regulation (error). Between the "
                            + "typical and the worst-case dropout it is a warning. An input above the part's "
                            + "vinMax (else the pin's or part's maximum) is an error. Regulators without a known "
                            + "output and dropout (an LM317, a boost module) are left to power.supply-range.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            Devices.Index index = Devices.index(f);
            for (int k = 0; k < index.supplyPins(); k++) {
                int i = index.supplyComponent(k);
                int p = index.supplyPin(k);
                int net = f.net(i, p);
                if (!f.isGround(net) && regulatorInput(f, i, f.partPin(i, p)) && f.voltage(net) != null) {
                    judge(f, i, p, f.voltage(net), out);
                }
            }
        }

        private void judge(CircuitFacts f, int i, int p, double vin, Findings out) {
            Part part = f.part(i);
            double vout = Devices.parameter(f, i, "vout");
            double dropout = Devices.parameter(f, i, "dropout");
            Double worst = Devices.parameter(f, i, "dropoutMax");
            Double vinMax = Devices.parameter(f, i, "vinMax");
            if (vinMax == null) {
                PartPin pp = f.partPin(i, p);
                VoltageRange r = pp.range() != null ? pp.range() : part.supply();
                vinMax = r == null ? null : r.max();
            }
            String pin = f.label(i, p);
            int net = f.net(i, p);
            String at = pin + " of " + Devices.name(f, i) + " is on " + f.netName(net) + " at " + Quantities.volts(vin);
            Finding finding = null;
            if (vin < vout + dropout - 1e-9) {
                finding = Finding.error(id(), at + ", below " + Quantities.volts(vout + dropout) + " ("
                        + Quantities.volts(vout) + " out + " + Quantities.volts(dropout) + " dropout): the output "
                        + "falls out of regulation, to about " + Quantities.volts(Math.max(0, vin - dropout)))
                        .withFix("feed it " + Quantities.volts(vout + (worst != null ? worst : dropout))
                                + " or more, or use a low-dropout regulator (LM2940-5 needs 0.5 V, AMS1117 1.1 V)");
            } else if (worst != null && vin < vout + worst - 1e-9) {
                finding = Finding.warning(id(), at + ", less than " + Quantities.volts(vout + worst) + " ("
                        + Quantities.volts(vout) + " out + " + Quantities.volts(worst) + " worst-case dropout): it "
                        + "may drop out of regulation at full load")
                        .withFix("feed it " + Quantities.volts(vout + worst) + " or more");
            } else if (vinMax != null && vin > vinMax + 1e-9) {
                finding = Finding.error(id(), at + ", above its maximum input of " + Quantities.volts(vinMax))
                        .withFix("feed it at most " + Quantities.volts(vinMax) + ", or step down in two stages");
            }
            if (finding != null) {
                out.add(finding.withComponents(f.ref(i)).withPins(pin).withNets(f.netName(net)));
            }
        }
    }

    /** How many pins or loads a finding names before it counts the rest. */
    private static final int NAMED = 8;

    /** 5 V outputs into 3.3 V inputs, and 3.3 V outputs too weak for 5 V inputs. */
    static final class LogicLevel extends PowerRule {
        LogicLevel() {
            super("power.logic-level", "Logic levels that do not match",
                    "On each net, a digital output of a 5 V part (pin voltage or logic level of 4.5 V or more) "
                            + "must not reach an input of a 3.3 V part (3.6 V or less) that is not 5 V tolerant "
                            + "(by its part's logic data or the pin's flag) and not on a module with on-board level "
                            + "shifting: the input's protection diodes conduct and the chip is slowly or quickly "
                            + "destroyed (error). The same holds for such an input tied to a rail of 4.5 V or more, "
                            + "and for an I2C line (a net whose signal pins can all do I2C) pulled up to 5 V by a "
                            + "resistor, since the pull-ups rather than the outputs set its level. A 3.3 V output driving a 5 V input whose VIH is above 90 % of 3.3 V, directly or "
                            + "through one series resistor, may not read as high (warning). A divider (1 kOhm over 2 kOhm) or a level shifter between "
                            + "the two fixes both; pins without level data are not judged.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            BitSet nets = Devices.index(f).signalNets();
            for (int net = nets.nextSetBit(0); net >= 0; net = nets.nextSetBit(net + 1)) {
                if (f.netSize(net) > 1 && !f.isGround(net)) {
                    checkNet(f, net, out);
                }
            }
        }

        private void checkNet(CircuitFacts f, int net, Findings out) {
            Double rail = f.voltage(net);
            CircuitFacts.PinAt high = null;
            CircuitFacts.PinAt low = null;
            boolean i2c = true;
            double pullUp = 0;
            for (int k = 0; k < f.netSize(net); k++) {
                int i = f.netComponent(net, k);
                int p = f.netPin(net, k);
                PartPin pp = f.partPin(i, p);
                if (pp == null || pp.type() == PinType.PASSIVE) {
                    if (Devices.role(f, i) == Role.RESISTOR) {
                        int far = f.net(i, 1 - p);
                        Double v = far < 0 ? null : f.voltage(far);
                        pullUp = v != null ? Math.max(pullUp, v) : pullUp;
                    }
                    continue;
                }
                pp = signal(f, i, p);
                if (pp == null || !inputs(pp) && !outputs(pp)) {
                    continue;
                }
                i2c &= pp.can(PinFunction.I2C_SDA) || pp.can(PinFunction.I2C_SCL);
                double level = Signals.level(f, i, p);
                if (outputs(pp) && level >= 4.5 && high == null) {
                    high = new CircuitFacts.PinAt(i, p);
                } else if (outputs(pp) && level > 0 && level <= 3.6 && low == null) {
                    low = new CircuitFacts.PinAt(i, p);
                }
            }
            // what puts 5 V on the net: the rail itself, an I2C pull-up, or an output (described only when needed)
            Supplier<String> source = null;
            String name = f.netName(net);
            if (rail != null && rail >= 4.5) {
                source = () -> "Net " + name + " is a " + Quantities.volts(rail) + " rail, set by "
                        + f.rails().setBy(net);
                high = null;
            } else if (i2c && high != null && pullUp >= 4.5) {
                double volts = pullUp;
                source = () -> "I2C line " + name + " is pulled up to " + Quantities.volts(volts);
            } else if (!i2c && high != null) {
                CircuitFacts.PinAt out5 = high;
                source = () -> "Net " + name + " is driven to " + Quantities.volts(Signals.level(f,
                        out5.component(), out5.pin())) + " by " + f.label(out5.component(), out5.pin()) + " ("
                        + f.part(out5.component()).id() + ")";
            }
            if (low == null && high == null && rail == null && pullUp == 0) {
                // a series resistor (a 330 Ω into a WS2812's DIN, a 1 kΩ guard) does not raise a 3.3 V high
                low = seriesFed(f, net);
            }
            // a level shifter fixes both directions: one finding per net
            boolean fragile = source != null && reportFragileInputs(f, net, source, high, out);
            if (!fragile && low != null && rail == null && !i2c) {
                reportWeakHighs(f, net, low, Signals.level(f, low.component(), low.pin()) * 0.9, out);
            } else if (!fragile && low != null && rail == null && pullUp > 0) {
                // an I2C line is high at its pull-up rail, with no output stage dropping it
                reportWeakHighs(f, net, low, pullUp, out);
            }
        }

        /**
         * The 3.3 V output feeding {@code net} through one series resistor, or null: the resistor's other net holds
         * only that resistor and the output. Only the weak-high check looks through it; a resistor cannot make a
         * 5 V output safe for a 3.3 V input, and a divider's top resistor is not alone on the input's net.
         */
        private static CircuitFacts.PinAt seriesFed(CircuitFacts f, int net) {
            CircuitFacts.PinAt found = null;
            for (int k = 0; k < f.netSize(net); k++) {
                int i = f.netComponent(net, k);
                if (Devices.role(f, i) != Role.RESISTOR) {
                    continue;
                }
                if (found != null) {
                    return null; // two resistors on the net: a divider or a pull, not a plain series feed
                }
                int p = f.netPin(net, k);
                int far = f.net(i, 1 - p);
                if (far < 0 || far == net || f.netSize(far) != 2 || f.voltage(far) != null) {
                    return null;
                }
                for (int m = 0; m < 2; m++) {
                    int j = f.netComponent(far, m);
                    int q = f.netPin(far, m);
                    PartPin pp = j == i ? null : signal(f, j, q);
                    if (pp != null && outputs(pp)) {
                        double level = Signals.level(f, j, q);
                        if (level <= 0 || level > 3.6) {
                            return null;
                        }
                        found = new CircuitFacts.PinAt(j, q);
                    }
                }
                if (found == null) {
                    return null;
                }
            }
            return found;
        }

        /** Reports 3.3 V inputs exposed to 5 V on {@code net}; whether there were any. */
        private boolean reportFragileInputs(CircuitFacts f, int net, Supplier<String> source,
                                            CircuitFacts.PinAt high, Findings out) {
            List<String> pins = new ArrayList<>();
            List<String> refs = new ArrayList<>();
            int count = 0;
            for (int k = 0; k < f.netSize(net); k++) {
                int i = f.netComponent(net, k);
                int p = f.netPin(net, k);
                PartPin pp = signal(f, i, p);
                if (pp == null || high != null && i == high.component() || !inputs(pp) || !fragile(f, i, p, pp)) {
                    continue;
                }
                // a rail with thousands of such inputs gets one readable finding
                if (++count <= NAMED) {
                    pins.add(f.label(i, p));
                    if (!refs.contains(f.ref(i))) {
                        refs.add(f.ref(i));
                    }
                }
            }
            if (count == 0) {
                return false;
            }
            String inputs = String.join(", ", pins) + (count > NAMED ? " and " + (count - NAMED) + " more" : "");
            if (high != null) {
                pins.add(0, f.label(high.component(), high.pin()));
                refs.add(0, f.ref(high.component()));
            }
            out.add(Finding.error(id(), source.get() + ", but " + inputs + (count > 1 ? " are 3.3 V inputs that are"
                            : " is a 3.3 V input that is") + " not 5 V tolerant")
                    .withComponents(refs).withPins(pins).withNets(f.netName(net))
                    .withFix("put a level shifter between them, or a divider (1 kΩ in series, 2 kΩ to GND) on a "
                            + "one-way signal"));
            return true;
        }

        private void reportWeakHighs(CircuitFacts f, int net, CircuitFacts.PinAt low, double high, Findings out) {
            double voh = Signals.level(f, low.component(), low.pin());
            for (int k = 0; k < f.netSize(net); k++) {
                int i = f.netComponent(net, k);
                int p = f.netPin(net, k);
                PartPin pp = signal(f, i, p);
                Part part = f.part(i);
                if (pp == null || i == low.component() || !inputs(pp) || Signals.level(f, i, p) < 4.5
                        || part.logic() == null || part.logic().vih() == null || part.logic().vih() <= high) {
                    continue;
                }
                String out3 = f.label(low.component(), low.pin());
                out.add(Finding.warning(id(), f.label(i, p) + " of " + Devices.name(f, i) + " needs at least "
                                + Quantities.volts(part.logic().vih()) + " to read high, but " + out3 + " is a "
                                + Quantities.volts(voh) + " output (a high of about " + Quantities.volts(high)
                                + "): a high may not be read")
                        .withComponents(f.ref(i), f.ref(low.component())).withPins(out3, f.label(i, p))
                        .withNets(f.netName(net))
                        .withFix("put a level shifter (or a 74HCT buffer) between them"));
            }
        }

        /** The part pin if pin {@code p} is a signal pin of a part with level data, else {@code null}. */
        private static PartPin signal(CircuitFacts f, int i, int p) {
            PartPin pp = f.partPin(i, p);
            if (pp == null || !f.binding(i).curated() || pp.isPower() || pp.can(PinFunction.POWER)
                    || pp.can(PinFunction.GROUND)) {
                return null;
            }
            return pp;
        }

        private static boolean outputs(PartPin pp) {
            return pp.type() == PinType.OUTPUT || pp.type() == PinType.BIDIRECTIONAL || pp.type() == PinType.TRI_STATE;
        }

        private static boolean inputs(PartPin pp) {
            return pp.type() == PinType.INPUT || pp.type() == PinType.BIDIRECTIONAL;
        }

        /** A 3.3 V input that 5 V harms: not tolerant by part or pin, not behind on-board level shifting. */
        private static boolean fragile(CircuitFacts f, int i, int p, PartPin pp) {
            double level = Signals.level(f, i, p);
            Part part = f.part(i);
            if (level <= 0 || level > 3.6 || pp.has(PinFlag.FIVE_VOLT_TOLERANT)) {
                return false;
            }
            if (part.logic() != null && part.logic().isFiveVoltTolerant()) {
                return false;
            }
            return part.onboard() == null || !Boolean.TRUE.equals(part.onboard().levelShifting());
        }
    }

    /** Loads on a rail against what feeds it. */
    static final class CurrentBudget extends PowerRule {
        /** What a USB 2.0 port gives a board whose {@code usb-supply} input feeds a rail. */
        static final double USB_PORT_AMPS = 0.5;

        CurrentBudget() {
            super("power.current-budget", "Rail current budget exceeded",
                    "For each rail fed by power outputs whose current limit is known (a board's 5V or 3V3 pin, a "
                            + "regulator's output, a USB port's 500 mA, a battery, or a board input that carries USB "
                            + "5 V such as the ESP32 DevKit's VIN, taken at 500 mA), adds up the loads: the supply "
                            + "current of every part with a supply input on the rail, the current of motors and "
                            + "other actuator devices on it, the LED currents computed from their resistors, and "
                            + "what regulators and boards fed from the rail pass on to the rails they feed (one for "
                            + "one through linear regulators, scaled by output over input voltage and efficiency "
                            + "through switching modules). It is an error when the typical currents exceed the "
                            + "limit, and a warning when they pass 80 % of it or the peak currents (stall, Wi-Fi "
                            + "transmit, inrush) exceed it. Rails with a feeder of unknown capacity (a plain "
                            + "voltage source) are not judged; loads without current data are counted as zero and "
                            + "named.");
        }

        /** One load as a finding names it: a component, or a converter passing on the rail it feeds. */
        private record Load(int component, int feeds, double typical, double peak) {

            String describe(CircuitFacts f) {
                String who = feeds >= 0 ? f.ref(component) + " feeding " + f.netName(feeds)
                        : Devices.role(f, component) == Role.LED ? "LED " + f.ref(component) : f.ref(component);
                return who + " " + Quantities.amps(typical) + (peak > typical * 1.2 ? " (peak "
                        + Quantities.amps(peak) + ")" : "");
            }
        }

        /** What one rail carries; text is only made for rails that get a finding. */
        private static final class Budget {
            final int net;
            double capacity;
            boolean unknownCapacity;
            final List<CircuitFacts.PinAt> feeders = new ArrayList<>(1);
            /** What each feeder can give, aligned with {@link #feeders}. */
            final List<Double> feederAmps = new ArrayList<>(1);
            double typical;
            double peak;
            int loads;
            int lastComponent = -1;
            /** The largest loads, largest first, at most {@link #NAMED}. */
            final List<Load> biggest = new ArrayList<>(2);
            final List<Integer> unknown = new ArrayList<>(0);
            /** Components that draw from this rail and feed other rails (regulators, boards). */
            final List<Integer> passes = new ArrayList<>(0);
            int state;

            Budget(int net) {
                this.net = net;
            }

            void add(Load load) {
                typical += load.typical();
                peak += load.peak();
                loads++;
                int at = biggest.size();
                while (at > 0 && biggest.get(at - 1).typical() < load.typical()) {
                    at--;
                }
                if (at < NAMED) {
                    biggest.add(at, load);
                    if (biggest.size() > NAMED) {
                        biggest.remove(NAMED);
                    }
                }
            }
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            Budget[] budgets = null;
            List<Budget> all = new ArrayList<>();
            Devices.Index index = Devices.index(f);
            for (int k = 0; k < index.supplyPins(); k++) {
                int i = index.supplyComponent(k);
                int p = index.supplyPin(k);
                Part part = f.part(i);
                PartPin pp = f.partPin(i, p);
                int net = f.net(i, p);
                boolean usbFed = pp.has(PinFlag.USB_SUPPLY) && f.rails().setBy(net) != null
                        && f.rails().setBy(net).startsWith(f.label(i, p) + " ");
                if (pp.type() != PinType.POWER_OUT && !usbFed || f.voltage(net) == null || f.voltage(net) <= 0) {
                    continue;
                }
                if (budgets == null) {
                    budgets = new Budget[f.netCount()];
                }
                Budget b = budgets[net];
                if (b == null) {
                    b = budgets[net] = new Budget(net);
                    all.add(b);
                }
                Double cap = pp.maxCurrent();
                if (cap == null && usbFed) {
                    cap = USB_PORT_AMPS; // a USB 2.0 port, which also feeds the board itself
                }
                if (cap == null && part.onboard() != null && part.onboard().regulator() != null
                        && pp.voltage() != null
                        && Math.abs(part.onboard().regulator().output() - pp.voltage()) < 0.05) {
                    cap = part.onboard().regulator().maxCurrent();
                }
                if (cap == null) {
                    b.unknownCapacity = true;
                } else {
                    b.capacity += cap;
                    b.feeders.add(new CircuitFacts.PinAt(i, p));
                    b.feederAmps.add(cap);
                }
            }
            if (budgets == null) {
                return;
            }
            for (int k = 0; k < index.supplyPins(); k++) {
                supplyLoad(f, index.supplyComponent(k), index.supplyPin(k), budgets);
            }
            for (int i : index.of(Role.LOAD)) {
                deviceLoad(f, i, budgets);
            }
            LedPaths.Table leds = LedPaths.table(f);
            for (int k = 0; k < leds.size(); k++) {
                ledLoad(f, leds.path(k), budgets);
            }
            for (Budget b : all) {
                total(f, b, budgets, 0);
                if (!b.unknownCapacity && b.capacity > 0) {
                    judge(f, b, out);
                }
            }
        }

        /** An LED fed from a rail: its current from its resistor. */
        private static void ledLoad(CircuitFacts f, LedPaths.Path path, Budget[] budgets) {
            if (path == null || !path.complete() || !path.anode().level().rail()
                    || budgets[path.anode().level().net()] == null) {
                return;
            }
            Double amps = path.current(f);
            if (amps != null && amps > 0) {
                budgets[path.anode().level().net()].add(new Load(path.led(), -1, amps, amps));
            }
        }

        /** A supply input on a rail: the part's own current, and what it passes on when it feeds other rails. */
        private static void supplyLoad(CircuitFacts f, int i, int p, Budget[] budgets) {
            int net = f.net(i, p);
            Budget b = budgets[net];
            if (b == null || b.lastComponent == i || !supplyInput(f.partPin(i, p))) {
                return;
            }
            b.lastComponent = i;
            boolean feeds = feedsOthers(f, i, net);
            if (!own(f, i, b) && !feeds && b.unknown.size() < NAMED) {
                b.unknown.add(i);
            }
            if (feeds) {
                b.passes.add(i);
            }
        }

        /** A motor, solenoid or other device with its supply terminal on a rail. */
        private static void deviceLoad(CircuitFacts f, int i, Budget[] budgets) {
            int pins = f.component(i).pins().size();
            for (int p = 0; p < pins; p++) {
                PartPin pp = f.partPin(i, p);
                int net = f.net(i, p);
                Budget b = net < 0 ? null : budgets[net];
                if (b != null && b.lastComponent != i && pp != null && pp.type() == PinType.PASSIVE
                        && pp.voltage() != null && pp.voltage() > 0) {
                    b.lastComponent = i;
                    own(f, i, b);
                }
            }
        }

        /** Adds component {@code i}'s own supply current to {@code b}; false when its part gives none. */
        private static boolean own(CircuitFacts f, int i, Budget b) {
            Part part = f.part(i);
            Double typ = part.current() == null ? null : part.current().typical();
            Double max = part.current() == null ? null : part.current().max();
            if (typ == null && max == null) {
                return false;
            }
            b.add(new Load(i, -1, typ != null ? typ : max, max != null ? max : typ));
            return true;
        }

        /** Whether component {@code i} has a power output on a rail other than {@code net}. */
        private static boolean feedsOthers(CircuitFacts f, int i, int net) {
            int pins = f.component(i).pins().size();
            for (int p = 0; p < pins; p++) {
                PartPin pp = f.partPin(i, p);
                int n = f.net(i, p);
                if (pp != null && n >= 0 && n != net && pp.type() == PinType.POWER_OUT && pp.can(PinFunction.POWER)) {
                    return true;
                }
            }
            return false;
        }

        /** Adds to {@code b} what the converters it feeds pass on; rails already totalled are reused. */
        private static void total(CircuitFacts f, Budget b, Budget[] budgets, int depth) {
            if (b.state != 0 || depth > 32) {
                return;
            }
            b.state = 1;
            for (int i : b.passes) {
                Part part = f.part(i);
                int pins = f.component(i).pins().size();
                for (int p = 0; p < pins; p++) {
                    PartPin pp = f.partPin(i, p);
                    int n = f.net(i, p);
                    Budget down = n < 0 || n == b.net ? null : budgets[n];
                    if (down == null || pp == null || pp.type() != PinType.POWER_OUT) {
                        continue;
                    }
                    total(f, down, budgets, depth + 1);
                    if (down.state != 2) {
                        continue;
                    }
                    // linear regulators and boards pass current on one for one; a switching module converts power
                    double factor = 1;
                    Double efficiency = Devices.parameter(f, i, "efficiency");
                    if (part.model() != null && part.model().kind() == ModelKind.REGULATOR && efficiency != null
                            && efficiency > 0) {
                        factor = f.voltage(n) / f.voltage(b.net) / efficiency;
                    }
                    b.add(new Load(i, n, down.typical * factor, down.peak * factor));
                }
            }
            b.state = 2;
        }

        private void judge(CircuitFacts f, Budget b, Findings out) {
            if (b.loads == 0 || b.typical <= 0.8 * b.capacity && b.peak <= b.capacity + 1e-9) {
                return;
            }
            List<String> loads = new ArrayList<>();
            for (Load l : b.biggest) {
                loads.add(l.describe(f));
            }
            List<String> unknown = new ArrayList<>();
            for (int i : b.unknown) {
                unknown.add(f.ref(i));
            }
            List<String> feeders = new ArrayList<>();
            for (int k = 0; k < Math.min(NAMED, b.feeders.size()); k++) {
                CircuitFacts.PinAt at = b.feeders.get(k);
                feeders.add(f.label(at.component(), at.pin()) + " " + Quantities.amps(b.feederAmps.get(k)));
            }
            String counted = String.join(", ", loads) + (b.loads > loads.size() ? " and "
                    + (b.loads - loads.size()) + " more" : "")
                    + (unknown.isEmpty() ? "" : "; without current data, not counted: " + String.join(", ", unknown));
            String rail = "Rail " + f.netName(b.net) + " (fed by " + String.join(", ", feeders) + ")";
            Finding finding;
            if (b.typical > b.capacity + 1e-9) {
                finding = Finding.error(id(), rail + " carries " + Quantities.amps(b.typical) + " typical, "
                                + Quantities.percent(b.typical / b.capacity) + " of its " + Quantities.amps(b.capacity)
                                + ": " + counted)
                        .withFix("feed the heavy loads from their own supply or use a feeder rated for at least "
                                + Quantities.amps(b.typical * 1.25));
            } else if (b.typical > 0.8 * b.capacity) {
                finding = Finding.warning(id(), rail + " carries " + Quantities.amps(b.typical) + " typical, "
                                + Quantities.percent(b.typical / b.capacity) + " of its " + Quantities.amps(b.capacity)
                                + ", little margin: " + counted)
                        .withFix("keep a rail under 80 % of its feeder's limit: use a feeder rated for at least "
                                + Quantities.amps(b.typical * 1.25));
            } else {
                finding = Finding.warning(id(), rail + " sees peaks of " + Quantities.amps(b.peak) + " (typical "
                                + Quantities.amps(b.typical) + "), more than its " + Quantities.amps(b.capacity) + ": "
                                + counted)
                        .withFix("add bulk capacitance (100-470 µF) at the loads, or feed them from a supply "
                                + "rated for the peaks");
            }
            out.add(finding.withNets(f.netName(b.net)));
        }
    }

    /** Diodes, LEDs and electrolytic capacitors the wrong way round. */
    static final class Polarity extends PowerRule {
        Polarity() {
            super("power.polarity", "Diode, LED or electrolytic capacitor reversed",
                    "Judges polarised parts against the rails. An LED whose path (straight or through its "
                            + "series resistor) can never forward-bias it, because its anode side is always below "
                            + "its cathode side (anode to ground, cathode towards 5 V), never lights, and more than "
                            + "its vrMax in reverse damages it. A diode directly between two rails with its "
                            + "cathode on the lower one conducts straight across the supply, a short; one reversed "
                            + "across a rail beyond its vrMax breaks down, and a Zener directly across a rail above "
                            + "its vz conducts hard. An electrolytic capacitor (its part, KiCad symbol or a "
                            + "polarised hint in its value or properties) with its + terminal on a lower rail than "
                            + "its - terminal heats, bulges and vents. A reverse-biased diode across two rails "
                            + "(reverse-polarity shunt) or across a switched coil (flyback) is correct and not "
                            + "reported; nets of unknown voltage are not judged.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            Devices.Index index = Devices.index(f);
            LedPaths.Table leds = LedPaths.table(f);
            for (int k = 0; k < leds.size(); k++) {
                LedPaths.Path path = leds.path(k);
                if (path != null) {
                    checkLed(f, path, out);
                }
            }
            for (int i : index.of(Role.DIODE)) {
                checkDiode(f, i, out);
            }
            for (int i : index.of(Role.CAPACITOR)) {
                if (Devices.polarised(f, i)) {
                    checkCapacitor(f, i, out);
                }
            }
        }

        private void checkLed(CircuitFacts f, LedPaths.Path path, Findings out) {
            if (!path.complete()) {
                return;
            }
            int i = path.led();
            double reverse = path.cathode().level().low() - path.anode().level().high();
            if (reverse <= 0.05) {
                return;
            }
            Double vrMax = Devices.parameter(f, i, "vrMax");
            String damage = vrMax != null && reverse > vrMax
                    ? ", and " + Quantities.volts(reverse) + " in reverse exceeds its " + Quantities.volts(vrMax)
                            + " rating" : "";
            out.add(Finding.error(id(), "LED " + Devices.name(f, i) + " is reversed: its anode side "
                            + path.anode().level().describe(f) + " is always below its cathode side "
                            + path.cathode().level().describe(f) + ", so it never lights" + damage)
                    .withComponents(f.ref(i)).withPins(f.label(i, path.anode().pin()), f.label(i, path.cathode().pin()))
                    .withNets(f.netName(f.net(i, path.anode().pin())), f.netName(f.net(i, path.cathode().pin())))
                    .withFix("turn " + f.ref(i) + " round: anode (long leg) towards the higher voltage"));
        }

        private void checkDiode(CircuitFacts f, int i, Findings out) {
            int a = Devices.terminal(f, i, "A");
            int k = Devices.terminal(f, i, "K");
            int na = a < 0 ? -1 : f.net(i, a);
            int nk = k < 0 ? -1 : f.net(i, k);
            if (na < 0 || nk < 0 || na == nk || f.voltage(na) == null || f.voltage(nk) == null) {
                return;
            }
            double va = f.voltage(na);
            double vk = f.voltage(nk);
            String name = Devices.name(f, i);
            String across = " between " + f.netName(na) + " (" + Quantities.volts(va) + ") and " + f.netName(nk)
                    + " (" + Quantities.volts(vk) + ")";
            Finding finding = null;
            if (va - vk >= 0.5) {
                finding = Finding.error(id(), "Diode " + name + " conducts straight" + across
                                + ": its cathode is on the lower rail, so it shorts the supply")
                        .withFix("turn " + f.ref(i) + " round (cathode to " + f.netName(na)
                                + ") if it is a reverse-polarity shunt, or put it in series with the load");
            } else if (Devices.zener(f, i)) {
                Double vz = Devices.parameter(f, i, "vz");
                if (vz != null && vk - va > vz * 1.05) {
                    finding = Finding.error(id(), "Zener " + name + " sits directly" + across + ": "
                                    + Quantities.volts(vk - va) + " is above its " + Quantities.volts(vz)
                                    + " Zener voltage, so it conducts hard with nothing to limit the current")
                            .withFix("put a resistor in series with " + f.ref(i) + ", or use a Zener above "
                                    + Quantities.volts(vk - va));
                }
            } else {
                Double vrMax = Devices.parameter(f, i, "vrMax");
                if (vrMax != null && vk - va > vrMax) {
                    finding = Finding.error(id(), "Diode " + name + " is reversed" + across + ": "
                                    + Quantities.volts(vk - va) + " exceeds its " + Quantities.volts(vrMax)
                                    + " reverse rating")
                            .withFix("use a diode rated for more than " + Quantities.volts(vk - va) + " in reverse");
                }
            }
            if (finding != null) {
                out.add(finding.withComponents(f.ref(i)).withPins(f.label(i, a), f.label(i, k))
                        .withNets(f.netName(na), f.netName(nk)));
            }
        }

        private void checkCapacitor(CircuitFacts f, int i, Findings out) {
            int plus = Devices.positive(f, i);
            if (plus < 0 || f.component(i).pins().size() != 2) {
                return;
            }
            int np = f.net(i, plus);
            int nm = f.net(i, 1 - plus);
            if (np < 0 || nm < 0 || f.voltage(np) == null || f.voltage(nm) == null) {
                return;
            }
            double vp = f.voltage(np);
            double vm = f.voltage(nm);
            if (vm - vp <= 0.05) {
                return;
            }
            out.add(Finding.error(id(), "Electrolytic capacitor " + Devices.name(f, i) + " is reversed: its + "
                            + "terminal is on " + f.netName(np) + " (" + Quantities.volts(vp) + ") and its - "
                            + "terminal on " + f.netName(nm) + " (" + Quantities.volts(vm) + "); reversed, it heats, "
                            + "bulges and can vent")
                    .withComponents(f.ref(i)).withPins(f.label(i, plus), f.label(i, 1 - plus))
                    .withNets(f.netName(np), f.netName(nm))
                    .withFix("turn " + f.ref(i) + " round: + (long leg) to " + f.netName(nm) + ", - (stripe) to "
                            + f.netName(np)));
        }
    }
}
