package dev.kirchhoff.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kirchhoff.agents.DesignException;
import dev.kirchhoff.agents.DesignOptions;
import dev.kirchhoff.agents.DesignPipeline;
import dev.kirchhoff.agents.DesignResult;
import dev.kirchhoff.agents.llm.LlmClient;
import dev.kirchhoff.agents.llm.LlmEngine;
import dev.kirchhoff.agents.llm.LlmException;
import dev.kirchhoff.agents.llm.provider.ChatModels;
import dev.kirchhoff.agents.llm.provider.LlmSettings;
import dev.kirchhoff.agents.output.DesignOutputs;
import dev.kirchhoff.agents.output.DesignReport;
import dev.kirchhoff.agents.output.Drawings;
import dev.kirchhoff.agents.offline.OfflineEngine;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.retrieval.IndexCache;
import dev.kirchhoff.retrieval.PartSearch;
import dev.kirchhoff.validation.Severity;
import dev.kirchhoff.validation.Validator;
import dev.kirchhoff.validation.simulation.NgspiceException;
import dev.kirchhoff.validation.simulation.SimulationResult;
import dev.kirchhoff.validation.simulation.Simulator;
import dev.kirchhoff.validation.simulation.SpiceDeck;
import dev.kirchhoff.validation.simulation.SpiceExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kirchhoff design}: a circuit from a description, validated, with every output and a report. */
@Command(name = "design", mixinStandardHelpOptions = true,
        description = {"Design a circuit from a description in plain language: identify the parts, look up their "
                + "pinouts, reason about power, pins and supporting parts, wire the schematic, validate it (repairing "
                + "up to 3 times) and write the outputs: SVG schematic, report.md/report.html and trace.json, and "
                + "when validation passed the exports: native JSON, Circuit JSON, Wokwi diagram, KiCad netlist and "
                + "SPICE deck.",
                "The offline engine is the default: deterministic, knowledge-based, no network. With a model "
                + "(--model or KIRCHHOFF_MODEL) the hybrid engine is the default: the model identifies the parts "
                + "and what to build, the offline solver assigns pins and computes values. --engine llm lets the model "
                + "wire the schematic too, constrained by JSON Schemas to parts and pins that exist."},
        footer = {"", "Exit codes: 0 designed and validated, 1 designed but validation found errors (reported, not "
                + "exported), 2 bad input (empty or not understood prompt, unknown part, model unreachable or key "
                + "missing).", "",
                "Models: openai:NAME (OPENAI_API_KEY; OPENAI_BASE_URL or --base-url for any OpenAI-compatible server "
                + "such as vLLM, llama.cpp server or LM Studio), ollama:NAME (OLLAMA_BASE_URL, default "
                + "http://localhost:11434), anthropic:NAME (ANTHROPIC_API_KEY). Also read from "
                + "~/.config/kirchhoff/config.json (KIRCHHOFF_CONFIG overrides the path).", "", "Examples:",
                "  kirchhoff design \"ESP32 reading a BME280 and showing it on an SSD1306, powered from USB\"",
                "  kirchhoff design \"non-inverting amplifier with gain 11 from a single 5 V supply\" -o amp",
                "  kirchhoff design \"555 blinking an LED at 2 Hz\" --json",
                "  kirchhoff design \"weather station on an ESP32\" --model ollama:qwen2.5:7b",
                "  kirchhoff design \"LED on an Uno\" --engine llm --model openai:gpt-4o-mini"})
final class DesignCommand implements Callable<Integer> {

    static final List<String> EXAMPLES = List.of(
            "ESP32 reading a BME280 and showing it on an SSD1306 OLED, powered from USB",
            "555 blinking an LED at 2 Hz from a 9 V battery",
            "non-inverting amplifier with gain 11 from a single 5 V supply");

    @ParentCommand
    KirchhoffCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROMPT", description = "What to design, in quotes.")
    String prompt;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Folder for the outputs (default: kirchhoff-out/<words of the prompt>).")
    Path output;

    @Option(names = "--engine", paramLabel = "ENGINE", description = "offline, hybrid or llm (also KIRCHHOFF_ENGINE, "
            + "then 'engine' in the config file; default: hybrid when a model is configured, else offline).")
    String engine;

    @Option(names = "--model", paramLabel = "PROVIDER:NAME", description = "The language model: openai:NAME, "
            + "ollama:NAME or anthropic:NAME (also KIRCHHOFF_MODEL).")
    String model;

    @Option(names = "--base-url", paramLabel = "URL", description = "Where the model's server answers (overrides "
            + "OPENAI_BASE_URL / OLLAMA_BASE_URL), e.g. http://localhost:8080/v1 for a llama.cpp server.")
    String baseUrl;

    @Option(names = "--no-cache", description = "Ask the model again instead of reusing cached answers "
            + "(cached under $KIRCHHOFF_CACHE/llm, default ~/.cache/kirchhoff/llm).")
    boolean noCache;

