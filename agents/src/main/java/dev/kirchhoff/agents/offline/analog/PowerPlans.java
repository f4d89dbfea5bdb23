package dev.kirchhoff.agents.offline.analog;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.Quantity;
import dev.kirchhoff.agents.recipes.BuckModule;
import dev.kirchhoff.agents.recipes.DcSupply;
import dev.kirchhoff.agents.recipes.Eng;
import dev.kirchhoff.agents.recipes.LiIonCharger;
import dev.kirchhoff.agents.recipes.LinearRegulator;
import dev.kirchhoff.agents.recipes.ZenerRegulator;
import dev.kirchhoff.knowledge.Form;
import dev.kirchhoff.knowledge.ModelKind;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.schematic.model.ComponentKind;

import java.util.List;
import java.util.Optional;

/**
 * Plans for power blocks: linear regulators (fixed parts with the datasheet's capacitors, the LM317 with its
 * divider), the zener shunt regulator, buck modules, the TP4056 Li-ion charger and transformer supplies with bridge,
 * reservoir capacitor, an optional regulator and a named fuse in the primary. Stateless.
 */
final class PowerPlans {

    /** Fixed regulators the designer may pick, in order of preference. */
    private static final List<String> FIXED = List.of("lm7805", "ams1117-3-3", "lm2940-5");
    /** Input voltages tried when none is given, volts. */
    private static final double[] INPUTS = {5, 9, 12, 24};

    private PowerPlans() {
    }

    private static boolean isLinear(Part p) {
        return p.model() != null && p.model().kind() == ModelKind.REGULATOR && p.form() == Form.IC;
    }

    /** The regulator for {@code vout} from {@code vin} (null when unknown): named, a fixed part, else the LM317. */
    private static Part regulator(Kit k, double vout, Double vin) {
        Optional<Part> named = k.named(PowerPlans::isLinear);
        if (named.isPresent()) {
            return named.get();
        }
        Part fallback = null;
        for (String id : FIXED) {
            Part p = k.part(id);
            if (Math.abs(Kit.param(p, "vout", -1) - vout) > 0.02 * vout) {
                continue;
            }
            if (vin == null || vin >= vout + Kit.param(p, "dropout", 2)) {
                return p;
            }
            fallback = fallback == null ? p : fallback;
        }
        Part lm317 = k.part("lm317");
        return fallback != null && (vin != null && vin < vout + Kit.param(lm317, "dropout", 2)) ? fallback : lm317;
    }

