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
import java.util.List;
import java.util.Map;

/**
 * Reads MMCircuitEval records ({@code statement}, {@code ic_type}, {@code source}, {@code extra}, and the parallel
 * lists {@code questions}, {@code question_types}, {@code images}, {@code answers}, {@code explanations},
 * {@code difficulties}, {@code abilities}) from a {@code .jsonl} file, a {@code .json} file (one record or an array)
 * or a folder of them. One record becomes one item per sub-question, all sharing the record's statement and images.
 * The split (general, spec, frontend, backend) is the record's {@code split} field, else the file name's leading
 * word. Item id: {@code <split>/<record id, or record index in its file from 0>#<sub-question index from 0>}.
 * Stateless and thread-safe.
 */
public final class MmCircuitEvalLoader implements SuiteLoader {

    public static final String NAME = "mmcircuiteval";
    static final List<String> SPLITS = List.of("general", "spec", "frontend", "backend");
    private static final List<String> LISTS = List.of("questions", "question_types", "answers", "explanations",
            "difficulties", "abilities");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "MMCircuitEval (cure-lab): records of sub-questions (single, multi, blank, open) sharing a statement;"
                + " reads general/spec/frontend/backend .jsonl or .json files, or a folder of them";
    }

    @Override
    public LoadResult load(Path path) throws IOException {
        SuiteFiles.requireExists(path, NAME, "a .jsonl or .json file of records, or a folder of them");
        List<EvalItem> items = new ArrayList<>();
        List<Malformed> malformed = new ArrayList<>();
        List<Path> files;
        if (Files.isDirectory(path)) {
            files = SuiteFiles.files(path, f -> JsonRecords.isJsonFile(f) || SuiteFiles.isParquet(f));
        } else {
            files = List.of(path);
        }
        boolean readable = false;
        for (Path file : files) {
            if (SuiteFiles.isParquet(file)) {
                if (!Files.isDirectory(path)) {
                    throw new IOException(file + ": " + SuiteFiles.PARQUET_HINT);
                }
                malformed.add(new Malformed(new ItemSource(file.toString(), 0), SuiteFiles.PARQUET_HINT));
                continue;
            }
            if (!JsonRecords.isJsonFile(file)) {
                throw new IOException(file + ": not a .json or .jsonl file; give MMCircuitEval records as JSON"
                        + " Lines (one record per line) or a JSON array");
            }
            readable = true;
            JsonRecords.Read read = JsonRecords.read(file);
            malformed.addAll(read.malformed());
            for (JsonRecords.Entry e : read.entries()) {
                record(file, e, items, malformed);
            }
        }
        if (!readable) {
            throw new IOException(path + ": no .json or .jsonl files here"
                    + (malformed.isEmpty() ? "; give the folder holding general.jsonl, spec.jsonl, ..."
                    : "; " + SuiteFiles.PARQUET_HINT));
        }
        items = UniqueIds.keepFirst(items, malformed, "give the records an 'id' field, or keep one file per split");
        return new LoadResult(NAME, items, malformed);
    }

    private static void record(Path file, JsonRecords.Entry e, List<EvalItem> items, List<Malformed> malformed) {
        JsonNode r = e.node();
        ItemSource where = new ItemSource(file.toString(), e.line());
        List<String> problems = new ArrayList<>();
        String statement = text(r, "statement", problems);
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (String key : LISTS) {
            JsonNode v = r.get(key);
            if (v == null || !v.isArray()) {
                problems.add("'" + key + "' is missing or not a list");
            } else {
                List<String> values = new ArrayList<>();
                v.forEach(x -> values.add(x.isNull() ? "" : x.isTextual() ? x.asText() : x.toString()));
                lists.put(key, values);
            }
        }
        if (!problems.isEmpty()) {
            malformed.add(new Malformed(where, "record " + e.index() + ": " + String.join("; ", problems)
                    + "; an MMCircuitEval record needs statement, questions, question_types, answers, explanations,"
                    + " difficulties and abilities"));
            return;
        }
        int n = lists.get("questions").size();
        List<String> unequal = new ArrayList<>();
        lists.forEach((k, v) -> unequal.add(k + " " + v.size()));
        if (lists.values().stream().anyMatch(v -> v.size() != n) || n == 0) {
            malformed.add(new Malformed(where, "record " + e.index() + ": the sub-question lists must have one"
                    + " entry per question and at least one (" + String.join(", ", unequal)
                    + "); add or remove entries so they match"));
            return;
        }
        List<Path> images = new ArrayList<>();
        JsonNode imgs = r.path("images");
        for (JsonNode img : imgs) {
            String p = img.isObject() ? img.path("path").asText("") : img.asText("");
            if (p.isBlank() && img.isObject() && img.hasNonNull("bytes")) {
                // the hub's export: {"bytes": <the image>, "path": null}
                try {
                    images.add(SuiteFiles.imageFromBytes(img.get("bytes")));
                } catch (IOException | IllegalArgumentException ex) {
                    malformed.add(new Malformed(where, "record " + e.index() + ": an image's bytes could not be "
                            + "read (" + ex.getMessage() + "); give base64 bytes or a path"));
                    return;
                }
                continue;
            }
            if (p.isBlank()) {
                continue; // an empty entry ({"bytes": null, "path": null}) is no image
            }
            Path resolved = SuiteFiles.resolveImage(file, p);
            if (!Files.isRegularFile(resolved)) {
                malformed.add(new Malformed(where, "record " + e.index() + ": image '" + p + "' not found at "
                        + resolved + "; put the image beside the file or correct the path"));
                return;
            }
            images.add(resolved);
        }
        String split = r.hasNonNull("split") ? SuiteFiles.lower(r.get("split").asText()) : splitOf(file);
        String recordId = r.hasNonNull("id") ? r.get("id").asText() : Integer.toString(e.index());
        List<String> types = lists.get("question_types");
        for (int i = 0; i < n; i++) {
            String t = SuiteFiles.lower(types.get(i));
            QuestionType type = switch (t) {
                case "single" -> QuestionType.SINGLE;
                case "multi" -> QuestionType.MULTI;
                case "blank" -> QuestionType.BLANK;
                case "open" -> QuestionType.OPEN;
                default -> null;
            };
            if (type == null) {
                malformed.add(new Malformed(where, "record " + e.index() + ", sub-question " + i
                        + ": unknown question type '" + types.get(i) + "'; use single, multi, blank or open"));
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("split", split);
            labels.put("ability", SuiteFiles.lower(lists.get("abilities").get(i)));
            labels.put("difficulty", SuiteFiles.lower(lists.get("difficulties").get(i)));
            putIfPresent(labels, "ic_type", r);
            putIfPresent(labels, "source", r);
            items.add(new EvalItem(NAME, split + "/" + recordId + "#" + i, type, statement,
                    lists.get("questions").get(i), List.of(), lists.get("answers").get(i), images, "", labels,
                    where));
        }
    }

    private static void putIfPresent(Map<String, String> labels, String key, JsonNode r) {
        if (r.hasNonNull(key) && !r.get(key).asText().isBlank()) {
            labels.put(key, SuiteFiles.lower(r.get(key).asText()));
        }
    }

    private static String text(JsonNode r, String key, List<String> problems) {
        JsonNode v = r.get(key);
        if (v == null || !v.isTextual()) {
            problems.add("'" + key + "' is missing or not text");
            return "";
        }
        return v.asText();
    }

    /** The split named by the file: {@code general.jsonl}, {@code spec.json}, {@code frontend_test.json}. */
    static String splitOf(Path file) {
        String stem = SuiteFiles.lower(SuiteFiles.stem(file));
        for (String s : SPLITS) {
            if (stem.startsWith(s)) {
                return s;
            }
        }
        return stem;
    }
}
