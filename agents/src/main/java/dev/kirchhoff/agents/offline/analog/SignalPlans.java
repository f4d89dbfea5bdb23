package dev.kirchhoff.agents.offline.analog;

import dev.kirchhoff.agents.Constraint;
import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.agents.Pinouts;
import dev.kirchhoff.agents.Quantity;
import dev.kirchhoff.agents.RecipeKind;
import dev.kirchhoff.agents.recipes.ESeries;
import dev.kirchhoff.agents.recipes.Eng;
import dev.kirchhoff.agents.recipes.Filters;
import dev.kirchhoff.agents.recipes.LedDriver;
import dev.kirchhoff.agents.recipes.LoadSwitch;
import dev.kirchhoff.agents.recipes.Pick;
import dev.kirchhoff.agents.recipes.VoltageDivider;
import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.ModelKind;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.PinType;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Plans for the passive and discrete building blocks: voltage divider (a signal scaler when both voltages are given),
 * RC/RL filters (an RC low-pass with a named push button becomes a debounce filter into a named Schmitt gate), LED
 * driver, and the NPN and logic-level MOSFET load switches. Stateless.
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
        boolean scaling = k.value(Quantity.INPUT_VOLTAGE).isPresent() && k.value(Quantity.OUTPUT_VOLTAGE).isPresent();
        VoltageDivider.Design d = scaling
                ? VoltageDivider.designForSignal(vin, vout, ESeries.E24)
                : VoltageDivider.design(vin, vout, ESeries.E24);
        if (scaling) {
            k.b.note("scales " + Eng.num(vin) + " V to " + Eng.num(d.vout()) + " V (" + Eng.num(vout) + " V asked, "
                    + Eng.percent(ESeries.error(vout, d.vout())) + ") with "
                    + Eng.human(d.r1().chosen(), "Ω") + " over " + Eng.human(d.r2().chosen(), "Ω") + ", "
                    + Eng.human(d.r1().chosen() + d.r2().chosen(), "Ω") + " in all");
        }
        k.supply("VIN", vin, "the input voltage to divide");
        String r1 = k.resistor("VIN", "VOUT", d.r1().chosen(), "top of the divider");
        String r2 = k.resistor("VOUT", Kit.GND, d.r2().chosen(), "bottom of the divider");
        k.compute(d.computations(r1, r2));
        k.b.why("divider", "Vout = Vin · R2/(R1 + R2) gives " + Eng.num(d.vout()) + " V; " + (scaling
                        ? "R1 + R2 of 10-100 kΩ for a signal keeps the " : "R2 of 10-100 kΩ keeps the ")
                        + "idle current at " + Eng.human(d.currentAmps(), "A") + " while the output's Thevenin resistance, "
                        + Eng.human(d.theveninOhms(), "Ω") + ", stays low enough for a high-impedance input",
                "Horowitz & Hill §1.2.3: Thevenin equivalent R1 ∥ R2");
        k.value(Quantity.RESISTANCE).ifPresent(load -> k.b.note("with a " + Eng.human(load, "Ω") + " load the output"
                + " sags to " + Eng.num(VoltageDivider.loaded(vin, d.r1().chosen(), d.r2().chosen(), load)) + " V"));
    }

    static void filter(Kit k, RecipeKind kind) {
        Optional<Part> button = k.named(Kit.kind(ModelKind.SWITCH));
        if (kind == RecipeKind.RC_LOW_PASS && button.isPresent()) {
            debounce(k, button.get());
            return;
        }
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

    /** The least time a debounced button must stay pressed before the output follows, seconds. */
    static final double DEBOUNCE = 0.010;
    /** The pull-up of a debounced button, ohms. */
    static final double DEBOUNCE_PULL_UP = 10e3;
    /** The capacitor of the debounce filter, farads (ceramic). */
    static final double DEBOUNCE_FARADS = 470e-9;

    /** A Schmitt-trigger inverter package: gates 1A→1Y, 2A→2Y, … with a comparator model of one gate. */
    static boolean isSchmittGate(Part p) {
        return Kit.kind(ModelKind.COMPARATOR).test(p) && p.pin("1A").isPresent() && p.pin("1Y").isPresent()
                && p.model().pinOrder().size() < 5;
    }

    /**
     * A hardware debounced push button: pull-up to VCC, the button to ground, a series resistor and a capacitor to
     * ground that the contacts' bounce cannot move across the thresholds, into a Schmitt-trigger input (the named
     * 74HC14-style gate, unused inputs to ground) whose hysteresis gives one clean edge. Without a Schmitt gate the
     * RC node is the output, with a note.
     */
    static void debounce(Kit k, Part button) {
        Optional<Part> schmitt = k.named(SignalPlans::isSchmittGate);
        double vcc = k.value(Quantity.INPUT_VOLTAGE).or(k::supplyVolts).orElseGet(() -> {
            k.b.note("no supply given: using 5 V");
            return 5.0;
        });
        if (schmitt.isPresent() && schmitt.get().supply() != null && schmitt.get().supply().max() != null
                && (vcc > schmitt.get().supply().max() || vcc < schmitt.get().supply().min())) {
            k.b.note(Eng.num(vcc) + " V is outside the " + schmitt.get().id() + "'s " + Eng.num(schmitt.get().supply()
                    .min()) + "-" + Eng.num(schmitt.get().supply().max()) + " V: using 5 V");
            vcc = 5.0;
        }
        double vtPlus = schmitt.map(p -> Kit.param(p, "vtPlus", 0.5 * 5.0)).orElse(0.6 * vcc) * vcc / 5.0;
        double vtMinus = schmitt.map(p -> Kit.param(p, "vtMinus", 0.32 * 5.0)).orElse(0.3 * vcc) * vcc / 5.0;
        // twice the contacts' bounce time (5 ms for a tactile switch), at least 10 ms, unless the request says
        double t = k.value(Quantity.DURATION).orElse(Math.max(DEBOUNCE, 2 * Kit.param(button, "bounceTime", 0.005)));
        double c = DEBOUNCE_FARADS;
        double pressLn = Math.log(vcc / vtMinus);
        Pick r2 = Pick.atLeast(t / (c * pressLn),
                ESeries.E12);
        double r1 = DEBOUNCE_PULL_UP;
        double press = r2.chosen() * c * pressLn;
        double release = (r1 + r2.chosen()) * c * Math.log(vcc / (vcc - vtPlus));
        k.b.title("Debounced push button (RC" + (schmitt.isPresent() ? " + " + schmitt.get().id() : "") + "), "
                + Eng.human(press, "s"));
        k.supply("VCC", vcc, "supply");
        String pu = k.resistor("VCC", "BTN", r1, "pull-up: the input is high while the button is open");
        String sw = k.b.nextRef("SW");
        k.b.part(sw, button.id(), "the button, pulls BTN to ground when pressed");
        k.b.connect("BTN", sw + ":" + button.model().pinOrder().get(0));
        k.b.connect(Kit.GND, sw + ":" + button.model().pinOrder().get(1));
        String rs = k.resistor("BTN", "RC", r2.chosen(), "filter resistor: the capacitor discharges through it");
        String cap = k.capacitor("RC", Kit.GND, c, "filter capacitor: bounces shorter than the time constant "
                + "cannot move it across the thresholds");
        k.b.compute(new DesignPlan.Computation(pu, "resistance", "pull-up, 10 kΩ by convention",
                r1, r1, "", Eng.human(vcc / r1, "A") + " while pressed"));
        k.b.compute(r2.computation(rs, "resistance", "R2 = t / (C · ln(VCC/VT−)) = " + Eng.human(t, "s") + " / ("
                + Eng.human(c, "F") + " · ln(" + Eng.num(vcc) + "/" + Eng.num(vtMinus) + "))",
                "pressed: RC falls to VT− after " + Eng.human(press, "s")));
        k.b.compute(new DesignPlan.Computation(cap, "capacitance", "t_release = (R1 + R2) · C · "
                + "ln(VCC/(VCC − VT+))", c, c, "", "released: RC rises to VT+ after " + Eng.human(release, "s")));
        double fc = 1 / (2 * Math.PI * r2.chosen() * c);
        k.b.compute(new DesignPlan.Computation(rs, "cut-off", "fc = 1/(2π · R2 · C) = 1/(2π · "
                + Eng.human(r2.chosen(), "Ω") + " · " + Eng.human(c, "F") + ")", fc, fc, "", "low-pass corner "
                + Eng.human(fc, "Hz") + ": bounce (kHz) is filtered, a press (tens of ms) passes"));
        if (schmitt.isPresent()) {
            Part g = schmitt.get();
            String u = k.b.nextRef("U");
            k.b.part(u, g.id(), "Schmitt-trigger inverter: one clean edge from the slow RC voltage");
            k.b.connect("VCC", u + ":VCC");
            k.b.connect(Kit.GND, u + ":GND");
            k.decouple("VCC", u);
            k.b.connect("RC", u + ":1A");
            k.b.connect("OUT", u + ":1Y");
            for (int n = 2; n <= 8 && g.pin(n + "A").isPresent(); n++) {
                k.b.connect(Kit.GND, u + ":" + n + "A");
            }
            k.b.why("Schmitt trigger", "the RC node moves slowly; the " + g.id() + "'s hysteresis (VT+ "
                            + Eng.num(vtPlus) + " V, VT− " + Eng.num(vtMinus) + " V) turns it into one clean edge; OUT "
                            + "is high while the button is pressed (the gate inverts); unused inputs are grounded so "
                            + "they do not float and oscillate",
                    g.id() + ": VT+ " + Eng.num(vtPlus) + " V, VT− " + Eng.num(vtMinus) + " V at " + Eng.num(vcc) + " V",
                    "TI SCLA011: unused CMOS inputs must be tied high or low");
        } else {
            k.b.note("no Schmitt-trigger gate named: RC is the debounced signal; feed it to a Schmitt input "
                    + "(74HC14) so the slow edge gives one clean transition");
        }
        k.b.why("debounce", "contacts bounce for about " + Eng.human(Kit.param(button, "bounceTime", 0.005), "s")
                        + "; " + cap + " through " + rs + " (pressed) and " + pu + " + " + rs + " (released) takes "
                        + Eng.human(press, "s") + " / " + Eng.human(release, "s") + " to cross the thresholds, longer "
                        + "than the bounce", button.id() + ": bounce " + Eng.human(Kit.param(button, "bounceTime",
                        0.005), "s"), "J. Ganssle, 'A Guide to Debouncing' (2008)");
    }

    /** Below this much headroom above Vf the LED current is set with a lowered Vf, volts. */
    static final double LOW_HEADROOM = 0.5;
    /** How much less than its rated Vf an LED drops at a fraction of its rated current, volts. */
    static final double VF_AT_LOW_CURRENT = 0.2;

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
        double vfUsed = vf;
        if (vs < vf) {
            k.b.note(Eng.num(vs) + " V is below the LED's forward voltage (" + Eng.num(vf)
                    + " V): it would barely light; using 5 V");
            vs = Math.max(5.0, vf + 1.5);
        } else if (vs < vf + LOW_HEADROOM) {
            // the rated Vf is at the rated current; at the lower current asked the LED drops a little less, and
            // designing for that errs towards less current, never more
            vfUsed = vf - VF_AT_LOW_CURRENT;
            k.b.note("only " + Eng.num(vs - vfUsed) + " V is left across the resistor at " + Eng.num(vs)
                    + " V: the current depends strongly on the LED's Vf spread (designed for Vf "
                    + Eng.num(vfUsed) + " V, so it errs low); a constant-current driver holds it exactly");
        }
        LedDriver.Design d = LedDriver.design(vs, vfUsed, target, ifMax);
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
        boolean inductive = Kit.isCoil(p);
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