    /**
     * Places a linear regulator from net {@code in} to net {@code out} with its capacitors; returns the output
     * voltage it gives. {@code vin} is the input voltage (for the dropout check and heat).
     */
    static double placeRegulator(Kit k, Part p, String in, String out, double vout, double vin, double load) {
        String u = k.b.nextRef("U");
        k.b.part(u, p.id(), "linear regulator");
        boolean adjustable = Kit.param(p, "vout", -1) < 0;
        double cin = Kit.param(p, "cin", 100e-9);
        double cout = Kit.param(p, "cout", 100e-9);
        k.b.connect(in, u + ":IN");
        k.b.connect(out, u + ":OUT");
        String ci = k.capacitor(in, Kit.GND, cin, "input capacitor of " + u + " (datasheet value)");
        String co = k.capacitor(out, Kit.GND, cout, "output capacitor of " + u + " (datasheet value)");
        k.b.compute(new DesignPlan.Computation(ci, "capacitance", "datasheet input capacitor (cin of " + p.id() + ")",
                cin, cin, "", ""));
        k.b.compute(new DesignPlan.Computation(co, "capacitance", "datasheet output capacitor (cout of " + p.id()
                + ")", cout, cout, "", ""));
        double actual;
        if (adjustable) {
            LinearRegulator.Lm317 d = LinearRegulator.lm317(vout);
            String r1 = k.resistor(out, "ADJ", d.r1().chosen(), "R1, OUT to ADJ");
            String r2 = k.resistor("ADJ", Kit.GND, d.r2().chosen(), "R2, ADJ to ground");
            k.b.connect("ADJ", u + ":ADJ");
            double cadj = Kit.param(p, "cadj", 0);
            if (cadj > 0) {
                k.capacitor("ADJ", Kit.GND, cadj, "ADJ bypass: raises ripple rejection");
            }
            k.compute(d.computations(r1, r2));
            actual = d.vout();
            k.b.why("output", "the LM317 holds 1.25 V from OUT to ADJ: Vout = 1.25 V · (1 + R2/R1) + IADJ·R2 = "
                    + Eng.num(actual) + " V; R1 = 240 Ω draws the 3.5 mA minimum load by itself", "lm317: VREF "
                    + Eng.num(Kit.param(p, "vref", 1.25)) + " V, IADJ " + Eng.human(Kit.param(p, "iadj", 50e-6), "A"));
        } else {
            k.b.connect(Kit.GND, u + ":GND");
            actual = Kit.param(p, "vout", vout);
        }
        double dropout = Kit.param(p, "dropout", 2);
        LinearRegulator.Thermal heat = LinearRegulator.Thermal.of(packageOf(p), vin, actual, load);
        k.compute(heat.computations(u, vin, actual, load));
        switch (heat.cooling()) {
            case HEAT_SINK -> {
                k.b.why("heat", u + " dissipates " + Eng.human(heat.power(), "W") + ", more than its "
                        + heat.pkg().name() + " sheds alone at " + Eng.num(LinearRegulator.AMBIENT)
                        + " °C: a heat sink of " + Eng.num(heat.heatSink()) + " °C/W or less keeps the junction"
                        + " at or below " + Eng.num(heat.pkg().tjMax()) + " °C", heat.pkg().source());
                k.b.note("bolt " + u + " to a heat sink of " + Eng.num(heat.heatSink()) + " °C/W or less (it"
                        + " dissipates " + Eng.human(heat.power(), "W") + "), with thermal grease");
            }
            case TOO_HOT -> k.b.note(u + " dissipates " + Eng.human(heat.power(), "W") + ", more than its "
                    + heat.pkg().name() + " can shed" + (heat.pkg().heatSinkWatts() > 0 ? " on a modest heat sink" : "")
                    + ": lower the input voltage or the load, or use a buck converter module");
            default -> {
            }
        }
        k.b.rail(new DesignPlan.Rail(out, actual, u + " (" + p.id() + ")", p.pins().stream()
                .map(pp -> pp.maxCurrent()).filter(java.util.Objects::nonNull).findFirst().orElse(null), load));
        k.b.why("regulator", p.id() + " needs at least Vout + dropout = " + Eng.num(actual + dropout) + " V at its input"
                        + " (" + Eng.num(vin) + " V here) and gets the datasheet's " + Eng.human(cin, "F") + " in / "
                        + Eng.human(cout, "F") + " out",
                p.id() + ": dropout " + Eng.num(dropout) + " V, cin " + Eng.human(cin, "F") + ", cout "
                        + Eng.human(cout, "F") + ", vin max " + Eng.num(Kit.param(p, "vinMax", 35)) + " V");
        return actual;
    }

    /** Buck modules a linear design may switch to. */
    private static final List<String> BUCKS = List.of("mp1584-buck-module", "lm2596-buck-module");

    /** The package of linear regulator {@code p}: its own θJA/θJC/Tj,max when the part gives them. */
    static LinearRegulator.Package packageOf(Part p) {
        LinearRegulator.Package pkg = LinearRegulator.Package.in(p.name() + " " + String.join(" ", p.partNumbers()))
                .orElse(LinearRegulator.Package.TO_220);
        return pkg.with(Kit.param(p, "thetaJA", pkg.thetaJA()), Kit.param(p, "thetaJC", pkg.thetaJC()),
                Kit.param(p, "tjMax", pkg.tjMax()));
    }

    /** The most current regulator {@code p} is rated for, amperes. */
    private static double rating(Part p) {
        return Kit.param(p, "iout", p.pins().stream().map(pp -> pp.maxCurrent()).filter(java.util.Objects::nonNull)
                .findFirst().orElse(1.0));
    }

