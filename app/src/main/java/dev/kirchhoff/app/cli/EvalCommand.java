package dev.kirchhoff.app.cli;

import dev.kirchhoff.agents.DesignPipeline;
import dev.kirchhoff.agents.llm.LlmClient;
import dev.kirchhoff.agents.llm.LlmEngine;
import dev.kirchhoff.agents.llm.LlmException;
import dev.kirchhoff.agents.llm.provider.ChatModels;
import dev.kirchhoff.agents.llm.provider.LlmSettings;
import dev.kirchhoff.agents.offline.OfflineEngine;
import dev.kirchhoff.eval.ItemResult;
import dev.kirchhoff.eval.Malformed;
import dev.kirchhoff.eval.SuiteLoader;
import dev.kirchhoff.eval.SystemUnderTest;
import dev.kirchhoff.eval.agent.DesignSystem;
import dev.kirchhoff.eval.agent.KirchhoffAgent;
import dev.kirchhoff.eval.report.Comparison;
import dev.kirchhoff.eval.report.ReportWriter;
import dev.kirchhoff.eval.report.Summary;
import dev.kirchhoff.eval.run.ChatModelSystem;
import dev.kirchhoff.eval.run.Evaluation;
import dev.kirchhoff.eval.run.ImagePolicy;
import dev.kirchhoff.eval.run.ItemFilter;
import dev.kirchhoff.eval.run.ProgressBar;
import dev.kirchhoff.eval.run.RunFolder;
import dev.kirchhoff.eval.run.RunMerge;
import dev.kirchhoff.eval.run.RunOptions;
import dev.kirchhoff.eval.run.Shard;
import dev.kirchhoff.eval.score.DesignScorer;
import dev.kirchhoff.eval.score.Scorers;
import dev.kirchhoff.eval.suite.EvalPrompts;
import dev.kirchhoff.eval.suite.Suites;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.retrieval.IndexCache;
import dev.kirchhoff.retrieval.PartSearch;
import dev.kirchhoff.validation.simulation.Ngspice;
import dev.langchain4j.model.chat.ChatModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kirchhoff eval}: runs circuit benchmarks against a model or kirchhoff-agent, and reports on the runs. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate a language model (or kirchhoff-agent, Kirchhoff's own solver-backed agent) on circuit",
                "benchmarks in the style of MMCircuitEval, CircuitSense and AMSBench, and on the design suite.",
                "Runs are resumable: results are appended to RUN_DIR/results.jsonl as items finish."},
        subcommands = {EvalCommand.Run.class, EvalCommand.Report.class, EvalCommand.Compare.class,
                EvalCommand.Merge.class, EvalCommand.SuitesList.class},
        footer = {"", "Examples:",
                "  kirchhoff eval suites",
                "  kirchhoff eval run circuitsense eval-suites/fixtures/circuitsense --model kirchhoff-agent",
                "  kirchhoff eval run mmcircuiteval data/mmcircuiteval --model openai:gpt-4o-mini -o runs/4o-mini",
                "  kirchhoff eval report runs/4o-mini",
                "  kirchhoff eval compare runs/4o-mini runs/qwen"})
