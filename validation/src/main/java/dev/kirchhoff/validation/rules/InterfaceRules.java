package dev.kirchhoff.validation.rules;

import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.Form;
import dev.kirchhoff.knowledge.InterfaceKind;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartInterface;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.knowledge.PinFlag;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;
import dev.kirchhoff.validation.Binding;
import dev.kirchhoff.validation.BaseRule;
import dev.kirchhoff.validation.CircuitFacts;
import dev.kirchhoff.validation.Finding;
import dev.kirchhoff.validation.Findings;
import dev.kirchhoff.validation.Rule;
import dev.kirchhoff.validation.RuleGroup;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The interface rules: I2C pins, pull-ups and addresses, UART crossing, SPI chip selects, PWM and ADC pins, and the
 * traps of microcontroller pins (input-only, flash, strapping). Each rule reads the shared {@link InterfaceFacts} and
 * walks only the nets and pins it concerns, so the group stays linear in the size of the circuit.
 */
public final class InterfaceRules {

    /** The I2C sink current every device must manage (I2C specification, standard and fast mode). */
    static final double I2C_SINK = 0.003;
    /** The low level a device must reach while sinking {@link #I2C_SINK}. */
    static final double I2C_VOL = 0.4;

    private InterfaceRules() {
    }

    /** This group's rules. */
    public static List<Rule> all() {
        return List.of(new I2cPins(), new I2cPullupMissing(), new I2cPullupStrong(), new I2cAddress(),
                new UartCrossed(), new SpiCs(), new PwmPin(), new AdcPin(), new InputOnly(), new FlashPin(),
                new StrappingPin(), new OneWirePullup());
    }

    /** What every interface rule has: an id, a title and a paragraph; the group is always INTERFACES. */
    private abstract static class InterfaceRule extends BaseRule {
        InterfaceRule(String id, String title, String documentation) {
            super(id, RuleGroup.INTERFACES, title, documentation);
        }
    }

    // ---------------------------------------------------------------- shared helpers

    private static String role(PinFunction role) {
        return role == PinFunction.I2C_SDA ? "data (SDA)" : "clock (SCL)";
    }

    /** Up to {@code limit} pins on {@code net} as labels, "…" when there are more. */
    private static List<String> pinsOn(CircuitFacts f, int net, int limit) {
        List<String> out = new ArrayList<>(Math.min(limit, f.netSize(net)));
        for (int k = 0; k < f.netSize(net) && k < limit; k++) {
            out.add(f.label(f.netComponent(net, k), f.netPin(net, k)));
        }
        return out;
    }

    private static String joined(List<String> labels, int total) {
        return String.join(", ", labels) + (total > labels.size() ? ", …" : "");
    }

    /** Whether {@code net} holds pins of at least two components bound to knowledge-base parts. */
    private static boolean twoParts(CircuitFacts f, int net) {
        int first = -1;
        for (int k = 0; k < f.netSize(net); k++) {
            int c = f.netComponent(net, k);
            if (f.binding(c).status() != Binding.Status.PART) {
                continue;
            }
            if (first < 0) {
                first = c;
            } else if (c != first) {
                return true;
            }
        }
        return false;
    }

    /** The first device pin on an I2C net and its role. */
    private record Line(int component, int pin, PinFunction role, boolean crossed, int otherComponent,
                        int otherPin) {
    }

    private static Line line(InterfaceFacts x, int net) {
        CircuitFacts f = x.facts();
        int sc = -1;
        int sp = -1;
        int kc = -1;
        int kp = -1;
        for (int k = 0; k < f.netSize(net); k++) {
            int c = f.netComponent(net, k);
            int p = f.netPin(net, k);
            PinFunction r = x.i2cRole(c, p);
            if (r == PinFunction.I2C_SDA && sc < 0) {
                sc = c;
                sp = p;
            } else if (r == PinFunction.I2C_SCL && kc < 0) {
                kc = c;
                kp = p;
            }
        }
        if (sc >= 0 && kc >= 0) {
            return new Line(sc, sp, PinFunction.I2C_SDA, true, kc, kp);
        }
        return sc >= 0 ? new Line(sc, sp, PinFunction.I2C_SDA, false, -1, -1)
                : new Line(kc, kp, PinFunction.I2C_SCL, false, -1, -1);
    }

    /**
     * The voltage an I2C or 1-Wire line should be pulled up to: the lowest logic level among the host pins and the
     * devices on it (a 3.3 V sensor on a 5 V Arduino is pulled up to 3.3 V); {@code null} when none is known.
     */
    private static Double busVolts(InterfaceFacts x, int net) {
        CircuitFacts f = x.facts();
        Double v = null;
        for (int k = 0; k < f.netSize(net); k++) {
            int c = f.netComponent(net, k);
            int p = f.netPin(net, k);
            Double here = null;
            if (x.hostSignalPin(c, p)) {
                here = x.pinVolts(c, p);
            } else if (x.device(c)) {
                Part part = f.part(c);
                here = part.logic() != null ? part.logic().level() : null;
            }
            if (here != null && here > 0 && (v == null || here < v)) {
                v = here;
            }
        }
        return v;
    }

    private static String pullUpFix(InterfaceFacts x, int net, String ohms) {
        Double v = busVolts(x, net);
        String to = v == null ? "the bus supply" : x.railText(v);
        return "add " + ohms + " from " + x.facts().netName(net) + " to " + to;
    }

    // ---------------------------------------------------------------- interface.i2c-pins

