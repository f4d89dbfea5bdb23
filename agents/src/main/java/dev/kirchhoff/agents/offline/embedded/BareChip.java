package dev.kirchhoff.agents.offline.embedded;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.Quantity;
import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.Form;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A bare microcontroller chip as the design's controller (an ATtiny85 or ATmega328P on a breadboard, no board
 * around it): what a board would otherwise provide is added here from the chip's pin data. Every ground pin to GND,
 * every other supply pin (AVCC) tied to VCC, 100 nF at each supply pin, a 10 kΩ pull-up on the active-low RESET,
 * the clock (a 16 MHz crystal with two 22 pF capacitors on XTAL1/XTAL2 when the prompt wants Arduino timing and the
 * supply allows it, else the internal 8 MHz oscillator) and how to program it over ISP. Works on one
 * {@link Session}; not thread-safe.
 */
final class BareChip {

    /** Words that ask for a crystal: a frequency of 12-20 MHz, Arduino timing or compatibility, a crystal. */
    private static final Pattern WANTS_CRYSTAL = Pattern.compile("(?i)\\b(crystal|xtal|quartz|arduino[- ](timing|"
            + "compatible|bootloader|clock|speed)|(1[2-9]|20) ?mhz)\\b");
    private static final String CRYSTAL = "crystal";
    /** Stray capacitance of the pins and traces, per side (Microchip AN826 / Atmel AVR042: 5-7 pF). */
    private static final double STRAY = 7e-12;

    private final Session s;
    private final Part chip;
    private Rails.Rail vcc;
    private String vccPin;
    private final List<String> supplyPins = new ArrayList<>();

    BareChip(Session s) {
        this.s = s;
        this.chip = s.board;
    }

    /** Whether a part used as the controller is a bare chip (no board of its own: no regulator, no USB, no reset). */
    static boolean isBare(Part p) {
        return p.category() != Category.BOARD && p.form() == Form.IC;
    }

    /**
     * After the power plan: every ground and supply pin on its net, the logic level set to the rail the chip runs
     * from, the RESET pull-up and the clock. Runs before any signal pin is chosen, so the crystal pins are taken
     * first.
     */
    void wire() {
        for (PartPin p : chip.pins()) {
            if (p.can(PinFunction.GROUND) && p.type() == PinType.POWER_IN) {
                s.plan.connect(Session.GND, Session.BOARD + ":" + Session.pinRef(chip, p));
            }
        }
        PartPin main = chip.pins().stream().filter(p -> p.type() == PinType.POWER_IN && p.can(PinFunction.POWER)
                && s.plan.netOf(Session.BOARD + ":" + Session.pinRef(chip, p)).isPresent()).findFirst().orElse(null);
        if (main == null) {
            return; // the power planner refused or fed nothing: nothing to tie to
        }
        vccPin = Session.BOARD + ":" + Session.pinRef(chip, main);
        String net = s.plan.netOf(vccPin).orElseThrow();
        vcc = s.rails.net(net).orElse(null);
        if (vcc == null) {
            return;
        }
        s.logicV = vcc.volts;
        supplyPins.add(main.name());
        for (PartPin p : chip.pins()) {
            String ref = Session.BOARD + ":" + Session.pinRef(chip, p);
            if (p == main || p.type() != PinType.POWER_IN || p.can(PinFunction.GROUND)
                    || s.plan.netOf(ref).isPresent()) {
                continue;
            }
            s.plan.connect(net, ref);
            supplyPins.add(p.name());
            s.plan.why(p.name(), chip.id() + "'s " + p.name() + " is tied to " + main.name() + " (" + net + "): it "
                    + "supplies the ADC and port C and must be connected even when the ADC is unused; an LC filter "
                    + "(10 µH, 100 nF) between them lowers ADC noise.", chip.id() + ": " + p.name()
                    + (p.notes() == null ? "" : ": " + p.notes()));
        }
        resetPullUp();
        clock();
    }

    /** The active-low RESET pin held high by 10 kΩ, so noise cannot reset the chip; the ISP programmer pulls it low. */
    private void resetPullUp() {
        Optional<PartPin> reset = chip.pins().stream().filter(p -> p.can(PinFunction.RESET)).findFirst();
        if (reset.isEmpty()) {
            return;
        }
        PartPin p = reset.get();
        s.plan.connect("RESET", Session.BOARD + ":" + Session.pinRef(chip, p));
        s.pullUp("RESET", vcc, 10_000, "RESET pull-up for " + Session.BOARD, chip.id() + ": " + p.name() + " is "
                + "RESET, active low, with only a weak internal pull-up (30-60 kΩ); 10 kΩ to VCC is Microchip's "
                + "recommendation (AVR042), weak enough for an ISP programmer to pull it low");
    }

