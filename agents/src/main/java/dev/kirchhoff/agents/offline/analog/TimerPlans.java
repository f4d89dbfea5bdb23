package dev.kirchhoff.agents.offline.analog;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.Quantity;
import dev.kirchhoff.agents.recipes.ESeries;
import dev.kirchhoff.agents.recipes.Eng;
import dev.kirchhoff.agents.recipes.LedDriver;
import dev.kirchhoff.agents.recipes.Pick;
import dev.kirchhoff.agents.recipes.Timer555;
import dev.kirchhoff.knowledge.ModelKind;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.schematic.model.ComponentKind;

import java.util.List;
import java.util.Optional;

/**
 * Plans for the 555 timer: the astable (R1, R2, C, 10 nF on CONTROL, RESET tied high) and the monostable
 * (R, C, a push button with pull-up on TRIGGER), each with an LED on the output (the astable drives a named passive
 * buzzer or speaker instead, through a current-limiting resistor and, for a speaker, a coupling capacitor) and the
 * supply decoupled. A named load (LED strip, fan, motor, solenoid) is driven through a MOSFET by
 * {@link TimerDrivePlans}. Stateless.
 */
final class TimerPlans {

    private TimerPlans() {
    }

    /** Places the 555 with its supply, decoupling, CONTROL capacitor and RESET tie; returns its reference. */
    /** The astable's R1 (VCC to DIS), R2 (DIS to THR) and timing capacitor, with DIS, THRES and TRIG wired. */
    static void timingNetwork(Kit k, String u, Timer555.Astable d) {
        String r1 = k.resistor("VCC", "DIS", d.r1().chosen(), "R1, charges the timing capacitor");
        String r2 = k.resistor("DIS", "THR", d.r2().chosen(), "R2, charges and discharges the timing capacitor");
        String c = k.capacitor("THR", Kit.GND, d.c().chosen(), "timing capacitor");
        k.b.connect("DIS", u + ":DISCH");
        k.b.connect("THR", u + ":THRES", u + ":TRIG");
        k.compute(d.computations(r1, r2, c));
    }

    static String timer(Kit k, double vcc) {
        Part t = k.named(Kit.kind(ModelKind.TIMER)).orElseGet(() -> k.part("ne555"));
        String u = k.b.nextRef("U");
        k.b.part(u, t.id(), "555 timer");
        k.supply("VCC", vcc, "supply");
        k.b.connect("VCC", u + ":VCC", u + ":RESET");
        k.b.connect(Kit.GND, u + ":GND");
        k.decouple("VCC", u);
        k.capacitor("CTRL", Kit.GND, Timer555.CONTROL_FARADS, "filters CONTROL (2/3 VCC reference)");
        k.b.connect("CTRL", u + ":CONT");
        k.b.why("555 support", "RESET tied to VCC (active low, never floating); 10 nF on CONTROL keeps noise off the"
                        + " 2/3 VCC threshold; 100 nF across the supply takes the output stage's switching spikes",
                t.id() + ": RESET below 0.7 V clears; CONT 'decouple with 10 nF to GND if unused'; VCC "
                        + "'decouple with 100 nF'");
        return u;
    }

    private static double vcc(Kit k) {
        double v = k.value(Quantity.INPUT_VOLTAGE).or(k::supplyVolts).orElseGet(() -> {
            k.b.note("no supply given: using 5 V");
            return 5.0;
        });
        if (v < 4.5 || v > 16) {
            double c = Math.max(4.5, Math.min(16, v));
            k.b.note(Eng.num(v) + " V is outside the NE555's 4.5-16 V: using " + Eng.num(c) + " V (a CMOS TLC555 runs"
                    + " from 2 V)");
            return c < 5 ? 5 : c;
        }
        return v;
    }

