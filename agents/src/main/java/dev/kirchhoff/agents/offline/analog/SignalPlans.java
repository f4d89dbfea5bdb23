package dev.kirchhoff.agents.offline.analog;

import dev.kirchhoff.agents.Constraint;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.agents.Pinouts;
import dev.kirchhoff.agents.Quantity;
import dev.kirchhoff.agents.RecipeKind;
import dev.kirchhoff.agents.recipes.Eng;
import dev.kirchhoff.agents.recipes.Filters;
import dev.kirchhoff.agents.recipes.LedDriver;
import dev.kirchhoff.agents.recipes.LoadSwitch;
import dev.kirchhoff.agents.recipes.VoltageDivider;
import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.ModelKind;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.schematic.model.PinType;
import dev.kirchhoff.schematic.model.ComponentKind;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Plans for the passive and discrete building blocks: voltage divider, RC/RL filters, LED driver, and the NPN and
 * logic-level MOSFET load switches. Stateless.
 */
final class SignalPlans {

    /** The logic level that drives a switch when the prompt gives none, volts. */
    static final double LOGIC_DRIVE = 5.0;
    /** The most current a logic pin may give a base or gate, amperes (AVR and ESP32 GPIO limit). */
    static final double PIN_LIMIT = 0.020;

    private SignalPlans() {
    }

    static void divider(Kit k) {
        double vin = k.value(Quantity.INPUT_VOLTAGE).or(k::supplyVolts).orElseGet(() -> {
            k.b.note("no input voltage given: dividing 5 V");
            return 5.0;
        });
        double vout = k.value(Quantity.OUTPUT_VOLTAGE).or(() -> k.value(Quantity.THRESHOLD_VOLTAGE)).orElseGet(() -> {
            k.b.note("no output voltage given: dividing by two");
            return vin / 2;
        });
        if (!(vout > 0 && vout < vin)) {
            k.b.note("a divider can only give less than its input (" + Eng.num(vout) + " V asked from "
                    + Eng.num(vin) + " V): dividing by two instead; use a boost converter to step up");
            vout = vin / 2;
        }
        k.b.title("Voltage divider " + Eng.num(vin) + " V to " + Eng.num(vout) + " V");
        VoltageDivider.Design d = VoltageDivider.design(vin, vout, dev.kirchhoff.agents.recipes.ESeries.E24);
        k.supply("VIN", vin, "the input voltage to divide");
        String r1 = k.resistor("VIN", "VOUT", d.r1().chosen(), "top of the divider");
        String r2 = k.resistor("VOUT", Kit.GND, d.r2().chosen(), "bottom of the divider");
        k.compute(d.computations(r1, r2));
        k.b.why("divider", "Vout = Vin · R2/(R1 + R2) gives " + Eng.num(d.vout()) + " V; R2 of 10-100 kΩ keeps the "
                        + "idle current at " + Eng.human(d.currentAmps(), "A") + " while the output's Thevenin resistance, "
                        + Eng.human(d.theveninOhms(), "Ω") + ", stays low enough for a high-impedance input",
                "Horowitz & Hill §1.2.3: Thevenin equivalent R1 ∥ R2");
        k.value(Quantity.RESISTANCE).ifPresent(load -> k.b.note("with a " + Eng.human(load, "Ω") + " load the output"
                + " sags to " + Eng.num(VoltageDivider.loaded(vin, d.r1().chosen(), d.r2().chosen(), load)) + " V"));
    }

    static void filter(Kit k, RecipeKind kind) {
        boolean inductive = kind == RecipeKind.RL_LOW_PASS || kind == RecipeKind.RL_HIGH_PASS;
        boolean low = kind == RecipeKind.RC_LOW_PASS || kind == RecipeKind.RL_LOW_PASS;
        double fc = k.value(Quantity.CUTOFF).or(() -> k.value(Quantity.FREQUENCY)).orElseGet(() -> {
            k.b.note("no cut-off frequency given: using 1 kHz");
            return 1e3;
        });
        Filters.Design d = inductive ? Filters.rl(fc) : Filters.rc(fc);
        String name = (inductive ? "RL " : "RC ") + (low ? "low-pass" : "high-pass");
        k.b.title(name + " filter, fc " + Eng.human(d.corner(), "Hz"));
        k.signal("IN", 1.0, "filter input");
        String r;
        String x;
        boolean seriesResistor = inductive != low; // RC low-pass and RL high-pass have R in series
        if (seriesResistor) {
            r = k.resistor("IN", "OUT", d.r().chosen(), "series resistor of the " + name);
            x = inductive ? k.inductor("OUT", Kit.GND, d.reactive().chosen(), "shunt inductor of the " + name)
                    : k.capacitor("OUT", Kit.GND, d.reactive().chosen(), "shunt capacitor of the " + name);
        } else {
            x = inductive ? k.inductor("IN", "OUT", d.reactive().chosen(), "series inductor of the " + name)
                    : k.capacitor("IN", "OUT", d.reactive().chosen(), "series capacitor of the " + name);
            r = k.resistor("OUT", Kit.GND, d.r().chosen(), "shunt resistor of the " + name);
        }
        k.compute(d.computations(r, x));
        k.b.why("filter", "a first-order " + name + " is −3 dB at fc = " + (inductive ? "R/(2πL)" : "1/(2πRC)")
                        + " and rolls off 20 dB/decade " + (low ? "above" : "below") + " it; drive it from a source well "
                        + "below " + Eng.human(d.r().chosen(), "Ω") + " and load it with well above",
                "Horowitz & Hill §1.7");
    }

