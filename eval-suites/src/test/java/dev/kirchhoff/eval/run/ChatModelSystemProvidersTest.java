package dev.kirchhoff.eval.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kirchhoff.agents.llm.provider.ChatModels;
import dev.kirchhoff.agents.llm.provider.LlmSettings;
import dev.kirchhoff.agents.llm.provider.ModelSpec;
import dev.kirchhoff.agents.llm.provider.Secret;
import dev.kirchhoff.agents.llm.wire.AnthropicWireServer;
import dev.kirchhoff.agents.llm.wire.OllamaWireServer;
import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.ItemSource;
import dev.kirchhoff.eval.QuestionType;
import dev.kirchhoff.eval.RenderedPrompt;
import dev.kirchhoff.eval.Response;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An item's image reaches Ollama and Anthropic in each one's own wire format, beside the prompt's text. */
class ChatModelSystemProvidersTest {

    @TempDir
    Path dir;

    private Path png() throws Exception {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(2, 1, 0x00ff00);
        Path file = dir.resolve("schematic.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static EvalItem item(Path image) {
        return new EvalItem("amsbench", "ams-3", QuestionType.SINGLE, "", "Which topology is shown?",
                List.of("common source", "cascode"), "B", List.of(image), "", Map.of(),
                new ItemSource("amsbench.json", 3));
    }

    private static RenderedPrompt prompt(Path image) {
        return new RenderedPrompt("amsbench/single.v1", "Answer from the image.",
                "Which topology is shown?\nA. common source\nB. cascode", List.of(image));
    }

    @Test
    void ollamaGetsTheImageInTheMessagesImagesList() throws Exception {
        Path png = png();
        try (OllamaWireServer server = new OllamaWireServer().replyJson("**B**")) {
            LlmSettings s = LlmSettings.of(ModelSpec.parse("ollama:qwen2.5vl:7b"), null).withBaseUrl(server.baseUrl())
                    .withTimeout(Duration.ofSeconds(10)).withMaxRetries(0);
            ChatModelSystem sut = new ChatModelSystem(ChatModels.create(s), "ollama:qwen2.5vl:7b", ImagePolicy.AUTO);
            assertThat(sut.takesImages()).isTrue();
            Response r = sut.answer(item(png), prompt(png));
            assertThat(r.text()).isEqualTo("**B**");
            assertThat(r.inputTokens()).isEqualTo(OllamaWireServer.PROMPT_TOKENS);

            JsonNode body = server.request(0).body();
            assertThat(body.path("model").asText()).isEqualTo("qwen2.5vl:7b");
            JsonNode user = body.path("messages").get(1);
            assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("Answer from the image.");
            assertThat(user.path("role").asText()).isEqualTo("user");
            assertThat(user.path("content").asText()).isEqualTo("Which topology is shown?\nA. common source\nB. cascode");
            assertThat(user.path("images").get(0).asText())
                    .isEqualTo(Base64.getEncoder().encodeToString(Files.readAllBytes(png)));
        }
    }

    @Test
    void anthropicGetsTheImageAsABase64ContentBlock() throws Exception {
        Path png = png();
        try (AnthropicWireServer server = new AnthropicWireServer().replyJson("Answer: B")) {
            LlmSettings s = LlmSettings.of(ModelSpec.parse("anthropic:claude-sonnet-4-5"), Secret.of("sk-ant-test"))
                    .withBaseUrl(server.baseUrl()).withTimeout(Duration.ofSeconds(10)).withMaxRetries(0);
            ChatModelSystem sut = new ChatModelSystem(ChatModels.create(s), "anthropic:claude-sonnet-4-5",
                    ImagePolicy.AUTO);
            Response r = sut.answer(item(png), prompt(png));
            assertThat(r.text()).isEqualTo("Answer: B");
            assertThat(r.outputTokens()).isEqualTo(AnthropicWireServer.OUTPUT_TOKENS);

            JsonNode body = server.request(0).body();
            assertThat(body.toString()).contains("Answer from the image.");
            JsonNode content = body.path("messages").get(0).path("content");
            assertThat(content.get(0).path("type").asText()).isEqualTo("text");
            assertThat(content.get(0).path("text").asText())
                    .isEqualTo("Which topology is shown?\nA. common source\nB. cascode");
            assertThat(content.get(1).path("type").asText()).isEqualTo("image");
            assertThat(content.get(1).at("/source/type").asText()).isEqualTo("base64");
            assertThat(content.get(1).at("/source/media_type").asText()).isEqualTo("image/png");
            assertThat(content.get(1).at("/source/data").asText())
                    .isEqualTo(Base64.getEncoder().encodeToString(Files.readAllBytes(png)));
        }
    }
}
