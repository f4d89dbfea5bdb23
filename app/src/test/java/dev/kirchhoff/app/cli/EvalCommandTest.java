package dev.kirchhoff.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kirchhoff.agents.llm.wire.OpenAiWireServer;
import dev.kirchhoff.agents.llm.wire.WireServer;
import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.suite.MmCircuitEvalLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kirchhoff eval}: runs on the team's fixtures, resumes, reports, compares, merges; bad input is exit 2. */
class EvalCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static Path fixtures(String suite) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("eval-suites/fixtures"))) {
                return p.resolve("eval-suites/fixtures").resolve(suite);
            }
        }
        throw new IllegalStateException("no eval-suites/fixtures above the working folder");
    }

    private static JsonNode summary(Path dir) throws IOException {
        return JSON.readTree(dir.resolve("summary.json").toFile());
    }

    private static List<JsonNode> results(Path dir) throws IOException {
        try (Stream<String> lines = Files.lines(dir.resolve("results.jsonl"))) {
            return lines.map(l -> {
                try {
                    return JSON.readTree(l);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    @Test
    void suitesListsTheFourFormats() {
        Cli.Result r = Cli.run("eval", "suites");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("mmcircuiteval ", "circuitsense ", "amsbench ", "design ");
    }

    @Test
    void kirchhoffAgentSolvesTheCircuitSenseFixturesAndWritesEveryReport() throws IOException {
        Path dir = tmp.resolve("cs");
        Cli.Result r = Cli.run("eval", "run", "circuitsense", fixtures("circuitsense").toString(),
                "--model", "kirchhoff-agent", "-o", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("kirchhoff-agent on circuitsense: 13 items, 13 scored, 13 correct (100.0 %), "
                + "0 skipped, 0 errors, 0 malformed");
        for (String f : List.of("run.json", "results.jsonl", "summary.json", "report.md", "report.html")) {
            assertThat(dir.resolve(f)).as(f).isRegularFile();
        }
        assertThat(results(dir)).hasSize(13).allSatisfy(n -> assertThat(n.get("correct").asBoolean()).isTrue());
        assertThat(Files.readString(dir.resolve("report.html"))).contains("<svg");

        // a second run of the same command resumes and asks nothing again
        Cli.Result again = Cli.run("eval", "run", "circuitsense", fixtures("circuitsense").toString(),
                "--model", "kirchhoff-agent", "-o", dir.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.err()).contains("Resuming: 13 of 13 items already have a result.");
        assertThat(results(dir)).hasSize(13);

        // the report is written again from the results alone
        Files.delete(dir.resolve("report.md"));
        Cli.Result report = Cli.run("eval", "report", dir.toString());
        assertThat(report.exitCode()).isZero();
        assertThat(dir.resolve("report.md")).isRegularFile();
        assertThat(report.out()).contains("13 correct (100.0 %)");
    }

    @Test
    void aProviderModelIsAskedOverItsProtocolAndItemsWithImagesAreSkippedForAModelWithout() throws IOException {
        List<EvalItem> items = new MmCircuitEvalLoader().load(fixtures("mmcircuiteval")).items();
        long withImages = items.stream().filter(i -> !i.images().isEmpty()).count();
        assertThat(withImages).isPositive();
        Path dir = tmp.resolve("mm");
        try (OpenAiWireServer server = new OpenAiWireServer().responder(
                body -> WireServer.Scripted.content("{\"answer\": \"A\", \"explanation\": \"Only A fits.\"}"))) {
            Cli.Result r = Cli.run("eval", "run", "mmcircuiteval", fixtures("mmcircuiteval").toString(),
                    "--model", "openai:test-model", "--base-url", server.baseUrl(), "--no-cache", "--images", "no",
                    "-o", dir.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(server.requests()).hasSize(items.size() - (int) withImages);
            JsonNode totals = summary(dir).get("totals");
            assertThat(totals.get("items").asInt()).isEqualTo(items.size());
            assertThat(totals.get("skipped").asInt()).isEqualTo(withImages);
            assertThat(totals.get("errors").asInt()).isZero();
            // every single-choice item whose reference is A is right, every other one wrong
            long singleA = items.stream().filter(i -> i.images().isEmpty() && i.type().key().equals("single")
                    && i.reference().equals("A")).count();
            assertThat(results(dir).stream().filter(n -> n.get("type").asText().equals("single")
                    && n.get("correct").asBoolean()).count()).isEqualTo(singleA);
            assertThat(r.out()).contains("scored by word overlap (unofficial");
        }
    }

    @Test
    void openAnswersAreGradedByTheJudgeModelOverItsProtocol() throws IOException {
        Path dir = tmp.resolve("judged");
        try (OpenAiWireServer server = new OpenAiWireServer().responder(body -> {
            boolean judge = body.toString().contains("prompt: eval/judge/open.v1");
            return WireServer.Scripted.content(judge ? "0.75"
                    : "{\"answer\": \"A\", \"explanation\": \"It follows from the datasheet.\"}");
        })) {
            Map<String, String> env = new HashMap<>(Cli.offlineEnvironment());
            env.put("OPENAI_API_KEY", "sk-test-not-a-real-key");
            env.put("OPENAI_BASE_URL", server.baseUrl());
            Cli.Result r = Environment.with(env, () -> Cli.run("eval", "run", "mmcircuiteval",
                    fixtures("mmcircuiteval").toString(), "--model", "openai:test-model", "--judge",
                    "openai:judge-model", "--no-cache", "--images", "yes", "--filter", "type=open",
                    "-o", dir.toString()));
            assertThat(r.exitCode()).as(r.err()).isZero();
            List<JsonNode> lines = results(dir);
            assertThat(lines).isNotEmpty().allSatisfy(n -> {
                assertThat(n.get("method").asText()).isEqualTo("llm-judge");
                assertThat(n.get("official").asBoolean()).isTrue();
                assertThat(n.get("score").asDouble()).isEqualTo(0.75);
                assertThat(n.get("correct").asBoolean()).isTrue();
            });
            // one request answers each item, one more grades it; the judge is asked as judge-model
            assertThat(server.requests()).hasSize(2 * lines.size());
            assertThat(server.requests().stream().filter(q -> q.body().path("model").asText().equals("judge-model")))
                    .hasSize(lines.size());
            assertThat(r.out()).doesNotContain("unofficial");
            assertThat(Files.readString(dir.resolve("results.jsonl"))).doesNotContain("sk-test-not-a-real-key");
        }
    }

    @Test
    void aModelDesignsTheDesignSuitesCircuitsThroughTheLlmEngine() throws IOException {
        Path suite = tmp.resolve("design-suite.jsonl");
        Files.writeString(suite, "{\"id\": \"uno-red-led\", \"prompt\": \"a red LED on an Arduino Uno\", "
                + "\"difficulty\": \"easy\", \"domain\": \"embedded\", \"tags\": [\"led\"], \"expect\": "
                + "{\"parts\": [\"arduino-uno-r3\", \"led-red\"], \"series\": [{\"select\": \"led\", \"from\": "
                + "{\"boardFunction\": \"GPIO\"}, \"min\": 150, \"max\": 1000, \"to\": \"ground\"}], "
                + "\"absentFindings\": [\"part.led-resistor\", \"part.led-current\"]}}\n");
        Path dir = tmp.resolve("designed");
        try (OpenAiWireServer server = new OpenAiWireServer().responder(new LlmResponder())) {
            Map<String, String> env = new HashMap<>(Cli.offlineEnvironment());
            env.put("OPENAI_API_KEY", "sk-test-not-a-real-key");
            Cli.Result r = Environment.with(env, () -> Cli.run("eval", "run", "design", suite.toString(), "--model",
                    "openai:test-model", "--base-url", server.baseUrl(), "--no-cache", "--design-engine", "llm",
                    "-o", dir.toString()));
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(results(dir)).singleElement().satisfies(n -> {
                assertThat(n.get("status").asText()).isEqualTo("scored");
                assertThat(n.get("method").asText()).isEqualTo("design");
                assertThat(n.get("correct").asBoolean()).as(n.get("detail").asText()).isTrue();
                assertThat(n.get("inputTokens").asLong()).isPositive();
            });
            // the llm engine asks the model to identify, choose components and wire them
            assertThat(server.requests().stream().map(q -> LlmResponder.stage(q.body())).distinct())
                    .contains("identify", "components", "wiring");
        }
    }

    @Test
    void kirchhoffAgentWithAFallbackModelHandsTheModelOnlyWhatItsToolsCannotAnswer() throws IOException {
        Path dir = tmp.resolve("agent-plus-model");
        try (OpenAiWireServer server = new OpenAiWireServer().responder(
                body -> WireServer.Scripted.content("<answer>H(s) = 1</answer>"))) {
            Map<String, String> env = new HashMap<>(Cli.offlineEnvironment());
            env.put("OPENAI_API_KEY", "sk-test-not-a-real-key");
            Cli.Result r = Environment.with(env, () -> Cli.run("eval", "run", "circuitsense",
                    fixtures("circuitsense").toString(), "--model", "kirchhoff-agent", "--fallback-model",
                    "openai:test-model", "--base-url", server.baseUrl(), "--no-cache", "-o", dir.toString()));
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("kirchhoff-agent+openai:test-model on circuitsense: 13 items, 13 scored, "
                    + "13 correct");
            // every fixture has a netlist the agent reads, so the model is never asked
            assertThat(server.requests()).isEmpty();
        }
        Cli.Result misuse = Cli.run("eval", "run", "circuitsense", fixtures("circuitsense").toString(), "--model",
                "openai:test-model", "--fallback-model", "openai:other", "-o", tmp.resolve("x").toString());
        assertThat(misuse.exitCode()).isEqualTo(2);
        assertThat(misuse.err()).contains("--fallback-model goes with --model kirchhoff-agent");
    }

    @Test
    void aServerThatKeepsFailingIsRecordedPerItemAndTheRunFinishes() throws IOException {
        Path dir = tmp.resolve("failing");
        try (OpenAiWireServer server = new OpenAiWireServer().responder(
                body -> WireServer.Scripted.status(500, "{\"error\":{\"message\":\"overloaded\"}}"))) {
            Cli.Result r = Cli.run("eval", "run", "amsbench", fixtures("amsbench").toString(), "--model",
                    "openai:test-model", "--base-url", server.baseUrl(), "--no-cache", "--images", "yes",
                    "--retries", "0", "--limit", "3", "-o", dir.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(results(dir)).hasSize(3).allSatisfy(n -> {
                assertThat(n.get("status").asText()).isEqualTo("error");
                assertThat(n.get("error").get("type").asText()).isEqualTo("LlmException");
            });
            assertThat(summary(dir).get("totals").get("errors").asInt()).isEqualTo(3);
        }
    }

    @Test
    void shardsMergeIntoOneRunAndTwoRunsCompare() throws IOException {
        Path cs = fixtures("circuitsense");
        Path one = tmp.resolve("s1");
        Path two = tmp.resolve("s2");
        assertThat(Cli.run("eval", "run", "circuitsense", cs.toString(), "--model", "kirchhoff-agent", "--shard",
                "1/2", "-o", one.toString()).exitCode()).isZero();
        assertThat(Cli.run("eval", "run", "circuitsense", cs.toString(), "--model", "kirchhoff-agent", "--shard",
                "2/2", "-o", two.toString()).exitCode()).isZero();
        int first = results(one).size();
        assertThat(first).isBetween(1, 12);
        assertThat(results(two)).hasSize(13 - first);

        Path merged = tmp.resolve("merged");
        Cli.Result m = Cli.run("eval", "merge", "-o", merged.toString(), one.toString(), two.toString());
        assertThat(m.exitCode()).as(m.err()).isZero();
        assertThat(results(merged)).hasSize(13);
        assertThat(summary(merged).get("totals").get("correct").asInt()).isEqualTo(13);

        Cli.Result c = Cli.run("eval", "compare", one.toString(), merged.toString(), "-o", tmp.toString());
        assertThat(c.exitCode()).as(c.err()).isZero();
        assertThat(c.out()).contains("0 wrong→right, 0 right→wrong, 0 only in A, " + (13 - first) + " only in B");
        assertThat(tmp.resolve("compare.md")).isRegularFile();
        assertThat(tmp.resolve("compare.html")).isRegularFile();
    }

    @Test
    void badInputIsExitTwoWithAMessageAndNoStackTrace() throws IOException {
        Path cs = fixtures("circuitsense");
        Cli.Result unknown = Cli.run("eval", "run", "mmlu", cs.toString(), "--model", "kirchhoff-agent");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown suite 'mmlu'").doesNotContain("Exception");

        Cli.Result missing = Cli.run("eval", "run", "circuitsense", tmp.resolve("nowhere").toString(),
                "--model", "kirchhoff-agent");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("does not exist");

        Cli.Result noModel = Cli.run("eval", "run", "circuitsense", cs.toString());
        assertThat(noModel.exitCode()).isEqualTo(2);
        assertThat(noModel.err()).contains("--model kirchhoff-agent");

        Cli.Result filter = Cli.run("eval", "run", "circuitsense", cs.toString(), "--model", "kirchhoff-agent",
                "--filter", "colour=red", "-o", tmp.resolve("f").toString());
        assertThat(filter.exitCode()).isEqualTo(2);
        assertThat(filter.err()).contains("colour").contains("level");

        Cli.Result shard = Cli.run("eval", "run", "circuitsense", cs.toString(), "--model", "kirchhoff-agent",
                "--shard", "3/2", "-o", tmp.resolve("sh").toString());
        assertThat(shard.exitCode()).isEqualTo(2);
        assertThat(shard.err()).contains("3/2");

        Path dir = tmp.resolve("taken");
        assertThat(Cli.run("eval", "run", "circuitsense", cs.toString(), "--model", "kirchhoff-agent", "--limit", "1",
                "-o", dir.toString()).exitCode()).isZero();
        Cli.Result other = Cli.run("eval", "run", "amsbench", fixtures("amsbench").toString(), "--model",
                "kirchhoff-agent", "-o", dir.toString());
        assertThat(other.exitCode()).isEqualTo(2);
        assertThat(other.err()).contains("holds a run of circuitsense on kirchhoff-agent");
        assertThat(results(dir)).hasSize(1);

        Cli.Result report = Cli.run("eval", "report", tmp.resolve("nothing").toString());
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.err()).contains("is not a folder");
    }
}
