package dev.kirchhoff.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kirchhoff.app.io.AtomicOutput;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.validation.simulation.SimulationResult;
import dev.kirchhoff.validation.simulation.SpiceDeck;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kirchhoff simulate}: validation plus an ngspice operating point and the checks drawn from it. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Validate a circuit, export it as an ngspice deck, run 'ngspice -b' at the operating point,",
                "and check LED and GPIO currents, rail voltages, resistor power and convergence (ngspice exits 0",
                "on a floating node; Kirchhoff reads its warnings). Prints the findings and the node voltages."},
        footer = {"", "Exit codes: 0 no errors, 1 errors found, 2 bad input or ngspice missing or hung.", "",
                "Examples:",
                "  kirchhoff simulate board.json",
                "  kirchhoff simulate led.cir --json --deck led-op.cir"})
final class SimulateCommand implements Callable<Integer> {

    @ParentCommand
    KirchhoffCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Circuit to simulate, or - for standard input.")
    String input;

    @Option(names = "--from", paramLabel = "FORMAT", description = "Input format (default: detected).")
    String from;

    @Option(names = "--json", description = "Print the report and the operating point as JSON.")
    boolean json;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH", description = "Write the report here.")
    String output;

    @Option(names = "--deck", paramLabel = "PATH", description = "Also keep the deck that was simulated here.")
    String deckPath;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Stop ngspice after this many seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws IOException, ParseException {
        if (timeoutSeconds <= 0) {
            throw new UserError("--timeout must be a positive number of seconds, not " + timeoutSeconds);
        }
        ValidateCommand.Loaded loaded = ValidateCommand.load(parent, input, from);
        SimulationResult result = Simulation.run(loaded.input(), loaded.validator(), loaded.source().name(),
                Duration.ofSeconds(timeoutSeconds));
        if (deckPath != null) {
            Path p = Path.of(deckPath);
            if (Files.isDirectory(p)) {
                throw new UserError("cannot write the deck to " + deckPath + ": it is a directory");
            }
            AtomicOutput.write(p, w -> w.write(result.deck().text()));
        }
        String text;
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = (ObjectNode) mapper.readTree(result.report().json());
            ObjectNode op = root.putObject("operatingPoint");
            op.put("converged", result.operatingPoint().converged());
            ObjectNode values = op.putObject("values");
            result.operatingPoint().values().forEach(values::put);
            result.operatingPoint().problems().forEach(op.putArray("problems")::add);
            text = mapper.writeValueAsString(root) + "\n";
        } else {
            StringBuilder sb = new StringBuilder(result.report().text());
            sb.append("operating point (ngspice, ").append(result.operatingPoint().converged() ? "converged"
                    : "did not converge").append("):\n");
            for (Map.Entry<String, String> e : result.deck().nodes().entrySet()) {
                Double v = result.operatingPoint().voltage(e.getKey());
                if (v != null) {
                    sb.append(String.format(Locale.ROOT, "  %-16s %10.4f V%n", e.getKey(), v));
                }
            }
            for (SpiceDeck.LedProbe led : result.deck().leds()) {
                Double amps = result.operatingPoint().value(led.vector());
                if (amps != null) {
                    sb.append(String.format(Locale.ROOT, "  LED %-12s %10.2f mA (rating %.0f mA, %s)%n", led.ref(),
                            amps * 1e3, led.rating() * 1e3, led.ratingSource()));
                }
            }
            for (SpiceDeck.DrivenOutput o : result.deck().outputs()) {
                Double amps = result.operatingPoint().value(o.vector());
                if (amps != null) {
                    String pin = loaded.input().circuit().component(o.ref())
                            .map(c -> c.pins().get(o.pin()).label()).orElse(String.valueOf(o.pin()));
                    sb.append(String.format(Locale.ROOT, "  pin %-12s %10.2f mA (driven %s)%n", o.ref() + ":" + pin,
                            Math.abs(amps) * 1e3, o.high() ? "high" : "low"));
                }
            }
            text = sb.toString();
        }
        if (output == null || output.equals("-")) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        } else {
            AtomicOutput.write(Path.of(output), w -> w.write(text));
        }
        return result.report().passed() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
