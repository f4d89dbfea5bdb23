package dev.kirchhoff.eval.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.LoadResult;
import dev.kirchhoff.eval.Malformed;
import dev.kirchhoff.eval.QuestionType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class AmsBenchLoaderTest {

    private final AmsBenchLoader loader = new AmsBenchLoader();

    @Test
    void theFixtureGivesTenItemsWithAndWithoutOptions() throws IOException {
        LoadResult r = loader.load(Fixtures.path("amsbench"));
        assertThat(r.malformed()).isEmpty();
        assertThat(r.items()).extracting(EvalItem::id).containsExactly("amsbench/0", "amsbench/1", "amsbench/2",
                "amsbench/3", "amsbench/4", "amsbench/5", "amsbench/6", "amsbench/7", "amsbench/8", "amsbench/9");
        assertThat(r.items()).extracting(EvalItem::type).containsExactly(QuestionType.SINGLE, QuestionType.SINGLE,
                QuestionType.SINGLE, QuestionType.MULTI, QuestionType.SINGLE, QuestionType.SINGLE, QuestionType.OPEN,
                QuestionType.OPEN, QuestionType.OPEN, QuestionType.MULTI);
        assertThat(r.items()).extracting(EvalItem::reference).containsExactly("A", "B", "C", "AB", "B", "A", "200",
                "a latch (a bistable storage cell)", "25.9", "A, C");
        Map<String, Long> byLevel = r.items().stream().collect(Collectors.groupingBy(i -> i.label("level"),
                Collectors.counting()));
        assertThat(byLevel).containsExactlyInAnyOrderEntriesOf(Map.of("easy", 5L, "medium", 4L, "hard", 1L));
        assertThat(r.items()).allSatisfy(i -> assertThat(i.images()).singleElement()
                .satisfies(p -> assertThat(p).isRegularFile()));
        assertThat(r.items().get(0).images()).containsExactly(Fixtures.path("amsbench/images/cs-amplifier.png"));
        assertThat(r.items().get(3).labels()).containsExactlyInAnyOrderEntriesOf(Map.of("level", "hard",
                "task", "analysis", "category", "layout"));
    }

    @Test
    void optionsOfEveryFormBecomeTextsWithoutLetters() throws IOException {
        List<EvalItem> items = loader.load(Fixtures.path("amsbench/amsbench.json")).items();
        assertThat(items.get(0).options()).containsExactly("-20", "-2", "20", "-0.2");
        assertThat(items.get(1).options()).containsExactly("the simple two-transistor mirror", "the cascode mirror",
                "the resistor-degenerated mirror with a 100 Ω degeneration", "the diode-connected transistor alone");
        assertThat(items.get(2).options()).containsExactly("common-source stage", "common-gate stage",
                "source follower", "cascode stage");
        assertThat(items.get(5).options()).containsExactly("0.5 V", "1 V", "2 V", "4 V");
        assertThat(items.get(6).options()).isEmpty();
        assertThat(items.get(8).options()).isEmpty();
    }

    @Test
    void groundTruthLettersAreReadInEveryForm() {
        assertThat(AmsBenchLoader.letters("B")).containsExactly('B');
        assertThat(AmsBenchLoader.letters("AC")).containsExactly('A', 'C');
        assertThat(AmsBenchLoader.letters("A, C")).containsExactly('A', 'C');
        assertThat(AmsBenchLoader.letters("(B)")).containsExactly('B');
        assertThat(AmsBenchLoader.letters("a and d")).containsExactly('A', 'D');
        assertThat(AmsBenchLoader.letters("25.9")).isEmpty();
        assertThat(AmsBenchLoader.letters("latch")).isEmpty();
    }

    @Test
    void eachDefectIsReportedAtItsLineAndTheGoodItemsStillLoad() throws IOException {
        Path file = Fixtures.path("malformed/amsbench/items.jsonl");
        LoadResult r = loader.load(file);
        assertThat(r.items()).extracting(EvalItem::id, EvalItem::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("items/0", QuestionType.SINGLE),
                org.assertj.core.groups.Tuple.tuple("items/6", QuestionType.OPEN));
        assertThat(r.malformed()).extracting(m -> m.source().toString()).containsExactly(
                file + ":2", file + ":3", file + ":4", file + ":5", file + ":6");
        List<String> messages = r.malformed().stream().map(Malformed::message).toList();
        assertThat(messages.get(0)).startsWith("not valid JSON (");
        assertThat(messages.get(1)).isEqualTo("item 2: 'question' is missing or empty; give the question text");
        assertThat(messages.get(2)).isEqualTo("item 3: 'groundtruth' names option E but the item has only 4 options"
                + " (A to D)");
        assertThat(messages.get(3)).startsWith("item 4: image_path 'images/missing.png' not found at ");
        assertThat(messages.get(4)).isEqualTo("item 5: 'options' is text that does not read as 'A. ... B. ...';"
                + " give the options as a list, an object {\"A\": ...} or text with lettered options");
    }

    @Test
    void aRepeatedIdIsReportedAndTheFirstItemKept(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path file = java.nio.file.Files.writeString(tmp.resolve("open.jsonl"),
                "{\"id\": \"x1\", \"question\": \"Unit of inductance?\", \"groundtruth\": \"henry\"}\n"
                + "{\"id\": \"x1\", \"question\": \"Unit of charge?\", \"groundtruth\": \"coulomb\"}\n");
        LoadResult r = loader.load(file);
        assertThat(r.items()).singleElement().satisfies(i -> assertThat(i.reference()).isEqualTo("henry"));
        assertThat(r.malformed()).singleElement().satisfies(m -> {
            assertThat(m.source().toString()).isEqualTo(file + ":2");
            assertThat(m.message()).isEqualTo("the id 'x1' is already used by the item at " + file
                    + ":1; give the items distinct 'id' fields");
        });
    }

    @Test
    void anObjectOptionsFieldIsOrderedByLetter() throws IOException {
        var node = new ObjectMapper().readTree("{\"C\": \"three\", \"A\": \"one\", \"B\": \"two\"}");
        assertThat(AmsBenchLoader.options(node)).containsExactly("one", "two", "three");
    }

    @Test
    void anImagePathWrittenFromTheDatasetsRootIsFoundFromASubfolder(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        java.nio.file.Files.createDirectories(tmp.resolve("images"));
        java.nio.file.Files.createDirectories(tmp.resolve("json"));
        java.nio.file.Files.copy(Fixtures.path("mmcircuiteval/images/divider.png"), tmp.resolve("images/a.png"));
        java.nio.file.Files.writeString(tmp.resolve("json/items.json"), "[{\"image_path\": \"images/a.png\", "
                + "\"question\": \"Which?\", \"options\": [\"x\", \"y\"], \"groundtruth\": \"A\", \"level\": \"easy\"}]");
        LoadResult r = new AmsBenchLoader().load(tmp.resolve("json/items.json"));
        assertThat(r.malformed()).isEmpty();
        assertThat(r.items()).singleElement().satisfies(i ->
                assertThat(i.images()).containsExactly(tmp.resolve("images/a.png")));
    }
}