    /** A 16 MHz crystal on XTAL1/XTAL2 when asked for and the supply allows it; otherwise the internal oscillator. */
    private void clock() {
        Optional<PartPin> x1 = chip.pins().stream().filter(p -> p.answersTo("XTAL1")).findFirst();
        Optional<PartPin> x2 = chip.pins().stream().filter(p -> p.answersTo("XTAL2")).findFirst();
        Optional<Part> crystal = s.kb.part(CRYSTAL);
        double hz = crystal.map(c -> c.model() == null ? 16e6 : c.model().parameter("frequency", 16e6)).orElse(16e6);
        boolean asked = WANTS_CRYSTAL.matcher(s.req.prompt()).find() || s.req.value(Quantity.FREQUENCY)
                .map(v -> v.value() >= 12e6 && v.value() <= 20e6).orElse(false);
        boolean fiveOnly = chip.pins().size() <= 8;
        if (!asked) {
            s.plan.why("clock", Session.BOARD + " runs from its internal 8 MHz RC oscillator (fuses: internal 8 MHz, "
                            + "CKDIV8 cleared; ±1 % after factory calibration, enough for blinking, sensors and "
                            + "9600-baud serial), so no crystal is needed" + (x1.isPresent() ? " and "
                            + x1.get().name() + "/" + x2.map(PartPin::name).orElse("?") + " stay free as I/O" : "")
                            + ". Ask for 16 MHz or Arduino timing to get a crystal.",
                    chip.id() + ": internal calibrated RC oscillator 8 MHz");
            return;
        }
        if (fiveOnly || x1.isEmpty() || x2.isEmpty() || crystal.isEmpty()) {
            // an 8-pin chip would give two of its five I/O pins to a crystal; its PLL makes 16 MHz inside
            s.plan.why("clock", Session.BOARD + " (" + chip.id() + ") runs at 16 MHz from its internal PLL "
                            + "(ATTinyCore clock \"16 MHz (PLL)\"), so no crystal takes two of its few I/O pins.",
                    chip.id() + ": internal 64 MHz PLL clock source, /4 system clock");
            return;
        }
        double fmax = maxClock(vcc.volts);
        if (hz > fmax + 1) {
            s.plan.why("clock", "A 16 MHz crystal was asked for, but at " + Values.v(vcc.volts) + " the "
                            + chip.id() + " is specified only up to " + String.format(Locale.ROOT, "%.1f MHz", fmax / 1e6)
                            + " (speed grade: 10 MHz at 2.7 V to 20 MHz at 4.5 V): it runs from its internal 8 MHz "
                            + "oscillator instead (Arduino \"8 MHz internal\" core, e.g. MiniCore). Power it from 5 V"
                            + " for 16 MHz.",
                    chip.id() + ": speed grade 10 MHz @ 2.7 V, 20 MHz @ 4.5 V, linear between");
            s.plan.note("16 MHz needs at least 3.8 V on VCC (" + Values.v(vcc.volts) + " here): internal 8 MHz used");
            return;
        }
        for (PartPin p : List.of(x1.get(), x2.get())) {
            s.pins.take(p);
        }
        String xRef = s.plan.nextRef("Y");
        s.plan.component(xRef, ComponentKind.PART, CRYSTAL, null, mhz(hz) + " crystal for "
                + Session.BOARD);
        double cl = crystal.get().model() == null ? 18e-12
                : crystal.get().model().parameter("loadCapacitance", 18e-12);
        double exact = 2 * (cl - STRAY);
        double chosen = dev.kirchhoff.agents.recipes.ESeries.E12.nearest(exact);
        String[] caps = new String[2];
        PartPin[] xs = {x1.get(), x2.get()};
        for (int i = 0; i < 2; i++) {
            String net = "XTAL" + (i + 1);
            String c = s.plan.nextRef("C");
            caps[i] = c;
            s.plan.component(c, ComponentKind.CAPACITOR, "capacitor-ceramic", Values.text(chosen, ""),
                    "load capacitor of " + xRef + " on " + net);
            s.plan.connect(net, Session.BOARD + ":" + Session.pinRef(chip, xs[i]), xRef + ":" + (i + 1), c + ":1");
            s.plan.connect(Session.GND, c + ":2");
        }
        s.plan.compute(new DesignPlan.Computation(caps[0] + "/" + caps[1], "capacitance", "C = 2 × (CL − Cstray) = 2 × ("
                + Values.text(cl, "F") + " − " + Values.text(STRAY, "F") + ")", exact, chosen, "E12",
                "each side; the pair in series is " + Values.text(chosen / 2, "F") + " plus stray ≈ CL"));
        s.plan.why("clock", xRef + " (" + mhz(hz) + ") between " + xs[0].name() + " (XTAL1) and "
                        + xs[1].name() + " (XTAL2), with " + caps[0] + " and " + caps[1] + " (" + Values.text(chosen, "F")
                        + ") to GND, gives the Arduino Uno's clock: millis(), delay() and serial baud rates match "
                        + "Arduino sketches. Set the fuses for an external full-swing crystal (burn the Uno "
                        + "bootloader once). " + Values.v(vcc.volts) + " allows up to "
                        + String.format(Locale.ROOT, "%.0f MHz", Math.min(fmax, 20e6) / 1e6) + ".",
                "crystal: CL " + Values.text(cl, "F"), chip.id() + ": " + xs[0].name() + "/" + xs[1].name()
                        + " are XTAL1/XTAL2", "AVR042 / AN826: C = 2 × (CL − Cstray), Cstray 5-7 pF");
    }

