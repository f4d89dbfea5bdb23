package dev.kirchhoff.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kirchhoff.app.io.AtomicOutput;
import dev.kirchhoff.generation.GeneratedCircuit;
import dev.kirchhoff.generation.SamplingOptions;
import dev.kirchhoff.generation.TopologyGenerator;
import dev.kirchhoff.generation.metrics.Evaluation;
import dev.kirchhoff.generation.metrics.Evaluator;
import dev.kirchhoff.generation.metrics.Metrics;
import dev.kirchhoff.generation.metrics.OperatingPointCheck;
import dev.kirchhoff.generation.metrics.ReferenceSet;
import dev.kirchhoff.generation.model.LogitsModel;
import dev.kirchhoff.generation.model.ModelUnavailableException;
import dev.kirchhoff.generation.model.OnnxLogitsModel;
import dev.kirchhoff.generation.topology.Vocabulary;
import dev.kirchhoff.schematic.format.NetlistFormat;
import dev.kirchhoff.schematic.format.NetlistFormats;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.transform.Conversion;
import dev.kirchhoff.validation.Severity;
import dev.kirchhoff.validation.ValidationReport;
import dev.kirchhoff.validation.Validator;
import dev.kirchhoff.validation.simulation.NgspiceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kirchhoff generate}: samples analog circuit topologies from the bundled model, checked by the validator. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate transistor-level analog topologies of a circuit type with the bundled model "
                + "(a small transformer trained on AnalogGenie, run in-process).",
                "A grammar mask keeps every circuit valid: each terminal connected once, no shorted passives, no "
                        + "dangling nets, a DC path to ground everywhere.",
                "Types: Opamp, LDO, Bandgap_Ref, Comparator, Mirror, General, Switched_Cap, Oscillator, PLL, Mixer, "
                        + "Power_Amp, Filter, Voltage_Regulator, ADC_DAC, Power_converter."},
        footer = {"", "Exit codes: 0 ok, 1 some circuit fails validation (possible with --no-grammar), 2 bad input.",
                "", "Examples:",
                "  kirchhoff generate --type Opamp -n 5 -o out/",
                "  kirchhoff generate --type LDO --format spectre",
                "  kirchhoff generate --evaluate -n 50 -o eval/ --json"})
final class GenerateCommand implements Callable<Integer> {

    /** The longest sequence, as the model was trained (training/data/meta.json max_len). */
    static final int MAX_LENGTH = 256;
    /** Valid circuits per type and mode that --evaluate hands to ngspice. */
    static final int SIMULATED_PER_TYPE = 20;

