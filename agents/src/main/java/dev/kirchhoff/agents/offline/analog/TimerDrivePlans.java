package dev.kirchhoff.agents.offline.analog;

import dev.kirchhoff.agents.DesignException;
import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.agents.Pinouts;
import dev.kirchhoff.agents.Quantity;
import dev.kirchhoff.agents.recipes.ESeries;
import dev.kirchhoff.agents.recipes.Eng;
import dev.kirchhoff.agents.recipes.LoadSwitch;
import dev.kirchhoff.agents.recipes.Pick;
import dev.kirchhoff.agents.recipes.Timer555;
import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.ModelKind;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.PinType;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A 555 astable that switches a named load (an LED strip, fan, DC motor or solenoid) through a logic-level N-channel
 * MOSFET: OUT → gate resistor → gate (100 kΩ pull-down), the load from the supply to the drain, a Schottky flyback
 * diode across an inductive load, the supply decoupled at the 555 and at the load. A prompt about PWM, dimming,
 * brightness or speed control gets the diode-steered duty-cycle astable: R1 from VCC to DISCHARGE and the pot's
 * wiper, the wiper-to-end-1 half charging the capacitor through one 1N4148 and the wiper-to-end-3 half discharging it
 * through the other, at a default 1 kHz. The supply is the load's voltage, which must lie in the NE555's 4.5-16 V.
 * Stateless.
 */
final class TimerDrivePlans {

    /** The words that ask for an adjustable duty cycle rather than a blinker. */
    private static final Pattern PWM = Pattern.compile(
            "\\b(pwm|dimm(er|ing)|dim|dims|brightness|speed control(ler)?|speed controlled|fader)\\b");
    /** The PWM frequency when none is given, hertz. */
    static final double PWM_DEFAULT_HZ = 1000;
    /** The NE555's supply range, volts (TI SLFS022 §6.3). */
    static final double VCC_MIN = 4.5;
    static final double VCC_MAX = 16;
    /** The 555 output high below VCC at light load, volts (TI SLFS022 §6.5: VOH about VCC − 1.7 V). */
    static final double OUTPUT_DROP = 1.7;
    /** The share of the 555's 200 mA output rating the gate-charge peak may take. */
    static final double GATE_PEAK = 0.1;
    /** The smallest gate resistor, ohms (IRLZ44N notes: 100-220 Ω). */
    static final double GATE_MIN_OHMS = 100;
    /** The gate pull-down, ohms: the 555 holds the gate both ways, so it only needs to hold it off unpowered. */
    static final double GATE_PULL_DOWN = 100e3;
    /** The bulk capacitor's allowed ripple, as a fraction of the supply. */
    static final double BULK_RIPPLE = 0.05;

    private TimerDrivePlans() {
    }

    /** The named load a 555 should switch: a two-terminal actuator or light that is not a sounder or a bare LED. */
    static Optional<Part> load(Kit k) {
        return k.pinouts.parts().stream()
                .filter(r -> r.request().role() == PartRole.LOAD || r.part().category() == Category.ACTUATOR
                        || r.part().category() == Category.LIGHT)
                .map(Pinouts.Resolved::part)
                .filter(p -> p.category() != Category.AUDIO && !Kit.kind(ModelKind.LED).test(p))
                .filter(p -> p.pins().size() == 2 && p.pins().stream().allMatch(pp -> pp.type() == PinType.PASSIVE))
                .findFirst();
    }

    /** Whether the prompt asks for a duty cycle set by hand (a dimmer or speed controller). */
    static boolean wantsPwm(Kit k) {
        String prompt = k.req.prompt() == null ? "" : k.req.prompt().toLowerCase(Locale.ROOT);
        return PWM.matcher(prompt).find() || k.value(Quantity.DUTY_CYCLE).isPresent();
    }

    /** The part's name up to its first comma or parenthesis: "12 V single-colour LED strip". */
    static String shortName(Part p) {
        return p.name().split("[,(]")[0].strip();
    }

