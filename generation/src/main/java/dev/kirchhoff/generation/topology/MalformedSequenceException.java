package dev.kirchhoff.generation.topology;

/** Thrown when a token sequence breaks the walk syntax of {@link WalkState}; the message says where. */
public class MalformedSequenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedSequenceException(String message) {
        super(message);
    }
}