    /** Why linear regulator {@code p} cannot give {@code vout} at {@code load} from {@code vin}; null when it can. */
    private static String whyNotLinear(Part p, double vin, double vout, double load) {
        if (load > rating(p)) {
            return Eng.human(load, "A") + " is more than its " + Eng.human(rating(p), "A") + " rating";
        }
        double vinMax = Kit.param(p, "vinMax", 35);
        if (vin > vinMax) {
            return Eng.num(vin) + " V is above its " + Eng.num(vinMax) + " V input maximum";
        }
        LinearRegulator.Package pkg = packageOf(p);
        LinearRegulator.Thermal t = LinearRegulator.Thermal.of(pkg, vin, vout, load);
        if (t.cooling() == LinearRegulator.Cooling.TOO_HOT) {
            return "it would dissipate (" + Eng.num(vin) + " V − " + Eng.num(vout) + " V) · " + Eng.human(load, "A")
                    + " = " + Eng.human(t.power(), "W") + ", more than its " + pkg.name() + " sheds (" + Eng.num(
                    pkg.freeAirWatts(LinearRegulator.AMBIENT)) + " W alone at θJA " + Eng.num(pkg.thetaJA()) + " °C/W"
                    + (pkg.heatSinkWatts() > 0 ? ", about " + Eng.num(pkg.heatSinkWatts()) + " W on a modest heat sink"
                    : ", and it takes no heat sink") + ")";
        }
        return null;
    }

    /**
     * The buck module that gives {@code vout} at {@code load} from {@code vin} (input range with headroom, output
     * range, current rating), the most efficient first; empty when none fits.
     */
    private static Optional<Part> buckFor(Kit k, double vin, double vout, double load) {
        return BUCKS.stream().map(k.kb::part).flatMap(Optional::stream)
                .filter(m -> BuckModule.inputFits(vin, vout, Kit.param(m, "vinMin", 4.5), Kit.param(m, "vinMax", 28),
                        Kit.param(m, "dropout", 1.5)))
                .filter(m -> vout >= Kit.param(m, "voutMin", 0.8) && vout <= Kit.param(m, "voutMax", 20))
                .filter(m -> load <= Kit.param(m, "iout", 2))
                .max(java.util.Comparator.comparingDouble(m -> Kit.param(m, "efficiency", 0.85)));
    }

    static void linear(Kit k) {
        Optional<Part> named = k.named(PowerPlans::isLinear);
        double vout = k.value(Quantity.OUTPUT_VOLTAGE).orElseGet(() -> named.map(p -> Kit.param(p, "vout", -1))
                .filter(v -> v > 0).orElseGet(() -> {
                    k.b.note("no output voltage given: regulating to 5 V");
                    return 5.0;
                }));
        Double asked = k.value(Quantity.INPUT_VOLTAGE).or(k::supplyVolts).orElse(null);
        Part p = regulator(k, vout, asked);
        double dropout = Kit.param(p, "dropout", 2);
        double vin;
        if (asked == null) {
            vin = INPUTS[INPUTS.length - 1];
            for (double v : INPUTS) {
                if (v >= vout + dropout + 0.5) {
                    vin = v;
                    break;
                }
            }
            k.b.note("no input voltage given: using " + Eng.num(vin) + " V");
        } else {
            vin = asked;
        }
        if (vin < vout + dropout) {
            k.b.note(Eng.num(vin) + " V is below what the " + p.id() + " needs (" + Eng.num(vout) + " V + "
                    + Eng.num(dropout) + " V dropout): the input must be at least " + Eng.num(vout + dropout)
                    + " V, designed for that; from a lower input use a low-dropout part or a buck-boost module");
            vin = vout + dropout;
        }
        double load = k.value(Quantity.CURRENT).orElse(0.1);
        if (k.value(Quantity.CURRENT).isEmpty()) {
            k.b.note("no load current given: heat computed for 100 mA");
        }
        double vinMax = Kit.param(p, "vinMax", 35);
        String why = whyNotLinear(p, vin, vout, load);
        Optional<Part> buck = why == null ? Optional.empty() : buckFor(k, vin, vout, load);
        if (buck.isPresent()) {
            Part m = buck.get();
            k.b.note("a linear regulator (" + p.id() + ") will not do: " + why + "; designed with the "
                    + m.id() + " step-down module instead");
            k.b.why("switching converter", "the " + p.id() + " was the linear choice, but " + why + "; the "
                            + m.id() + " converts at about " + Eng.num(Kit.param(m, "efficiency", 0.85) * 100)
                            + " % efficiency, so it wastes " + Eng.human(BuckModule.loss(vout, load,
                            Kit.param(m, "efficiency", 0.85)), "W") + " instead",
                    p.id() + ": " + packageOf(p).source() + ", output " + Eng.human(rating(p), "A") + ", input "
                            + Eng.num(vinMax) + " V max");
            placeBuck(k, m, vin, vout, load);
            return;
        }
        if (vin > vinMax) {
            k.b.note(Eng.num(vin) + " V is above the " + p.id() + "'s " + Eng.num(vinMax) + " V maximum: designed for "
                    + Eng.num(vinMax) + " V; step down first with a buck module");
            vin = vinMax;
        }
        k.b.title(p.name().split(" \\(")[0] + ": " + Eng.num(vin) + " V to " + Eng.num(vout) + " V");
        k.supply("VIN", vin, "unregulated input");
        placeRegulator(k, p, "VIN", "VOUT", vout, vin, load);
        k.b.note("connect the load between VOUT and GND");
    }

