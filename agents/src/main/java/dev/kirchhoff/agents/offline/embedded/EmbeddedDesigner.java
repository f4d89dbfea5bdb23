package dev.kirchhoff.agents.offline.embedded;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.DesignReasoner;
import dev.kirchhoff.agents.Feedback;
import dev.kirchhoff.agents.Pinouts;
import dev.kirchhoff.agents.Requirements;
import dev.kirchhoff.knowledge.KnowledgeBase;

import java.util.Objects;

/**
 * The offline reasoner for a board with modules, loads and inputs: plans the rails (USB, Li-ion cell with charger,
 * adapter, converters), assigns board pins from the pin data (default buses, capabilities, flags), adds supporting
 * parts with computed values (LED resistors, pull-ups, dividers, MOSFET or BJT drivers with flyback diodes,
 * decoupling, an I2C multiplexer, a non-inverting op-amp stage from a sensor into an ADC pin when a gain is asked for,
 * a 5 V buffer with TTL-level inputs for addressable LEDs on a 3.3 V board) and explains each decision. On a repair round it re-plans with the validator's
 * findings (pins to move, pull-ups or dividers to add). Deterministic and thread-safe: each call works on its own
 * session.
 *
 * <pre>{@code
 * DesignPlan plan = new EmbeddedDesigner(KnowledgeBase.bundled()).reason(requirements, pinouts, Feedback.none());
 * }</pre>
 */
public final class EmbeddedDesigner implements DesignReasoner {

    private final KnowledgeBase kb;

    public EmbeddedDesigner(KnowledgeBase kb) {
        this.kb = Objects.requireNonNull(kb, "The parameter 'kb' must not be null.");
    }

    @Override
    public DesignPlan reason(Requirements requirements, Pinouts pinouts, Feedback feedback) {
        Objects.requireNonNull(requirements, "The parameter 'requirements' must not be null.");
        Objects.requireNonNull(pinouts, "The parameter 'pinouts' must not be null.");
        return new Session(kb, requirements, pinouts, feedback == null ? Feedback.none() : feedback).run();
    }
}
