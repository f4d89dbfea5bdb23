package dev.kirchhoff.eval.agent;

import java.util.OptionalDouble;

/** The quantity an analysis question asks for, as read from its text. Immutable. */
public sealed interface Asked {

    /** A transfer function: the output quantity over the input source, all other sources zeroed. */
    record Transfer(String input, String output) implements Asked {
    }

    /** The voltage of a node to ground. */
    record NodeVoltage(String node) implements Asked {
    }

    /** The voltage across an element (its first node minus its second). */
    record ElementVoltage(String element) implements Asked {
    }

    /** The current through an element, in the direction from its first node to its second. */
    record Current(String element) implements Asked {
    }

    /** The power an element dissipates. */
    record Power(String element) implements Asked {
    }

    /**
     * The small-signal gain from the input source to an output node or element at one frequency.
     *
     * @param decibels whether the question asks for it in dB
     */
    record Gain(String input, String output, double hertz, boolean decibels) implements Asked {
    }

    /**
     * A quantity the netlist itself measures, by name: CircuitSense writes {@code print v(3) ; measurement of U0}
     * in the control block, and the question asks for {@code U0}.
     *
     * @param expression the ngspice expression printed ({@code v(3)}, {@code i(VI1)})
     * @param name       the measured quantity's name in the question
     */
    record Measured(String expression, String name) implements Asked {
        /** The unit of the expression: V for a voltage, A for a current, else none. */
        public String unit() {
            String e = expression.strip().toLowerCase(java.util.Locale.ROOT);
            return e.startsWith("v(") ? "V" : e.startsWith("i(") || e.contains("#branch") ? "A" : "";
        }
    }

    /** A frequency the question names (for AC questions), if any. */
    default OptionalDouble frequency() {
        return this instanceof Gain g ? OptionalDouble.of(g.hertz()) : OptionalDouble.empty();
    }
}