    /**
     * The zener shunt regulator: the named zener (or the knowledge base's nearest to the output asked for), the
     * series resistor from {@link ZenerRegulator}, the resistor's and the zener's dissipation checked, and a load
     * resistor drawing the load current so the simulation measures the output under load.
     */
    /** The rating of a plain through-hole or 1206 resistor, watts; the validator assumes it. */
    static final double SMALL_RESISTOR_WATTS = 0.25;

    static void zener(Kit k) {
        Part z = k.named(Kit.kind(ModelKind.ZENER)).orElse(null);
        Double asked = k.value(Quantity.OUTPUT_VOLTAGE).orElse(null);
        if (z == null) {
            double want = asked == null ? 5.1 : asked;
            z = k.kb.parts().stream().filter(p -> Kit.kind(ModelKind.ZENER).test(p))
                    .min(java.util.Comparator.comparingDouble(p -> Math.abs(Kit.param(p, "vz", 0) - want)))
                    .orElseGet(() -> k.part("zener-1n4733a"));
            k.b.why("zener", z.id() + " chosen: the knowledge base's zener nearest to " + Eng.num(want) + " V",
                    z.id() + ": Vz " + Eng.num(Kit.param(z, "vz", want)) + " V");
        }
        double vz = Kit.param(z, "vz", asked == null ? 5.1 : asked);
        if (asked != null && Math.abs(asked - vz) > 0.05 * vz) {
            k.b.note(Eng.num(asked) + " V asked, but the zener (" + z.id() + ") is " + Eng.num(vz)
                    + " V: the output is " + Eng.num(vz) + " V; pick a zener of the voltage you need");
        }
        double vin = k.value(Quantity.INPUT_VOLTAGE).or(k::supplyVolts).orElseGet(() -> {
            double v = vz < 7 ? 12 : vz < 10 ? 15 : 24;
            k.b.note("no input voltage given: using " + Eng.num(v) + " V");
            return v;
        });
        if (vin < vz + 1.5) {
            double v = Math.ceil(vz + 1.5);
            k.b.note(Eng.num(vin) + " V leaves too little across the series resistor for a " + Eng.num(vz)
                    + " V zener: designed for " + Eng.num(v) + " V; below that use a low-dropout regulator");
            vin = v;
        }
        double iload = k.value(Quantity.CURRENT).orElseGet(() -> {
            k.b.note("no load current given: designing for 10 mA");
            return 0.010;
        });
        double izt = Kit.param(z, "izt", 0.02);
        double izk = Kit.param(z, "izk", 0.001);
        double pmax = Kit.param(z, "pdMax", 0.5);
        double izMin = ZenerRegulator.minimumZenerCurrent(izt, izk);
        double maxLoad = Math.max(0.001, ZenerRegulator.DERATING * pmax / vz - izMin);
        if (iload > maxLoad) {
            k.b.note(Eng.human(iload, "A") + " is more than a " + Eng.human(pmax, "W") + " zener can hand over when"
                    + " the load is removed (the whole series current then flows in it): designed for "
                    + Eng.human(maxLoad, "A") + "; for more current follow the zener with a transistor or use a "
                    + "regulator IC");
            iload = maxLoad;
        }
        ZenerRegulator.Design one = ZenerRegulator.design(vin, vz, iload, izMin, pmax);
        // the plan carries no power rating, so each resistor stays within the 0.25 W a plain resistor is rated for
        ZenerRegulator.Design d = ZenerRegulator.design(vin, vz, iload, izMin, pmax,
                ZenerRegulator.piecesFor(one.resistorPower(), SMALL_RESISTOR_WATTS));
        k.b.title("Zener regulator (" + z.id() + "): " + Eng.num(vin) + " V to " + Eng.num(vz) + " V at "
                + Eng.human(iload, "A"));
        k.supply("VIN", vin, "unregulated input");
        String r = null;
        String from = "VIN";
        for (int n = 1; n <= d.pieces(); n++) {
            String to = n == d.pieces() ? "VOUT" : "VSER" + n;
            String ref = k.resistor(from, to, d.r().chosen(), "series resistor" + (d.pieces() > 1 ? " " + n + " of "
                    + d.pieces() : "") + ", drops Vin − Vz and sets the current");
            r = r == null ? ref : r;
            from = to;
        }
        String zr = k.b.nextRef("D");
        k.b.component(zr, ComponentKind.DIODE, z.id(), null, "zener, holds VOUT at " + Eng.num(vz) + " V");
        k.b.connect("VOUT", zr + ":K");
        k.b.connect(Kit.GND, zr + ":A");
        String rl = k.b.nextRef("I");
        k.b.component(rl, ComponentKind.CURRENT_SOURCE, null, "DC " + Eng.spice(iload), "stands in for the "
                + Eng.human(iload, "A") + " load (test load: replace with your circuit)");
        k.b.connect("VOUT", rl + ":+");
        k.b.connect(Kit.GND, rl + ":-");
        k.compute(d.computations(r, zr));
        k.b.rail(new DesignPlan.Rail("VOUT", vz, zr + " (" + z.id() + ")", d.seriesCurrent(), 0));
        k.b.why("zener regulator", "the zener is reverse-biased (cathode on VOUT) and conducts whatever the load does"
                        + " not take; R = (Vin − Vz)/(Iload + Iz,min) keeps at least " + Eng.human(izMin, "A")
                        + " in it at full load, so VOUT stays near Vz; with the load removed it takes all "
                        + Eng.human(d.seriesCurrent(), "A") + " (" + Eng.human(d.zenerPowerNoLoad(), "W") + ")",
                z.id() + ": Vz " + Eng.num(vz) + " V at IZT " + Eng.human(izt, "A") + ", IZK " + Eng.human(izk, "A")
                        + ", PD " + Eng.human(pmax, "W"), "Horowitz & Hill §2.2.5");
        if (!d.zenerWithinRating()) {
            k.b.note("the zener dissipates " + Eng.human(d.zenerPowerNoLoad(), "W") + " with no load, above half its "
                    + Eng.human(pmax, "W") + " rating: use a larger zener or a regulator IC");
        }
        if (d.resistorRating() > SMALL_RESISTOR_WATTS) {
            k.b.note((d.pieces() > 1 ? "each series resistor" : r) + " dissipates " + Eng.human(d.piecePower(), "W")
                    + ": use " + Eng.num(d.resistorRating()) + " W resistors");
        }
        if (d.pieces() > 1) {
            k.b.note("the series resistance is " + d.pieces() + " × " + Eng.human(d.r().chosen(), "Ω") + " so each "
                    + "resistor stays within 0.25 W; one " + Eng.human(d.resistance(), "Ω") + " resistor rated "
                    + Eng.num(d.pieces() <= 2 ? 1 : d.pieces() <= 4 ? 2 : 5) + " W does the same");
        }
        k.b.note("a zener regulator wastes current at light load and its output moves with the load (about "
                + Eng.num(Kit.param(z, "zzt", 7)) + " Ω); for more than a few tens of mA use a regulator IC");
    }

