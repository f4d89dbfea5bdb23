package dev.kirchhoff.agents.offline.analog;

import dev.kirchhoff.agents.Constraint;
import dev.kirchhoff.agents.Quantity;
import dev.kirchhoff.agents.RecipeKind;
import dev.kirchhoff.agents.recipes.ESeries;
import dev.kirchhoff.agents.recipes.Eng;
import dev.kirchhoff.agents.recipes.OpAmpStages;
import dev.kirchhoff.agents.recipes.SupplyBias;
import dev.kirchhoff.agents.recipes.VoltageDivider;
import dev.kirchhoff.knowledge.ModelKind;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plans for op-amp stages (inverting, non-inverting, follower, summing) and comparators, on a single supply with a
 * mid-rail reference or on a split supply, with the unused units of a multi-unit package parked, the supply pins
 * decoupled and a test source on each input whose DC level keeps the output inside the part's swing. Stateless.
 */
final class AmplifierPlans {

    private AmplifierPlans() {
    }

    /** The chosen op-amp (or comparator) with its supply arrangement and pin names of unit 1. */
    private record Amp(Part part, String ref, boolean split, double vcc, double vee, List<String[]> units) {

        String pin(int unit, int which) {
            return ref + ":" + units.get(unit)[which];
        }

        /** The output's reachable range. */
        double high() {
            return vcc - Kit.param(part, "voutHighDrop", 1.5);
        }

        double low() {
            return vee + Kit.param(part, "voutLowDrop", 0.05);
        }

        /** The highest input common-mode voltage. */
        double inputHigh() {
            return vcc - Kit.param(part, "vicmHighDrop", 1.5);
        }
    }

    private static final int IN_P = 0;
    private static final int IN_N = 1;
    private static final int VCC = 2;
    private static final int VEE = 3;
    private static final int OUT = 4;

    /** The units of a part from its model's pin order: {@code 1IN+ 1IN- VCC GND 1OUT}, then 2…, while they exist. */
    static List<String[]> units(Part part) {
        List<String> order = part.model().pinOrder();
        List<String[]> out = new ArrayList<>();
        out.add(order.toArray(String[]::new));
        boolean numbered = order.stream().anyMatch(n -> n.contains("1") && !n.chars().allMatch(Character::isDigit));
        for (int u = 2; numbered && u <= 8; u++) {
            String[] next = new String[order.size()];
            for (int i = 0; i < next.length; i++) {
                String n = order.get(i);
                next[i] = n.contains("1") && !n.chars().allMatch(Character::isDigit) ? n.replaceFirst("1",
                        Integer.toString(u)) : n;
            }
            if (part.pin(next[IN_P]).isEmpty() || part.pin(next[OUT]).isEmpty()) {
                break;
            }
            out.add(next);
        }
        return out;
    }

