package dev.kirchhoff.agents.llm.provider;

import dev.kirchhoff.agents.llm.LlmException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static dev.kirchhoff.agents.llm.provider.Calls.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the settings come from: flags, then the environment, then the config file; and what a missing key says. */
class LlmSettingsTest {

    @TempDir
    Path dir;

    private Path config(String json) throws IOException {
        Path f = dir.resolve("config.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheConfigFile() throws IOException {
        Path cfg = config("{\"model\":\"ollama:llama3.2\",\"baseUrl\":\"http://gpu-box:11434\",\"timeoutSeconds\":90,"
                + "\"maxRetries\":4}");
        Map<String, String> env = Map.of("KIRCHHOFF_MODEL", "ollama:qwen2.5:7b",
                "OLLAMA_BASE_URL", "http://env-box:11434/", "KIRCHHOFF_LLM_TIMEOUT", "30");

        LlmSettings fromFlags = LlmSettings.resolve("ollama:phi4", "http://flag-box:11434", env, cfg, null).orElseThrow();
        LlmSettings fromEnv = LlmSettings.resolve(null, null, env, cfg, dir).orElseThrow();
        LlmSettings fromFile = LlmSettings.resolve(null, null, Map.of(), cfg, null).orElseThrow();

        assertThat(fromFlags.spec()).isEqualTo(new ModelSpec(Provider.OLLAMA, "phi4"));
        assertThat(fromFlags.baseUrl()).isEqualTo("http://flag-box:11434");
        assertThat(fromEnv.spec().name()).isEqualTo("qwen2.5:7b");
        assertThat(fromEnv.baseUrl()).isEqualTo("http://env-box:11434");
        assertThat(fromEnv.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(fromEnv.maxRetries()).isEqualTo(4);
        assertThat(fromEnv.cacheDir()).isEqualTo(dir);
        assertThat(fromFile.spec().name()).isEqualTo("llama3.2");
        assertThat(fromFile.baseUrl()).isEqualTo("http://gpu-box:11434");
        assertThat(fromFile.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(fromFile.cacheDir()).isNull();
    }

    @Test
    void defaults() {
        LlmSettings openai = LlmSettings.resolve("openai:gpt-4o-mini", null, Map.of("OPENAI_API_KEY", KEY), null,
                null).orElseThrow();
        LlmSettings ollama = LlmSettings.resolve("ollama:qwen2.5:7b", null, Map.of(), dir.resolve("absent.json"),
                null).orElseThrow();
        LlmSettings anthropic = LlmSettings.resolve("anthropic:claude-sonnet-4-5", null,
                Map.of("ANTHROPIC_API_KEY", KEY), null, null).orElseThrow();

        assertThat(openai.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(openai.apiKey().reveal()).isEqualTo(KEY);
        assertThat(openai.timeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(openai.maxRetries()).isEqualTo(2);
        assertThat(openai.temperature()).isZero();
        assertThat(ollama.baseUrl()).isEqualTo("http://localhost:11434");
        assertThat(ollama.apiKey()).isNull();
        assertThat(ollama.timeout()).isEqualTo(Duration.ofSeconds(300));   // a local model on a CPU is slow
        assertThat(anthropic.baseUrl()).isEqualTo("https://api.anthropic.com/v1");
    }

    @Test
    void nothingConfiguredIsEmpty() {
        assertThat(LlmSettings.resolve(null, null, Map.of("OPENAI_API_KEY", KEY), dir.resolve("none.json"), null))
                .isEqualTo(Optional.empty());
    }

    @Test
    void keyNeverShows() {
        LlmSettings s = LlmSettings.resolve("openai:gpt-4o-mini", null, Map.of("OPENAI_API_KEY", KEY), null, null)
                .orElseThrow();

        assertThat(s.toString()).doesNotContain(KEY).contains("apiKey=***", "openai:gpt-4o-mini");
        assertThat(s.apiKey().toString()).isEqualTo("***");
    }

    @Test
    void officialOpenAiWithoutAKeySaysWhatToSet() {
        assertThatThrownBy(() -> LlmSettings.resolve("openai:gpt-4o-mini", null, Map.of(), null, null))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmException.Kind.MISSING_KEY);
                    assertThat(e.getMessage()).contains("set OPENAI_API_KEY, or point OPENAI_BASE_URL at an "
                            + "OpenAI-compatible server");
                });
    }

    @Test
    void anthropicWithoutAKeySaysWhatToSet() {
        assertThatThrownBy(() -> LlmSettings.resolve("anthropic:claude-sonnet-4-5", null, Map.of(), null, null))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmException.Kind.MISSING_KEY);
                    assertThat(e.getMessage()).contains("ANTHROPIC_API_KEY");
                });
    }

    @Test
    void openAiCompatibleServerElsewhereNeedsNoKey() {
        LlmSettings s = LlmSettings.resolve("openai:qwen2.5-7b-instruct", null,
                Map.of("OPENAI_BASE_URL", "http://localhost:8000/v1"), null, null).orElseThrow();

        assertThat(s.apiKey()).isNull();
        assertThat(s.keyForClient()).isEqualTo(LlmSettings.PLACEHOLDER_KEY);
        assertThat(ChatModels.create(s)).isNotNull();
    }

    @Test
    void malformedConfigFileNamesTheFileAndTheProblem() throws IOException {
        Path cfg = config("{\"model\": \"ollama:qwen2.5:7b\",\n  \"timeoutSeconds\": }");

        assertThatThrownBy(() -> LlmSettings.resolve(null, null, Map.of(), cfg, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(cfg.toString())
                .hasMessageContaining("line 2");
    }

    @Test
    void badValuesInTheConfigFileNameTheKey() throws IOException {
        Path retries = config("{\"model\": \"ollama:qwen2.5:7b\", \"maxRetries\": \"many\"}");
        assertThatThrownBy(() -> LlmSettings.resolve(null, null, Map.of(), retries, null))
                .hasMessageContaining("maxRetries").hasMessageContaining(retries.toString());

        Path list = config("[\"ollama:qwen2.5:7b\"]");
        assertThatThrownBy(() -> LlmSettings.resolve(null, null, Map.of(), list, null))
                .hasMessageContaining("must hold a JSON object");
    }

    @Test
    void badTimeoutNamesTheVariable() {
        assertThatThrownBy(() -> LlmSettings.resolve("ollama:qwen2.5:7b", null,
                Map.of("KIRCHHOFF_LLM_TIMEOUT", "soon"), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KIRCHHOFF_LLM_TIMEOUT")
                .hasMessageContaining("'soon'");
    }

    @Test
    void theContextWindowComesFromTheEnvironmentThenTheConfigFileElseOllamasDefault() throws Exception {
        Path config = dir.resolve("context.json");
        Files.writeString(config, "{\"contextTokens\": 8192}");
        LlmSettings fromFile = LlmSettings.resolve("ollama:qwen2.5:7b", null, Map.of(), config, null).orElseThrow();
        LlmSettings fromEnv = LlmSettings.resolve("ollama:qwen2.5:7b", null,
                Map.of("KIRCHHOFF_CONTEXT_TOKENS", "32768"), config, null).orElseThrow();
        LlmSettings none = LlmSettings.resolve("ollama:qwen2.5:7b", null, Map.of(), null, null).orElseThrow();
        LlmSettings openai = LlmSettings.resolve("openai:gpt-4o-mini", null, Map.of("OPENAI_API_KEY", KEY), null, null)
                .orElseThrow();

        assertThat(fromFile.contextTokensOrDefault()).isEqualTo(8192);
        assertThat(fromEnv.contextTokensOrDefault()).isEqualTo(32768);
        assertThat(none.contextTokensOrDefault()).isEqualTo(LlmSettings.OLLAMA_CONTEXT_TOKENS);
        assertThat(openai.contextTokensOrDefault()).as("a hosted provider decides its own").isNull();
        assertThatThrownBy(() -> LlmSettings.resolve("ollama:qwen2.5:7b", null,
                Map.of("KIRCHHOFF_CONTEXT_TOKENS", "lots"), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KIRCHHOFF_CONTEXT_TOKENS is 'lots'; write a whole number of tokens");
    }
}
