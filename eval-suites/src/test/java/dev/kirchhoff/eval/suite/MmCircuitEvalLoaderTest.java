package dev.kirchhoff.eval.suite;

import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.LoadResult;
import dev.kirchhoff.eval.Malformed;
import dev.kirchhoff.eval.QuestionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MmCircuitEvalLoaderTest {

    private final MmCircuitEvalLoader loader = new MmCircuitEvalLoader();

    @Test
    void theFixtureFolderGivesOneItemPerSubQuestion() throws IOException {
        LoadResult r = loader.load(Fixtures.path("mmcircuiteval"));
        assertThat(r.suite()).isEqualTo("mmcircuiteval");
        assertThat(r.malformed()).isEmpty();
        // 9 records: 5 in general.jsonl (3+3+3+3+2), 3 in spec.json (3+2+3), 1 in frontend_test.json (2)
        assertThat(r.items()).hasSize(24);
        Map<String, Long> bySplit = r.items().stream().collect(Collectors.groupingBy(i -> i.label("split"),
                Collectors.counting()));
        assertThat(bySplit).containsExactlyInAnyOrderEntriesOf(Map.of("general", 14L, "spec", 8L, "frontend", 2L));
        Map<QuestionType, Long> byType = r.items().stream().collect(Collectors.groupingBy(EvalItem::type,
                Collectors.counting()));
        assertThat(byType).containsExactlyInAnyOrderEntriesOf(Map.of(QuestionType.SINGLE, 7L, QuestionType.MULTI, 3L,
                QuestionType.BLANK, 10L, QuestionType.OPEN, 4L));
        assertThat(r.items()).extracting(i -> i.label("ability")).containsOnly("knowledge", "comprehension",
                "reasoning", "computation");
        assertThat(r.items()).extracting(i -> i.label("difficulty")).containsOnly("easy", "medium", "hard");
        assertThat(r.items()).extracting(EvalItem::id).doesNotHaveDuplicates();
    }

    @Test
    void aRecordWithThreeSubQuestionsBecomesThreeItemsSharingItsStatement() throws IOException {
        LoadResult r = loader.load(Fixtures.path("mmcircuiteval/general.jsonl"));
        List<EvalItem> first = r.items().stream().filter(i -> i.id().startsWith("general/0#")).toList();
        assertThat(first).extracting(EvalItem::id).containsExactly("general/0#0", "general/0#1", "general/0#2");
        assertThat(first).extracting(EvalItem::type)
                .containsExactly(QuestionType.SINGLE, QuestionType.BLANK, QuestionType.OPEN);
        assertThat(first).extracting(EvalItem::statement).containsOnly(
                "Answer the following questions about decibels, resistor networks and circuit laws.");
        assertThat(first).extracting(EvalItem::reference).containsExactly("B", "5", first.get(2).reference());
        assertThat(first.get(2).reference()).startsWith("The algebraic sum of the currents at a node is zero");
        assertThat(first).extracting(EvalItem::source).extracting(Object::toString).containsOnly(
                Fixtures.path("mmcircuiteval/general.jsonl") + ":1");
        assertThat(first.get(0).labels()).containsExactlyInAnyOrderEntriesOf(Map.of("split", "general",
                "ability", "computation", "difficulty", "easy", "ic_type", "analog", "source", "textbook"));
        assertThat(first.get(0).options()).isEmpty();
        assertThat(first.get(0).question()).isEqualTo(
                "A voltage gain of 20 dB corresponds to a voltage ratio of: (A) 2 (B) 10 (C) 20 (D) 100");
    }

    @Test
    void imagesResolveAgainstTheFileFolderAndAreSharedByTheSubQuestions() throws IOException {
        Map<String, EvalItem> byId = byId(loader.load(Fixtures.path("mmcircuiteval")));
        Path divider = Fixtures.path("mmcircuiteval/images/divider.png");
        assertThat(byId.get("general/1#0").images()).containsExactly(divider);
        assertThat(byId.get("general/1#2").images()).containsExactly(divider);
        assertThat(byId.get("general/1#2").type()).isEqualTo(QuestionType.MULTI);
        assertThat(byId.get("general/1#2").reference()).isEqualTo("A, B");
        assertThat(byId.get("spec/0#0").images()).containsExactly(Fixtures.path("mmcircuiteval/images/lm7805-pinout.png"));
        assertThat(byId.get("general/0#0").images()).isEmpty();
        assertThat(Files.isRegularFile(divider)).isTrue();
    }

    @Test
    void aJsonArrayGivesLinesOfEachRecordAndASplitFromTheFileName() throws IOException {
        LoadResult r = loader.load(Fixtures.path("mmcircuiteval/spec.json"));
        assertThat(r.items()).hasSize(8);
        Map<String, EvalItem> byId = byId(r);
        assertThat(byId.get("spec/1#1").reference()).isEqualTo("A");
        assertThat(byId.get("spec/1#1").label("source")).isEqualTo("datasheet");
        assertThat(byId.get("spec/2#0").reference()).isEqualTo("6.86");
        assertThat(byId.get("spec/2#2").reference()).isEqualTo("A, B, C");
        // the second record's object opens on line 33 of the pretty-printed array
        assertThat(byId.get("spec/1#0").source().line()).isEqualTo(lineOfSecondRecord());
    }

    @Test
    void aSingleObjectFileTakesItsSplitAndIdFromItsFields() throws IOException {
        LoadResult r = loader.load(Fixtures.path("mmcircuiteval/frontend_test.json"));
        assertThat(r.items()).extracting(EvalItem::id).containsExactly("frontend/fe-001#0", "frontend/fe-001#1");
        assertThat(r.items()).extracting(i -> i.label("split")).containsOnly("frontend");
        assertThat(r.items().get(1).label("ability")).isEqualTo("reasoning");
    }

    @Test
    void eachDefectIsReportedAtItsLineAndTheGoodRecordsStillLoad() throws IOException {
        Path file = Fixtures.path("malformed/mmcircuiteval/general.jsonl");
        LoadResult r = loader.load(file);
        assertThat(r.items()).extracting(EvalItem::id).containsExactly("general/0#0", "general/0#1", "general/4#0",
                "general/6#0");
        assertThat(r.malformed()).extracting(m -> m.source().toString()).containsExactly(
                file + ":2", file + ":3", file + ":4", file + ":5", file + ":6");
        List<String> messages = r.malformed().stream().map(Malformed::message).toList();
        assertThat(messages.get(0)).startsWith("not valid JSON (").endsWith("write one complete JSON object per line");
        assertThat(messages.get(1)).isEqualTo("record 2: the sub-question lists must have one entry per question and"
                + " at least one (questions 2, question_types 2, answers 1, explanations 2, difficulties 2,"
                + " abilities 2); add or remove entries so they match");
        assertThat(messages.get(2)).startsWith("record 3: 'abilities' is missing or not a list");
        assertThat(messages.get(3)).isEqualTo("record 4, sub-question 1: unknown question type 'essay'; use single,"
                + " multi, blank or open");
        assertThat(messages.get(4)).startsWith("record 5: image 'images/missing.png' not found at ")
                .endsWith("; put the image beside the file or correct the path");
    }

    @Test
    void parquetIsRefusedWithHowToConvertIt() {
        Path parquet = Fixtures.path("malformed/mmcircuiteval/backend.parquet");
        assertThatThrownBy(() -> loader.load(parquet)).isInstanceOf(IOException.class)
                .hasMessageContaining("does not read parquet")
                .hasMessageContaining("to_json('general.jsonl', orient='records', lines=True)")
                .hasMessageContaining("COPY (SELECT * EXCLUDE (images), [] AS images FROM 'general.parquet')"
                        + " TO 'general.jsonl' (FORMAT JSON)")
                .hasMessageContaining("docs/eval-datasets.md");
    }

    @Test
    void aParquetFileInAFolderIsReportedAndTheJsonStillLoads() throws IOException {
        LoadResult r = loader.load(Fixtures.path("malformed/mmcircuiteval"));
        assertThat(r.items()).hasSize(4);
        assertThat(r.malformed()).filteredOn(m -> m.source().file().endsWith("backend.parquet")).singleElement()
                .satisfies(m -> assertThat(m.message()).contains("convert it to JSON Lines first"));
    }

    @Test
    void aMissingPathSaysWhatToGive(@TempDir Path tmp) {
        Path missing = tmp.resolve("nope.jsonl");
        assertThatThrownBy(() -> loader.load(missing)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("docs/eval-datasets.md");
    }

    @Test
    void imageObjectsAreReadThroughTheirPathAndAFolderWithoutJsonIsRefused(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("data/img"));
        Files.copy(Fixtures.path("mmcircuiteval/images/divider.png"), tmp.resolve("data/img/0_0.png"));
        Files.writeString(tmp.resolve("data/backend-00000-of-00001.jsonl"), "{\"statement\": \"s\", \"images\":"
                + " [{\"path\": \"img/0_0.png\", \"bytes\": null}], \"questions\": [\"q\"], \"question_types\":"
                + " [\"Blank\"], \"answers\": [\"1\"], \"explanations\": [\"\"], \"difficulties\": [\"Easy\"],"
                + " \"abilities\": [\"Computation\"]}\n");
        LoadResult r = loader.load(tmp.resolve("data"));
        assertThat(r.malformed()).isEmpty();
        assertThat(r.items()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo("backend/0#0");
            assertThat(i.type()).isEqualTo(QuestionType.BLANK);
            assertThat(i.images()).containsExactly(tmp.resolve("data/img/0_0.png"));
            assertThat(i.labels()).containsExactlyInAnyOrderEntriesOf(Map.of("split", "backend",
                    "ability", "computation", "difficulty", "easy"));
        });
        Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> loader.load(tmp.resolve("empty"))).isInstanceOf(IOException.class)
                .hasMessageContaining("no .json or .jsonl files here; give the folder holding general.jsonl");
    }

    @Test
    void imageBytesFromTheHubsExportBecomeAFileAndAnEmptyEntryIsNoImage(@TempDir Path tmp) throws IOException {
        byte[] png = Files.readAllBytes(Fixtures.path("mmcircuiteval/images/divider.png"));
        String b64 = java.util.Base64.getEncoder().encodeToString(png);
        String record = "{\"statement\": \"s\", \"images\": [{\"bytes\": \"" + b64 + "\", \"path\": null}, "
                + "{\"bytes\": null, \"path\": null}], \"questions\": [\"q\"], \"question_types\": [\"single\"], "
                + "\"answers\": [\"A\"], \"explanations\": [\"\"], \"difficulties\": [1], \"abilities\": [\"knowledge\"]}\n";
        Files.writeString(tmp.resolve("general.jsonl"), record + record.replace(b64, "bm90IGFuIGltYWdl"));
        LoadResult r = loader.load(tmp.resolve("general.jsonl"));
        assertThat(r.items()).singleElement().satisfies(i -> {
            assertThat(i.images()).hasSize(1);
            assertThat(i.images().get(0).getFileName().toString()).endsWith(".png");
            assertThat(Files.readAllBytes(i.images().get(0))).isEqualTo(png);
            assertThat(i.label("difficulty")).isEqualTo("1");
        });
        // "not an image", in base64, is refused with the record's line
        assertThat(r.malformed()).singleElement().satisfies(m -> {
            assertThat(m.source().line()).isEqualTo(2);
            assertThat(m.message()).isEqualTo("record 1: an image's bytes could not be read (not a PNG, JPEG, GIF or "
                    + "WebP image); give base64 bytes or a path");
        });
    }

    @Test
    void theSplitComesFromTheFileNamesLeadingWord() {
        assertThat(MmCircuitEvalLoader.splitOf(Path.of("general.jsonl"))).isEqualTo("general");
        assertThat(MmCircuitEvalLoader.splitOf(Path.of("frontend_test.json"))).isEqualTo("frontend");
        assertThat(MmCircuitEvalLoader.splitOf(Path.of("backend-00000-of-00001.jsonl"))).isEqualTo("backend");
        assertThat(MmCircuitEvalLoader.splitOf(Path.of("Spec.JSON"))).isEqualTo("spec");
        assertThat(MmCircuitEvalLoader.splitOf(Path.of("mine.jsonl"))).isEqualTo("mine");
    }

    private static int lineOfSecondRecord() throws IOException {
        List<String> lines = Files.readAllLines(Fixtures.path("mmcircuiteval/spec.json"));
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("  {")) {
                seen++;
                if (seen == 2) {
                    return i + 1;
                }
            }
        }
        throw new AssertionError("spec.json has fewer than two records");
    }

    private static Map<String, EvalItem> byId(LoadResult r) {
        return r.items().stream().collect(Collectors.toMap(EvalItem::id, Function.identity()));
    }
}
