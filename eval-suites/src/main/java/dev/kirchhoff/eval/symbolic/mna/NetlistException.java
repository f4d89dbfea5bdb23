package dev.kirchhoff.eval.symbolic.mna;

/**
 * A netlist that symbolic analysis cannot read, with the line it is about. The message starts with
 * {@code line N:} and says what to do.
 */
public final class NetlistException extends IllegalArgumentException {

    private final int line;

    public NetlistException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    /** The 1-based netlist line the problem is on. */
    public int line() {
        return line;
    }
}
