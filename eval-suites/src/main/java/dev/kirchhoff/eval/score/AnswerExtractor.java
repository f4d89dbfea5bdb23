package dev.kirchhoff.eval.score;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the final answer in a model's response. Stateless and thread-safe.
 *
 * <p><b>Choice letters</b> are looked for in this order, and the first place that holds letters wins:
 * <ol>
 *   <li>the {@code answer} field of a JSON object (the whole response, a fenced {@code ```json} block, or the last
 *       {@code {...}} in the text), MMCircuitEval's v1 format;</li>
 *   <li>the paragraph under {@code ### Answer ###}, MMCircuitEval's v2 format;</li>
 *   <li>the last answer marker: {@code Answer: B}, {@code Final answer - B}, {@code The answer is (B).},
 *       {@code the correct option is B}, {@code Option B is correct};</li>
 *   <li>the last bold letter, {@code **B**} or {@code **(B)**};</li>
 *   <li>a lone letter: a response that is only a letter, or a line that starts with {@code B)}, {@code (B)},
 *       {@code B.} or {@code B:}.</li>
 * </ol>
 * So prose that starts "A resistor is ..." never yields "A" while a marker names another letter, and without any
 * marker it yields nothing rather than the article. Inside a place, letters are read as {@code B}, {@code (B)},
 * {@code B) 5 V}, {@code Option B}, {@code A, C}, {@code A and C}, {@code AC}, {@code ["A","C"]}.
 *
 * <p><b>Text answers</b> (blank and open items): the JSON {@code answer} field, else the {@code ### Answer ###}
 * paragraph, else the whole response, trimmed.
 *
 * <p><b>Symbolic answers</b>, the CircuitSense way: the content of the LAST {@code <answer>...</answer>}; without
 * that tag, the last {@code \boxed{...}}, else the last display formula ({@code $$...$$} or {@code \[...\]}), else
 * the last line holding {@code =}. Of what was found, the right-hand side of its last {@code =} is the answer, with
 * {@code $} signs and a trailing full stop removed.
 */
public final class AnswerExtractor {

    /** Where an answer was found, for score details. */
    public enum Place {
        JSON("JSON answer field"), ANSWER_SECTION("### Answer ### paragraph"), MARKER("answer marker"),
        BOLD("bold letter"), LONE_LETTER("lone letter"), ANSWER_TAG("<answer> tag"), BOXED("\\boxed{}"),
        DISPLAY_MATH("display formula"), LINE_WITH_EQUALS("last line with '='"), WHOLE_TEXT("whole response"),
        NONE("nowhere");

        private final String label;

        Place(String label) {
            this.label = label;
        }

        /** How the place is named in score details. */
        public String label() {
            return label;
        }
    }

    /** An extracted answer and where it came from. Immutable. */
    public record Extracted(String value, Place place) {
        public static final Extracted NOTHING = new Extracted("", Place.NONE);

        public boolean found() {
            return place != Place.NONE;
        }
    }

    /** Extracted choice letters (sorted, upper case) and where they came from. Immutable. */
    public record Letters(String letters, Place place) {
        public boolean found() {
            return !letters.isEmpty();
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonParser.Feature.ALLOW_COMMENTS).build();

    private static final Pattern FENCE = Pattern.compile("```[a-zA-Z]*\\s*\\n?(.*?)```", Pattern.DOTALL);
    private static final Pattern SECTION = Pattern.compile(
            "#{2,}\\s*(?:final\\s+)?answer\\s*#*\\s*:?[ \\t]*\\n?(.*?)(?=\\n\\s*#{2,}|\\z)",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKER = Pattern.compile(
            "(?:(?:final|correct)\\s+)?(?:answer|option|choice)s?(?:\\s+is|\\s+are|\\s*[:：=\\-–])\\s*:?\\s*([^\\n]+)",
            Pattern.CASE_INSENSITIVE);
    /** "Option B is correct", "choice (C) is the right one": a marker that follows the letter. */
    private static final Pattern VERDICT = Pattern.compile(
            "\\b(?:option|choice)\\s*\\(?([A-Z])\\)?\\s+is\\s+(?:the\\s+)?(?:correct|right|best)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BOLD = Pattern.compile("\\*\\*\\s*\\(?([A-Z](?:\\s*(?:,|and|&)\\s*[A-Z])*)\\)?"
            + "[.):]?\\s*\\*\\*");
    /** A bold run of capitals alone on a line, "**AC**". */
    private static final Pattern BOLD_RUN = Pattern.compile("\\*\\*\\s*([A-Z]{2,10})\\s*\\*\\*\\.?");
    private static final Pattern LINE_LETTER = Pattern.compile("(?m)^\\s*(?:\\(([A-Z])\\)|([A-Z])[.):](?=\\s|$)|"
            + "([A-Z])\\s*$)");
    private static final Pattern ANSWER_TAG = Pattern.compile("<answer>(.*?)</answer>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern DISPLAY = Pattern.compile("\\$\\$(.*?)\\$\\$|\\\\\\[(.*?)\\\\\\]", Pattern.DOTALL);
    private static final Pattern LETTER_LIST_PREFIX = Pattern.compile("^(?i:(?:the\\s+)?(?:options?|choices?)\\s+)");

    /** A lower-case word right after a capital letter. */
    private static final Pattern NEXT_WORD = Pattern.compile("^\\s+([a-z]+)");
    /** Words that may follow an option letter ("B is correct"); any other lower-case word makes it prose. */
    private static final java.util.Set<String> LETTER_VERBS = java.util.Set.of("is", "are", "was", "and", "or",
            "would", "should", "seems", "since", "because", "as", "correct", "with", "only", "also", "both");

    private AnswerExtractor() {
    }

    /**
     * The choice letters of a response, sorted and upper case ({@code "AC"}), with the place they came from.
     *
     * @param options how many options the item has (letters beyond them are not answers); 0 when unknown, which
     *                allows A to J
     */
    public static Letters letters(String response, int options) {
        String text = response == null ? "" : response;
        char last = (char) ('A' + (options > 0 ? Math.min(options, 26) : 10) - 1);
        Optional<String> json = jsonAnswer(text);
        if (json.isPresent()) {
            String l = lettersIn(json.get(), last);
            if (!l.isEmpty()) {
                return new Letters(l, Place.JSON);
            }
        }
        Matcher section = SECTION.matcher(text);
        String sectionText = null;
        while (section.find()) {
            sectionText = section.group(1);
        }
        if (sectionText != null) {
            String l = lettersIn(sectionText.strip(), last);
            if (!l.isEmpty()) {
                return new Letters(l, Place.ANSWER_SECTION);
            }
        }
        String unbolded = text.replace("**", "").replace("__", "");
        Matcher marker = MARKER.matcher(unbolded);
        String markerLetters = "";
        int markerAt = -1;
        while (marker.find()) {
            String l = lettersIn(marker.group(1), last);
            if (!l.isEmpty()) {
                markerLetters = l;
                markerAt = marker.start();
            }
        }
        Matcher verdict = VERDICT.matcher(unbolded);
        while (verdict.find()) {
            if (verdict.start() > markerAt && verdict.group(1).charAt(0) <= last) {
                markerLetters = verdict.group(1);
                markerAt = verdict.start();
            }
        }
        if (!markerLetters.isEmpty()) {
            return new Letters(markerLetters, Place.MARKER);
        }
        // AMSBench asks for the letters in bold, "**AC**", which after reasoning stands alone on the last line
        String lastLine = text.strip().lines().reduce((a, b) -> b).orElse("").strip();
        Matcher boldRun = BOLD_RUN.matcher(lastLine);
        if (boldRun.matches()) {
            String l = lettersIn(boldRun.group(1), last);
            if (!l.isEmpty()) {
                return new Letters(l, Place.BOLD);
            }
        }
        Matcher bold = BOLD.matcher(text);
        String boldLetters = "";
        while (bold.find()) {
            String l = lettersIn(bold.group(1), last);
            if (!l.isEmpty()) {
                boldLetters = l;
            }
        }
        if (!boldLetters.isEmpty()) {
            return new Letters(boldLetters, Place.BOLD);
        }
        String whole = lettersIn(text.strip(), last);
        if (!whole.isEmpty() && text.strip().replaceAll("[^A-Za-z]", "").length() <= 3 * whole.length()) {
            return new Letters(whole, Place.LONE_LETTER);
        }
        Matcher line = LINE_LETTER.matcher(text);
        while (line.find()) {
            String l = line.group(1) != null ? line.group(1) : line.group(2) != null ? line.group(2) : line.group(3);
            if (l.charAt(0) <= last) {
                return new Letters(l, Place.LONE_LETTER);
            }
        }
        return new Letters("", Place.NONE);
    }

    /**
     * The letters at the start of an answer segment ({@code "B) 5 V"} is B, {@code "A and C"} is AC), sorted and
     * upper case; empty when it does not start with option letters no later than {@code last}.
     */
    static String lettersIn(String segment, char last) {
        String s = segment.strip().replace("**", "").replace("*", "");
        s = s.replaceAll("^[\\[\"'`(]+", "");
        s = LETTER_LIST_PREFIX.matcher(s).replaceFirst("");
        s = s.replaceAll("^[\\[\"'`(]+", "");
        // a run of capitals alone ("AC") is a set of letters when every one is an option and none repeats
        String word = s.replaceAll("[\\s.\"'`)\\]]+$", "");
        if (word.matches("[A-Z]{2,10}") && word.chars().distinct().count() == word.length()
                && word.chars().allMatch(c -> c <= last)) {
            return sorted(word);
        }
        if (word.matches("[a-z]") && word.charAt(0) <= Character.toLowerCase(last)) {
            return word.toUpperCase(Locale.ROOT);
        }
        Matcher m = Pattern.compile("^([A-Z])(?![A-Za-z0-9])").matcher(s);
        StringBuilder letters = new StringBuilder();
        int at = 0;
        while (m.find()) {
            char c = m.group(1).charAt(0);
            if (c > last) {
                break;
            }
            // "A resistor ..." is the article, not option A: a letter followed by a lower-case word is prose
            String rest = s.substring(m.end());
            Matcher next = NEXT_WORD.matcher(rest);
            if (letters.length() == 0 && next.find() && !LETTER_VERBS.contains(next.group(1))) {
                break;
            }
            letters.append(c);
            at = m.end();
            Matcher sep = Pattern.compile("^[\\s\"'`)\\]]*(?:,|;|/|&|\\band\\b|\\bor\\b|\\s)[\\s\"'`(\\[]*").matcher(s.substring(at));
            if (!sep.find() || sep.end() == 0) {
                break;
            }
            s = s.substring(at + sep.end());
            m = Pattern.compile("^([A-Z])(?![A-Za-z0-9])").matcher(s);
        }
        return sorted(letters.toString());
    }

    private static String sorted(String letters) {
        TreeSet<Character> set = new TreeSet<>();
        for (char c : letters.toCharArray()) {
            set.add(c);
        }
        StringBuilder b = new StringBuilder();
        set.forEach(b::append);
        return b.toString();
    }

    /**
     * The text answer of a blank or open item: the JSON {@code answer} field, else the {@code ### Answer ###}
     * paragraph, else the whole response.
     */
    public static Extracted text(String response) {
        String text = response == null ? "" : response.strip();
        Optional<String> json = jsonAnswer(text);
        if (json.isPresent()) {
            return new Extracted(json.get().strip(), Place.JSON);
        }
        Matcher section = SECTION.matcher(text);
        String sectionText = null;
        while (section.find()) {
            sectionText = section.group(1).strip();
        }
        if (sectionText != null && !sectionText.isEmpty()) {
            return new Extracted(sectionText, Place.ANSWER_SECTION);
        }
        // CircuitSense's numeric answers: the last <answer> tag, and of "U0 = 6.5 V" the value after the last "="
        Matcher tag = ANSWER_TAG.matcher(text);
        String tagged = null;
        while (tag.find()) {
            tagged = tag.group(1).strip();
        }
        if (tagged != null && !tagged.isEmpty()) {
            int eq = tagged.lastIndexOf('=');
            String value = eq >= 0 ? tagged.substring(eq + 1).strip() : tagged;
            return new Extracted(value.isEmpty() ? tagged : value, Place.ANSWER_TAG);
        }
        return text.isEmpty() ? Extracted.NOTHING : new Extracted(text, Place.WHOLE_TEXT);
    }

    /**
     * The symbolic answer: the right-hand side of the last {@code =} in the last {@code <answer>} tag, with the
     * fallbacks described on the class.
     */
    public static Extracted symbolic(String response) {
        String text = response == null ? "" : response;
        String found = null;
        Place place = Place.NONE;
        Matcher tag = ANSWER_TAG.matcher(text);
        while (tag.find()) {
            found = tag.group(1);
            place = Place.ANSWER_TAG;
        }
        if (found == null) {
            found = lastBoxed(text);
            place = found == null ? Place.NONE : Place.BOXED;
        }
        if (found == null) {
            Matcher display = DISPLAY.matcher(text);
            while (display.find()) {
                found = display.group(1) != null ? display.group(1) : display.group(2);
                place = Place.DISPLAY_MATH;
            }
        }
        if (found == null) {
            List<String> lines = text.lines().filter(l -> l.contains("=")).toList();
            if (!lines.isEmpty()) {
                found = lines.get(lines.size() - 1);
                place = Place.LINE_WITH_EQUALS;
            }
        }
        if (found == null) {
            return Extracted.NOTHING;
        }
        String inner = lastBoxed(found);
        String rhs = inner != null ? inner : found;
        int eq = rhs.lastIndexOf('=');
        if (eq >= 0) {
            rhs = rhs.substring(eq + 1);
        }
        rhs = rhs.replace("$", "").strip();
        while (rhs.endsWith(".") || rhs.endsWith(",") || rhs.endsWith(";")) {
            rhs = rhs.substring(0, rhs.length() - 1).strip();
        }
        return new Extracted(rhs, place);
    }

    /** The content of the last {@code \boxed{...}}, braces balanced, or null. */
    private static String lastBoxed(String text) {
        int at = text.lastIndexOf("\\boxed{");
        if (at < 0) {
            return null;
        }
        int depth = 0;
        int start = at + "\\boxed{".length();
        for (int i = start - 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return text.substring(start, i);
            }
        }
        return null;
    }

    /** The {@code answer} field of the response's JSON object, as text (an array joined with ", "). */
    static Optional<String> jsonAnswer(String text) {
        List<String> candidates = new ArrayList<>();
        candidates.add(text.strip());
        Matcher fence = FENCE.matcher(text);
        while (fence.find()) {
            candidates.add(fence.group(1).strip());
        }
        int open = text.lastIndexOf('{');
        while (open >= 0) {
            int close = text.lastIndexOf('}');
            if (close > open) {
                candidates.add(text.substring(open, close + 1));
            }
            open = open == 0 ? -1 : text.lastIndexOf('{', open - 1);
        }
        for (String candidate : candidates) {
            if (!candidate.startsWith("{")) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(candidate);
                Optional<String> answer = answerField(node);
                if (answer.isPresent()) {
                    return answer;
                }
            } catch (Exception notJson) {
                // not every brace is JSON; try the next candidate
            }
        }
        return Optional.empty();
    }

    private static Optional<String> answerField(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey().toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "");
            if (key.equals("answer") || key.equals("finalanswer")) {
                JsonNode v = e.getValue();
                if (v.isArray()) {
                    List<String> parts = new ArrayList<>();
                    v.forEach(p -> parts.add(p.asText()));
                    return Optional.of(String.join(", ", parts));
                }
                return Optional.of(v.isValueNode() ? v.asText() : v.toString());
            }
        }
        return Optional.empty();
    }
}
