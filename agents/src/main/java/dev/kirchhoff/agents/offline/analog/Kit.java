package dev.kirchhoff.agents.offline.analog;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.DesignValue;
import dev.kirchhoff.agents.Pinouts;
import dev.kirchhoff.agents.Quantity;
import dev.kirchhoff.agents.Requirements;
import dev.kirchhoff.agents.Supply;
import dev.kirchhoff.agents.recipes.Eng;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.ModelKind;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.schematic.model.ComponentKind;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The workbench one analog design is built on: the plan builder, the request and the knowledge base, with helpers
 * that place a resistor, a capacitor, a supply or a test source in one line and read part data with fallbacks. One
 * per design; not thread-safe.
 */
final class Kit {

    /** The ground net. */
    static final String GND = "GND";
    /** Capacitors of this value and above are electrolytic, farads. */
    static final double ELECTROLYTIC_FROM = 1e-6;
    static final double DECOUPLING = 100e-9;

    final KnowledgeBase kb;
    final Requirements req;
    final Pinouts pinouts;
    final DesignPlan.Builder b;

    Kit(KnowledgeBase kb, Requirements req, Pinouts pinouts, String title) {
        this.kb = kb;
        this.req = req;
        this.pinouts = pinouts;
        this.b = DesignPlan.builder(title);
    }

    // ---- the request ----------------------------------------------------------------------------------------

    Optional<Double> value(Quantity q) {
        return req.value(q).map(DesignValue::value);
    }

    /** The value asked for, or {@code fallback} with a note saying so. */
    double valueOr(Quantity q, double fallback, String unit, String what) {
        Optional<Double> v = value(q);
        if (v.isPresent()) {
            return v.get();
        }
        b.note(("no " + what + " given: using " + Eng.human(fallback, unit)).strip());
        return fallback;
    }

    /**
     * The supply voltage the prompt gave: as a number, through a battery, adapter or USB port it named, or through
     * its kind (USB is 5 V); empty when it said nothing.
     */
    Optional<Double> supplyVolts() {
        Supply s = req.supply();
        if (s.volts() != null) {
            return Optional.of(s.volts());
        }
        Optional<Double> named = named(Kit::isSupplyPart).map(p -> param(p, "voltage", -1)).filter(v -> v > 0);
        if (named.isPresent()) {
            return named;
        }
        return s.kind() == Supply.Kind.USB ? Optional.of(5.0) : Optional.empty();
    }

    /** A battery, adapter or USB port: a source part with a + or VBUS terminal. */
    static boolean isSupplyPart(Part p) {
        return p.model() != null && p.model().kind() == ModelKind.SOURCE && p.pins().size() <= 4
                && (p.pin("+").isPresent() || p.pin("VBUS").isPresent());
    }

    /** The first requested part that satisfies {@code test}. */
    Optional<Part> named(Predicate<Part> test) {
        return pinouts.parts().stream().map(Pinouts.Resolved::part).filter(test).findFirst();
    }

    /** How many of the first requested part satisfying {@code test} were asked for (1 when none). */
    int quantity(Predicate<Part> test) {
        return pinouts.parts().stream().filter(r -> test.test(r.part())).mapToInt(r -> r.request().quantity())
                .findFirst().orElse(1);
    }

    static Predicate<Part> kind(ModelKind kind) {
        return p -> p.model() != null && p.model().kind() == kind;
    }

    Part part(String id) {
        return kb.part(id).orElseThrow(() -> new IllegalStateException("The knowledge base has no part '" + id
                + "': the analog designer needs it; check knowledge-base/data/parts."));
    }

    static double param(Part part, String name, double fallback) {
        return part.model() == null ? fallback : part.model().parameter(name, fallback);
    }

    /**
     * A coil (motor, fan, pump, solenoid, relay): its current continues at turn-off, so a switch needs a flyback
     * diode across it. An LED strip or an SSR's input is not one.
     */
    static boolean isCoil(Part p) {
        return p.model() != null && (p.model().kind() == ModelKind.MOTOR || param(p, "inductance", 0) > 0)
                || p.keywords() != null && p.keywords().contains("inductive");
    }

    static String spiceText(Part part) {
        return part.model() == null || part.model().spice() == null ? "" : part.model().spice();
    }

    // ---- placing components ---------------------------------------------------------------------------------

    String resistor(String a, String bNet, double ohms, String purpose) {
        String ref = b.nextRef("R");
        b.component(ref, ComponentKind.RESISTOR, null, Eng.spice(ohms), purpose);
        b.connect(a, ref + ":1");
        b.connect(bNet, ref + ":2");
        return ref;
    }

    /** A capacitor from {@code plus} to {@code minus}: ceramic below 1 µF, electrolytic (pin 1 = +) from 1 µF. */
    String capacitor(String plus, String minus, double farads, String purpose) {
        String ref = b.nextRef("C");
        b.component(ref, ComponentKind.CAPACITOR, farads >= ELECTROLYTIC_FROM ? "capacitor-electrolytic" : null,
                Eng.spice(farads), purpose);
        b.connect(plus, ref + ":1");
        b.connect(minus, ref + ":2");
        return ref;
    }

    String inductor(String a, String bNet, double henries, String purpose) {
        String ref = b.nextRef("L");
        b.component(ref, ComponentKind.INDUCTOR, null, Eng.spice(henries), purpose);
        b.connect(a, ref + ":1");
        b.connect(bNet, ref + ":2");
        return ref;
    }

    String decouple(String net, String whose) {
        return capacitor(net, GND, DECOUPLING, "decouples " + whose + " (" + net + ")");
    }