    /** A device's I2C line on a host pin that cannot do that I2C function, or SDA wired to SCL. */
    static final class I2cPins extends InterfaceRule {
        I2cPins() {
            super("interface.i2c-pins", "I2C lines on I2C-capable host pins, SDA to SDA and SCL to SCL",
                    "For every net that carries a device's I2C pin (a module or chip pin with the I2C_SDA or I2C_SCL "
                            + "function; a BME280-style part whose chip-select pin is driven is taken to be in SPI "
                            + "mode and skipped), checks that each board or microcontroller pin on the net can do "
                            + "that function (the Uno's A4 is SDA, its D2 is not; ESP32 GPIOs can do either through "
                            + "the GPIO matrix, GPIO34-39 cannot), and that no device's SDA shares a net with a "
                            + "device's SCL (crossed lines). A wrong pin means the hardware I2C controller never "
                            + "sees the bus. It does not judge software (bit-banged) I2C, which can use any "
                            + "bidirectional pin but is not what the part data describes.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            InterfaceFacts x = InterfaceFacts.of(f);
            for (int n : x.i2cNets()) {
                Line l = line(x, n);
                if (l.crossed()) {
                    out.add(Finding.error(id(), "I2C lines crossed on net " + f.netName(n) + ": "
                                    + f.label(l.component(), l.pin()) + " (data, SDA) meets "
                                    + f.label(l.otherComponent(), l.otherPin()) + " (clock, SCL)")
                            .withNets(f.netName(n))
                            .withPins(f.label(l.component(), l.pin()), f.label(l.otherComponent(), l.otherPin()))
                            .withComponents(f.ref(l.component()), f.ref(l.otherComponent()))
                            .withFix("wire every SDA pin to the SDA line and every SCL pin to the SCL line"));
                    continue;
                }
                for (int k = 0; k < f.netSize(n); k++) {
                    int c = f.netComponent(n, k);
                    int p = f.netPin(n, k);
                    if (!x.hostSignalPin(c, p) || f.can(c, p, l.role())) {
                        continue;
                    }
                    Part host = f.part(c);
                    PinFunction role = l.role();
                    String pins = x.suggest(host, "i2c " + role, pp -> pp.can(role) && !pp.has(PinFlag.INPUT_ONLY),
                            role, 4);
                    out.add(Finding.error(id(), f.label(c, p) + " cannot do I2C " + role(role) + ", but "
                                    + f.label(l.component(), l.pin()) + " is wired to it on net " + f.netName(n))
                            .withNets(f.netName(n)).withPins(f.label(c, p), f.label(l.component(), l.pin()))
                            .withComponents(f.ref(c), f.ref(l.component()))
                            .withFix(pins.isEmpty() ? "use a host with an I2C controller, or an I2C pin of another "
                                    + "controller" : "move the line to an I2C " + (role == PinFunction.I2C_SDA
                                    ? "SDA" : "SCL") + " pin of " + f.ref(c) + ": " + pins));
                }
            }
        }
    }

    // ---------------------------------------------------------------- interface.i2c-pullup-missing

    /** An I2C line between two parts with no pull-up anywhere. */
    static final class I2cPullupMissing extends InterfaceRule {
        I2cPullupMissing() {
            super("interface.i2c-pullup-missing", "I2C line without a pull-up",
                    "I2C lines are open-drain: nothing drives them high, so every SDA and SCL line needs a pull-up "
                            + "resistor to the bus supply. For each net that carries a device's I2C pin and pins of "
                            + "at least two parts, the rule looks for a resistor from the net to a positive rail "
                            + "and for a module on the net whose part data lists an on-board pull-up on that pin "
                            + "(most breakout boards have one; bare chips such as the AT24C256 and the downstream "
                            + "channels of a TCA9548A do not). Without either, the line never rises and no transfer "
                            + "completes. A microcontroller's internal pull-up (20-50 kOhm) is not counted: it is "
                            + "too weak for the bus capacitance of real wiring. The fix names 4.7 kOhm to the lowest "
                            + "logic level on the line.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            InterfaceFacts x = InterfaceFacts.of(f);
            for (int n : x.i2cNets()) {
                if (!twoParts(f, n) || x.positive(n) || f.isGround(n) || x.pulls(n, I2C_VOL).count() > 0) {
                    continue;
                }
                Line l = line(x, n);
                out.add(Finding.error(id(), "I2C " + role(l.role()) + " line " + f.netName(n) + " ("
                                + joined(pinsOn(f, n, 4), f.netSize(n)) + ") has no pull-up: no resistor to a supply "
                                + "rail and no module with an on-board pull-up on it, so the open-drain line never "
                                + "goes high")
                        .withNets(f.netName(n)).withPins(pinsOn(f, n, 8))
                        .withFix(pullUpFix(x, n, "4.7 kΩ")));
            }
        }
    }

    // ---------------------------------------------------------------- interface.i2c-pullup-strong

    /** The pull-ups of one I2C line together are stronger than a device can sink at 3 mA. */
    static final class I2cPullupStrong extends InterfaceRule {
        I2cPullupStrong() {
            super("interface.i2c-pullup-strong", "I2C pull-ups too strong together",
                    "Every pull-up on an I2C line acts in parallel: the discrete resistors and the on-board "
                            + "pull-ups of each module (three breakouts with 4.7 kOhm each make 1.6 kOhm). A device "
                            + "pulling the line low must sink the current of them all, and the I2C specification "
                            + "only requires 3 mA at 0.4 V; so the combined resistance must be at least (V - 0.4 V) "
                            + "/ 3 mA, about 1 kOhm on a 3.3 V bus and 1.53 kOhm on a 5 V bus. Below that, low "
                            + "levels rise towards the input threshold and transfers fail at random. The rule adds "
                            + "the current of each pull-up whose value is known from its own rail, (V - 0.4 V) / R "
                            + "(a module pulling to its 3.3 V regulator adds less on a 5 V bus), and warns above "
                            + "3 mA. Too weak pull-ups (slow edges at 400 kHz) are not judged: they "
                            + "depend on the wiring capacitance.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            InterfaceFacts x = InterfaceFacts.of(f);
            for (int n : x.i2cNets()) {
                if (!twoParts(f, n)) {
                    continue;
                }
                InterfaceFacts.Pulls pulls = x.pulls(n, I2C_VOL);
                if (pulls.known() == 0) {
                    continue;
                }
                Double bus = pulls.unknownRail() > 0 || Double.isNaN(pulls.volts()) ? busVolts(x, n) : null;
                double v = !Double.isNaN(pulls.volts()) ? pulls.volts() : bus != null ? bus : Double.NaN;
                if (pulls.unknownRail() > 0 && bus == null || !(v > I2C_VOL)) {
                    continue;
                }
                // each pull-up feeds (V - 0.4 V) / R from its own rail: a module pulled to 3.3 V on a 5 V bus adds less
                double sink = pulls.sink() + pulls.unknownRail() * (bus == null ? 0 : bus - I2C_VOL);
                if (sink <= I2C_SINK) {
                    continue;
                }
                double combined = 1 / pulls.conductance();
                double min = (v - I2C_VOL) / I2C_SINK;
                List<String> parts = new ArrayList<>();
                List<String> discreteRefs = new ArrayList<>();
                for (InterfaceFacts.PullUp u : x.pullUps(n)) {
                    if (u.ohms() != null && u.ohms() > 0) {
                        parts.add(u.who() + " " + InterfaceFacts.ohms(u.ohms())
                                + (u.volts() != null ? " to " + InterfaceFacts.volts(u.volts()) : ""));
                        if (!u.onboard()) {
                            discreteRefs.add(u.ref());
                        }
                    }
                }
                int counted = pulls.known();
                String fix;
                if (pulls.discrete() && pulls.onboard()) {
                    fix = "remove " + String.join(", ", discreteRefs) + ": the modules already pull the line up";
                } else if (pulls.discrete()) {
                    fix = "use one pull-up of at least " + InterfaceFacts.ohms(Math.ceil(min / 100) * 100)
                            + " (4.7 kΩ is usual)";
                } else {
                    fix = "remove the on-board pull-ups of all but one module (solder jumper or the 472/103 "
                            + "resistors by the header), or split the modules over the channels of a TCA9548A";
                }
                out.add(Finding.warning(id(), "I2C " + role(line(x, n).role()) + " line " + f.netName(n) + " has "
                                + counted + " pull-up" + (counted > 1 ? "s in parallel (" : " (")
                                + String.join(", ", parts) + ") = " + InterfaceFacts.ohms(combined)
                                + "; a device pulling it to 0.4 V must sink "
                                + String.format(Locale.ROOT, "%.2f", sink * 1000) + " mA, above the 3 mA of the I2C "
                                + "specification (at " + InterfaceFacts.volts(v) + " the pull-ups together must be at "
                                + "least " + InterfaceFacts.ohms(min) + ")")
                        .withNets(f.netName(n)).withPins(pinsOn(f, n, 8)).withComponents(discreteRefs)
                        .withFix(fix));
            }
        }
    }

