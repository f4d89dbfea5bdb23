package dev.kirchhoff.app.cli;

/** The exit codes of every command, as DESIGN.md fixes them. */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** The design or validation found errors (or a conversion failed its own verification). */
    public static final int FINDINGS = 1;
    /** Bad input or usage: the message says where and what to do. */
    public static final int BAD_INPUT = 2;
    /** A bug in Kirchhoff: run again with --debug and report the stack trace. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