    static void led(Kit k) {
        Part led = k.named(Kit.kind(ModelKind.LED)).orElseGet(() -> {
            k.b.note("no LED colour named: using a red 5 mm LED");
            return k.part("led-red");
        });
        int count = Math.min(8, k.quantity(Kit.kind(ModelKind.LED)));
        double vs = k.value(Quantity.INPUT_VOLTAGE).or(k::supplyVolts).orElseGet(() -> {
            k.b.note("no supply given: using 5 V");
            return 5.0;
        });
        double vf = Kit.param(led, "vf", 2.0);
        double ifMax = Kit.param(led, "ifMax", 0.02);
        double nominal = Kit.param(led, "if", 0.02);
        double target = k.value(Quantity.CURRENT).orElseGet(() -> {
            k.b.note("no LED current given: using 75 % of its rated " + Eng.human(nominal, "A"));
            return 0.75 * nominal;
        });
        if (vs <= vf + 0.3) {
            k.b.note(Eng.num(vs) + " V is too close to the LED's forward voltage (" + Eng.num(vf)
                    + " V) to set its current with a resistor: using 5 V");
            vs = Math.max(5.0, vf + 1.5);
        }
        LedDriver.Design d = LedDriver.design(vs, vf, target, ifMax);
        if (d.clamped()) {
            k.b.note(Eng.human(target, "A") + " is above the LED's rating (" + Eng.human(ifMax, "A")
                    + " ifMax): designed for " + Eng.human(ifMax, "A"));
        }
        k.b.title((count > 1 ? count + " LEDs" : "LED") + " with series resistor from " + Eng.num(vs) + " V");
        k.supply("VCC", vs, "the LED supply");
        for (int n = 1; n <= count; n++) {
            String mid = count > 1 ? "LED" + n + "_A" : "LED_A";
            String r = k.resistor("VCC", mid, d.r().chosen(), "limits the LED current to "
                    + Eng.human(d.current(), "A"));
            String ref = k.b.nextRef("D");
            k.b.component(ref, ComponentKind.LED, led.id(), null, led.name());
            k.b.connect(mid, ref + ":A");
            k.b.connect(Kit.GND, ref + ":K");
            k.compute(d.computations(r));
        }
        k.b.why("LED", "R = (Vs − Vf)/I with the LED's own forward voltage; rounded up to E12 so the current stays"
                        + " at or below the target", led.id() + ": Vf " + Eng.num(vf) + " V, if " + Eng.human(nominal, "A")
                        + ", ifMax " + Eng.human(ifMax, "A"));
        if (d.power() > 0.125) {
            k.b.note("the resistor dissipates " + Eng.human(d.power(), "W") + ": use a "
                    + (d.power() > 0.25 ? "1 W" : "0.5 W") + " part");
        }
    }

    // ---- load switches --------------------------------------------------------------------------------------

    /** The load of a switch: a two-terminal knowledge-base device, or an LED with its resistor when none is named. */
    private record Load(Part part, double volts, double current, boolean inductive) {
    }

    private static Optional<Part> loadPart(Kit k) {
        return k.pinouts.parts().stream()
                .filter(r -> r.request().role() == PartRole.LOAD || r.part().category() == Category.ACTUATOR)
                .map(Pinouts.Resolved::part)
                .filter(p -> p.pins().size() == 2 && p.pins().stream().allMatch(pp -> pp.type() == PinType.PASSIVE))
                .findFirst();
    }