    // ---------------------------------------------------------------- interface.i2c-address

    /** Two devices on one I2C bus that answer at the same address. */
    static final class I2cAddress extends InterfaceRule {
        I2cAddress() {
            super("interface.i2c-address", "I2C address collision on one bus",
                    "Every device on one I2C bus (one SDA net) needs its own 7-bit address. The rule takes each "
                            + "device's addresses from its part data (a module such as the DS3231 board answers at "
                            + "two) and, where the part says how an address pin selects the address, reads the "
                            + "wiring: a pin tied to ground, to a rail, through a resistor, or to SDA/SCL (BME280 "
                            + "SDO to VCC gives 0x77, to GND 0x76; ADS1115 ADDR to SDA gives 0x4A; TCA9548A A0-A2 "
                            + "add to 0x70); an open pin keeps the module's default. An address pin driven by a "
                            + "GPIO cannot be told and that device is left out. Two devices at one address both "
                            + "answer and corrupt each other's replies. The fix straps an address pin where the "
                            + "part offers another address, else puts the devices on separate channels of a "
                            + "TCA9548A. Straps on the back of a module (SSD1306 SA0) are not visible in a "
                            + "schematic and count as the default.");
        }

        private record Entry(int component, PartInterface itf, int address) {
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            InterfaceFacts x = InterfaceFacts.of(f);
            I2cAddresses resolver = new I2cAddresses(x);
            for (int n : x.i2cNets()) {
                int devices = 0;
                for (int k = 0; k < f.netSize(n) && devices < 2; k++) {
                    if (x.i2cRole(f.netComponent(n, k), f.netPin(n, k)) == PinFunction.I2C_SDA) {
                        devices++;
                    }
                }
                if (devices < 2) {
                    continue;
                }
                List<Entry> entries = new ArrayList<>();
                for (int k = 0; k < f.netSize(n); k++) {
                    int c = f.netComponent(n, k);
                    int p = f.netPin(n, k);
                    if (x.i2cRole(c, p) != PinFunction.I2C_SDA) {
                        continue;
                    }
                    PartPin pin = f.partPin(c, p);
                    for (PartInterface itf : x.interfaces(c, InterfaceKind.I2C)) {
                        int a = carries(itf, pin) ? resolver.resolve(c, itf, null) : -1;
                        if (a >= 0) {
                            entries.add(new Entry(c, itf, a));
                        }
                    }
                }
                // sorted by address, then by position: equal addresses of different components are neighbours
                entries.sort((a, b) -> a.address() != b.address() ? Integer.compare(a.address(), b.address())
                        : Integer.compare(a.component(), b.component()));
                Set<Integer> taken = new TreeSet<>();
                entries.forEach(e -> taken.add(e.address()));
                for (int from = 0; from < entries.size(); ) {
                    int to = from;
                    List<Entry> at = new ArrayList<>();
                    while (to < entries.size() && entries.get(to).address() == entries.get(from).address()) {
                        Entry e = entries.get(to++);
                        if (at.isEmpty() || at.get(at.size() - 1).component() != e.component()) {
                            at.add(e);
                        }
                    }
                    if (at.size() > 1) {
                        report(f, out, resolver, n, at, taken);
                    }
                    from = to;
                }
            }
        }

        private void report(CircuitFacts f, Findings out, I2cAddresses resolver, int net, List<Entry> at,
                            Set<Integer> taken) {
            List<String> refs = new ArrayList<>();
            List<String> how = new ArrayList<>();
            for (Entry en : at) {
                StringBuilder why = new StringBuilder();
                resolver.resolve(en.component(), en.itf(), why);
                refs.add(f.ref(en.component()));
                how.add(f.ref(en.component()) + ": " + why);
            }
            String alternative = null;
            for (int i = at.size() - 1; i >= 0 && alternative == null; i--) {
                alternative = resolver.alternative(at.get(i).component(), at.get(i).itf(), taken);
            }
            String tca = "put them on separate channels of a TCA9548A I2C multiplexer";
            out.add(Finding.error(id(), String.join(" and ", refs) + (refs.size() > 2 ? " all" : " both")
                            + " answer at I2C address "
                            + I2cAddresses.hex(at.get(0).address()) + " on bus " + f.netName(net) + " ("
                            + String.join("; ", how) + ")")
                    .withNets(f.netName(net)).withComponents(refs)
                    .withFix(alternative != null ? alternative + ", or " + tca : tca));
        }

        /** Whether interface {@code itf} uses part pin {@code pin} (its SDA), so its address counts on this net. */
        private static boolean carries(PartInterface itf, PartPin pin) {
            return itf.pins().isEmpty() || itf.uses(pin);
        }
    }

    // ---------------------------------------------------------------- interface.uart-crossed

