package dev.kirchhoff.validation;

import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.knowledge.PinFlag;
import dev.kirchhoff.schematic.format.SourceSpec;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;
import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.schematic.units.ValueSyntax;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The voltage of each net, as far as it can be told without simulating: ground by name ({@code 0}, {@code GND}) or
 * by a part's ground pin (an IC's V-/GND pin, such as the LM358's pin 4, only when no source puts its net elsewhere:
 * on a split supply it is the negative rail); rails set by a part's power output ({@code 3V3} of a board, {@code OUT} of an LM7805, the
 * {@code +} of a 9 V battery); nets set by independent DC voltage sources relative to a known net; a board input
 * that carries the USB supply ({@code usb-supply}: the ESP32 DevKit's VIN) when nothing else feeds its net; and last,
 * a voltage written in the net's name ({@code +5V}, {@code 3V3}, {@code VCC_12V}). Two setters that disagree on one
 * net are kept as {@link Conflict}s for the rail-short rule, except a charger whose output is a rechargeable cell's
 * charge voltage ({@code chargeVoltage} of the cell's model): a TP4056's B+ at 4.2 V on an 18650 is charging it.
 * Immutable after construction.
 */
public final class Rails {

    /** How far two setters of one net may disagree before they are a conflict: 5 % or 50 mV. */
    static final double AGREE = 0.05;

    private static final Pattern NAMED = Pattern.compile(
            "(?i)^(?:\\+|v(?:cc|dd|in|bat|bus|out)?_?|p)?(\\d{1,2})(?:v(\\d{1,2})?|(?:\\.(\\d{1,2}))v)(?:_?[a-z]*)?$");

    private final double[] volts;
    private final String[] setBy;
    private final boolean[] ground;
    /** The charge voltage of a rechargeable cell on the net, 0 when none: a charger at that voltage agrees. */
    private final double[] chargeAt;
    private final List<Conflict> conflicts = new ArrayList<>();

    /** Two things that set one net to different voltages. */
    public record Conflict(int net, String first, double firstVolts, String second, double secondVolts) {
    }

    /** A net with a known voltage and what sets it. */
    public record Rail(int net, String name, double volts, String setBy) {
    }

    Rails(CircuitFacts f) {
        int nets = f.netCount();
        volts = new double[nets];
        Arrays.fill(volts, Double.NaN);
        setBy = new String[nets];
        ground = new boolean[nets];
        chargeAt = new double[nets];
        for (int n = 0; n < nets; n++) {
            if (isGroundName(f.netName(n))) {
                set(n, 0, "ground (net name " + f.netName(n) + ")");
            }
        }
        // parts' ground pins and power outputs
        List<int[]> weakGrounds = new ArrayList<>();
        for (int i = 0; i < f.componentCount(); i++) {
            Binding b = f.binding(i);
            if (b.part() == null || !b.curated()) {
                continue;
            }
            for (int p = 0; p < f.component(i).pins().size(); p++) {
                PartPin pp = b.pin(p);
                int n = f.net(i, p);
                if (pp == null || n < 0) {
                    continue;
                }
                if (pp.can(PinFunction.GROUND) && (pp.voltage() == null || pp.voltage() == 0)) {
                    if (isNegativeSupply(pp)) {
                        // an IC's V-/GND pin is ground on a single supply and the negative rail on a split one:
                        // it only says "ground" when no source says otherwise
                        weakGrounds.add(new int[] {i, p});
                    } else {
                        set(n, 0, f.label(i, p) + " (ground pin)");
                    }
                } else if (pp.type() == PinType.POWER_OUT && pp.voltage() != null && pp.voltage() > 0) {
                    String who = f.label(i, p) + " (" + fmt(pp.voltage()) + " output of " + b.part().id() + ")";
                    Double charge = b.part().model() == null ? null
                            : b.part().model().parameters().get("chargeVoltage");
                    if (charge != null && !Double.isNaN(volts[n]) && agree(volts[n], charge)) {
                        continue; // a charger at the cell's charge voltage is charging it, not fighting it
                    }
                    if (charge != null) {
                        chargeAt[n] = charge;
                    }
                    set(n, pp.voltage(), who);
                }
            }
        }
        // independent DC voltage sources, relative to nets already known; repeat until nothing changes; then the
        // negative-supply ground pins of nets no source has fixed, and the sources again
        List<int[]> sources = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < f.componentCount(); i++) {
            Component c = f.component(i);
            if (c.kind() == ComponentKind.VOLTAGE_SOURCE && c.pins().size() == 2) {
                Double dc = dc(c.value());
                int plus = f.net(i, c.terminalIndex("+"));
                int minus = f.net(i, c.terminalIndex("-"));
                if (dc != null && plus >= 0 && minus >= 0) {
                    sources.add(new int[] {i, plus, minus});
                    values.add(dc);
                }
            }
        }
        boolean[] used = new boolean[sources.size()];
        propagate(f, sources, values, used);
        boolean weak = false;
        for (int[] g : weakGrounds) {
            int n = f.net(g[0], g[1]);
            if (Double.isNaN(volts[n])) {
                set(n, 0, f.label(g[0], g[1]) + " (ground pin)");
                weak = true;
            }
        }
        if (weak) {
            propagate(f, sources, values, used);
        }

        // a board input that carries the USB supply feeds its net when nothing else does (ESP32 DevKit VIN)
        for (int i = 0; i < f.componentCount(); i++) {
            Binding b = f.binding(i);
            if (b.part() == null || !b.curated()) {
                continue;
            }
            for (int p = 0; p < f.component(i).pins().size(); p++) {
                PartPin pp = b.pin(p);
                int n = f.net(i, p);
                if (pp != null && n >= 0 && pp.has(PinFlag.USB_SUPPLY) && pp.voltage() != null
                        && Double.isNaN(volts[n])) {
                    set(n, pp.voltage(), f.label(i, p) + " (USB supply through " + b.part().id() + ")");
                }
            }
        }
        for (int n = 0; n < nets; n++) {
            if (Double.isNaN(volts[n])) {
                Double named = voltageInName(f.netName(n));
                if (named != null) {
                    volts[n] = named;
                    setBy[n] = "the net's name " + f.netName(n);
                }
            }
        }
    }

    /** Sets the nets the DC sources fix relative to nets already known, until nothing changes. */
    private void propagate(CircuitFacts f, List<int[]> sources, List<Double> values, boolean[] used) {
        boolean changed = !sources.isEmpty();
        for (int round = 0; changed && round <= sources.size() + 1; round++) {
            changed = false;
            for (int s = 0; s < sources.size(); s++) {
                int[] src = sources.get(s);
                double v = values.get(s);
                String who = f.ref(src[0]) + " (" + fmt(v) + " source)";
                boolean plusKnown = !Double.isNaN(volts[src[1]]);
                boolean minusKnown = !Double.isNaN(volts[src[2]]);
                if (minusKnown && !plusKnown) {
                    set(src[1], volts[src[2]] + v, who);
                    used[s] = changed = true;
                } else if (plusKnown && !minusKnown) {
                    set(src[2], volts[src[1]] - v, who);
                    used[s] = changed = true;
                } else if (plusKnown && !used[s]) {
                    used[s] = true;
                    set(src[1], volts[src[2]] + v, who);
                }
            }
        }
    }

    /** A ground pin that is also named as a negative supply ({@code V-}, {@code VEE}, {@code VSS-}): an IC's V-/GND. */
    static boolean isNegativeSupply(PartPin pin) {
        if (pin.type() != PinType.POWER_IN) {
            return false;
        }
        for (String a : pin.aliases()) {
            String u = a.toUpperCase(Locale.ROOT);
            if (u.equals("V-") || u.equals("VEE") || u.equals("VCC-") || u.equals("-VS")) {
                return true;
            }
        }
        return false;
    }

    private void set(int net, double v, String who) {
        if (Double.isNaN(volts[net])) {
            volts[net] = v;
            setBy[net] = who;
            ground[net] = v == 0;
            return;
        }
        double old = volts[net];
        if (!agree(old, v) && !(chargeAt[net] > 0 && agree(chargeAt[net], v))) {
            conflicts.add(new Conflict(net, setBy[net], old, who, v));
        }
    }

    private static boolean agree(double a, double b) {
        return Math.abs(a - b) <= Math.max(0.05, AGREE * Math.max(Math.abs(a), Math.abs(b)));
    }

    /** The DC value of a voltage source's value ({@code 5}, {@code DC 5}, {@code 5 AC 1}), or {@code null}. */
    public static Double dc(Value value) {
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value.magnitude();
        }
        try {
            SourceSpec spec = SourceSpec.fromSpice(value.text(), ValueSyntax.SPICE);
            if (spec.dc() != null && spec.dc().isNumber()) {
                return spec.dc().magnitude();
            }
            if (spec.dc() == null && spec.function() == null && spec.acMagnitude() != null) {
                return 0.0;
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    /** Whether a net name means ground: {@code 0}, {@code GND}, {@code AGND}, {@code DGND}, {@code VSS}, … */
    public static boolean isGroundName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("0") || n.equals("gnd") || n.equals("ground") || n.equals("agnd") || n.equals("dgnd")
                || n.equals("pgnd") || n.equals("gnda") || n.equals("gndd") || n.equals("gnd!") || n.equals("vss")
                || n.equals("0v") || n.equals("com") || n.equals("earth") || n.equals("gnd_0");
    }

    /** The voltage a net's name states ({@code +5V} 5, {@code 3V3} 3.3, {@code VCC_12V} 12), or {@code null}. */
    public static Double voltageInName(String name) {
        String n = name.strip();
        int slash = n.lastIndexOf('/');
        if (slash >= 0) {
            n = n.substring(slash + 1);
        }
        String[] parts = n.split("[_\\-]");
        for (String part : parts) {
            Matcher m = NAMED.matcher(part);
            if (m.matches()) {
                double whole = Double.parseDouble(m.group(1));
                String frac = m.group(2) != null ? m.group(2) : m.group(3);
                double v = frac == null ? whole : Double.parseDouble(m.group(1) + "." + frac);
                if (v > 0 && v <= 60) {
                    return v;
                }
            }
        }
        return null;
    }

    /** The voltage of {@code net}, or {@code null}. */
    public Double voltage(int net) {
        return Double.isNaN(volts[net]) ? null : volts[net];
    }

    /** Whether {@code net} is ground. */
    public boolean isGround(int net) {
        return ground[net];
    }

    /** What sets the voltage of {@code net}, or {@code null}. */
    public String setBy(int net) {
        return setBy[net];
    }

    /** Nets set to different voltages by two setters. */
    public List<Conflict> conflicts() {
        return List.copyOf(conflicts);
    }

    /** Every net with a known voltage above ground, in net order. */
    public List<Rail> rails(CircuitFacts f) {
        List<Rail> out = new ArrayList<>();
        for (int n = 0; n < volts.length; n++) {
            if (!Double.isNaN(volts[n]) && !ground[n]) {
                out.add(new Rail(n, f.netName(n), volts[n], setBy[n]));
            }
        }
        return out;
    }

    static String fmt(double v) {
        double r = Math.round(v * 100) / 100.0;
        return (r == Math.rint(r) ? String.valueOf((long) r) : String.valueOf(r)) + " V";
    }
}
