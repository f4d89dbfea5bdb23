package dev.kirchhoff.validation.simulation;

import dev.kirchhoff.knowledge.Onboard;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Parameter;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;
import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.validation.BaseRule;
import dev.kirchhoff.validation.CircuitFacts;
import dev.kirchhoff.validation.Finding;
import dev.kirchhoff.validation.Findings;
import dev.kirchhoff.validation.Rails;
import dev.kirchhoff.validation.Rule;
import dev.kirchhoff.validation.RuleGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The simulation rules: they read the {@link OperatingPoint} that {@link Simulator} attached to the facts and stay
 * silent when none is attached. All but {@code sim.convergence} also stay silent when ngspice did not converge
 * cleanly, since its numbers are then not to be trusted. Stateless and thread-safe.
 */
public final class SimulationRules {

    /** How far a rail may be from its nominal voltage, as a fraction. */
    static final double RAIL_TOLERANCE = 0.05;
    /** Below this a rail is taken as undriven, volts. */
    private static final double DEAD_RAIL = 0.05;
    /** The power rating of a resistor that states none, watts (a common through-hole or 1206 resistor). */
    static final double RESISTOR_RATING = 0.25;
    /** How many pins of a net are looked at for a series resistor. */
    private static final int SCAN = 64;
    private static final double[] E12 = {1.0, 1.2, 1.5, 1.8, 2.2, 2.7, 3.3, 3.9, 4.7, 5.6, 6.8, 8.2};
    private static final double[] POWER_RATINGS = {0.125, 0.25, 0.5, 1, 2, 3, 5, 10, 25, 50, 100};

    private SimulationRules() {
    }

    /** This group's rules. */
    public static List<Rule> all() {
        return List.of(new Convergence(), new LedCurrent(), new GpioCurrent(), new RailVoltage(), new ResistorPower());
    }

    /** The operating point when it can be trusted, else {@code null}. */
    private static OperatingPoint trusted(CircuitFacts facts) {
        OperatingPoint op = facts.attachment(OperatingPoint.class).orElse(null);
        return op != null && op.converged() ? op : null;
    }

    /** ngspice reported a singular matrix or a failed analysis. */
    static final class Convergence extends BaseRule {

        Convergence() {
            super("sim.convergence", RuleGroup.SIMULATION, "ngspice could not solve the operating point",
                    "Reads ngspice's output for the lines that say the DC operating point was not solved or is not to "
                    + "be trusted: \"singular matrix: check node …\", \"Timestep too small\", \"doAnalyses: … "
                    + "failed\", \"DC solution failed\" and errors. ngspice exits with status 0 on a floating node "
                    + "and prints numbers anyway, so these lines are the only sign. A singular matrix means a node has "
                    + "no DC path to ground (it is reached only through capacitors or current sources, or left open) "
                    + "or sits in a loop of voltage sources; the finding names the nets (or the component whose "
                    + "internal node it is). The pins of knowledge-base modules always have a 1 GΩ path to ground in "
                    + "the exported deck, so only the design's own construction can fire this rule. It does not say "
                    + "which element to add; the static rule analog.no-dc-path usually names the same net.");
        }

        @Override
        public void check(CircuitFacts facts, Findings out) {
            OperatingPoint op = facts.attachment(OperatingPoint.class).orElse(null);
            if (op == null || op.converged()) {
                return;
            }
            SpiceDeck deck = op.deck();
            List<String> nets = new ArrayList<>();
            List<String> components = new ArrayList<>();
            List<String> described = new ArrayList<>();
            for (String node : op.problemNodes()) {
                String net = deck.netOf(node);
                String owner = net == null ? deck.ownerOf(node) : null;
                if (net != null) {
                    nets.add(net);
                    described.add(node + " (net " + net + ")");
                } else if (owner != null) {
                    components.add(owner);
                    String where = node.contains("#branch") ? "the current of " : node.startsWith("nc_")
                            ? "an unconnected pin of " : "inside ";
                    described.add(node + " (" + where + owner + ")");
                } else {
                    described.add(node);
                }
            }
            if (!described.isEmpty()) {
                out.add(Finding.error(id(), "ngspice found a singular matrix at " + String.join(", ", described)
                                + ": such a node has no DC path to ground (only capacitors or current sources reach "
                                + "it, or it is open) or sits in a loop of voltage sources, so its voltage is "
                                + "undefined and the simulated values cannot be trusted")
                        .withNets(nets).withComponents(components)
                        .withFix(nets.isEmpty() ? "break the loop of voltage sources, or connect the open node"
                                : "give " + String.join(", ", nets) + " a DC path to ground (the connection it is "
                                + "missing, or a resistor such as 1 MΩ)"));
            }
            List<String> failures = new ArrayList<>();
            for (String p : op.problems()) {
                String lower = p.toLowerCase(Locale.ROOT);
                if (!lower.contains("singular matrix") && !lower.contains("check node") && failures.size() < 3) {
                    failures.add(p);
                }
            }
            if (!failures.isEmpty()) {
                out.add(Finding.error(id(), "ngspice could not finish the operating-point analysis: "
                                + String.join(" | ", failures))
                        .withNets(nets).withComponents(components)
                        .withFix("look at the nodes named above: a node without a DC path, a loop of voltage "
                                + "sources or a device model ngspice cannot read stops the analysis"));
            }
        }
    }

