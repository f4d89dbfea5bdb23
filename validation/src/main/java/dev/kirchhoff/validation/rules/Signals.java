package dev.kirchhoff.validation.rules;

import dev.kirchhoff.knowledge.Form;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.knowledge.PinFlag;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;
import dev.kirchhoff.validation.CircuitFacts;

/**
 * Digital pins and the levels nets sit at: which pin drives a net (a GPIO or a timer output), a pin's logic level,
 * and {@link Level}, the voltage range a rail or a driven net can take. Rules look for drivers only on small nets
 * ({@link #SCAN_LIMIT} pins or fewer), so walking a ground or bus net with a million pins never happens per device.
 * Stateless.
 */
final class Signals {

    /** Nets with more pins than this are buses or rails; per-device rules do not walk them. */
    static final int SCAN_LIMIT = 64;

    private Signals() {
    }

    /**
     * The voltage range of a net: a rail or ground holds one voltage; a net driven by a digital output is at 0 V or
     * at the output's level.
     *
     * @param net the net
     * @param low the lowest voltage it takes
     * @param high the highest voltage it takes
     * @param driver the digital output driving it, or {@code null} for a rail
     */
    record Level(int net, double low, double high, CircuitFacts.PinAt driver) {

        boolean rail() {
            return driver == null;
        }

        /** {@code GND}, {@code 5V (5 V)}, {@code uno:D13 (5 V GPIO)}. */
        String describe(CircuitFacts f) {
            if (driver != null) {
                return f.label(driver.component(), driver.pin()) + " (" + Quantities.volts(high) + " output)";
            }
            return low == 0 ? f.netName(net) : f.netName(net) + " (" + Quantities.volts(low) + ")";
        }
    }

    /** The level of {@code net}: its rail voltage, else the range of the output driving it; {@code null} if unknown. */
    static Level level(CircuitFacts f, int net) {
        if (net < 0) {
            return null;
        }
        Double v = f.voltage(net);
        if (v != null) {
            return new Level(net, v, v, null);
        }
        CircuitFacts.PinAt d = driver(f, net);
        return d == null ? null : new Level(net, 0, level(f, d.component(), d.pin()), d);
    }

    /** The first pin on a small {@code net} that drives it as a digital output, or {@code null}. */
    static CircuitFacts.PinAt driver(CircuitFacts f, int net) {
        if (net < 0 || f.netSize(net) > SCAN_LIMIT) {
            return null;
        }
        for (int k = 0; k < f.netSize(net); k++) {
            int i = f.netComponent(net, k);
            int p = f.netPin(net, k);
            if (drives(f, i, p)) {
                return new CircuitFacts.PinAt(i, p);
            }
        }
        return null;
    }

    /**
     * The digital output driving small {@code net} directly or through one series resistor (a gate or base
     * resistor), or {@code null}.
     */
    static CircuitFacts.PinAt driverNear(CircuitFacts f, int net) {
        CircuitFacts.PinAt direct = driver(f, net);
        if (direct != null || net < 0 || f.netSize(net) > SCAN_LIMIT) {
            return direct;
        }
        for (int k = 0; k < f.netSize(net); k++) {
            int r = f.netComponent(net, k);
            if (Devices.role(f, r) == Devices.Role.RESISTOR) {
                int far = f.net(r, 1 - f.netPin(net, k));
                CircuitFacts.PinAt d = far < 0 || far == net ? null : driver(f, far);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    /**
     * Whether a pin is a digital output of a part with data: an output, bidirectional or tri-state pin that can be a
     * GPIO or PWM output, is not input-only, and has a known level.
     */
    static boolean drives(CircuitFacts f, int i, int p) {
        PartPin pp = f.partPin(i, p);
        if (pp == null || !f.binding(i).curated() || pp.has(PinFlag.INPUT_ONLY)) {
            return false;
        }
        PinType t = pp.type();
        if (t != PinType.OUTPUT && t != PinType.BIDIRECTIONAL && t != PinType.TRI_STATE) {
            return false;
        }
        return (pp.can(PinFunction.GPIO) || pp.can(PinFunction.PWM)) && level(f, i, p) > 0;
    }

    /** Whether a pin is a digital input of a part with data (input or bidirectional, GPIO-capable). */
    static boolean reads(CircuitFacts f, int i, int p) {
        PartPin pp = f.partPin(i, p);
        if (pp == null || !f.binding(i).curated()) {
            return false;
        }
        return (pp.type() == PinType.INPUT || pp.type() == PinType.BIDIRECTIONAL) && pp.can(PinFunction.GPIO);
    }

    /**
     * The logic level of a pin: its own voltage, else its part's logic level; 0 when neither is known. A chip or
     * module without its own regulator runs its I/O at its supply, so when that supply is known and lower (a DS18B20
     * or a soil sensor fed from 3V3) the supply is the level.
     */
    static double level(CircuitFacts f, int i, int p) {
        PartPin pp = f.partPin(i, p);
        Part part = f.part(i);
        double nominal = 0;
        if (pp != null && pp.voltage() != null && pp.voltage() > 0) {
            nominal = pp.voltage();
        } else if (part != null && part.logic() != null && part.logic().level() != null) {
            nominal = part.logic().level();
        }
        if (nominal == 0 || part == null || part.form() == Form.BOARD
                || part.onboard() != null && part.onboard().regulator() != null) {
            return nominal;
        }
        double supply = supply(f, i);
        return supply > 0 && supply < nominal - 0.1 ? supply : nominal;
    }

    /** The highest known voltage on a supply (power-input, non-ground) pin of component {@code i}; 0 if none. */
    private static double supply(CircuitFacts f, int i) {
        double best = 0;
        int pins = f.component(i).pins().size();
        for (int q = 0; q < pins; q++) {
            PartPin pp = f.partPin(i, q);
            int net = f.net(i, q);
            if (pp == null || net < 0 || pp.type() != PinType.POWER_IN || pp.can(PinFunction.GROUND)) {
                continue;
            }
            Double v = f.voltage(net);
            if (v != null && v > best) {
                best = v;
            }
        }
        return best;
    }

    /** The most current a pin may source or sink, or {@code null} when the part does not say. */
    static Double maxCurrent(CircuitFacts f, CircuitFacts.PinAt at) {
        PartPin pp = f.partPin(at.component(), at.pin());
        return pp == null ? null : pp.maxCurrent();
    }
}
