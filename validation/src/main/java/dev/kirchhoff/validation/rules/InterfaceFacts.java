package dev.kirchhoff.validation.rules;

import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.Form;
import dev.kirchhoff.knowledge.InterfaceKind;
import dev.kirchhoff.knowledge.Onboard;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartInterface;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.knowledge.PinFlag;
import dev.kirchhoff.validation.Binding;
import dev.kirchhoff.validation.CircuitFacts;
import dev.kirchhoff.validation.Rails;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the interface rules share, computed once per circuit ({@link #of}): which components are hosts (boards and
 * microcontrollers) and which are devices, the nets that carry a device's I2C line, the flagged host pins (input-only,
 * flash, strapping, boot output), the pull-ups on a net and the level a net is forced to. Not thread-safe beyond the
 * memo that creates it; rules run one after another.
 *
 * <p>A <i>host</i> is a curated part of form {@link Form#BOARD} or one whose keywords say {@code microcontroller}
 * (ATmega328P, ATtiny85); a <i>device</i> is any other curated part bound as a part (a module or chip the host talks
 * to).
 */
final class InterfaceFacts {

    /** A logic level a net is held at. */
    enum Level {
        LOW, HIGH
    }

    /** What holds a net at a level: tied to a rail, or pulled through a resistor or a module's on-board pull-up. */
    record Forced(Level level, String how) {
    }

    /** One pull-up on a net: who ({@code R1} or {@code oled:SDA on board}), its resistance and the rail voltage. */
    record PullUp(String who, String ref, Double ohms, Double volts, boolean onboard) {
    }

    private static final byte OTHER = 0;
    private static final byte HOST = 1;
    private static final byte DEVICE = 2;

    private final CircuitFacts f;
    /** Per component: {@link #HOST}, {@link #DEVICE} or {@link #OTHER}. */
    private final byte[] roles;
    /** Per component, for parts that can do I2C and SPI: 0 not yet known, 1 I2C mode, 2 SPI mode. */
    private final byte[] spi;
    /** Per component, for parts whose I2C pins double as UART pins: 0 not yet known, 1 I2C mode, 2 UART mode. */
    private final byte[] uart;
    private final int[] i2cNets;
    private final List<CircuitFacts.PinAt> flaggedHostPins = new ArrayList<>();
    private final Map<String, Map<Object, Object>> caches = new HashMap<>();
    private Map<Long, String> railNames;

    private InterfaceFacts(CircuitFacts f) {
        this.f = f;
        int n = f.componentCount();
        roles = new byte[n];
        spi = new byte[n];
        uart = new byte[n];
        Map<Part, Boolean> hostParts = new IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            Binding b = f.binding(i);
            if (!b.curated()) {
                continue;
            }
            if (hostParts.computeIfAbsent(b.part(), InterfaceFacts::isHostPart)) {
                roles[i] = HOST;
            } else if (b.status() == Binding.Status.PART) {
                roles[i] = DEVICE;
            }
        }
        BitSet i2c = new BitSet(f.netCount());
        for (int i = 0; i < n; i++) {
            if (roles[i] == OTHER) {
                continue;
            }
            Binding b = f.binding(i);
            int pins = f.component(i).pins().size();
            for (int p = 0; p < pins; p++) {
                int net = f.net(i, p);
                if (net < 0) {
                    continue;
                }
                if (roles[i] == HOST) {
                    PartPin pp = b.pin(p);
                    if (pp != null && (pp.has(PinFlag.INPUT_ONLY) || pp.has(PinFlag.FLASH)
                            || pp.has(PinFlag.STRAPPING) || pp.has(PinFlag.BOOT_OUTPUT))) {
                        flaggedHostPins.add(new CircuitFacts.PinAt(i, p));
                    }
                } else if (i2cRole(i, p) != null) {
                    i2c.set(net);
                }
            }
        }
        i2cNets = i2c.stream().toArray();
    }

    /** The shared facts of {@code f}, computed on first use. */
    static InterfaceFacts of(CircuitFacts f) {
        return f.memo("interface.facts", () -> new InterfaceFacts(f));
    }

    CircuitFacts facts() {
        return f;
    }

    /** Whether component {@code i} is a host: a board or a microcontroller with capability data. */
    boolean host(int i) {
        return roles[i] == HOST;
    }

    /** Whether component {@code i} is a device: a curated part bound as a part that is not a host. */
    boolean device(int i) {
        return roles[i] == DEVICE;
    }

    private static boolean isHostPart(Part p) {
        if (p.form() == Form.BOARD) {
            return true;
        }
        for (String k : p.keywords()) {
            if (k.toLowerCase(Locale.ROOT).contains("microcontroller")) {
                return true;
            }
        }
        return false;
    }

    /** Whether pin {@code p} of host {@code i} is a signal pin (not a supply or ground pin). */
    boolean hostSignalPin(int i, int p) {
        if (roles[i] != HOST) {
            return false;
        }
        PartPin pp = f.partPin(i, p);
        return pp != null && !pp.isPower() && !pp.can(PinFunction.POWER) && !pp.can(PinFunction.GROUND);
    }

    /** Nets holding at least one device pin in an I2C role, in net order. */
    int[] i2cNets() {
        return i2cNets;
    }

    /** Host pins flagged input-only, flash, strapping or boot output that are on a net. */
    List<CircuitFacts.PinAt> flaggedHostPins() {
        return flaggedHostPins;
    }

    /**
     * A value derived from one knowledge-base object (a part, a pin, an interface), computed once per circuit; keyed
     * by identity, since the resolver hands out one instance per part.
     */
    @SuppressWarnings("unchecked")
    <K, T> T cached(String kind, K key, Function<K, T> compute) {
        Map<Object, Object> cache = caches.computeIfAbsent(kind, k -> new IdentityHashMap<>());
        Object v = cache.get(key);
        if (v == null) {
            v = compute.apply(key);
            cache.put(key, v);
        }
        return (T) v;
    }

    /**
     * The pull-ups on {@code net} in numbers, without allocating per pull-up: how many; how many have a known value
     * and the sum of their conductances; the highest rail voltage they go to ({@code NaN} when none is known); the
     * current they feed into a pin held at {@code low} volts, for those whose rail is known; the conductance of those
     * whose rail is not; and whether they are discrete resistors, on-board ones, or both.
     */
    record Pulls(int count, int known, double conductance, double volts, double sink, double unknownRail,
                 boolean discrete, boolean onboard) {
    }

    /** The pull-ups on {@code net} in numbers, the sink current taken at {@code low} volts; see {@link Pulls}. */
    Pulls pulls(int net, double low) {
        int count = 0;
        int known = 0;
        double g = 0;
        double v = Double.NaN;
        double sink = 0;
        double unknownRail = 0;
        boolean discrete = false;
        boolean onboard = false;
        for (int k = 0; k < f.netSize(net); k++) {
            int c = f.netComponent(net, k);
            int p = f.netPin(net, k);
            Double ohms;
            Double volts;
            if (f.kind(c) == ComponentKind.RESISTOR) {
                int other = f.otherNet(c, p);
                if (other < 0 || other == net || !positive(other)) {
                    continue;
                }
                ohms = f.value(c);
                volts = f.voltage(other);
                discrete = true;
            } else {
                Onboard.PullUp u = onboardPullUp(c, p);
                if (u == null) {
                    continue;
                }
                ohms = u.ohms() > 0 ? u.ohms() : null;
                volts = railOf(c, u);
                onboard = true;
            }
            count++;
            if (ohms != null && ohms > 0) {
                known++;
                g += 1 / ohms;
                if (volts != null) {
                    sink += Math.max(0, volts - low) / ohms;
                } else {
                    unknownRail += 1 / ohms;
                }
            }
            if (volts != null && !(v >= volts)) {
                v = volts;
            }
        }
        return new Pulls(count, known, g, v, sink, unknownRail, discrete, onboard);
    }

    /**
     * The I2C role of a device pin: {@link PinFunction#I2C_SDA} or {@link PinFunction#I2C_SCL}, or {@code null} when
     * the pin is not a device's I2C pin, or the device is wired for SPI (its chip-select pin driven, not tied high)
     * or for UART (a PN532 or BNO055 whose SDA/SCL pins meet a host pin that can do UART but not I2C).
     */
    PinFunction i2cRole(int i, int p) {
        if (roles[i] != DEVICE) {
            return null;
        }
        PartPin pp = f.partPin(i, p);
        if (pp == null) {
            return null;
        }
        boolean sda = pp.can(PinFunction.I2C_SDA);
        boolean scl = pp.can(PinFunction.I2C_SCL);
        if (sda == scl) {
            return null;
        }
        boolean dual = pp.can(PinFunction.SPI_MOSI) || pp.can(PinFunction.SPI_SCK) || pp.can(PinFunction.SPI_MISO);
        if (dual && spiMode(i)) {
            return null;
        }
        if ((pp.can(PinFunction.UART_TX) || pp.can(PinFunction.UART_RX)) && uartMode(i)) {
            return null;
        }
        return sda ? PinFunction.I2C_SDA : PinFunction.I2C_SCL;
    }

    /**
     * Whether a device whose I2C pins double as UART pins is wired for UART: one of those pins shares a net with a
     * host pin that can do UART but neither I2C function (the Uno's D0 and D1).
     */
    private boolean uartMode(int i) {
        if (uart[i] == 0) {
            uart[i] = 1;
            for (int p = 0; p < f.component(i).pins().size() && uart[i] == 1; p++) {
                PartPin pp = f.partPin(i, p);
                int n = f.net(i, p);
                if (pp == null || n < 0 || !(pp.can(PinFunction.UART_TX) || pp.can(PinFunction.UART_RX))) {
                    continue;
                }
                for (int k = 0; k < f.netSize(n); k++) {
                    int c = f.netComponent(n, k);
                    PartPin h = roles[c] == HOST ? f.partPin(c, f.netPin(n, k)) : null;
                    if (h != null && (h.can(PinFunction.UART_TX) || h.can(PinFunction.UART_RX))
                            && !h.can(PinFunction.I2C_SDA) && !h.can(PinFunction.I2C_SCL)) {
                        uart[i] = 2;
                        break;
                    }
                }
            }
        }
        return uart[i] == 2;
    }

    /**
     * Whether a device that can do both I2C and SPI is wired for SPI: one of its chip-select pins is on a net that is
     * not a positive rail (a GPIO drives it, or it is tied low). A chip select left open or tied high selects I2C on
     * the BME280 family.
     */
    boolean spiMode(int i) {
        if (spi[i] == 0) {
            spi[i] = 1;
            for (int p = 0; p < f.component(i).pins().size(); p++) {
                PartPin pp = f.partPin(i, p);
                int n = f.net(i, p);
                if (pp != null && pp.can(PinFunction.SPI_CS) && n >= 0 && f.netSize(n) > 1 && !positive(n)) {
                    spi[i] = 2;
                    break;
                }
            }
        }
        return spi[i] == 2;
    }

    /** Whether {@code net} is a supply rail above ground. */
    boolean positive(int net) {
        Double v = f.voltage(net);
        return v != null && v > 0;
    }

    /** The component pin of {@code i} whose part pin answers to {@code name}, or -1. */
    int pinNamed(int i, String name) {
        for (int p = 0; p < f.component(i).pins().size(); p++) {
            PartPin pp = f.partPin(i, p);
            if (pp != null && pp.answersTo(name)) {
                return p;
            }
        }
        return -1;
    }

    /** The on-board pull-up of component {@code i} on its pin {@code p}, or {@code null}. */
    Onboard.PullUp onboardPullUp(int i, int p) {
        if (roles[i] == OTHER) {
            return null;
        }
        Part part = f.part(i);
        PartPin pp = f.partPin(i, p);
        if (pp == null || part.onboard() == null || part.onboard().pullUps().isEmpty()) {
            return null;
        }
        Optional<Onboard.PullUp> found = cached("onboard pull-up", pp, q -> {
            for (Onboard.PullUp u : part.onboard().pullUps()) {
                for (String name : u.pins()) {
                    if (name.equalsIgnoreCase(q.name()) || name.equalsIgnoreCase(q.number())) {
                        return Optional.of(u);
                    }
                }
            }
            return Optional.empty();
        });
        return found.orElse(null);
    }

    /**
     * The pull-ups on {@code net}: resistors from it to a positive rail, and on-board pull-ups of the parts whose pins
     * are on it.
     */
    List<PullUp> pullUps(int net) {
        List<PullUp> out = new ArrayList<>(2);
        for (int k = 0; k < f.netSize(net); k++) {
            int c = f.netComponent(net, k);
            int p = f.netPin(net, k);
            if (f.kind(c) == ComponentKind.RESISTOR) {
                int other = f.otherNet(c, p);
                if (other >= 0 && other != net && positive(other)) {
                    out.add(new PullUp(f.ref(c), f.ref(c), f.value(c), f.voltage(other), false));
                }
                continue;
            }
            Onboard.PullUp u = onboardPullUp(c, p);
            if (u != null) {
                out.add(new PullUp(f.label(c, p) + " on board", f.ref(c), u.ohms() > 0 ? u.ohms() : null,
                        railOf(c, u), true));
            }
        }
        return out;
    }

    /** Where an on-board pull-up goes: the part's supply pins named by its {@code to}, else a voltage. */
    private record RailTarget(List<PartPin> pins, Double volts) {
    }

    /**
     * The voltage of the rail an on-board pull-up goes to: the net of the module's pin it names ({@code VCC}), else a
     * voltage its name states ({@code 3V3}), else the module's logic level when it names none; {@code null} when
     * unknown.
     */
    private Double railOf(int i, Onboard.PullUp u) {
        Part part = f.part(i);
        RailTarget t = cached("pull-up rail", u, k -> {
            if (k.to() == null) {
                return new RailTarget(List.of(), part.logic() != null ? part.logic().level() : null);
            }
            List<PartPin> pins = new ArrayList<>(1);
            for (PartPin pp : part.pins()) {
                if (pp.isPower() && pp.answersTo(k.to())) {
                    pins.add(pp);
                }
            }
            return new RailTarget(pins, Rails.voltageInName(k.to()));
        });
        for (int p = 0; p < f.component(i).pins().size() && !t.pins().isEmpty(); p++) {
            int n = f.net(i, p);
            if (n < 0 || !positive(n)) {
                continue;
            }
            PartPin pp = f.partPin(i, p);
            for (PartPin target : t.pins()) {
                if (target == pp) {
                    return f.voltage(n);
                }
            }
        }
        return t.volts();
    }

    /**
     * The level {@code net} is held at, or {@code null}: ground or a rail ties it; otherwise a resistor to ground or
     * to a rail, or another part's on-board pull-up, pulls it (a pull-up and a pull-down together decide nothing).
     * The pins of component {@code except} (the pin's own part) are not counted.
     */
    Forced forced(int net, int except) {
        if (f.isGround(net)) {
            return new Forced(Level.LOW, "tied to ground (" + f.netName(net) + ")");
        }
        if (positive(net)) {
            return new Forced(Level.HIGH, "tied to " + f.netName(net) + " (" + volts(f.voltage(net)) + ")");
        }
        String up = null;
        String down = null;
        for (int k = 0; k < f.netSize(net); k++) {
            int c = f.netComponent(net, k);
            int p = f.netPin(net, k);
            if (c == except) {
                continue;
            }
            if (f.kind(c) == ComponentKind.RESISTOR) {
                int other = f.otherNet(c, p);
                if (other < 0 || other == net) {
                    continue;
                }
                String r = f.ref(c) + (f.value(c) != null ? " (" + ohms(f.value(c)) + ")" : "");
                if (f.isGround(other)) {
                    down = "pulled down by " + r + " to " + f.netName(other);
                } else if (positive(other)) {
                    up = "pulled up by " + r + " to " + f.netName(other);
                }
            } else if (onboardPullUp(c, p) != null) {
                up = "pulled up by the on-board resistor on " + f.label(c, p);
            }
        }
        if (up != null && down == null) {
            return new Forced(Level.HIGH, up);
        }
        if (down != null && up == null) {
            return new Forced(Level.LOW, down);
        }
        return null;
    }

    /** The name of a net at {@code volts} (the first such rail), or {@code null}. Computed once. */
    String railName(double volts) {
        if (railNames == null) {
            railNames = new HashMap<>();
            for (int n = 0; n < f.netCount(); n++) {
                Double v = f.voltage(n);
                if (v != null && v > 0) {
                    railNames.putIfAbsent(Math.round(v * 100), f.netName(n));
                }
            }
        }
        return railNames.get(Math.round(volts * 100));
    }

    /** "3V3 (3.3 V)" or "the 3.3 V supply" for a fix text. */
    String railText(double volts) {
        String name = railName(volts);
        return name != null ? name + " (" + volts(volts) + ")" : "the " + volts(volts) + " supply";
    }

    /** The voltage of a host pin: the pin's own domain, else its part's logic level; {@code null} when unknown. */
    Double pinVolts(int i, int p) {
        PartPin pp = f.partPin(i, p);
        if (pp != null && pp.voltage() != null && pp.voltage() > 0) {
            return pp.voltage();
        }
        Part part = f.part(i);
        return part != null && part.logic() != null ? part.logic().level() : null;
    }

    /** The interfaces of {@code kind} of component {@code i}'s part; an empty list (no allocation) when none. */
    List<PartInterface> interfaces(int i, InterfaceKind kind) {
        Part part = f.part(i);
        if (part == null) {
            return List.of();
        }
        List<PartInterface> out = null;
        for (PartInterface itf : part.interfaces()) {
            if (itf.kind() == kind) {
                if (out == null) {
                    out = new ArrayList<>(1);
                }
                out.add(itf);
            }
        }
        return out == null ? List.of() : out;
    }

    /**
     * Up to {@code limit} pin names of {@code part} that satisfy {@code ok}, default pins for {@code preferred} first
     * ("D3, D5, D6, D9, …"). {@code kind} names the predicate: the text is computed once per part and kind.
     */
    String suggest(Part part, String kind, Predicate<PartPin> ok, PinFunction preferred, int limit) {
        return cached(kind, part, p -> suggest(p, ok, preferred, limit));
    }

    /** Uncached {@link #suggest(Part, String, Predicate, PinFunction, int)}. */
    private static String suggest(Part part, Predicate<PartPin> ok, PinFunction preferred, int limit) {
        List<String> names = new ArrayList<>();
        int total = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (PartPin pp : part.pins()) {
                boolean first = preferred != null && pp.defaultFor().contains(preferred);
                if ((pass == 0) != first || !ok.test(pp) || names.contains(pp.name())) {
                    continue;
                }
                total++;
                if (names.size() < limit) {
                    names.add(pp.name());
                }
            }
        }
        return String.join(", ", names) + (total > names.size() ? ", …" : "");
    }

    /** Whether a host pin can drive an output: a GPIO without the input-only, flash or reserved flags. */
    static boolean outputCapable(PartPin pp) {
        return pp.can(PinFunction.GPIO) && pp.type() != PinType.INPUT && !pp.has(PinFlag.INPUT_ONLY)
                && !pp.has(PinFlag.FLASH) && !pp.has(PinFlag.RESERVED);
    }

    /** {@code 4.7 kΩ}, {@code 820 Ω}, {@code 1.06 kΩ}. */
    static String ohms(double r) {
        if (r >= 1e6) {
            return significant(r / 1e6) + " MΩ";
        }
        if (r >= 1e3) {
            return significant(r / 1e3) + " kΩ";
        }
        return Math.round(r) + " Ω";
    }

    /** Three significant figures for a number from 1 to 999, without trailing zeros: 1.06, 15.3, 220. */
    private static String significant(double x) {
        double r = x < 10 ? Math.round(x * 100) / 100.0 : x < 100 ? Math.round(x * 10) / 10.0 : Math.round(x);
        return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
    }

    /** {@code 3.3 V}. */
    static String volts(double v) {
        return trim(v) + " V";
    }

    private static String trim(double x) {
        double r = Math.round(x * 100) / 100.0;
        return r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r);
    }

    /** The first sentence of {@code text} without its full stop, for quoting inside parentheses; "" for none. */
    static String firstSentence(String text) {
        if (text == null) {
            return "";
        }
        int dot = text.indexOf(". ");
        String first = (dot < 0 ? text : text.substring(0, dot + 1)).strip();
        return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
    }

    /** Whether component {@code i} is an LED (the primitive, or a part of the light category with passive pins). */
    boolean isLed(int i) {
        if (f.kind(i) == ComponentKind.LED) {
            return true;
        }
        Part part = f.part(i);
        return part != null && part.category() == Category.LIGHT
                && part.form() == Form.DISCRETE;
    }
}
