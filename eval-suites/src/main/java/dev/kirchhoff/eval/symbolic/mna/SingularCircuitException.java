package dev.kirchhoff.eval.symbolic.mna;

import java.util.List;

/**
 * A circuit whose MNA equations have no unique solution (a floating node, a loop of voltage sources, a node fed only
 * by current sources, an op-amp without feedback). The message names the nodes or elements involved and what to do.
 */
public final class SingularCircuitException extends IllegalArgumentException {

    private final List<String> involved;

    public SingularCircuitException(String message, List<String> involved) {
        super(message);
        this.involved = List.copyOf(involved);
    }

    /** The nodes or elements the problem is about. */
    public List<String> involved() {
        return involved;
    }
}