    @Option(names = "--json", description = "Print the whole result as JSON (findings included) instead of text.")
    boolean json;

    @Option(names = "--allow-generic", description = "Let a generic placeholder stand in for a part the knowledge "
            + "base does not have, instead of stopping.")
    boolean allowGeneric;

    @Option(names = "--no-simulate", description = "Skip the ngspice operating-point check.")
    boolean noSimulate;

    @Option(names = "--max-repairs", paramLabel = "N", defaultValue = "3",
            description = "Repair rounds after failed validation, 0-3 (default ${DEFAULT-VALUE}).")
    int maxRepairs;

    @Override
    public Integer call() throws IOException {
        if (prompt == null || prompt.isBlank()) {
            throw new UserError("the prompt is empty; describe the circuit, e.g. kirchhoff design \""
                    + EXAMPLES.get(0) + "\"");
        }
        if (maxRepairs < 0 || maxRepairs > 3) {
            throw new UserError("--max-repairs must be 0 to 3, not " + maxRepairs);
        }
        Map<String, String> env = Environment.get();
        Optional<LlmSettings> settings;
        try {
            settings = LlmSettings.resolve(model, baseUrl, env, configFile(env), noCache ? null : IndexCache.root());
        } catch (IllegalArgumentException | LlmException e) {
            throw new UserError(e.getMessage());
        }
        String source = "--engine";
        String chosen = engine;
        if (chosen == null && env.get("KIRCHHOFF_ENGINE") != null && !env.get("KIRCHHOFF_ENGINE").isBlank()) {
            chosen = env.get("KIRCHHOFF_ENGINE");
            source = "KIRCHHOFF_ENGINE";
        }
        if (chosen == null) {
            try {
                chosen = LlmSettings.configValue(configFile(env), "engine").orElse(null);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            source = "'engine' in " + configFile(env);
        }
        if (chosen == null) {
            chosen = settings.isPresent() ? "hybrid" : "offline";
        }
        chosen = chosen.strip().toLowerCase(Locale.ROOT);
        if (!List.of("offline", "hybrid", "llm").contains(chosen)) {
            throw new UserError("unknown engine '" + chosen + "' (from " + source + "); use offline, hybrid or llm");
        }
        if (!chosen.equals("offline") && settings.isEmpty()) {
            throw new UserError("the " + chosen + " engine needs a language model: pass --model openai:gpt-4o-mini "
                    + "(with OPENAI_API_KEY), --model ollama:qwen2.5:7b, --model anthropic:claude-sonnet-4-5 (with "
                    + "ANTHROPIC_API_KEY) or set KIRCHHOFF_MODEL; or use --engine offline, which needs none");
        }
        LlmClient client = null;
        if (!chosen.equals("offline")) {
            try {
                client = new LlmClient(ChatModels.create(settings.get()), settings.get().spec().toString());
            } catch (LlmException e) {
                throw new UserError(e.getMessage());
            }
        }
        Path dir = output != null ? output : Path.of("kirchhoff-out", slug(prompt));
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserError("cannot write into " + dir + ": it is a file; give a folder with -o");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter progress = json ? spec.commandLine().getErr() : out;

        KnowledgeBase kb = KnowledgeBase.bundled();
        DesignResult result;
        long start = System.nanoTime();
        try (PartSearch search = KbCommand.openSearch(spec.commandLine().getErr())) {
            DesignPipeline pipeline;
            if (chosen.equals("offline")) {
                pipeline = OfflineEngine.pipeline(kb, search);
                progress.println("Designing with the offline engine: " + prompt.strip());
            } else {
                LlmSettings s = settings.get();
                pipeline = LlmEngine.pipeline(chosen.equals("llm") ? LlmEngine.Mode.LLM : LlmEngine.Mode.HYBRID,
                        kb, search, client);
                progress.println("Designing with the " + chosen + " engine, model " + s.spec() + " at "
                        + s.baseUrl() + ": " + prompt.strip());
            }
            progress.flush();
            result = pipeline.design(prompt, new DesignOptions(allowGeneric, maxRepairs),
                    (stage, round, summary, nanos) -> {
                        progress.printf(Locale.ROOT, "  %-10s %s%s (%.0f ms)%n", stage,
                                round > 0 ? "[repair " + round + "] " : "", summary, nanos / 1e6);
                        progress.flush();
                    });
        } catch (DesignException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: " + e.getMessage());
            if (e.reason() == DesignException.Reason.NOT_UNDERSTOOD) {
                err.println("Try a prompt like:");
                List<String> examples = e.suggestions().isEmpty() ? EXAMPLES : e.suggestions();
                examples.forEach(s -> err.println("  kirchhoff design \"" + s + "\""));
            }
            err.flush();
            return ExitCodes.BAD_INPUT;
        } catch (LlmException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: " + e.getMessage());
            err.println("Nothing was written. The offline engine needs no model: --engine offline");
            err.flush();
            return ExitCodes.BAD_INPUT;
        }

        SpiceDeck deck = null;
        DesignReport.Simulation simulation;
        if (!result.passed()) {
            simulation = DesignReport.Simulation.skipped("validation found errors, so there is no SPICE deck");
        } else {
            Validator validator = Validator.bundled();
            SimulationResult sim = null;
            String skipped = null;
            if (noSimulate) {
                skipped = "--no-simulate";
            } else {
                try {
                    sim = new Simulator(validator, Simulation.locate(null)).simulate(result.circuit(),
                            result.plan().title());
                } catch (NgspiceException e) {
                    skipped = e.getMessage();
                }
            }
            if (sim != null) {
                deck = sim.deck();
                simulation = new DesignReport.Simulation(sim.operatingPoint(), sim.report(), null);
                progress.println("  simulate   ngspice operating point: "
                        + (sim.operatingPoint().converged() ? "solved" : "problems: "
                        + String.join("; ", sim.operatingPoint().problems())));
            } else {
                deck = new SpiceExport(validator).deck(new dev.kirchhoff.validation.CircuitFacts(result.circuit(),
                        validator.resolver(), List.of()));
                simulation = DesignReport.Simulation.skipped(skipped);
                progress.println("  simulate   skipped: " + skipped);
            }
        }

        DesignOutputs outputs = new DesignOutputs(kb, Drawings.svg(kb));
        Map<String, String> files = outputs.render(result, deck, simulation);
        List<Path> written = DesignOutputs.write(files, dir);
        List<String> stale = result.passed() ? List.of() : DesignOutputs.FILES.stream()
                .filter(f -> !files.containsKey(f) && Files.exists(dir.resolve(f))).toList();
        long ms = (System.nanoTime() - start) / 1_000_000;

        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            root.put("prompt", prompt);
            root.put("passed", result.passed());
            root.put("repairRounds", result.repairRounds());
            root.set("requirements", mapper.valueToTree(result.requirements()));
            root.set("plan", mapper.valueToTree(result.plan()));
            root.set("validation", mapper.readTree(result.report().json()));
            if (simulation.operatingPoint() != null) {
                ObjectNode sim = root.putObject("simulation");
                sim.put("converged", simulation.operatingPoint().converged());
                ObjectNode volts = sim.putObject("netVoltages");
                result.plan().nets().forEach(n -> {
                    Double v = simulation.operatingPoint().voltage(n.name());
                    if (v != null) {
                        volts.put(n.name(), v);
                    }
                });
            } else {
                root.putObject("simulation").put("skipped", simulation.skipped());
            }
            root.put("folder", dir.toString());
            root.set("files", mapper.valueToTree(written.stream().map(p -> p.getFileName().toString()).toList()));
            root.set("trace", result.trace().toJson());
            out.println(mapper.writeValueAsString(root));
        } else {
            out.println();
            out.println("Parts:");
            result.plan().components().forEach(c -> out.println("  " + padRight(c.ref(), 6) + " "
                    + (c.part() != null ? c.part() : c.kind().description())
                    + (c.value() != null ? " " + c.value() : "")
                    + (c.purpose().isEmpty() ? "" : "  — " + c.purpose())));
            out.println();
            out.println("Validation: " + (result.passed() ? "passed" : "FAILED") + " ("
                    + result.report().count(Severity.ERROR) + " errors, " + result.report().count(Severity.WARNING)
                    + " warnings" + (result.repairRounds() > 0 ? ", " + result.repairRounds() + " repair rounds" : "")
                    + ")");
            result.report().findings().stream().filter(f -> f.severity() != Severity.INFO)
                    .forEach(f -> out.println("  " + f.severity().name().toLowerCase(Locale.ROOT) + " " + f.rule()
                            + ": " + f.message()));
            out.println();
            out.println("Wrote " + written.size() + " files to " + dir + "/ in " + ms + " ms: "
                    + String.join(", ", written.stream().map(p -> p.getFileName().toString()).toList()));
            if (!result.passed()) {
                out.println("Validation failed, so nothing was exported (no netlist, deck or diagram).");
            }
            if (!stale.isEmpty()) {
                out.println("Note: " + String.join(", ", stale) + " in " + dir + "/ are from an earlier run, not this "
                        + "design.");
            }
            out.println("Open " + dir.resolve("report.html") + " for the schematic, pin map and rationale.");
        }
        out.flush();
        return result.passed() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** {@code $KIRCHHOFF_CONFIG}, else {@code $XDG_CONFIG_HOME/kirchhoff/config.json}, else {@code ~/.config/...}. */
    static Path configFile(Map<String, String> env) {
        String explicit = env.get("KIRCHHOFF_CONFIG");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("kirchhoff").resolve("config.json");
    }

    static String slug(String prompt) {
        String s = prompt.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 48) {
            s = s.substring(0, 48).replaceAll("-[^-]*$", "");
        }
        return s.isEmpty() ? "design" : s;
    }

    private static String padRight(String s, int n) {
        return s.length() >= n ? s : s + " ".repeat(n - s.length());
    }
}
