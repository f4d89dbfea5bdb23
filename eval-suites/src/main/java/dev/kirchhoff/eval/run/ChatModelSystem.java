package dev.kirchhoff.eval.run;

import dev.kirchhoff.agents.llm.LlmClient;
import dev.kirchhoff.agents.llm.LlmException;
import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.QuestionType;
import dev.kirchhoff.eval.RenderedPrompt;
import dev.kirchhoff.eval.Response;
import dev.kirchhoff.eval.SystemUnderTest;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Any LangChain4j {@link ChatModel} as a system under test: the prompt's system message (if any) and its user message,
 * with the prompt's images attached as base64 {@link ImageContent} when the model takes images. Build the model with
 * {@code ChatModels.create(settings)} so that it retries transient HTTP errors and answers repeated requests from the
 * response cache; an answer from the cache is reported as {@code cached}. Thread-safe when the model is.
 *
 * <p>Design items are not chat questions: they go to the design delegate when one is given (the kirchhoff-agent's
 * design pipeline), else they are skipped with the reason.
 */
public final class ChatModelSystem implements SystemUnderTest {

    /** Image MIME types by lower-case file extension. */
    static final Map<String, String> MIME_TYPES = Map.of(
            "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg", "gif", "image/gif",
            "webp", "image/webp", "bmp", "image/bmp");

    private final ChatModel model;
    private final String name;
    private final boolean takesImages;
    private final SystemUnderTest designDelegate;

    /**
     * @param model  the chat model
     * @param name   the model spec recorded with results ({@code openai:gpt-4o-mini}); its model name decides
     *               {@link ImagePolicy#AUTO}
     * @param images whether images are sent
     */
    public ChatModelSystem(ChatModel model, String name, ImagePolicy images) {
        this(model, name, images, null);
    }

    /**
     * @param designDelegate answers design items, or null to skip them
     */
    public ChatModelSystem(ChatModel model, String name, ImagePolicy images, SystemUnderTest designDelegate) {
        this.model = Objects.requireNonNull(model, "The parameter 'model' must not be null.");
        this.name = Objects.requireNonNull(name, "The parameter 'name' must not be null.");
        this.takesImages = Objects.requireNonNull(images, "The parameter 'images' must not be null.").accepts(name);
        this.designDelegate = designDelegate;
    }

    @Override
    public String name() {
        return name;
    }

    /** Whether images are attached for this model under the policy it was built with. */
    public boolean takesImages() {
        return takesImages;
    }

    @Override
    public Response answer(EvalItem item, RenderedPrompt prompt) throws Exception {
        if (item.type() == QuestionType.DESIGN) {
            if (designDelegate != null) {
                return designDelegate.answer(item, prompt);
            }
            return Response.skipped("design items are answered by a design pipeline, not a chat model alone; "
                    + "run them with --model kirchhoff-agent");
        }
        List<Path> images = prompt.images();
        if (!images.isEmpty() && !takesImages) {
            int n = images.size();
            return Response.skipped("item has " + n + (n == 1 ? " image" : " images") + "; model " + name
                    + " does not take images (use --images yes to send them)");
        }
        List<Content> contents = new ArrayList<>();
        contents.add(TextContent.from(prompt.user()));
        for (Path image : images) {
            contents.add(image(image, item));
        }
        List<ChatMessage> messages = new ArrayList<>();
        if (!prompt.system().isBlank()) {
            messages.add(SystemMessage.from(prompt.system()));
        }
        messages.add(UserMessage.from(contents));
        ChatResponse response = model.chat(ChatRequest.builder().messages(messages).build());
        String text = response.aiMessage() == null || response.aiMessage().text() == null ? ""
                : response.aiMessage().text();
        TokenUsage usage = response.tokenUsage();
        long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        boolean cached = response.id() != null && response.id().startsWith(LlmClient.CACHED_ID_PREFIX);
        return new Response(text, in, out, cached, "", null);
    }

    /**
     * The image as base64 content with its MIME type.
     *
     * @throws LlmException of kind BAD_REQUEST (not retried) when the file is missing or not a known image type
     */
    static ImageContent image(Path file, EvalItem item) {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String mime = dot < 0 ? null : MIME_TYPES.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (mime == null) {
            throw new LlmException(LlmException.Kind.BAD_REQUEST, "The image " + file + " of item " + item.id()
                    + " (" + item.source() + ") is not a .png, .jpg, .jpeg, .gif, .webp or .bmp file; convert it.");
        }
        try {
            // LangChain4j's default detail is LOW (downscaled to 512 px), which blurs a schematic's labels; AUTO is
            // what the providers themselves default to
            return ImageContent.from(Base64.getEncoder().encodeToString(Files.readAllBytes(file)), mime,
                    ImageContent.DetailLevel.AUTO);
        } catch (IOException e) {
            throw new LlmException(LlmException.Kind.BAD_REQUEST, "The image " + file + " of item " + item.id()
                    + " (" + item.source() + ") cannot be read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); check the suite folder is complete.", e);
        }
    }
}
