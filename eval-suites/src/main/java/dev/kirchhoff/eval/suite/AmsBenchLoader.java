package dev.kirchhoff.eval.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.ItemSource;
import dev.kirchhoff.eval.LoadResult;
import dev.kirchhoff.eval.Malformed;
import dev.kirchhoff.eval.QuestionType;
import dev.kirchhoff.eval.SuiteLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads AMSBench items ({@code image_path}, {@code question}, {@code options}, {@code groundtruth}, {@code level},
 * and any {@code task}, {@code category}, {@code domain}, {@code ability}) from a JSON array file, a JSON Lines file
 * or a folder of them. With options an item is SINGLE, or MULTI when the ground truth names several letters
 * ({@code "AC"}, {@code "A, C"}, {@code ["A","C"]}); without options it is OPEN. Options may be a list
 * ({@code ["10 kΩ", ...]} or {@code ["A. 10 kΩ", ...]}), an object ({@code {"A": "10 kΩ", ...}}) or one string
 * ({@code "A. 10 kΩ B. 20 kΩ"}); they are kept without their letters. Item id: the item's {@code id} field, else
 * {@code <file name without extension>/<index in the file from 0>}. Images resolve against the file's folder.
 * Stateless and thread-safe.
 */
public final class AmsBenchLoader implements SuiteLoader {

    public static final String NAME = "amsbench";
    private static final List<String> EXTRA_LABELS = List.of("task", "category", "domain", "ability");
    private static final Pattern LETTER_PREFIX = Pattern.compile("^\\(?([A-Ha-h])[.):]\\s*");
    private static final Pattern INLINE_OPTION = Pattern.compile("(?:^|\\s)\\(?([A-H])[.):]\\s+");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "AMSBench (Why0912): JSON items with image_path, question, options, groundtruth, level;"
                + " multiple choice with options, open-ended without";
    }

    @Override
    public LoadResult load(Path path) throws IOException {
        SuiteFiles.requireExists(path, NAME, "a .json array or .jsonl file of items, or a folder of them");
        List<Path> files = Files.isDirectory(path) ? SuiteFiles.files(path, JsonRecords::isJsonFile) : List.of(path);
        if (files.isEmpty()) {
            throw new IOException(path + ": no .json or .jsonl files here; give the AMSBench JSON file or its folder");
        }
        List<EvalItem> items = new ArrayList<>();
        List<Malformed> malformed = new ArrayList<>();
        for (Path file : files) {
            if (!JsonRecords.isJsonFile(file)) {
                throw new IOException(file + ": not a .json or .jsonl file; give AMSBench items as a JSON array"
                        + " or JSON Lines");
            }
            JsonRecords.Read read = JsonRecords.read(file);
            malformed.addAll(read.malformed());
            for (JsonRecords.Entry e : read.entries()) {
                try {
                    items.add(item(file, e));
                } catch (IllegalArgumentException bad) {
                    malformed.add(new Malformed(new ItemSource(file.toString(), e.line()),
                            "item " + e.index() + ": " + bad.getMessage()));
                }
            }
        }
        items = UniqueIds.keepFirst(items, malformed, "give the items distinct 'id' fields");
        return new LoadResult(NAME, items, malformed);
    }

    private static EvalItem item(Path file, JsonRecords.Entry e) {
        JsonNode n = e.node();
        String question = required(n, "question", "the question text");
        String truth = n.path("groundtruth").isArray() ? joinLetters(n.get("groundtruth"))
                : required(n, "groundtruth", "the correct option letter or the reference answer");
        List<String> options = options(n.get("options"));
        QuestionType type;
        if (options.isEmpty()) {
            type = QuestionType.OPEN;
        } else {
            Set<Character> letters = letters(truth);
            if (letters.isEmpty()) {
                throw new IllegalArgumentException("'groundtruth' is '" + truth + "' but the item has options;"
                        + " give the correct option letter(s), A to " + (char) ('A' + options.size() - 1));
            }
            for (char c : letters) {
                if (c - 'A' >= options.size()) {
                    throw new IllegalArgumentException("'groundtruth' names option " + c + " but the item has only "
                            + options.size() + " options (A to " + (char) ('A' + options.size() - 1) + ")");
                }
            }
            type = letters.size() > 1 ? QuestionType.MULTI : QuestionType.SINGLE;
        }
        List<Path> images = new ArrayList<>();
        String image = n.path("image_path").asText("");
        if (!image.isBlank()) {
            Path resolved = SuiteFiles.resolveImage(file, image);
            if (!Files.isRegularFile(resolved)) {
                throw new IllegalArgumentException("image_path '" + image + "' not found at " + resolved
                        + "; put the image beside the file or correct the path");
            }
            images.add(resolved);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (n.hasNonNull("level")) {
            labels.put("level", SuiteFiles.lower(n.get("level").asText()));
        }
        for (String key : EXTRA_LABELS) {
            if (n.hasNonNull(key) && !n.get(key).asText().isBlank()) {
                labels.put(key, SuiteFiles.lower(n.get(key).asText()));
            }
        }
        String id = n.hasNonNull("id") ? n.get("id").asText() : SuiteFiles.stem(file) + "/" + e.index();
        return new EvalItem(NAME, id, type, "", question, options, truth.strip(), images, "", labels,
                new ItemSource(file.toString(), e.line()));
    }

    private static String required(JsonNode n, String key, String what) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull() || v.isContainerNode() || v.asText().isBlank()) {
            throw new IllegalArgumentException("'" + key + "' is missing or empty; give " + what);
        }
        return v.asText();
    }

    private static String joinLetters(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(x -> parts.add(x.asText().strip()));
        return String.join(", ", parts);
    }

    /** The option letters of a ground truth: {@code B}, {@code AC}, {@code A, C}, {@code (B)}; empty when it is not letters. */
    static Set<Character> letters(String truth) {
        String t = truth.strip().toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s,;()/&]|AND", "");
        Set<Character> out = new LinkedHashSet<>();
        if (t.isEmpty() || !t.matches("[A-H]+")) {
            return Set.of();
        }
        for (char c : t.toCharArray()) {
            out.add(c);
        }
        return out;
    }

    /** The option texts in order A, B, C..., without their letters; empty when the item has no options. */
    static List<String> options(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(x -> out.add(LETTER_PREFIX.matcher(x.asText().strip()).replaceFirst("")));
        } else if (v.isObject()) {
            List<String> keys = new ArrayList<>();
            v.fieldNames().forEachRemaining(keys::add);
            keys.sort(String::compareTo);
            for (String k : keys) {
                out.add(v.get(k).asText().strip());
            }
        } else if (!v.asText().isBlank()) {
            out.addAll(splitInline(v.asText().strip()));
        }
        return out;
    }

    private static List<String> splitInline(String text) {
        Matcher m = INLINE_OPTION.matcher(text);
        List<int[]> marks = new ArrayList<>();
        char expected = 'A';
        while (m.find()) {
            if (m.group(1).charAt(0) == expected) {
                marks.add(new int[] {m.start(), m.end()});
                expected++;
            }
        }
        if (marks.size() < 2 || marks.get(0)[0] > 0) {
            throw new IllegalArgumentException("'options' is text that does not read as 'A. ... B. ...'; give the"
                    + " options as a list, an object {\"A\": ...} or text with lettered options");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            int end = i + 1 < marks.size() ? marks.get(i + 1)[0] : text.length();
            out.add(text.substring(marks.get(i)[1], end).strip());
        }
        return out;
    }
}