    /** UART TX wired to TX, or RX to RX with nothing to transmit. */
    static final class UartCrossed extends InterfaceRule {
        UartCrossed() {
            super("interface.uart-crossed", "UART TX must meet RX",
                    "A UART link crosses: one part's TX goes to the other's RX. The rule classes each UART pin "
                            + "of a part with capability data as transmit-only (an output pin, or UART_TX without "
                            + "UART_RX: the Uno's D1, a GPS module's TX, a MAX485's RO), receive-only (an input, or "
                            + "UART_RX without UART_TX), or either (ESP32 pins routed through the GPIO matrix); pins "
                            + "of a PN532 or BNO055 wired for I2C are left out. Two transmit-only pins of different "
                            + "parts on one net drive against each other; two receive-only pins with no pin on the "
                            + "net able to transmit wait for data that never comes. Both are errors. It does not "
                            + "check baud rates or logic levels (the power rules judge a 5 V TX into a 3.3 V RX), "
                            + "nor links that pass through a divider, where TX and RX are on different nets.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            InterfaceFacts x = InterfaceFacts.of(f);
            for (int n = 0; n < f.netCount(); n++) {
                int tx1 = -1;
                int tx1p = -1;
                int tx2 = -1;
                int tx2p = -1;
                int rx1 = -1;
                int rx1p = -1;
                int rx2 = -1;
                int rx2p = -1;
                boolean canSend = false;
                for (int k = 0; k < f.netSize(n); k++) {
                    int c = f.netComponent(n, k);
                    int p = f.netPin(n, k);
                    PartPin pp = f.partPin(c, p);
                    if (pp == null || !(pp.can(PinFunction.UART_TX) || pp.can(PinFunction.UART_RX))
                            || x.i2cRole(c, p) != null) {
                        continue;
                    }
                    // the electrical type says which way a pin drives; the UART function only where it does not
                    boolean tx = pp.type() == PinType.OUTPUT
                            || pp.type() != PinType.INPUT && pp.can(PinFunction.UART_TX);
                    boolean rx = pp.type() == PinType.INPUT
                            || pp.type() != PinType.OUTPUT && pp.can(PinFunction.UART_RX);
                    if (tx) {
                        canSend = true;
                    }
                    if (tx && !rx) {
                        if (tx1 < 0) {
                            tx1 = c;
                            tx1p = p;
                        } else if (tx2 < 0 && c != tx1) {
                            tx2 = c;
                            tx2p = p;
                        }
                    } else if (rx && !tx) {
                        if (rx1 < 0) {
                            rx1 = c;
                            rx1p = p;
                        } else if (rx2 < 0 && c != rx1) {
                            rx2 = c;
                            rx2p = p;
                        }
                    }
                }
                if (tx2 >= 0) {
                    out.add(Finding.error(id(), "UART TX wired to TX on net " + f.netName(n) + ": "
                                    + f.label(tx1, tx1p) + " and " + f.label(tx2, tx2p)
                                    + " both transmit and drive against each other")
                            .withNets(f.netName(n)).withPins(f.label(tx1, tx1p), f.label(tx2, tx2p))
                            .withComponents(f.ref(tx1), f.ref(tx2))
                            .withFix("cross the link: " + f.label(tx2, tx2p) + " goes to the RX pin of "
                                    + f.ref(tx1) + ", and " + f.label(tx1, tx1p) + " to the RX pin of "
                                    + f.ref(tx2)));
                } else if (rx2 >= 0 && !canSend) {
                    out.add(Finding.error(id(), "UART RX wired to RX on net " + f.netName(n) + ": "
                                    + f.label(rx1, rx1p) + " and " + f.label(rx2, rx2p)
                                    + " both receive and nothing on the net transmits")
                            .withNets(f.netName(n)).withPins(f.label(rx1, rx1p), f.label(rx2, rx2p))
                            .withComponents(f.ref(rx1), f.ref(rx2))
                            .withFix("cross the link: " + f.label(rx2, rx2p) + " goes to the TX pin of "
                                    + f.ref(rx1) + ", and " + f.label(rx1, rx1p) + " to the TX pin of "
                                    + f.ref(rx2)));
                }
            }
        }
    }

    // ---------------------------------------------------------------- interface.spi-cs

    /** SPI devices sharing a clock without a chip select of their own. */
    static final class SpiCs extends InterfaceRule {
        SpiCs() {
            super("interface.spi-cs", "One chip select per SPI device",
                    "Devices that share an SPI clock net (and with it MOSI and MISO) are told apart only by their "
                            + "chip-select pins, so each needs its own CS net. For every SPI interface of a device "
                            + "whose clock pin is wired (an ILI9341 board counts three: display, touch and SD), the "
                            + "rule groups interfaces by clock net; on a bus with two or more it is an error when a "
                            + "CS pin is unconnected (the device may answer every transfer), when two devices' CS "
                            + "pins share a net (both drive MISO at once), or when a CS pin is tied to ground "
                            + "(always selected). A lone device may have its CS tied low. BME280-style parts count "
                            + "as SPI devices only when their chip select is driven (open or high selects I2C). A "
                            + "CS tied high (device disabled) is accepted.");
        }