    private static Load load(Kit k) {
        Optional<Part> named = loadPart(k);
        if (named.isEmpty()) {
            double vs = k.value(Quantity.INPUT_VOLTAGE).or(k::supplyVolts).orElse(5.0);
            k.b.note("no load named: switching an LED with its resistor; put your load between VCC and SW");
            return new Load(null, vs, 0, false);
        }
        Part p = named.get();
        double rated = p.supply() != null && p.supply().nominal() != null ? p.supply().nominal()
                : Kit.param(p, "voltage", 5.0);
        double vs = k.value(Quantity.INPUT_VOLTAGE).or(k::supplyVolts).orElse(rated);
        if (p.supply() != null && p.supply().max() != null && vs > p.supply().max()) {
            k.b.note(Eng.num(vs) + " V is above the " + p.name() + "'s " + Eng.num(p.supply().max())
                    + " V rating: powering it from " + Eng.num(rated) + " V");
            vs = rated;
        }
        double running = p.current() != null && p.current().typical() != null ? p.current().typical()
                : Kit.param(p, "current", 0.1);
        double resistance = Kit.param(p, "resistance", 0);
        double current = Math.max(running, resistance > 0 ? vs / resistance : 0);
        current = k.value(Quantity.CURRENT).orElse(current);
        boolean inductive = Kit.param(p, "inductance", 0) > 0 || p.model() != null
                && (p.model().kind() == ModelKind.MOTOR || p.model().kind() == ModelKind.LOAD);
        return new Load(p, vs, current, inductive);
    }

    /** Wires the load between VCC and SW (and its flyback diode); returns the load current. */
    private static double wireLoad(Kit k, Load load) {
        if (load.part() == null) {
            Part led = k.named(Kit.kind(ModelKind.LED)).orElseGet(() -> k.part("led-red"));
            LedDriver.Design d = LedDriver.design(load.volts(), Kit.param(led, "vf", 2.0), 0.015,
                    Kit.param(led, "ifMax", 0.02));
            String r = k.resistor("VCC", "LOAD_A", d.r().chosen(), "sets the LED current");
            String ref = k.b.nextRef("D");
            k.b.component(ref, ComponentKind.LED, led.id(), null, "the switched load, " + led.name());
            k.b.connect("LOAD_A", ref + ":A");
            k.b.connect("SW", ref + ":K");
            k.compute(d.computations(r));
            return d.current();
        }
        String ref = k.b.nextRef("M");
        k.b.part(ref, load.part().id(), "the switched load");
        String plus = load.part().pins().get(0).name();
        String minus = load.part().pins().get(1).name();
        k.b.connect("VCC", ref + ":" + plus);
        k.b.connect("SW", ref + ":" + minus);
        if (load.inductive()) {
            Part diode = k.part(load.current() > 1.0 ? "1n5408" : "1n4007");
            String d = k.b.nextRef("D");
            k.b.component(d, ComponentKind.DIODE, diode.id(), null, "flyback diode across the "
                    + load.part().name());
            k.b.connect("VCC", d + ":K");
            k.b.connect("SW", d + ":A");
            k.b.why("flyback", "the load is a coil: at turn-off its current continues through " + d
                            + " (cathode on the supply) instead of spiking the switch's collector/drain",
                    diode.id() + ": " + Eng.human(Kit.param(diode, "ifMax", 1), "A") + " average, "
                            + Eng.num(Kit.param(diode, "vrMax", 1000)) + " V reverse");
        }
        return load.current();
    }

