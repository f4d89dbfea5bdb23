package dev.kirchhoff.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.InterfaceKind;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartReader;
import dev.kirchhoff.knowledge.VoltageRange;
import dev.kirchhoff.retrieval.PartSearch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kirchhoff kb} run in-process on the bundled knowledge base. The search index lives in the shared test cache
 * ({@code kirchhoff.cache}); it is built (about a minute) or opened once in {@link #buildTheIndexOnce()}, so no test
 * pays for it and no command prints build progress.
 */
class KbCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static KnowledgeBase kb;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildTheIndexOnce() {
        kb = KnowledgeBase.bundled();
        try (PartSearch search = PartSearch.open(message -> { })) {
            assertThat(search.size()).isGreaterThan(kb.size());
        }
    }

    private static JsonNode json(Cli.Result r) throws IOException {
        return JSON.readTree(r.out());
    }

    private static List<String> ids(JsonNode results) {
        List<String> ids = new ArrayList<>();
        results.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    /** The line of a pin table that describes {@code pinName}. */
    private static String pinLine(String out, String number, String pinName) {
        return lines(out).stream().filter(l -> l.matches("\\s+" + number + "\\s+" + pinName + "\\s.*")).findFirst()
                .orElseThrow(() -> new AssertionError("no pin line for " + number + " " + pinName + " in\n" + out));
    }

    // ------------------------------------------------------------------------------------------------------
    // search

    @Test
    void anUnwritableCacheIsAUsageErrorThatSaysWhatToSet() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("cache-is-a-file"), "x");
        String before = System.getProperty("kirchhoff.cache");
        System.setProperty("kirchhoff.cache", notAFolder.toString());
        try {
            Cli.Result r = Cli.run("kb", "search", "bme280");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("error: cannot build or open the part index under ")
                    .contains("set KIRCHHOFF_CACHE to a writable folder")
                    .doesNotContain("Exception");
        } finally {
            System.setProperty("kirchhoff.cache", before);
        }
    }

    @Test
    void aPartNumberTheKnowledgeBaseLacksIsSaidPlainly() throws Exception {
        Cli.Result r = Cli.run("kb", "search", "bme820", "-k", "3");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(lines(r.out()).get(0))
                .isEqualTo("the knowledge base has no part named 'bme820'; the closest parts are:");
        assertThat(lines(r.out()).get(1)).contains("bme280-module");
        JsonNode root = json(Cli.run("kb", "search", "bme820", "-k", "3", "--json"));
        assertThat(root.get("unknownPartNumber").asText()).isEqualTo("bme820");
        // a part it has gets no such line
        assertThat(Cli.run("kb", "search", "bme280", "-k", "1").out()).doesNotContain("no part named");
        assertThat(json(Cli.run("kb", "search", "bme280", "--json")).has("unknownPartNumber")).isFalse();
    }

    @Test
    void searchByPartNumberPutsTheCuratedModuleFirstAsAnExactMatch() throws Exception {
        Cli.Result r = Cli.run("kb", "search", "bme280", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode root = json(r);
        assertThat(root.get("query").asText()).isEqualTo("bme280");
        JsonNode first = root.get("results").get(0);
        assertThat(first.get("id").asText()).isEqualTo("bme280-module");
        assertThat(first.get("tier").asText()).isEqualTo("curated");
        assertThat(first.get("category").asText()).isEqualTo("sensor");
        assertThat(first.get("form").asText()).isEqualTo("module");
        assertThat(first.get("match").asText()).isEqualTo("exact");
        // the bare chip from the KiCad library is found too, by its exact name
        assertThat(root.get("results")).anySatisfy(n -> {
            assertThat(n.get("id").asText()).isEqualTo("Sensor:BME280");
            assertThat(n.get("tier").asText()).isEqualTo("kicad");
            assertThat(n.get("match").asText()).isEqualTo("exact");
        });
        assertThat(root.get("results").size()).isEqualTo(10);
    }

    @Test
    void searchByWhatThePartDoesFindsTheUltrasonicSensor() {
        Cli.Result r = Cli.run("kb", "search", "ultrasonic distance sensor", "-k", "5");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = lines(r.out());
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).matches(" 1\\. hc-sr04\\s+curated sensor\\s+HC-SR04 ultrasonic distance sensor");
        assertThat(lines.get(4)).startsWith(" 5. ");
        // curated parts were found, so there is no note about the KiCad tier
        assertThat(r.out()).doesNotContain("only KiCad-tier parts matched");
    }

    @Test
    void aPartNumberThatACuratedPartListsFindsItAheadOfTheKicadSymbol() {
        // LM2904 is the automotive LM358: the curated lm358 lists it as a part number, KiCad has its own symbol
        assertThat(kb.part("lm358").orElseThrow().partNumbers()).contains("LM2904");
        Cli.Result r = Cli.run("kb", "search", "lm2904");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = lines(r.out());
        assertThat(lines.get(0)).matches(" 1\\. lm358\\s+curated analog\\s+LM358 .*");
        assertThat(lines.get(1)).matches(" 2\\. Amplifier_Operational:LM2904\\s+kicad\\s+analog\\s+LM2904");
        assertThat(r.out()).doesNotContain("only KiCad-tier parts matched");
    }

    @Test
    void onlyKicadResultsCarryANoteThatTheirCapabilitiesAreUnknown() {
        Cli.Result r = Cli.run("kb", "search", "lm2904", "--tier", "kicad", "-k", "3");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = lines(r.out());
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches(" 1\\. Amplifier_Operational:LM2904\\s+kicad\\s+analog\\s+LM2904");
        assertThat(lines.get(3)).isEqualTo("(only KiCad-tier parts matched: their pins are typed, but functions, "
                + "voltages and interfaces are unknown)");
    }

    @Test
    void categoryFilterReturnsOnlyThatCategory() throws Exception {
        Cli.Result r = Cli.run("kb", "search", "oled screen", "--category", "display", "-k", "15", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode results = json(r).get("results");
        assertThat(results).hasSize(15);
        assertThat(results).allSatisfy(n -> assertThat(n.get("category").asText()).isEqualTo("display"));
        assertThat(ids(results)).contains("ssd1306-i2c-oled", "sh1106-i2c-oled");
        // the curated ids really are displays in the knowledge base
        ids(results).stream().map(kb::part).flatMap(java.util.Optional::stream)
                .forEach(p -> assertThat(p.category()).as(p.id()).isEqualTo(Category.DISPLAY));
    }

    @Test
    void interfaceAndSupplyFiltersKeepOnlyI2cPartsThatRunAt3V3() throws Exception {
        Cli.Result r = Cli.run("kb", "search", "temperature", "--interface", "i2c", "--supply", "3.3", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode results = json(r).get("results");
        assertThat(ids(results)).isNotEmpty().contains("bme280-module");
        for (String id : ids(results)) {
            // KiCad-tier parts have no interface data, so only curated parts can pass an interface filter
            Part p = kb.part(id).orElseThrow(() -> new AssertionError(id + " is not a curated part"));
            assertThat(p.interfaceOf(InterfaceKind.I2C)).as(id + " speaks I2C").isPresent();
            VoltageRange s = p.supply();
            if (s != null) {
                assertThat(s.min() == null || s.min() <= 3.3 + 1e-3).as(id + " supply min " + s.min()).isTrue();
                assertThat(s.max() == null || s.max() >= 3.3 - 1e-3).as(id + " supply max " + s.max()).isTrue();
            }
        }
    }

    @Test
    void tierFilterKicadReturnsOnlyKicadSymbols() throws Exception {
        Cli.Result r = Cli.run("kb", "search", "op amp", "--tier", "kicad", "-k", "20", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode results = json(r).get("results");
        assertThat(results).hasSize(20);
        assertThat(results).allSatisfy(n -> {
            assertThat(n.get("tier").asText()).isEqualTo("kicad");
            assertThat(n.get("id").asText()).matches("[^:]+:[^:]+");
            assertThat(kb.part(n.get("id").asText())).isEmpty();
        });
    }

    // ------------------------------------------------------------------------------------------------------
    // Bad input: exit 2, one line "error: ..." on stderr that says what to do, nothing on stdout, no stack trace.

    private static void assertRejected(Cli.Result r, String message) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(lines(r.err())).containsExactly("error: " + message);
    }

    @Test
    void emptyQueriesAreRejected() {
        String empty = "the query is empty; say what part you are looking for, e.g. kirchhoff kb search \"distance sensor\"";
        assertRejected(Cli.run("kb", "search", "   "), empty);
        assertRejected(Cli.run("kb", "search", "?!"), empty);
    }

    @Test
    void resultCountMustBePositive() {
        assertRejected(Cli.run("kb", "search", "sensor", "-k", "0"), "-k must be between 1 and 1000, not 0");
        assertRejected(Cli.run("kb", "search", "sensor", "-k", "5000"), "-k must be between 1 and 1000, not 5000");
    }

    @Test
    void unknownCategoryListsTheValidOnes() {
        String valid = "board, sensor, display, actuator, driver, power, communication, logic, analog, semiconductor, "
                + "passive, input, storage, timing, mains, audio, light, connector, other";
        assertRejected(Cli.run("kb", "search", "sensor", "--category", "nonsense"),
                "unknown category 'nonsense'; expected one of " + valid);
        assertRejected(Cli.run("kb", "list", "--category", "nonsense"),
                "unknown category 'nonsense'; expected one of " + valid);
    }

    @Test
    void unknownInterfaceAndTierListTheValidOnes() {
        assertRejected(Cli.run("kb", "search", "sensor", "--interface", "foo"), "unknown interface 'foo'; expected one "
                + "of i2c, spi, uart, one-wire, single-wire, analog, digital, pwm, i2s, can, usb, rs485, parallel, "
                + "wifi, bluetooth, radio");
        assertRejected(Cli.run("kb", "search", "sensor", "--tier", "gold"),
                "unknown tier 'gold'; expected one of curated, kicad");
    }

    @Test
    void supplyMustBeAFiniteVoltage() {
        assertRejected(Cli.run("kb", "search", "sensor", "--supply", "NaN"),
                "--supply must be a voltage in volts, such as 3.3 or 5, not NaN");
        Cli.Result words = Cli.run("kb", "search", "sensor", "--supply", "five");
        assertThat(words.exitCode()).isEqualTo(2);
        assertThat(words.out()).isEmpty();
        assertThat(words.err()).startsWith("error: ").contains("'five'").doesNotContain("\tat ");
    }

    @Test
    void aMissingQueryIsAUsageError() {
        Cli.Result r = Cli.run("kb", "search");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: Missing required parameter").doesNotContain("\tat ");
    }

    // ------------------------------------------------------------------------------------------------------
    // show

    @Test
    void showPrintsTheBoardPinTableWithFlagsAndDefaults() {
        Cli.Result r = Cli.run("kb", "show", "esp32-devkit-v1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = lines(r.out());
        assertThat(lines.get(0)).isEqualTo("esp32-devkit-v1 \u2014 ESP32 DevKit V1 (DOIT, 30 pin, ESP-WROOM-32)");
        assertThat(lines.get(1)).isEqualTo("  board, board, curated");
        assertThat(lines).contains("  logic: 3.3 V", "  supply: 4.5 V to 12 V (nominal 5 V)",
                "  on board: regulator AMS1117-3.3 3.3 V 1 A");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("\\s+pin\\s+name\\s+type\\s+functions / notes"));
        // GPIO34-39 cannot drive: no output type, flagged input-only
        assertThat(pinLine(r.out(), "D34", "GPIO34"))
                .matches("\\s+D34\\s+GPIO34\\s+input\\s+GPIO ADC\\(ADC1_CH6\\) INTERRUPT  \\[input-only\\]");
        // neighbouring functions that share a channel are written once; a different channel breaks the run
        assertThat(pinLine(r.out(), "D13", "GPIO13"))
                .contains("GPIO I2C_SDA/I2C_SCL(GPIO matrix) SPI_MOSI(HSPI) SPI_MISO/SPI_SCK/SPI_CS/UART_TX/UART_RX(GPIO matrix)");
        // GPIO21/22 are the Arduino-ESP32 Wire defaults
        assertThat(pinLine(r.out(), "D21", "GPIO21"))
                .matches("\\s+D21\\s+GPIO21\\s+bidirectional\\s+.*I2C_SDA\\(I2C0 \\(Wire\\)\\).*  default I2C_SDA");
        assertThat(pinLine(r.out(), "D22", "GPIO22")).endsWith("  default I2C_SCL");
        assertThat(pinLine(r.out(), "D12", "GPIO12"))
                .contains("[strapping, wifi-conflict, internal-pullup, internal-pulldown]");
        assertThat(pinLine(r.out(), "3V3", "3V3")).matches("\\s+3V3\\s+3V3\\s+power_out\\s+POWER");
        // one line per pin after the header
        Part esp32 = kb.part("esp32-devkit-v1").orElseThrow();
        int header = lines.indexOf(lines.stream().filter(l -> l.contains("functions / notes")).findFirst().orElseThrow());
        assertThat(lines.size() - header - 1).isEqualTo(esp32.pins().size());
    }

    @Test
    void showAcceptsAnAlias() {
        Cli.Result r = Cli.run("kb", "show", "bme280");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(lines(r.out()).get(0)).isEqualTo(
                "bme280-module \u2014 BME280 temperature, humidity and pressure module (GY-BME280)");
        assertThat(lines(r.out())).contains(
                "  i2c at 0x76/0x77 (default 0x76); SDO to GND gives 0x76, SDO to VDDIO gives 0x77",
                "  supply: 3.3 V to 5.5 V (nominal 5 V)",
                "  current: 360 \u00b5A typical, 710 \u00b5A max");
        assertThat(pinLine(r.out(), "4", "SDA")).matches("\\s+4\\s+SDA\\s+bidirectional\\s+I2C_SDA SPI_MOSI");
        assertThat(pinLine(r.out(), "5", "CSB")).endsWith("SPI_CS  [active-low]");
    }

    @Test
    void showJsonOfAKicadSymbolHasItsEightTypedPins() throws Exception {
        Cli.Result r = Cli.run("kb", "show", "Sensor:BME280", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode part = json(r);
        assertThat(part.get("id").asText()).isEqualTo("Sensor:BME280");
        // the words of the data files and of `kb search --json`, not Java constant names
        assertThat(part.get("tier").asText()).isEqualTo("kicad");
        assertThat(part.get("category").asText()).isEqualTo("sensor");
        assertThat(part.get("pins")).hasSize(8);
        List<String> names = new ArrayList<>();
        part.get("pins").forEach(p -> names.add(p.get("number").asText() + " " + p.get("name").asText() + " "
                + p.get("type").asText()));
        assertThat(names).containsExactly("1 GND power_in", "2 CSB input", "3 SDI bidirectional", "4 SCK input",
                "5 SDO bidirectional", "6 VDDIO power_in", "7 GND power_in", "8 VDD power_in");
        assertThat(part.get("pins")).allSatisfy(p -> {
            assertThat(p.get("functions")).isEmpty();
            assertThat(p.has("power")).as("derived isPower() is not a field").isFalse();
        });
    }

    @Test
    void showJsonOfACuratedPartReadsBackAsTheSamePart() throws Exception {
        Part esp32 = kb.part("esp32-devkit-v1").orElseThrow();
        Cli.Result r = Cli.run("kb", "show", "esp32-devkit-v1", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = json(r);
        JsonNode gpio34 = json.get("pins").findParents("name").stream()
                .filter(p -> p.get("name").asText().equals("GPIO34")).findFirst().orElseThrow();
        assertThat(gpio34.get("type").asText()).isEqualTo("input");
        assertThat(gpio34.get("flags").get(0).asText()).isEqualTo("input-only");
        // the output is a valid part file: reading it gives the part back, field for field
        List<Part> back = PartReader.read(esp32.origin(), r.out().getBytes(StandardCharsets.UTF_8));
        assertThat(back).containsExactly(esp32);
    }

    @Test
    void aMisspelledIdSuggestsTheClosestParts() {
        assertRejected(Cli.run("kb", "show", "bme820"),
                "no part 'bme820' \u2014 did you mean bme280-module, bmp280-module?");
    }

    @Test
    void anUnknownKicadIdIsBadInput() {
        Cli.Result r = Cli.run("kb", "show", "Nonexistent:Thing");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        // the last line: an index (re)built by another module's tests may have logged before it
        List<String> err = lines(r.err());
        assertThat(err.get(err.size() - 1)).startsWith("error: no part 'Nonexistent:Thing'");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    // ------------------------------------------------------------------------------------------------------
    // list

    @Test
    void listByCategoryGivesEveryCuratedSensor() throws Exception {
        Cli.Result r = Cli.run("kb", "list", "--category", "sensor", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode list = json(r);
        assertThat(list.size()).isGreaterThanOrEqualTo(35)
                .isEqualTo((int) kb.parts().stream().filter(p -> p.category() == Category.SENSOR).count());
        assertThat(list).allSatisfy(n -> assertThat(n.get("category").asText()).isEqualTo("sensor"));
        assertThat(ids(list)).contains("hc-sr04", "bme280-module", "ds18b20");
        JsonNode hcsr04 = list.get(ids(list).indexOf("hc-sr04"));
        assertThat(hcsr04.get("pins").asInt()).isEqualTo(kb.part("hc-sr04").orElseThrow().pins().size());
    }

    @Test
    void listWithoutOptionsPrintsOneLinePerCuratedPart() {
        Cli.Result r = Cli.run("kb", "list");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = lines(r.out());
        assertThat(lines).hasSizeGreaterThanOrEqualTo(150).hasSize(kb.size());
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("esp32-devkit-v1\\s+board\\s+board\\s+\\d+ pins  ESP32 .*"));
        assertThat(lines(r.err())).containsExactly(kb.size() + " parts");
    }

    @Test
    void listOfTheKicadTierHasOnlyLibrarySymbols() throws Exception {
        Cli.Result r = Cli.run("kb", "list", "--tier", "kicad", "--category", "sensor", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode list = json(r);
        assertThat(ids(list)).isNotEmpty().contains("Sensor:BME280").allMatch(id -> id.matches("[^:]+:[^:]+"));
    }

    // ------------------------------------------------------------------------------------------------------
    // check

    @Test
    void theBundledDataHasNoProblems() throws Exception {
        Cli.Result r = Cli.run("kb", "check");
        assertThat(r.exitCode()).as(r.out()).isZero();
        assertThat(lines(r.out())).containsExactly("ok: " + kb.size() + " curated parts, no problems");
        Cli.Result json = Cli.run("kb", "check", "--json");
        assertThat(json.exitCode()).isZero();
        assertThat(json(json).isArray()).isTrue();
        assertThat(json(json)).isEmpty();
    }

    /** A data folder with the real schema and one part whose supply pin was given a bus function. */
    private Path brokenDataFolder() throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("parts/sensor"));
        try (InputStream schema = KbCommandTest.class.getResourceAsStream("/dev/kirchhoff/knowledge/data/part.schema.json")) {
            assertThat(schema).as("part.schema.json on the classpath").isNotNull();
            Files.copy(schema, data.resolve("part.schema.json"));
        }
        Files.writeString(data.resolve("parts/sensor/broken-sensor.json"), """
                {
                  "id": "broken-sensor",
                  "name": "Broken test sensor",
                  "category": "sensor",
                  "form": "module",
                  "description": "A module whose supply pin was wrongly given a bus function.",
                  "pins": [
                    {"number": "1", "name": "VCC", "type": "power_in", "functions": ["I2C_SDA"]},
                    {"number": "2", "name": "GND", "type": "power_in", "functions": ["GROUND"]}
                  ],
                  "sources": {"general": "test fixture"}
                }
                """);
        return data;
    }

    @Test
    void aSignalFunctionOnAPowerPinIsAProblemNamingFileAndPath() throws Exception {
        Path data = brokenDataFolder();
        Cli.Result r = Cli.run("kb", "check", data.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(lines(r.out())).containsExactly(
                "parts/sensor/broken-sensor.json $.pins[0].functions: a power_in pin cannot have I2C_SDA; make the pin "
                        + "a signal type or drop the function",
                "1 problem");
    }

    @Test
    void checkJsonListsTheProblemsAsData() throws Exception {
        Path data = brokenDataFolder();
        Cli.Result r = Cli.run("kb", "check", data.toString(), "--json");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(json(r)).singleElement().satisfies(p -> {
            assertThat(p.get("file").asText()).isEqualTo("parts/sensor/broken-sensor.json");
            assertThat(p.get("path").asText()).isEqualTo("$.pins[0].functions");
            assertThat(p.get("message").asText()).startsWith("a power_in pin cannot have I2C_SDA");
        });
    }

    @Test
    void checkOfAMissingFolderIsBadInput() {
        assertRejected(Cli.run("kb", "check", "/no/such/dir"),
                "/no/such/dir: no such folder; give a knowledge-base data folder (the one holding parts/)");
    }

    @Test
    void checkOfAFolderWithoutPartsIsBadInput() {
        assertRejected(Cli.run("kb", "check", dir.toString()),
                dir + ": no parts/ folder here; point at a knowledge-base data folder");
    }

    @Test
    void checkWithABrokenSchemaIsBadInputNotABug() throws Exception {
        Path data = brokenDataFolder();
        Files.writeString(data.resolve("part.schema.json"), "{ not json");
        Cli.Result r = Cli.run("kb", "check", data.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(lines(r.err())).singleElement().asString()
                .startsWith("error: " + data + ": cannot read the knowledge-base data (")
                .endsWith("check part.schema.json and the files under parts/");
    }

    @Test
    void helpShowsExamples() {
        Cli.Result r = Cli.run("kb", "search", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--interface").contains("--supply").contains("Examples:");
        Cli.Result kbAlone = Cli.run("kb");
        assertThat(kbAlone.exitCode()).isZero();
        assertThat(kbAlone.out()).contains("search").contains("show").contains("list").contains("check");
    }
}
