package dev.kirchhoff.agents.suite;

import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.validation.CircuitFacts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quantity read from a designed circuit's topology and component values, the way an engineer reads it off the
 * schematic: an op-amp stage's gain from its feedback and ground resistors, a 555's frequency from its timing
 * resistors and capacitor, a divider's ratio, an RC corner frequency. Each finds every instance in the circuit.
 * Thread-safe (stateless).
 */
public enum Measure {

    /** 1 + Rf/Rg of an op-amp with Rf from output to inverting input and Rg from there to ground or a rail; 1 for a follower. */
    NON_INVERTING_GAIN("nonInvertingGain", "") {
        @Override
        List<Found> find(CircuitView v, Selector select) {
            List<Found> out = new ArrayList<>();
            for (OpAmpChannel ch : channels(v)) {
                if (ch.out() < 0 || ch.inv() < 0) {
                    continue;
                }
                if (ch.out() == ch.inv()) {
                    out.add(new Found(1, ch.where() + " follower"));
                    continue;
                }
                Double rf = v.resistanceBetween(ch.out(), ch.inv());
                Double rg = toReference(v, ch.inv(), ch.out());
                // a grounded non-inverting input makes an inverting stage, whatever the resistors
                if (rf != null && rg != null && ch.nonInv() >= 0 && ch.nonInv() != ch.out() && !v.isGround(ch.nonInv())) {
                    out.add(new Found(1 + rf / rg, ch.where() + " Rf " + ohms(rf) + ", Rg " + ohms(rg)));
                }
            }
            return out;
        }
    },
    /** Rf/Rin (a magnitude) of an op-amp with Rf from output to inverting input and Rin from a signal net to it. */
    INVERTING_GAIN("invertingGain", "") {
        @Override
        List<Found> find(CircuitView v, Selector select) {
            List<Found> out = new ArrayList<>();
            for (OpAmpChannel ch : channels(v)) {
                if (ch.out() < 0 || ch.inv() < 0 || ch.out() == ch.inv()) {
                    continue;
                }
                Double rf = v.resistanceBetween(ch.out(), ch.inv());
                if (rf == null) {
                    continue;
                }
                for (CircuitView.TwoTerminal t : v.twoTerminals(new Selector("resistor"))) {
                    int x = t.other(ch.inv());
                    Double rin = v.value(t.component());
                    if (x >= 0 && x != ch.out() && x != ch.inv() && x != ch.nonInv() && !v.isGround(x) && rin != null
                            && rin > 0) {
                        out.add(new Found(rf / rin, ch.where() + " Rf " + ohms(rf) + ", Rin " + ohms(rin)));
                    }
                }
            }
            return out;
        }
    },
    /** 1.44 / ((R1 + 2 R2) C) of a 555 astable; 0.721 / (R C) when the output charges the capacitor. */
    ASTABLE_FREQUENCY("astableFrequency", "Hz") {
        @Override
        List<Found> find(CircuitView v, Selector select) {
            List<Found> out = new ArrayList<>();
            for (Astable a : astables(v)) {
                out.add(new Found(a.frequency(), a.where()));
            }
            return out;
        }
    },
    /** (R1 + R2) / (R1 + 2 R2) of a 555 astable, a fraction. */
    ASTABLE_DUTY("astableDuty", "") {
        @Override
        List<Found> find(CircuitView v, Selector select) {
            List<Found> out = new ArrayList<>();
            for (Astable a : astables(v)) {
                out.add(new Found(a.duty(), a.where()));
            }
            return out;
        }
    },
    /** 1.1 R C of a 555 monostable (threshold and discharge tied, trigger apart), seconds. */
    MONOSTABLE_WIDTH("monostableWidth", "s") {
        @Override
        List<Found> find(CircuitView v, Selector select) {
            List<Found> out = new ArrayList<>();
            for (int i : v.select(new Selector("timer"))) {
                int th = net(v, i, "THRES");
                int tr = net(v, i, "TRIG");
                int dis = net(v, i, "DISCH");
                if (th < 0 || tr < 0 || th == tr || dis != th && dis >= 0) {
                    continue;
                }
                Double r = toRail(v, th);
                Double c = capacitanceToGround(v, th);
                if (r != null && c != null) {
                    out.add(new Found(1.1 * r * c, v.component(i).ref() + " R " + ohms(r) + ", C " + farads(c)));
                }
            }
            return out;
        }
    },
    /** Rbottom / (Rtop + Rbottom) at a net with a resistor to ground and a resistor to another net. */
    DIVIDER_RATIO("dividerRatio", "") {
        @Override
        List<Found> find(CircuitView v, Selector select) {
            List<Found> out = new ArrayList<>();
            for (Divider d : dividers(v)) {
                out.add(new Found(d.ratio(), d.where()));
            }
            return out;
        }
    },
    /** The unloaded output voltage of such a divider whose top net has a known voltage. */
    DIVIDER_VOLTAGE("dividerVoltage", "V") {
        @Override
        List<Found> find(CircuitView v, Selector select) {
            List<Found> out = new ArrayList<>();
            for (Divider d : dividers(v)) {
                Double top = v.voltage(d.top());
                if (top != null) {
                    out.add(new Found(top * d.ratio(), d.where() + " from " + NetTarget.fmt(top) + " V"));
                }
            }
            return out;
        }
    },
    /** 1 / (2π R C) of a series resistor into a capacitor to ground. */
    LOW_PASS_CUTOFF("lowPassCutoff", "Hz") {
        @Override
        List<Found> find(CircuitView v, Selector select) {
            List<Found> out = new ArrayList<>();
            Set<Integer> seen = new LinkedHashSet<>();
            for (CircuitView.TwoTerminal c : v.twoTerminals(new Selector("capacitor"))) {
                int y = v.isGround(c.netA()) ? c.netB() : v.isGround(c.netB()) ? c.netA() : -1;
                if (y < 0 || v.isRail(y) || !seen.add(y)) {
                    continue;
                }
                Double cap = capacitanceToGround(v, y);
                for (CircuitView.TwoTerminal r : v.twoTerminals(new Selector("resistor"))) {
                    int x = r.other(y);
                    Double ohms = v.value(r.component());
                    if (x >= 0 && x != y && !v.isGround(x) && ohms != null && ohms > 0 && cap != null) {
                        out.add(new Found(1 / (2 * Math.PI * ohms * cap), v.describe(r.component()) + " into "
                                + farads(cap) + " at " + v.netName(y)));
                    }
                }
            }
            return out;
        }
    },
    /** 1 / (2π R C) of a series capacitor into a resistor to ground or a rail. */
    HIGH_PASS_CUTOFF("highPassCutoff", "Hz") {
        @Override
        List<Found> find(CircuitView v, Selector select) {
            List<Found> out = new ArrayList<>();
            for (CircuitView.TwoTerminal c : v.twoTerminals(new Selector("capacitor"))) {
                Double cap = v.value(c.component());
                if (cap == null || cap <= 0) {
                    continue;
                }
                if (v.isGround(c.netA()) || v.isGround(c.netB())) {
                    continue; // a capacitor to ground is a low-pass or a bypass, not a coupling capacitor
                }
                for (int y : new int[] {c.netA(), c.netB()}) {
                    if (v.isRail(y)) {
                        continue;
                    }
                    Double r = toReference(v, y, c.other(y));
                    if (r != null) {
                        out.add(new Found(1 / (2 * Math.PI * r * cap), v.describe(c.component()) + " into "
                                + ohms(r) + " at " + v.netName(y)));
                    }
                }
            }
            return out;
        }
    },
    /** Vref (1 + R2/R1) of an adjustable regulator with R1 from OUT to ADJ and R2 from ADJ to ground, volts. */
    ADJUSTABLE_REGULATOR_OUTPUT("adjustableRegulatorOutput", "V") {
        @Override
        List<Found> find(CircuitView v, Selector select) {
            List<Found> out = new ArrayList<>();
            for (int i : v.select(new Selector("regulator"))) {
                int adj = net(v, i, "ADJ");
                int o = net(v, i, "OUT");
                if (adj < 0 || o < 0) {
                    continue;
                }
                Part p = v.part(i);
                Double vref = p.model().parameters().get("vref");
                double ref = vref == null ? 1.25 : vref;
                Double r1 = v.resistanceBetween(o, adj);
                Double r2 = resistanceToGround(v, adj);
                if (r1 != null && r2 != null) {
                    out.add(new Found(ref * (1 + r2 / r1), v.component(i).ref() + " R1 " + ohms(r1) + ", R2 " + ohms(r2)));
                }
            }
            return out;
        }
    },
    /**
     * (V − Vf) / R of an LED fed through a series resistor from a rail or a board pin, with the other end on
     * ground; Vf from the LED part's model (2.0 V when unknown), amperes.
     */
    LED_CURRENT("ledCurrent", "A") {
        @Override
        List<Found> find(CircuitView v, Selector select) {
            List<Found> out = new ArrayList<>();
            for (int i : v.select(new Selector("led"))) {
                int a = net(v, i, "A");
                int k = net(v, i, "K");
                if (a < 0 || k < 0) {
                    continue;
                }
                Part p = v.part(i);
                Double vfModel = p == null || p.model() == null ? null : p.model().parameters().get("vf");
                double vf = vfModel == null ? 2.0 : vfModel;
                for (CircuitView.TwoTerminal r : v.twoTerminals(new Selector("resistor"))) {
                    Double ohms = v.value(r.component());
                    if (ohms == null || ohms <= 0) {
                        continue;
                    }
                    if (r.other(a) >= 0 && v.isGround(k)) {
                        Double drive = drive(v, r.other(a));
                        if (drive != null) {
                            out.add(new Found((drive - vf) / ohms, v.component(i).ref() + " via "
                                    + v.describe(r.component()) + " from " + NetTarget.fmt(drive) + " V"));
                        }
                    } else if (r.other(k) >= 0 && v.isGround(r.other(k))) {
                        Double drive = drive(v, a);
                        if (drive != null) {
                            out.add(new Found((drive - vf) / ohms, v.component(i).ref() + " via "
                                    + v.describe(r.component()) + " from " + NetTarget.fmt(drive) + " V"));
                        }
                    }
                }
            }
            return out;
        }
    },
    /** The value of each component the expectation's {@code select} picks (ohms, farads, henries). */
    VALUE("value", "") {
        @Override
        List<Found> find(CircuitView v, Selector select) {
            List<Found> out = new ArrayList<>();
            for (int i : v.select(select)) {
                Double val = v.value(i);
                if (val != null) {
                    out.add(new Found(val, v.describe(i)));
                }
            }
            return out;
        }
    };