    private static Amp amp(Kit k, boolean comparator) {
        Part part = k.named(p -> Kit.kind(comparator ? ModelKind.COMPARATOR : ModelKind.OPAMP).test(p))
                .or(() -> k.named(Kit.kind(ModelKind.OPAMP)))
                .or(() -> k.named(Kit.kind(ModelKind.COMPARATOR)))
                .orElse(null);
        boolean split;
        if (k.req.has(Constraint.SPLIT_SUPPLY)) {
            split = true;
        } else if (k.req.has(Constraint.SINGLE_SUPPLY)) {
            split = false;
        } else {
            split = part != null && !groundAllowed(part);
        }
        if (part == null) {
            part = k.part(comparator ? "lm393" : split ? "tl072" : "lm358");
            k.b.why("op-amp", part.id() + " chosen for a " + (split ? "split" : "single") + " supply",
                    part.id() + ": " + part.description().split("\\. ")[0]);
        }
        if (!split && !groundAllowed(part)) {
            k.b.note(part.id() + " cannot run with its negative supply at ground: using a split supply");
            split = true;
        }
        String[] u1 = units(part).get(0);
        PartPin vccPin = part.pin(u1[VCC]).orElseThrow();
        double asked = k.value(Quantity.INPUT_VOLTAGE).or(k::supplyVolts).orElse(split ? 12.0 : 5.0);
        double vcc = clamp(k, part, vccPin, split ? asked : asked, split ? "each rail of the split supply"
                : "the supply");
        double vee = split ? -vcc : 0;
        if (!k.value(Quantity.INPUT_VOLTAGE).or(k::supplyVolts).isPresent()) {
            k.b.note("no supply given: using " + (split ? "±" + Eng.num(vcc) : Eng.num(vcc)) + " V");
        }
        String ref = k.b.nextRef("U");
        k.b.part(ref, part.id(), comparator ? "comparator" : "op-amp");
        Amp a = new Amp(part, ref, split, vcc, vee, units(part));
        k.supply("VCC", vcc, split ? "positive supply" : "supply");
        k.b.connect("VCC", a.pin(0, VCC));
        k.decouple("VCC", ref);
        if (split) {
            String v = k.source(Kit.GND, "VEE", vcc, "negative supply");
            k.b.rail(new dev.kirchhoff.agents.DesignPlan.Rail("VEE", -vcc, v + " (DC source)", null, 0));
            k.b.connect("VEE", a.pin(0, VEE));
            k.decouple("VEE", ref);
        } else {
            k.b.connect(Kit.GND, a.pin(0, VEE));
        }
        k.b.why("supply", (split ? "split ±" + Eng.num(vcc) + " V: the signal is referred to ground"
                        : "single " + Eng.num(vcc) + " V: the output reaches " + Eng.num(a.low()) + "-"
                        + Eng.num(a.high()) + " V, so signals are kept inside that range"),
                part.id() + ": output swing to V+ − " + Eng.num(Kit.param(part, "voutHighDrop", 1.5))
                        + " V, input common mode to V+ − " + Eng.num(Kit.param(part, "vicmHighDrop", 1.5)) + " V",
                part.id() + ": supply " + range(part));
        return a;
    }

    /** Whether the part's negative supply pin may sit at 0 V with the positive one above it. */
    private static boolean groundAllowed(Part part) {
        String[] u1 = units(part).get(0);
        PartPin vee = part.pin(u1[VEE]).orElse(null);
        if (vee == null || vee.range() == null || vee.range().max() == null) {
            return part.supply() == null || part.supply().min() == null || part.supply().min() <= 5.0
                    || vee == null || vee.voltage() == null || vee.voltage() == 0;
        }
        return vee.range().max() >= 0;
    }

    private static double clamp(Kit k, Part part, PartPin pin, double v, String what) {
        double min = pin.range() != null && pin.range().min() != null ? pin.range().min()
                : part.supply() != null && part.supply().min() != null ? part.supply().min() : 0;
        double max = pin.range() != null && pin.range().max() != null ? pin.range().max()
                : part.supply() != null && part.supply().max() != null ? part.supply().max() : 1e9;
        if (v < min || v > max) {
            double c = Math.max(min, Math.min(max, v));
            k.b.note(Eng.num(v) + " V is outside the " + part.id() + "'s " + Eng.num(min) + "-" + Eng.num(max)
                    + " V for " + what + ": using " + Eng.num(c) + " V");
            return c;
        }
        return v;
    }

    private static String range(Part p) {
        return p.supply() == null ? "unknown" : Eng.num(p.supply().min()) + "-" + Eng.num(p.supply().max()) + " V";
    }

    /** Parks units 2… of the package: op-amps as followers of ground, comparators with both inputs grounded. */
    private static void parkUnused(Kit k, Amp a, boolean comparator) {
        for (int u = 1; u < a.units().size(); u++) {
            k.b.connect(Kit.GND, a.pin(u, IN_P));
            if (comparator) {
                k.b.connect(Kit.GND, a.pin(u, IN_N));
            } else {
                k.b.connect("UNUSED" + (u + 1), a.pin(u, IN_N), a.pin(u, OUT));
            }
        }
        if (a.units().size() > 1) {
            k.b.why("unused units", comparator
                            ? "the spare comparator's inputs go to ground so they do not float; its open-collector output stays open"
                            : "each spare op-amp is a follower of ground: a floating input makes it oscillate and draw current",
                    "TI SLOA067: unused op-amp/comparator inputs must not float");
        }
    }

