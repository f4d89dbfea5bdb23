package dev.kirchhoff.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.kirchhoff.knowledge.KnowledgeBaseCheck.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseCheckTest {

    /** A 3-pin analog temperature sensor that breaks no rule; each test changes one thing. */
    private static final String VCC = """
            {"number": "1", "name": "VCC", "type": "power_in", "functions": ["POWER"], "range": {"min": 2.7, "max": 5.5}}""";
    private static final String OUT = """
            {"number": "2", "name": "OUT", "type": "output", "functions": ["ANALOG"]}""";
    private static final String GND = """
            {"number": "3", "name": "GND", "type": "power_in", "functions": ["GROUND"]}""";

    @TempDir
    Path root;

    @BeforeEach
    void copySchema() throws IOException {
        Files.copy(DataFiles.classpathRoot().resolve("part.schema.json"), root.resolve("part.schema.json"));
        Files.createDirectories(root.resolve("parts/sensor"));
    }

    @Test
    void theBundledDataHasNoProblems() {
        List<Problem> problems = KnowledgeBaseCheck.bundled();
        assertThat(problems).as("kb check problems:%n%s", problems.stream().map(Problem::toString)
                .collect(Collectors.joining("\n"))).isEmpty();
    }

    @Test
    void aCleanPartHasNoProblems() throws IOException {
        write("parts/sensor/temp.json", part("temp-sensor", "", VCC, OUT, GND));
        write("parts/sensor/other.json", part("other-sensor", "\"aliases\": [\"other\"], \"partNumbers\": [\"TMP1\"],",
                VCC, OUT, GND));
        assertThat(KnowledgeBaseCheck.check(root)).isEmpty();
        assertThat(KnowledgeBase.load(root).parts()).extracting(Part::id)
                .containsExactlyInAnyOrder("temp-sensor", "other-sensor");
    }

    @Test
    void invalidJsonIsReportedForTheFile() throws IOException {
        write("parts/sensor/broken.json", "{\"id\": \"broken\", \"pins\": [");
        assertThat(KnowledgeBaseCheck.check(root)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("parts/sensor/broken.json");
            assertThat(p.path()).isEqualTo("$");
            assertThat(p.message()).startsWith("not valid JSON");
        });
    }

    @Test
    void anUnknownPinTypeFailsTheSchemaAtThePinsTypeOnly() throws IOException {
        write("parts/sensor/temp.json", part("temp-sensor", "", VCC.replace("power_in", "power_input"), OUT, GND));
        assertThat(KnowledgeBaseCheck.check(root)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("parts/sensor/temp.json");
            assertThat(p.path()).isEqualTo("$.pins[0].type");
            assertThat(p.message()).startsWith("does not have a value in the enumeration").contains("\"power_in\"");
        });
    }

    @Test
    void anUnknownPinTypeInAFamilyFileIsReportedInsideItsPart() throws IOException {
        write("parts/sensor/family.json", """
                {"family": "two test sensors", "parts": [%s, %s]}
                """.formatted(part("first-sensor", "", VCC, OUT, GND),
                part("second-sensor", "", VCC, OUT, GND.replace("power_in", "ground"))));
        assertThat(KnowledgeBaseCheck.check(root)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("parts/sensor/family.json");
            assertThat(p.path()).isEqualTo("$.parts[1].pins[2].type");
        });
    }

    @Test
    void anUnknownFieldIsReportedAtThePart() throws IOException {
        write("parts/sensor/temp.json", part("temp-sensor", "\"voltage\": 5,", VCC, OUT, GND));
        assertThat(KnowledgeBaseCheck.check(root)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("parts/sensor/temp.json");
            assertThat(p.path()).isEqualTo("$");
            assertThat(p.message()).contains("'voltage'");
        });
    }

    @Test
    void aSignalFunctionOnAPowerPinIsReported() throws IOException {
        write("parts/sensor/temp.json", part("temp-sensor", "",
                VCC.replace("[\"POWER\"]", "[\"POWER\", \"I2C_SDA\"]"), OUT, GND));
        assertThat(KnowledgeBaseCheck.check(root)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("parts/sensor/temp.json");
            assertThat(p.path()).isEqualTo("$.pins[0].functions");
            assertThat(p.message()).isEqualTo("a power_in pin cannot have I2C_SDA; make the pin a signal type or drop "
                    + "the function");
        });
    }

    @Test
    void onlyAPowerInputCanBeOptionalAndOnlyASignalPinHasAnInternalPull() throws IOException {
        write("parts/sensor/temp.json", part("temp-sensor", "",
                VCC.replace("\"functions\"", "\"flags\": [\"optional\", \"internal-pullup\"], \"functions\""),
                OUT.replace("\"functions\"", "\"flags\": [\"optional\", \"internal-pulldown\"], \"functions\""),
                GND));
        assertThat(KnowledgeBaseCheck.check(root)).extracting(Problem::path, Problem::message).containsExactly(
                tuple("$.pins[0].flags", "a power_in pin has no internal pull-up or pull-down; drop the flag"),
                tuple("$.pins[1].flags", "only a power_in pin can be optional; drop the flag or make the pin power_in"));
    }

    @Test
    void onlyAPowerInputCanCarryTheUsbSupply() throws IOException {
        write("parts/sensor/temp.json", part("temp-sensor", "",
                VCC.replace("\"functions\"", "\"flags\": [\"usb-supply\"], \"functions\""),
                OUT.replace("\"functions\"", "\"flags\": [\"usb-supply\"], \"functions\""),
                GND));
        assertThat(KnowledgeBaseCheck.check(root)).extracting(Problem::path, Problem::message).containsExactly(
                tuple("$.pins[1].flags", "only a power_in pin can be usb-supply; a pin that always gives the USB "
                        + "supply is power_out"));
    }

    @Test
    void onlyAnInputCanBeMustDrive() throws IOException {
        write("parts/sensor/temp.json", part("temp-sensor", "",
                VCC.replace("\"functions\"", "\"flags\": [\"must-drive\"], \"functions\""),
                OUT.replace("\"functions\"", "\"flags\": [\"must-drive\"], \"functions\""),
                GND));
        assertThat(KnowledgeBaseCheck.check(root)).extracting(Problem::path, Problem::message).containsExactly(
                tuple("$.pins[0].flags", "only an input pin can be must-drive; drop the flag or make the pin an "
                        + "input"),
                tuple("$.pins[1].flags", "only an input pin can be must-drive; drop the flag or make the pin an "
                        + "input"));
    }

    @Test
    void aDuplicatePinNumberIsReported() throws IOException {
        write("parts/sensor/temp.json", part("temp-sensor", "", VCC, OUT, GND.replace("\"3\"", "\"2\"")));
        assertThat(KnowledgeBaseCheck.check(root)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("parts/sensor/temp.json");
            assertThat(p.path()).isEqualTo("$.pins[2].number");
            assertThat(p.message()).isEqualTo("pin number '2' is also pins[1]");
        });
    }

    @Test
    void twoSignalPinsWithOneNameAreReportedButTwoGroundPinsAreNot() throws IOException {
        String out2 = """
                {"number": "4", "name": "out", "type": "output", "functions": ["ANALOG"]}""";
        String gnd2 = """
                {"number": "5", "name": "GND", "type": "power_in", "functions": ["GROUND"]}""";
        write("parts/sensor/temp.json", part("temp-sensor", "", VCC, OUT, GND, out2, gnd2));
        assertThat(KnowledgeBaseCheck.check(root)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("parts/sensor/temp.json");
            assertThat(p.path()).isEqualTo("$.pins[3].name");
            assertThat(p.message()).startsWith("pin name 'out' is also pins[1]");
        });
    }

    @Test
    void anAliasSharedByTwoPartsInTwoFilesIsReportedOnTheSecond() throws IOException {
        write("parts/sensor/a-first.json", part("first-sensor", "\"aliases\": [\"temp sensor\"],", VCC, OUT, GND));
        write("parts/sensor/b-second.json", part("second-sensor", "\"aliases\": [\"other name\", \"Temp-Sensor\"],",
                VCC, OUT, GND));
        assertThat(KnowledgeBaseCheck.check(root)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("parts/sensor/b-second.json");
            assertThat(p.path()).isEqualTo("$.aliases[1]");
            assertThat(p.message()).isEqualTo("'Temp-Sensor' also names part 'first-sensor'; an alias must name one part");
        });
    }

    @Test
    void twoPartsMayShareAChipPartNumber() throws IOException {
        write("parts/sensor/a-first.json", part("first-sensor", "\"partNumbers\": [\"TMP1\"],", VCC, OUT, GND));
        write("parts/sensor/b-second.json", part("second-sensor", "\"partNumbers\": [\"TMP1\"],", VCC, OUT, GND));
        assertThat(KnowledgeBaseCheck.check(root)).isEmpty();
    }

    @Test
    void anInterfacePinThatDoesNotExistIsReported() throws IOException {
        write("parts/sensor/temp.json", part("temp-sensor",
                "\"interfaces\": [{\"kind\": \"analog\", \"pins\": [\"OUT\", \"AOUT\"]}],", VCC, OUT, GND));
        assertThat(KnowledgeBaseCheck.check(root)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("parts/sensor/temp.json");
            assertThat(p.path()).isEqualTo("$.interfaces[0].pins");
            assertThat(p.message()).isEqualTo("no pin 'AOUT' in part 'temp-sensor'");
        });
    }

    @Test
    void exportPinKeysAreNumbersWhereNamesRepeat() throws IOException {
        String gnd2 = """
                {"number": "4", "name": "GND", "type": "power_in", "functions": ["GROUND"]}""";
        write("parts/sensor/temp.json", part("temp-sensor", """
                "exports": {"kicad": {"symbol": "Sensor:TEMP", "pins": {"3": "2", "4": "2", "OUT": "3"}},
                            "wokwi": {"type": "wokwi-temp", "pins": {"GND": "GND.1", "2": "OUT", "out": "A"}}},""",
                VCC, OUT, GND, gnd2));
        assertThat(KnowledgeBaseCheck.check(root)).extracting(Problem::path, Problem::message)
                .containsExactlyInAnyOrder(
                        tuple("$.exports.wokwi.pins", "'GND' names 2 pins; key each by its pin number (3, 4)"),
                        tuple("$.exports.wokwi.pins", "'2' and 'out' both name pin 2 OUT"));
    }

    @Test
    void aSupplyWhoseMinimumExceedsItsMaximumIsReported() throws IOException {
        write("parts/sensor/temp.json", part("temp-sensor", "\"supply\": {\"min\": 5.5, \"max\": 2.7},", VCC, OUT, GND));
        assertThat(KnowledgeBaseCheck.check(root)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("parts/sensor/temp.json");
            assertThat(p.path()).isEqualTo("$.supply");
            assertThat(p.message()).isEqualTo("min 5.5 V is above max 2.7 V");
        });
    }

    @Test
    void aDefaultForAFunctionThePinLacksIsReported() throws IOException {
        write("parts/sensor/temp.json", part("temp-sensor", "", VCC,
                OUT.replace("[\"ANALOG\"]", "[\"ANALOG\"], \"defaultFor\": [\"PWM\"]"), GND));
        assertThat(KnowledgeBaseCheck.check(root)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("parts/sensor/temp.json");
            assertThat(p.path()).isEqualTo("$.pins[1].defaultFor");
            assertThat(p.message()).isEqualTo("default for PWM but the pin lacks that function");
        });
    }

    @Test
    void anIdUsedInTwoFilesIsReportedOnTheSecond() throws IOException {
        write("parts/sensor/a-first.json", part("temp-sensor", "", VCC, OUT, GND));
        write("parts/sensor/b-second.json", part("temp-sensor", "", VCC, OUT, GND));
        assertThat(KnowledgeBaseCheck.check(root)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("parts/sensor/b-second.json");
            assertThat(p.path()).isEqualTo("$.id");
            assertThat(p.message()).isEqualTo("id 'temp-sensor' is also used at parts/sensor/a-first.json $");
        });
        assertThatThrownBy(() -> KnowledgeBase.load(root))
                .isInstanceOfSatisfying(KnowledgeBaseException.class, e -> {
                    assertThat(e.file()).isEqualTo("parts/sensor/b-second.json");
                    assertThat(e.path()).isEqualTo("$.id");
                    assertThat(e.problem()).contains("parts/sensor/a-first.json");
                });
    }

    @Test
    void anI2cModuleWithoutAddressesIsReported() throws IOException {
        String sda = """
                {"number": "2", "name": "SDA", "type": "bidirectional", "functions": ["I2C_SDA"]}""";
        String scl = """
                {"number": "4", "name": "SCL", "type": "input", "functions": ["I2C_SCL"]}""";
        write("parts/sensor/temp.json", part("temp-module", "\"interfaces\": [{\"kind\": \"i2c\", \"pins\": [\"SDA\", "
                + "\"SCL\"]}],", VCC, sda, GND, scl).replace("\"form\": \"ic\"", "\"form\": \"module\""));
        assertThat(KnowledgeBaseCheck.check(root)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("parts/sensor/temp.json");
            assertThat(p.path()).isEqualTo("$.interfaces[0].addresses");
            assertThat(p.message()).isEqualTo("an I2C module must list the addresses it answers to");
        });
    }

    @Test
    void loadingAWrongEnumValueNamesTheFileThePathAndTheValidValues() throws IOException {
        write("parts/sensor/temp.json", part("temp-sensor", "", VCC, OUT.replace("\"output\"", "\"analog_out\""), GND));
        assertThatThrownBy(() -> KnowledgeBase.load(root))
                .isInstanceOfSatisfying(KnowledgeBaseException.class, e -> {
                    assertThat(e.file()).isEqualTo("parts/sensor/temp.json");
                    assertThat(e.path()).isEqualTo("$.pins[1].type");
                    assertThat(e.getMessage()).startsWith("parts/sensor/temp.json at $.pins[1].type: ")
                            .contains("analog_out")
                            .contains("input, output, bidirectional, tri_state, passive, free, unspecified, "
                                    + "power_in, power_out, open_collector, open_emitter, no_connect");
                });
    }

    @Test
    void loadingAWrongCategoryListsTheCategories() throws IOException {
        write("parts/sensor/temp.json", part("temp-sensor", "", VCC, OUT, GND)
                .replace("\"category\": \"sensor\"", "\"category\": \"sensors\""));
        assertThatThrownBy(() -> KnowledgeBase.load(root))
                .isInstanceOfSatisfying(KnowledgeBaseException.class, e -> {
                    assertThat(e.file()).isEqualTo("parts/sensor/temp.json");
                    assertThat(e.path()).isEqualTo("$.category");
                    assertThat(e.problem()).contains("'sensors'").contains("board, sensor, display");
                });
    }

    /** A part file: {@code extra} is inserted before the pins (end it with a comma). */
    private static String part(String id, String extra, String... pins) {
        return """
                {
                  "id": "%s",
                  "name": "Test temperature sensor %s",
                  "category": "sensor",
                  "form": "ic",
                  "description": "An analog temperature sensor written for the checker's tests.",
                  %s
                  "pins": [%s],
                  "sources": {"general": "written for this test"}
                }
                """.formatted(id, id, extra, String.join(",\n    ", pins));
    }

    private void write(String name, String text) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
