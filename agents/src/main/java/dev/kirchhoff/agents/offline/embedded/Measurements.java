package dev.kirchhoff.agents.offline.embedded;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.DesignValue;
import dev.kirchhoff.agents.Quantity;
import dev.kirchhoff.agents.RecipeKind;
import dev.kirchhoff.agents.recipes.ESeries;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.PinFunction;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Passive front ends between the board and the world: a divider that scales a measured voltage (a battery, a 0-25 V
 * input) into an ADC pin, and an RC low-pass that turns a PWM pin into a DC level. Works on one {@link Session}; not
 * thread-safe.
 */
final class Measurements {

    private final Session s;

    Measurements(Session s) {
        this.s = s;
    }

    /**
     * A divider into an ADC pin when the prompt asks to measure a voltage (a battery, a 0-25 V input): the ratio
     * keeps the highest input below the ADC's full scale.
     */
    void measure() {
        boolean asked = s.req.recipe() == dev.kirchhoff.agents.RecipeKind.VOLTAGE_DIVIDER
                || Pattern.compile("(?i)(monitor|measur|voltmeter|read)\\w*[^.]*\\b(voltage|battery)|voltmeter")
                .matcher(s.req.prompt()).find();
        if (!asked) {
            return;
        }
        Rails.Rail cell = s.rails.net("VBAT").or(() -> s.rails.net("VSYS")).orElse(null);
        double vin = s.req.values().stream().filter(v -> v.quantity() == Quantity.INPUT_VOLTAGE
                        || v.quantity() == Quantity.OUTPUT_VOLTAGE).mapToDouble(v -> Math.abs(v.value())).max()
                .orElse(cell != null ? 4.2 : 0);
        if (cell != null && vin < 4.2) {
            vin = 4.2;
        }
        if (vin <= 0) {
            return;
        }
        String source = cell != null ? cell.net : "VIN";
        double full = 0.95 * s.logicV;
        if (vin <= full) {
            s.plan.note(Values.v(vin) + " is within the ADC's range: measure it directly on an analog pin");
            return;
        }
        double bottom = cell != null ? 100_000 : 10_000;
        double exactTop = bottom * (vin / full - 1);
        double top = dev.kirchhoff.agents.recipes.ESeries.E12.atLeast(exactTop);
        double ratio = bottom / (top + bottom);
        String rt = s.plan.nextRef("R");
        String rb = s.plan.nextRef("R");
        s.plan.component(rt, ComponentKind.RESISTOR, "resistor", Values.text(top, ""), "divider top for "
                + source);
        s.plan.component(rb, ComponentKind.RESISTOR, "resistor", Values.text(bottom, ""), "divider bottom for "
                + source);
        String net = source + "_SENSE";
        s.plan.connect(source, rt + ":1");
        s.plan.connect(Session.GND, rb + ":2");
        double vinF = vin;
        s.request(new PinSolver.Need(PinFunction.ADC, PinSolver.Direction.IN, false, false), "voltage measurement",
                c -> {
                    s.plan.connect(net, rt + ":2", rb + ":1", s.boardPin(c));
                    s.plan.assign("measured voltage", s.boardPin(c), rt + ":2", c.reason());
                });
        s.resolvePending();
        s.plan.compute(new DesignPlan.Computation(rt, "resistance", "R1 = R2 × (Vin,max / Vadc − 1) = "
                + Values.ohms(bottom) + " × (" + Values.v(vin) + " / " + Values.v(full) + " − 1)", Values.round(exactTop), top, "E12",
                String.format(Locale.ROOT, "ratio %.3f: %s reads %s", ratio, Values.v(vinF),
                        Values.v(vinF * ratio))));
        s.plan.why(rt + "/" + rb, "The divider " + Values.ohms(top) + " over " + Values.ohms(bottom) + " scales "
                + source + " (up to " + Values.v(vin) + ") by " + String.format(Locale.ROOT, "%.3f", ratio) + " into the "
                + "ADC, below its " + Values.v(s.logicV) + " full scale" + (cell != null ? "; 100 kΩ values draw only "
                + Values.ma(vin / (top + bottom)) + " from the cell" : "") + ".", s.board.id() + ": ADC full scale "
                + Values.v(s.logicV));
        if (cell == null) {
            s.plan.note("VIN is the input terminal for the voltage to measure (0–" + Values.v(vin) + "); join its ground "
                    + "to GND");
        }
    }

    /** An RC low-pass on a PWM pin when the prompt gives a cut-off with a s.board: R 10 kΩ, C from the cut-off. */
    void filter() {
        Optional<dev.kirchhoff.agents.DesignValue> fc = s.req.value(Quantity.CUTOFF);
        boolean asked = s.req.recipe() == dev.kirchhoff.agents.RecipeKind.RC_LOW_PASS
                || s.req.recipe() == null && fc.isPresent();
        if (!asked || fc.isEmpty()) {
            return;
        }
        double f = fc.get().value();
        double r = 10_000;
        double exact = 1 / (2 * Math.PI * r * f);
        double c = dev.kirchhoff.agents.recipes.ESeries.E12.nearest(exact);
        String rr = s.plan.nextRef("R");
        String cc = s.plan.nextRef("C");
        s.plan.component(rr, ComponentKind.RESISTOR, "resistor", "10k", "RC low-pass resistor");
        s.plan.component(cc, ComponentKind.CAPACITOR, "capacitor-ceramic", Values.text(c, ""), "RC low-pass capacitor");
        s.plan.connect("FILTERED", rr + ":2", cc + ":1");
        s.plan.connect(Session.GND, cc + ":2");
        s.request(new PinSolver.Need(PinFunction.PWM, PinSolver.Direction.OUT, false, false), "PWM to filter", ch -> {
            s.plan.connect("PWM_OUT", s.boardPin(ch), rr + ":1");
            s.plan.assign("PWM into the RC filter", s.boardPin(ch), rr + ":1", ch.reason());
        });
        s.resolvePending();
        double actual = 1 / (2 * Math.PI * r * c);
        s.plan.compute(new DesignPlan.Computation(cc, "capacitance", "C = 1 / (2π × 10 kΩ × " + Session.trim(f) + " Hz)",
                Values.round(exact), c, "E12", String.format(Locale.ROOT, "cut-off %.2f Hz", actual)));
        s.plan.why(rr + "/" + cc, "An RC low-pass (10 kΩ, " + Values.text(c, "F") + ") averages the PWM into a DC level "
                + "on FILTERED; its cut-off " + String.format(Locale.ROOT, "%.2f Hz", actual) + " is far below the "
                + "PWM frequency, so the ripple is small. Load FILTERED only with a high impedance (an op-amp buffer).");
    }
}
