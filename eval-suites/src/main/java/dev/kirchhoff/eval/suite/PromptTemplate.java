package dev.kirchhoff.eval.suite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One prompt template file of {@code prompts/eval/}: a first line {@code prompt: <suite>/<type>.v<n>}, then sections
 * opened by a line {@code [system]}, {@code [user]} or {@code [images]} (text appended to the user message, after one
 * space, when the item has images). Placeholders are {@code {statement}}, {@code {question}} and {@code {options}};
 * other braces (a JSON example in the instructions) are left as they are. Immutable.
 *
 * @param id     the template id and version, {@code mmcircuiteval/single.v1}
 * @param system the system message text, empty when there is none
 * @param user   the user message text
 * @param images the sentence added when the item has images, empty when there is none
 */
public record PromptTemplate(String id, String system, String user, String images) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(statement|question|options)\\}");
    private static final List<String> SECTIONS = List.of("[system]", "[user]", "[images]");

    /**
     * Reads a template's text.
     *
     * @param file names the template in messages
     * @throws IllegalArgumentException when the first line is not {@code prompt: ...} or there is no user section
     */
    public static PromptTemplate parse(String file, String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        if (lines.length == 0 || !lines[0].startsWith("prompt: ")) {
            throw new IllegalArgumentException(file + ":1: a template starts with 'prompt: <suite>/<type>.v<n>'");
        }
        Map<String, StringBuilder> parts = new LinkedHashMap<>();
        StringBuilder current = null;
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i];
            if (SECTIONS.contains(l.strip())) {
                current = new StringBuilder();
                parts.put(l.strip(), current);
            } else if (current != null) {
                current.append(current.isEmpty() ? "" : "\n").append(l);
            } else if (!l.isBlank()) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": text before the first section; open"
                        + " it with [system] or [user]");
            }
        }
        if (!parts.containsKey("[user]")) {
            throw new IllegalArgumentException(file + ": no [user] section; every template has one");
        }
        Function<String, String> get = k -> parts.containsKey(k) ? parts.get(k).toString().strip() : "";
        return new PromptTemplate(lines[0].substring("prompt: ".length()).strip(), get.apply("[system]"),
                get.apply("[user]"), get.apply("[images]"));
    }

    /** Fills the placeholders of {@code text} in one pass, so a value that contains a placeholder stays as it is. */
    static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