    /** An LED carries more current in simulation than it is rated for. */
    static final class LedCurrent extends BaseRule {

        LedCurrent() {
            super("sim.led-current", RuleGroup.SIMULATION, "LED current above its rating in simulation",
                    "Compares the simulated forward current of every LED with its rating: ifMax of its part's model "
                    + "(30 mA for the 5 mm LEDs), else 20 mA. The current is measured by a 0 V source the export "
                    + "puts in series with each LED, so it includes everything the simulation knows: the LED's "
                    + "model, the series resistor, the output resistance of the pin that drives it and any sag of the "
                    + "supply. The fix names the series resistor and the E12 value that keeps the LED within its "
                    + "rating. It does not judge brightness, pulsed currents (PWM) or several LEDs sharing one "
                    + "resistor beyond what the operating point shows; it is silent when ngspice did not converge.");
        }

        @Override
        public void check(CircuitFacts facts, Findings out) {
            OperatingPoint op = trusted(facts);
            if (op == null) {
                return;
            }
            Map<Integer, Double> levels = drivenLevels(facts, op.deck());
            for (SpiceDeck.LedProbe led : op.deck().leds()) {
                Double amps = op.value(led.vector());
                int i = facts.indexOf(led.ref());
                if (amps == null || i < 0 || amps <= led.rating()) {
                    continue;
                }
                int anodeNet = facts.net(i, led.anode());
                int cathodeNet = led.cathode() < 0 ? -1 : facts.net(i, led.cathode());
                Double va = anodeNet < 0 ? null : op.voltage(facts.netName(anodeNet));
                Double vk = cathodeNet < 0 ? null : op.voltage(facts.netName(cathodeNet));
                Double vf = va != null && vk != null ? va - vk : null;
                int[] series = seriesResistor(facts, i, anodeNet, cathodeNet);
                StringBuilder msg = new StringBuilder("LED ").append(led.ref()).append(" carries ")
                        .append(amps(amps)).append(" in simulation");
                List<String> details = new ArrayList<>();
                if (vf != null) {
                    details.add("forward voltage " + volts(vf));
                }
                String fix = "add a series resistor sized for at most " + amps(led.rating());
                List<String> components = new ArrayList<>(List.of(led.ref()));
                if (series != null) {
                    int r = series[0];
                    double ohms = facts.value(r);
                    details.add("through " + facts.ref(r) + " = " + ohms(ohms));
                    components.add(facts.ref(r));
                    double needed = neededResistance(facts, op, levels, series, anodeNet, cathodeNet, vf, led.rating());
                    fix = "use " + facts.ref(r) + " = " + ohms(e12Up(Math.max(needed, ohms * amps / led.rating())
                            )) + " or more";
                }
                if (!details.isEmpty()) {
                    msg.append(" (").append(String.join(", ", details)).append(')');
                }
                msg.append("; its rating is ").append(amps(led.rating())).append(" (").append(led.ratingSource())
                        .append(')');
                List<String> nets = new ArrayList<>();
                if (anodeNet >= 0) {
                    nets.add(facts.netName(anodeNet));
                }
                if (cathodeNet >= 0) {
                    nets.add(facts.netName(cathodeNet));
                }
                List<String> pins = new ArrayList<>(List.of(facts.label(i, led.anode())));
                if (led.cathode() >= 0) {
                    pins.add(facts.label(i, led.cathode()));
                }
                out.add(Finding.error(id(), msg.toString()).withComponents(components).withPins(pins).withNets(nets)
                        .withFix(fix));
            }
        }

