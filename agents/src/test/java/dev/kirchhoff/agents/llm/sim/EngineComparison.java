package dev.kirchhoff.agents.llm.sim;

import dev.kirchhoff.agents.DesignException;
import dev.kirchhoff.agents.DesignOptions;
import dev.kirchhoff.agents.DesignPipeline;
import dev.kirchhoff.agents.DesignResult;
import dev.kirchhoff.agents.DesignTrace;
import dev.kirchhoff.agents.llm.LlmClient;
import dev.kirchhoff.agents.llm.LlmEngine;
import dev.kirchhoff.agents.llm.LlmException;
import dev.kirchhoff.agents.offline.OfflineEngine;
import dev.kirchhoff.agents.suite.DesignSuite;
import dev.kirchhoff.agents.suite.ItemResult;
import dev.kirchhoff.agents.suite.SuiteItem;
import dev.kirchhoff.agents.suite.SuiteReport;
import dev.kirchhoff.agents.suite.SuiteRunner;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.retrieval.PartSearch;
import dev.kirchhoff.validation.Finding;
import dev.kirchhoff.validation.Severity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which engine is better with a model: runs the whole design suite through {@code offline}, and through
 * {@code hybrid} and {@code llm} driven by a {@link SimulatedModel} at error rates 0, 0.05 and 0.2, and writes
 * {@code agents/target/engine-comparison.md} (every item of every run in {@code target/engine-comparison/*.json}). Opt-in (it takes minutes, and is a measurement, not a gate):
 * {@code mvn -B -q -o -pl agents test -Dtest=EngineComparison -Dcompare=true}.
 */
@EnabledIfSystemProperty(named = "compare", matches = "true")
class EngineComparison {

    private static final long SEED = 2026;
    private static final double[] ERROR_RATES = {0, 0.05, 0.2};
    private static final DesignOptions OPTIONS = new DesignOptions(false, 3);
    private static final int WARMUP = 5;
    private static final Pattern NO_USABLE = Pattern.compile("no usable (\\w+) answer");

    private static PartSearch search;

    @BeforeAll
    static void open() {
        search = PartSearch.open(msg -> { });
    }

    @AfterAll
    static void close() throws Exception {
        if (search != null) {
            search.close();
        }
    }

    /** One engine at one error rate over the suite. */
    private record Run(String engine, Double errorRate, SuiteReport report, double calls, double toolCalls,
                       double answerRepairs, Map<String, Integer> errorRules, Map<String, Integer> repairedRules,
                       Map<String, Integer> stopped, SimulatedModel.Stats stats) {
    }

    @Test
    void compareEnginesOnTheDesignSuite() throws Exception {
        KnowledgeBase kb = KnowledgeBase.bundled();
        DesignSuite suite = DesignSuite.load(dev.kirchhoff.agents.suite.SuitePaths.suiteFile(), kb);
        List<Run> runs = new ArrayList<>();
        runs.add(run("offline", null, OfflineEngine.pipeline(kb, search), null, suite, kb));
        for (LlmEngine.Mode mode : List.of(LlmEngine.Mode.HYBRID, LlmEngine.Mode.LLM)) {
            for (double e : ERROR_RATES) {
                SimulatedModel model = new SimulatedModel(kb, search, e, SEED);
                DesignPipeline pipeline = LlmEngine.pipeline(mode, kb, search,
                        new LlmClient(model, "simulated:e=" + e));
                runs.add(run(pipeline.stages().engine(), e, pipeline, model, suite, kb));
            }
        }
        String md = markdown(suite, runs);
        Path target = Path.of("target");
        Files.createDirectories(target);
        Path file = target.resolve("engine-comparison.md");
        Path tmp = Files.createTempFile(target, "engine-comparison", ".tmp");
        Files.writeString(tmp, md, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println(md);
        Path dir = Files.createDirectories(target.resolve("engine-comparison"));
        for (Run r : runs) {
            String name = r.engine() + (r.errorRate() == null ? "" : "-e" + fmt(r.errorRate(), 2)) + ".json";
            Files.writeString(dir.resolve(name), r.report().toJson(), StandardCharsets.UTF_8);
        }

        assertThat(runs).hasSize(1 + 2 * ERROR_RATES.length);
        assertThat(runs).allSatisfy(r -> assertThat(r.report().total()).isEqualTo(suite.items().size()));
        // the error-free model injected nothing, so any difference from offline at e = 0 is the engine's own
        runs.stream().filter(r -> r.stats() != null && r.errorRate() == 0).forEach(r -> assertThat(
                r.stats().swappedIds() + r.stats().droppedItems() + r.stats().wrongPins() + r.stats().scaledValues())
                .isZero());
        // the llm engine really used the solver tool
        runs.stream().filter(r -> r.engine().equals("llm")).forEach(r -> assertThat(r.toolCalls()).isPositive());
    }

    private static Run run(String engine, Double e, DesignPipeline pipeline, SimulatedModel model, DesignSuite suite,
                           KnowledgeBase kb) {
        for (int k = 0; k < Math.min(WARMUP, suite.items().size()); k++) {
            try {
                pipeline.design(suite.items().get(k).prompt(), OPTIONS, DesignPipeline.Listener.silent());
            } catch (RuntimeException ignored) {
                // the timed run records it
            }
        }
        SimulatedModel.Stats start = model == null ? null : model.stats();
        List<ItemResult> items = new ArrayList<>();
        Map<String, Integer> rules = new LinkedHashMap<>();
        Map<String, Integer> repaired = new LinkedHashMap<>();
        Map<String, Integer> stopped = new LinkedHashMap<>();
        long calls = 0;
        long toolCalls = 0;
        long answerRepairs = 0;
        for (SuiteItem item : suite.items()) {
            SimulatedModel.Stats before = model == null ? null : model.stats();
            long t = System.nanoTime();
            try {
                DesignResult result = pipeline.design(item.prompt(), OPTIONS, DesignPipeline.Listener.silent());
                items.add(SuiteRunner.evaluate(item, result, kb, System.nanoTime() - t));
                for (DesignTrace.Entry entry : result.trace().entries()) {
                    if (entry.stage().equals("reason") && entry.round() >= 1 && entry.input() != null) {
                        // the findings handed back to the reasoner for this repair round
                        entry.input().forEach(f -> repaired.merge(f.path("severity").asText() + " "
                                + f.path("rule").asText(), 1, Integer::sum));
                    }
                    if (entry.usage() != null) {
                        calls += entry.usage().getOrDefault("calls", 0L);
                        toolCalls += entry.usage().getOrDefault("toolCalls", 0L);
                        answerRepairs += entry.usage().getOrDefault("repairs", 0L);
                    }
                }
                for (Finding f : result.report().findings()) {
                    if (f.severity() == Severity.ERROR) {
                        rules.merge(f.rule(), 1, Integer::sum);
                    }
                }
            } catch (RuntimeException ex) {
                long nanos = System.nanoTime() - t;
                String why = why(ex);
                stopped.merge(why, 1, Integer::sum);
                items.add(new ItemResult(item.id(), item.difficulty(), item.domain(), item.prompt(), false, false,
                        false, List.of(why + ": " + ex.getMessage()), 0, 0, 0, nanos / 1e6));
                if (model != null) {
                    // the trace of a stopped design is not returned: count what the model answered instead
                    SimulatedModel.Stats after = model.stats();
                    calls += after.calls() - before.calls();
                    toolCalls += after.toolCalls() - before.toolCalls();
                }
            }
        }
        SimulatedModel.Stats stats = model == null ? null : minus(model.stats(), start);
        double n = suite.items().size();
        return new Run(engine, e, new SuiteReport(engine, suite.source(), items), calls / n, toolCalls / n,
                answerRepairs / n, sorted(rules), sorted(repaired), sorted(stopped), stats);
    }

    /** Why a design stopped, in a few words: the pipeline's reason, or the stage and problem the model left. */
    private static String why(RuntimeException ex) {
        if (ex instanceof DesignException d) {
            return "stopped: " + d.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        if (ex instanceof LlmException l) {
            String msg = String.valueOf(l.getMessage());
            Matcher m = NO_USABLE.matcher(msg);
            String stage = m.find() ? m.group(1) : "?";
            String problem = msg.contains("is on two nets") ? "a pin on two nets"
                    : msg.contains("only one pin") ? "a net with one pin"
                    : msg.contains("is on no net") ? "a component on no net"
                    : msg.contains("schema:") ? "schema" : msg.contains("is asked for") ? "a part not placed"
                    : "other";
            return "model gave up (" + l.kind().name().toLowerCase(Locale.ROOT) + ", " + stage + ": " + problem + ")";
        }
        return "crashed: " + ex.getClass().getSimpleName();
    }

    private static String markdown(DesignSuite suite, List<Run> runs) {
        int n = suite.items().size();
        StringBuilder sb = new StringBuilder("# Engine comparison on the design suite\n\n");
        sb.append("Suite: `").append(suite.source()).append("`, ").append(n).append(" prompts; simulated model ")
                .append("seed ").append(SEED).append("; at most ").append(OPTIONS.maxRepairRounds())
                .append(" repair rounds. `e` is the simulated model's error rate (part confusions, dropped values ")
                .append("and constraints; in llm mode also wrong pins and passive values ×10/÷10).\n\n");
        sb.append("| engine | e | no validation errors | every expectation met | designs stopped | mean repair rounds ")
                .append("| model calls / prompt | tool calls / prompt | answers sent back / prompt | p50 ms | p95 ms |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Run r : runs) {
            SuiteReport rep = r.report();
            long stopped = rep.items().stream().filter(i -> !i.designed()).count();
            double rounds = rep.items().stream().mapToInt(ItemResult::repairRounds).average().orElse(0);
            sb.append("| ").append(r.engine()).append(" | ").append(r.errorRate() == null ? "–" : fmt(r.errorRate(), 2))
                    .append(" | ").append(rep.passedValidation()).append(" (").append(pct(rep.validationRate()))
                    .append(") | ").append(rep.met()).append(" (").append(pct(rep.expectationRate())).append(") | ")
                    .append(stopped).append(" | ").append(fmt(rounds, 2)).append(" | ").append(fmt(r.calls(), 2))
                    .append(" | ").append(fmt(r.toolCalls(), 2)).append(" | ").append(fmt(r.answerRepairs(), 2))
                    .append(" | ").append(fmt(rep.p50Millis(), 1)).append(" | ").append(fmt(rep.p95Millis(), 1))
                    .append(" |\n");
        }
        sb.append("\nMean repair rounds are the pipeline's validation-repair rounds over all prompts (0 for a stopped ")
                .append("design). Model and tool calls come from the trace's usage; a stopped design returns no trace, ")
                .append("so for those the simulated model's own count is used. \"Answers sent back\" are the client's ")
                .append("repairs of answers that broke the schema or the stage's check (a pin on two nets, a net with ")
                .append("one pin), counted for designed prompts.\n\n");

        sb.append("## What the simulated model did\n\n| engine | e | oracle part ids | not among the candidates | ")
                .append("ids swapped | values/constraints dropped | wrong pins | values scaled | proposal pins off ")
                .append("the enumeration | proposal refs realigned | proposed parts not enumerable | proposed nets left out |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Run r : runs) {
            SimulatedModel.Stats s = r.stats();
            if (s == null) {
                continue;
            }
            sb.append("| ").append(r.engine()).append(" | ").append(fmt(r.errorRate(), 2)).append(" | ")
                    .append(s.oracleIds()).append(" | ").append(s.idsOutsideCandidates()).append(" | ")
                    .append(s.swappedIds()).append(" | ").append(s.droppedItems()).append(" | ").append(s.wrongPins())
                    .append(" | ").append(s.scaledValues()).append(" | ").append(s.offEnumPins()).append(" | ")
                    .append(s.realignedRefs()).append(" | ").append(s.partsNotEnumerated()).append(" | ")
                    .append(s.droppedNets()).append(" |\n");
        }

        sb.append("\n## Why designs failed\n\n");
        for (Run r : runs) {
            sb.append("- **").append(r.engine()).append(r.errorRate() == null ? "" : " e=" + fmt(r.errorRate(), 2))
                    .append("**: error findings in final circuits: ").append(r.errorRules().isEmpty() ? "none"
                            : top(r.errorRules(), 8)).append("; stopped: ").append(r.stopped().isEmpty() ? "none"
                            : top(r.stopped(), 6)).append("; findings handed back for repair: ")
                    .append(r.repairedRules().isEmpty() ? "none" : top(r.repairedRules(), 8)).append('\n');
        }
        sb.append("\n## Unmet expectations\n\n");
        for (Run r : runs) {
            List<String> lines = r.report().failureLines();
            sb.append("### ").append(r.engine()).append(r.errorRate() == null ? "" : " e=" + fmt(r.errorRate(), 2))
                    .append(" (").append(r.report().failures().size()).append(" prompts)\n\n");
            lines.stream().limit(25).forEach(l -> sb.append("- ").append(l.replace("\n", " ")).append('\n'));
            if (lines.size() > 25) {
                sb.append("- … and ").append(lines.size() - 25).append(" more\n");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static SimulatedModel.Stats minus(SimulatedModel.Stats a, SimulatedModel.Stats b) {
        return new SimulatedModel.Stats(a.calls() - b.calls(), a.toolCalls() - b.toolCalls(),
                a.oracleIds() - b.oracleIds(), a.idsOutsideCandidates() - b.idsOutsideCandidates(),
                a.swappedIds() - b.swappedIds(), a.droppedItems() - b.droppedItems(), a.wrongPins() - b.wrongPins(),
                a.scaledValues() - b.scaledValues(), a.offEnumPins() - b.offEnumPins(),
                a.realignedRefs() - b.realignedRefs(), a.partsNotEnumerated() - b.partsNotEnumerated(),
                a.droppedNets() - b.droppedNets());
    }

    private static Map<String, Integer> sorted(Map<String, Integer> m) {
        return m.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).collect(Collectors.toMap(Map.Entry::getKey,
                Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private static String top(Map<String, Integer> m, int k) {
        return m.entrySet().stream().limit(k).map(x -> "`" + x.getKey() + "` ×" + x.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String pct(double f) {
        return String.format(Locale.ROOT, "%.1f %%", f * 100);
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