    /** One instance of the quantity in the circuit: its value and where it was read. */
    public record Found(double value, String where) {
    }

    private final String key;
    private final String unit;

    Measure(String key, String unit) {
        this.key = key;
        this.unit = unit;
    }

    /** The name used in suite files ({@code nonInvertingGain}). */
    public String key() {
        return key;
    }

    /** The SI unit of the quantity, empty for ratios. */
    public String unit() {
        return unit;
    }

    /** The measure called {@code key} in suite files, or null. */
    public static Measure byKey(String key) {
        for (Measure m : values()) {
            if (m.key.equalsIgnoreCase(key)) {
                return m;
            }
        }
        return null;
    }

    /** Every instance of this quantity in {@code v}; {@code select} is used by {@link #VALUE} only. */
    abstract List<Found> find(CircuitView v, Selector select);

    // ---- helpers shared by the measures ----

    /** One amplifier of an op-amp part: the nets of its output, inverting and non-inverting inputs. */
    record OpAmpChannel(String where, int out, int inv, int nonInv) {
    }

    private static final Pattern INVERTING = Pattern.compile("(?i)^(\\d*)IN-$");

    static List<OpAmpChannel> channels(CircuitView v) {
        List<OpAmpChannel> out = new ArrayList<>();
        for (int i : v.select(new Selector("opamp"))) {
            Part p = v.part(i);
            for (PartPin pin : p.pins()) {
                Matcher m = INVERTING.matcher(pin.name());
                if (!m.matches()) {
                    continue;
                }
                String n = m.group(1);
                int inv = net(v, i, n + "IN-");
                int nonInv = net(v, i, n + "IN+");
                int o = net(v, i, n + "OUT");
                if (o < 0 && n.isEmpty()) {
                    o = net(v, i, "OUTPUT");
                }
                out.add(new OpAmpChannel(v.component(i).ref() + (n.isEmpty() ? "" : " amplifier " + n), o, inv, nonInv));
            }
        }
        return out;
    }

