package dev.kirchhoff.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kirchhoff.app.io.AtomicOutput;
import dev.kirchhoff.app.io.Inputs;
import dev.kirchhoff.schematic.format.NetlistFormat;
import dev.kirchhoff.schematic.format.NetlistFormats;
import dev.kirchhoff.schematic.format.Notice;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.schematic.format.Source;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Connectivity;
import dev.kirchhoff.schematic.transform.Conversion;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kirchhoff convert}: reads a netlist in one format and writes it in another. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert a netlist between formats, keeping every connection and value.",
                "Formats: ngspice, ltspice, hspice, xyce, pspice, spectre, kicad, circuit-json, wokwi, json.",
                "The input format is detected from the file when --from is not given; the output format comes "
                        + "from --to or from the extension of -o."},
        footer = {"", "Examples:",
                "  kirchhoff convert amp.scs --to ngspice -o amp.cir",
                "  kirchhoff convert board.net --to wokwi -o diagram.json",
                "  cat deck.cir | kirchhoff convert - --to spectre"})
final class ConvertCommand implements Callable<Integer> {

    @ParentCommand
    KirchhoffCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "Netlist to read, or - for standard input.")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Where to write; - or absent for standard output.")
    String output;

    @Option(names = "--from", paramLabel = "FORMAT", description = "Input format (default: detected).")
    String from;

    @Option(names = "--to", paramLabel = "FORMAT", description = "Output format (default: from the extension of -o).")
    String to;

    @Option(names = "--flatten", description = "Expand subcircuit hierarchy into one flat circuit.")
    boolean flatten;

    @Option(names = "--stub-models", description = "Add level-1 .model cards and placeholder values so a "
            + "topology-only netlist loads in a simulator.")
    boolean stubModels;

    @Option(names = "--verify", description = "Read the output back and check that connectivity is unchanged.")
    boolean verify;

    @Option(names = "--json", description = "Print a JSON report of the conversion (needs -o FILE).")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Do not print notices, only errors.")
    boolean quiet;

    @Override
    public Integer call() throws IOException, ParseException {
        PrintWriter err = spec.commandLine().getErr();
        boolean toStdout = output == null || output.equals("-");
        if (json && toStdout) {
            throw new UserError("--json prints a report to standard output, where the netlist would go too; "
                    + "write the netlist to a file with -o FILE");
        }
        NetlistFormat target = targetFormat(toStdout);
        NetlistFormat source = from == null ? null : NetlistFormats.named(from).orElseThrow(() -> new UserError(
                "unknown input format '" + from + "'; use one of " + NetlistFormats.names()));
        Path outPath = toStdout ? null : Path.of(output);
        if (outPath != null) {
            Path dir = outPath.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                throw new UserError("cannot write " + output + ": directory " + dir + " does not exist");
            }
            if (Files.isDirectory(outPath)) {
                throw new UserError("cannot write " + output + ": it is a directory; give a file name");
            }
            if (!input.equals("-") && Files.exists(outPath) && Files.isSameFile(outPath, Path.of(input))) {
                throw new UserError("the output " + output + " is the input file; choose another -o so the "
                        + "input is kept");
            }
        }

        Timing timing = new Timing(err);
        Source in = Inputs.read(input, parent.stdin());
        timing.mark("read input");
        if (in.isBlank()) {
            throw new ParseException(in.name(), 0, 0, input.equals("-") ? "standard input is empty"
                    : "the file is empty", "give a netlist to convert");
        }
        if (source == null) {
            source = NetlistFormats.detect(in);
        }
        Notices readNotices = new Notices();
        Circuit circuit = source.read(in, readNotices);
        timing.mark("parse " + source.name());
        Notices writeNotices = new Notices();
        Circuit prepared;
        try {
            prepared = Conversion.prepare(circuit, target, new Conversion.Options(flatten, stubModels), writeNotices);
        } catch (IllegalArgumentException e) {
            throw new UserError(in.name() + ": " + e.getMessage());
        }
        final NetlistFormat targetFormat = target;
        String verifiedText = null;
        if (verify) {
            StringWriter buffer = new StringWriter();
            targetFormat.write(prepared, buffer, writeNotices);
            verifiedText = buffer.toString();
        }
        final String text = verifiedText;
        if (toStdout) {
            Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
            if (text != null) {
                w.write(text);
            } else {
                targetFormat.write(prepared, w, writeNotices);
            }
            w.flush();
        } else {
            AtomicOutput.write(outPath, w -> {
                if (text != null) {
                    w.write(text);
                } else {
                    targetFormat.write(prepared, w, writeNotices);
                }
            });
        }
        timing.mark("write " + target.name());
        List<String> differences = List.of();
        if (verify) {
            Circuit back = targetFormat.read(Source.of(toStdout ? "<output>" : output, text), new Notices());
            differences = Connectivity.differences(prepared, back, writeNotices.componentRenames());
        }

        List<Notice> notices = new ArrayList<>(readNotices.all());
        notices.addAll(writeNotices.all());
        if (!quiet && !json) {
            for (Notice n : notices) {
                err.println(n.format(in.name()));
            }
            long warnings = notices.stream().filter(n -> n.severity() == Notice.Severity.WARNING).count();
            err.printf(Locale.ROOT, "converted %s (%s, %d components, %d nets) to %s (%s)%s%n", in.name(),
                    source.name(), circuit.components().size(), circuit.netNames().size(),
                    toStdout ? "standard output" : output, target.name(),
                    warnings == 0 ? "" : ", " + warnings + " warning" + (warnings == 1 ? "" : "s"));
        }
        if (verify && !json) {
            if (differences.isEmpty()) {
                if (!quiet) {
                    err.println("verified: the output has the same components and connections");
                }
            } else {
                err.println("error: verification failed; the output differs from the input:");
                differences.forEach(d -> err.println("  " + d));
            }
        }
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("input", in.name());
            report.put("from", source.name());
            report.put("output", output);
            report.put("to", target.name());
            report.put("components", circuit.components().size());
            report.put("nets", circuit.netNames().size());
            report.put("subcircuits", circuit.subcircuits().size());
            report.put("renamedComponents", merge(readNotices.componentRenames(), writeNotices.componentRenames()));
            report.put("renamedNets", merge(readNotices.netRenames(), writeNotices.netRenames()));
            List<Map<String, Object>> list = new ArrayList<>();
            for (Notice n : notices) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("severity", n.severity().name().toLowerCase(Locale.ROOT));
                m.put("line", n.line());
                m.put("message", n.message());
                list.add(m);
            }
            report.put("notices", list);
            if (verify) {
                report.put("verified", differences.isEmpty());
                report.put("differences", differences);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            out.flush();
        }
        err.flush();
        return differences.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** Phase times on standard error when the system property kirchhoff.timing is set; for benchmarking. */
    private static final class Timing {
        private final PrintWriter err;
        private final boolean on = Boolean.getBoolean("kirchhoff.timing");
        private long last = System.nanoTime();

        Timing(PrintWriter err) {
            this.err = err;
            if (on) {
                long sinceStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
                err.printf(Locale.ROOT, "timing: JVM start to command %d ms%n", sinceStart);
            }
        }

        void mark(String phase) {
            if (on) {
                long now = System.nanoTime();
                err.printf(Locale.ROOT, "timing: %s %d ms%n", phase, (now - last) / 1_000_000);
                err.flush();
                last = now;
            }
        }
    }

    private static Map<String, String> merge(Map<String, String> first, Map<String, String> second) {
        Map<String, String> out = new LinkedHashMap<>(first);
        second.forEach(out::put);
        return out;
    }

    private NetlistFormat targetFormat(boolean toStdout) {
        if (to != null) {
            return NetlistFormats.named(to).orElseThrow(() -> new UserError("unknown output format '" + to
                    + "'; use one of " + NetlistFormats.names()));
        }
        if (toStdout) {
            throw new UserError("name the output format with --to (one of " + NetlistFormats.names()
                    + "), or give an output file with -o");
        }
        String name = output.toLowerCase(Locale.ROOT);
        String format;
        if (name.endsWith(".diagram.json") || name.endsWith("diagram.json")) {
            format = "wokwi";
        } else if (name.endsWith(".circuit.json")) {
            format = "circuit-json";
        } else if (name.endsWith(".json")) {
            format = "json";
        } else if (name.endsWith(".scs") || name.endsWith(".spectre")) {
            format = "spectre";
        } else if (name.endsWith(".net")) {
            format = "kicad";
        } else if (name.endsWith(".cir") || name.endsWith(".sp") || name.endsWith(".spice")
                || name.endsWith(".ckt")) {
            format = "ngspice";
        } else {
            throw new UserError("cannot tell the output format from '" + output + "'; name it with --to (one of "
                    + NetlistFormats.names() + ")");
        }
        return NetlistFormats.named(format).orElseThrow(() -> new UserError("format " + format
                + " is not available in this build"));
    }
}