        /**
         * The resistance that would keep the LED at its rating: the voltage across resistor and LED, taken from the
         * stiffest thing on each side (a driven output's level, a rail's nominal, else the simulated voltage),
         * less the forward voltage, over the rating.
         */
        private static double neededResistance(CircuitFacts f, OperatingPoint op, Map<Integer, Double> levels,
                                               int[] series, int anodeNet, int cathodeNet, Double vf, double rating) {
            int far = series[1];
            boolean onAnode = series[2] == anodeNet;
            Double high = stiff(f, op, levels, onAnode ? far : anodeNet);
            Double low = stiff(f, op, levels, onAnode ? cathodeNet : far);
            if (high == null || low == null || vf == null) {
                return 0;
            }
            return (high - low - vf) / rating;
        }
    }

    /** A driven output pin carries more current in simulation than its limit. */
    static final class GpioCurrent extends BaseRule {

        GpioCurrent() {
            super("sim.gpio-current", RuleGroup.SIMULATION, "Output pin current above its limit in simulation",
                    "Compares the simulated current of every output pin the export drives with the pin's maxCurrent "
                    + "in the knowledge base (20 mA for an Arduino Uno or ESP32 GPIO). The export drives a part's "
                    + "output pins, and the GPIOs that drive an LED, a transistor's base or gate or another part's "
                    + "input (directly or through one resistor), as a source behind 25 Ω: HIGH, or LOW where the pin "
                    + "sinks the current of an LED on its cathode, the state that loads it. The current is the "
                    + "source's simulated current, so it includes everything on the net. GPIOs the export leaves as "
                    + "inputs, pins without a maxCurrent and pulsed loads are not judged; it is silent when ngspice "
                    + "did not converge.");
        }

        @Override
        public void check(CircuitFacts facts, Findings out) {
            OperatingPoint op = trusted(facts);
            if (op == null) {
                return;
            }
            for (SpiceDeck.DrivenOutput o : op.deck().outputs()) {
                Double amps = op.value(o.vector());
                int i = facts.indexOf(o.ref());
                PartPin pin = i < 0 ? null : facts.partPin(i, o.pin());
                if (amps == null || pin == null || pin.maxCurrent() == null || Math.abs(amps) <= pin.maxCurrent()) {
                    continue;
                }
                int net = facts.net(i, o.pin());
                String label = facts.label(i, o.pin());
                String netName = net < 0 ? "" : facts.netName(net);
                out.add(Finding.error(id(), label + " is " + (o.high() ? "driven HIGH at " + volts(o.volts())
                                : "driven LOW") + " in simulation and " + (o.high() ? "sources " : "sinks ")
                                + amps(Math.abs(amps)) + (o.high() ? " into" : " from") + " net " + netName
                                + "; its limit is " + amps(pin.maxCurrent()) + " (" + o.reason() + ")")
                        .withComponents(o.ref()).withPins(label).withNets(net < 0 ? List.of() : List.of(netName))
                        .withFix("raise the series resistance so " + label + " carries at most "
                                + amps(pin.maxCurrent()) + ", or switch the load with a transistor"));
            }
        }
    }

    /** A rail's simulated voltage is more than 5 % from its nominal. */
    static final class RailVoltage extends BaseRule {

        RailVoltage() {
            super("sim.rail-voltage", RuleGroup.SIMULATION, "Rail voltage off its nominal in simulation",
                    "Compares the simulated voltage of every rail with the nominal voltage the static analysis "
                    + "inferred for it (a part's power output such as an LM7805's OUT or a board's 5V pin, a "
                    + "voltage source, or a voltage in the net's name) and reports a difference of more than 5 %. "
                    + "It catches a regulator in dropout (an LM7805 fed with 6 V gives about 4 V), a supply "
                    + "overloaded past its current limit, a battery sagging under load, or a divider made to feed "
                    + "a supply. When a regulator sets the rail and its input is too low, the finding says so and "
                    + "names the input voltage needed. A rechargeable cell on the rail may sit anywhere in its voltage "
                    + "range (a TP4056 output at 3.85 V is charging the cell). Ripple, transients and load steps are "
                    + "not simulated; it is silent when ngspice did not converge and when a sine, pulse or mains "
                    + "source drives the circuit, whose operating point is not the rail it makes.");
        }

