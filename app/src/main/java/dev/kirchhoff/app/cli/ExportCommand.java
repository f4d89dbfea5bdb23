package dev.kirchhoff.app.cli;

import dev.kirchhoff.app.io.AtomicOutput;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.validation.simulation.ExportRefusedException;
import dev.kirchhoff.validation.simulation.SpiceDeck;
import dev.kirchhoff.validation.simulation.SpiceExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kirchhoff export}: a validated circuit as a SPICE deck that simulates, with the parts' models. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a circuit as an ngspice deck that simulates: knowledge-base parts become subcircuits "
                + "(their SPICE models, or loads, driven outputs and regulators built from their data), and an "
                + "operating-point analysis prints every node voltage and source current.",
                "A circuit with validation errors is refused and the errors are printed, unless --force.",
                "For a plain change of netlist format use 'kirchhoff convert'."},
        footer = {"", "Exit codes: 0 written, 1 refused (validation errors), 2 bad input.", "", "Examples:",
                "  kirchhoff export board.json --to spice -o board.cir",
                "  kirchhoff export diagram.json --to spice --force"})
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    KirchhoffCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Circuit to export, or - for standard input.")
    String input;

    @Option(names = "--from", paramLabel = "FORMAT", description = "Input format (default: detected).")
    String from;

    @Option(names = "--to", paramLabel = "FORMAT", required = true, description = "Target: spice (an ngspice deck).")
    String to;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Where to write; - or absent for "
            + "standard output.")
    String output;

    @Option(names = "--force", description = "Export even when validation finds errors.")
    boolean force;

    @Override
    public Integer call() throws IOException, ParseException {
        String target = to.toLowerCase(Locale.ROOT);
        if (!target.equals("spice") && !target.equals("ngspice")) {
            throw new UserError("export writes a simulatable SPICE deck (--to spice); to change a netlist's format "
                    + "use 'kirchhoff convert " + input + " --to " + to + "'");
        }
        Path outPath = output == null || output.equals("-") ? null : Path.of(output);
        if (outPath != null && Files.isDirectory(outPath)) {
            throw new UserError("cannot write " + output + ": it is a directory; give a file name");
        }
        ValidateCommand.Loaded loaded = ValidateCommand.load(parent, input, from);
        PrintWriter err = spec.commandLine().getErr();
        SpiceDeck deck;
        try {
            deck = new SpiceExport(loaded.validator()).export(loaded.input().circuit(), loaded.source().name(),
                    loaded.input().defects(), force);
        } catch (ExportRefusedException e) {
            err.print(e.report().text());
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.FINDINGS;
        }
        if (outPath == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(deck.text());
            out.flush();
        } else {
            Path dir = outPath.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                throw new UserError("cannot write " + output + ": directory " + dir + " does not exist");
            }
            AtomicOutput.write(outPath, w -> w.write(deck.text()));
            err.println("exported " + loaded.source().name() + " to " + output + " (ngspice deck, "
                    + loaded.input().circuit().components().size() + " components)");
        }
        err.flush();
        return ExitCodes.OK;
    }
}