    /** Mid-rail reference for single-supply stages; the net of the reference (GND on a split supply). */
    private static String reference(Kit k, Amp a) {
        if (a.split()) {
            return Kit.GND;
        }
        String r1 = k.resistor("VCC", "VREF", SupplyBias.DIVIDER_OHMS, "mid-rail reference, top");
        String r2 = k.resistor("VREF", Kit.GND, SupplyBias.DIVIDER_OHMS, "mid-rail reference, bottom");
        String c = k.capacitor("VREF", Kit.GND, SupplyBias.BYPASS_FARADS, "bypasses the mid-rail reference");
        k.compute(SupplyBias.midRailComputations(a.vcc(), r1, r2, c));
        k.b.why("bias", "on a single supply the signal swings around VCC/2 = " + Eng.num(a.vcc() / 2)
                + " V from a divider bypassed by " + Eng.human(SupplyBias.BYPASS_FARADS, "F")
                + "; AC-couple a ground-referred source through Cin = 1/(2π·f·Rin)", "TI SLOA030");
        return "VREF";
    }

    static void amplifier(Kit k, RecipeKind kind) {
        Amp a = amp(k, false);
        String title = switch (kind) {
            case INVERTING_AMPLIFIER -> "Inverting amplifier";
            case NON_INVERTING_AMPLIFIER -> "Non-inverting amplifier";
            case VOLTAGE_FOLLOWER -> "Voltage follower";
            default -> "Summing amplifier";
        };
        k.b.title(title + " with " + a.part().id() + (a.split() ? " on ±" : " on ") + Eng.num(a.vcc()) + " V");
        k.b.connect("OUT", a.pin(0, OUT));
        switch (kind) {
            case NON_INVERTING_AMPLIFIER -> nonInverting(k, a);
            case INVERTING_AMPLIFIER -> inverting(k, a);
            case VOLTAGE_FOLLOWER -> follower(k, a);
            default -> summing(k, a);
        }
        parkUnused(k, a, false);
    }

    private static double gain(Kit k, double fallback) {
        double g = Math.abs(k.valueOr(Quantity.GAIN, fallback, "", "gain"));
        if (g > 1000) {
            k.b.note("gain " + Eng.num(g) + " from one stage leaves too little loop gain for accuracy: "
                    + "designed for 1000; split it over two stages");
            g = 1000;
        }
        return g;
    }

    private static void nonInverting(Kit k, Amp a) {
        double g = gain(k, 10);
        if (g <= 1) {
            k.b.note("a non-inverting stage has a gain of at least 1: this is a voltage follower");
            follower(k, a);
            return;
        }
        OpAmpStages.Gain d = OpAmpStages.nonInverting(g);
        double span = Math.min(a.high(), a.inputHigh() * g);
        double vin = Kit.niceDown(0.5 * span / d.actual());
        k.signal("IN", vin, "signal into the non-inverting input");
        k.b.connect("IN", a.pin(0, IN_P));
        String rf = k.resistor("OUT", "FB", d.rf().chosen(), "feedback resistor Rf");
        String rg = k.resistor("FB", Kit.GND, d.rg().chosen(), "gain resistor Rg");
        k.b.connect("FB", a.pin(0, IN_N));
        k.compute(d.computations(rf, rg));
        k.b.why("gain", "G = 1 + Rf/Rg = " + Eng.num(d.actual()) + "; the output can reach " + Eng.num(a.high())
                        + " V, so inputs up to " + Eng.num(a.high() / d.actual()) + " V are amplified without clipping;"
                        + " the test input of " + Eng.num(vin) + " V gives " + Eng.num(vin * d.actual()) + " V",
                a.part().id() + ": output high V+ − " + Eng.num(Kit.param(a.part(), "voutHighDrop", 1.5)) + " V");
    }