    /** A 555 astable: its timing parts and where they are. */
    record Astable(double frequency, double duty, String where) {
    }

    static List<Astable> astables(CircuitView v) {
        List<Astable> out = new ArrayList<>();
        for (int i : v.select(new Selector("timer"))) {
            int th = net(v, i, "THRES");
            int tr = net(v, i, "TRIG");
            int dis = net(v, i, "DISCH");
            int o = net(v, i, "OUT");
            if (th < 0 || th != tr) {
                continue;
            }
            Double c = capacitanceToGround(v, th);
            if (c == null) {
                continue;
            }
            String ref = v.component(i).ref();
            if (dis >= 0 && dis != th) {
                Double r1 = toRail(v, dis);
                Double r2 = v.resistanceBetween(dis, th);
                if (r1 != null && r2 != null) {
                    out.add(new Astable(1.44 / ((r1 + 2 * r2) * c), (r1 + r2) / (r1 + 2 * r2),
                            ref + " R1 " + ohms(r1) + ", R2 " + ohms(r2) + ", C " + farads(c)));
                }
            } else if (o >= 0) {
                Double r = v.resistanceBetween(o, th);
                if (r != null) {
                    out.add(new Astable(1 / (2 * Math.log(2) * r * c), 0.5,
                            ref + " R " + ohms(r) + " from OUT, C " + farads(c)));
                }
            }
        }
        return out;
    }

    /** A divider: its tap, its top net and ratio. */
    record Divider(int tap, int top, double ratio, String where) {
    }