        @Override
        public void check(CircuitFacts facts, Findings out) {
            OperatingPoint op = trusted(facts);
            if (op == null) {
                return;
            }
            if (timeVarying(facts)) {
                return; // an operating point of a sine or pulse source is its offset, not the rail it makes
            }
            for (Rails.Rail rail : facts.rails().rails(facts)) {
                Double sim = op.voltage(rail.name());
                double nominal = rail.volts();
                if (sim == null || Math.abs(sim - nominal) <= RAIL_TOLERANCE * Math.abs(nominal)
                        || withinCellRange(facts, rail.net(), sim)) {
                    continue;
                }
                double percent = Math.abs(sim - nominal) / Math.abs(nominal) * 100;
                StringBuilder msg = new StringBuilder("Rail ").append(rail.name()).append(" simulates at ")
                        .append(volts(sim)).append(", ").append(Math.round(percent)).append(" % ")
                        .append(sim < nominal ? "below" : "above").append(" its nominal ").append(volts(nominal))
                        .append(" (set by ").append(rail.setBy()).append(')');
                List<String> nets = new ArrayList<>(List.of(rail.name()));
                List<String> pins = new ArrayList<>();
                List<String> components = new ArrayList<>();
                int[] setter = setter(facts, rail);
                boolean dead = setter == null && Math.abs(sim) < DEAD_RAIL;
                if (dead) {
                    msg.append("; nothing in the circuit drives it");
                }
                String fix = dead ? "connect " + rail.name() + " to the supply that should feed it"
                        : sim < nominal ? "reduce the load on " + rail.name() + " or feed it from a stronger supply"
                        : "check what else drives " + rail.name() + " above " + volts(nominal);
                if (setter != null) {
                    int j = setter[0];
                    pins.add(facts.label(j, setter[1]));
                    components.add(facts.ref(j));
                    int in = setter[2];
                    Double dropout = dropout(facts.part(j));
                    int inNet = in < 0 ? -1 : facts.net(j, in);
                    Double vin = inNet < 0 ? null : op.voltage(facts.netName(inNet));
                    if (sim < nominal && dropout != null && vin != null && vin < nominal + dropout) {
                        double needed = nominal + dropout;
                        msg.append(". ").append(facts.ref(j)).append(" is in dropout: its input ")
                                .append(facts.label(j, in)).append(" (net ").append(facts.netName(inNet))
                                .append(") is at ").append(volts(vin)).append(", below the ").append(volts(needed))
                                .append(" it needs (").append(volts(nominal)).append(" plus ").append(volts(dropout))
                                .append(" dropout)");
                        pins.add(facts.label(j, in));
                        nets.add(facts.netName(inNet));
                        fix = "feed " + facts.label(j, in) + " with at least " + volts(needed)
                                + ", or use a low-dropout regulator";
                    }
                }
                out.add(Finding.error(id(), msg.toString()).withNets(nets).withPins(pins).withComponents(components)
                        .withFix(fix));
            }
        }

