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

    /** A frequency the question names (for AC questions), if any. */
    default OptionalDouble frequency() {
        return this instanceof Gain g ? OptionalDouble.of(g.hertz()) : OptionalDouble.empty();
    }
}