    private static void inverting(Kit k, Amp a) {
        double g = gain(k, 10);
        OpAmpStages.Gain d = OpAmpStages.inverting(g);
        String ref = reference(k, a);
        double vref = a.split() ? 0 : a.vcc() / 2;
        double room = a.split() ? vref - a.low() : a.high() - vref;
        double delta = Kit.niceDown(0.5 * room / d.actual());
        double vin = a.split() ? vref + delta : vref - delta;
        k.signal("IN", vin, "signal into the inverting stage");
        k.b.connect(ref, a.pin(0, IN_P));
        String rin = k.resistor("IN", "SUM", d.rg().chosen(), "input resistor Rin");
        String rf = k.resistor("SUM", "OUT", d.rf().chosen(), "feedback resistor Rf");
        k.b.connect("SUM", a.pin(0, IN_N));
        k.compute(d.computations(rf, rin));
        k.b.why("gain", "G = −Rf/Rin = −" + Eng.num(d.actual()) + " about the reference " + Eng.num(vref)
                        + " V; the test input " + Eng.num(vin) + " V gives " + Eng.num(vref - d.actual() * (vin - vref))
                        + " V, inside the output swing " + Eng.num(a.low()) + "-" + Eng.num(a.high()) + " V",
                a.part().id() + ": output swing " + Eng.num(a.low()) + "-" + Eng.num(a.high()) + " V at this supply");
    }

    private static void follower(Kit k, Amp a) {
        k.b.title("Voltage follower with " + a.part().id() + (a.split() ? " on ±" : " on ") + Eng.num(a.vcc()) + " V");
        double range = Math.min(a.high(), a.inputHigh());
        k.b.compute(new dev.kirchhoff.agents.DesignPlan.Computation(a.ref(), "input range",
                "Vin,max = min(V+ − output drop, V+ − input common-mode drop) = min(" + Eng.num(a.high()) + " V, "
                        + Eng.num(a.inputHigh()) + " V)", range, range, "", "gain 1 for inputs from "
                        + Eng.num(Math.max(a.low(), a.split() ? a.vee() + 1.5 : 0)) + " V to " + Eng.num(range) + " V"));
        double vin = Kit.niceDown(0.5 * range);
        k.signal("IN", vin, "signal to buffer");
        k.b.connect("IN", a.pin(0, IN_P));
        k.b.connect("OUT", a.pin(0, IN_N));
        k.b.why("follower", "output tied to the inverting input: gain 1, input impedance of the op-amp's input, "
                        + "output impedance near zero; inputs up to " + Eng.num(Math.min(a.high(), a.inputHigh()))
                        + " V are followed",
                a.part().id() + ": input common mode to V+ − " + Eng.num(Kit.param(a.part(), "vicmHighDrop", 1.5)) + " V");
    }

    private static void summing(Kit k, Amp a) {
        double g = gain(k, 1);
        int inputs = 2;
        OpAmpStages.Gain d = OpAmpStages.inverting(g);
        String ref = reference(k, a);
        double vref = a.split() ? 0 : a.vcc() / 2;
        double room = a.split() ? vref - a.low() : a.high() - vref;
        double delta = Kit.niceDown(0.5 * room / (d.actual() * 1.5));
        k.b.connect(ref, a.pin(0, IN_P));
        k.b.connect("SUM", a.pin(0, IN_N));
        String rf = k.resistor("SUM", "OUT", d.rf().chosen(), "feedback resistor Rf");
        List<String> rins = new ArrayList<>();
        for (int n = 1; n <= inputs; n++) {
            double dv = delta / n;
            double vin = a.split() ? vref + dv : vref - dv;
            String net = "IN" + n;
            k.signal(net, vin, "summing input " + n);
            rins.add(k.resistor(net, "SUM", d.rg().chosen(), "input resistor R" + n));
        }
        k.compute(d.computations(rf, rins.get(0)));
        k.b.why("sum", "Vout = Vref − Rf · Σ (Vi − Vref)/Ri: each input weighted " + Eng.num(d.actual())
                        + "; the inverting input is a virtual ground, so the inputs do not interact",
                "Horowitz & Hill §4.2.4");
    }

