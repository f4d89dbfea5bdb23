package dev.kirchhoff.agents.llm.provider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading and writing {@code provider:name}. */
class ModelSpecTest {

    @Test
    void splitsAtTheFirstColon() {
        assertThat(ModelSpec.parse("openai:gpt-4o-mini")).isEqualTo(new ModelSpec(Provider.OPENAI, "gpt-4o-mini"));
        assertThat(ModelSpec.parse("ollama:qwen2.5:7b")).isEqualTo(new ModelSpec(Provider.OLLAMA, "qwen2.5:7b"));
        assertThat(ModelSpec.parse("Anthropic:claude-sonnet-4-5"))
                .isEqualTo(new ModelSpec(Provider.ANTHROPIC, "claude-sonnet-4-5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"openai:gpt-4o-mini", "ollama:qwen2.5:7b", "anthropic:claude-sonnet-4-5"})
    void toStringGivesTheSpecBack(String spec) {
        assertThat(ModelSpec.parse(spec).toString()).isEqualTo(spec);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4o-mini", "mistral:large", "ollama:", ":llama3"})
    void badSpecNamesItAndListsTheForms(String spec) {
        assertThatThrownBy(() -> ModelSpec.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + spec + "'")
                .hasMessageContaining("openai:gpt-4o-mini")
                .hasMessageContaining("ollama:qwen2.5:7b")
                .hasMessageContaining("anthropic:claude-sonnet-4-5");
    }
}