    static void buck(Kit k) {
        Part p = k.named(q -> q.model() != null && q.model().kind() == ModelKind.REGULATOR && q.form() != Form.IC
                && Kit.param(q, "voutMin", -1) > 0).orElseGet(() -> k.part("lm2596-buck-module"));
        double vinMin = Kit.param(p, "vinMin", 4.5);
        double vinMax = Kit.param(p, "vinMax", 28);
        double dropout = Kit.param(p, "dropout", 1.5);
        double vout = k.valueOr(Quantity.OUTPUT_VOLTAGE, Kit.param(p, "vout", 5), "V", "output voltage");
        double lo = Kit.param(p, "voutMin", 0.8);
        double hi = Kit.param(p, "voutMax", 20);
        if (vout < lo || vout > hi) {
            double c = Math.max(lo, Math.min(hi, vout));
            k.b.note(Eng.num(vout) + " V is outside the " + p.id() + "'s " + Eng.num(lo) + "-" + Eng.num(hi)
                    + " V output range: using " + Eng.num(c) + " V");
            vout = c;
        }
        double vin = k.value(Quantity.INPUT_VOLTAGE).or(k::supplyVolts).orElseGet(() -> {
            k.b.note("no input voltage given: using 12 V");
            return 12.0;
        });
        if (!BuckModule.inputFits(vin, vout, vinMin, vinMax, dropout)) {
            double c = Math.max(Math.max(vinMin, vout + dropout), Math.min(vinMax, vin));
            k.b.note(Eng.num(vin) + " V does not fit the " + p.id() + " (input " + Eng.num(vinMin) + "-"
                    + Eng.num(vinMax) + " V and at least " + Eng.num(dropout) + " V above the output): designed for "
                    + Eng.num(c) + " V");
            vin = c;
        }
        placeBuck(k, p, vin, vout, k.value(Quantity.CURRENT).orElse(1.0));
    }

