package dev.kirchhoff.eval.suite;

import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.RenderedPrompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders an item into the exact prompt its suite's official template gives: the template
 * {@code /prompts/eval/<suite>/<type>.<version>.md} on the classpath (copied there from {@code prompts/eval/}),
 * with the statement, the question and the options as {@code A. ...} lines filled in and the item's images attached.
 * A suite without a template of the asked version falls back to {@code v1}; the rendered prompt's template id says
 * which was used. Thread-safe.
 *
 * <pre>{@code
 * RenderedPrompt p = new EvalPrompts().render(item);   // p.templateId() is "mmcircuiteval/single.v1"
 * }</pre>
 */
public final class EvalPrompts {

    /** The version used unless another is asked for. */
    public static final String DEFAULT_VERSION = "v1";

    private final String version;
    private final Map<String, PromptTemplate> cache = new ConcurrentHashMap<>();

    public EvalPrompts() {
        this(DEFAULT_VERSION);
    }

    /** Prefers templates of this version ({@code v2} selects MMCircuitEval's "### Answer ###" prompts). */
    public EvalPrompts(String version) {
        if (version == null || !version.matches("v\\d+")) {
            throw new IllegalArgumentException("The parameter 'version' must look like v1 or v2, was " + version);
        }
        this.version = version;
    }

    /**
     * The prompt for one item.
     *
     * @throws IllegalArgumentException when there is no template for the item's suite and type
     */
    public RenderedPrompt render(EvalItem item) {
        PromptTemplate t = template(item.suite(), item.type().key());
        Map<String, String> values = Map.of("statement", item.statement(), "question", item.question(),
                "options", options(item.options()));
        String user = PromptTemplate.fill(t.user(), values);
        if (!item.images().isEmpty() && !t.images().isEmpty()) {
            user = user + " " + t.images();
        }
        return new RenderedPrompt(t.id(), PromptTemplate.fill(t.system(), values), user, item.images());
    }

    /** The template for a suite and question type key, in this renderer's version or else v1. */
    public PromptTemplate template(String suite, String type) {
        String preferred = suite + "/" + type + "." + version;
        PromptTemplate t = cache.computeIfAbsent(preferred, EvalPrompts::read);
        if (t == null && !version.equals(DEFAULT_VERSION)) {
            t = cache.computeIfAbsent(suite + "/" + type + "." + DEFAULT_VERSION, EvalPrompts::read);
        }
        if (t == null) {
            throw new IllegalArgumentException("No prompt template prompts/eval/" + preferred + ".md for " + type
                    + " items of " + suite + "; add one (see prompts/eval/README.md)");
        }
        return t;
    }

    /** Options as lines {@code A. text}, in order. */
    static String options(List<String> options) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            lines.add((char) ('A' + i) + ". " + options.get(i));
        }
        return String.join("\n", lines);
    }

    private static PromptTemplate read(String key) {
        String resource = "/prompts/eval/" + key + ".md";
        try (InputStream in = EvalPrompts.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            return PromptTemplate.parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the prompt template " + resource, e);
        }
    }
}