        /** One SPI interface of a device: its component, chip-select pin, and whether the part has several. */
        private record Endpoint(int component, int cs, boolean several) {
            /** {@code sd}, or {@code tft (T_CS)} for one of several interfaces of a part. */
            String what(CircuitFacts f) {
                return several ? f.ref(component) + " (" + f.pin(component, cs).label() + ")" : f.ref(component);
            }
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            InterfaceFacts x = InterfaceFacts.of(f);
            Map<Integer, List<Endpoint>> bySck = new LinkedHashMap<>();
            for (int i = 0; i < f.componentCount(); i++) {
                if (!x.device(i)) {
                    continue;
                }
                List<PartInterface> spi = x.interfaces(i, InterfaceKind.SPI);
                if (spi.isEmpty()) {
                    continue;
                }
                if (!x.interfaces(i, InterfaceKind.I2C).isEmpty() && !x.spiMode(i)) {
                    continue;
                }
                for (PartInterface itf : spi) {
                    int sck = -1;
                    int cs = -1;
                    for (String name : itf.pins()) {
                        int p = x.pinNamed(i, name);
                        PartPin pp = p < 0 ? null : f.partPin(i, p);
                        if (pp == null) {
                            continue;
                        }
                        if (pp.can(PinFunction.SPI_SCK) && sck < 0) {
                            sck = p;
                        } else if (pp.can(PinFunction.SPI_CS) && cs < 0) {
                            cs = p;
                        }
                    }
                    int n = sck < 0 ? -1 : f.net(i, sck);
                    if (n < 0 || f.netSize(n) < 2 || cs < 0) {
                        continue;
                    }
                    bySck.computeIfAbsent(n, k -> new ArrayList<>(2)).add(new Endpoint(i, cs, spi.size() > 1));
                }
            }
            for (Map.Entry<Integer, List<Endpoint>> bus : bySck.entrySet()) {
                List<Endpoint> eps = bus.getValue();
                if (eps.size() < 2) {
                    continue;
                }
                String sck = f.netName(bus.getKey());
                String devices = eps.size() + " SPI devices share clock net " + sck;
                Map<Integer, List<Endpoint>> byCs = new LinkedHashMap<>();
                for (Endpoint e : eps) {
                    int n = f.net(e.component(), e.cs());
                    String cs = f.label(e.component(), e.cs());
                    if (n < 0 || f.netSize(n) < 2) {
                        out.add(Finding.error(id(), devices + ", but the chip select " + cs + " of " + e.what(f)
                                        + " is not connected: it may answer every transfer")
                                .withNets(sck).withPins(cs).withComponents(f.ref(e.component()))
                                .withFix("wire " + cs + " to its own GPIO of the controller"));
                    } else if (f.isGround(n)) {
                        out.add(Finding.error(id(), devices + ", but the chip select " + cs + " of " + e.what(f)
                                        + " is tied to ground (" + f.netName(n) + "), so it is always selected")
                                .withNets(sck, f.netName(n)).withPins(cs).withComponents(f.ref(e.component()))
                                .withFix("wire " + cs + " to its own GPIO of the controller"));
                    } else {
                        byCs.computeIfAbsent(n, k -> new ArrayList<>(2)).add(e);
                    }
                }
                for (Map.Entry<Integer, List<Endpoint>> shared : byCs.entrySet()) {
                    if (shared.getValue().size() < 2) {
                        continue;
                    }
                    List<String> pins = new ArrayList<>();
                    List<String> refs = new ArrayList<>();
                    for (Endpoint e : shared.getValue()) {
                        pins.add(f.label(e.component(), e.cs()));
                        refs.add(e.what(f));
                    }
                    Endpoint last = shared.getValue().get(shared.getValue().size() - 1);
                    out.add(Finding.error(id(), devices + ", and " + String.join(", ", pins)
                                    + " share the chip-select net " + f.netName(shared.getKey()) + ": "
                                    + String.join(" and ", refs) + " are selected together and drive MISO at once")
                            .withNets(sck, f.netName(shared.getKey())).withPins(pins)
                            .withComponents(shared.getValue().stream().map(e -> f.ref(e.component())).distinct()
                                    .toList())
                            .withFix("give " + last.what(f) + " its own chip-select GPIO: move "
                                    + f.label(last.component(), last.cs()) + " to a free pin"));
                }
            }
        }
    }

    // ---------------------------------------------------------------- interface.pwm-pin