    static void bjtSwitch(Kit k) {
        Load load = load(k);
        double ic = load.part() == null ? 0.015 : load.current();
        Part q = k.named(p -> Kit.kind(ModelKind.BJT).test(p) && !Kit.spiceText(p).toUpperCase(Locale.ROOT)
                .contains("PNP")).orElse(null);
        if (q != null && Kit.param(q, "icMax", 1) < 1.25 * ic) {
            k.b.note("the " + q.id() + " is rated " + Eng.human(Kit.param(q, "icMax", 1), "A") + ", too little for "
                    + Eng.human(ic, "A") + " (with 25 % margin): using a larger transistor");
            q = null;
        }
        if (q == null) {
            q = k.part("tip120");
            for (String id : List.of("2n2222", "bc337", "tip120")) {
                Part c = k.part(id);
                if (Kit.param(c, "icMax", 0) >= 1.25 * ic) {
                    q = c;
                    break;
                }
            }
        }
        if (Kit.param(q, "icMax", 1) < ic) {
            k.b.note("the load draws " + Eng.human(ic, "A") + ", more than the " + q.id() + "'s "
                    + Eng.human(Kit.param(q, "icMax", 1), "A") + ": use a logic-level MOSFET such as the IRLZ44N");
        }
        double vbe = Kit.param(q, "vbeSat", Kit.param(q, "vbeOn", 0.8));
        double hfeMin = Kit.param(q, "hfeMin", Kit.param(q, "hfe", 100));
        LoadSwitch.Bjt d = LoadSwitch.bjt(LOGIC_DRIVE, vbe, ic, hfeMin);
        k.b.title("NPN low-side switch (" + q.id() + ") for " + (load.part() == null ? "an LED"
                : load.part().name()));
        k.supply("VCC", load.volts(), "the load supply");
        k.signal("CTRL", LOGIC_DRIVE, "logic control input, high = on");
        wireLoad(k, load);
        String rb = k.resistor("CTRL", "BASE", d.rb().chosen(), "base resistor");
        String pd = k.resistor("BASE", Kit.GND, d.pullDown().chosen(), "holds the base off while CTRL floats");
        String ref = k.b.nextRef("Q");
        k.b.component(ref, ComponentKind.BJT, q.id(), null, "low-side switch");
        k.b.connect("SW", ref + ":C");
        k.b.connect("BASE", ref + ":B");
        k.b.connect(Kit.GND, ref + ":E");
        k.compute(d.computations(rb, pd));
        k.b.why("base drive", "forced beta " + Eng.num(d.forcedBeta()) + " (IB = IC/" + Eng.num(d.forcedBeta())
                        + ") saturates the transistor whatever its hFE, so it dissipates VCE(sat)·IC, not a linear drop",
                q.id() + ": hFE min " + Eng.num(hfeMin) + ", VBE(sat) " + Eng.num(vbe) + " V, VCE(sat) "
                        + Eng.num(Kit.param(q, "vceSat", 0.3)) + " V, IC max " + Eng.human(Kit.param(q, "icMax", 0), "A"));
        if (d.baseCurrent() > PIN_LIMIT) {
            k.b.note("the base needs " + Eng.human(d.baseCurrent(), "A") + ", more than a GPIO's 20 mA: drive it "
                    + "through a small transistor or use a logic-level MOSFET");
        }
    }

    static void mosfetSwitch(Kit k) {
        Load load = load(k);
        double current = load.part() == null ? 0.015 : load.current();
        Part m = k.named(p -> Kit.kind(ModelKind.MOSFET).test(p) && !Kit.spiceText(p).toUpperCase(Locale.ROOT)
                .contains("PMOS")).orElseGet(() -> k.part("irlz44n"));
        if (Kit.param(m, "idMax", 1) < 1.25 * current || Kit.param(m, "vthMax", 2) >= 0.6 * LOGIC_DRIVE) {
            k.b.note("the " + m.id() + " (ID max " + Eng.human(Kit.param(m, "idMax", 1), "A") + ", VGS(th) max "
                    + Eng.num(Kit.param(m, "vthMax", 2)) + " V) cannot switch " + Eng.human(current, "A") + " hard from "
                    + Eng.num(LOGIC_DRIVE) + " V: using the logic-level IRLZ44N");
            m = k.part("irlz44n");
        }
        double rds = Kit.param(m, "rdsOn5V", Kit.param(m, "rdsOn4V5", Kit.param(m, "rdsOn", 0.05)));
        double vthMax = Kit.param(m, "vthMax", 2.0);
        LoadSwitch.Mosfet d = LoadSwitch.mosfet(LOGIC_DRIVE, PIN_LIMIT, rds, current);
        k.b.title("Logic-level N-channel MOSFET switch (" + m.id() + ") for " + (load.part() == null ? "an LED"
                : load.part().name()));
        k.supply("VCC", load.volts(), "the load supply");
        k.signal("CTRL", LOGIC_DRIVE, "logic control input, high = on");
        wireLoad(k, load);
        String rg = k.resistor("CTRL", "GATE", d.rg().chosen(), "gate resistor");
        String pd = k.resistor("GATE", Kit.GND, d.pullDown().chosen(), "holds the gate off while CTRL floats");
        String ref = k.b.nextRef("Q");
        k.b.component(ref, ComponentKind.MOSFET, m.id(), null, "low-side switch");
        k.b.connect("SW", ref + ":D");
        k.b.connect("GATE", ref + ":G");
        k.b.connect(Kit.GND, ref + ":S");
        k.compute(d.computations(rg, pd));
        k.b.why("gate drive", "a " + Eng.num(LOGIC_DRIVE) + " V gate is well above the " + Eng.num(vthMax)
                        + " V worst-case threshold and at the drive the on-resistance is specified for; the gate "
                        + "resistor limits the gate-charge current peak, the pull-down keeps the load off at reset",
                m.id() + ": VGS(th) max " + Eng.num(vthMax) + " V, RDS(on) " + Eng.human(rds, "Ω")
                        + " at 5 V, ID max " + Eng.human(Kit.param(m, "idMax", 0), "A"));
        if (k.req.has(Constraint.P_CHANNEL_MOSFET)) {
            k.b.note("a P-channel high-side switch was asked for; this design is the N-channel low-side switch");
        }
    }
}
