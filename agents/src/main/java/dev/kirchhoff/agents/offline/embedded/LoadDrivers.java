package dev.kirchhoff.agents.offline.embedded;

import dev.kirchhoff.agents.Constraint;
import dev.kirchhoff.agents.DesignException;
import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.ModelKind;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.PinFunction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives loads a GPIO cannot carry (motors, fans, pumps, solenoids, relay coils, buzzers): on a driver module's
 * outputs, through a relay module's contacts when asked, or low side through a logic-level N-MOSFET (gate resistor,
 * 100 kΩ pull-down) or an NPN transistor (computed base resistor), with a flyback diode across inductive loads and
 * bulk capacitors on motor rails when asked. Works on one {@link Session}; not thread-safe.
 */
final class LoadDrivers {

    /** A prompt that asks for PWM, dimming or brightness control of its loads. */
    private static final Pattern PWM_ASKED =
            Pattern.compile("(?i)\\b(pwm|dimm?(ed|ing|able|er)?|brightness|fad(e|es|ed|ing))\\b");

    private final Session s;

    LoadDrivers(Session s) {
        this.s = s;
    }

    void wireLoad(Session.Device d, List<String[]> driverOutputs) {
        Part part = d.part();
        double volts = part.supply() != null && part.supply().nominal() != null ? part.supply().nominal()
                : part.model().parameter("voltage", 5.0);
        double amps = Session.typicalCurrent(part);
        if (amps == 0 && part.model() != null && part.model().parameters().containsKey("resistance")) {
            amps = volts / part.model().parameter("resistance", 1e9);
        }
        boolean inductive = part.model() != null && (part.model().kind() == ModelKind.MOTOR
                || part.model().parameters().containsKey("inductance")
                || part.model().parameters().containsKey("coilResistance"));
        if (driverOutputs.size() >= part.pins().size()) {
            List<String> outs = new ArrayList<>();
            String[] first = driverOutputs.get(0);
            for (int i = 0; i < part.pins().size(); i++) {
                String[] o = driverOutputs.remove(0);
                String net = o[2] + "_" + Session.netName(o[1]);
                s.plan.connect(net, o[0] + ":" + o[1], d.ref() + ":" + Session.pinRef(part, part.pins().get(i)));
                outs.add(o[1]);
            }
            s.plan.why(d.label(), d.label() + " runs from the module " + first[0] + " (outputs "
                    + String.join(", ", outs) + "), which carries its current and its flyback protection.",
                    part.id() + ": " + Values.v(volts) + ", " + Values.ma(amps));
            return;
        }
        Rails.Rail rail = s.rail(volts, amps, d.label()).orElseThrow(() -> new DesignException(
                DesignException.Reason.REFUSED, "no supply for " + part.id() + " at " + Values.v(volts),
                List.of("power " + part.id() + " from an adapter")));
        if (s.req.has(Constraint.RELAY) && s.kb.part("relay-module-1ch").isPresent()) {
            wireLoadViaRelay(d, rail, volts, amps, inductive);
            return;
        }
        if (s.req.has(Constraint.P_CHANNEL_MOSFET) || s.req.has(Constraint.HIGH_SIDE)) {
            s.plan.note("a high-side (P-channel) switch was asked for; the design uses a low-side N-channel switch, "
                    + "which a " + Values.v(s.logicV) + " pin can turn fully on (a P-channel part on " + Values.v(volts)
                    + " would need a level-shifting transistor for its gate)");
        }
        PartPin plus = part.pins().get(0);
        // the first pin is the supply side, the second the return the switch closes; a common-anode LED strip has
        // one return per colour (R, G, B), each switched on its own; a bare relay's further pins are its contacts
        List<PartPin> returns = part.pins().subList(1, part.category() == Category.LIGHT ? part.pins().size() : 2);
        s.plan.connect(rail.net, d.ref() + ":" + Session.pinRef(part, plus));
        rail.draw(amps);
        double channelAmps = returns.size() > 1 ? part.model().parameter("currentPerChannel", amps / returns.size())
                : amps;
        Part askedBjt = s.preferred.stream().map(s.kb::part).flatMap(Optional::stream)
                .filter(x -> x.model() != null && x.model().kind() == ModelKind.BJT
                        && x.model().parameter("vceMax", 0) > 0).findFirst().orElse(null);
        boolean mosfetAsked = s.req.has(Constraint.N_CHANNEL_MOSFET) || s.req.has(Constraint.LOGIC_LEVEL_MOSFET)
                || s.preferred.stream().map(s.kb::part).flatMap(Optional::stream)
                .anyMatch(x -> x.model() != null && x.model().kind() == ModelKind.MOSFET);
        boolean bjt = !mosfetAsked && (askedBjt != null || s.req.has(Constraint.BJT)
                || part.category() == Category.AUDIO && amps <= 0.4);
        // motors are speed-controlled and LED strips dimmed by PWM; other loads when the prompt asks for it
        boolean pwm = part.model() != null && part.model().kind() == ModelKind.MOTOR
                || part.category() == Category.LIGHT || PWM_ASKED.matcher(s.req.prompt()).find();
        for (PartPin minus : returns) {
            String tag = returns.size() > 1 ? d.label() + "_" + Session.netName(minus.name()) : d.label();
            switchLow(d, tag, minus, rail, volts, channelAmps, bjt, askedBjt, pwm, inductive);
        }
        if (!inductive && part.category() == Category.LIGHT) {
            s.plan.why(d.label(), d.label() + " (" + part.id() + ") is a resistive LED load: " + (returns.size() > 1
                    ? "each colour's cathodes return through their own switch, dimmed by its own PWM pin" : "its "
                    + "cathode side returns through the switch, dimmed by PWM") + "; it has no coil, so no flyback "
                    + "diode is needed.", part.id() + ": " + Values.v(volts) + ", " + Values.ma(amps)
                    + (returns.size() > 1 ? ", " + Values.ma(channelAmps) + " per channel" : ""));
        }
        if (!rail.net.equals("5V") && !rail.net.equals("3V3")) {
            s.plan.why("ground", "The " + rail.net + " supply's ground is joined to the board's GND: the switch's "
                    + "control voltage is measured against it.");
        }
    }

