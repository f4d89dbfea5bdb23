package dev.kirchhoff.agents.offline.embedded;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.DesignValue;
import dev.kirchhoff.agents.Quantity;
import dev.kirchhoff.agents.recipes.OpAmpStages;
import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.Form;
import dev.kirchhoff.knowledge.InterfaceKind;
import dev.kirchhoff.knowledge.ModelKind;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.knowledge.VoltageRange;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.PinFunction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A single-supply non-inverting gain stage between an analog sensor and a board ADC pin: an op-amp asked for with a
 * gain gets Rf/Rg from the gain (E24), its supply from the board's logic rail when the op-amp runs from it (else 5 V),
 * the sensor's analog output on its non-inverting input, its output on an ADC pin, each unused unit as a grounded
 * follower, and a check of the output swing (from the part's model) against the ADC range. Works on one
 * {@link Session}; not thread-safe.
 */
final class OpAmpStage {

    /** Input resistor to GND when no sensor part is named: the input never floats with the sensor unplugged. */
    private static final double INPUT_BIAS_OHMS = 100_000;

    private final Session s;
    private final Session.Device amp;
    private final double gain;
    private final PartPin inPlus;
    private final PartPin inMinus;
    private final PartPin vPlus;
    private final PartPin vMinus;
    private final PartPin out;
    private Session.Device sensor;
    private PartPin sensorOut;

    private OpAmpStage(Session s, Session.Device amp, double gain, List<PartPin> unit) {
        this.s = s;
        this.amp = amp;
        this.gain = gain;
        this.inPlus = unit.get(0);
        this.inMinus = unit.get(1);
        this.vPlus = unit.get(2);
        this.vMinus = unit.get(3);
        this.out = unit.get(4);
    }

    /**
     * The stage for this design, when the prompt gave a gain above 1 and asked for an op-amp (an IC with an op-amp
     * model whose pin order is one unit's IN+ IN- V+ V- OUT); the first device with an analog output becomes its
     * input.
     */
    static Optional<OpAmpStage> find(Session s, List<Session.Device> devices) {
        Optional<Double> gain = s.req.value(Quantity.GAIN).map(DesignValue::value).filter(g -> g > 1);
        if (gain.isEmpty()) {
            return Optional.empty();
        }
        for (Session.Device d : devices) {
            Part p = d.part();
            if (p.category() != Category.ANALOG || p.form() != Form.IC || p.model() == null
                    || p.model().kind() != ModelKind.OPAMP || p.model().pinOrder().size() != 5) {
                continue;
            }
            List<PartPin> unit = new ArrayList<>();
            for (String name : p.model().pinOrder()) {
                p.pin(name).ifPresent(unit::add);
            }
            if (unit.size() != 5) {
                continue;
            }
            OpAmpStage stage = new OpAmpStage(s, d, gain.get(), unit);
            for (Session.Device other : devices) {
                if (other == d) {
                    continue;
                }
                Optional<PartPin> analogOut = analogOutput(other.part());
                if (analogOut.isPresent()) {
                    stage.sensor = other;
                    stage.sensorOut = analogOut.get();
                    break;
                }
            }
            return Optional.of(stage);
        }
        return Optional.empty();
    }

    private static Optional<PartPin> analogOutput(Part p) {
        Optional<dev.kirchhoff.knowledge.PartInterface> analog = p.interfaceOf(InterfaceKind.ANALOG);
        if (analog.isEmpty()) {
            return Optional.empty();
        }
        return p.pins().stream().filter(pin -> analog.get().uses(pin) && pin.type()
                == dev.kirchhoff.schematic.model.PinType.OUTPUT).findFirst();
    }

    /** The op-amp device, which the session must not wire as a module. */
    Session.Device amplifier() {
        return amp;
    }

    /** Whether {@code pin} of {@code d} is the stage's input: the session leaves it to the stage. */
    boolean takesInput(Session.Device d, PartPin pin) {
        return sensor != null && d.ref().equals(sensor.ref()) && pin == sensorOut;
    }

    /** Wires the stage; its ADC pin is chosen with the other pending pins. */
    void wire() {
        Part part = amp.part();
        String ref = amp.ref();
        VoltageRange range = part.supply();
        boolean logicFits = range == null || (range.min() == null || range.min() <= s.logicV + 1e-6)
                && (range.max() == null || range.max() >= s.logicV);
        double volts = logicFits ? s.logicV : 5.0;
        Rails.Rail rail = s.rail(volts, Session.typicalCurrent(part), amp.label())
                .orElseGet(() -> s.rails.at(s.logicV).orElseThrow());
        s.use(rail);
        s.plan.connect(rail.net, ref + ":" + Session.pinRef(part, vPlus));
        s.plan.connect(Session.GND, ref + ":" + Session.pinRef(part, vMinus));
        rail.draw(Session.typicalCurrent(part));
        s.plan.why(amp.label() + " supply", amp.label() + " runs single-supply from " + rail.net + " ("
                        + Values.v(rail.volts) + ") with its negative supply on GND: " + (logicFits
                        ? "the board's logic rail, so the output cannot exceed the ADC's range." : "its supply range "
                        + "does not include the board's logic level."),
                part.id() + ": supply" + Session.range(vPlus, part));

        if (range != null && !range.contains(rail.volts)) {
            s.plan.note(amp.label() + " is specified for " + Session.range(vPlus, part).trim() + " but the board offers "
                    + Values.v(rail.volts) + ": choose a single-supply op-amp such as the LM358 or MCP6002");
        }
        double inputHeadroom = part.model().parameter("vicmLowHeadroom", part.model().parameter("vicmHeadroom", 0));
        if (inputHeadroom > 0.5) {
            s.plan.note(amp.label() + "'s inputs must stay " + Values.v(inputHeadroom) + " above its negative supply: "
                    + "a ground-referenced sensor signal is outside its input range on a single supply; a "
                    + "single-supply op-amp (LM358, MCP6002) takes inputs down to 0 V");
        }

        // gain: 1 + Rf/Rg
        OpAmpStages.Gain g = OpAmpStages.nonInverting(gain);
        String rf = s.plan.nextRef("R");
        String rg = s.plan.nextRef("R");
        String outNet = amp.label() + "_OUT";
        String fbNet = amp.label() + "_FB";
        s.plan.component(rf, ComponentKind.RESISTOR, "resistor", Values.text(g.rf().chosen(), ""),
                "feedback resistor Rf of " + ref);
        s.plan.component(rg, ComponentKind.RESISTOR, "resistor", Values.text(g.rg().chosen(), ""),
                "gain resistor Rg of " + ref);
        s.plan.connect(outNet, ref + ":" + Session.pinRef(part, out), rf + ":1");
        s.plan.connect(fbNet, rf + ":2", rg + ":1", ref + ":" + Session.pinRef(part, inMinus));
        s.plan.connect(Session.GND, rg + ":2");
        g.computations(rf, rg).forEach(s.plan::compute);
        s.plan.why(rf + "/" + rg, amp.label() + " is a non-inverting stage: gain 1 + " + Values.ohms(g.rf().chosen())
                + " / " + Values.ohms(g.rg().chosen()) + " = " + Values.round(g.actual()) + " (asked for "
                + Values.round(gain) + "); the input sees the op-amp's high input impedance, so the sensor is not "
                + "loaded.", "non-inverting gain: G = 1 + Rf/Rg");

        // input: the sensor's analog output, or an input resistor where an unnamed sensor connects
        String inRef = ref + ":" + Session.pinRef(part, inPlus);
        if (sensor != null) {
            String inNet = sensor.label() + "_" + Session.netName(sensorOut.name());
            s.plan.connect(inNet, sensor.ref() + ":" + Session.pinRef(sensor.part(), sensorOut), inRef);
            s.plan.why(amp.label() + " input", sensor.label() + "'s " + sensorOut.name() + " drives " + amp.label()
                    + "'s non-inverting input " + inPlus.name() + " directly.", sensor.part().id() + ": "
                    + sensorOut.name() + " analog output");
        } else {
            String r = s.plan.nextRef("R");
            String inNet = amp.label() + "_IN";
            s.plan.component(r, ComponentKind.RESISTOR, "resistor", Values.text(INPUT_BIAS_OHMS, ""),
                    "input resistor of " + ref);
            s.plan.connect(inNet, inRef, r + ":1");
            s.plan.connect(Session.GND, r + ":2");
            s.plan.why(r, r + " (" + Values.ohms(INPUT_BIAS_OHMS) + ") holds " + inNet + " at 0 V when no sensor is "
                    + "connected and gives the input bias current a path to ground; connect the sensor's output to "
                    + inNet + " and its ground to GND.", part.id() + ": input bias current "
                    + Values.ma(part.model().parameter("ibias", 0)));
        }

        unusedUnits(part, ref);
        swing(part, rail);

        s.request(new PinSolver.Need(PinFunction.ADC, PinSolver.Direction.IN, false, false), amp.label() + " output",
                c -> {
                    s.plan.connect(outNet, s.boardPin(c));
                    s.plan.assign("analog " + amp.label() + " output", s.boardPin(c), ref + ":"
                            + Session.pinRef(part, out), c.reason());
                });
    }

    /** Each other unit of a dual or quad op-amp: output tied to its inverting input, non-inverting input on GND. */
    private void unusedUnits(Part part, String ref) {
        for (int n = 2; n <= 4; n++) {
            Optional<PartPin> o = unitPin(part, out, n);
            Optional<PartPin> minus = unitPin(part, inMinus, n);
            Optional<PartPin> plus = unitPin(part, inPlus, n);
            if (o.isEmpty() || minus.isEmpty() || plus.isEmpty()) {
                continue;
            }
            String net = amp.label() + "_UNIT" + n;
            s.plan.connect(net, ref + ":" + Session.pinRef(part, o.get()), ref + ":"
                    + Session.pinRef(part, minus.get()));
            s.plan.connect(Session.GND, ref + ":" + Session.pinRef(part, plus.get()));
            s.plan.why(amp.label() + " unit " + n, "The unused unit " + n + " is a follower of GND (" + o.get().name()
                    + " to " + minus.get().name() + ", " + plus.get().name() + " on GND): a floating unit can oscillate"
                    + " and draw extra current.", part.id() + ": unused amplifiers are configured as grounded followers");
        }
    }

    /** Unit {@code n}'s pin of the same role as unit 1's {@code first} ({@code 1OUT} → {@code 2OUT}). */
    private static Optional<PartPin> unitPin(Part part, PartPin first, int n) {
        if (!first.name().startsWith("1")) {
            return Optional.empty();
        }
        return part.pin(n + first.name().substring(1));
    }

    /** Checks the output swing from the model against the ADC's range and the range of input it can amplify. */
    private void swing(Part part, Rails.Rail rail) {
        double highDrop = part.model().parameter("voutHighDrop", 0);
        double lowDrop = part.model().parameter("voutLowDrop", 0);
        double top = rail.volts - highDrop;
        double adcMax = s.logicV;
        double g = OpAmpStages.nonInverting(gain).actual();
        s.plan.compute(new DesignPlan.Computation(amp.ref(), "output swing", "Vout = " + Values.round(lowDrop)
                + " V … Vsupply − " + Values.round(highDrop) + " V = " + Values.v(lowDrop) + " … " + Values.v(top),
                top, top, "", "inputs up to " + Values.v(top / g) + " amplify without clipping; ADC range 0–"
                + Values.v(adcMax)));
        String fact = part.id() + ": output swings " + Values.v(lowDrop) + " to V+ − " + Values.v(highDrop);
        if (top > adcMax + 0.05) {
            s.plan.note(amp.label() + "'s output can reach " + Values.v(top) + ", above the " + Values.v(adcMax)
                    + " ADC range: keep the input below " + Values.v(adcMax / g) + " or add a divider on the output");
        } else {
            s.plan.why(amp.label() + " output swing", amp.label() + "'s output stays between " + Values.v(lowDrop)
                    + " and " + Values.v(top) + ", inside the ADC's 0–" + Values.v(adcMax) + " range; inputs above "
                    + Values.v(top / g) + " clip at " + Values.v(top) + (highDrop > 0.3 ? " (not a rail-to-rail "
                    + "output: a rail-to-rail op-amp would use the full range)" : "") + ".", fact);
        }
        if (lowDrop > 0.05) {
            s.plan.note(amp.label() + "'s output cannot go below " + Values.v(lowDrop) + " on a single supply: "
                    + "readings near 0 V are lost");
        }
    }
}