    private static double rated(Part p) {
        return p.supply() != null && p.supply().nominal() != null ? p.supply().nominal() : Kit.param(p, "voltage", 12);
    }

    /**
     * The supply: what the prompt gave, else the load's rating; a prompt voltage above the load's rating gives way
     * to the rating (with a note); refused when that is outside the NE555's range.
     */
    private static double supply(Kit k, Part load) {
        Optional<Double> asked = k.value(Quantity.INPUT_VOLTAGE).or(k::supplyVolts);
        double v = asked.orElse(rated(load));
        if (asked.isPresent() && load.supply() != null && load.supply().max() != null && v > load.supply().max()) {
            k.b.note(Eng.num(v) + " V is above the " + load.name() + "'s " + Eng.num(load.supply().max())
                    + " V rating: powering it and the 555 from its " + Eng.num(rated(load)) + " V; for a load rated "
                    + Eng.num(v) + " V the same circuit runs from " + Eng.num(v) + " V (change the supply)");
            v = rated(load);
        }
        if (v < VCC_MIN || v > VCC_MAX) {
            throw new DesignException(DesignException.Reason.REFUSED, "The " + load.name() + " runs from "
                    + Eng.num(v) + " V, outside the NE555's " + Eng.num(VCC_MIN) + "-" + Eng.num(VCC_MAX)
                    + " V supply range, so one supply cannot power both the 555 and the load.",
                    List.of("Power the 555 from a regulator (a 78L12 from up to 30 V) and switch the load from its own "
                                    + "supply: ask for the regulator and the 555 separately",
                            "Use a CMOS TLC555 (2-15 V) for a load below 4.5 V"));
        }
        return v;
    }

    static void drive(Kit k, Part load) {
        double vcc = supply(k, load);
        boolean pwm = wantsPwm(k);
        boolean coil = Kit.isCoil(load);
        double running = load.current() != null && load.current().typical() != null ? load.current().typical()
                : Kit.param(load, "current", 0.1);
        double resistance = Kit.param(load, "resistance", 0);
        // a motor at start-up or stalled, or a coil, is its winding resistance across the supply
        double peak = Math.max(running, resistance > 0 ? vcc / resistance : 0);
        running = k.value(Quantity.CURRENT).orElse(running);
        peak = Math.max(peak, running);
        String what = load.model() != null && load.model().kind() == ModelKind.MOTOR ? "speed controller"
                : load.category() == Category.LIGHT ? "dimmer" : "driver";

        String u = TimerPlans.timer(k, vcc);
        double f;
        if (pwm) {
            f = k.value(Quantity.FREQUENCY).orElseGet(() -> {
                k.b.note("no PWM frequency given: using " + Eng.human(PWM_DEFAULT_HZ, "Hz"));
                return PWM_DEFAULT_HZ;
            });
            f = pwmTiming(k, u, vcc, f, load);
            k.b.title("555 PWM " + what + " for the " + shortName(load) + ", "
                    + Eng.human(f, "Hz"));
        } else {
            f = k.value(Quantity.FREQUENCY).orElseGet(() -> {
                k.b.note("no frequency given: switching the load at 1 Hz (say PWM, dimmer or speed control for an "
                        + "adjustable duty cycle)");
                return 1.0;
            });
            Timer555.Astable d = Timer555.astable(f, k.value(Quantity.DUTY_CYCLE).orElse(0.5));
            TimerPlans.timingNetwork(k, u, d);
            f = d.frequency();
            k.b.title("555 astable switching the " + shortName(load) + " at "
                    + Eng.human(f, "Hz"));
            k.b.why("timing", "f = 1.44/((R1 + 2R2)·C) = " + Eng.human(f, "Hz") + ", duty "
                    + Eng.num(Math.round(d.duty() * 1000) / 10.0) + " %", "TI NE555 datasheet SLFS022 §8.3.2");
        }
        mosfet(k, u, vcc, load, running, peak);
        wireLoad(k, load, coil, peak);
        bulk(k, vcc, running, pwm ? f : 0);
    }