    /** A DC voltage source from {@code net} to {@code minus} and the rail it makes. */
    String source(String net, String minus, double volts, String purpose) {
        String ref = b.nextRef("V");
        b.component(ref, ComponentKind.VOLTAGE_SOURCE, null, "DC " + Eng.num(volts), purpose);
        b.connect(net, ref + ":+");
        b.connect(minus, ref + ":-");
        return ref;
    }

    /**
     * The supply of the design: the battery, adapter or USB port the prompt named when its voltage fits, else a DC
     * source {@code V1} from {@code net} to GND, with its rail.
     */
    String supply(String net, double volts, String purpose) {
        Optional<Part> named = named(p -> isSupplyPart(p) && Math.abs(param(p, "voltage", -1) - volts) <= 0.05 * volts);
        if (named.isPresent()) {
            Part p = named.get();
            String ref = b.nextRef("BT");
            b.part(ref, p.id(), purpose);
            String plus = p.pin("+").isPresent() ? "+" : "VBUS";
            b.connect(net, ref + ":" + plus);
            b.connect(GND, ref + ":" + (p.pin("-").isPresent() ? "-" : "GND"));
            Double cap = p.pins().stream().filter(pp -> pp.name().equals(plus) || pp.aliases().contains(plus))
                    .map(pp -> pp.maxCurrent()).filter(java.util.Objects::nonNull).findFirst().orElse(null);
            b.rail(new DesignPlan.Rail(net, volts, ref + " (" + p.id() + ")", cap, 0));
            b.why("supply", "powered from the " + p.name() + " the request named", p.id() + ": "
                    + Eng.num(volts) + " V nominal");
            return ref;
        }
        String feed = fuseNamed() && !fused ? net + "_SRC" : net;
        String ref = source(feed, GND, volts, purpose);
        if (!feed.equals(net)) {
            fuse(feed, net, valueOfCurrent(), "protects the " + net + " supply");
        }
        b.rail(new DesignPlan.Rail(net, volts, ref + " (DC source)", null, 0));
        return ref;
    }

    /** Standard fuse ratings (IEC 60127 R10-based steps), amperes. */
    private static final double[] FUSE_RATINGS = {0.1, 0.125, 0.16, 0.2, 0.25, 0.315, 0.4, 0.5, 0.63, 0.8, 1, 1.25,
            1.6, 2, 2.5, 3.15, 4, 5, 6.3, 8, 10};

    /** Whether a fuse is placed already (one per design). */
    private boolean fused;

    /** Whether the request names a fuse (a part whose model is a fuse). */
    boolean fuseNamed() {
        return named(kind(ModelKind.FUSE)).isPresent();
    }

    /** The load current the prompt gave, or 0 when it gave none. */
    private double valueOfCurrent() {
        return value(Quantity.CURRENT).orElse(0.0);
    }

    /**
     * The smallest standard rating at least 1.5 times {@code amps} (a fuse runs hot near its rating), 100 mA least;
     * 1 A when the current is not known.
     */
    static double fuseRating(double amps) {
        double want = amps > 0 ? Math.max(0.1, 1.5 * amps) : 1.0;
        for (double r : FUSE_RATINGS) {
            if (r >= want - 1e-9) {
                return r;
            }
        }
        return FUSE_RATINGS[FUSE_RATINGS.length - 1];
    }

    /**
     * The named fuse in series from {@code from} to {@code to}, rated for {@code amps} through it (0 when unknown);
     * returns its reference, or null when the request names no fuse or one is placed already.
     */
    String fuse(String from, String to, double amps, String purpose) {
        Optional<Part> f = named(kind(ModelKind.FUSE));
        if (f.isEmpty() || fused) {
            return null;
        }
        fused = true;
        String ref = b.nextRef("F");
        b.part(ref, f.get().id(), purpose);
        b.connect(from, ref + ":1");
        b.connect(to, ref + ":2");
        double rating = fuseRating(amps);
        b.compute(new DesignPlan.Computation(ref, "current rating", "I_fuse ≥ 1.5 · I = 1.5 · " + Eng.human(amps, "A")
                + " (1 A when unknown), next standard rating", 1.5 * amps, rating, "IEC 60127",
                "a " + Eng.human(rating, "A") + " fuse" + (amps > 0 ? "" : " (no current given)")));
        b.why("fuse", ref + " is in series with the input, before anything else, so a short or a failed part "
                        + "blows it instead of overheating the wiring; rated " + Eng.human(rating, "A")
                        + ", time-lag where there is an inrush (transformer, reservoir capacitor)",
                f.get().id() + ": " + Eng.num(param(f.get(), "voltage", 250)) + " V, breaking capacity "
                        + Eng.num(param(f.get(), "breakingCapacity", 35)) + " A", "IEC 60127-2");
        return ref;
    }

    /** A test signal source on {@code net}: DC {@code dc} with a 1 V AC magnitude for AC analyses. */
    String signal(String net, double dc, String purpose) {
        String ref = b.nextRef("V");
        b.component(ref, ComponentKind.VOLTAGE_SOURCE, null, "DC " + Eng.num(dc) + " AC 1", purpose
                + " (test input: replace with your signal)");
        b.connect(net, ref + ":+");
        b.connect(GND, ref + ":-");
        return ref;
    }

    /** Adds computations to the plan. */
    void compute(List<DesignPlan.Computation> computations) {
        computations.forEach(b::compute);
    }

    /** The largest 1-2-5 number not above {@code v} ({@code 0.159 -> 0.1}, {@code 0.36 -> 0.2}). */
    static double niceDown(double v) {
        if (!(v > 0)) {
            return 0;
        }
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        double m = v / decade;
        double step = m >= 5 ? 5 : m >= 2 ? 2 : 1;
        return step * decade;
    }
}
