package dev.kirchhoff.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kirchhoff.agents.llm.wire.OllamaWireServer;
import dev.kirchhoff.agents.llm.wire.OpenAiWireServer;
import dev.kirchhoff.agents.llm.wire.WireServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kirchhoff design --engine llm|hybrid} end to end: the real command against loopback servers that speak the
 * OpenAI and Ollama wire protocols and answer like a server with constrained decoding ({@link LlmResponder}).
 */
class DesignCommandLlmTest {

    static final String PROMPT = "a red LED on an Arduino Uno";
    static final String KEY = "sk-test-123-do-not-leak";
    /** A pin the Uno does not have (it has D0-D13 and A0-A5). */
    static final String BAD_PIN = "U1:D99";
    static final List<String> EXPORTS = List.of("design.net", "diagram.json", "circuit.json", "design.cir");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The environment of one run: the key, and a config file path that does not exist (no user config leaks in). */
    private Map<String, String> env(String... more) {
        Map<String, String> env = new HashMap<>();
        env.put("OPENAI_API_KEY", KEY);
        env.put("KIRCHHOFF_CONFIG", dir.resolve("no-config.json").toString());
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private static Cli.Result run(Map<String, String> env, String... args) {
        return Environment.with(env, () -> Cli.run(args));
    }

    private Cli.Result designOverOpenAi(OpenAiWireServer server, Path out, Map<String, String> env) {
        return run(env, "design", PROMPT, "--engine", "llm", "--model", "openai:test-model", "--base-url",
                server.baseUrl(), "--no-cache", "-o", out.toString(), "--no-simulate");
    }

    private static List<WireServer.Recorded> requestsOf(WireServer<?> server, String stage) {
        return server.requests().stream().filter(r -> LlmResponder.stage(r.body()).equals(stage)).toList();
    }

    private static JsonNode schemaOf(WireServer.Recorded r) {
        return LlmResponder.schema(r.body()).orElseThrow();
    }

    private static void assertNothingExported(Path out) {
        for (String f : EXPORTS) {
            assertThat(out.resolve(f)).as(f).doesNotExist();
        }
    }

    private static void assertNothingWritten(Path out) throws IOException {
        if (Files.exists(out)) {
            try (Stream<Path> s = Files.list(out)) {
                assertThat(s.toList()).as("files in " + out).isEmpty();
            }
        }
    }

    /** Every net of design.json, as name → pins. */
    private static Map<String, List<String>> nets(Path designJson) throws IOException {
        JsonNode root = JSON.readTree(designJson.toFile());
        Map<String, List<String>> nets = new HashMap<>();
        for (JsonNode n : root.path("nets")) {
            List<String> pins = new ArrayList<>();
            n.path("pins").forEach(p -> pins.add(p.asText()));
            nets.put(n.path("name").asText(), pins);
        }
        return nets;
    }

    /** The pins of {@code ref} in design.json, as name → {@code REF:number}. */
    private static Map<String, String> pinsByName(Path designJson, String ref) throws IOException {
        Map<String, String> pins = new HashMap<>();
        for (JsonNode c : JSON.readTree(designJson.toFile()).path("components")) {
            if (c.path("ref").asText().equals(ref)) {
                c.path("pins").forEach(p -> pins.putIfAbsent(p.path("name").asText(), ref + ":"
                        + p.path("number").asText()));
            }
        }
        assertThat(pins).as("pins of " + ref + " in " + designJson).isNotEmpty();
        return pins;
    }

    /** The name of the net {@code refPin} is on, or null. */
    private static String netOf(Map<String, List<String>> nets, String refPin) {
        return nets.entrySet().stream().filter(e -> e.getValue().contains(refPin)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    private static JsonNode trace(Path out, String stage) throws IOException {
        for (JsonNode e : JSON.readTree(out.resolve("trace.json").toFile()).path("entries")) {
            if (e.path("stage").asText().equals(stage)) {
                return e;
            }
        }
        throw new AssertionError("trace.json has no " + stage + " entry");
    }

    private static boolean hasToolResult(JsonNode body) {
        for (JsonNode m : body.path("messages")) {
            if ("tool".equals(m.path("role").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The text of the last user message of a recorded request. */
    private static String lastUserText(WireServer.Recorded r) {
        String last = null;
        for (JsonNode m : r.messages()) {
            if ("user".equals(m.path("role").asText())) {
                last = m.path("content").asText();
            }
        }
        return last;
    }

    @Test
    void llmEngineOverOpenAiDesignsTheLedFromSchemaEnumsAndWritesEveryFile() throws IOException {
        try (OpenAiWireServer server = new OpenAiWireServer().responder(new LlmResponder())) {
            Path out = dir.resolve("led");
            Cli.Result r = designOverOpenAi(server, out, env());
            assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(0);
            assertThat(r.out()).contains("llm engine, model openai:test-model").contains("Validation: passed")
                    // what each model stage spent, on its progress line (the server reports 11 → 7 tokens a call)
                    .containsPattern("identify .*\\[1 call, 11 → 7 tokens\\]")
                    .containsPattern("reason .*\\[2 calls, 22 → 14 tokens\\]");
            assertThat(Files.readString(out.resolve("report.md"))).contains("| Model use |")
                    .contains("1 call, 11 → 7 tokens");
            for (String f : List.of("design.json", "circuit.json", "diagram.json", "design.net", "design.cir",
                    "schematic.svg", "report.md", "report.html", "trace.json")) {
                assertThat(out.resolve(f)).as(f).isNotEmptyFile();
            }

            // one identify, one components, one wiring request, each constrained by its schema
            assertThat(server.requests()).extracting(q -> LlmResponder.stage(q.body()))
                    .containsExactly("identify", "components", "wiring");
            WireServer.Recorded identify = server.request(0);
            assertThat(identify.path()).isEqualTo("/v1/chat/completions");
            assertThat(identify.body().at("/response_format/type").asText()).isEqualTo("json_schema");
            assertThat(LlmResponder.enumAt(schemaOf(identify), "/properties/parts/items/properties/id/enum"))
                    .contains("arduino-uno-r3", "led-red");
            List<String> wiringPins = LlmResponder.enumAt(schemaOf(server.request(2)),
                    "/properties/nets/items/properties/pins/items/enum");
            assertThat(wiringPins).contains("U1:D13", "D1:A", "D1:K", "R1:1", "R1:2")
                    .doesNotContain("D1:G", "D1:3", "R1:3", "U1:D14")
                    .noneMatch(p -> p.startsWith("D1:") && !p.equals("D1:A") && !p.equals("D1:K"));
            // the key went to the server, as the OpenAI protocol sends it
            assertThat(identify.header("Authorization")).isEqualTo("Bearer " + KEY);

            // the written design: D13 -> R1 -> LED anode, LED cathode -> GND
            Path design = out.resolve("design.json");
            Map<String, List<String>> nets = nets(design);
            Map<String, String> led = pinsByName(design, "D1");
            Map<String, String> board = pinsByName(design, "U1");
            String anodeNet = netOf(nets, led.get("A"));
            assertThat(anodeNet).isNotNull();
            assertThat(nets.get(anodeNet)).containsExactlyInAnyOrder(led.get("A"), "R1:2");
            assertThat(nets.get(netOf(nets, "R1:1"))).containsExactlyInAnyOrder(board.get("D13"), "R1:1");
            assertThat(nets.get(netOf(nets, led.get("K")))).containsExactlyInAnyOrder(led.get("K"), board.get("GND"));
            String kicad = Files.readString(out.resolve("design.net"));
            assertThat(kicad).contains("(net ").contains("\"" + anodeNet + "\"");

            // trace: engine, model and what identify and reason cost
            JsonNode identifyTrace = trace(out, "identify");
            assertThat(identifyTrace.path("engine").asText()).isEqualTo("llm");
            assertThat(identifyTrace.path("model").asText()).isEqualTo("openai:test-model");
            assertThat(identifyTrace.at("/usage/calls").asLong()).isEqualTo(1);
            assertThat(identifyTrace.at("/usage/inputTokens").asLong()).isEqualTo(OpenAiWireServer.PROMPT_TOKENS);
            assertThat(identifyTrace.at("/usage/outputTokens").asLong())
                    .isEqualTo(OpenAiWireServer.COMPLETION_TOKENS);
            JsonNode reasonTrace = trace(out, "reason");
            assertThat(reasonTrace.path("engine").asText()).isEqualTo("llm");
            assertThat(reasonTrace.at("/usage/calls").asLong()).isEqualTo(2);
            assertThat(reasonTrace.at("/usage/inputTokens").asLong()).isEqualTo(2L * OpenAiWireServer.PROMPT_TOKENS);

            // the key is in no file written, and not in what was printed
            try (Stream<Path> files = Files.walk(out)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(f)).as(f.toString()).doesNotContain(KEY).doesNotContain("sk-test");
                }
            }
            assertThat(r.out() + r.err()).doesNotContain(KEY);
        }
    }

    @Test
    void theComponentsStepCallsTheAssignPinsToolAndGetsTheSolversPinMapBack() throws IOException {
        LlmResponder constrained = new LlmResponder();
        try (OpenAiWireServer server = new OpenAiWireServer().responder(body ->
                LlmResponder.stage(body).equals("components") && !hasToolResult(body)
                        ? WireServer.Scripted.toolCall("assign_pins", "{}") : constrained.answer(body))) {
            Path out = dir.resolve("tools");
            Cli.Result r = designOverOpenAi(server, out, env());
            assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(0);

            List<WireServer.Recorded> components = requestsOf(server, "components");
            assertThat(components).hasSize(2);
            assertThat(components.get(0).body().path("tools").toString()).contains("\"assign_pins\"");
            int first = server.requests().indexOf(components.get(0));
            JsonNode messages = components.get(1).messages();
            JsonNode call = messages.get(messages.size() - 2);
            assertThat(call.path("role").asText()).isEqualTo("assistant");
            assertThat(call.at("/tool_calls/0/function/name").asText()).isEqualTo("assign_pins");
            JsonNode result = messages.get(messages.size() - 1);
            assertThat(result.path("role").asText()).isEqualTo("tool");
            assertThat(result.path("tool_call_id").asText()).isEqualTo("call_" + first);
            String toolText = result.path("content").asText();
            assertThat(toolText).contains("components:").contains("U1 PART arduino-uno-r3").contains("led-red")
                    .contains("nets:").contains("pin map:");
            // the solver's pin map drives the LED from a board pin through R1, and that pin is one the wiring
            // step's enumeration offers
            Matcher m = Pattern.compile("(?m)^pin map:\\n\\s+LED \\S+: (U1:\\S+) -> R1:1").matcher(toolText);
            assertThat(m.find()).as(toolText).isTrue();
            assertThat(LlmResponder.enumAt(schemaOf(requestsOf(server, "wiring").get(0)),
                    "/properties/nets/items/properties/pins/items/enum")).contains(m.group(1));

            assertThat(trace(out, "reason").at("/usage/toolCalls").asLong()).isEqualTo(1);
            assertThat(trace(out, "reason").at("/usage/calls").asLong()).isEqualTo(3);
            assertThat(out.resolve("design.net")).isNotEmptyFile();
        }
    }

    @Test
    void hybridEngineOverOllamaAsksTheModelOnlyToIdentify() throws IOException {
        try (OllamaWireServer server = new OllamaWireServer().responder(new LlmResponder())) {
            Path out = dir.resolve("hybrid");
            Cli.Result r = run(env(), "design", PROMPT, "--engine", "hybrid", "--model", "ollama:test", "--base-url",
                    "http://127.0.0.1:" + server.port(), "--no-cache", "-o", out.toString(), "--no-simulate");
            assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(0);
            assertThat(r.out()).contains("hybrid engine, model ollama:test").contains("Validation: passed");

            assertThat(server.requests()).hasSize(1);
            WireServer.Recorded identify = server.request(0);
            assertThat(identify.path()).isEqualTo("/api/chat");
            assertThat(LlmResponder.stage(identify.body())).isEqualTo("identify");
            assertThat(identify.body().path("model").asText()).isEqualTo("test");
            assertThat(LlmResponder.enumAt(identify.body().path("format"),
                    "/properties/parts/items/properties/id/enum")).contains("arduino-uno-r3", "led-red");
            // Ollama takes no key: none is sent, even with OPENAI_API_KEY set
            assertThat(identify.header("Authorization")).isNull();

            JsonNode identifyTrace = trace(out, "identify");
            assertThat(identifyTrace.path("engine").asText()).isEqualTo("hybrid");
            assertThat(identifyTrace.path("model").asText()).isEqualTo("ollama:test");
            assertThat(identifyTrace.at("/usage/inputTokens").asLong()).isEqualTo(OllamaWireServer.PROMPT_TOKENS);
            assertThat(trace(out, "reason").at("/usage/calls").asLong()).isZero();
            Path design = out.resolve("design.json");
            Map<String, String> led = pinsByName(design, "D1");
            assertThat(netOf(nets(design), led.get("A"))).isNotNull();
            assertThat(out.resolve("design.net")).isNotEmptyFile();
        }
    }

    @Test
    void aWiringAnswerNamingAPinThatDoesNotExistIsSentBackAndTheRepairedAnswerIsUsed() throws IOException {
        LlmResponder constrained = new LlmResponder();
        try (OpenAiWireServer server = new OpenAiWireServer().responder(body ->
                LlmResponder.stage(body).equals("wiring") && !LlmResponder.isRepair(body)
                        ? WireServer.Scripted.content(LlmResponder.wiring(LlmResponder.schema(body).orElseThrow(),
                        BAD_PIN).toString())
                        : constrained.answer(body))) {
            Path out = dir.resolve("repaired");
            Cli.Result r = designOverOpenAi(server, out, env());
            assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(0);

            List<WireServer.Recorded> wiring = requestsOf(server, "wiring");
            assertThat(wiring).hasSize(2);
            assertThat(LlmResponder.enumAt(schemaOf(wiring.get(0)), "/properties/nets/items/properties/pins/items/enum"))
                    .doesNotContain(BAD_PIN);
            // the problem text names where the answer broke the schema and gives back the pins that exist
            assertThat(lastUserText(wiring.get(1))).startsWith("Your answer cannot be used")
                    .contains("$.nets[0].pins[0]: '" + BAD_PIN + "' is not one of the values the schema allows there")
                    .contains("$.assignments[0].hostPin")
                    // the wiring check then says which pins the board does have
                    .contains("U1:D13");
            // the bad answer is in the conversation as the model's previous turn
            assertThat(wiring.get(1).messages().toString()).contains(BAD_PIN);

            Path design = out.resolve("design.json");
            Map<String, String> board = pinsByName(design, "U1");
            assertThat(nets(design).get(netOf(nets(design), "R1:1"))).containsExactlyInAnyOrder(board.get("D13"),
                    "R1:1");
            assertThat(Files.readString(design)).doesNotContain("D99");
            assertThat(trace(out, "reason").at("/usage/repairs").asLong()).isEqualTo(1);
        }
    }

    @Test
    void aWiringAnswerNamingAMissingPinEveryTimeEndsInAClearErrorAndNoFiles() throws IOException {
        LlmResponder constrained = new LlmResponder();
        try (OpenAiWireServer server = new OpenAiWireServer().responder(body ->
                LlmResponder.stage(body).equals("wiring")
                        ? WireServer.Scripted.content(LlmResponder.wiring(LlmResponder.schema(body).orElseThrow(),
                        BAD_PIN).toString())
                        : constrained.answer(body))) {
            Path out = dir.resolve("bad-pin");
            Cli.Result r = designOverOpenAi(server, out, env());
            assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
            assertThat(requestsOf(server, "wiring")).hasSize(3);   // the answer and two repair rounds
            assertThat(r.err()).contains("error: model openai:test-model gave no usable wiring answer after 2 repair "
                    + "round(s)").contains("$.nets[0].pins[0]: '" + BAD_PIN + "' is not one of the values")
                    .contains("Nothing was written")
                    .doesNotContain("Exception").doesNotContain(KEY);
            assertNothingExported(out);
            assertNothingWritten(out);
        }
    }

    @Test
    void malformedJsonIsSentBackAndRepaired() throws IOException {
        try (OpenAiWireServer server = new OpenAiWireServer().responder(new LlmResponder())) {
            server.replyJson("{\"parts\": [{\"id\": \"arduino-uno-r3\", \"quantity\": 1,");
            Path out = dir.resolve("malformed");
            Cli.Result r = designOverOpenAi(server, out, env());
            assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(0);

            List<WireServer.Recorded> identify = requestsOf(server, "identify");
            assertThat(identify).hasSize(2);
            assertThat(lastUserText(identify.get(1))).startsWith("Your answer cannot be used")
                    .contains("the answer was not valid JSON");
            assertThat(trace(out, "identify").at("/usage/repairs").asLong()).isEqualTo(1);
            assertThat(trace(out, "identify").at("/usage/calls").asLong()).isEqualTo(2);
            assertThat(out.resolve("design.net")).isNotEmptyFile();
        }
    }

    @Test
    void anEmptyAnswerEveryTimeIsAClearErrorAndWritesNothing() throws IOException {
        try (OpenAiWireServer server = new OpenAiWireServer().responder(body -> WireServer.Scripted.content(""))) {
            Path out = dir.resolve("empty");
            Cli.Result r = designOverOpenAi(server, out, env());
            assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
            assertThat(server.requests()).hasSize(3);
            assertThat(lastUserText(server.request(1))).contains("the answer was empty");
            assertThat(r.err()).contains("gave no usable identify answer after 2 repair round(s)")
                    .contains("the answer was empty").contains("--engine offline").doesNotContain("Exception");
            assertNothingWritten(out);
        }
    }

    @Test
    void aServerFailingWithHttp500IsTriedThreeTimesThenReported() throws IOException {
        try (OpenAiWireServer server = new OpenAiWireServer().responder(body ->
                WireServer.Scripted.status(500, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"))) {
            Path out = dir.resolve("http500");
            Cli.Result r = designOverOpenAi(server, out, env());
            assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
            // LlmSettings.DEFAULT_MAX_RETRIES = 2: the first attempt and two retries
            assertThat(server.requests()).hasSize(3);
            assertThat(r.err()).contains("The openai model test-model at " + server.baseUrl() + " failed with HTTP 500")
                    .contains("overloaded").contains("gave up after 3 attempts").doesNotContain("Exception")
                    .doesNotContain(KEY);
            assertNothingWritten(out);
        }
    }

    @Test
    void aReplySlowerThanTheTimeoutIsATimeoutError() throws IOException {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"maxRetries\": 0}");
        try (OpenAiWireServer server = new OpenAiWireServer()) {
            server.replyDelay(Duration.ofSeconds(10));
            Path out = dir.resolve("slow");
            Map<String, String> env = env("KIRCHHOFF_LLM_TIMEOUT", "0.5", "KIRCHHOFF_CONFIG", config.toString());
            Cli.Result r = designOverOpenAi(server, out, env);
            assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
            assertThat(server.requests()).hasSize(1);   // maxRetries 0 from the config file
            assertThat(r.err()).contains("gave no answer within 500 ms").contains("raise KIRCHHOFF_LLM_TIMEOUT")
                    .doesNotContain("Exception");
            assertNothingWritten(out);
        }
    }

    @Test
    void aClosedPortCannotBeReachedAndNothingIsWritten() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path out = dir.resolve("refused");
        Cli.Result r = run(env(), "design", PROMPT, "--engine", "llm", "--model", "openai:test-model", "--base-url",
                "http://127.0.0.1:" + port + "/v1", "--no-cache", "-o", out.toString(), "--no-simulate");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains("The openai model test-model at http://127.0.0.1:" + port + "/v1 cannot be "
                + "reached").contains("Nothing was written").doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    @Test
    void theLlmEngineWithoutAModelNamesTheThreeProviders() {
        Path out = dir.resolve("no-model");
        Map<String, String> env = Map.of("KIRCHHOFF_CONFIG", dir.resolve("no-config.json").toString());
        Cli.Result r = run(env, "design", PROMPT, "--engine", "llm", "-o", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("the llm engine needs a language model").contains("--model openai:")
                .contains("--model ollama:").contains("--model anthropic:").contains("--engine offline");
        assertThat(out).doesNotExist();
    }

    @Test
    void theEngineComesFromTheFlagThenTheEnvironmentThenTheConfigFile() throws IOException {
        Path config = dir.resolve("engine-config.json");
        Files.writeString(config, "{\"model\": \"ollama:test\", \"engine\": \"offline\"}");
        // a model is configured, but the config file's engine says offline: no request is made
        Path out = dir.resolve("config-offline");
        Cli.Result r = run(Map.of("KIRCHHOFF_CONFIG", config.toString()), "design", PROMPT, "--no-simulate",
                "-o", out.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(0);
        assertThat(r.out()).contains("Designing with the offline engine");

        Cli.Result bad = run(Map.of("KIRCHHOFF_CONFIG", config.toString(), "KIRCHHOFF_ENGINE", "gpt"), "design",
                PROMPT, "-o", dir.resolve("bad-engine").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown engine 'gpt' (from KIRCHHOFF_ENGINE); use offline, hybrid or llm");
        assertThat(dir.resolve("bad-engine")).doesNotExist();
    }
}
