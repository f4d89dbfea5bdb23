package dev.kirchhoff.agents.offline.embedded;

import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.Form;
import dev.kirchhoff.knowledge.InterfaceKind;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.knowledge.PinFlag;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data line of addressable LEDs (WS2812B, NeoPixel): a board pin through a 330 Ω series resistor into DIN,
 * through a 5 V buffer with TTL-level inputs (a 74AHCT125 from the knowledge base) when the board's high level is
 * below the LEDs' VIH, and a 1000 µF capacitor across the LED supply when there are many LEDs. Works on one
 * {@link Session}; not thread-safe.
 */
final class PixelData {

    /** Series resistor at the first LED's DIN: damps ringing on the line and limits current into its clamp diodes. */
    private static final double SERIES_OHMS = 330;
    /** From this many LEDs on, a bulk capacitor across the LED supply absorbs the inrush when they all switch. */
    private static final int BULK_FROM_LEDS = 8;
    /** LEDs assumed on a strip whose length the prompt does not give. */
    private static final int STRIP_LEDS = 30;

    private final Session s;

    PixelData(Session s) {
        this.s = s;
    }

    /** Whether {@code pin} is the one-way data input of addressable LEDs (a light part's single-wire input). */
    static boolean isPixelInput(Part part, PartPin pin) {
        return part.category() == Category.LIGHT && pin.type() == PinType.INPUT
                && part.interfaceOf(InterfaceKind.SINGLE_WIRE).map(i -> i.uses(pin)).orElse(false);
    }

    void wire(Session.Device d, PartPin din) {
        Part part = d.part();
        String dataNet = d.label() + "_DATA";
        s.request(PinSolver.Need.of(PinFunction.GPIO, PinSolver.Direction.OUT).offStrapping(), d.label() + " data",
                c -> {
                    Rails.Rail rail = s.railOf(d).orElseGet(() -> s.rails.at(s.logicV).orElseThrow());
                    double vih = part.logic() != null && part.logic().vih() != null ? part.logic().vih()
                            : 0.7 * rail.volts;
                    double hostLevel = c.pin().voltage() != null ? c.pin().voltage() : s.logicV;
                    double hostHigh = s.board.logic() != null && s.board.logic().voh() != null
                            ? s.board.logic().voh() : 0.9 * hostLevel;
                    String host = s.boardPin(c);
                    String dinRef = d.ref() + ":" + Session.pinRef(part, din);
                    String drive = host;
                    String gpioNet = d.label() + "_GPIO";
                    if (hostHigh < vih) {
                        Optional<Part> buffer = levelShifter(rail.volts, hostHigh);
                        if (buffer.isPresent()) {
                            drive = buffer(buffer.get(), rail, host, gpioNet, d, vih, hostHigh);
                            gpioNet = d.label() + "_BUF";
                        } else {
                            s.plan.note(d.label() + " " + din.name() + " needs " + Values.v(vih) + " for a high but "
                                    + c.pin().name() + " gives about " + Values.v(hostHigh) + ": fit a 74AHCT125 "
                                    + "buffer powered from " + rail.net + " between them (the knowledge base has "
                                    + "no level-shifter part)");
                        }
                    }
                    String r = s.plan.nextRef("R");
                    s.plan.component(r, ComponentKind.RESISTOR, "resistor", Values.text(SERIES_OHMS, ""),
                            "series resistor into " + d.ref() + " " + din.name());
                    s.plan.connect(s.plan.netOf(drive).orElse(gpioNet), drive, r + ":1");
                    s.plan.connect(dataNet, r + ":2", dinRef);
                    s.plan.assign("LED data " + d.label(), host, dinRef, c.reason());
                    s.plan.why(r, r + " (" + Values.ohms(SERIES_OHMS) + ") sits at " + d.label() + "'s " + din.name()
                                    + ": it damps ringing on the data line and limits the current into the first "
                                    + "LED's input clamp while the LED supply is off.",
                            part.id() + ": " + din.name() + " data in, VIH " + Values.v(vih));
                    bulk(d, rail);
                });
    }

    /** A 5 V-powered buffer whose TTL-level input reads the board's high: the first one in the knowledge base. */
    private Optional<Part> levelShifter(double volts, double hostHigh) {
        return s.kb.parts().stream()
                .filter(p -> p.category() == Category.LOGIC && p.form() == Form.IC)
                .filter(p -> p.keywords().stream().anyMatch(k -> k.toLowerCase(Locale.ROOT).contains("level shifter")))
                .filter(p -> p.supply() != null && p.supply().contains(volts))
                .filter(p -> p.logic() != null && p.logic().vih() != null && p.logic().vih() <= hostHigh)
                .filter(p -> p.pin("1A").isPresent() && p.pin("1Y").isPresent())
                .min(Comparator.comparing(Part::id));
    }

