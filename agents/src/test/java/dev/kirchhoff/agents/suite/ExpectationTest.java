package dev.kirchhoff.agents.suite;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kirchhoff.agents.suite.Designs.KB;
import static dev.kirchhoff.agents.suite.Designs.view;
import static org.assertj.core.api.Assertions.assertThat;

class ExpectationTest {

    /** The one expectation an {@code expect} object (with noErrors off) describes, parsed as the suite file would be. */
    static Expectation expect(String expectJson) {
        String line = "{\"id\":\"t\",\"prompt\":\"p\",\"difficulty\":\"easy\",\"domain\":\"embedded\",\"expect\":{\"noErrors\":false,"
                + expectJson + "}}";
        List<Expectation> all = DesignSuite.parse("test.jsonl", List.of(line), KB).items().get(0).expectations();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void partsCountsComponentsByIdKindAndRole() {
        CircuitView v = view(Designs.unoBme280("A4", "A5"));
        assertThat(expect("\"parts\":[\"bme280-module\"]").check(v)).isNull();
        assertThat(expect("\"parts\":[\"board\"]").check(v)).isNull();
        assertThat(expect("\"parts\":[{\"id\":\"bme280-module\",\"min\":2}]").check(v))
                .isEqualTo("parts bme280-module ×2: found 1, expected at least 2");
        assertThat(expect("\"parts\":[\"dht22\"]").check(v)).isEqualTo("parts dht22: found 0, expected at least 1");
    }

    @Test
    void anyOfAcceptsAnyMemberOfTheGroup() {
        CircuitView v = view(Designs.lm317("240", "1.5k"));
        assertThat(expect("\"anyOf\":[[\"lm7805\",\"lm317\"]]").check(v)).isNull();
        assertThat(expect("\"anyOf\":[[\"regulator\"]]").check(v)).isNull();
        assertThat(expect("\"anyOf\":[{\"of\":[\"lm7805\",\"ams1117-3-3\"],\"min\":1}]").check(v))
                .isEqualTo("anyOf [lm7805, ams1117-3-3]: found 0, expected at least 1");
    }

    @Test
    void connectionToABoardFunction() {
        Expectation sda = expect("\"connections\":[{\"pin\":\"bme280-module:SDA\",\"boardFunction\":\"I2C_SDA\"}]");
        assertThat(sda.check(view(Designs.unoBme280("A4", "A5")))).isNull();
        // SDA and SCL swapped: A5 is the Uno's SCL, not SDA
        assertThat(sda.check(view(Designs.unoBme280("A5", "A4"))))
                .startsWith("connection bme280-module:SDA → board I2C_SDA: U1:SDA: net SDA has no board pin with I2C_SDA")
                .contains("uno:A5");
    }

    @Test
    void connectionToTheBoardsDefaultPin() {
        Expectation sda = expect("\"connections\":[{\"pin\":\"bme280-module:SDA\",\"boardFunction\":\"I2C_SDA\",\"default\":true}]");
        assertThat(sda.check(view(Designs.esp32Bme280("D21", "D22")))).isNull();
        // GPIO4 can do I2C through the GPIO matrix but is not the default SDA pin
        CircuitView other = view(Designs.esp32Bme280("D4", "D22"));
        assertThat(sda.check(other)).contains("has no board pin that is the default for I2C_SDA");
        assertThat(expect("\"connections\":[{\"pin\":\"bme280-module:SDA\",\"boardFunction\":\"I2C_SDA\"}]").check(other))
                .isNull();
    }

    @Test
    void connectionToAnotherPinToGroundAndToABoardPinByName() {
        CircuitView v = view(Designs.unoBme280("A4", "A5"));
        assertThat(expect("\"connections\":[{\"pin\":\"bme280-module:GND\",\"ground\":true}]").check(v)).isNull();
        assertThat(expect("\"connections\":[{\"pin\":\"bme280-module:VIN\",\"boardPin\":\"5V\"}]").check(v)).isNull();
        assertThat(expect("\"connections\":[{\"pin\":\"bme280-module:VIN\",\"ground\":true}]").check(v))
                .isEqualTo("connection bme280-module:VIN → ground: U1:VIN: net +5V is not ground");
        assertThat(expect("\"connections\":[{\"pin\":\"bme280-module:SCL\",\"to\":\"board:A5|SCL\"}]").check(v)).isNull();
        assertThat(expect("\"connections\":[{\"pin\":\"bme280-module:SCL\",\"to\":\"board:A4\"}]").check(v))
                .endsWith("net SCL does not carry board:A4");
    }

    @Test
    void netVoltageReadsTheRailTheValidatorInfers() {
        CircuitView v = view(Designs.unoBme280("A4", "A5"));
        assertThat(expect("\"netVoltage\":[{\"pin\":\"bme280-module:VIN\",\"volts\":5}]").check(v)).isNull();
        assertThat(expect("\"netVoltage\":[{\"pin\":\"bme280-module:VIN\",\"min\":3.0,\"max\":3.6}]").check(v))
                .isEqualTo("netVoltage bme280-module:VIN at 3–3.6 V: U1:VIN: net +5V is at 5 V");
    }

    @Test
    void aPinMayBeCheckedAgainstAnotherPinOfItsOwnComponent() {
        // the 555's RESET is tied to its own VCC
        CircuitView v = view(Designs.astable("1k", "10k", "100n"));
        assertThat(expect("\"connections\":[{\"pin\":\"ne555:RESET\",\"to\":\"ne555:VCC\"}]").check(v)).isNull();
        assertThat(expect("\"connections\":[{\"pin\":\"ne555:TRIG\",\"to\":\"ne555:VCC\"}]").check(v))
                .isEqualTo("connection ne555:TRIG → ne555:VCC: U1:TRIG: net TH does not carry ne555:VCC");
    }

    @Test
    void aVoltageTargetAcceptsTheLevelOfADrivingBoardPin() {
        // "from a 5 V pin": the Uno's D13 has no rail voltage but drives 5 V
        Expectation e = expect("\"series\":[{\"select\":\"led\",\"from\":{\"volts\":5},\"to\":\"ground\",\"min\":150,\"max\":330}]");
        assertThat(e.check(view(Designs.unoLed("220")))).isNull();
        Expectation three = expect("\"series\":[{\"select\":\"led\",\"from\":{\"volts\":3.3},\"to\":\"ground\"}]");
        assertThat(three.check(view(Designs.unoLed("220")))).contains("net LED_DRIVE is at 5 V, not 3.3 V");
        // netVoltage reads rails only: a signal net has none
        assertThat(expect("\"netVoltage\":[{\"pin\":\"led:A\",\"min\":0,\"max\":5}]").check(view(Designs.unoLed("220"))))
                .isEqualTo("netVoltage led:A at 0–5 V: D1:A: net LED_A has no known rail voltage");
    }

    @Test
    void seriesResistorInRangeBetweenABoardPinAndGround() {
        Expectation e = expect("\"series\":[{\"select\":\"led\",\"from\":{\"boardPin\":\"D13\"},\"to\":\"ground\","
                + "\"min\":150,\"max\":330}]");
        assertThat(e.check(view(Designs.unoLed("220")))).isNull();
        assertThat(e.check(view(Designs.unoLed("1k")))).startsWith(
                "series led from board pin D13 to ground through resistor 150Ω–330Ω: D1 does not fit (R1 (1k) out of range)");
        assertThat(e.check(view(Designs.unoLedWithoutResistor())))
                .isEqualTo("series led from board pin D13 to ground through resistor 150Ω–330Ω: D1 does not fit"
                        + " (connected without a resistor)");
    }

    @Test
    void seriesWithAnOptionalGateResistor() {
        Expectation e = expect("\"series\":[{\"select\":\"mosfet\",\"end\":\"G\",\"from\":{\"boardFunction\":\"PWM\"},"
                + "\"max\":1000,\"optional\":true}]");
        assertThat(e.check(view(Designs.fan(true)))).isNull();
        Expectation strict = expect("\"series\":[{\"select\":\"mosfet\",\"end\":\"G\",\"from\":{\"boardFunction\":\"PWM\"},"
                + "\"min\":1000,\"max\":10000}]");
        assertThat(strict.check(view(Designs.fan(true)))).contains("R1 (100) out of range");
    }

    @Test
    void betweenFindsAFlybackDiodeTheRightWayRound() {
        Expectation e = expect("\"between\":[{\"select\":\"diode\",\"a\":\"fan-12v:+\",\"b\":\"fan-12v:-\",\"aPin\":\"K\"}]");
        assertThat(e.check(view(Designs.fan(true)))).isNull();
        assertThat(e.check(view(Designs.fan(false))))
                .isEqualTo("between diode (K on the first side) from fan-12v:+ to fan-12v:- : found 0".replace(" : ", ": "));
        Expectation reversed = expect("\"between\":[{\"select\":\"diode\",\"a\":\"fan-12v:+\",\"b\":\"fan-12v:-\",\"aPin\":\"A\"}]");
        assertThat(reversed.check(view(Designs.fan(true)))).endsWith("found 0");
    }

    @Test
    void betweenWithAValueRange() {
        CircuitView v = view(Designs.lm317("240", "1.5k"));
        assertThat(expect("\"between\":[{\"select\":\"capacitor\",\"a\":\"lm317:OUT\",\"b\":\"ground\",\"min\":1e-6}]")
                .check(v)).isNull();
        assertThat(expect("\"between\":[{\"select\":\"capacitor\",\"a\":\"lm317:IN\",\"b\":\"ground\",\"min\":1e-6}]")
                .check(v)).endsWith("found 0 (C1 (100n) out of range)");
    }

    @Test
    void nonInvertingGainFromFeedbackAndGroundResistors() {
        Expectation e = expect("\"values\":[{\"quantity\":\"nonInvertingGain\",\"min\":10.5,\"max\":11.5}]");
        assertThat(e.check(view(Designs.nonInverting("100k", "10k")))).isNull();
        assertThat(e.check(view(Designs.nonInverting("47k", "10k"))))
                .isEqualTo("value nonInvertingGain in 10.5–11.5: found 5.7 (U1 amplifier 1 Rf 47kΩ, Rg 10kΩ)");
    }

    @Test
    void invertingGainIsAMagnitude() {
        Expectation e = expect("\"values\":[{\"quantity\":\"invertingGain\",\"target\":10,\"tolerance\":0.05}]");
        assertThat(e.check(view(Designs.inverting("100k", "10k")))).isNull();
        assertThat(e.check(view(Designs.inverting("22k", "10k")))).contains("found 2.2");
        // an inverting stage is not read as a non-inverting one: its non-inverting input is grounded
        assertThat(expect("\"values\":[{\"quantity\":\"nonInvertingGain\",\"min\":0,\"max\":100}]")
                .check(view(Designs.inverting("100k", "10k")))).endsWith("no nonInvertingGain found in the circuit");
    }

    @Test
    void astableFrequencyAndDuty() {
        // 1.44 / ((1k + 2 × 10k) × 100 nF) = 685.7 Hz; duty (1k + 10k) / 21k = 0.524
        CircuitView v = view(Designs.astable("1k", "10k", "100n"));
        assertThat(expect("\"values\":[{\"quantity\":\"astableFrequency\",\"target\":686,\"tolerance\":0.01}]").check(v))
                .isNull();
        assertThat(expect("\"values\":[{\"quantity\":\"astableDuty\",\"min\":0.52,\"max\":0.53}]").check(v)).isNull();
        assertThat(expect("\"values\":[{\"quantity\":\"astableFrequency\",\"min\":900,\"max\":1100}]").check(v))
                .startsWith("value astableFrequency in 900–1100 Hz: found 685.7 Hz (U1 R1 1kΩ, R2 10kΩ, C 100nF)");
        assertThat(expect("\"values\":[{\"quantity\":\"monostableWidth\",\"min\":1,\"max\":2}]").check(v))
                .isEqualTo("value monostableWidth in 1–2 s: no monostableWidth found in the circuit");
    }

    @Test
    void monostableWidth() {
        // 1.1 × 470k × 10 µF = 5.17 s
        Expectation e = expect("\"values\":[{\"quantity\":\"monostableWidth\",\"min\":4.5,\"max\":5.5}]");
        assertThat(e.check(view(Designs.monostable("470k", "10u")))).isNull();
        assertThat(e.check(view(Designs.monostable("100k", "10u")))).contains("found 1.1 s");
    }

    @Test
    void dividerRatioAndVoltage() {
        CircuitView v = view(Designs.divider("30k", "10k"));
        assertThat(expect("\"values\":[{\"quantity\":\"dividerRatio\",\"min\":0.24,\"max\":0.26}]").check(v)).isNull();
        assertThat(expect("\"values\":[{\"quantity\":\"dividerVoltage\",\"min\":2.9,\"max\":3.1}]").check(v)).isNull();
        assertThat(expect("\"values\":[{\"quantity\":\"dividerRatio\",\"min\":0.45,\"max\":0.55}]").check(v))
                .contains("found 0.25 (tap TAP: 30kΩ from VIN, 10kΩ to ground)");
    }

    @Test
    void rcCutoffs() {
        // 1 / (2π × 1.6k × 100 nF) = 994.7 Hz
        assertThat(expect("\"values\":[{\"quantity\":\"lowPassCutoff\",\"min\":900,\"max\":1100}]")
                .check(view(Designs.lowPass("1.6k", "100n")))).isNull();
        assertThat(expect("\"values\":[{\"quantity\":\"lowPassCutoff\",\"min\":900,\"max\":1100}]")
                .check(view(Designs.lowPass("16k", "100n")))).contains("found 99.47 Hz");
        assertThat(expect("\"values\":[{\"quantity\":\"highPassCutoff\",\"min\":90,\"max\":110}]")
                .check(view(Designs.highPass("16k", "100n")))).isNull();
        assertThat(expect("\"values\":[{\"quantity\":\"highPassCutoff\",\"min\":90,\"max\":110}]")
                .check(view(Designs.lowPass("16k", "100n")))).endsWith("no highPassCutoff found in the circuit");
    }

    @Test
    void adjustableRegulatorOutput() {
        // 1.25 × (1 + 1.5k / 240) = 9.06 V
        Expectation e = expect("\"values\":[{\"quantity\":\"adjustableRegulatorOutput\",\"min\":8.6,\"max\":9.4}]");
        assertThat(e.check(view(Designs.lm317("240", "1.5k")))).isNull();
        assertThat(e.check(view(Designs.lm317("240", "720")))).contains("found 5 V");
    }

    @Test
    void ledCurrentAndComponentValue() {
        // (5 V − 2.0 V) / 220 Ω = 13.6 mA
        CircuitView v = view(Designs.unoLed("220"));
        assertThat(expect("\"values\":[{\"quantity\":\"ledCurrent\",\"min\":0.013,\"max\":0.014}]").check(v)).isNull();
        assertThat(expect("\"values\":[{\"quantity\":\"value\",\"select\":\"resistor\",\"min\":200,\"max\":240}]").check(v))
                .isNull();
        assertThat(expect("\"values\":[{\"quantity\":\"value\",\"select\":\"resistor\",\"min\":1000,\"max\":2000}]")
                .check(v)).isEqualTo("value value of resistor in 1000–2000: found 220 (R1 (220))");
    }

    @Test
    void absentFindingsNamesTheRuleThatFired() {
        Expectation e = expect("\"absentFindings\":[\"part.led-resistor\"]");
        assertThat(e.check(view(Designs.unoLed("220")))).isNull();
        assertThat(e.check(view(Designs.unoLedWithoutResistor())))
                .startsWith("absentFindings part.led-resistor: fired part.led-resistor (");
    }

    @Test
    void noErrorsListsTheErrors() {
        Expectation e = new Expectation.NoErrors();
        assertThat(e.check(view(Designs.unoBme280("A4", "A5")))).isNull();
        CircuitView bad = view(Designs.unoLedWithoutResistor());
        assertThat(bad.report().passed()).isFalse();
        assertThat(e.check(bad)).startsWith("noErrors: ").contains("part.led-resistor");
    }
}