    /** An LED with its resistor on the timer's output. */
    private static void outputLed(Kit k, String u, double vcc) {
        Part led = k.named(Kit.kind(ModelKind.LED)).orElseGet(() -> k.part("led-red"));
        double high = vcc - 1.7;
        double vf = Kit.param(led, "vf", 2.0);
        if (high <= vf + 0.2) {
            k.b.note("the output high (" + Eng.num(high) + " V) is too low for the LED: none fitted");
            k.resistor("OUT", Kit.GND, 10e3, "output load");
            k.b.connect("OUT", u + ":OUT");
            return;
        }
        LedDriver.Design d = LedDriver.design(high, vf, 0.015, Kit.param(led, "ifMax", 0.02));
        String r = k.resistor("OUT", "LED_A", d.r().chosen(), "limits the LED current");
        String ref = k.b.nextRef("D");
        k.b.component(ref, ComponentKind.LED, led.id(), null, "shows the output");
        k.b.connect("OUT", u + ":OUT");
        k.b.connect("LED_A", ref + ":A");
        k.b.connect(Kit.GND, ref + ":K");
        k.compute(d.computations(r));
        k.b.why("output LED", "the output high is VCC − 1.7 V = " + Eng.num(high) + " V, so the LED resistor is "
                + "computed from that, not from VCC", "ne555: output high about VCC − 1.7 V");
    }

    /** The most current the 555's output is asked to give a speaker or buzzer, amperes (it is rated 200 mA). */
    static final double SOUND_CURRENT = 0.1;

    /**
     * A passive buzzer or a speaker on the timer's output through a series resistor that limits the current: a
     * buzzer (tens of ohms, rated for a DC square wave) directly, a speaker through a coupling capacitor as well, so
     * no DC flows in its voice coil.
     */
    private static void outputSound(Kit k, String u, double vcc, Part p, double hz) {
        double high = vcc - 1.7;
        double coil = Kit.param(p, "resistance", 8);
        boolean speaker = Kit.param(p, "power", 0) > 0 || coil < 12;
        double rated = p.current() != null && p.current().typical() != null ? p.current().typical() : SOUND_CURRENT;
        double target = speaker ? SOUND_CURRENT : Math.min(SOUND_CURRENT, 1.5 * rated);
        double exact = Math.max(0, high / target - coil);
        Pick r = Pick.atLeast(Math.max(exact, 10),
                ESeries.E12);
        // at a 50 % duty the resistor averages half of I²R: keep it within a plain 0.25 W resistor (with margin)
        while (Math.pow(high / (r.chosen() + coil), 2) * r.chosen() / 2 > 0.8 * PowerPlans.SMALL_RESISTOR_WATTS) {
            r = new Pick(exact, ESeries.E12.atLeast(
                    r.chosen() * 1.01), ESeries.E12);
        }
        double i = high / (r.chosen() + coil);
        double pr = i * i * r.chosen() / 2;
        k.b.connect("OUT", u + ":OUT");
        String rs = k.resistor("OUT", speaker ? "SND_R" : "SND", r.chosen(), "limits the " + (speaker ? "speaker"
                : "buzzer") + " current");
        String ref = k.b.nextRef(speaker ? "LS" : "BZ");
        k.b.part(ref, p.id(), "sounds at " + Eng.human(hz, "Hz"));
        if (speaker) {
            double c = 100e-6;
            String cc = k.capacitor("SND_R", "SND", c, "coupling capacitor: no DC in the voice coil");
            k.b.compute(new DesignPlan.Computation(cc, "capacitance", "C ≥ 1/(2π · f · (R + Rcoil)"
                    + ") ÷ 5 = 1/(2π · " + Eng.human(hz, "Hz") + " · " + Eng.human(r.chosen() + coil, "Ω") + ")/5",
                    1 / (2 * Math.PI * hz * (r.chosen() + coil)) / 5, c, "", "its reactance at " + Eng.human(hz, "Hz")
                    + " is small next to " + Eng.human(r.chosen() + coil, "Ω")));
        }
        k.b.connect("SND", ref + ":" + p.pins().get(0).name());
        k.b.connect(Kit.GND, ref + ":" + p.pins().get(1).name());
        k.compute(List.of(r.computation(rs, "resistance", "R = VOH/I − Rcoil = " + Eng.num(high) + " V / "
                + Eng.human(target, "A") + " − " + Eng.human(coil, "Ω") + ", raised until I²R/2 ≤ 0.2 W",
                Eng.human(i, "A") + " peak, " + Eng.human(pr, "W") + " average in R")));
        k.b.why("sound output", "the square wave from OUT (high about VCC − 1.7 V = " + Eng.num(high) + " V) drives the "
                        + p.name().split(",")[0] + " through " + rs + ", which keeps the peak current at "
                        + Eng.human(i, "A") + ", inside the 555's 200 mA" + (speaker ? "; the capacitor blocks DC"
                        : ""), "ne555: output current 200 mA max",
                p.id() + ": " + Eng.human(coil, "Ω") + " coil");
        if (pr > 0.125) {
            k.b.note(rs + " dissipates " + Eng.human(pr, "W") + ": use a " + (pr > 0.25 ? "1 W" : "0.5 W") + " part");
        }
    }

