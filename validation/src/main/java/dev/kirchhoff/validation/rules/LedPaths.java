package dev.kirchhoff.validation.rules;

import dev.kirchhoff.validation.CircuitFacts;
import java.util.Arrays;

/**
 * The path current takes through an LED: from each terminal, either straight onto a net with a known level (a rail,
 * ground or a GPIO) or through one series resistor onto such a net. LEDs in series, behind transistors or sharing a
 * resistor have no simple path and are left alone. Stateless; computed on demand per LED.
 */
final class LedPaths {

    /** Forward voltage used when the LED's part does not give {@code vf}. */
    static final double DEFAULT_VF = 2.0;
    /** Current rating used when the LED's part does not give {@code ifMax}. */
    static final double DEFAULT_IF_MAX = 0.020;

    private LedPaths() {
    }

    /**
     * One end of the path.
     *
     * @param pin the LED's pin at this end
     * @param level the net with a known level the end reaches
     * @param resistor the series resistor on the way, or -1 when the LED pin sits on that net directly
     */
    record End(int pin, Signals.Level level, int resistor) {
    }

    /**
     * An LED's path.
     *
     * @param led the LED component
     * @param anode the anode end, or {@code null} when it leads nowhere simple
     * @param cathode the cathode end, or {@code null}
     */
    record Path(int led, End anode, End cathode) {

        boolean complete() {
            return anode != null && cathode != null;
        }

        /** Whether no resistor sits on either side. */
        boolean bare() {
            return complete() && anode.resistor < 0 && cathode.resistor < 0;
        }

        /** The series resistance in ohms; {@code null} when there is none or a resistor has no value. */
        Double ohms(CircuitFacts f) {
            double sum = 0;
            for (End e : new End[] {anode, cathode}) {
                if (e.resistor >= 0) {
                    Double r = f.value(e.resistor);
                    if (r == null || !(r > 0)) {
                        return null;
                    }
                    sum += r;
                }
            }
            return sum > 0 ? sum : null;
        }

        /** The most voltage the path ever puts across LED plus resistor (anode side high, cathode side low). */
        double drive() {
            return anode.level.high() - cathode.level.low();
        }

        /** The LED's forward voltage from its part, else {@link #DEFAULT_VF}. */
        double vf(CircuitFacts f) {
            Double vf = Devices.parameter(f, led, "vf");
            return vf != null && vf > 0 ? vf : DEFAULT_VF;
        }

        /** The steady current at the highest drive, or {@code null} when there is no resistance to compute it. */
        Double current(CircuitFacts f) {
            Double r = ohms(f);
            if (r == null) {
                return null;
            }
            return (drive() - vf(f)) / r;
        }

        /** {@code R1 = 220 Ω} (or both resistors) for messages. */
        String resistors(CircuitFacts f) {
            StringBuilder sb = new StringBuilder();
            for (End e : new End[] {anode, cathode}) {
                if (e.resistor >= 0) {
                    if (sb.length() > 0) {
                        sb.append(" + ");
                    }
                    Double r = f.value(e.resistor);
                    sb.append(f.ref(e.resistor)).append(" = ").append(r == null ? "?" : Quantities.ohms(r));
                }
            }
            return sb.toString();
        }
    }

    /**
     * The paths of all LEDs in a circuit, found once and kept as numbers rather than objects (56 bytes per LED), since
     * four rules read them. Immutable.
     */
    static final class Table {
        private static final int INTS = 10;
        private final int[] leds;
        /** Per LED: anode pin, cathode pin, then for each end: level net (-1: none), resistor, driver, driver pin. */
        private final int[] ints;
        /** Per LED: the high level of the anode end and of the cathode end. */
        private final double[] highs;

        private Table(CircuitFacts f, int[] leds) {
            this.leds = leds;
            ints = new int[leds.length * INTS];
            highs = new double[leds.length * 2];
            Arrays.fill(ints, -1);
            for (int k = 0; k < leds.length; k++) {
                Path p = of(f, leds[k]);
                if (p != null) {
                    ints[k * INTS] = p.anode == null ? -1 : p.anode.pin;
                    ints[k * INTS + 1] = p.cathode == null ? -1 : p.cathode.pin;
                    keep(k, 0, p.anode);
                    keep(k, 1, p.cathode);
                }
            }
        }

        private void keep(int k, int side, End e) {
            if (e == null) {
                return;
            }
            int at = k * INTS + 2 + side * 4;
            ints[at] = e.level.net();
            ints[at + 1] = e.resistor;
            ints[at + 2] = e.level.driver() == null ? -1 : e.level.driver().component();
            ints[at + 3] = e.level.driver() == null ? -1 : e.level.driver().pin();
            highs[k * 2 + side] = e.level.high();
        }

        /** The number of LEDs. */
        int size() {
            return leds.length;
        }

        /** The path of the {@code k}-th LED, or {@code null} when its pins are missing. */
        Path path(int k) {
            int a = ints[k * INTS];
            int c = ints[k * INTS + 1];
            if (a < 0 && c < 0) {
                return null;
            }
            return new Path(leds[k], end(k, 0, a), end(k, 1, c));
        }

        private End end(int k, int side, int pin) {
            int at = k * INTS + 2 + side * 4;
            if (ints[at] < 0) {
                return null;
            }
            double high = highs[k * 2 + side];
            boolean driven = ints[at + 2] >= 0;
            Signals.Level level = new Signals.Level(ints[at], driven ? 0 : high, high,
                    driven ? new CircuitFacts.PinAt(ints[at + 2], ints[at + 3]) : null);
            return new End(pin, level, ints[at + 1]);
        }
    }

    /** The LED paths of {@code f}, found on first use. */
    static Table table(CircuitFacts f) {
        return f.memo("power-part-rules.led-paths", () -> new Table(f, Devices.index(f).of(Devices.Role.LED)));
    }

    /** The path of component {@code led} (an LED by {@link Devices#role}); {@code null} when its pins are missing. */
    private static Path of(CircuitFacts f, int led) {
        int a = Devices.terminal(f, led, "A");
        int k = Devices.terminal(f, led, "K");
        if (a < 0 || k < 0 || f.net(led, a) < 0 || f.net(led, k) < 0 || f.net(led, a) == f.net(led, k)) {
            return null;
        }
        return new Path(led, end(f, led, a), end(f, led, k));
    }

    private static End end(CircuitFacts f, int led, int pin) {
        int net = f.net(led, pin);
        Signals.Level direct = Signals.level(f, net);
        if (direct != null) {
            return new End(pin, direct, -1);
        }
        if (f.netSize(net) != 2) {
            return null;
        }
        int k = f.netComponent(net, 0) == led && f.netPin(net, 0) == pin ? 1 : 0;
        int r = f.netComponent(net, k);
        if (r == led || Devices.role(f, r) != Devices.Role.RESISTOR) {
            return null;
        }
        int far = f.net(r, 1 - f.netPin(net, k));
        Signals.Level level = far == net ? null : Signals.level(f, far);
        return level == null ? null : new End(pin, level, r);
    }
}
