package dev.kirchhoff.eval.run;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImagePolicyTest {

    @Test
    void autoTakesVisionModelsByName() {
        for (String vision : List.of("openai:gpt-4o-mini", "gpt-4o", "gpt-4.1-nano", "gpt-5", "o3", "o4-mini",
                "anthropic:claude-sonnet-4-5", "ollama:qwen2.5vl:7b", "qwen2-vl-7b-instruct", "llava:13b",
                "ollama:gemma3:4b", "llama3.2-vision", "minicpm-v", "pixtral-12b")) {
            assertThat(ImagePolicy.AUTO.accepts(vision)).as(vision).isTrue();
        }
        for (String text : List.of("openai:gpt-3.5-turbo", "gpt-4", "o1-mini", "ollama:qwen2.5:7b", "llama3.1:8b",
                "mistral", "deepseek-r1:14b", "gemma2:9b")) {
            assertThat(ImagePolicy.AUTO.accepts(text)).as(text).isFalse();
        }
    }

    @Test
    void yesAndNoIgnoreTheName() {
        assertThat(ImagePolicy.YES.accepts("llama3.1:8b")).isTrue();
        assertThat(ImagePolicy.NO.accepts("gpt-4o")).isFalse();
    }

    @Test
    void parsesCaseInsensitivelyAndRejectsOtherWords() {
        assertThat(ImagePolicy.parse("Auto")).isEqualTo(ImagePolicy.AUTO);
        assertThat(ImagePolicy.parse("yes")).isEqualTo(ImagePolicy.YES);
        assertThatThrownBy(() -> ImagePolicy.parse("maybe"))
                .hasMessage("The image policy 'maybe' is not one of yes, no, auto; write e.g. --images auto.");
    }
}