    /** One low-side switch: the load's return pin {@code minus} to ground through a MOSFET or NPN driven from a pin. */
    private void switchLow(Session.Device d, String tag, PartPin minus, Rails.Rail rail, double volts, double amps,
                           boolean bjt, Part askedBjt, boolean pwm, boolean inductive) {
        Part part = d.part();
        double pinMax = 0.02;
        String sw = tag + "_SW";
        s.plan.connect(sw, d.ref() + ":" + Session.pinRef(part, minus));
        String ctrl = tag + "_CTRL";
        double ampsF = amps;
        String q = s.plan.nextRef("Q");
        String why = tag + " (" + part.id() + ") draws " + Values.ma(amps) + " at " + Values.v(volts)
                + ", more than a GPIO can give (" + Values.ma(pinMax) + "): it is never wired to the pin; a low-side "
                + (bjt ? "NPN transistor" : "logic-level N-MOSFET") + " switches it";
        s.plan.note(tag + " is switched by " + q + " (" + (bjt ? "NPN" : "N-MOSFET") + ", low side) on "
                + rail.net + ", not driven straight from a GPIO");
        if (bjt) {
            Part t = askedBjt != null ? askedBjt : npn(volts, amps);
            s.plan.component(q, ComponentKind.BJT, t.id(), null, "low-side switch for " + tag);
            s.plan.connect(sw, q + ":C");
            s.plan.connect(Session.GND, q + ":E");
            s.request(new PinSolver.Need(PinFunction.GPIO, PinSolver.Direction.OUT, false, false), tag, c -> {
                double v = c.pin().voltage() != null ? c.pin().voltage() : s.logicV;
                double max = c.pin().maxCurrent() != null ? c.pin().maxCurrent() : 0.02;
                String rb = s.plan.nextRef("R");
                double vbe = t.model().parameter("vbeSat", t.model().parameter("vbeOn", 0.8));
                DesignPlan.Computation comp = Values.baseResistor(rb, v, vbe, ampsF,
                        t.model().parameter("hfeMin", 100), max);
                s.plan.component(rb, ComponentKind.RESISTOR, "resistor", Values.text(comp.chosen(), ""),
                        "base resistor for " + q);
                s.plan.connect(ctrl, s.boardPin(c), rb + ":1");
                s.plan.connect(tag + "_BASE", rb + ":2", q + ":B");
                s.plan.assign(tag + " driver", s.boardPin(c), rb + ":1", c.reason());
                s.plan.compute(comp);
                s.plan.why(rb, rb + " limits " + q + "'s base current to " + comp.resultNote().replace("base current ",
                        "") + ", enough to saturate it at " + Values.ma(ampsF) + ".", t.id() + ": hFE min "
                        + (int) t.model().parameter("hfeMin", 100) + ", Vbe " + Values.v(vbe) + ", Ic max "
                        + Session.trim(t.model().parameter("icMax", 0)) + " A");
            });
        } else {
            Part m = mosfet(volts, amps);
            s.plan.component(q, ComponentKind.MOSFET, m.id(), null, "low-side switch for " + tag);
            s.plan.connect(sw, q + ":D");
            s.plan.connect(Session.GND, q + ":S");
            String rpd = s.plan.nextRef("R");
            s.request(new PinSolver.Need(pwm ? PinFunction.PWM : PinFunction.GPIO, PinSolver.Direction.OUT, pwm, false),
                    tag, c -> {
                        double v = c.pin().voltage() != null ? c.pin().voltage() : s.logicV;
                        double max = c.pin().maxCurrent() != null ? c.pin().maxCurrent() : 0.02;
                        String rg = s.plan.nextRef("R");
                        DesignPlan.Computation comp = Values.gateResistor(rg, v, max);
                        s.plan.component(rg, ComponentKind.RESISTOR, "resistor", Values.text(comp.chosen(), ""),
                                "gate resistor for " + q);
                        s.plan.connect(ctrl, s.boardPin(c), rg + ":1");
                        s.plan.connect(tag + "_GATE", rg + ":2", q + ":G", rpd + ":1");
                        s.plan.assign(tag + " driver", s.boardPin(c), rg + ":1", c.reason());
                        s.plan.compute(comp);
                        s.plan.why(rg, rg + " limits the pin's peak current into " + q + "'s gate capacitance to "
                                + comp.resultNote().replace("peak gate current ", "") + ".", s.board.id() + ": "
                                + c.pin().name() + " max " + Values.ma(max));
                    });
            s.plan.component(rpd, ComponentKind.RESISTOR, "resistor", "100k", "gate pull-down for " + q);
            s.plan.connect(Session.GND, rpd + ":2");
            s.plan.why(rpd, rpd + " (100 kΩ) holds " + q + " off while the board boots and its pin floats.",
                    "gate pull-down: 100 kΩ");
            s.plan.why(q, why + ": " + m.id() + " turns fully on from " + Values.v(s.logicV) + ".", m.id() + ": Vth max "
                    + Values.v(m.model().parameter("vthMax", 2)) + ", Vds max " + Values.v(m.model().parameter(
                    "vdsMax", 30)) + ", Id max " + Session.trim(m.model().parameter("idMax", 1)) + " A");
        }
        if (bjt) {
            s.plan.why(q, why + ".");
        }
        if (inductive) {
            Part diode = s.kb.part(s.preferred.contains("1n4007") ? "1n4007" : s.preferred.contains("1n5819") ? "1n5819"
                    : pwm ? "1n5819" : "1n4007").orElseThrow();
            String dr = s.plan.nextRef("D");
            s.plan.component(dr, ComponentKind.DIODE, diode.id(), null, "flyback diode across " + tag);
            s.plan.connect(rail.net, dr + ":K");
            s.plan.connect(sw, dr + ":A");
            s.plan.why(dr, dr + " (" + diode.id() + ") across " + tag + ", cathode to " + rail.net
                            + ", carries the coil current when " + q + " turns off, clamping the spike.",
                    diode.id() + ": Vr max " + Values.v(diode.model().parameter("vrMax", 40)) + ", If "
                            + Session.trim(diode.model().parameter("if", 1)) + " A", part.id() + ": inductive load");
        }
    }

