package dev.kirchhoff.eval.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kirchhoff.agents.llm.LlmException;
import dev.kirchhoff.agents.llm.provider.ChatModels;
import dev.kirchhoff.agents.llm.provider.LlmSettings;
import dev.kirchhoff.agents.llm.provider.ModelSpec;
import dev.kirchhoff.agents.llm.wire.OpenAiWireServer;
import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.ItemSource;
import dev.kirchhoff.eval.QuestionType;
import dev.kirchhoff.eval.RenderedPrompt;
import dev.kirchhoff.eval.Response;
import dev.langchain4j.model.chat.ChatModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatModelSystemTest {

    @TempDir
    Path dir;

    private OpenAiWireServer server;

    @BeforeEach
    void start() {
        server = new OpenAiWireServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ChatModel model(String spec, Path cacheDir) {
        return ChatModels.create(new LlmSettings(ModelSpec.parse(spec), server.baseUrl(), null,
                Duration.ofSeconds(10), 0, cacheDir, 0.0));
    }

    private Path png() throws Exception {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 0, 0xff0000);
        Path file = dir.resolve("q7_image.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static EvalItem item(QuestionType type, List<Path> images) {
        return new EvalItem("amsbench", "ams-7", type, "", "What is the gain of this stage?",
                List.of("1", "10", "100"), "B", images, "", Map.of("level", "l2"),
                new ItemSource("amsbench.json", 7));
    }

    @Test
    void sendsSystemTextAndImageAsDataUrlAndCountsTokens() throws Exception {
        Path png = png();
        server.replyJson("B");
        ChatModelSystem sut = new ChatModelSystem(model("openai:gpt-4o-mini", null), "openai:gpt-4o-mini",
                ImagePolicy.AUTO);
        EvalItem item = item(QuestionType.SINGLE, List.of(png));
        Response r = sut.answer(item, new RenderedPrompt("amsbench/choice.v1", "You are an analog designer.",
                "What is the gain of this stage?\nA. 1\nB. 10\nC. 100", List.of(png)));
        assertThat(r.text()).isEqualTo("B");
        assertThat(r.inputTokens()).isEqualTo(OpenAiWireServer.PROMPT_TOKENS);
        assertThat(r.outputTokens()).isEqualTo(OpenAiWireServer.COMPLETION_TOKENS);
        assertThat(r.cached()).isFalse();
        assertThat(r.isSkipped()).isFalse();

        assertThat(server.requests()).hasSize(1);
        JsonNode messages = server.request(0).messages();
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).path("content").asText()).isEqualTo("You are an analog designer.");
        JsonNode content = messages.get(1).path("content");
        assertThat(messages.get(1).path("role").asText()).isEqualTo("user");
        assertThat(content.get(0).path("type").asText()).isEqualTo("text");
        assertThat(content.get(0).path("text").asText())
                .isEqualTo("What is the gain of this stage?\nA. 1\nB. 10\nC. 100");
        assertThat(content.get(1).path("type").asText()).isEqualTo("image_url");
        assertThat(content.get(1).at("/image_url/url").asText())
                .isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(png)));
        assertThat(content.get(1).at("/image_url/detail").asText()).isEqualTo("auto");
        assertThat(server.request(0).body().path("model").asText()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void imageItemForATextOnlyModelIsSkippedWithoutARequest() throws Exception {
        Path png = png();
        ChatModelSystem sut = new ChatModelSystem(model("openai:gpt-3.5-turbo", null), "openai:gpt-3.5-turbo",
                ImagePolicy.AUTO);
        Response r = sut.answer(item(QuestionType.SINGLE, List.of(png)),
                new RenderedPrompt("amsbench/choice.v1", "", "What is the gain?", List.of(png)));
        assertThat(r.isSkipped()).isTrue();
        assertThat(r.skippedReason()).isEqualTo("item has 1 image; model openai:gpt-3.5-turbo does not take images "
                + "(use --images yes to send them)");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void imagesYesSendsToAnyModelAndImagesNoSkipsEvenAVisionModel() throws Exception {
        Path png = png();
        server.replyJson("C");
        RenderedPrompt prompt = new RenderedPrompt("t", "", "q", List.of(png, png));
        Response yes = new ChatModelSystem(model("openai:local-model", null), "openai:local-model", ImagePolicy.YES)
                .answer(item(QuestionType.SINGLE, List.of(png, png)), prompt);
        assertThat(yes.text()).isEqualTo("C");
        assertThat(server.request(0).messages().get(0).path("content")).hasSize(3);
        Response no = new ChatModelSystem(model("openai:gpt-4o", null), "openai:gpt-4o", ImagePolicy.NO)
                .answer(item(QuestionType.SINGLE, List.of(png, png)), prompt);
        assertThat(no.skippedReason()).startsWith("item has 2 images; model openai:gpt-4o does not take images");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aRepeatedRequestIsAnsweredFromTheCacheAndReportedCached() throws Exception {
        server.replyJson("10 kΩ");
        ChatModelSystem sut = new ChatModelSystem(model("openai:gpt-4o-mini", dir.resolve("cache")),
                "openai:gpt-4o-mini", ImagePolicy.AUTO);
        EvalItem item = item(QuestionType.BLANK, List.of());
        RenderedPrompt prompt = new RenderedPrompt("t", "", "Which resistor sets the gain?", List.of());
        Response first = sut.answer(item, prompt);
        Response second = sut.answer(item, prompt);
        assertThat(first.cached()).isFalse();
        assertThat(first.inputTokens()).isEqualTo(11);
        assertThat(second.cached()).isTrue();
        assertThat(second.text()).isEqualTo("10 kΩ");
        assertThat(second.inputTokens()).isZero();
        assertThat(server.requests()).hasSize(1);
        // a text-only prompt is a plain string on the wire, with no system message
        assertThat(server.request(0).messages()).hasSize(1);
    }

    @Test
    void designItemsAreSkippedUnlessADelegateTakesThem() throws Exception {
        EvalItem design = item(QuestionType.DESIGN, List.of());
        RenderedPrompt prompt = new RenderedPrompt("design.v1", "", "A 5 V LED blinker", List.of());
        Response skipped = new ChatModelSystem(model("openai:gpt-4o", null), "openai:gpt-4o", ImagePolicy.AUTO)
                .answer(design, prompt);
        assertThat(skipped.skippedReason()).isEqualTo("design items are answered by a design pipeline, not a chat "
                + "model alone; run them with --model kirchhoff-agent");
        Response delegated = new ChatModelSystem(model("openai:gpt-4o", null), "openai:gpt-4o", ImagePolicy.AUTO,
                new dev.kirchhoff.eval.SystemUnderTest() {
                    @Override
                    public String name() {
                        return "design";
                    }

                    @Override
                    public Response answer(EvalItem i, RenderedPrompt p) {
                        return Response.text("designed " + p.user());
                    }
                }).answer(design, prompt);
        assertThat(delegated.text()).isEqualTo("designed A 5 V LED blinker");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void throughTheRunnerAnImageItemIsSkippedAndARefusedKeyIsOneFailedAttempt() throws Exception {
        Path png = png();
        server.replyStatus(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}");
        ChatModelSystem sut = new ChatModelSystem(model("openai:gpt-3.5-turbo", null), "openai:gpt-3.5-turbo",
                ImagePolicy.AUTO);
        EvalItem withImage = new EvalItem("amsbench", "ams-1", QuestionType.SINGLE, "", "Gain?", List.of("1", "10"),
                "B", List.of(png), "", Map.of(), new ItemSource("amsbench.json", 1));
        EvalItem textOnly = new EvalItem("amsbench", "ams-2", QuestionType.SINGLE, "", "Gain of a follower?",
                List.of("1", "10"), "A", List.of(), "", Map.of(), new ItemSource("amsbench.json", 2));
        Path results = dir.resolve("run/results.jsonl");
        RunOutcome outcome = Runner.builder().system(sut)
                .prompts(i -> new RenderedPrompt("amsbench/choice.v1", "", i.question(), i.images()))
                .scorer(Fixtures.EXACT).options(RunOptions.defaults().withConcurrency(1)).results(results)
                .clock(new Fixtures.FakeClock()).build().run(List.of(withImage, textOnly));
        assertThat(outcome).isEqualTo(new RunOutcome(2, 0, 2, 0, 0, 1, 1, false));
        Map<String, dev.kirchhoff.eval.ItemResult> byId = ResultsFile.read(results).byId();
        assertThat(byId.get("ams-1").status()).isEqualTo("skipped");
        assertThat(byId.get("ams-1").detail()).isEqualTo("item has 1 image; model openai:gpt-3.5-turbo does not "
                + "take images (use --images yes to send them)");
        assertThat(byId.get("ams-1").attempts()).isEqualTo(1);
        assertThat(byId.get("ams-2").status()).isEqualTo("error");
        assertThat(byId.get("ams-2").attempts()).isEqualTo(1);
        assertThat(byId.get("ams-2").error().type()).isEqualTo("LlmException");
        assertThat(byId.get("ams-2").error().message()).contains("HTTP 401");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void missingImageIsABadRequestThatIsNotRetried() {
        Path missing = dir.resolve("gone.png");
        ChatModelSystem sut = new ChatModelSystem(model("openai:gpt-4o", null), "openai:gpt-4o", ImagePolicy.AUTO);
        assertThatThrownBy(() -> sut.answer(item(QuestionType.SINGLE, List.of(missing)),
                new RenderedPrompt("t", "", "q", List.of(missing))))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmException.Kind.BAD_REQUEST);
                    assertThat(Runner.retriable(e)).isFalse();
                })
                .hasMessageStartingWith("The image " + missing + " of item ams-7 (amsbench.json:7) cannot be read");
        Path tiff = dir.resolve("scan.tiff");
        assertThatThrownBy(() -> ChatModelSystem.image(tiff, item(QuestionType.SINGLE, List.of(tiff))))
                .hasMessageContaining("is not a .png, .jpg, .jpeg, .gif, .webp or .bmp file");
        assertThat(server.requests()).isEmpty();
    }
}