    /** Places buck module {@code p} from VIN to VOUT, set by its trimmer to {@code vout}. */
    private static void placeBuck(Kit k, Part p, double vin, double vout, double iout) {
        double vinMin = Kit.param(p, "vinMin", 4.5);
        double vinMax = Kit.param(p, "vinMax", 28);
        double dropout = Kit.param(p, "dropout", 1.5);
        double lo = Kit.param(p, "voutMin", 0.8);
        double hi = Kit.param(p, "voutMax", 20);
        double eff = Kit.param(p, "efficiency", 0.85);
        k.b.title(p.name().split(" \\(")[0] + ": " + Eng.num(vin) + " V to " + Eng.num(vout) + " V");
        k.supply("VIN", vin, "converter input");
        String u = k.b.nextRef("U");
        k.b.part(u, p.id(), "step-down converter module");
        k.b.connect("VIN", u + ":IN+");
        k.b.connect(Kit.GND, u + ":IN-", u + ":OUT-");
        k.b.connect("VOUT", u + ":OUT+");
        k.capacitor("VOUT", Kit.GND, 100e-6, "bulk capacitor at the load, takes load steps");
        k.b.note("connect the load between VOUT and GND");
        double vref = Kit.param(p, "vref", 1.23);
        k.b.compute(BuckModule.trimmerComputation(u, vout, vref, 1e3));
        double iin = BuckModule.inputCurrent(vout, iout, eff, vin);
        k.b.compute(new DesignPlan.Computation(u, "input current", "Iin = Vout · Iout / (η · Vin) = " + Eng.num(vout)
                + " V · " + Eng.human(iout, "A") + " / (" + Eng.num(eff) + " · " + Eng.num(vin) + " V)", iin, iin, "",
                Eng.human(iin, "A") + " from the input at " + Eng.human(iout, "A") + " out"));
        k.b.rail(new DesignPlan.Rail("VOUT", vout, u + " (" + p.id() + ")", Kit.param(p, "iout", 2), 0));
        k.b.why("buck", "a switching converter keeps the " + Eng.num(vin) + " V to " + Eng.num(vout) + " V drop out of"
                        + " heat (" + Eng.num(eff * 100) + " % efficient); its input range and headroom were checked",
                p.id() + ": input " + Eng.num(vinMin) + "-" + Eng.num(vinMax) + " V, output " + Eng.num(lo) + "-"
                        + Eng.num(hi) + " V, dropout " + Eng.num(dropout) + " V, Vref " + Eng.num(vref) + " V");
        if (Math.abs(vout - Kit.param(p, "vout", 5)) > 0.05) {
            k.b.note("the module's output is set with its trimmer: the knowledge base and the simulation assume the "
                    + Eng.num(Kit.param(p, "vout", 5)) + " V default, so set " + Eng.num(vout) + " V on the bench");
        }
    }

