package dev.kirchhoff.eval.run;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether images are sent to a chat model: {@code yes}, {@code no}, or {@code auto} by the model's name.
 *
 * <p>{@code auto} takes a model as accepting images when its name (after the provider prefix, lower-cased) matches
 * one of {@link #VISION_MODELS}: OpenAI {@code gpt-4o*}, {@code gpt-4.1*}, {@code gpt-4-turbo*}, {@code gpt-5*},
 * {@code o1}, {@code o3*}, {@code o4*}; Anthropic {@code claude-*}; Google {@code gemini*}; open models whose name
 * says so ({@code *vl*} as in qwen2.5vl / qwen2-vl, {@code *vision*} as in llama3.2-vision, {@code llava*},
 * {@code bakllava*}, {@code gemma3*}, {@code minicpm-v*}, {@code moondream*}, {@code pixtral*},
 * {@code mistral-small3.1*}, {@code granite3.2-vision*}). Anything else is taken as text-only; use {@code yes} to
 * send images anyway. Immutable.
 */
public enum ImagePolicy {
    YES, NO, AUTO;

    /** Name patterns of models taken to accept images under {@code auto}; reviewable data, not logic. */
    public static final List<Pattern> VISION_MODELS = List.of(
            Pattern.compile("gpt-4o.*"),
            Pattern.compile("gpt-4\\.1.*"),
            Pattern.compile("gpt-4-turbo.*"),
            Pattern.compile("gpt-5.*"),
            Pattern.compile("o1"),
            Pattern.compile("o[34]([-.].*)?"),
            Pattern.compile("claude-.*"),
            Pattern.compile("gemini.*"),
            Pattern.compile(".*vl.*"),
            Pattern.compile(".*vision.*"),
            Pattern.compile("llava.*"),
            Pattern.compile("bakllava.*"),
            Pattern.compile("gemma3.*"),
            Pattern.compile("minicpm-v.*"),
            Pattern.compile("moondream.*"),
            Pattern.compile("pixtral.*"),
            Pattern.compile("mistral-small3\\.1.*"));

    /**
     * Reads {@code yes}, {@code no} or {@code auto} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the text and the accepted values
     */
    public static ImagePolicy parse(String text) {
        String s = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        for (ImagePolicy p : values()) {
            if (p.name().equals(s)) {
                return p;
            }
        }
        throw new IllegalArgumentException("The image policy '" + text + "' is not one of yes, no, auto; write e.g. "
                + "--images auto.");
    }

    /**
     * Whether images go to the model of this name.
     *
     * @param modelName the provider's model name ({@code gpt-4o-mini}, {@code qwen2.5vl:7b}); a
     *                  {@code provider:} prefix is ignored
     */
    public boolean accepts(String modelName) {
        return switch (this) {
            case YES -> true;
            case NO -> false;
            case AUTO -> {
                String name = modelName.strip().toLowerCase(Locale.ROOT);
                for (String provider : List.of("openai:", "ollama:", "anthropic:")) {
                    if (name.startsWith(provider)) {
                        name = name.substring(provider.length());
                    }
                }
                String n = name;
                yield VISION_MODELS.stream().anyMatch(p -> p.matcher(n).matches());
            }
        };
    }

    /** {@code yes}, {@code no} or {@code auto}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
