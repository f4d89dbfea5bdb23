package dev.kirchhoff.agents.suite;

import dev.kirchhoff.schematic.model.PinFunction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a net must carry: a board pin with a function (optionally the board's default pin for it), a board pin by
 * name, another selected pin, ground, or a voltage: the net's rail voltage as the validator infers it, or when it
 * has none the output level of a board pin on it (an Uno pin is a 5 V pin). Every condition given must hold.
 * Immutable.
 *
 * @param boardFunction a board pin on the net can do this ({@code I2C_SDA}, {@code PWM}, {@code ADC}), or null
 * @param asDefault     and that board pin is the board's default pin for the function
 * @param boardPin      a board pin answering to this name ({@code 5V}, {@code D13}) is on the net, or null
 * @param pin           a pin of another selected component is on the net, or null
 * @param ground        the net is ground (true), or null for no condition
 * @param minVolts      the net's rail voltage is at least this, or null
 * @param maxVolts      the net's rail voltage is at most this, or null
 */
public record NetTarget(PinFunction boardFunction, boolean asDefault, String boardPin, PinSelector pin, Boolean ground,
                        Double minVolts, Double maxVolts) {

    /** Voltages within 5 % or 0.1 V of the target count as equal. */
    static double tolerance(double volts) {
        return Math.max(0.1, Math.abs(volts) * 0.05);
    }

    /** A target of exactly {@code volts} (within tolerance). */
    public static NetTarget volts(double volts) {
        double t = tolerance(volts);
        return new NetTarget(null, false, null, null, null, volts - t, volts + t);
    }

    public static NetTarget onGround() {
        return new NetTarget(null, false, null, null, true, null, null);
    }

    public static NetTarget pin(PinSelector pin) {
        return new NetTarget(null, false, null, pin, null, null, null);
    }

    public static NetTarget boardFunction(PinFunction f, boolean asDefault) {
        return new NetTarget(f, asDefault, null, null, null, null, null);
    }

    /** Whether no condition at all is given. */
    public boolean isEmpty() {
        return boardFunction == null && boardPin == null && pin == null && ground == null && minVolts == null
                && maxVolts == null;
    }

    /**
     * Checks net {@code net} of {@code v}.
     *
     * @param exclude    a component whose pins do not count when looking for {@link #pin} (the one being checked)
     * @param excludePin the one pin of {@code exclude} that does not count, or -1 for all its pins (so a 555's RESET
     *                   may be checked against its own VCC)
     * @return null when the net satisfies every condition, else why not
     */
    public String check(CircuitView v, int net, int exclude, int excludePin) {
        if (net < 0) {
            return "the pin is unconnected";
        }
        List<String> why = new ArrayList<>();
        if (boardFunction != null && !v.hasBoardPin(net, boardFunction, asDefault)) {
            List<String> board = v.boardPins(net);
            why.add("net " + v.netName(net) + " has no board pin" + (asDefault ? " that is the default for " : " with ")
                    + boardFunction + (board.isEmpty() ? "" : " (board pins there: " + String.join(", ", board) + ")"));
        }
        if (boardPin != null && !v.hasBoardPinNamed(net, boardPin)) {
            why.add("net " + v.netName(net) + " does not carry the board's " + boardPin + " pin");
        }
        if (pin != null) {
            boolean found = false;
            for (PinSelector.Hit h : pin.find(v)) {
                for (int p : h.pins()) {
                    if (h.component() == exclude && (excludePin < 0 || excludePin == p)) {
                        continue;
                    }
                    if (v.net(h.component(), p) == net) {
                        found = true;
                    }
                }
            }
            if (!found) {
                why.add("net " + v.netName(net) + " does not carry " + pin);
            }
        }
        if (Boolean.TRUE.equals(ground) && !v.isGround(net)) {
            why.add("net " + v.netName(net) + " is not ground");
        }
        if (Boolean.FALSE.equals(ground) && v.isGround(net)) {
            why.add("net " + v.netName(net) + " is ground");
        }
        if (minVolts != null || maxVolts != null) {
            // a rail's voltage, or the output level of a board pin that drives the net (a 5 V Uno pin)
            Double volts = Measure.drive(v, net);
            if (volts == null) {
                why.add("net " + v.netName(net) + " has no known rail voltage and no board pin driving it");
            } else if (minVolts != null && volts < minVolts || maxVolts != null && volts > maxVolts) {
                why.add("net " + v.netName(net) + " is at " + fmt(volts) + " V, not " + voltsText());
            }
        }
        return why.isEmpty() ? null : String.join("; ", why);
    }

    private String voltsText() {
        if (minVolts != null && maxVolts != null) {
            double mid = (minVolts + maxVolts) / 2;
            if (Math.abs((maxVolts - minVolts) / 2 - tolerance(mid)) < 1e-9) {
                return fmt(mid) + " V";
            }
            return fmt(minVolts) + "–" + fmt(maxVolts) + " V";
        }
        return minVolts != null ? "≥ " + fmt(minVolts) + " V" : "≤ " + fmt(maxVolts) + " V";
    }

    static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e9) {
            return String.valueOf((long) d);
        }
        return String.format(Locale.ROOT, "%.4g", d).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (boardFunction != null) {
            parts.add("board " + (asDefault ? "default " : "") + boardFunction);
        }
        if (boardPin != null) {
            parts.add("board pin " + boardPin);
        }
        if (pin != null) {
            parts.add(pin.toString());
        }
        if (ground != null) {
            parts.add(ground ? "ground" : "not ground");
        }
        if (minVolts != null || maxVolts != null) {
            parts.add(voltsText());
        }
        return String.join(" and ", parts);
    }
}