    /**
     * Wires buffer 1 of {@code buf} from the board pin to a new drive net, ties its enables low and its unused
     * inputs to GND, decouples it, and returns its output pin.
     */
    private String buffer(Part buf, Rails.Rail rail, String host, String gpioNet, Session.Device d, double vih,
                          double hostHigh) {
        String u = s.plan.nextRef("U");
        s.plan.part(u, buf.id(), "level shifter from the board's " + Values.v(s.logicV) + " logic to "
                + d.label() + "'s " + Values.v(rail.volts) + " data input");
        s.use(rail);
        for (PartPin p : buf.pins()) {
            String pin = u + ":" + Session.pinRef(buf, p);
            if (p.type() == PinType.POWER_IN && p.can(PinFunction.GROUND)) {
                s.plan.connect(Session.GND, pin);
            } else if (p.type() == PinType.POWER_IN) {
                s.plan.connect(rail.net, pin);
            }
        }
        rail.draw(Session.typicalCurrent(buf));
        s.plan.connect(gpioNet, host, u + ":1A");
        List<String> tied = new java.util.ArrayList<>();
        for (PartPin p : buf.pins()) {
            if (p.type() != PinType.INPUT) {
                continue;
            }
            boolean enable = p.has(PinFlag.ACTIVE_LOW);
            boolean unusedInput = !enable && !p.name().equals("1A");
            if (enable || unusedInput) {
                s.plan.connect(Session.GND, u + ":" + Session.pinRef(buf, p));
                tied.add(p.name());
            }
        }
        String c = s.plan.nextRef("C");
        s.plan.component(c, ComponentKind.CAPACITOR, "capacitor-ceramic", "100n", "decoupling for " + u);
        s.plan.connect(rail.net, c + ":1");
        s.plan.connect(Session.GND, c + ":2");
        s.plan.why(u, u + " (" + buf.name() + ") runs from " + rail.net + " and shifts the data up: its TTL-level "
                        + "input reads the board's " + Values.v(hostHigh) + " high (VIH " + Values.v(buf.logic().vih())
                        + ") and its output swings to " + Values.v(rail.volts) + ", above " + d.label() + "'s VIH of "
                        + Values.v(vih) + ". " + String.join(", ", tied) + " are tied to GND: enables low (buffers "
                        + "on), unused inputs held.",
                buf.id() + ": supply " + Session.range(buf.pin("VCC").orElse(buf.pins().get(0)), buf) + ", VIH "
                        + Values.v(buf.logic().vih()), d.part().id() + ": VIH " + Values.v(vih));
        s.plan.why(c, c + " (100 nF ceramic) decouples " + u + "'s supply pin.", buf.id() + ": bare IC (form ic)");
        return u + ":" + Session.pinRef(buf, buf.pin("1Y").orElseThrow());
    }

    /** A 1000 µF capacitor across the LED supply when many LEDs can switch at once. */
    private void bulk(Session.Device d, Rails.Rail rail) {
        Part part = d.part();
        boolean counted = part.model() != null && part.model().parameters().containsKey("leds");
        int leds = ledCount(part);
        if (leds < BULK_FROM_LEDS) {
            return;
        }
        double peak = part.model() == null ? 0.06 * leds : part.model().parameters().containsKey("currentPerLedMax")
                ? leds * part.model().parameter("currentPerLedMax", 0.06) : part.model().parameter("currentMax", 0.06);
        String c = s.plan.nextRef("C");
        s.plan.component(c, ComponentKind.CAPACITOR, "capacitor-electrolytic", "1000u", "bulk capacitor across "
                + d.label() + "'s supply");
        s.plan.connect(rail.net, c + ":1");
        s.plan.connect(Session.GND, c + ":2");
        s.plan.why(c, c + " (1000 µF, rated 6.3 V or more) across " + rail.net + " at " + d.label() + "'s supply "
                        + "input absorbs the surge when " + leds + " LEDs switch together (up to " + Values.ma(peak)
                        + ") and protects the first LED at power-on.",
                part.id() + ": " + leds + " LEDs" + (counted ? "" : " (from the prompt, or a typical strip of "
                        + STRIP_LEDS + " when it gives no count)"));
    }

    /** LEDs on the part: its own count, the number the prompt gives ("60 LEDs"), or a typical strip. */
    private int ledCount(Part part) {
        if (part.model() != null && part.model().parameters().containsKey("leds")) {
            return (int) part.model().parameter("leds", 1);
        }
        if (part.model() == null || !part.model().parameters().containsKey("currentPerLed")) {
            return 1;
        }
        Matcher m = Pattern.compile("(?i)\\b(\\d{1,4})\\s*(?:-\\s*)?(?:leds?|pixels?|neopixels?)\\b")
                .matcher(s.req.prompt());
        return m.find() ? Integer.parseInt(m.group(1)) : STRIP_LEDS;
    }
}
