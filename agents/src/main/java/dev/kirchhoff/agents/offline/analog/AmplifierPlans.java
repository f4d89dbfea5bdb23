package dev.kirchhoff.agents.offline.analog;

import dev.kirchhoff.agents.Constraint;
import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.DesignValue;
import dev.kirchhoff.agents.Quantity;
import dev.kirchhoff.agents.RecipeKind;
import dev.kirchhoff.agents.recipes.ESeries;
import dev.kirchhoff.agents.recipes.Eng;
import dev.kirchhoff.agents.recipes.LedDriver;
import dev.kirchhoff.agents.recipes.OpAmpStages;
import dev.kirchhoff.agents.recipes.Pick;
import dev.kirchhoff.agents.recipes.SupplyBias;
import dev.kirchhoff.agents.recipes.VoltageDivider;
import dev.kirchhoff.knowledge.ModelKind;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.schematic.model.ComponentKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Plans for op-amp stages (inverting, non-inverting, follower, summing) and comparators, on a single supply with a
 * mid-rail reference or on a split supply, with the unused units of a multi-unit package parked, the supply pins
 * decoupled and a test source on each input whose DC level keeps the output inside the part's swing; a comparator
 * takes a named photoresistor as its input (light-sensing divider) and a named LED on its output; an LM386-type audio
 * power amplifier gets the datasheet's minimum-parts circuit into its speaker. Stateless.
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
        Part part = k.named(p -> isStage(p, comparator ? ModelKind.COMPARATOR : ModelKind.OPAMP))
                .or(() -> k.named(p -> isStage(p, ModelKind.OPAMP)))
                .or(() -> k.named(p -> isStage(p, ModelKind.COMPARATOR)))
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
        Optional<Double> given = comparator ? comparatorSupply(k) : amplifierSupply(k);
        double asked = given.orElse(split ? 12.0 : 5.0);
        double vcc = clamp(k, part, vccPin, split ? asked : asked, split ? "each rail of the split supply"
                : "the supply");
        double vee = split ? -vcc : 0;
        if (given.isEmpty()) {
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
            k.b.rail(new DesignPlan.Rail("VEE", -vcc, v + " (DC source)", null, 0));
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

    /**
     * Whether {@code p} is a single op-amp or comparator stage of {@code kind}: its model's pin order is the five
     * pins {@code IN+ IN- V+ V- OUT} of unit 1. A Schmitt-trigger gate or an audio power amplifier also carries an
     * op-amp or comparator model but has other pins, and is not one.
     */
    static boolean isStage(Part p, ModelKind kind) {
        return Kit.kind(kind).test(p) && p.model().pinOrder().size() == 5;
    }

    /**
     * The supply of a comparator: the one the prompt gave, else the highest input voltage that leaves room above
     * the threshold (an input voltage equal to the threshold is the signal, not the supply); empty when none fits.
     */
    private static Optional<Double> comparatorSupply(Kit k) {
        Optional<Double> supply = k.supplyVolts();
        if (supply.isPresent()) {
            return supply;
        }
        double vth = k.value(Quantity.THRESHOLD_VOLTAGE).orElse(0.0);
        return k.req.values().stream().filter(v -> v.quantity() == Quantity.INPUT_VOLTAGE)
                .map(DesignValue::value).filter(v -> v > vth * 1.2 && v > vth + 1.0)
                .max(Double::compare);
    }

    /** The least supply any op-amp here runs from, volts; an input voltage below it is a signal level. */
    static final double LOWEST_SUPPLY = 3.0;

    /**
     * The supply of an amplifier: the one the prompt gave, else the highest input voltage that can be a supply
     * (a "0-0.5 V signal" is the signal's level, not the supply); empty when none.
     */
    private static Optional<Double> amplifierSupply(Kit k) {
        Optional<Double> supply = k.supplyVolts();
        if (supply.isPresent()) {
            return supply;
        }
        return k.req.values().stream().filter(v -> v.quantity() == Quantity.INPUT_VOLTAGE)
                .map(DesignValue::value).filter(v -> v >= LOWEST_SUPPLY).max(Double::compare);
    }

    /** The signal level the prompt gave: an input voltage below the supply and below {@link #LOWEST_SUPPLY}. */
    private static Optional<Double> signalLevel(Kit k, Amp a) {
        return k.req.values().stream().filter(v -> v.quantity() == Quantity.INPUT_VOLTAGE)
                .map(DesignValue::value)
                .filter(v -> v > 0 && v < LOWEST_SUPPLY && v < a.vcc()).max(Double::compare);
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
        Optional<Double> level = signalLevel(k, a);
        if (level.isPresent()) {
            double full = level.get() * d.actual();
            if (full <= a.high() && level.get() <= a.inputHigh()) {
                vin = level.get();
                k.b.note("a " + Eng.num(level.get()) + " V input gives " + Eng.num(full) + " V out, inside the "
                        + Eng.num(a.high()) + " V the output reaches");
            } else {
                k.b.note("a " + Eng.num(level.get()) + " V input would need " + Eng.num(full) + " V out, above the "
                        + Eng.num(a.high()) + " V the " + a.part().id() + " reaches at this supply: it clips there;"
                        + " lower the gain or use a rail-to-rail op-amp");
            }
        }
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
        k.b.compute(new DesignPlan.Computation(a.ref(), "input range",
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
        boolean hysteresis = k.req.has(Constraint.HYSTERESIS);
        Optional<Part> ldr = k.named(AmplifierPlans::isLightDependent);
        Optional<Part> led = k.named(Kit.kind(ModelKind.LED));
        String in = ldr.isPresent() ? lightSensor(k, a, ldr.get(), div.vout(), openCollector) : "IN";
        double vin = vth + Math.min(0.5, 0.5 * (a.inputHigh() - vth));
        if (hysteresis) {
            double width = 0.02 * a.vcc();
            OpAmpStages.Hysteresis h = OpAmpStages.hysteresis(vth, width, vhigh);
            String rin = k.resistor(in, "HYS", h.rin().chosen(), "input resistor of the hysteresis network");
            String rh = k.resistor("OUT", "HYS", h.rh().chosen(), "positive feedback for hysteresis");
            k.b.connect("HYS", a.pin(0, IN_P));
            k.compute(h.computations(rin, rh));
            k.b.why("hysteresis", "positive feedback through " + rh + " moves the trip point by "
                    + Eng.num(h.rising() - h.falling()) + " V so a slow or noisy input switches once", "Horowitz & Hill §4.3.2");
            vin = Math.min(a.inputHigh(), h.rising() + 0.2);
        } else {
            k.b.connect(in, a.pin(0, IN_P));
        }
        k.b.why("threshold", "the output goes high when " + in + " rises above " + Eng.num(div.vout())
                        + " V (divider from the " + Eng.num(a.vcc()) + " V supply, so the threshold tracks the supply)",
                a.part().id() + ": input common mode 0 to V+ − " + Eng.num(Kit.param(a.part(), "vicmHighDrop", 1.5)) + " V");
        if (ldr.isEmpty()) {
            k.signal("IN", vin, "signal compared with the threshold");
        }
        led.ifPresent(l -> outputLed(k, a, l, openCollector));
        parkUnused(k, a, !a.part().model().kind().equals(ModelKind.OPAMP));
    }

    /** The light level a dark-activated sensor switches at (dusk), lux. */
    static final double DARK_LUX = 5;
    /** The light level a light-activated sensor switches at, lux. */
    static final double BRIGHT_LUX = 20;
    /** The current an indicator LED on a comparator output is designed for, amperes. */
    static final double INDICATOR_CURRENT = 0.010;

    /** A photoresistor: a resistor model with a light exponent (gamma). */
    static boolean isLightDependent(Part p) {
        return Kit.kind(ModelKind.RESISTOR).test(p) && Kit.param(p, "gamma", 0) > 0;
    }

    /**
     * The light-sensing divider: the photoresistor and a fixed resistor sized so the divider crosses the threshold
     * {@code vth} at the switching light level ({@link #DARK_LUX} for "on when dark", {@link #BRIGHT_LUX} when the
     * prompt asks for light or brightness). The photoresistor goes on the side that makes the comparator's active
     * output (low for an open collector that sinks the LED, high for a push-pull output) come with the wanted light
     * condition. Returns the sense net.
     */
    private static String lightSensor(Kit k, Amp a, Part ldr, double vth, boolean activeLow) {
        String text = k.req.prompt().toLowerCase(Locale.ROOT);
        boolean dark = !(text.contains("bright") || text.contains("daylight")) || text.contains("dark");
        double lux = dark ? DARK_LUX : BRIGHT_LUX;
        double r10 = Kit.param(ldr, "resistance", 15e3);
        double gamma = Kit.param(ldr, "gamma", 0.7);
        double rl = r10 * Math.pow(lux / 10, -gamma);
        boolean top = activeLow == dark;
        double vcc = a.vcc();
        double exact = top ? rl * vth / (vcc - vth) : rl * (vcc - vth) / vth;
        Pick r = Pick.nearest(exact, ESeries.E24);
        String ref = k.b.nextRef("R");
        k.b.part(ref, ldr.id(), "senses the light (resistance rises in the dark)");
        String fixed;
        if (top) {
            k.b.connect("VCC", ref + ":1");
            k.b.connect("SENSE", ref + ":2");
            fixed = k.resistor("SENSE", Kit.GND, r.chosen(), "lower leg of the light-sensing divider");
        } else {
            fixed = k.resistor("VCC", "SENSE", r.chosen(), "upper leg of the light-sensing divider");
            k.b.connect("SENSE", ref + ":1");
            k.b.connect(Kit.GND, ref + ":2");
        }
        k.b.compute(new DesignPlan.Computation(ref, "resistance", "R_LDR = R10 · (E/10 lx)^−γ = "
                + Eng.human(r10, "Ω") + " · (" + Eng.num(lux) + "/10)^−" + Eng.num(gamma), rl, rl, "",
                "the photoresistor at " + Eng.num(lux) + " lx"));
        k.compute(List.of(r.computation(fixed, "resistance", (top ? "R = R_LDR · Vth/(VCC − Vth)"
                : "R = R_LDR · (VCC − Vth)/Vth") + " = " + Eng.human(rl, "Ω") + " · " + (top ? Eng.num(vth) + "/"
                + Eng.num(vcc - vth) : Eng.num(vcc - vth) + "/" + Eng.num(vth)), "SENSE crosses " + Eng.num(vth)
                + " V at about " + Eng.num(lux) + " lx")));
        k.b.why("light sensor", "the photoresistor " + (top ? "from VCC" : "to ground") + " with " + fixed
                        + " makes SENSE " + (top == dark ? "fall" : "rise") + " as it gets " + (dark ? "dark" : "bright")
                        + "; the divider crosses the " + Eng.num(vth) + " V threshold at about " + Eng.num(lux)
                        + " lx, so the output turns the LED on when it is " + (dark ? "dark" : "bright")
                        + "; trim the threshold divider to move the switching point",
                ldr.id() + ": " + Eng.human(r10, "Ω") + " at 10 lx, γ " + Eng.num(gamma) + ", dark "
                        + Eng.human(Kit.param(ldr, "darkResistance", 1e6), "Ω"));
        return "SENSE";
    }

    /**
     * The LED the request named on the comparator's output: sunk by an open-collector output from VCC (on while the
     * output is low), sourced by a push-pull output to ground (on while it is high), with its series resistor.
     */
    private static void outputLed(Kit k, Amp a, Part led, boolean openCollector) {
        double vf = Kit.param(led, "vf", 2.0);
        double vol = 0.2;
        double drive = openCollector ? a.vcc() - vol : a.high();
        if (drive <= vf + 0.3) {
            k.b.note("the comparator's output swing (" + Eng.num(drive) + " V) is too small for the LED's "
                    + Eng.num(vf) + " V: no LED fitted; raise the supply");
            return;
        }
        double sink = Kit.param(a.part(), "isink", 0.016);
        double target = Math.min(INDICATOR_CURRENT, 0.6 * sink);
        LedDriver.Design d = LedDriver.design(drive, vf,
                target, Kit.param(led, "ifMax", 0.02));
        String ref = k.b.nextRef("D");
        k.b.component(ref, ComponentKind.LED, led.id(), null, "lights while the comparator's output is "
                + (openCollector ? "low" : "high"));
        String r;
        if (openCollector) {
            r = k.resistor("VCC", "LED_A", d.r().chosen(), "limits the LED current");
            k.b.connect("LED_A", ref + ":A");
            k.b.connect("OUT", ref + ":K");
        } else {
            r = k.resistor("OUT", "LED_A", d.r().chosen(), "limits the LED current");
            k.b.connect("LED_A", ref + ":A");
            k.b.connect(Kit.GND, ref + ":K");
        }
        k.compute(d.computations(r));
        k.b.why("output LED", openCollector ? "the open-collector output sinks the LED current from VCC through "
                        + r + ": R = (VCC − Vf − VOL)/I" : "the output sources the LED current through " + r
                        + ": R = (VOH − Vf)/I",
                a.part().id() + ": output sinks up to " + Eng.human(sink, "A"), led.id() + ": Vf " + Eng.num(vf) + " V");
    }

    // ---- audio power amplifier ------------------------------------------------------------------------------

    /** The gain of the LM386 with pins 1 and 8 open (TI SNAS545). */
    static final double AUDIO_GAIN_OPEN = 20;
    /** The gain with a 10 µF capacitor from pin 1 to pin 8. */
    static final double AUDIO_GAIN_MAX = 200;
    /** Asked gains from this one up get the 10 µF across the gain pins. */
    static final double AUDIO_GAIN_SWITCH = 50;

    /** An audio power amplifier of the LM386 kind: an amplifier model with gain-set and bypass pins. */
    static boolean isAudioAmp(Part p) {
        return Kit.kind(ModelKind.OPAMP).test(p) && p.pin("BYPASS").isPresent() && p.pin("GAIN1").isPresent()
                && p.pin("GAIN8").isPresent();
    }

    /** A loudspeaker or passive transducer the request named: a two-terminal load of a few ohms. */
    static boolean isSpeaker(Part p) {
        return p.model() != null && p.model().kind() == ModelKind.LOAD && p.pins().size() == 2
                && Kit.param(p, "resistance", 1e9) <= 64;
    }

    /**
     * The LM386 datasheet circuit (TI SNAS545, "Amplifier with gain = 20, minimum parts"): signal into +INPUT,
     * −INPUT grounded, 250 µF from VOUT to the speaker, 0.05 µF + 10 Ω Zobel network from VOUT to ground, 10 µF on
     * BYPASS and the supply decoupled; a gain of 50 or more asked puts 10 µF from pin 1 (+) to pin 8 for 200.
     */
    static void audio(Kit k, Part amp) {
        double vmin = amp.supply() != null && amp.supply().min() != null ? amp.supply().min() : 4;
        double vmax = amp.supply() != null && amp.supply().max() != null ? amp.supply().max() : 12;
        double nominal = amp.supply() != null && amp.supply().nominal() != null ? amp.supply().nominal() : 9;
        double vs = k.value(Quantity.INPUT_VOLTAGE).or(k::supplyVolts).orElseGet(() -> {
            k.b.note("no supply given: using the " + amp.id() + "'s nominal " + Eng.num(nominal) + " V");
            return nominal;
        });
        if (vs < vmin || vs > vmax) {
            double c = Math.max(vmin, Math.min(vmax, vs));
            k.b.note(Eng.num(vs) + " V is outside the " + amp.id() + "'s " + Eng.num(vmin) + "-" + Eng.num(vmax)
                    + " V supply: using " + Eng.num(c) + " V");
            vs = c;
        }
        double asked = k.value(Quantity.GAIN).orElse(AUDIO_GAIN_OPEN);
        boolean high = asked >= AUDIO_GAIN_SWITCH;
        double gain = high ? AUDIO_GAIN_MAX : AUDIO_GAIN_OPEN;
        if (k.value(Quantity.GAIN).isPresent() && Math.abs(asked - gain) > 0.1 * gain) {
            k.b.note("the " + amp.id() + " gives " + Eng.num(AUDIO_GAIN_OPEN) + " (pins 1 and 8 open) or "
                    + Eng.num(AUDIO_GAIN_MAX) + " (10 µF across them): gain " + Eng.num(gain) + " for the "
                    + Eng.num(asked) + " asked; a resistor in series with the 10 µF sets gains in between");
        }
        Part speaker = k.named(AmplifierPlans::isSpeaker).orElseGet(() -> {
            k.b.note("no speaker named: driving an 8 Ω speaker");
            return k.part("speaker-8-ohm");
        });
        k.b.title(amp.id().toUpperCase(Locale.ROOT) + " audio amplifier, gain " + Eng.num(gain) + ", "
                + Eng.num(vs) + " V into " + speaker.name().split(",")[0]);
        String u = k.b.nextRef("U");
        k.b.part(u, amp.id(), "audio power amplifier");
        k.supply("VCC", vs, "supply");
        k.b.connect("VCC", u + ":VS");
        k.b.connect(Kit.GND, u + ":GND", u + ":-INPUT");
        k.decouple("VCC", u);
        String bulk = k.capacitor("VCC", Kit.GND, 100e-6, "supply reservoir at " + u + " (stops motorboating)");
        k.signal("IN", 0, "audio input, ground-referenced");
        k.b.connect("IN", u + ":+INPUT");
        k.b.connect("OUT", u + ":VOUT");
        String cout = k.capacitor("OUT", "SPK", 250e-6, "output coupling capacitor: blocks the VS/2 bias from the "
                + "speaker");
        String spk = k.b.nextRef("LS");
        k.b.part(spk, speaker.id(), "the speaker");
        k.b.connect("SPK", spk + ":" + speaker.pins().get(0).name());
        k.b.connect(Kit.GND, spk + ":" + speaker.pins().get(1).name());
        String rz = k.resistor("OUT", "ZOBEL", 10, "Zobel network resistor");
        String cz = k.capacitor("ZOBEL", Kit.GND, 0.05e-6, "Zobel network capacitor");
        String cb = k.capacitor("BYP", Kit.GND, 10e-6, "BYPASS capacitor: filters the internal bias");
        k.b.connect("BYP", u + ":BYPASS");
        String cg = null;
        if (high) {
            cg = k.capacitor("GAIN_1", "GAIN_8", 10e-6, "gain capacitor: bypasses the internal 1.35 kΩ for gain 200");
            k.b.connect("GAIN_1", u + ":GAIN1");
            k.b.connect("GAIN_8", u + ":GAIN8");
        }
        double rload = Kit.param(speaker, "resistance", 8);
        double fLow = 1 / (2 * Math.PI * rload * 250e-6);
        k.b.compute(new DesignPlan.Computation(u, "gain", high
                ? "A = 2 · 15 kΩ / 150 Ω with 10 µF across pins 1-8 (datasheet)"
                : "A = 2 · 15 kΩ / (150 Ω + 1.35 kΩ) with pins 1 and 8 open (datasheet)", gain, gain, "",
                "gain " + Eng.num(gain) + " (" + Eng.num(20 * Math.log10(gain)) + " dB)"));
        k.b.compute(new DesignPlan.Computation(cout, "capacitance",
                "datasheet 250 µF; low corner f = 1/(2π · Rspeaker · C) = 1/(2π · " + Eng.num(rload) + " Ω · 250 µF)",
                250e-6, 250e-6, "", "passes audio down to " + Eng.human(fLow, "Hz")));
        k.b.compute(new DesignPlan.Computation(rz, "resistance", "datasheet Zobel 10 Ω + 0.05 µF",
                10, 10, "", "keeps the output stable into the speaker's inductance"));
        k.b.compute(new DesignPlan.Computation(cz, "capacitance", "datasheet Zobel 0.05 µF",
                0.05e-6, 0.05e-6, "", ""));
        k.b.compute(new DesignPlan.Computation(cb, "capacitance", "datasheet bypass 10 µF "
                + "(optional, improves supply rejection)", 10e-6, 10e-6, "", ""));
        if (cg != null) {
            k.b.compute(new DesignPlan.Computation(cg, "capacitance", "datasheet 10 µF from pin 1 "
                    + "(+) to pin 8 for gain 200", 10e-6, 10e-6, "", "gain 200 (46 dB)"));
        }
        double vpk = vs / 2 - Kit.param(amp, "voutHeadroom", 0.7);
        double pout = vpk * vpk / (2 * rload);
        k.b.why("audio amplifier", "the output sits at VS/2 = " + Eng.num(vs / 2) + " V, so " + cout + " (+ on VOUT)"
                        + " passes only the audio to the speaker; the 10 Ω + 0.05 µF Zobel network from VOUT to ground"
                        + " stops oscillation; −INPUT is grounded and the inputs are referenced to ground inside (50 kΩ);"
                        + " about " + Eng.human(pout, "W") + " into " + Eng.num(rload) + " Ω before clipping",
                amp.id() + ": supply " + Eng.num(vmin) + "-" + Eng.num(vmax) + " V, gain 20 open / 200 with 10 µF "
                        + "across pins 1-8, input 50 kΩ", "TI LM386 datasheet SNAS545, minimum-parts circuit",
                bulk + ": supply reservoir per the datasheet's layout advice");
        if (pout > Kit.param(speaker, "power", 1)) {
            k.b.note("the amplifier can give " + Eng.human(pout, "W") + ", more than the speaker's "
                    + Eng.human(Kit.param(speaker, "power", 1), "W") + ": keep the volume down");
        }
        k.b.note("keep the input small (about ±" + Eng.num(vpk / gain) + " V at gain " + Eng.num(gain)
                + "): feed line-level sources through a 10 kΩ volume potentiometer");
    }
}