    /** The diode-steered duty-cycle astable on THR and DIS; returns its frequency. */
    private static double pwmTiming(Kit k, String u, double vcc, double f, Part load) {
        Part diode = k.part("1n4148");
        Part potPart = k.part("potentiometer");
        Timer555.Pwm d = Timer555.pwm(f, vcc, Timer555.STEERING_DIODE_DROP);
        String r1 = k.resistor("VCC", "DIS", d.r1().chosen(), "R1, feeds the pot's wiper; sets the shortest pulse");
        String pot = k.b.nextRef("RV");
        k.b.component(pot, ComponentKind.PART, potPart.id(), Eng.spice(d.pot().chosen()),
                "sets the duty cycle (wiper to end 1 charges, wiper to end 3 discharges)");
        String dc = k.b.nextRef("D");
        k.b.component(dc, ComponentKind.DIODE, diode.id(), null, "steers the charging current through the pot's "
                + "wiper-to-end-1 half");
        String dd = k.b.nextRef("D");
        k.b.component(dd, ComponentKind.DIODE, diode.id(), null, "steers the discharging current through the pot's "
                + "wiper-to-end-3 half");
        String c = k.capacitor("THR", Kit.GND, d.c().chosen(), "timing capacitor");
        k.b.connect("DIS", u + ":DISCH", pot + ":W");
        k.b.connect("POT_CHG", pot + ":1", dc + ":A");
        k.b.connect("POT_DIS", pot + ":3", dd + ":K");
        k.b.connect("THR", u + ":THRES", u + ":TRIG", dc + ":K", dd + ":A");
        k.compute(d.computations(r1, pot, c));
        if (k.value(Quantity.DUTY_CYCLE).isPresent()) {
            k.b.note("the duty cycle is set by " + pot + ": turn it to about "
                    + Eng.num(Math.round(k.value(Quantity.DUTY_CYCLE).get() * 100)) + " %");
        }
        k.b.why("duty cycle", "the capacitor charges from VCC through " + r1 + ", the wiper-to-end-1 half of " + pot
                        + " and " + dc + ", and discharges through " + dd + " and the other half into DISCHARGE, so "
                        + "the two halves set the high and low times separately: duty = (R1 + Ra)/(R1 + Rpot) = "
                        + Eng.num(Math.round(d.minDuty() * 1000) / 10.0) + "-" + Eng.num(Math.round(d.maxDuty() * 1000)
                        / 10.0) + " %, while the period holds the whole pot, f = 1/((R1 + Rpot)·C·k) = "
                        + Eng.human(d.frequency(), "Hz") + " wherever the wiper is; R1 ≥ 1 kΩ limits the discharge "
                        + "transistor's current and sets the shortest pulse",
                "TI NE555 datasheet SLFS022 §8.3.2: thresholds 1/3 and 2/3 VCC, R1 ≥ 1 kΩ",
                diode.id() + ": about " + Eng.num(Timer555.STEERING_DIODE_DROP) + " V at the timing current, "
                        + "which k = ln((2/3·VCC − Vd)/(1/3·VCC − Vd)) accounts for");
        boolean light = load.category() == Category.LIGHT;
        k.b.why("PWM frequency", Eng.human(d.frequency(), "Hz") + " keeps a 555 edge (well under 1 µs into the gate) "
                        + "a small part of the period, so switching loss stays small; " + (light
                        ? "it is far above the ~100 Hz where an LED's flicker is seen directly, and full-depth PWM is "
                        + "in IEEE 1789's low-risk region from 1.25 kHz with no observable effect from 3 kHz: ask for "
                        + "3 kHz if stroboscopic effects matter"
                        : "a motor's winding may hum at it: 20-25 kHz is above hearing (Intel's 4-wire fan PWM "
                        + "specification targets 25 kHz) at more switching loss, while a 2-wire fan's own commutation "
                        + "electronics prefer a low PWM rate"),
                light ? "IEEE 1789-2015: low risk when modulation % < 0.08 · f below 1.25 kHz"
                        : "Intel 4-Wire PWM Controlled Fans specification: 21-28 kHz, 25 kHz target");
        k.b.note("ngspice has no potentiometer: the exported deck leaves " + pot + " open (so the operating point shows "
                + "no timing); to simulate the PWM, replace it with its two halves, wiper to end 1 and wiper to end 3");
        return d.frequency();
    }

