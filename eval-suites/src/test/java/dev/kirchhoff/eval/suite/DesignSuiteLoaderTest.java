package dev.kirchhoff.eval.suite;

import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.QuestionType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DesignSuiteLoaderTest {

    private final DesignSuiteLoader loader = new DesignSuiteLoader();

    @Test
    void theDesignSuiteGivesOneDesignItemPerPrompt() throws IOException {
        Path file = Fixtures.repositoryFile("eval-suites/design/design-suite.jsonl");
        long lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).count();
        DesignSuiteLoader.Read read = loader.read(file);
        assertThat(read.result().malformed()).isEmpty();
        assertThat(read.result().items()).hasSize((int) lines).hasSize(120);
        assertThat(read.suite().items()).hasSize(120);
        EvalItem first = read.result().items().get(0);
        assertThat(first.suite()).isEqualTo("design");
        assertThat(first.id()).isEqualTo("uno-bme280");
        assertThat(first.type()).isEqualTo(QuestionType.DESIGN);
        assertThat(first.question()).isEqualTo("Arduino Uno with a BME280 sensor over I2C");
        assertThat(first.labels()).containsExactlyInAnyOrderEntriesOf(Map.of("difficulty", "easy",
                "domain", "embedded"));
        assertThat(first.source().toString()).isEqualTo(file + ":1");
        assertThat(read.suite().item("uno-bme280")).isPresent();
        assertThat(read.result().items()).extracting(i -> i.label("domain"))
                .containsOnly("embedded", "analog", "power", "mixed");
    }

    @Test
    void theFolderStandsForTheSuiteFile() throws IOException {
        Path dir = Fixtures.repositoryFile("eval-suites/design");
        assertThat(loader.load(dir).items()).hasSize(120);
    }

    @Test
    void badLinesAreReportedAndSkippedNotFatal() throws IOException {
        Path file = Fixtures.path("malformed/design/design-suite.jsonl");
        DesignSuiteLoader.Read read = loader.read(file);
        assertThat(read.result().items()).extracting(EvalItem::id).containsExactly("uno-bme280", "uno-blink-d13");
        assertThat(read.suite().items()).extracting(i -> i.id()).containsExactly("uno-bme280", "uno-blink-d13");
        assertThat(read.result().items().get(1).source().line()).isEqualTo(5);
        assertThat(read.result().malformed()).extracting(m -> m.source().line(), m -> m.message()).containsExactly(
                tuple(2, "item 'uno-unknown-part', expect.parts[1]: 'bme999-module' is neither a kind (bjt, board,"
                        + " capacitor, comparator, diode, inductor, led, mosfet, opamp, regulator, resistor, timer,"
                        + " transistor) nor a knowledge-base part id; nearest ids: bme280-module, bmp180-module,"
                        + " bmp280-module"),
                tuple(3, "not valid JSON (Unexpected end-of-input within/between Object entries); write one JSON"
                        + " object per line"),
                tuple(4, "item 'uno-bme280': the id is already used on line 1; give every item its own id"));
        assertThat(read.result().malformed()).allSatisfy(m -> assertThat(m.source().file()).isEqualTo(file.toString()));
    }
}