        /**
         * The part pin that sets {@code rail}: {component, power output pin, its supply input pin or -1}; or
         * {@code null} when no part's power output sets it.
         */
        /**
         * Whether a rechargeable cell on the net (a part with a {@code chargeVoltage}) allows {@code sim}: a cell
         * being charged sits anywhere in its range, so a charger's 4.2 V output simulating at 3.85 V is charging.
         */
        private static boolean withinCellRange(CircuitFacts facts, int net, double sim) {
            for (CircuitFacts.PinAt at : facts.pinsOn(net)) {
                dev.kirchhoff.knowledge.Part part = facts.part(at.component());
                dev.kirchhoff.knowledge.PartPin pin = facts.partPin(at.component(), at.pin());
                if (part == null || pin == null || part.model() == null || pin.range() == null
                        || part.model().parameters().get("chargeVoltage") == null) {
                    continue;
                }
                Double lo = pin.range().min();
                Double hi = pin.range().max();
                if (lo != null && hi != null && sim >= lo * (1 - RAIL_TOLERANCE) && sim <= hi * (1 + RAIL_TOLERANCE)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether a source in the circuit varies in time (SIN, PULSE, PWL, SFFM, AM) or mains feeds it. */
        private static boolean timeVarying(CircuitFacts facts) {
            for (int i = 0; i < facts.componentCount(); i++) {
                dev.kirchhoff.knowledge.Part part = facts.part(i);
                if (part != null && part.category() == dev.kirchhoff.knowledge.Category.MAINS) {
                    return true;
                }
                if (facts.kind(i) == ComponentKind.VOLTAGE_SOURCE || facts.kind(i) == ComponentKind.CURRENT_SOURCE) {
                    Object v = facts.circuit().components().get(i).value();
                    String text = v == null ? "" : v.toString().toLowerCase(java.util.Locale.ROOT);
                    if (text.matches(".*\\b(sin|pulse|pwl|sffm|am)\\s*\\(.*")) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static int[] setter(CircuitFacts f, Rails.Rail rail) {
            int net = rail.net();
            for (int k = 0; k < f.netSize(net); k++) {
                int j = f.netComponent(net, k);
                int q = f.netPin(net, k);
                PartPin pp = f.partPin(j, q);
                if (pp != null && f.type(j, q) == PinType.POWER_OUT && pp.voltage() != null
                        && Math.abs(pp.voltage() - rail.volts()) < 1e-6) {
                    int in = -1;
                    for (int p = 0; p < f.component(j).pins().size() && in < 0; p++) {
                        PartPin candidate = f.partPin(j, p);
                        if (candidate != null && candidate.type() == PinType.POWER_IN
                                && !candidate.can(PinFunction.GROUND) && f.net(j, p) >= 0) {
                            in = p;
                        }
                    }
                    return new int[] {j, q, in};
                }
            }
            return null;
        }

        /** A regulator's dropout: its model's {@code dropout}, else its on-board regulator's; {@code null}. */
        private static Double dropout(Part part) {
            if (part == null) {
                return null;
            }
            if (part.model() != null && part.model().parameters().containsKey("dropout")) {
                return part.model().parameters().get("dropout");
            }
            Onboard.Regulator r = part.onboard() == null ? null : part.onboard().regulator();
            return r == null ? null : r.dropout();
        }
    }

    /** A resistor dissipates more than its rating in simulation. */
    static final class ResistorPower extends BaseRule {

        ResistorPower() {
            super("sim.resistor-power", RuleGroup.SIMULATION, "Resistor dissipation above its rating in simulation",
                    "Computes the power of every resistor from the simulated voltages of its two nets, P = V²/R = "
                    + "I²R, and compares it with its rating: the component's power parameter or property (0.5, "
                    + "0.5W, 1/4W), else 0.25 W, the usual rating of a through-hole or 1206 resistor. An overloaded "
                    + "resistor runs hot, drifts and burns. The fix names the next standard rating; derating for "
                    + "temperature, pulses and resistors inside knowledge-base modules are not considered; it is "
                    + "silent when ngspice did not converge.");
        }

        @Override
        public void check(CircuitFacts facts, Findings out) {
            OperatingPoint op = trusted(facts);
            if (op == null) {
                return;
            }
            for (int i = 0; i < facts.componentCount(); i++) {
                if (facts.kind(i) != ComponentKind.RESISTOR || facts.component(i).pins().size() != 2) {
                    continue;
                }
                Double ohms = facts.value(i);
                int a = facts.net(i, 0);
                int b = facts.net(i, 1);
                if (ohms == null || ohms <= 0 || a < 0 || b < 0) {
                    continue;
                }
                Double va = op.voltage(facts.netName(a));
                Double vb = op.voltage(facts.netName(b));
                if (va == null || vb == null) {
                    continue;
                }
                double v = va - vb;
                double watts = v * v / ohms;
                double rating = rating(facts.component(i));
                if (watts <= rating) {
                    continue;
                }
                String ref = facts.ref(i);
                out.add(Finding.error(id(), ref + " = " + ohms(ohms) + " dissipates " + watts(watts)
                                + " in simulation (I²R = (" + amps(Math.abs(v) / ohms) + ")² × " + ohms(ohms) + ", "
                                + volts(Math.abs(v)) + " across it between nets " + facts.netName(a) + " and "
                                + facts.netName(b) + "); its rating is " + watts(rating))
                        .withComponents(ref).withPins(facts.label(i, 0), facts.label(i, 1))
                        .withNets(facts.netName(a), facts.netName(b))
                        .withFix("use a resistor rated " + watts(nextRating(watts)) + " or more, or raise " + ref
                                + " to cut the current"));
            }
        }

        /** The component's power rating: its {@code power} parameter or property, else 0.25 W. */
        static double rating(Component c) {
            Parameter p = c.parameter("power");
            Double stated = null;
            if (p != null) {
                stated = p.value().isNumber() ? p.value().magnitude() : parseWatts(p.value().text());
            } else if (c.property("power") != null) {
                stated = parseWatts(c.property("power"));
            }
            return stated != null && stated > 0 ? stated : RESISTOR_RATING;
        }

        /** Watts from {@code 0.5}, {@code 0.5W}, {@code 250mW} or {@code 1/4W}; {@code null} when unreadable. */
        static Double parseWatts(String text) {
            String t = text.strip();
            if (t.toLowerCase(Locale.ROOT).endsWith("w")) {
                t = t.substring(0, t.length() - 1).strip();
            }
            int slash = t.indexOf('/');
            try {
                if (slash > 0) {
                    return Double.parseDouble(t.substring(0, slash)) / Double.parseDouble(t.substring(slash + 1));
                }
                Value v = Value.parse(t);
                return v.isNumber() ? v.magnitude() : null;
            } catch (RuntimeException e) {
                return null;
            }
        }

        private static double nextRating(double watts) {
            for (double r : POWER_RATINGS) {
                if (r >= watts) {
                    return r;
                }
            }
            return Math.ceil(watts);
        }
    }

    /** Net id to the level of the output the deck drives on it. */
    private static Map<Integer, Double> drivenLevels(CircuitFacts f, SpiceDeck deck) {
        Map<Integer, Double> levels = new HashMap<>();
        for (SpiceDeck.DrivenOutput o : deck.outputs()) {
            int i = f.indexOf(o.ref());
            int net = i < 0 ? -1 : f.net(i, o.pin());
            if (net >= 0) {
                levels.put(net, o.volts());
            }
        }
        return levels;
    }

    /** The voltage of the stiffest thing on {@code net}: a driven output's level, the rail's nominal, the simulation. */
    private static Double stiff(CircuitFacts f, OperatingPoint op, Map<Integer, Double> levels, int net) {
        if (net < 0) {
            return null;
        }
        Double level = levels.get(net);
        if (level != null) {
            return level;
        }
        Double nominal = f.voltage(net);
        return nominal != null ? nominal : op.voltage(f.netName(net));
    }

    /**
     * A resistor in series with LED {@code led}: {resistor, the net on its far side, the LED net it sits on}; looks
     * on the anode net first; {@code null} when there is none.
     */
    private static int[] seriesResistor(CircuitFacts f, int led, int anodeNet, int cathodeNet) {
        for (int net : new int[] {anodeNet, cathodeNet}) {
            if (net < 0) {
                continue;
            }
            int size = Math.min(f.netSize(net), SCAN);
            for (int k = 0; k < size; k++) {
                int j = f.netComponent(net, k);
                Double ohms = j == led || f.kind(j) != ComponentKind.RESISTOR ? null : f.value(j);
                int far = ohms == null ? -1 : f.otherNet(j, f.netPin(net, k));
                if (ohms != null && ohms > 0 && far >= 0 && far != net) {
                    return new int[] {j, far, net};
                }
            }
        }
        return null;
    }

    /** The smallest E12 value at or above {@code ohms}. */
    static double e12Up(double ohms) {
        double decade = Math.pow(10, Math.floor(Math.log10(ohms)));
        for (double m : E12) {
            double v = m * decade;
            if (v >= ohms * (1 - 1e-9)) {
                return Math.round(v * 1000) / 1000.0;
            }
        }
        return Math.round(10 * decade * 1000) / 1000.0;
    }

    static String amps(double a) {
        return Math.abs(a) < 1 ? round(a * 1000, 3) + " mA" : round(a, 3) + " A";
    }

    static String volts(double v) {
        return String.format(Locale.ROOT, "%.2f V", v);
    }

    static String watts(double w) {
        return Math.abs(w) < 1 ? round(w * 1000, 3) + " mW" : round(w, 3) + " W";
    }

    static String ohms(double r) {
        if (r >= 1e6) {
            return round(r / 1e6, 3) + " MΩ";
        }
        return r >= 1e3 ? round(r / 1e3, 3) + " kΩ" : round(r, 3) + " Ω";
    }

    /** {@code v} to {@code digits} significant digits, without trailing zeros. */
    private static String round(double v, int digits) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros()
                .toPlainString();
    }
}
