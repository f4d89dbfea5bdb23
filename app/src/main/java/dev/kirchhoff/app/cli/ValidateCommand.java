package dev.kirchhoff.app.cli;

import dev.kirchhoff.app.io.AtomicOutput;
import dev.kirchhoff.app.io.Inputs;
import dev.kirchhoff.schematic.format.NetlistFormat;
import dev.kirchhoff.schematic.format.NetlistFormats;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.schematic.format.Source;
import dev.kirchhoff.validation.ValidationInput;
import dev.kirchhoff.validation.ValidationReport;
import dev.kirchhoff.validation.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kirchhoff validate}: runs the electrical validity checker over a netlist of any format. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a circuit: parts and pins exist, pin types, rails and voltages, logic levels, buses,",
                "LED and GPIO currents, flyback diodes, analog topology. The rules are listed in docs/rules.md.",
                "Reads every format convert reads; knowledge-base parts are named by id, Wokwi type or KiCad symbol."},
        footer = {"", "Exit codes: 0 no errors, 1 errors found, 2 bad input.", "", "Examples:",
                "  kirchhoff validate board.json",
                "  kirchhoff validate diagram.json --json",
                "  kirchhoff validate amp.cir --simulate"})
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    KirchhoffCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Netlist to check, or - for standard input.")
    String input;

    @Option(names = "--from", paramLabel = "FORMAT", description = "Input format (default: detected).")
    String from;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--simulate", description = "Also run ngspice at the operating point and check currents, "
            + "rail voltages and resistor power.")
    boolean simulate;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH", description = "Write the report here instead of "
            + "standard output.")
    String output;

    @Override
    public Integer call() throws IOException, ParseException {
        Loaded loaded = load(parent, input, from);
        ValidationReport report = simulate
                ? Simulation.run(loaded.input(), loaded.validator(), loaded.source().name(), null).report()
                : loaded.validator().validate(loaded.input().circuit(), loaded.source().name(),
                        loaded.input().defects());
        print(spec, report, json, output);
        return report.passed() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** A netlist read for checking, with the validator to check it. */
    record Loaded(Source source, ValidationInput input, Validator validator) {
    }

    /** Reads {@code input} leniently as {@code from} (or the detected format). */
    static Loaded load(KirchhoffCommand parent, String input, String from) throws IOException, ParseException {
        NetlistFormat format = from == null ? null : NetlistFormats.named(from).orElseThrow(() -> new UserError(
                "unknown input format '" + from + "'; use one of " + NetlistFormats.names()));
        Source source = Inputs.read(input, parent.stdin());
        if (source.isBlank()) {
            throw new ParseException(source.name(), 0, 0, input.equals("-") ? "standard input is empty"
                    : "the file is empty", "give a netlist to check");
        }
        ValidationInput in = ValidationInput.read(source, format);
        return new Loaded(source, in, Validator.bundled());
    }

    /** Prints a report as text or JSON, to standard output or atomically to {@code output}. */
    static void print(CommandSpec spec, ValidationReport report, boolean json, String output) throws IOException {
        String text = json ? report.json() : report.text();
        if (output == null || output.equals("-")) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
            return;
        }
        Path path = Path.of(output);
        if (Files.isDirectory(path)) {
            throw new UserError("cannot write " + output + ": it is a directory; give a file name");
        }
        Path dir = path.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new UserError("cannot write " + output + ": directory " + dir + " does not exist");
        }
        AtomicOutput.write(path, w -> w.write(text));
    }
}