    /** A load that needs PWM on a host pin without PWM. */
    static final class PwmPin extends InterfaceRule {
        PwmPin() {
            super("interface.pwm-pin", "PWM loads on PWM-capable pins",
                    "Input pins that a part's data lists under a PWM interface (the signal wire of an SG90 or "
                            + "MG996R servo, the ENA/ENB speed inputs of an L298N, PWMA of a TB6612FNG, the inputs "
                            + "of a DRV8833) expect a pulse-width-modulated signal. When such a pin is wired to a "
                            + "board or microcontroller pin without the PWM function (the Uno's D2, D4, D7, D8, "
                            + "D12, D13 and A0-A5; the NodeMCU's D0), analogWrite() only switches it fully on or "
                            + "off and the speed or angle cannot be set. Note that the AVR Servo library times "
                            + "servo pulses in software on any pin; the rule still asks for a hardware PWM pin, "
                            + "which is what the part data describes. Passive buzzers are not checked: tone() "
                            + "toggles any pin.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            InterfaceFacts x = InterfaceFacts.of(f);
            for (int i = 0; i < f.componentCount(); i++) {
                if (!x.device(i)) {
                    continue;
                }
                for (PartInterface itf : x.interfaces(i, InterfaceKind.PWM)) {
                    for (String name : itf.pins()) {
                        int p = x.pinNamed(i, name);
                        PartPin pp = p < 0 ? null : f.partPin(i, p);
                        int n = p < 0 ? -1 : f.net(i, p);
                        if (pp == null || pp.type() != PinType.INPUT || n < 0) {
                            continue;
                        }
                        for (int k = 0; k < f.netSize(n); k++) {
                            int c = f.netComponent(n, k);
                            int q = f.netPin(n, k);
                            if (!x.hostSignalPin(c, q) || f.can(c, q, PinFunction.PWM)) {
                                continue;
                            }
                            String pwm = x.suggest(f.part(c), "pwm",
                                    h -> h.can(PinFunction.PWM) && InterfaceFacts.outputCapable(h), null, 8);
                            String why = InterfaceFacts.firstSentence(itf.notes());
                            out.add(Finding.error(id(), f.label(i, p) + " expects PWM" + (why.isEmpty() ? ""
                                            : " (" + why + ")") + ", but " + f.label(c, q) + " on net "
                                            + f.netName(n) + " has no hardware PWM: analogWrite() there only "
                                            + "switches fully on or off")
                                    .withNets(f.netName(n)).withPins(f.label(i, p), f.label(c, q))
                                    .withComponents(f.ref(i), f.ref(c))
                                    .withFix(pwm.isEmpty() ? "drive it from a PWM controller such as a PCA9685"
                                            : "move it to a PWM pin of " + f.ref(c) + ": " + pwm));
                        }
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- interface.adc-pin

    /** An analog sensor output on a host pin without an ADC, or on an ESP32 ADC2 pin. */
    static final class AdcPin extends InterfaceRule {
        AdcPin() {
            super("interface.adc-pin", "Analog outputs on ADC pins",
                    "An analog voltage can only be measured on a pin with an ADC channel. Analog sources are "
                            + "output pins of modules and chips with the ANALOG or ADC function (LM35 and TMP36 "
                            + "VOUT, the AO pin of soil-moisture, MQ gas and water-level sensors, joystick axes), "
                            + "the divider end of a two-terminal sensor such as an LDR or NTC thermistor whose "
                            + "other end sits on a rail, and a potentiometer wiper. Wired to a board or "
                            + "microcontroller pin without ADC it is an error (digitalRead sees only high or low). "
                            + "On a pin flagged WIFI_CONFLICT (ESP32 ADC2: GPIO0, 2, 4, 12-15, 25-27) it is a "
                            + "warning: analogRead fails while Wi-Fi is on, so the fix names the ADC1 pins. Sources "
                            + "behind an RC filter or an amplifier are on another net and not seen.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            InterfaceFacts x = InterfaceFacts.of(f);
            for (int n = 0; n < f.netCount(); n++) {
                int src = -1;
                int srcPin = -1;
                for (int k = 0; k < f.netSize(n) && src < 0; k++) {
                    int c = f.netComponent(n, k);
                    int p = f.netPin(n, k);
                    if (analogSource(x, c, p)) {
                        src = c;
                        srcPin = p;
                    }
                }
                if (src < 0) {
                    continue;
                }
                for (int k = 0; k < f.netSize(n); k++) {
                    int c = f.netComponent(n, k);
                    int p = f.netPin(n, k);
                    if (!x.hostSignalPin(c, p)) {
                        continue;
                    }
                    PartPin pp = f.partPin(c, p);
                    String source = f.label(src, srcPin);
                    if (!pp.can(PinFunction.ADC)) {
                        String adc = x.suggest(f.part(c), "adc", h -> h.can(PinFunction.ADC)
                                && !h.has(PinFlag.WIFI_CONFLICT), null, 8);
                        out.add(Finding.error(id(), source + " is an analog output, but " + f.label(c, p)
                                        + " on net " + f.netName(n) + " has no ADC: digitalRead sees only high or "
                                        + "low")
                                .withNets(f.netName(n)).withPins(source, f.label(c, p))
                                .withComponents(f.ref(src), f.ref(c))
                                .withFix(adc.isEmpty() ? "read it through an external ADC such as an ADS1115"
                                        : "move it to an ADC pin of " + f.ref(c) + ": " + adc));
                    } else if (pp.has(PinFlag.WIFI_CONFLICT)) {
                        String adc1 = x.suggest(f.part(c), "adc", h -> h.can(PinFunction.ADC)
                                && !h.has(PinFlag.WIFI_CONFLICT), null, 8);
                        String channel = pp.channels().get(PinFunction.ADC);
                        out.add(Finding.warning(id(), source + " is read on " + f.label(c, p)
                                        + (channel != null ? " (" + channel + ")" : "") + ", an ADC2 pin: analogRead "
                                        + "fails while Wi-Fi is on")
                                .withNets(f.netName(n)).withPins(source, f.label(c, p))
                                .withComponents(f.ref(src), f.ref(c))
                                .withFix(adc1.isEmpty() ? "read it with Wi-Fi off"
                                        : "use an ADC1 pin of " + f.ref(c) + ": " + adc1));
                    }
                }
            }
        }

        private static boolean analogSource(InterfaceFacts x, int c, int p) {
            CircuitFacts f = x.facts();
            if (!x.device(c)) {
                return false;
            }
            PartPin pp = f.partPin(c, p);
            if (pp == null) {
                return false;
            }
            Part part = f.part(c);
            if (part.form() == Form.PASSIVE) {
                if (part.category() == Category.SENSOR && f.component(c).pins().size() == 2) {
                    int other = f.otherNet(c, p);
                    return other >= 0 && f.voltage(other) != null;
                }
                // a potentiometer's wiper: its notes send it to an ADC input
                return x.cached("wiper", pp, q -> q.notes() != null
                        && q.notes().toLowerCase(Locale.ROOT).contains("adc"));
            }
            return pp.type() == PinType.OUTPUT && (pp.can(PinFunction.ANALOG) || pp.can(PinFunction.ADC));
        }
    }

    // ---------------------------------------------------------------- interface.input-only

    /** An input-only host pin that is the only thing that could drive its net. */
    static final class InputOnly extends InterfaceRule {
        InputOnly() {
            super("interface.input-only", "Input-only pins asked to drive",
                    "Some microcontroller pins have no output driver: the ESP32's GPIO34-39, the Nano's A6 and "
                            + "A7, the NodeMCU's A0 (flag INPUT_ONLY). The rule looks at the net of each used "
                            + "input-only pin, and through one series resistor at the net beyond: when it feeds "
                            + "something that must be driven (an input pin such as a relay module's IN, a servo "
                            + "signal, a chip select or a UART RX; an LED; a MOSFET gate or BJT base; a 1-Wire or "
                            + "DHT data line, whose start pulse the host must drive) and nothing else on those "
                            + "nets can drive it (an output, bidirectional or open-drain pin; a pull-up resistor "
                            + "only holds a level, it does not control the load), the circuit cannot work. Reading "
                            + "a sensor's output on an input-only pin is correct and passes.");
        }

        /** Loads found on the nets and whether anything can drive them. */
        private static final class Scan {
            final List<String> loads = new ArrayList<>(2);
            boolean driven;
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            InterfaceFacts x = InterfaceFacts.of(f);
            for (CircuitFacts.PinAt at : x.flaggedHostPins()) {
                int c = at.component();
                int p = at.pin();
                PartPin pp = f.partPin(c, p);
                int n = f.net(c, p);
                if (!pp.has(PinFlag.INPUT_ONLY) || f.netSize(n) < 2 || f.voltage(n) != null) {
                    continue;
                }
                Scan s = new Scan();
                scan(x, n, c, p, s, true);
                if (s.loads.isEmpty() || s.driven) {
                    continue;
                }
                String outputs = x.suggest(f.part(c), "free", h -> InterfaceFacts.outputCapable(h)
                        && !h.has(PinFlag.STRAPPING) && !h.has(PinFlag.BOOT_OUTPUT), null, 6);
                out.add(Finding.error(id(), f.label(c, p) + " is input-only (no output driver), but net "
                                + f.netName(n) + " feeds " + String.join(", ", s.loads)
                                + " and nothing else drives it")
                        .withNets(f.netName(n)).withPins(f.label(c, p)).withComponents(f.ref(c))
                        .withFix("move the connection to an output-capable pin of " + f.ref(c)
                                + (outputs.isEmpty() ? "" : ": " + outputs) + "; " + pp.name()
                                + " can only read"));
            }
        }

        private static void scan(InterfaceFacts x, int net, int skipC, int skipP, Scan s, boolean follow) {
            CircuitFacts f = x.facts();
            for (int k = 0; k < f.netSize(net); k++) {
                int c = f.netComponent(net, k);
                int p = f.netPin(net, k);
                if (c == skipC && (p == skipP || !follow)) {
                    continue;
                }
                ComponentKind kind = f.kind(c);
                if (kind == ComponentKind.RESISTOR && f.component(c).pins().size() == 2) {
                    int other = f.otherNet(c, p);
                    if (other < 0 || other == net) {
                        continue;
                    }
                    // a resistor to a rail only biases the net: the load it feeds is still uncontrolled
                    if (f.voltage(other) == null && follow) {
                        int before = s.loads.size();
                        scan(x, other, c, -1, s, false);
                        for (int i = before; i < s.loads.size(); i++) {
                            s.loads.set(i, s.loads.get(i) + " through " + f.ref(c));
                        }
                    }
                    continue;
                }
                if (kind == ComponentKind.VOLTAGE_SOURCE) {
                    s.driven = true;
                    continue;
                }
                if (x.isLed(c)) {
                    s.loads.add(f.ref(c) + " (LED)");
                    continue;
                }
                if (kind == ComponentKind.MOSFET && p == f.component(c).terminalIndex("G")) {
                    s.loads.add(f.ref(c) + " (MOSFET gate)");
                    continue;
                }
                if (kind == ComponentKind.BJT && p == f.component(c).terminalIndex("B")) {
                    s.loads.add(f.ref(c) + " (transistor base)");
                    continue;
                }
                PartPin pp = f.partPin(c, p);
                if (pp != null && (pp.can(PinFunction.ONE_WIRE) || singleWire(x, c, pp))) {
                    s.loads.add(f.label(c, p) + " (data line the host must drive)");
                    continue;
                }
                switch (f.type(c, p)) {
                    case INPUT -> s.loads.add(f.label(c, p) + " (input)");
                    case OUTPUT, BIDIRECTIONAL, TRI_STATE, OPEN_COLLECTOR, OPEN_EMITTER, POWER_OUT -> s.driven = true;
                    default -> {
                    }
                }
            }
        }
    }

    /** Whether {@code pp} of component {@code c} is listed in a single-wire interface (DHT11/DHT22 DATA). */
    private static boolean singleWire(InterfaceFacts x, int c, PartPin pp) {
        // A DHT's data line is open-drain and bidirectional; a WS2812's DIN is a plain input the host drives
        // push-pull, so it needs no pull-up.
        if (pp.type() == PinType.INPUT || pp.type() == PinType.OUTPUT) {
            return false;
        }
        for (PartInterface itf : x.interfaces(c, InterfaceKind.SINGLE_WIRE)) {
            if (itf.uses(pp)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- interface.flash-pin

    /** A host pin wired to the on-board flash chip is used. */
    static final class FlashPin extends InterfaceRule {
        FlashPin() {
            super("interface.flash-pin", "Flash pins left alone",
                    "Pins flagged FLASH are wired to the board's SPI flash chip, which holds the program: on "
                            + "boards that put them on the header (the NodeMCU's SD0-SD3, CMD and CLK, ESP32 "
                            + "GPIO6-11 on boards that expose them) any other use disturbs the flash and the board "
                            + "crashes or will not boot. The rule reports every such pin that is on a net with "
                            + "another pin. It does not decide whether quad-flash modes free a pin (GPIO9/10 in DIO "
                            + "mode on some ESP8266 modules): that depends on the module, not the schematic.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            InterfaceFacts x = InterfaceFacts.of(f);
            for (CircuitFacts.PinAt at : x.flaggedHostPins()) {
                int c = at.component();
                int p = at.pin();
                PartPin pp = f.partPin(c, p);
                int n = f.net(c, p);
                if (!pp.has(PinFlag.FLASH) || f.netSize(n) < 2) {
                    continue;
                }
                String others = x.suggest(f.part(c), "free", h -> InterfaceFacts.outputCapable(h)
                        && !h.has(PinFlag.STRAPPING) && !h.has(PinFlag.BOOT_OUTPUT), null, 6);
                out.add(Finding.error(id(), f.label(c, p) + " is wired to the board's flash chip ("
                                + InterfaceFacts.firstSentence(pp.notes()) + ") and is used on net " + f.netName(n)
                                + ": the board crashes or does not boot")
                        .withNets(f.netName(n)).withPins(f.label(c, p)).withComponents(f.ref(c))
                        .withFix("use another GPIO of " + f.ref(c) + (others.isEmpty() ? "" : ": " + others)));
            }
        }
    }

    // ---------------------------------------------------------------- interface.strapping-pin

    /** A strapping or boot-output pin in use; an error when the circuit holds it at the wrong level. */
    static final class StrappingPin extends InterfaceRule {
        private static final Pattern MUST = Pattern.compile("(?:must be|keep) (low|high)");
        private static final Pattern FAILS = Pattern.compile("boot fails if (?:held|pulled) (low|high)");
        private static final Pattern ENTERS = Pattern.compile("low at reset (?:enters|=) (?:download|flash)");

        StrappingPin() {
            super("interface.strapping-pin", "Strapping and boot pins",
                    "Pins flagged STRAPPING are read at reset to choose the boot mode or flash voltage (ESP32 "
                            + "GPIO0, 2, 5, 12, 15; ESP8266 D3, D4, D8; ESP32-C3 GPIO2, 8, 9); pins flagged "
                            + "BOOT_OUTPUT toggle or print while the board boots (ESP32 GPIO1, 5, 14, 15). Using "
                            + "one is a warning that quotes the pin's notes. When the notes state the level the "
                            + "pin needs at reset (\"must be low\", \"keep low\", \"boot fails if held low\", \"low "
                            + "at reset enters download mode\") and the circuit holds the pin at the other level "
                            + "(tied to a rail or ground, a resistor to one, or a module's on-board pull-up on the "
                            + "same net), it is an error: the board will not boot or cannot be flashed (ESP32 "
                            + "GPIO12 pulled high selects 1.8 V flash). A circuit that holds the right level is "
                            + "silent for a strapping-only pin. Levels set by what a driven device does at power-up "
                            + "are not simulated.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            InterfaceFacts x = InterfaceFacts.of(f);
            for (CircuitFacts.PinAt at : x.flaggedHostPins()) {
                int c = at.component();
                int p = at.pin();
                PartPin pp = f.partPin(c, p);
                int n = f.net(c, p);
                boolean strap = pp.has(PinFlag.STRAPPING);
                boolean boot = pp.has(PinFlag.BOOT_OUTPUT);
                if (!strap && !boot || pp.has(PinFlag.FLASH) || f.netSize(n) < 2) {
                    continue;
                }
                InterfaceFacts.Level needed = strap ? x.cached("strap level", pp,
                        q -> Optional.ofNullable(required(q.notes()))).orElse(null) : null;
                InterfaceFacts.Forced forced = strap ? x.forced(n, c) : null;
                boolean wrong = needed != null && forced != null && forced.level() != needed;
                if (!wrong && needed != null && forced != null && !boot) {
                    continue;
                }
                String notes = x.cached("strap notes", pp, q -> bootNotes(q.notes()));
                String others = x.suggest(f.part(c), "free", h -> InterfaceFacts.outputCapable(h)
                        && !h.has(PinFlag.STRAPPING) && !h.has(PinFlag.BOOT_OUTPUT), null, 6);
                String move = "use a pin without boot duties" + (others.isEmpty() ? "" : " (" + others + ")");
                if (wrong) {
                    out.add(Finding.error(id(), f.label(c, p) + " is a strapping pin that must be "
                                    + word(needed) + " at reset (\"" + notes + "\"), but on net " + f.netName(n)
                                    + " it is " + forced.how())
                            .withNets(f.netName(n)).withPins(f.label(c, p)).withComponents(f.ref(c))
                            .withFix(move + ", or remove what holds " + pp.name() + " " + word(forced.level())));
                    continue;
                }
                String level = needed != null ? " It must be " + word(needed) + " at reset." : "";
                out.add(Finding.warning(id(), f.label(c, p) + " is a " + (strap ? "strapping" : "boot-output")
                                + " pin, used on net " + f.netName(n) + ": \"" + notes + "\"" + level)
                        .withNets(f.netName(n)).withPins(f.label(c, p)).withComponents(f.ref(c))
                        .withFix((needed != null ? "make sure nothing on " + f.netName(n) + " holds it "
                                + word(needed == InterfaceFacts.Level.LOW ? InterfaceFacts.Level.HIGH
                                : InterfaceFacts.Level.LOW) + " at reset, or " : strap
                                ? "keep what is wired here from pulling it at reset, or " : "keep loads here "
                                + "that must stay off at boot (relays, motors) elsewhere, or ") + move));
            }
        }

        private static String word(InterfaceFacts.Level l) {
            return l == InterfaceFacts.Level.LOW ? "low" : "high";
        }

        /** The level the notes say the pin needs at reset for a normal boot, or {@code null}. */
        static InterfaceFacts.Level required(String notes) {
            if (notes == null) {
                return null;
            }
            String t = notes.toLowerCase(Locale.ROOT);
            Matcher m = MUST.matcher(t);
            if (m.find()) {
                return m.group(1).equals("low") ? InterfaceFacts.Level.LOW : InterfaceFacts.Level.HIGH;
            }
            m = FAILS.matcher(t);
            if (m.find()) {
                return m.group(1).equals("low") ? InterfaceFacts.Level.HIGH : InterfaceFacts.Level.LOW;
            }
            return ENTERS.matcher(t).find() ? InterfaceFacts.Level.HIGH : null;
        }

        /** The sentences of {@code notes} about strapping, boot or reset. */
        static String bootNotes(String notes) {
            if (notes == null) {
                return "";
            }
            List<String> kept = new ArrayList<>();
            for (String s : notes.split("(?<=\\.)\\s+")) {
                String l = s.toLowerCase(Locale.ROOT);
                if (l.contains("strap") || l.contains("boot") || l.contains("reset") || l.contains("download")) {
                    kept.add(s.strip());
                }
            }
            return kept.isEmpty() ? notes.strip() : String.join(" ", kept);
        }
    }

    // ---------------------------------------------------------------- interface.one-wire-pullup

    /** A 1-Wire or DHT data line without a pull-up. */
    static final class OneWirePullup extends InterfaceRule {
        OneWirePullup() {
            super("interface.one-wire-pullup", "1-Wire and DHT data lines need a pull-up",
                    "The data line of a DS18B20 (function ONE_WIRE) and of a bare DHT11/DHT22 (single-wire "
                            + "interface) is open-drain: the sensor and the host only pull it low, so it needs a "
                            + "pull-up, 4.7 kOhm to the sensor's supply for 1-Wire, 4.7-10 kOhm for DHT. For each "
                            + "such pin wired to another part, the rule looks for a resistor from the net to a "
                            + "positive rail or an on-board pull-up of a module on the net (3-pin DHT and DS18B20 "
                            + "modules carry one); with neither, it is an error. A microcontroller's internal "
                            + "pull-up is not counted: it is too weak for 1-Wire timing, and DHT libraries that "
                            + "enable it still fail on cables longer than a few centimetres.");
        }

        @Override
        public void check(CircuitFacts f, Findings out) {
            InterfaceFacts x = InterfaceFacts.of(f);
            BitSet done = null;
            for (int i = 0; i < f.componentCount(); i++) {
                if (!x.device(i) || !x.cached("open-drain data", f.part(i), OneWirePullup::hasDataLine)) {
                    continue;
                }
                for (int p = 0; p < f.component(i).pins().size(); p++) {
                    PartPin pp = f.partPin(i, p);
                    int n = f.net(i, p);
                    if (pp == null || n < 0 || !(pp.can(PinFunction.ONE_WIRE) || singleWire(x, i, pp))) {
                        continue;
                    }
                    if (done != null && done.get(n) || !twoParts(f, n) || f.voltage(n) != null
                            || x.pulls(n, I2C_VOL).count() > 0) {
                        continue;
                    }
                    if (done == null) {
                        done = new BitSet(f.netCount());
                    }
                    done.set(n);
                    String kind = pp.can(PinFunction.ONE_WIRE) ? "1-Wire" : "single-wire (DHT)";
                    out.add(Finding.error(id(), kind + " data line " + f.netName(n) + " ("
                                    + joined(pinsOn(f, n, 4), f.netSize(n)) + ") has no pull-up: "
                                    + f.label(i, p) + " is open-drain and the line never goes high")
                            .withNets(f.netName(n)).withPins(pinsOn(f, n, 8)).withComponents(f.ref(i))
                            .withFix(pullUpFix(x, n, "4.7 kΩ")));
                }
            }
        }

        /** Whether {@code part} has a 1-Wire pin or a single-wire interface at all. */
        private static Boolean hasDataLine(Part part) {
            for (PartPin pp : part.pins()) {
                if (pp.can(PinFunction.ONE_WIRE)) {
                    return true;
                }
            }
            for (PartInterface itf : part.interfaces()) {
                if (itf.kind() == InterfaceKind.SINGLE_WIRE) {
                    return true;
                }
            }
            return false;
        }
    }
}
