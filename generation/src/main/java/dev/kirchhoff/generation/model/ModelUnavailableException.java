package dev.kirchhoff.generation.model;

/** Thrown when the topology model file is missing or cannot be loaded; the message says how to rebuild it. */
public class ModelUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How to rebuild the model, for messages. */
    public static final String REBUILD = "run /usr/bin/python3 training/train.py (see training/README.md) to "
            + "rebuild generation/src/main/resources/dev/kirchhoff/generation/topology.onnx";

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