    private static String mhz(double hz) {
        return String.format(Locale.ROOT, "%.0f MHz", hz / 1e6);
    }

    /**
     * The AVR speed grade: 10 MHz at 2.7 V rising linearly to 20 MHz at 4.5 V (ATmega328P datasheet 28.3,
     * ATtiny85 21.3), 4 MHz below 2.7 V.
     */
    static double maxClock(double volts) {
        if (volts < 2.7) {
            return 4e6;
        }
        return Math.min(20e6, 10e6 + (volts - 2.7) * 10e6 / 1.8);
    }

    /**
     * After the pins are chosen: a 100 nF capacitor at each supply pin, 100 nF on AREF, and how to program the chip
     * over ISP, naming the devices that share an ISP pin.
     */
    void finish() {
        if (vcc == null) {
            return;
        }
        for (String pin : supplyPins) {
            String c = s.plan.nextRef("C");
            s.plan.component(c, ComponentKind.CAPACITOR, "capacitor-ceramic", "100n", "decoupling at "
                    + Session.BOARD + " " + pin);
            s.plan.connect(vcc.net, c + ":1");
            s.plan.connect(Session.GND, c + ":2");
            s.plan.why(c, c + " (100 nF ceramic) decouples " + Session.BOARD + "'s " + pin + " to GND, placed at the"
                    + " pin: a bare chip has no capacitor of its own and its clock edges draw current spikes.",
                    chip.id() + ": " + pin + ", decouple with 100 nF");
        }
        chip.pins().stream().filter(p -> p.name().equalsIgnoreCase("AREF") && p.type() == PinType.INPUT)
                .findFirst().ifPresent(p -> {
                    String c = s.plan.nextRef("C");
                    s.plan.component(c, ComponentKind.CAPACITOR, "capacitor-ceramic", "100n", "AREF filter for "
                            + Session.BOARD);
                    s.plan.connect("AREF", Session.BOARD + ":" + Session.pinRef(chip, p), c + ":1");
                    s.plan.connect(Session.GND, c + ":2");
                    s.plan.why(c, c + " (100 nF) from AREF to GND filters the ADC reference when AVCC is selected "
                            + "as reference; no voltage is applied to AREF.", chip.id() + ": AREF"
                            + (p.notes() == null ? "" : ": " + p.notes()));
                });
        programming();
    }

    private void programming() {
        List<String> isp = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        for (PinFunction f : List.of(PinFunction.SPI_MOSI, PinFunction.SPI_MISO, PinFunction.SPI_SCK,
                PinFunction.RESET)) {
            chip.pins().stream().filter(p -> p.can(f)).findFirst().ifPresent(p -> {
                String what = f.name().replace("SPI_", "");
                isp.add(what + " " + p.name() + " (pin " + p.number() + ")");
                String ref = Session.BOARD + ":" + Session.pinRef(chip, p);
                s.plan.build().assignments().stream().filter(a -> a.hostPin().equals(ref)).findFirst()
                        .ifPresent(a -> shared.add(p.name() + " (" + what + ") carries " + a.signal()));
            });
        }
        boolean uart = chip.pins().stream().anyMatch(p -> p.can(PinFunction.UART_TX) && p.can(PinFunction.GPIO));
        s.plan.why("programming", Session.BOARD + " is programmed in circuit over ISP: " + String.join(", ", isp)
                        + ", with VCC and GND, from a USBasp or an Arduino running ArduinoISP, to a 2x3 ISP header "
                        + "(the knowledge base has no header part, so it is not drawn)"
                        + (uart ? "; with a bootloader burnt once, sketches also upload over its UART (RX/TX) from a "
                        + "USB-serial adapter, DTR to RESET through 100 nF" : "")
                        + "." + (shared.isEmpty() ? "" : " Shared with the design: " + String.join("; ", shared)
                        + " — the programmer drives these lines while it programs, so what hangs on them must not "
                        + "load them below about 1 kΩ or drive them."),
                chip.id() + ": ISP " + String.join(", ", isp));
    }
}