    /** A load switched by the contacts of a relay module, as the prompt asked: COM on the rail, NO to the load. */
    private void wireLoadViaRelay(Session.Device d, Rails.Rail rail, double volts, double amps, boolean inductive) {
        Part part = d.part();
        Part relay = s.kb.part("relay-module-1ch").orElseThrow();
        String u = s.plan.nextRef("U");
        s.plan.part(u, relay.id(), "relay module switching " + d.label());
        s.wirePower(u, relay, d.label() + "_RELAY");
        String on = d.label() + "_NO";
        s.plan.connect(rail.net, u + ":COM");
        s.plan.connect(on, u + ":NO", d.ref() + ":" + Session.pinRef(part, part.pins().get(0)));
        s.plan.connect(Session.GND, d.ref() + ":" + Session.pinRef(part, part.pins().get(1)));
        rail.draw(amps);
        PartPin in = relay.pin("IN").orElseThrow();
        String net = d.label() + "_RELAY_IN";
        s.request(PinSolver.Need.of(PinFunction.GPIO, PinSolver.Direction.OUT), d.label() + " relay",
                c -> s.link(net, u, relay, in, c, "relay " + d.label()));
        s.plan.why(u, d.label() + " (" + Values.ma(amps) + " at " + Values.v(volts) + ") is switched by the contacts of "
                        + "a relay module, as asked: its on-board transistor and diode drive the coil from a GPIO, "
                        + "and the contacts isolate " + rail.net + " from the board.",
                relay.id() + ": contacts " + Session.trim(relay.model().parameter("contactCurrentMax", 10)) + " A, input a "
                        + "few mA");
        if (inductive) {
            Part diode = s.kb.part("1n4007").orElseThrow();
            String dr = s.plan.nextRef("D");
            s.plan.component(dr, ComponentKind.DIODE, diode.id(), null, "flyback diode across " + d.label());
            s.plan.connect(on, dr + ":K");
            s.plan.connect(Session.GND, dr + ":A");
            s.plan.why(dr, dr + " across " + d.label() + " clamps its turn-off spike, which would otherwise arc the "
                    + "relay contacts.", diode.id() + ": Vr max 1000 V", part.id() + ": inductive load");
        }
    }

