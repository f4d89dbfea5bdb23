package dev.kirchhoff.agents.suite;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kirchhoff.agents.suite.Designs.KB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad suite lines are reported with file, line and what to change. */
class DesignSuiteParseTest {

    private static final String HEAD = "{\"id\":\"x\",\"prompt\":\"uno + bme280\",\"difficulty\":\"easy\",\"domain\":\"embedded\"";

    @Test
    void aGoodLineParsesWithNoErrorsFirst() {
        DesignSuite s = DesignSuite.parse("s.jsonl", List.of(HEAD + ",\"tags\":[\"i2c\"],\"expect\":{\"parts\":[\"bme280-module\"]}}"), KB);
        SuiteItem item = s.items().get(0);
        assertThat(item.line()).isEqualTo(1);
        assertThat(item.tags()).containsExactly("i2c");
        assertThat(item.expectations()).hasSize(2);
        assertThat(item.expectations().get(0)).isInstanceOf(Expectation.NoErrors.class);
        assertThat(item.expectations().get(1)).isEqualTo(new Expectation.Parts(new Selector("bme280-module"), 1));
    }

    @Test
    void invalidJsonNamesFileAndLine() {
        assertThatThrownBy(() -> DesignSuite.parse("s.jsonl", List.of("", "{\"id\": "), KB))
                .isInstanceOf(SuiteException.class).hasMessageContaining("s.jsonl:2: not valid JSON");
    }

    @Test
    void unknownPartSuggestsNearIds() {
        assertThatThrownBy(() -> DesignSuite.parse("s.jsonl", List.of(HEAD + ",\"expect\":{\"parts\":[\"bme-280\"]}}"), KB))
                .hasMessageContaining("s.jsonl:1: item 'x', expect.parts[0]: 'bme-280' is neither a kind")
                .hasMessageContaining("nearest ids:");
    }

    @Test
    void unknownPinListsThePartsPins() {
        assertThatThrownBy(() -> DesignSuite.parse("s.jsonl", List.of(HEAD
                + ",\"expect\":{\"connections\":[{\"pin\":\"bme280-module:SDX\",\"boardFunction\":\"I2C_SDA\"}]}}"), KB))
                .hasMessageContaining("expect.connections[0].pin: bme280-module has no pin 'SDX'; its pins: VIN GND SCL SDA");
    }

    @Test
    void unknownRuleAndFunctionAndQuantity() {
        assertThatThrownBy(() -> DesignSuite.parse("s.jsonl", List.of(HEAD
                + ",\"expect\":{\"absentFindings\":[\"part.led-resistr\"]}}"), KB))
                .hasMessageContaining("'part.led-resistr' is not a rule id");
        assertThatThrownBy(() -> DesignSuite.parse("s.jsonl", List.of(HEAD
                + ",\"expect\":{\"connections\":[{\"pin\":\"bme280-module:SDA\",\"boardFunction\":\"I2C_DATA\"}]}}"), KB))
                .hasMessageContaining("'I2C_DATA' is not a pin function");
        assertThatThrownBy(() -> DesignSuite.parse("s.jsonl", List.of(HEAD
                + ",\"expect\":{\"values\":[{\"quantity\":\"gain\",\"min\":1,\"max\":2}]}}"), KB))
                .hasMessageContaining("'gain' is not one of nonInvertingGain, invertingGain");
    }

    @Test
    void missingFieldsBadEnumsAndUnknownKeys() {
        assertThatThrownBy(() -> DesignSuite.parse("s.jsonl",
                List.of("{\"id\":\"y\",\"difficulty\":\"trivial\",\"domain\":\"embedded\",\"colour\":1}"), KB))
                .hasMessageContaining("s.jsonl:1: item 'y', prompt: is required")
                .hasMessageContaining("difficulty: 'trivial' is not one of easy, medium, hard")
                .hasMessageContaining("unknown key 'colour'");
    }

    @Test
    void duplicateIdsNameBothLines() {
        String line = HEAD + "}";
        assertThatThrownBy(() -> DesignSuite.parse("s.jsonl", List.of(line, line), KB))
                .hasMessageContaining("s.jsonl:2: item 'x': the id is already used on line 1");
    }

    @Test
    void everyProblemIsListedNotOnlyTheFirst() {
        assertThatThrownBy(() -> DesignSuite.parse("s.jsonl", List.of(
                HEAD + ",\"expect\":{\"parts\":[\"nope-1\"]}}",
                HEAD.replace("\"x\"", "\"z\"") + ",\"expect\":{\"netVoltage\":[{\"pin\":\"bme280-module:VIN\"}]}}"), KB))
                .hasMessageStartingWith("2 problem(s) in the design suite")
                .hasMessageContaining("s.jsonl:1:").hasMessageContaining("s.jsonl:2: item 'z', expect.netVoltage[0]: give volts");
    }
}