    /** The MOSFET with its gate resistor from OUT and its pull-down; the drain is SW. */
    private static void mosfet(Kit k, String u, double vcc, Part load, double running, double peak) {
        double voh = vcc - OUTPUT_DROP;
        Part m = k.named(p -> Kit.kind(ModelKind.MOSFET).test(p) && !Kit.spiceText(p).toUpperCase(Locale.ROOT)
                .contains("PMOS")).orElseGet(() -> k.part("irlz44n"));
        if (!m.id().equals("irlz44n") && (Kit.param(m, "idMax", 1) < 1.25 * peak
                || Kit.param(m, "vthMax", 2) >= 0.6 * voh || Kit.param(m, "vgsMax", 20) < vcc
                || Kit.param(m, "vdsMax", 30) < 1.5 * vcc)) {
            k.b.note("the " + m.id() + " (ID max " + Eng.human(Kit.param(m, "idMax", 1), "A") + ", VGS max "
                    + Eng.num(Kit.param(m, "vgsMax", 20)) + " V) does not fit " + Eng.human(peak, "A") + " from a "
                    + Eng.num(vcc) + " V 555 output: using the logic-level IRLZ44N");
            m = k.part("irlz44n");
        }
        double rds = voh >= 10 ? Kit.param(m, "rdsOn", 0.05)
                : Kit.param(m, "rdsOn5V", Kit.param(m, "rdsOn4V5", Kit.param(m, "rdsOn", 0.05)));
        // the gate-charge peak stays within a tenth of the output's rating; at a low VCC the 100 Ω floor (the
        // datasheet's 100-220 Ω) still damps the loop of output, gate resistor and gate capacitance
        LoadSwitch.Mosfet d = LoadSwitch.mosfet(voh, Math.min(GATE_PEAK, voh / GATE_MIN_OHMS), rds, running,
                GATE_PULL_DOWN);
        if (voh < 4.5) {
            k.b.note("from " + Eng.num(vcc) + " V the 555 output high is only about " + Eng.num(voh) + " V: the " + m.id()
                    + " conducts, but its RDS(on) is specified from 4 V; check its transfer curve or run the 555 and "
                    + "the load from 9-12 V");
        }
        String rg = k.resistor("OUT", "GATE", d.rg().chosen(), "gate resistor: limits the gate-charge current peak");
        String pd = k.resistor("GATE", Kit.GND, d.pullDown().chosen(), "holds the gate off while the 555 is unpowered");
        String q = k.b.nextRef("Q");
        k.b.component(q, ComponentKind.MOSFET, m.id(), null, "low-side switch for the " + shortName(load));
        k.b.connect("OUT", u + ":OUT");
        k.b.connect("GATE", q + ":G");
        k.b.connect("SW", q + ":D");
        k.b.connect(Kit.GND, q + ":S");
        k.compute(d.computations(rg, pd));
        k.b.why("gate drive", "the 555 output swings 0 to about VCC − 1.7 V = " + Eng.num(voh) + " V and sinks and "
                        + "sources up to 200 mA, so it drives the gate directly: " + rg + " keeps the gate-charge "
                        + "peak at " + Eng.human(voh / d.rg().chosen(), "A") + " and damps ringing, " + pd + " holds the"
                        + " load off while the 555 is unpowered; " + Eng.num(voh) + " V is " + (voh >= 2 * Kit.param(m, "vthMax", 2)
                        ? "far above" : "only just above") + " the "
                        + Eng.num(Kit.param(m, "vthMax", 2)) + " V worst-case threshold and VCC stays within VGS max "
                        + Eng.num(Kit.param(m, "vgsMax", 20)) + " V",
                "ne555: output high about VCC − 1.7 V, 200 mA",
                m.id() + ": VGS(th) max " + Eng.num(Kit.param(m, "vthMax", 2)) + " V, RDS(on) " + Eng.human(rds, "Ω")
                        + ", ID max " + Eng.human(Kit.param(m, "idMax", 0), "A") + "; 100-220 Ω gate resistor, "
                        + "10-100 kΩ pull-down");
    }