    static void astable(Kit k) {
        Optional<Part> load = TimerDrivePlans.load(k);
        if (load.isPresent()) {
            // a strip, fan, motor or solenoid is more than the output pin can carry: a MOSFET switches it
            TimerDrivePlans.drive(k, load.get());
            return;
        }
        double vcc = vcc(k);
        double f = k.value(Quantity.FREQUENCY).orElseGet(() -> {
            k.b.note("no frequency given: blinking at 1 Hz");
            return 1.0;
        });
        double duty = k.value(Quantity.DUTY_CYCLE).orElse(0.5);
        if (duty <= 0.5) {
            k.b.note("a plain 555 astable runs above 50 % duty (R1 charges, only R2 discharges): R1 is the minimum "
                    + "1 kΩ for the nearest to " + Eng.num(duty * 100) + " %; add a diode across R2 for less");
        }
        Timer555.Astable d = Timer555.astable(f, duty);
        k.b.title("555 astable at " + Eng.human(d.frequency(), "Hz") + ", duty " + Eng.num(d.duty() * 100) + " %");
        String u = timer(k, vcc);
        timingNetwork(k, u, d);
        Optional<Part> sounder = k.named(AmplifierPlans::isSpeaker);
        sounder.ifPresent(p -> outputSound(k, u, vcc, p, d.frequency()));
        if (sounder.isEmpty() || k.named(Kit.kind(ModelKind.LED)).isPresent()) {
            outputLed(k, u, vcc);
        }
        k.b.why("timing", "the capacitor charges through R1 + R2 and discharges through R2 between 1/3 and 2/3 VCC: "
                        + "f = 1.44/((R1 + 2R2)·C) = " + Eng.human(d.frequency(), "Hz") + ", independent of VCC",
                "TI NE555 datasheet SLFS022 §8.3.2");
    }

    static void monostable(Kit k) {
        double vcc = vcc(k);
        double t = k.value(Quantity.DURATION).orElseGet(() -> {
            k.b.note("no pulse length given: using 1 s");
            return 1.0;
        });
        Timer555.Monostable d = Timer555.monostable(t);
        k.b.title("555 monostable, pulse " + Eng.human(d.pulse(), "s"));
        String u = timer(k, vcc);
        String r = k.resistor("VCC", "THR", d.r().chosen(), "timing resistor");
        String c = k.capacitor("THR", Kit.GND, d.c().chosen(), "timing capacitor");
        k.b.connect("THR", u + ":THRES", u + ":DISCH");
        String pu = k.resistor("VCC", "TRIG", 10e3, "holds TRIGGER high until the button is pressed");
        String sw = k.b.nextRef("SW");
        k.b.part(sw, "push-button", "starts a pulse (pulls TRIGGER low)");
        k.b.connect("TRIG", u + ":TRIG", sw + ":1");
        k.b.connect(Kit.GND, sw + ":3");
        k.compute(d.computations(r, c));
        outputLed(k, u, vcc);
        k.b.why("timing", "pressing " + sw + " pulls TRIGGER below 1/3 VCC; the output stays high while C charges "
                        + "through R to 2/3 VCC: t = 1.1·R·C = " + Eng.human(d.pulse(), "s") + "; " + pu
                        + " keeps TRIGGER high otherwise. Release the button before the pulse ends.",
                "TI NE555 datasheet SLFS022 §8.3.1");
    }
}
