package dev.kirchhoff.agents.offline.embedded;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.knowledge.InterfaceKind;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartInterface;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.schematic.model.PinFunction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wires the I2C devices of a design: one shared SDA/SCL bus on the board's default I2C pins, addresses checked for
 * collisions (an address strap where the part offers one, else a TCA9548A multiplexer with one channel per colliding
 * device), and 4.7 kΩ pull-ups only where no module on a line carries its own. Not thread-safe.
 */
final class I2cBus {

    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]{2}");
    private static final Map<String, Boolean> LEVELS = Map.ofEntries(
            Map.entry("gnd", false), Map.entry("ground", false), Map.entry("low", false), Map.entry("vss", false),
            Map.entry("vdd", true), Map.entry("vcc", true), Map.entry("vddio", true), Map.entry("vin", true),
            Map.entry("vs", true), Map.entry("high", true), Map.entry("3v3", true));

    private final Session s;
    private final DesignPlan.Builder plan;

    I2cBus(Session s) {
        this.s = s;
        this.plan = s.plan();
    }

    /** A strap choice: tie {@code pin} high or low to answer at {@code address}. */
    private record Strap(PartPin pin, boolean high, int address) {
    }

    private static final Pattern BITS = Pattern.compile(
            "(0x[0-9a-fA-F]{2})\\s*\\+\\s*4\\s*\\*\\s*([A-Za-z]\\w*)\\s*\\+\\s*2\\s*\\*\\s*([A-Za-z]\\w*)\\s*\\+\\s*"
                    + "([A-Za-z]\\w*)");

    void wire(List<Session.Device> devices) {
        for (Session.Device d : devices) {
            s.wirePower(d.ref(), d.part(), d.label());
        }
        PinSolver.Choice sda = s.chooseNow(new PinSolver.Need(PinFunction.I2C_SDA, PinSolver.Direction.BIDIR, false,
                false), "I2C SDA");
        PinSolver.Choice scl = s.chooseNow(new PinSolver.Need(PinFunction.I2C_SCL, PinSolver.Direction.OUT, false,
                false), "I2C SCL");

        // addresses: straps first, then a multiplexer for what still collides
        Map<Integer, List<Session.Device>> byAddress = new LinkedHashMap<>();
        List<Session.Device> main = new ArrayList<>();
        List<Session.Device> muxed = new ArrayList<>();
        List<Integer> taken = new ArrayList<>();
        for (Session.Device d : devices) {
            PartInterface itf = d.part().interfaceOf(InterfaceKind.I2C).orElseThrow();
            int address = defaultAddress(itf);
            if (address < 0 || !taken.contains(address)) {
                taken.add(address);
                byAddress.computeIfAbsent(address, k -> new ArrayList<>()).add(d);
                main.add(d);
                continue;
            }
            List<Strap> straps = s.hints().forceMux ? List.of() : straps(d.part(), itf, taken);
            if (!straps.isEmpty()) {
                Strap st = straps.get(straps.size() - 1);
                String net = Session.GND;
                for (Strap one : straps) {
                    net = tie(d, one);
                }
                taken.add(st.address());
                main.add(d);
                plan.why("I2C address " + d.label(), d.label() + " would share " + hex(address) + " with "
                                + byAddress.get(address).get(0).label() + ": its address pin(s) "
                                + straps.stream().map(x -> x.pin().name()).toList() + " are tied "
                                + (st.high() ? "high (" + net + ")" : "to GND") + " so it answers at "
                                + hex(st.address()) + ".",
                        d.part().id() + ": " + itf.addressSelect());
            } else {
                muxed.add(d);
            }
        }
        if (!muxed.isEmpty()) {
            // every device at a colliding address goes behind the multiplexer, the first one too
            List<Session.Device> again = new ArrayList<>();
            for (Session.Device d : muxed) {
                int address = defaultAddress(d.part().interfaceOf(InterfaceKind.I2C).orElseThrow());
                for (Session.Device m : new ArrayList<>(main)) {
                    int ma = defaultAddress(m.part().interfaceOf(InterfaceKind.I2C).orElseThrow());
                    if (ma == address && !strapped(m) && !again.contains(m)) {
                        main.remove(m);
                        again.add(m);
                    }
                }
                again.add(d);
            }
            muxed = again;
        }

        for (Session.Device d : main) {
            joinBus(d, "SDA", "SCL", sda, scl);
        }
        double busVolts = busLevel(main);
        if (!muxed.isEmpty()) {
            Part tca = s.kbPart("tca9548a-module");
            String ref = plan.nextRef("U");
            plan.part(ref, tca.id(), "I2C multiplexer for devices that share an address");
            Session.Device mux = new Session.Device(ref, tca, null, "TCA9548A");
            s.wirePower(ref, tca, "TCA9548A");
            joinBus(mux, "SDA", "SCL", sda, scl);
            main.add(mux);
            List<String> facts = new ArrayList<>();
            for (int k = 0; k < muxed.size() && k < 8; k++) {
                Session.Device d = muxed.get(k);
                String sd = "SDA" + k;
                String sc = "SCL" + k;
                PartPin dSda = i2cPin(d.part(), PinFunction.I2C_SDA);
                PartPin dScl = i2cPin(d.part(), PinFunction.I2C_SCL);
                plan.connect(sd, ref + ":SD" + k, d.ref() + ":" + Session.pinRef(d.part(), dSda));
                plan.connect(sc, ref + ":SC" + k, d.ref() + ":" + Session.pinRef(d.part(), dScl));
                plan.assign("I2C channel " + k + " SDA", ref + ":SD" + k, d.ref() + ":" + dSda.name(),
                        "TCA9548A channel " + k);
                plan.assign("I2C channel " + k + " SCL", ref + ":SC" + k, d.ref() + ":" + dScl.name(),
                        "TCA9548A channel " + k);
                facts.add(d.part().id() + ": " + hex(defaultAddress(d.part().interfaceOf(InterfaceKind.I2C)
                        .orElseThrow())) + (d.part().interfaceOf(InterfaceKind.I2C).orElseThrow().addressSelect()
                        == null ? ", fixed" : ", strap not wired in a schematic"));
                if (!pulledUp(d, dSda)) {
                    Rails.Rail rail = s.railOf(d).orElseThrow();
                    Rails.Rail logic = s.railAt(Math.min(rail.volts, s.logicVolts()));
                    s.pullUp(sd, logic, 4700, "I2C pull-up", "channel " + k + " of the TCA9548A has no pull-ups");
                    s.pullUp(sc, logic, 4700, "I2C pull-up", "channel " + k + " of the TCA9548A has no pull-ups");
                }
            }
            facts.add(tca.id() + ": 8 channels, address 0x70");
            plan.why("I2C multiplexer", muxed.size() + " devices answer at the same I2C address and none can be "
                    + "strapped in the schematic: each sits on its own channel of a TCA9548A (" + ref + ", 0x70), "
                    + "which the firmware selects before talking to it.", facts.toArray(String[]::new));
            plan.note("select the TCA9548A channel (write 1 << channel to 0x70) before each access to a device "
                    + "behind it");
        }

        boolean sdaPulled = main.stream().anyMatch(d -> pulledUp(d, i2cPin(d.part(), PinFunction.I2C_SDA)));
        boolean sclPulled = main.stream().anyMatch(d -> pulledUp(d, i2cPin(d.part(), PinFunction.I2C_SCL)));
        List<String> facts = new ArrayList<>();
        for (Session.Device d : main) {
            PartInterface itf = d.part().interfaceOf(InterfaceKind.I2C).orElseThrow();
            facts.add(d.part().id() + ": I2C " + String.join("/", itf.addresses())
                    + (d.part().onboard() != null && !d.part().onboard().pullUps().isEmpty()
                    ? ", on-board pull-ups" : ", no on-board pull-ups"));
        }
        facts.add(s.board().id() + ": default SDA " + sda.pin().name() + ", SCL " + scl.pin().name());
        boolean forced = s.hints().pullUpNets.contains("SDA") || s.hints().pullUpNets.contains("SCL");
        Rails.Rail rail = !sdaPulled || !sclPulled || forced ? s.railAt(busVolts) : null;
        if (!sdaPulled || forced) {
            s.pullUp("SDA", rail, 4700, "I2C pull-up", "I2C needs a pull-up on SDA; no module on the bus has one");
        }
        if (!sclPulled || forced) {
            s.pullUp("SCL", rail, 4700, "I2C pull-up", "I2C needs a pull-up on SCL; no module on the bus has one");
        }
        plan.why("I2C", "I2C devices share one bus on the board's I2C pins " + sda.pin().name() + " (SDA) and "
                + scl.pin().name() + " (SCL); " + (sdaPulled && sclPulled && !forced
                ? "the modules' own pull-ups hold the lines high, so no extra resistors are fitted"
                : "4.7 kΩ pull-ups to " + (rail == null ? "the bus supply" : rail.net) + " hold the lines high")
                + ".", facts.toArray(String[]::new));
    }

    private boolean strapped(Session.Device d) {
        PartInterface itf = d.part().interfaceOf(InterfaceKind.I2C).orElseThrow();
        return itf.addressSelect() != null && plan.build().nets().stream().anyMatch(n -> n.pins().stream()
                .anyMatch(p -> p.startsWith(d.ref() + ":") && d.part().pin(p.substring(d.ref().length() + 1))
                        .map(pp -> itf.addressSelect().contains(pp.name()) && !pp.isPower()
                                && !pp.can(PinFunction.I2C_SDA) && !pp.can(PinFunction.I2C_SCL)).orElse(false)));
    }

    private void joinBus(Session.Device d, String sdaNet, String sclNet, PinSolver.Choice sda, PinSolver.Choice scl) {
        PartPin dSda = i2cPin(d.part(), PinFunction.I2C_SDA);
        PartPin dScl = i2cPin(d.part(), PinFunction.I2C_SCL);
        String a = d.ref() + ":" + Session.pinRef(d.part(), dSda);
        String c = d.ref() + ":" + Session.pinRef(d.part(), dScl);
        plan.connect(sdaNet, s.boardPin(sda), a);
        plan.connect(sclNet, s.boardPin(scl), c);
        plan.assign("I2C SDA", s.boardPin(sda), a, sda.reason());
        plan.assign("I2C SCL", s.boardPin(scl), c, scl.reason());
    }

    private double busLevel(List<Session.Device> devices) {
        double level = s.logicVolts();
        for (Session.Device d : devices) {
            PartPin p = i2cPin(d.part(), PinFunction.I2C_SDA);
            double l = s.deviceLevel(d.ref(), d.part(), p);
            if (l > 0) {
                level = Math.min(level, l);
            }
        }
        return level < 4.5 ? 3.3 : 5.0;
    }

    private static boolean pulledUp(Session.Device d, PartPin pin) {
        if (d.part().onboard() == null || pin == null) {
            return false;
        }
        if (d.part().onboard().pulledUp(pin.name())) {
            return true;
        }
        for (String a : pin.aliases()) {
            if (d.part().onboard().pulledUp(a)) {
                return true;
            }
        }
        return false;
    }

    static PartPin i2cPin(Part part, PinFunction f) {
        PartInterface itf = part.interfaceOf(InterfaceKind.I2C).orElseThrow();
        for (PartPin p : part.pins()) {
            if (p.can(f) && itf.uses(p)) {
                return p;
            }
        }
        for (PartPin p : part.pins()) {
            if (p.can(f)) {
                return p;
            }
        }
        throw new IllegalStateException(part.id() + " has no " + f + " pin");
    }

    static int defaultAddress(PartInterface itf) {
        String a = itf.defaultAddress() != null ? itf.defaultAddress()
                : itf.addresses().isEmpty() ? null : itf.addresses().get(0);
        return a == null ? -1 : Integer.parseInt(a.substring(2), 16);
    }

    /**
     * Ties an address pin: to GND directly, high through 10 kΩ to the rail at the pin's own logic level (a 3.3 V pin
     * on a 5 V module must not see 5 V, and a pin that doubles as an SPI output must not be shorted to a rail).
     */
    private String tie(Session.Device d, Strap st) {
        String pin = d.ref() + ":" + Session.pinRef(d.part(), st.pin());
        if (!st.high()) {
            plan.connect(Session.GND, pin);
            return Session.GND;
        }
        double level = s.deviceLevel(d.ref(), d.part(), st.pin());
        Rails.Rail own = s.railOf(d).orElseThrow();
        Rails.Rail rail = level > 0 && level < own.volts - 0.2 ? s.railAt(level) : own;
        String net = d.label() + "_" + st.pin().name().replaceAll("\\W", "");
        plan.connect(net, pin);
        s.pullUp(net, rail, 10_000, "address strap for " + d.label(), d.part().id() + ": "
                + d.part().interfaceOf(InterfaceKind.I2C).orElseThrow().addressSelect());
        return net + " (10 kΩ to " + rail.net + ")";
    }

    /** The straps that give a free address, read from the part's address-select text; empty when none can. */
    private static List<Strap> straps(Part part, PartInterface itf, List<Integer> taken) {
        String text = itf.addressSelect();
        if (text == null) {
            return List.of();
        }
        Matcher bits = BITS.matcher(text);
        if (bits.find()) {
            int base = Integer.parseInt(bits.group(1).substring(2), 16);
            List<PartPin> pins = new ArrayList<>();
            for (int g : new int[] {4, 3, 2}) {
                Optional<PartPin> p = part.pin(bits.group(g));
                if (p.isEmpty()) {
                    return List.of();
                }
                pins.add(p.get());
            }
            int def = defaultAddress(itf);
            for (int k = 0; k < 8; k++) {
                int a = base + k;
                if (taken.contains(a) || a == def) {
                    continue;
                }
                List<Strap> out = new ArrayList<>();
                for (int bit = 0; bit < 3; bit++) {
                    if ((k >> bit & 1) == 1) {
                        out.add(new Strap(pins.get(bit), true, a));
                    }
                }
                if (def == base && !out.isEmpty()) {
                    return out;
                }
            }
            return List.of();
        }
        return strap(part, itf, taken).map(List::of).orElse(List.of());
    }

    /** Reads "SDO to GND gives 0x76, SDO to VDDIO gives 0x77" style text into a strap giving a free address. */
    private static Optional<Strap> strap(Part part, PartInterface itf, List<Integer> taken) {
        String text = itf.addressSelect();
        if (text == null) {
            return Optional.empty();
        }
        // one address pin only: texts naming several ("A0-A2 all at GND") are not a one-pin strap
        java.util.Set<String> named = new java.util.HashSet<>();
        for (String w : text.split("[\\s,;:()/=-]+")) {
            part.pin(w).filter(p -> !p.isPower() && !p.can(PinFunction.I2C_SDA) && !p.can(PinFunction.I2C_SCL))
                    .ifPresent(p -> named.add(p.number()));
        }
        if (named.size() != 1) {
            return Optional.empty();
        }
        PartPin pin = null;
        for (String clause : text.split("[,;]")) {
            String[] words = clause.trim().split("\\s+");
            for (String w : words) {
                Optional<PartPin> p = part.pin(w);
                if (p.isPresent() && !p.get().isPower() && !p.get().can(PinFunction.I2C_SDA)
                        && !p.get().can(PinFunction.I2C_SCL) && pin == null) {
                    pin = p.get();
                }
            }
            Matcher hex = HEX.matcher(clause);
            if (pin == null || !hex.find()) {
                continue;
            }
            int address = Integer.parseInt(hex.group().substring(2), 16);
            for (String w : words) {
                Boolean high = LEVELS.get(w.toLowerCase(Locale.ROOT));
                if (high != null && !taken.contains(address)) {
                    return Optional.of(new Strap(pin, high, address));
                }
            }
        }
        return Optional.empty();
    }

    static String hex(int a) {
        return String.format(Locale.ROOT, "0x%02X", a);
    }
}