    /** The load from VCC to SW, and a flyback diode across it when it is a coil. */
    private static void wireLoad(Kit k, Part load, boolean coil, double peak) {
        String ref = k.b.nextRef("M");
        k.b.part(ref, load.id(), "the switched load");
        k.b.connect("VCC", ref + ":" + load.pins().get(0).name());
        k.b.connect("SW", ref + ":" + load.pins().get(1).name());
        if (!coil) {
            k.b.why("no flyback diode", "the " + shortName(load) + " is resistive (LEDs with series resistors): nothing "
                    + "keeps its current flowing at turn-off, so no flyback diode", load.id() + ": resistive load");
            return;
        }
        // at a 1 kHz turn-on a slow rectifier's reverse recovery shorts the supply through the MOSFET each cycle
        Part diode = k.part(peak <= 1.0 ? "1n5819" : "ss34");
        double ifMax = Kit.param(diode, "ifMax", 1);
        String d = k.b.nextRef("D");
        k.b.component(d, ComponentKind.DIODE, diode.id(), null, "flyback diode across the " + shortName(load));
        k.b.connect("VCC", d + ":K");
        k.b.connect("SW", d + ":A");
        k.b.compute(new DesignPlan.Computation(d, "current rating", "IF ≥ the load's peak current: VCC/Rwinding or "
                + "its rated current = " + Eng.human(peak, "A"), peak, ifMax, "", diode.id() + ", "
                + Eng.human(ifMax, "A") + " Schottky"));
        if (peak > ifMax) {
            k.b.note("the load's peak current (" + Eng.human(peak, "A") + ") is above the " + diode.id() + "'s "
                    + Eng.human(ifMax, "A") + ": use a larger Schottky rectifier");
        }
        k.b.why("flyback", "the " + shortName(load) + " is a coil: at each turn-off its current continues through " + d
                        + " (cathode on VCC) instead of spiking the drain; a Schottky, because at PWM rates a slow "
                        + "rectifier's reverse recovery shorts the supply through the MOSFET at each turn-on",
                diode.id() + ": " + Eng.human(ifMax, "A") + ", " + Eng.num(Kit.param(diode, "vrMax", 40))
                        + " V reverse, no reverse recovery");
    }

    /**
     * The reservoir at the load supply: with a 50 % duty (the worst) and a supply lead that passes only the average,
     * the capacitor gives the pulse, {@code ΔV = I · D(1 − D)/(f · C)}, so {@code C ≥ I / (4 · f · ΔV)}; a blinker
     * (f = 0) gets 100 µF for the edges.
     */
    private static void bulk(Kit k, double vcc, double current, double f) {
        double dv = BULK_RIPPLE * vcc;
        double exact = f > 0 ? current / (4 * f * dv) : 100e-6;
        Pick c = Pick.atLeast(Math.max(exact, 10e-6), ESeries.E6);
        String ref = k.capacitor("VCC", Kit.GND, c.chosen(), "reservoir for the load's pulsed current");
        k.compute(List.of(c.computation(ref, "capacitance", f > 0 ? "C ≥ I · D(1 − D)/(f · ΔV) at D = 50 %: "
                        + Eng.human(current, "A") + " / (4 · " + Eng.human(f, "Hz") + " · " + Eng.num(dv) + " V)"
                        : "100 µF across the load supply for the switching edges",
                "rated " + Eng.num(Math.ceil(vcc * 2)) + " V or more (twice the rail)")));
        k.b.why("load supply", ref + " next to the load and the MOSFET supplies the pulsed current, so the supply "
                + "lead carries about the average and the 555's rail stays within ±" + Eng.num(BULK_RIPPLE * 100)
                + " %; the 555 keeps its own 100 nF", "capacitor ripple ΔV = I · D(1 − D)/(f · C)");
    }
}
