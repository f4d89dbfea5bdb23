package dev.kirchhoff.generation.topology;

/** Thrown when a circuit cannot be represented as a {@link Topology} or a token sequence; the message says why. */
public class UnsupportedTopologyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnsupportedTopologyException(String message) {
        super(message);
    }
}
