package dev.kirchhoff.validation.rules;

import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartInterface;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.validation.CircuitFacts;
import dev.kirchhoff.schematic.model.PinFunction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out the I2C address a device answers at from its part's {@link PartInterface#addressSelect()} text and the
 * wiring of its address pins. Two shapes of text are understood: one pin with a level per address ("SDO to GND gives
 * 0x76, SDO to VDDIO gives 0x77"; "ADDR pin to GND 0x48, VDD 0x49, SDA 0x4A, SCL 0x4B") and a bit formula
 * ("address = 0x70 + 4*A2 + 2*A1 + A0"). Anything else (solder straps on the back of an OLED) gives the default
 * address. Parsed texts are cached per interface in the circuit's {@link InterfaceFacts}; not thread-safe.
 */
final class I2cAddresses {

    /** What an address pin is tied to. */
    enum Strap {
        LOW, HIGH, SDA, SCL
    }

    /** {@code 0x76}. */
    static String hex(int a) {
        return String.format(Locale.ROOT, "0x%02X", a);
    }

    /**
     * How a part's address is chosen: {@code pin} and {@code straps} (level to address) for one address pin,
     * {@code base} and {@code bits} (the pins of bits 0, 1 and 2) for a bit formula; neither for a fixed address.
     */
    private record Selection(int defaultAddress, List<Integer> addresses, String pin, Map<Strap, Integer> straps,
                             int base, List<String> bits) {
    }

    private static final Pattern BITS = Pattern.compile(
            "(0x[0-9a-fA-F]{2})\\s*\\+\\s*4\\s*\\*\\s*([A-Za-z]\\w*)\\s*\\+\\s*2\\s*\\*\\s*([A-Za-z]\\w*)\\s*\\+\\s*"
                    + "([A-Za-z]\\w*)");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]{1,2}");
    private static final Map<String, Strap> WORDS = Map.ofEntries(
            Map.entry("gnd", Strap.LOW), Map.entry("low", Strap.LOW), Map.entry("vss", Strap.LOW),
            Map.entry("ground", Strap.LOW), Map.entry("vdd", Strap.HIGH), Map.entry("vcc", Strap.HIGH),
            Map.entry("vddio", Strap.HIGH), Map.entry("vin", Strap.HIGH), Map.entry("vs", Strap.HIGH),
            Map.entry("high", Strap.HIGH), Map.entry("3v3", Strap.HIGH), Map.entry("sda", Strap.SDA),
            Map.entry("scl", Strap.SCL));

    private final InterfaceFacts x;
    private final CircuitFacts f;

    I2cAddresses(InterfaceFacts x) {
        this.x = x;
        this.f = x.facts();
    }

    /**
     * The address component {@code i} answers at through interface {@code itf}, or -1 when it cannot be told (an
     * address pin driven by a GPIO, a strap the text does not cover, no address data). When {@code how} is given,
     * the reason is appended to it ("default, SDO open", "SDO tied to ground (GND)").
     */
    int resolve(int i, PartInterface itf, StringBuilder how) {
        Selection s = selection(i, itf);
        if (s == null) {
            return -1;
        }
        if (s.pin != null) {
            int p = x.pinNamed(i, s.pin);
            int n = p < 0 ? -1 : f.net(i, p);
            if (n < 0 || f.netSize(n) < 2) {
                if (how != null) {
                    how.append("default, ").append(s.pin).append(" open");
                }
                return s.defaultAddress;
            }
            Strap strap = strap(i, n);
            Integer a = strap == null ? null : s.straps.get(strap);
            if (a == null) {
                return -1;
            }
            if (how != null) {
                how.append(s.pin).append(' ').append(describe(strap, i, n));
            }
            return a;
        }
        if (s.bits != null) {
            int value = s.base;
            int mark = how == null ? 0 : how.length();
            for (int bit = 0; bit < 3; bit++) {
                String name = s.bits.get(bit);
                int p = x.pinNamed(i, name);
                int n = p < 0 ? -1 : f.net(i, p);
                int one;
                if (n < 0 || f.netSize(n) < 2) {
                    one = (s.defaultAddress - s.base) >> bit & 1;
                } else {
                    Strap strap = strap(i, n);
                    if (strap != Strap.LOW && strap != Strap.HIGH) {
                        return -1;
                    }
                    one = strap == Strap.HIGH ? 1 : 0;
                    if (how != null) {
                        how.append(how.length() == mark ? "" : ", ").append(name).append(' ')
                                .append(describe(strap, i, n));
                    }
                }
                value += one << bit;
            }
            if (how != null && how.length() == mark) {
                how.append("default");
            }
            return value;
        }
        if (how != null) {
            how.append("default");
        }
        return s.defaultAddress;
    }

    private Selection selection(int i, PartInterface itf) {
        Part part = f.part(i);
        Optional<Selection> s = x.cached("i2c address select", itf, k -> Optional.ofNullable(parse(part, k)));
        return s.orElse(null);
    }

    /** The addresses of interface {@code itf} other than {@code taken}, with the strap that gives each, as text. */
    String alternative(int i, PartInterface itf, java.util.Set<Integer> taken) {
        Selection s = selection(i, itf);
        if (s == null) {
            return null;
        }
        if (s.pin != null) {
            for (Map.Entry<Strap, Integer> e : s.straps.entrySet()) {
                if (!taken.contains(e.getValue())) {
                    return "tie " + f.ref(i) + ":" + s.pin + " to " + wording(e.getKey()) + " to move it to "
                            + hex(e.getValue());
                }
            }
            return null;
        }
        if (s.bits != null) {
            for (int a = 0; a < 8; a++) {
                if (!taken.contains(s.base + a)) {
                    StringBuilder sb = new StringBuilder("strap the address pins of " + f.ref(i) + " (");
                    for (int bit = 2; bit >= 0; bit--) {
                        sb.append(s.bits.get(bit)).append(' ').append((a >> bit & 1) == 1 ? "high" : "low")
                                .append(bit > 0 ? ", " : "");
                    }
                    return sb.append(") to move it to ").append(hex(s.base + a)).toString();
                }
            }
            return null;
        }
        for (int a : s.addresses) {
            if (!taken.contains(a) && itf.addressSelect() != null) {
                return "move the address strap of " + f.ref(i) + " to " + hex(a) + " ("
                        + itf.addressSelect() + ")";
            }
        }
        return null;
    }

    private static String wording(Strap s) {
        return switch (s) {
            case LOW -> "GND";
            case HIGH -> "its supply (VDD)";
            case SDA -> "SDA";
            case SCL -> "SCL";
        };
    }

    private String describe(Strap strap, int i, int net) {
        return switch (strap) {
            case SDA, SCL -> "tied to " + strap.name();
            default -> {
                InterfaceFacts.Forced forced = x.forced(net, i);
                yield forced != null ? forced.how() : strap.name().toLowerCase(Locale.ROOT);
            }
        };
    }

    /** What address pin net {@code n} of device {@code i} is tied to, or {@code null} (driven by a GPIO, floating). */
    private Strap strap(int i, int n) {
        for (int p = 0; p < f.component(i).pins().size(); p++) {
            if (f.net(i, p) == n) {
                PinFunction role = x.i2cRole(i, p);
                if (role == PinFunction.I2C_SDA) {
                    return Strap.SDA;
                }
                if (role == PinFunction.I2C_SCL) {
                    return Strap.SCL;
                }
            }
        }
        InterfaceFacts.Forced forced = x.forced(n, i);
        if (forced == null) {
            return null;
        }
        return forced.level() == InterfaceFacts.Level.HIGH ? Strap.HIGH : Strap.LOW;
    }

    private static Selection parse(Part part, PartInterface itf) {
        List<Integer> addresses = new ArrayList<>();
        for (String a : itf.addresses()) {
            Integer v = number(a);
            if (v != null) {
                addresses.add(v);
            }
        }
        Integer def = itf.defaultAddress() != null ? number(itf.defaultAddress()) : null;
        if (def == null) {
            if (addresses.isEmpty()) {
                return null;
            }
            def = addresses.get(0);
        }
        String text = itf.addressSelect();
        if (text == null || addresses.size() < 2) {
            return new Selection(def, addresses, null, null, 0, null);
        }
        Matcher m = BITS.matcher(text);
        if (m.find() && signalPin(part, itf, m.group(2)) && signalPin(part, itf, m.group(3))
                && signalPin(part, itf, m.group(4))) {
            return new Selection(def, addresses, null, null, number(m.group(1)),
                    List.of(m.group(4), m.group(3), m.group(2)));
        }
        String[] tokens = text.split("[^A-Za-z0-9]+");
        String pin = null;
        Map<Strap, Integer> straps = new EnumMap<>(Strap.class);
        Strap last = null;
        for (String t : tokens) {
            if (t.isEmpty()) {
                continue;
            }
            if (pin == null) {
                if (signalPin(part, itf, t)) {
                    pin = byName(part, t).name();
                }
                continue;
            }
            Strap w = WORDS.get(t.toLowerCase(Locale.ROOT));
            if (w != null) {
                last = w;
            } else if (HEX.matcher(t).matches()) {
                Integer a = number(t);
                if (last != null && a != null && addresses.contains(a) && !straps.containsKey(last)
                        && !straps.containsValue(a)) {
                    straps.put(last, a);
                }
                last = null;
            }
        }
        // one pin chooses among as many addresses as the text maps; anything less is a text we do not understand
        if (pin != null && straps.size() >= 2 && straps.size() == addresses.size()) {
            return new Selection(def, addresses, pin, straps, 0, null);
        }
        return new Selection(def, addresses, null, null, 0, null);
    }

    /** Whether {@code name} is a signal pin of {@code part} that is not one of the interface's own bus pins. */
    private static boolean signalPin(Part part, PartInterface itf, String name) {
        PartPin pp = byName(part, name);
        if (pp == null || pp.isPower() || pp.can(PinFunction.POWER) || pp.can(PinFunction.GROUND)) {
            return false;
        }
        for (String bus : itf.pins()) {
            if (pp.answersTo(bus)) {
                return false;
            }
        }
        return true;
    }

    /** The pin of {@code part} named or aliased {@code name} (never by a bare pin number), or {@code null}. */
    private static PartPin byName(Part part, String name) {
        if (name.chars().allMatch(Character::isDigit)) {
            return null;
        }
        for (PartPin pp : part.pins()) {
            if (pp.name().equalsIgnoreCase(name) || pp.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(name))) {
                return pp;
            }
        }
        return null;
    }

    private static Integer number(String text) {
        String t = text.strip();
        if (!HEX.matcher(t).matches()) {
            return null;
        }
        return Integer.parseInt(t.substring(2), 16);
    }
}