    @ParentCommand
    KirchhoffCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = {"-t", "--type"}, paramLabel = "TYPE", split = ",",
            description = "Circuit type(s), comma-separated; --evaluate without --type takes all types.")
    List<String> types;

    @Option(names = "-n", paramLabel = "N", description = "Circuits per type (default: ${DEFAULT-VALUE}).",
            defaultValue = "10")
    int count;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).",
            defaultValue = "1")
    long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Folder to write one netlist per circuit and summary.json into (created if missing); "
                    + "absent: netlists go to standard output.")
    String output;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "spice (ngspice, with level-1 model cards), spectre or json (default: ${DEFAULT-VALUE}).",
            defaultValue = "spice")
    String format;

    @Option(names = "--no-grammar", description = "Sample without the grammar mask (circuits may be invalid).")
    boolean noGrammar;

    @Option(names = "--evaluate", description = "Also measure validity, uniqueness and novelty per type, with and "
            + "without the grammar mask.")
    boolean evaluate;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "1.0",
            description = "Sampling temperature; 0 is greedy (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "0",
            description = "Keep the K most likely tokens, 0 for all (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--top-p", paramLabel = "P", defaultValue = "0.95",
            description = "Nucleus sampling threshold in (0, 1] (default: ${DEFAULT-VALUE}).")
    double topP;

    @Option(names = "--batch-size", paramLabel = "B", defaultValue = "64",
            description = "Sequences decoded together (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--model", paramLabel = "FILE", description = "An exported ONNX model instead of the bundled one.")
    Path model;

    @Option(names = "--json", description = "Print the summary as JSON (needs -o DIR for the netlists).")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (count < 1) {
            throw new UserError("-n must be 1 or more, not " + count);
        }
        boolean toStdout = output == null || output.equals("-");
        if (json && toStdout) {
            throw new UserError("--json prints the summary to standard output, where the netlists would go too; "
                    + "write the netlists to a folder with -o DIR");
        }
        NetlistFormat target = switch (format.toLowerCase(Locale.ROOT)) {
            case "spice", "ngspice" -> NetlistFormats.named("ngspice").orElseThrow();
            case "spectre" -> NetlistFormats.named("spectre").orElseThrow();
            case "json" -> NetlistFormats.named("json").orElseThrow();
            default -> throw new UserError("unknown format '" + format + "'; use spice, spectre or json");
        };
        SamplingOptions options;
        try {
            options = new SamplingOptions(temperature, topK, topP, seed, batchSize, !noGrammar);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        Vocabulary vocabulary = Vocabulary.bundled();
        List<String> chosen = types == null || types.isEmpty() ? null : List.copyOf(types);
        if (chosen == null) {
            if (!evaluate) {
                throw new UserError("give a circuit type with --type; the types are "
                        + String.join(", ", vocabulary.types()));
            }
            chosen = vocabulary.types();
        }
        for (String t : chosen) {
            if (vocabulary.typeToken(t).isEmpty()) {
                throw new UserError("unknown circuit type '" + t + "'; the types are "
                        + String.join(", ", vocabulary.types()));
            }
        }
        Path dir = toStdout ? null : Path.of(output);
        if (dir != null) {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new UserError("cannot write into " + output + ": it is a file; give a folder with -o");
            }
            Files.createDirectories(dir);
        }

        long loadStart = System.nanoTime();
        LogitsModel logits;
        try {
            logits = model == null ? OnnxLogitsModel.bundled(MAX_LENGTH) : OnnxLogitsModel.load(model, MAX_LENGTH);
        } catch (ModelUnavailableException e) {
            throw new UserError(e.getMessage(), e);
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        try (LogitsModel m = logits) {
            TopologyGenerator generator;
            try {
                generator = new TopologyGenerator(m, vocabulary);
            } catch (IllegalArgumentException e) {
                throw new UserError((model == null ? "the bundled model" : "the model " + model) + ": "
                        + e.getMessage() + " " + capitalized(ModelUnavailableException.REBUILD) + ".");
            }
            Validator validator = Validator.bundled();
            Evaluator evaluator = new Evaluator(validator, ReferenceSet.training(vocabulary));
            List<GeneratedCircuit> samples = new ArrayList<>();
            Evaluation.Result metrics = null;
            if (evaluate) {
                OperatingPointCheck op = null;
                try {
                    op = OperatingPointCheck.locate();
                } catch (NgspiceException e) {
                    err.println("note: " + e.getMessage() + "; the operating-point share is left out");
                }
                metrics = Evaluation.run(generator, evaluator, chosen, count, options, true, (g, grammar, ok) -> {
                    if (grammar == options.grammar()) {
                        samples.add(g);
                    }
                }, op, Math.min(count, SIMULATED_PER_TYPE));
            } else {
                for (String t : chosen) {
                    samples.addAll(generator.generate(t, count, options));
                }
            }
            return write(samples, evaluator, target, dir, out, err, metrics, generator, loadSeconds);
        }
    }

    private int write(List<GeneratedCircuit> samples, Evaluator evaluator, NetlistFormat target, Path dir,
                      PrintWriter out, PrintWriter err, Evaluation.Result metrics, TopologyGenerator generator,
                      double loadSeconds) throws IOException {
        Map<String, Integer> perType = new LinkedHashMap<>();
        List<Map<String, Object>> written = new ArrayList<>();
        int invalid = 0;
        int undecoded = 0;
        StringWriter stdout = new StringWriter();
        for (GeneratedCircuit g : samples) {
            int k = perType.merge(g.type(), 1, Integer::sum);
            String name = g.type().toLowerCase(Locale.ROOT) + "-" + String.format(Locale.ROOT, "%03d", k);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", name);
            entry.put("type", g.type());
            entry.put("tokens", g.tokens().length);
            if (g.topology() == null) {
                undecoded++;
                entry.put("decoded", false);
                entry.put("problem", g.problem());
                written.add(entry);
                continue;
            }
            ValidationReport report = evaluator.validate(g);
            boolean valid = report.count(Severity.ERROR) == 0;
            if (!valid) {
                invalid++;
            }
            entry.put("valid", valid);
            entry.put("errors", report.count(Severity.ERROR));
            entry.put("devices", g.topology().devices().size());
            Circuit circuit = g.topology().toCircuit().toBuilder().title(name + " (" + g.type() + ")").build();
            Notices notices = new Notices();
            boolean spice = target.name().equals("ngspice");
            Circuit prepared = Conversion.prepare(circuit, target, new Conversion.Options(false, spice), notices);
            String file = name + "." + extension(target);
            if (dir == null) {
                if (!valid) {
                    err.println("warning: " + name + " fails validation (" + report.count(Severity.ERROR)
                            + " errors)");
                }
                target.write(prepared, stdout, notices);
                stdout.write("\n");
            } else {
                AtomicOutput.write(dir.resolve(file), w -> target.write(prepared, w, notices));
                entry.put("file", file);
            }
            written.add(entry);
        }
        TopologyGenerator.Timing t = generator.timing();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("model", model == null ? "bundled" : model.toString());
        summary.put("modelLoadSeconds", round(loadSeconds));
        summary.put("seed", seed);
        summary.put("grammar", !noGrammar);
        summary.put("format", target.name());
        summary.put("circuits", samples.size());
        summary.put("undecoded", undecoded);
        summary.put("invalid", invalid);
        summary.put("tokensPerSecond", round(t.tokens() / Math.max(1e-9, t.totalNanos() / 1e9)));
        summary.put("maskShare", round(t.maskNanos() / (double) Math.max(1, t.totalNanos())));
        if (metrics != null) {
            summary.put("metrics", metricsJson(metrics));
        }
        summary.put("output", written);
        String summaryJson = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary);
        if (dir != null) {
            AtomicOutput.write(dir.resolve("summary.json"), w -> w.write(summaryJson + "\n"));
        }
        if (json) {
            out.println(summaryJson);
        } else {
            if (dir == null) {
                out.print(stdout);
            } else {
                out.printf(Locale.ROOT, "wrote %d circuits and summary.json to %s%n",
                        samples.size() - undecoded, dir);
            }
            PrintWriter report = dir == null ? err : out;
            report.printf(Locale.ROOT, "%d circuits, %d invalid, %d not decodable; %.0f tokens/s, mask %.0f%% of "
                            + "decoding, model loaded in %.2f s%n", samples.size(), invalid, undecoded,
                    t.tokens() / Math.max(1e-9, t.totalNanos() / 1e9),
                    100.0 * t.maskNanos() / Math.max(1, t.totalNanos()), loadSeconds);
            if (metrics != null) {
                report.print(metricsText(metrics));
            }
        }
        out.flush();
        err.flush();
        return invalid + undecoded == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private static String extension(NetlistFormat f) {
        return switch (f.name()) {
            case "spectre" -> "scs";
            case "json" -> "json";
            default -> "cir";
        };
    }

    private static Map<String, Object> metricsJson(Evaluation.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("withGrammar", rates(r.withGrammar()));
        if (r.withoutGrammar() != null) {
            m.put("withoutGrammar", rates(r.withoutGrammar()));
        }
        Map<String, Object> types = new LinkedHashMap<>();
        for (Evaluation.TypeResult t : r.types()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("withGrammar", rates(t.withGrammar()));
            if (t.withoutGrammar() != null) {
                e.put("withoutGrammar", rates(t.withoutGrammar()));
            }
            types.put(t.type(), e);
        }
        m.put("types", types);
        return m;
    }

    private static Map<String, Object> rates(Metrics m) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("samples", m.samples());
        e.put("valid", m.valid());
        e.put("validity", round(m.validity()));
        e.put("uniqueness", round(m.uniqueness()));
        e.put("novelty", round(m.novelty()));
        e.put("validAndNovel", round(m.validAndNovel()));
        if (m.simulated() > 0) {
            e.put("simulated", m.simulated());
            e.put("operatingPointShare", round(m.operatingPointShare()));
        }
        return e;
    }

    private static String metricsText(Evaluation.Result r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%n%-24s %8s %9s %10s %8s %14s %10s%n", "type (mask)", "samples",
                "validity", "uniqueness", "novelty", "valid & novel", "op solved"));
        for (Evaluation.TypeResult t : r.types()) {
            row(b, t.type() + " (on)", t.withGrammar());
            if (t.withoutGrammar() != null) {
                row(b, t.type() + " (off)", t.withoutGrammar());
            }
        }
        row(b, "all (on)", r.withGrammar());
        if (r.withoutGrammar() != null) {
            row(b, "all (off)", r.withoutGrammar());
        }
        b.append(String.format(Locale.ROOT, "validity: no validator error; uniqueness: distinct among valid; novelty: "
                + "valid and not in the training set; op solved: ngspice operating point after default sizing "
                + "(first %d valid circuits per type and mode)%n", SIMULATED_PER_TYPE));
        return b.toString();
    }

    private static void row(StringBuilder b, String label, Metrics m) {
        String op = m.simulated() == 0 ? "-" : m.converged() + "/" + m.simulated();
        b.append(String.format(Locale.ROOT, "%-24s %8d %8.1f%% %9.1f%% %7.1f%% %13.1f%% %10s%n", label, m.samples(),
                100 * m.validity(), 100 * m.uniqueness(), 100 * m.novelty(), 100 * m.validAndNovel(), op));
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