    static void charger(Kit k) {
        Part charger = k.named(q -> q.id().startsWith("tp4056")).orElseGet(() -> k.part("tp4056-module"));
        Part cell = k.named(q -> q.model() != null && q.model().kind() == ModelKind.SOURCE
                && Kit.param(q, "chargeVoltage", 0) > 0).orElseGet(() -> {
                    k.b.note("no cell named: charging an 18650 cell");
                    return k.part("battery-18650");
                });
        double capacity = Kit.param(cell, "capacity", 1.0);
        double wanted = k.value(Quantity.CURRENT).orElse(LiIonCharger.DEFAULT_RATE * capacity);
        String why = k.value(Quantity.CURRENT).isPresent() ? "asked for" : "0.5 C of the " + Eng.num(capacity * 1000)
                + " mAh cell";
        if (wanted > LiIonCharger.DEFAULT_RATE * capacity * 2) {
            k.b.note(Eng.human(wanted, "A") + " is above 1 C for a " + Eng.num(capacity * 1000) + " mAh cell: charging at"
                    + " 1 C");
            wanted = capacity;
        }
        k.b.title("Li-ion charger (" + charger.id() + ") for a " + cell.name().split(" \\(")[0]);
        k.supply("VIN", 5.0, "5 V USB supply");
        String u = k.b.nextRef("U");
        k.b.part(u, charger.id(), "CC/CV charger with cell protection");
        String bt = k.b.nextRef("BT");
        k.b.part(bt, cell.id(), "the cell being charged");
        k.b.connect("VIN", u + ":IN+");
        k.b.connect(Kit.GND, u + ":IN-", u + ":B-", bt + ":-");
        k.b.connect("BAT", u + ":B+", bt + ":+");
        k.b.compute(LiIonCharger.computation(u, wanted, why));
        k.b.why("charging", "the TP4056 charges at constant current set by RPROG, then holds 4.2 V ±1 % until the "
                        + "current falls to a tenth; the module's DW01A cuts the cell off below about 2.4 V",
                charger.id() + ": RPROG 1.2 kΩ gives 1 A; input 4.5-5.5 V", cell.id() + ": charge to "
                        + Eng.num(Kit.param(cell, "chargeVoltage", 4.2)) + " V, " + Eng.num(capacity * 1000) + " mAh");
        k.b.note("connect the load to " + u + " OUT+/OUT- so the protection can disconnect it");
    }