    static void comparator(Kit k) {
        Amp a = amp(k, true);
        boolean openCollector = a.part().pin(a.units().get(0)[OUT])
                .map(p -> p.type() == dev.kirchhoff.schematic.model.PinType.OPEN_COLLECTOR).orElse(false);
        double vth = k.value(Quantity.THRESHOLD_VOLTAGE).orElseGet(() -> {
            k.b.note("no threshold given: switching at half the supply");
            return a.vcc() / 2;
        });
        if (vth >= a.inputHigh() || vth <= 0) {
            double c = Math.max(0.1, Math.min(a.inputHigh() - 0.1, vth));
            k.b.note("a threshold of " + Eng.num(vth) + " V is outside the " + a.part().id()
                    + "'s input range (0-" + Eng.num(a.inputHigh()) + " V): using " + Eng.num(c) + " V");
            vth = c;
        }
        k.b.title("Comparator (" + a.part().id() + ") switching at " + Eng.num(vth) + " V");
        VoltageDivider.Design div = VoltageDivider.design(a.vcc(), vth, ESeries.E24);
        String r1 = k.resistor("VCC", "VTH", div.r1().chosen(), "threshold divider, top");
        String r2 = k.resistor("VTH", Kit.GND, div.r2().chosen(), "threshold divider, bottom");
        k.compute(div.computations(r1, r2));
        k.b.connect("VTH", a.pin(0, IN_N));
        k.b.connect("OUT", a.pin(0, OUT));
        double vhigh = openCollector ? a.vcc() : a.high();
        if (openCollector) {
            String pu = k.resistor("VCC", "OUT", 10e3, "output pull-up (open-collector output)");
            k.b.why("pull-up", pu + " pulls the open-collector output up to VCC; the output only sinks",
                    a.part().id() + ": open-collector output, sinks " + Eng.human(Kit.param(a.part(), "isink", 0.016), "A"));
        }
        boolean hysteresis = k.req.prompt().toLowerCase(Locale.ROOT).contains("hysteresis")
                || k.req.prompt().toLowerCase(Locale.ROOT).contains("schmitt");
        double vin = vth + Math.min(0.5, 0.5 * (a.inputHigh() - vth));
        if (hysteresis) {
            double width = 0.02 * a.vcc();
            OpAmpStages.Hysteresis h = OpAmpStages.hysteresis(vth, width, vhigh);
            String rin = k.resistor("IN", "HYS", h.rin().chosen(), "input resistor of the hysteresis network");
            String rh = k.resistor("OUT", "HYS", h.rh().chosen(), "positive feedback for hysteresis");
            k.b.connect("HYS", a.pin(0, IN_P));
            k.compute(h.computations(rin, rh));
            k.b.why("hysteresis", "positive feedback through " + rh + " moves the trip point by "
                    + Eng.num(h.rising() - h.falling()) + " V so a slow or noisy input switches once", "Horowitz & Hill §4.3.2");
            vin = Math.min(a.inputHigh(), h.rising() + 0.2);
        } else {
            k.b.connect("IN", a.pin(0, IN_P));
        }
        k.b.why("threshold", "the output goes high when IN rises above " + Eng.num(div.vout())
                        + " V (divider from VCC, so the threshold tracks the supply)",
                a.part().id() + ": input common mode 0 to V+ − " + Eng.num(Kit.param(a.part(), "vicmHighDrop", 1.5)) + " V");
        k.signal("IN", vin, "signal compared with the threshold");
        parkUnused(k, a, !a.part().model().kind().equals(ModelKind.OPAMP));
    }
}
