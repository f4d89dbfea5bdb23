package dev.kirchhoff.app.cli;

import dev.kirchhoff.schematic.format.ParseException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import picocli.CommandLine;

/** The {@code kirchhoff} entry point: runs a command and turns every failure into a message and an exit code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(System.in, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs {@code args} with the given streams; returns the exit code. Used by {@link #main} and tests. */
    public static int run(InputStream in, PrintWriter out, PrintWriter err, String... args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cli = new CommandLine(new KirchhoffCommand(in));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Throwable cause = e;
            PrintWriter w = commandLine.getErr();
            if (cause instanceof ParseException pe) {
                w.println("error: " + pe.getMessage());
            } else if (cause instanceof UserError ue) {
                w.println("error: " + ue.getMessage());
            } else if (cause instanceof NoSuchFileException nf) {
                w.println("error: " + nf.getFile() + ": no such file or directory; check the path");
            } else if (cause instanceof java.io.IOException io) {
                w.println("error: " + io.getMessage());
            } else {
                w.println("internal error: " + cause + (debug ? "" : " (run again with --debug for details, "
                        + "and please report it)"));
                if (debug) {
                    cause.printStackTrace(w);
                }
                w.flush();
                return ExitCodes.INTERNAL;
            }
            if (debug) {
                cause.printStackTrace(w);
            }
            w.flush();
            return ExitCodes.BAD_INPUT;
        });
        cli.setParameterExceptionHandler((ex, args1) -> {
            CommandLine c = ex.getCommandLine();
            PrintWriter w = c.getErr();
            w.println("error: " + ex.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, w)) {
                w.println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            }
            w.flush();
            return ExitCodes.BAD_INPUT;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