    static void transformerSupply(Kit k, boolean regulated) {
        Part mains = k.part("ac-mains-source");
        Part transformer = k.named(q -> q.model() != null && q.model().kind() == ModelKind.TRANSFORMER)
                .orElseGet(() -> k.part("transformer-230v-12v"));
        boolean discrete = k.named(q -> q.id().equals("1n4007")).isPresent();
        Part rectifier = discrete ? k.part("1n4007") : k.part("bridge-rectifier");
        double vrms = Kit.param(transformer, "vSecondary", 12);
        double hz = Kit.param(transformer, "frequency", 50);
        double rated = Kit.param(transformer, "current", 0.83);
        double vf = Kit.param(rectifier, "vf", 1.0);
        double current = k.value(Quantity.CURRENT).orElse(0.2);
        if (k.value(Quantity.CURRENT).isEmpty()) {
            k.b.note("no load current given: designing for 200 mA");
        }
        double dcLimit = rated / 1.8;
        if (current > dcLimit) {
            k.b.note(Eng.human(current, "A") + " is more than a capacitor-input bridge can draw from a " + Eng.human(rated,
                    "A") + " secondary (about Irms/1.8): designed for " + Eng.human(dcLimit, "A"));
            current = dcLimit;
        }
        double vpk = DcSupply.bridgePeak(vrms, vf);
        Part reg = null;
        double vout = 0;
        double ripple = 0.1 * vpk;
        if (regulated) {
            vout = k.valueOr(Quantity.OUTPUT_VOLTAGE, 5.0, "V", "output voltage");
            reg = regulator(k, vout, vpk);
            double headroom = vpk - (vout + Kit.param(reg, "dropout", 2)) - 1.0;
            if (headroom <= 0.2) {
                k.b.note("a " + Eng.num(vrms) + " V secondary gives only " + Eng.num(vpk) + " V peak, too little for "
                        + Eng.num(vout) + " V: use a higher-voltage transformer");
                headroom = 0.5;
            }
            ripple = Math.min(2.0, headroom);
        }
        List<DesignPlan.Computation> cs = DcSupply.computations("C1", vrms, vf, current, hz, ripple);
        double c = cs.get(1).chosen();
        k.b.title((regulated ? "Regulated " + Eng.num(vout) + " V" : "Unregulated " + Eng.num(Math.round(vpk)) + " V")
                + " supply from a " + Eng.num(vrms) + " V transformer");
        String ac = "AC1";
        k.b.part(ac, mains.id(), "230 V mains");
        String t = k.b.nextRef("T");
        k.b.part(t, transformer.id(), "isolating step-down transformer");
        double primary = current * 1.8 * vrms / Kit.param(mains, "voltage", 230);
        String fuse = k.fuse("MAINS_L", "PRI_L", primary, "mains fuse in series with the transformer primary");
        k.b.connect("MAINS_L", ac + ":L");
        k.b.connect(fuse == null ? "MAINS_L" : "PRI_L", t + ":PRI1");
        k.b.connect("MAINS_N", ac + ":N", t + ":PRI2");
        k.b.connect("AC_A", t + ":SEC1");
        k.b.connect("AC_B", t + ":SEC2");
        if (discrete) {
            String[][] legs = {{"AC_A", "VRAW"}, {"AC_B", "VRAW"}, {Kit.GND, "AC_A"}, {Kit.GND, "AC_B"}};
            for (String[] leg : legs) {
                String d = k.b.nextRef("D");
                k.b.component(d, ComponentKind.DIODE, rectifier.id(), null, "bridge leg");
                k.b.connect(leg[0], d + ":A");
                k.b.connect(leg[1], d + ":K");
            }
        } else {
            String br = k.b.nextRef("BR");
            k.b.part(br, rectifier.id(), "full-wave bridge rectifier");
            k.b.connect("AC_A", br + ":AC1");
            k.b.connect("AC_B", br + ":AC2");
            k.b.connect("VRAW", br + ":+");
            k.b.connect(Kit.GND, br + ":-");
        }
        String cref = k.capacitor("VRAW", Kit.GND, c, "reservoir capacitor, rated " + Eng.num(DcSupply.rating(vpk))
                + " V");
        cs.forEach(x -> k.b.compute(new DesignPlan.Computation(cref, x.quantity(), x.formula(), x.exact(), x.chosen(),
                x.series(), x.resultNote())));
        k.b.why("rectifier", "a full-wave bridge charges " + cref + " twice per mains cycle (" + Eng.num(2 * hz)
                        + " Hz), so C = I/(2·f·Vr); the peak is Vrms·√2 less two diode drops",
                transformer.id() + ": " + Eng.num(vrms) + " V rms at " + Eng.human(rated, "A") + ", "
                        + Eng.num(Kit.param(transformer, "vSecondaryNoLoad", vrms)) + " V unloaded",
                rectifier.id() + ": Vf " + Eng.num(vf) + " V, " + Eng.num(Kit.param(rectifier, "vrrm",
                        Kit.param(rectifier, "vrMax", 1000))) + " V reverse");
        k.b.note(fuse == null ? "mains side: fuse the primary, insulate every 230 V connection and earth the enclosure"
                : "mains side: insulate every 230 V connection and earth the enclosure");
        if (regulated) {
            placeRegulator(k, reg, "VRAW", "VOUT", vout, vpk, current);
        }
    }
}