final class EvalCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "say what to do: eval run, eval report, eval compare, eval merge or eval suites");
    }

    /** The system under test's name for kirchhoff's own agent. */
    static final String AGENT = KirchhoffAgent.NAME;

    /** {@code kirchhoff eval run SUITE PATH --model M}. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Run a suite's items through a model or kirchhoff-agent, score them the suite's way, and",
                    "write RUN_DIR/results.jsonl, summary.json, report.md and report.html. Running the same",
                    "command again resumes: finished items are not asked again. Ctrl-C stops cleanly."},
            footer = {"", "Exit codes: 0 the run finished (whatever the score), 2 bad input or usage."})
    static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SUITE", description = "mmcircuiteval, circuitsense, amsbench or design.")
        String suite;

        @Parameters(index = "1", paramLabel = "PATH", description = "The suite's file or folder "
                + "(eval-suites/design/design-suite.jsonl for design).")
        Path input;

        @Option(names = "--model", paramLabel = "MODEL", description = "kirchhoff-agent, or provider:name such as "
                + "openai:gpt-4o-mini, ollama:qwen2.5:7b, anthropic:claude-sonnet-4-5 (also KIRCHHOFF_MODEL).")
        String model;

        @Option(names = {"-o", "--output"}, paramLabel = "RUN_DIR", description = "Run folder (default: "
                + "kirchhoff-out/eval/SUITE-MODEL). An existing run folder of the same suite and model is resumed.")
        Path output;

        @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
                description = "Items in flight at once (default ${DEFAULT-VALUE}).")
        int concurrency;

        @Option(names = "--rate", paramLabel = "PER_MINUTE", defaultValue = "0",
                description = "At most this many requests a minute, retries included (default: no limit).")
        int rate;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "180",
                description = "Per attempt (default ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Option(names = "--retries", paramLabel = "N", defaultValue = "2",
                description = "Further attempts after a failure, with exponential backoff (default ${DEFAULT-VALUE}).")
        int retries;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "Run only the first N "
                + "selected items (after --filter and --shard).")
        int limit;

        @Option(names = "--filter", paramLabel = "KEY=VALUE[,VALUE]", description = "Only items with this label "
                + "(split, ability, difficulty, level, domain, type, ...); repeat to narrow further.")
        List<String> filters = new ArrayList<>();

        @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N (1-based), for runs "
                + "split across machines; join them with eval merge.")
        String shard;

        @Option(names = "--retry-errors", description = "On resume, run again the items whose last attempt failed.")
        boolean retryErrors;

        @Option(names = "--fallback-model", paramLabel = "MODEL", description = "With --model kirchhoff-agent: the "
                + "model that answers what the agent's tools cannot (choice and open questions, circuits given only "
                + "as pictures); the run is then of kirchhoff-agent+MODEL.")
        String fallbackModel;

        @Option(names = "--judge", paramLabel = "MODEL", description = "Model that grades open answers (also "
                + "KIRCHHOFF_JUDGE_MODEL). Without one, open answers get a word-overlap score marked unofficial.")
        String judge;

        @Option(names = "--images", paramLabel = "auto|yes|no", defaultValue = "auto", description = "Send items' "
                + "images: auto decides by the model's name (default ${DEFAULT-VALUE}); items with images are "
                + "skipped, with the reason, for a model that takes none.")
        String images;

        @Option(names = "--prompts", paramLabel = "VERSION", defaultValue = EvalPrompts.DEFAULT_VERSION,
                description = "Prompt template version under prompts/eval/ (default ${DEFAULT-VALUE}; v2 is "
                        + "MMCircuitEval's '### Answer ###' style).")
        String promptVersion;

        @Option(names = "--design-engine", paramLabel = "llm|hybrid", defaultValue = "llm", description = "How a "
                + "model designs the design suite's circuits: llm (the model picks parts and wires pins) or hybrid "
                + "(the model reads the prompt, the offline solver wires). Default ${DEFAULT-VALUE}.")
        String designEngine;

        @Option(names = "--base-url", paramLabel = "URL", description = "The model server (OpenAI-compatible, "
                + "Ollama or Anthropic) when not the provider's default.")
        String baseUrl;

        @Option(names = "--no-cache", description = "Ask the model again instead of reusing cached answers.")
        boolean noCache;

        @Override
        public Integer call() throws IOException {
            Map<String, String> env = Environment.get();
            String modelName = model != null ? model : env.get("KIRCHHOFF_MODEL");
            if (modelName == null || modelName.isBlank()) {
                throw new UserError("say which model to evaluate: --model kirchhoff-agent (no model needed) or "
                        + "--model openai:gpt-4o-mini, --model ollama:qwen2.5:7b, --model anthropic:claude-sonnet-4-5");
            }
            modelName = modelName.strip();
            RunOptions options = options();
            ImagePolicy imagePolicy = parse(() -> ImagePolicy.parse(images));
            String engine = designEngine.strip().toLowerCase(Locale.ROOT);
            if (!engine.equals("llm") && !engine.equals("hybrid")) {
                throw new UserError("--design-engine must be llm or hybrid, not '" + designEngine + "'");
            }
            Evaluation.Loaded loaded = parse(() -> Evaluation.load(suite, input));
            if (!options.filter().isEmpty()) {
                parse(() -> {
                    options.filter().requireKnownKeys(loaded.result().items());
                    return null;
                });
            }
            EvalPrompts prompts = parse(() -> new EvalPrompts(promptVersion));
            Path dir = output != null ? output
                    : Path.of("kirchhoff-out", "eval", loaded.suite() + "-" + DesignCommand.slug(modelName));
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new UserError("cannot write into " + dir + ": it is a file; give a folder with -o");
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            for (Malformed m : loaded.result().malformed()) {
                err.println("skipped malformed item: " + m);
            }
            err.flush();

            Optional<Judge> judgeModel = judgeModel(env);
            KnowledgeBase kb = loaded.designSuite().isPresent() ? KnowledgeBase.bundled() : null;
            PartSearch search = loaded.designSuite().isPresent() ? KbCommand.openSearch(err) : null;
            try {
                SystemUnderTest system = system(modelName, env, imagePolicy, engine, kb, search);
                Scorers scorers = new Scorers(judgeModel.map(Judge::model).orElse(null),
                        judgeModel.map(Judge::name).orElse(null),
                        loaded.designSuite().map(s -> new DesignScorer(s, kb)).orElse(null));
                out.println("Evaluating " + system.name() + " on " + loaded.suite() + " ("
                        + count(loaded.result().items().size(), "item") + " in " + input + ") into " + dir);
                out.flush();
                Evaluation.Outcome outcome = Evaluation.run(loaded, system, item -> scorers, prompts,
                        promptVersion, options, dir, new ProgressBar(err, System.console() != null, System::nanoTime));
                printSummary(out, outcome.summary(), dir);
                if (outcome.run().stopped()) {
                    out.println("Stopped before the end: run the same command again to finish.");
                }
                out.flush();
                return ExitCodes.OK;
            } catch (IllegalStateException e) {
                // a run folder of another suite or model, or one another run is writing
                throw new UserError(e.getMessage(), e);
            } finally {
                if (search != null) {
                    search.close();
                }
            }
        }

        private RunOptions options() throws IOException {
            if (concurrency < 1 || concurrency > 256) {
                throw new UserError("--concurrency must be 1 to 256, not " + concurrency);
            }
            if (rate < 0 || timeoutSeconds < 1 || retries < 0 || limit < 0) {
                throw new UserError("--rate, --retries and --limit must be 0 or more, --timeout 1 or more");
            }
            RunOptions o = RunOptions.defaults().withConcurrency(concurrency).withRequestsPerMinute(rate)
                    .withTimeout(Duration.ofSeconds(timeoutSeconds)).withRetries(retries).withLimit(limit)
                    .withRetryErrors(retryErrors);
            if (!filters.isEmpty()) {
                o = o.withFilter(parse(() -> ItemFilter.parse(filters)));
            }
            if (shard != null) {
                o = o.withShard(parse(() -> Shard.parse(shard)));
            }
            return o;
        }

        private SystemUnderTest system(String modelName, Map<String, String> env, ImagePolicy imagePolicy,
                                       String engine, KnowledgeBase kb, PartSearch search) {
            if (modelName.equalsIgnoreCase(AGENT)) {
                DesignSystem design = kb == null ? null
                        : new DesignSystem(AGENT, OfflineEngine.pipeline(kb, search));
                if (fallbackModel == null) {
                    return new KirchhoffAgent(Ngspice::locate, design);
                }
                // the fallback model also reads the questions the agent's patterns cannot, choosing among the
                // netlist's own names, so the solver can still answer them
                LlmSettings settings = settings(fallbackModel.strip(), env);
                ChatModel chat = chatModel(settings);
                String name = settings.spec().toString();
                return new KirchhoffAgent(Ngspice::locate, design, new ChatModelSystem(chat, name, imagePolicy),
                        new LlmClient(chat, name));
            }
            if (fallbackModel != null) {
                throw new UserError("--fallback-model goes with --model kirchhoff-agent; a model answers every item "
                        + "itself");
            }
            return chatSystem(modelName, env, imagePolicy, engine, kb, search);
        }

        private SystemUnderTest chatSystem(String modelName, Map<String, String> env, ImagePolicy imagePolicy,
                                           String engine, KnowledgeBase kb, PartSearch search) {
            LlmSettings settings = settings(modelName, env);
            ChatModel chat = chatModel(settings);
            String name = settings.spec().toString();
            SystemUnderTest design = null;
            if (kb != null) {
                DesignPipeline pipeline = LlmEngine.pipeline(engine.equals("llm") ? LlmEngine.Mode.LLM
                        : LlmEngine.Mode.HYBRID, kb, search, new LlmClient(chat, name));
                design = new DesignSystem(name, pipeline);
            }
            return new ChatModelSystem(chat, name, imagePolicy, design);
        }

        private static ChatModel chatModel(LlmSettings settings) {
            try {
                return ChatModels.create(settings);
            } catch (LlmException e) {
                throw new UserError(e.getMessage(), e);
            }
        }

        private LlmSettings settings(String modelName, Map<String, String> env) {
            try {
                LlmSettings s = LlmSettings.resolve(modelName, baseUrl, env, DesignCommand.configFile(env),
                        noCache ? null : IndexCache.root()).orElseThrow(() -> new UserError(
                                "could not read the model '" + modelName + "'; write provider:name"));
                s.requireKey();
                return s;
            } catch (IllegalArgumentException | LlmException e) {
                throw new UserError(e.getMessage(), e);
            }
        }

        /** The model that grades open answers, and its name. */
        record Judge(ChatModel model, String name) {
        }

        private Optional<Judge> judgeModel(Map<String, String> env) {
            String name = judge != null ? judge : env.get("KIRCHHOFF_JUDGE_MODEL");
            if (name == null || name.isBlank()) {
                return Optional.empty();
            }
            try {
                LlmSettings s = LlmSettings.resolve(name.strip(), null, env, DesignCommand.configFile(env),
                        noCache ? null : IndexCache.root()).orElseThrow(() -> new UserError(
                                "could not read the judge model '" + name + "'; write provider:name"));
                s.requireKey();
                return Optional.of(new Judge(ChatModels.create(s), s.spec().toString()));
            } catch (IllegalArgumentException | LlmException e) {
                throw new UserError("--judge: " + e.getMessage(), e);
            }
        }
    }

    /** {@code kirchhoff eval report RUN_DIR}. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Write a run folder's summary.json, report.md and report.html again from its results.jsonl.")
    static final class Report implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A folder written by eval run or eval merge.")
        Path dir;

        @Override
        public Integer call() throws IOException {
            RunFolder folder = parse(() -> RunFolder.load(dir));
            PrintWriter err = spec.commandLine().getErr();
            folder.problems().forEach(p -> err.println("warning: " + p));
            err.flush();
            Summary summary = folder.writeReports();
            printSummary(spec.commandLine().getOut(), summary, dir);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    /** {@code kirchhoff eval compare RUN_A RUN_B}. */
    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = {"Compare two runs: accuracy by ability, difficulty, type, domain and level, and the items",
                    "that flipped. Writes compare.md and compare.html."})
    static final class Compare implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "RUN_A")
        Path a;

        @Parameters(index = "1", paramLabel = "RUN_B")
        Path b;

        @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Where to write compare.md and "
                + "compare.html (default: RUN_B).")
        Path output;

        @Override
        public Integer call() throws IOException {
            RunFolder runA = parse(() -> RunFolder.load(a));
            RunFolder runB = parse(() -> RunFolder.load(b));
            Summary sa = dev.kirchhoff.eval.report.Summaries.of(runA.info(), runA.results(), runA.malformed());
            Summary sb = dev.kirchhoff.eval.report.Summaries.of(runB.info(), runB.results(), runB.malformed());
            Path dir = output != null ? output : b;
            Comparison c = ReportWriter.writeComparison(dir, sa, runA.results(), sb, runB.results());
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "A %s on %s: %s%n", sa.run().model(), sa.run().suite(), headline(sa));
            out.printf(Locale.ROOT, "B %s on %s: %s%n", sb.run().model(), sb.run().suite(), headline(sb));
            out.printf(Locale.ROOT, "%d wrong→right, %d right→wrong, %d only in A, %d only in B%n",
                    c.wrongToRight().size(), c.rightToWrong().size(), c.onlyInA().size(), c.onlyInB().size());
            c.warnings().forEach(w -> out.println("warning: " + w));
            out.println("Wrote " + dir.resolve("compare.md") + " and " + dir.resolve("compare.html"));
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code kirchhoff eval merge -o RUN_DIR SHARD_DIR...}. */
    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Merge shard runs (eval run --shard i/n) of one suite and model into one run folder.")
    static final class Merge implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-o", "--output"}, paramLabel = "RUN_DIR", required = true,
                description = "The merged run folder (new).")
        Path output;

        @Parameters(paramLabel = "SHARD_DIR", arity = "1..*", description = "Run folders to merge.")
        List<Path> shards;

        @Override
        public Integer call() throws IOException {
            RunMerge.Merged merged = parse(() -> RunMerge.merge(shards, output));
            PrintWriter err = spec.commandLine().getErr();
            merged.conflicts().forEach(c -> err.println("conflict: " + c));
            merged.problems().forEach(p -> err.println("warning: " + p));
            err.flush();
            List<List<Malformed>> malformed = new ArrayList<>();
            for (Path shard : shards) {
                if (Files.isDirectory(shard)) {
                    malformed.add(parse(() -> RunFolder.load(shard)).malformed());
                }
            }
            List<ItemResult> results = merged.results();
            Summary summary = ReportWriter.write(output, RunFolder.info(merged.manifest(), results), results,
                    RunFolder.union(malformed));
            printSummary(spec.commandLine().getOut(), summary, output);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    /** {@code kirchhoff eval suites}. */
    @Command(name = "suites", mixinStandardHelpOptions = true, description = "List the suites eval run reads.")
    static final class SuitesList implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (SuiteLoader loader : Suites.all()) {
                out.printf(Locale.ROOT, "%-14s %s%n", loader.name(), loader.description());
            }
            out.println();
            out.println("Team-written fixtures in each format: eval-suites/fixtures/; how to download the real data: "
                    + "docs/eval-datasets.md");
            out.flush();
            return ExitCodes.OK;
        }
    }

    static String headline(Summary s) {
        Summary.Totals t = s.totals();
        return String.format(Locale.ROOT, "%s, %d scored, %d correct (%s), %d skipped, %s, %d malformed",
                count(t.items(), "item"), t.scored(), t.correct(), t.scored() == 0 ? "n/a"
                        : String.format(Locale.ROOT, "%.1f %%", 100 * t.accuracy()), t.skipped(),
                count(t.errors(), "error"), t.malformed());
    }

    /** {@code 1 item}, {@code 13 items}. */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static void printSummary(PrintWriter out, Summary s, Path dir) {
        out.println(s.run().model() + " on " + s.run().suite() + ": " + headline(s));
        if (s.scoring().unofficialScored() > 0) {
            out.printf(Locale.ROOT, "  %d open answers scored by word overlap (unofficial; give --judge MODEL for "
                    + "the official LLM judge)%n", s.scoring().unofficialScored());
        }
        out.println("Wrote " + dir.resolve("results.jsonl") + ", summary.json, report.md and report.html");
    }

    /** Something that reads user input and may refuse it. */
    interface Parse<T> {
        T get() throws IOException;
    }

    /** Runs {@code p}, turning a refusal of the user's input into a {@link UserError} (exit 2). */
    static <T> T parse(Parse<T> p) throws IOException {
        try {
            return p.get();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