    static List<Divider> dividers(CircuitView v) {
        List<Divider> out = new ArrayList<>();
        for (int t = 0; t < v.result().circuit().netNames().size(); t++) {
            if (v.isRail(t)) {
                continue;
            }
            Double rb = resistanceToGround(v, t);
            if (rb == null) {
                continue;
            }
            Set<Integer> tops = new LinkedHashSet<>();
            for (CircuitView.TwoTerminal r : v.twoTerminals(new Selector("resistor"))) {
                int x = r.other(t);
                if (x >= 0 && x != t && !v.isGround(x)) {
                    tops.add(x);
                }
            }
            for (int x : tops) {
                double rt = v.resistanceBetween(t, x);
                out.add(new Divider(t, x, rb / (rt + rb), "tap " + v.netName(t) + ": " + ohms(rt) + " from "
                        + v.netName(x) + ", " + ohms(rb) + " to ground"));
            }
        }
        return out;
    }

    /** The net of the pin called {@code name} on component {@code i}, or -1. */
    static int net(CircuitView v, int i, String name) {
        return v.net(i, v.pinIndex(i, name));
    }

    /** The parallel resistance from {@code net} to ground nets; null when none. */
    static Double resistanceToGround(CircuitView v, int net) {
        return parallel(v, net, x -> v.isGround(x));
    }

    /** The parallel resistance from {@code net} to nets at a positive rail voltage; null when none. */
    static Double toRail(CircuitView v, int net) {
        return parallel(v, net, x -> !v.isGround(x) && v.voltage(x) != null && v.voltage(x) > 0);
    }

    /**
     * The resistance from {@code net} to AC ground: resistors to ground or a rail, and resistors to a net that
     * reaches ground only through a capacitor (an AC-coupled gain-setting leg); {@code exclude} is skipped.
     */
    static Double toReference(CircuitView v, int net, int exclude) {
        double g = 0;
        boolean any = false;
        for (CircuitView.TwoTerminal r : v.twoTerminals(new Selector("resistor"))) {
            int x = r.other(net);
            Double ohms = v.value(r.component());
            if (x < 0 || x == net || x == exclude || ohms == null || ohms <= 0) {
                continue;
            }
            boolean reference = v.isRail(x) || v.pinsOn(x).size() == 2 && capacitanceToGround(v, x) != null;
            if (reference) {
                g += 1 / ohms;
                any = true;
            }
        }
        return any ? 1 / g : null;
    }

    private static Double parallel(CircuitView v, int net, java.util.function.IntPredicate other) {
        double g = 0;
        boolean any = false;
        for (CircuitView.TwoTerminal r : v.twoTerminals(new Selector("resistor"))) {
            int x = r.other(net);
            Double ohms = v.value(r.component());
            if (x >= 0 && x != net && other.test(x) && ohms != null && ohms > 0) {
                g += 1 / ohms;
                any = true;
            }
        }
        return any ? 1 / g : null;
    }

    /** The total capacitance from {@code net} to ground nets; null when none. */
    static Double capacitanceToGround(CircuitView v, int net) {
        double c = 0;
        boolean any = false;
        for (CircuitView.TwoTerminal t : v.twoTerminals(new Selector("capacitor"))) {
            int x = t.other(net);
            Double f = v.value(t.component());
            if (x >= 0 && x != net && v.isGround(x) && f != null && f > 0) {
                c += f;
                any = true;
            }
        }
        return any ? c : null;
    }

    /** The voltage that drives a net: its rail voltage, else the I/O level of a board pin on it; null when neither. */
    static Double drive(CircuitView v, int net) {
        Double rail = v.voltage(net);
        if (rail != null) {
            return rail;
        }
        Selector board = new Selector("board");
        for (CircuitFacts.PinAt at : v.pinsOn(net)) {
            PartPin pp = v.partPin(at.component(), at.pin());
            if (board.matches(v.component(at.component()), v.part(at.component())) && pp != null && pp.voltage() != null
                    && pp.voltage() > 0) {
                return pp.voltage();
            }
        }
        return null;
    }

    static String ohms(double r) {
        return si(r) + "Ω";
    }

    static String farads(double c) {
        return si(c) + "F";
    }

    /** A number with an SI prefix: {@code 4.7k}, {@code 100n}. */
    static String si(double x) {
        String[] prefixes = {"p", "n", "µ", "m", "", "k", "M", "G"};
        int idx = 4;
        double a = Math.abs(x);
        while (a >= 1000 && idx < prefixes.length - 1) {
            a /= 1000;
            x /= 1000;
            idx++;
        }
        while (a != 0 && a < 1 && idx > 0) {
            a *= 1000;
            x *= 1000;
            idx--;
        }
        return NetTarget.fmt(Double.parseDouble(String.format(Locale.ROOT, "%.3g", x))) + prefixes[idx];
    }
}