    /** An NPN transistor with margin for the load: a small-signal part up to a few hundred mA, else a Darlington. */
    private Part npn(double volts, double amps) {
        for (String id : List.of("2n2222", "bc337", "tip120")) {
            Optional<Part> p = s.kb.part(id);
            if (p.isPresent() && p.get().model() != null && p.get().model().parameter("icMax", 0) >= 1.5 * amps
                    && p.get().model().parameter("vceMax", 0) >= 1.5 * volts) {
                return p.get();
            }
        }
        return s.kb.part("tip120").orElseThrow();
    }

    /** Bulk electrolytic capacitors on the s.rails of motors and servos, when the prompt asks for one. */
    void bulkCaps(List<Session.Device> devices) {
        boolean asked = s.preferred.contains("capacitor-electrolytic")
                || Pattern.compile("(?i)\\bbulk\\b").matcher(s.req.prompt()).find();
        if (!asked) {
            return;
        }
        Set<String> done = new HashSet<>();
        for (Session.Device d : devices) {
            if (d.part().model() == null || d.part().model().kind() != ModelKind.MOTOR) {
                continue;
            }
            String railNet = s.railOf(d).map(r -> r.net).orElseGet(() -> s.plan.netOf(d.ref() + ":"
                    + Session.pinRef(d.part(), d.part().pins().get(0))).orElse(null));
            if (railNet == null || !done.add(railNet) || railNet.equals(Session.GND)) {
                continue;
            }
            String c = s.plan.nextRef("C");
            s.plan.component(c, ComponentKind.CAPACITOR, "capacitor-electrolytic", "470u", "bulk capacitor on "
                    + railNet);
            s.plan.connect(railNet, c + ":1");
            s.plan.connect(Session.GND, c + ":2");
            s.plan.why(c, c + " (470 µF electrolytic, + to " + railNet + ") near the motors holds " + railNet
                    + " up during their start and stall current peaks.", "capacitor-electrolytic: polarised, + to "
                    + "the rail");
        }
    }

    /** A logic-level MOSFET whose on-resistance is specified at or below the s.board's logic level, with margin on Vds and Id. */
    private Part mosfet(double volts, double amps) {
        List<String> candidates = new ArrayList<>();
        for (String id : List.of("irlz44n", "ao3400", "2n7000")) {
            if (s.preferred.contains(id)) {
                candidates.add(0, id);
            } else {
                candidates.add(id);
            }
        }
        Part fallback = null;
        for (String id : candidates) {
            Optional<Part> p = s.kb.part(id);
            if (p.isEmpty() || p.get().model() == null) {
                continue;
            }
            Map<String, Double> m = p.get().model().parameters();
            double spec = specifiedGate(m);
            boolean ok = m.getOrDefault("vdsMax", 0.0) >= 1.5 * volts && m.getOrDefault("idMax", 0.0) >= 3 * amps
                    && m.getOrDefault("vthMax", 10.0) < s.logicV;
            if (ok && spec <= s.logicV + 1e-9) {
                return p.get();
            }
            if (ok && fallback == null) {
                fallback = p.get();
            }
        }
        if (fallback == null) {
            throw new DesignException(DesignException.Reason.REFUSED, "no MOSFET in the knowledge base can switch "
                    + Values.ma(amps) + " at " + Values.v(volts) + " from a " + Values.v(s.logicV) + " pin",
                    List.of("use a relay module or a motor driver module"));
        }
        s.plan.note(fallback.id() + " is specified from " + Values.v(specifiedGate(fallback.model().parameters()))
                + " gate drive; at " + Values.v(s.logicV) + " it conducts with a somewhat higher on-resistance");
        return fallback;
    }

    /** The lowest gate voltage at which the part's data specifies its on-resistance. */
    private static double specifiedGate(Map<String, Double> m) {
        double best = m.containsKey("vgsRdsOn") ? m.get("vgsRdsOn") : 10;
        Pattern p = Pattern.compile("rdsOn(\\d)(\\d)?V?");
        for (String k : m.keySet()) {
            Matcher x = p.matcher(k);
            if (x.matches()) {
                double v = x.group(2) == null ? Integer.parseInt(x.group(1))
                        : Integer.parseInt(x.group(1)) + Integer.parseInt(x.group(2)) / 10.0;
                best = Math.min(best, v);
            }
        }
        return best;
    }
}
