package dev.kirchhoff.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Pin;
import dev.kirchhoff.schematic.model.PinType;
import dev.kirchhoff.validation.Finding;
import dev.kirchhoff.validation.RuleGroup;
import dev.kirchhoff.validation.Rules;
import dev.kirchhoff.validation.Severity;
import dev.kirchhoff.validation.Sketch;
import dev.kirchhoff.validation.ValidationReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class PowerRulesTest {

    private static final String SHORT = "power.rail-short";
    private static final String RANGE = "power.supply-range";
    private static final String DROPOUT = "power.regulator-dropout";
    private static final String LEVEL = "power.logic-level";
    private static final String BUDGET = "power.current-budget";
    private static final String POLARITY = "power.polarity";
    private static final List<String> ALL = List.of(SHORT, RANGE, DROPOUT, LEVEL, BUDGET, POLARITY);

    /** Errors of the power and part rules: what an ordinary, correct design must not get from them. */
    private static List<Finding> powerAndPartErrors(ValidationReport r) {
        return r.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .filter(f -> Rules.groupOf(f.rule()) == RuleGroup.POWER || Rules.groupOf(f.rule()) == RuleGroup.PARTS)
                .toList();
    }

    /** An LM7805 fed from {@code supply} (a part with + and -) with its 0.33 µF and 0.1 µF capacitors. */
    private static Sketch lm7805(String supplyPart, String plus, String minus) {
        return Sketch.of().part("src", supplyPart).part("U1", "lm7805").c("C1", "330n").c("C2", "100n")
                .net("VIN", "src:" + plus, "U1:IN", "C1:1").net("GND", "src:" + minus, "U1:GND", "C1:2", "C2:2")
                .net("5V", "U1:OUT", "C2:1");
    }

    // power.rail-short

    @Test
    void aTwelveVoltAdapterOnTheUnosFiveVoltPinShortsTheRails() {
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3").part("psu", "dc-power-adapter-12v")
                .net("5V", "uno:5V", "psu:+").net("GND", "uno:GND.1", "psu:-").validate();
        assertThat(r.of(SHORT)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.nets()).containsExactly("5V");
            assertThat(f.pins()).containsExactlyInAnyOrder("uno:5V", "psu:+");
            assertThat(f.message()).contains("5 V", "12 V", "shorted together");
        });
    }

    @Test
    void aThreeVoltThreeOutputOnGroundIsShortedToGround() {
        ValidationReport r = Sketch.of().part("esp", "esp32-devkit-v1")
                .net("GND", "esp:3V3", "esp:GND.1").validate();
        assertThat(r.of(SHORT)).singleElement().satisfies(f -> {
            assertThat(f.nets()).containsExactly("GND");
            assertThat(f.message()).contains("shorted to ground", "3.3 V");
        });
    }

    @Test
    void anLm358sVMinusGndPinOnANegativeRailIsNoShort() {
        // split ±12 V: V2's + on ground, its − (−12 V) on the LM358's pin 4, which is GND on a single supply
        Sketch sketch = Sketch.of().part("U1", "lm358").v("V1", "DC 12").v("V2", "DC 12")
                .net("GND", "V1:-", "V2:+").net("VCC", "V1:+", "U1:VCC").net("VEE", "V2:-", "U1:GND");
        assertThat(sketch.validate().of(SHORT)).isEmpty();
        assertThat(sketch.facts().voltage(netNamed(sketch.facts(), "VEE"))).isEqualTo(-12.0);
        // on a single supply nothing else fixes its net: the pin is ground, and the source is measured from it
        Sketch single = Sketch.of().part("U1", "lm358").v("V1", "DC 12")
                .net("N1", "V1:-", "U1:GND").net("N2", "V1:+", "U1:VCC");
        var f1 = single.facts();
        assertThat(f1.voltage(netNamed(f1, "N1"))).isEqualTo(0.0);
        assertThat(f1.voltage(netNamed(f1, "N2"))).isEqualTo(12.0);
        assertThat(single.validate().of(SHORT)).isEmpty();
    }

    private static int netNamed(dev.kirchhoff.validation.CircuitFacts f, String name) {
        return java.util.stream.IntStream.range(0, f.netCount()).filter(n -> f.netName(n).equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void aSourceWithBothTerminalsOnOneNetIsADirectShort() {
        ValidationReport r = Sketch.of().v("V1", "DC 5").r("R1", "1k")
                .net("N1", "V1:+", "V1:-", "R1:1").net("0", "R1:2").validate();
        assertThat(r.of(SHORT)).singleElement().satisfies(f -> {
            assertThat(f.components()).containsExactly("V1");
            assertThat(f.nets()).containsExactly("N1");
        });
    }

    @Test
    void aRegulatorBetweenTwoRailsKeepsThemApart() {
        ValidationReport r = lm7805("battery-9v", "+", "-").validate();
        for (String id : ALL) {
            assertThat(r.fired(id)).as(id + ":%n%s", r.text()).isFalse();
        }
        assertThat(powerAndPartErrors(r)).as(r.text()).isEmpty();
    }

    // power.supply-range

    @Test
    void aFiveVoltRelayModuleOnThreePointThreeVoltsDoesNotPullIn() {
        ValidationReport r = Sketch.of().part("esp", "esp32-devkit-v1").part("K1", "relay-module-1ch")
                .net("3V3", "esp:3V3", "K1:VCC").net("GND", "esp:GND.1", "K1:GND").validate();
        assertThat(r.of(RANGE)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.pins()).containsExactly("K1:VCC");
            assertThat(f.nets()).containsExactly("3V3");
            assertThat(f.message()).contains("3.3 V", "below its minimum of 4.5 V");
        });
    }

    @Test
    void twelveVoltsOnAFiveVoltModuleIsAboveItsMaximum() {
        ValidationReport r = Sketch.of().part("psu", "dc-power-adapter-12v").part("bme", "bme280-module")
                .net("12V", "psu:+", "bme:VIN").net("GND", "psu:-", "bme:GND").validate();
        assertThat(r.of(RANGE)).singleElement().satisfies(f -> {
            assertThat(f.pins()).containsExactly("bme:VIN");
            assertThat(f.message()).contains("above its maximum of 5.5 V");
        });
    }

    @Test
    void theUnosVinNeedsSevenVolts() {
        ValidationReport r = Sketch.of().part("usb", "usb-power").part("uno", "arduino-uno-r3")
                .net("VBUS", "usb:VBUS", "uno:VIN").net("GND", "usb:GND", "uno:GND.1").validate();
        assertThat(r.of(RANGE)).singleElement().satisfies(f -> assertThat(f.pins()).containsExactly("uno:VIN"));
    }

    @Test
    void aRelayModuleOnTheUnosFiveVoltsIsInRange() {
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3").part("K1", "relay-module-1ch")
                .net("5V", "uno:5V", "K1:VCC").net("GND", "uno:GND.1", "K1:GND").net("IN", "uno:7", "K1:IN")
                .validate();
        assertThat(r.fired(RANGE)).isFalse();
        assertThat(r.fired(LEVEL)).isFalse();
    }

    // power.regulator-dropout

    @Test
    void anLm7805FromUsbHasNoHeadroom() {
        ValidationReport r = lm7805("usb-power", "VBUS", "GND").validate();
        assertThat(r.of(DROPOUT)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.pins()).containsExactly("U1:IN");
            assertThat(f.nets()).containsExactly("VIN");
            assertThat(f.message()).contains("below 7 V", "2 V dropout", "about 3 V");
        });
        assertThat(r.fired(RANGE)).as("one finding for one fault").isFalse();
    }

    @Test
    void anAms1117BetweenTypicalAndWorstDropoutIsAWarningAndAboveItsMaximumAnError() {
        ValidationReport tight = Sketch.of().v("V1", "DC 4.5").part("U1", "ams1117-3-3")
                .net("0", "V1:-", "U1:GND").net("VIN", "V1:+", "U1:VIN").net("3V3", "U1:VOUT").validate();
        assertThat(tight.of(DROPOUT)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("4.6 V", "1.3 V worst-case dropout");
        });
        ValidationReport high = Sketch.of().v("V1", "DC 24").part("U1", "ams1117-3-3")
                .net("0", "V1:-", "U1:GND").net("VIN", "V1:+", "U1:VIN").net("3V3", "U1:VOUT").validate();
        assertThat(high.of(DROPOUT)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("above its maximum input of 15 V");
        });
    }

    @Test
    void anLm2940FromSixVoltsIsALowDropoutRegulatorsJob() {
        ValidationReport r = Sketch.of().v("V1", "DC 6").part("U1", "lm2940-5")
                .net("0", "V1:-", "U1:GND").net("VIN", "V1:+", "U1:IN").net("5V", "U1:OUT").validate();
        assertThat(r.fired(DROPOUT)).isFalse();
        assertThat(r.fired(RANGE)).isFalse();
    }

    // power.logic-level

    @Test
    void aFiveVoltOutputIntoAnEsp32InputIsAnError() {
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3").part("esp", "esp32-devkit-v1")
                .net("TX", "uno:3", "esp:RX2").net("GND", "uno:GND.1", "esp:GND.1").validate();
        assertThat(r.of(LEVEL)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.nets()).containsExactly("TX");
            assertThat(f.pins()).containsExactly("uno:D3", "esp:GPIO16");
            assertThat(f.components()).containsExactly("uno", "esp");
            assertThat(f.fix()).contains("level shifter", "1 kΩ", "2 kΩ");
        });
    }

    @Test
    void aOneToTwoKiloOhmDividerBringsFiveVoltsDownToThreePointThree() {
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3").part("esp", "esp32-devkit-v1")
                .r("R1", "1k").r("R2", "2k")
                .net("TX5", "uno:3", "R1:1").net("TX3", "R1:2", "R2:1", "esp:RX2")
                .net("GND", "uno:GND.1", "esp:GND.1", "R2:2").validate();
        assertThat(r.fired(LEVEL)).isFalse();
    }

    @Test
    void anI2cBusPulledUpToFiveVoltsHurtsAThreePointThreeVoltSensor() {
        Sketch s = Sketch.of().part("uno", "arduino-uno-r3").part("bme", "bme280-module")
                .net("5V", "uno:5V", "bme:VIN").net("GND", "uno:GND.1", "bme:GND");
        ValidationReport bare = Sketch.of().part("uno", "arduino-uno-r3").part("bme", "bme280-module")
                .net("5V", "uno:5V", "bme:VIN").net("GND", "uno:GND.1", "bme:GND")
                .net("SDA", "uno:A4", "bme:SDA").net("SCL", "uno:A5", "bme:SCL").validate();
        assertThat(bare.fired(LEVEL)).as("the module's own pull-ups hold the lines at 3.3 V").isFalse();
        ValidationReport pulled = s.r("R1", "4.7k").r("R2", "4.7k")
                .net("SDA", "uno:A4", "bme:SDA", "R1:1").net("SCL", "uno:A5", "bme:SCL", "R2:1")
                .net("PULL", "R1:2", "R2:2", "uno:IOREF").validate();
        assertThat(pulled.of(LEVEL)).hasSize(2).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("is pulled up to 5 V");
        });
        assertThat(pulled.of(LEVEL)).flatExtracting(f -> f.pins()).contains("bme:SDA", "bme:SCL");
    }

    @Test
    void aThreePointThreeVoltOutputMayNotReachTheIrf520ModulesFourVoltHigh() {
        ValidationReport r = Sketch.of().part("esp", "esp32-devkit-v1").part("Q1", "irf520-mosfet-module")
                .net("SIG", "esp:D25", "Q1:SIG").net("GND", "esp:GND.1", "Q1:GND").validate();
        assertThat(r.of(LEVEL)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.pins()).containsExactly("esp:GPIO25", "Q1:SIG");
            assertThat(f.message()).contains("needs at least 4 V", "about 2.97 V");
        });
    }

    @Test
    void aSeriesResistorDoesNotRaiseAThreePointThreeVoltHigh() {
        // ESP32 GPIO through the usual 330 Ω into a WS2812 strip powered at 5 V (DIN needs 0.7 × 5 V = 3.5 V)
        ValidationReport r = Sketch.of().part("esp", "esp32-devkit-v1").part("px", "ws2812b-strip").r("R1", "330")
                .net("5V", "esp:VIN", "px:5V").net("GND", "esp:GND.1", "px:GND")
                .net("D5", "esp:D5", "R1:1").net("DIN", "R1:2", "px:DIN").validate();
        assertThat(r.of(LEVEL)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.nets()).containsExactly("DIN");
            assertThat(f.pins()).containsExactly("esp:GPIO5", "px:DIN");
        });
    }

    @Test
    void aResistorToGroundBesideItMakesADividerThatIsNotLookedThrough() {
        ValidationReport r = Sketch.of().part("esp", "esp32-devkit-v1").part("px", "ws2812b-strip")
                .r("R1", "330").r("R2", "10k")
                .net("5V", "esp:VIN", "px:5V").net("GND", "esp:GND.1", "px:GND", "R2:2")
                .net("D5", "esp:D5", "R1:1").net("DIN", "R1:2", "R2:1", "px:DIN").validate();
        assertThat(r.fired(LEVEL)).isFalse();
    }

    @Test
    void aRelayModuleInputReadsThreePointThreeVolts() {
        ValidationReport r = Sketch.of().part("esp", "esp32-devkit-v1").part("K1", "relay-module-1ch")
                .net("IN", "esp:D26", "K1:IN").validate();
        assertThat(r.fired(LEVEL)).isFalse();
    }

    @Test
    void aThreePointThreeVoltInputTiedToTheFiveVoltRailIsAnError() {
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3").part("esp", "esp32-devkit-v1")
                .net("5V", "uno:5V", "esp:D4", "esp:VIN").net("GND", "uno:GND.1", "esp:GND.1").validate();
        assertThat(r.of(LEVEL)).singleElement().satisfies(f -> {
            assertThat(f.pins()).containsExactly("esp:GPIO4");
            assertThat(f.message()).contains("Net 5V is a 5 V rail, set by uno:5V");
        });
    }

    // power.current-budget

    @Test
    void fourServosOnTheUnosFiveVoltPinOverloadIt() {
        Sketch s = Sketch.of().part("uno", "arduino-uno-r3");
        String[] five = {"uno:5V", "", "", "", ""};
        String[] gnd = {"uno:GND.1", "", "", "", ""};
        for (int k = 1; k <= 4; k++) {
            s.part("S" + k, "sg90");
            five[k] = "S" + k + ":V+";
            gnd[k] = "S" + k + ":GND";
        }
        ValidationReport r = s.net("5V", five).net("GND", gnd).validate();
        assertThat(r.of(BUDGET)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.nets()).containsExactly("5V");
            // 4 x 150 mA typical against the 500 mA of the Uno's 5V pin
            assertThat(f.message()).contains("600 mA typical", "120 %", "uno:5V 500 mA", "S1 150 mA (peak 650 mA)");
        });
    }

    @Test
    void threeServosAreNinetyPercentAndOneIsFineButForItsStallPeak() {
        Sketch three = Sketch.of().part("uno", "arduino-uno-r3").part("S1", "sg90").part("S2", "sg90")
                .part("S3", "sg90");
        ValidationReport r = three.net("5V", "uno:5V", "S1:V+", "S2:V+", "S3:V+")
                .net("GND", "uno:GND.1", "S1:GND", "S2:GND", "S3:GND").validate();
        assertThat(r.of(BUDGET)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("450 mA typical", "90 %");
        });
        ValidationReport relay = Sketch.of().part("uno", "arduino-uno-r3").part("K1", "relay-module-1ch")
                .net("5V", "uno:5V", "K1:VCC").net("GND", "uno:GND.1", "K1:GND").validate();
        assertThat(relay.fired(BUDGET)).isFalse();
    }

    @Test
    void aRegulatorPassesItsLoadsOnToTheBatteryThatFeedsIt() {
        Sketch s = lm7805("battery-9v", "+", "-");
        for (int k = 1; k <= 4; k++) {
            s.part("S" + k, "sg90");
        }
        ValidationReport r = s.net("5V", "S1:V+", "S2:V+", "S3:V+", "S4:V+")
                .net("GND", "S1:GND", "S2:GND", "S3:GND", "S4:GND").validate();
        assertThat(r.of(BUDGET)).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.nets()).containsExactly("VIN");
            assertThat(f.message()).contains("src:+ 500 mA", "U1 feeding 5V 600 mA");
        });
    }

    @Test
    void ledCurrentsCountAgainstTheRailThatFeedsThem() {
        Sketch s = Sketch.of().part("uno", "arduino-uno-r3");
        for (int k = 1; k <= 3; k++) {
            s.r("R" + k, "68").device("D" + k, ComponentKind.LED, null, "led-red")
                    .net("A" + k, "R" + k + ":2", "D" + k + ":A");
        }
        ValidationReport r = s.net("3V3", "uno:3.3V", "R1:1", "R2:1", "R3:1")
                .net("GND", "uno:GND.1", "D1:K", "D2:K", "D3:K").validate();
        // (3.3 V - 2 V) / 68 Ω = 19.1 mA each, 57 mA against the 3V3 pin's 50 mA
        assertThat(r.of(BUDGET)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("57.4 mA", "LED D1 19.1 mA");
        });
        assertThat(r.fired("part.led-current")).isFalse();
    }

    // power.polarity

    @Test
    void anLedWithItsAnodeOnGroundNeverLights() {
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3").r("R1", "220")
                .device("D1", ComponentKind.LED, null, "led-red")
                .net("5V", "uno:5V", "R1:1").net("K", "R1:2", "D1:K").net("GND", "D1:A", "uno:GND.1").validate();
        assertThat(r.of(POLARITY)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.components()).containsExactly("D1");
            assertThat(f.nets()).containsExactly("GND", "K");
            assertThat(f.message()).contains("never lights");
        });
        assertThat(r.fired("part.led-current")).isFalse();
    }

    @Test
    void aReversedElectrolyticIsAnErrorAndTheRightWayRoundIsNot() {
        ValidationReport reversed = Sketch.of().part("uno", "arduino-uno-r3").part("C1", "capacitor-electrolytic")
                .net("5V", "uno:5V", "C1:-").net("GND", "uno:GND.1", "C1:+").validate();
        assertThat(reversed.of(POLARITY)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.pins()).containsExactly("C1:+", "C1:-");
            assertThat(f.message()).contains("Electrolytic capacitor C1");
        });
        ValidationReport right = Sketch.of().part("uno", "arduino-uno-r3").part("C1", "capacitor-electrolytic")
                .net("5V", "uno:5V", "C1:+").net("GND", "uno:GND.1", "C1:-").validate();
        assertThat(right.fired(POLARITY)).isFalse();
    }

    @Test
    void aPrimitiveCapacitorBoundToTheElectrolyticPartTakesPinOneAsPlus() {
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3")
                .device("C1", ComponentKind.CAPACITOR, null, "capacitor-electrolytic")
                .net("5V", "uno:5V", "C1:2").net("GND", "uno:GND.1", "C1:1").validate();
        assertThat(r.fired(POLARITY)).isTrue();
    }

    @Test
    void aDiodeForwardAcrossTheSupplyIsAShortButReversedItIsAShunt() {
        ValidationReport forward = Sketch.of().part("uno", "arduino-uno-r3")
                .device("D1", ComponentKind.DIODE, null, "1n4007")
                .net("5V", "uno:5V", "D1:A").net("GND", "uno:GND.1", "D1:K").validate();
        assertThat(forward.of(POLARITY)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("shorts the supply");
        });
        ValidationReport shunt = Sketch.of().part("uno", "arduino-uno-r3")
                .device("D1", ComponentKind.DIODE, null, "1n4007")
                .net("5V", "uno:5V", "D1:K").net("GND", "uno:GND.1", "D1:A").validate();
        assertThat(shunt.fired(POLARITY)).isFalse();
    }

    @Test
    void aFiveVoltZenerDirectlyAcrossTwelveVoltsConductsHard() {
        ValidationReport r = Sketch.of().part("psu", "dc-power-adapter-12v")
                .device("D1", ComponentKind.DIODE, null, "zener-1n4733a")
                .net("12V", "psu:+", "D1:K").net("GND", "psu:-", "D1:A").validate();
        assertThat(r.of(POLARITY)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("5.1 V Zener voltage"));
    }

    @Test
    void aFlybackDiodeAcrossASwitchedCoilIsNotJudged() {
        ValidationReport r = Sketch.of().part("psu", "dc-power-adapter-12v").part("M1", "solenoid-12v")
                .part("Q1", "irlz44n").device("D1", ComponentKind.DIODE, null, "1n4007")
                .net("12V", "psu:+", "M1:+", "D1:K").net("SW", "M1:-", "Q1:D", "D1:A")
                .net("GND", "psu:-", "Q1:S").validate();
        assertThat(r.fired(POLARITY)).isFalse();
    }

    // odd input

    @Test
    void componentsWithoutPinsDataOrKnownPartsAreLeftAlone() {
        ValidationReport r = Sketch.of()
                .add(Component.builder("X1", ComponentKind.PART).part("esp32-devkit-v1").pins(List.of()).build())
                .add(Component.builder("X2", ComponentKind.PART).part("no-such-part")
                        .pins(List.of(Pin.of("1", "VCC", PinType.POWER_IN), Pin.of("2", "OUT", PinType.OUTPUT)))
                        .build())
                .v("V1", "SIN(0 1 1k)").prim("C1", ComponentKind.CAPACITOR, null)
                .net("5V", "X2:VCC", "V1:+", "C1:1").net("GND", "V1:-", "C1:2").net("N1", "X2:OUT").validate();
        for (String id : ALL) {
            assertThat(r.fired(id)).as(id).isFalse();
        }
    }

    @Test
    void transistorLevelNetlistsWithoutPartsAreLeftAlone() {
        ValidationReport r = Sketch.validator().validate(Sketch.spice("amp.cir", """
                * common-emitter stage
                VCC vcc 0 DC 12
                VIN in 0 DC 0.7 AC 1
                R1 vcc out 4.7k
                Q1 out in 0 QN
                C1 out 0 10u
                D1 out vcc DX
                .model QN NPN
                .model DX D
                .end
                """), "amp");
        for (String id : ALL) {
            assertThat(r.fired(id)).as(id).isFalse();
        }
        assertThat(r.fired("part.bjt-base-resistor")).isFalse();
    }

    // ---- power.load-voltage ------------------------------------------------------------------------------------

    /** An ESP32 switching a fan on rail {@code volts} through an AO3400 with gate resistor, pull-down and flyback. */
    private static Sketch switchedFan(String fan, String volts) {
        return Sketch.of().part("esp", "esp32-devkit-v1").v("V1", "DC " + volts).part("Q1", "ao3400")
                .r("R1", "100").r("R2", "10k").part("D1", "1n4007").part("M1", fan)
                .net("VM", "V1:+", "M1:+", "D1:K")
                .net("GND", "V1:-", "esp:GND.1", "Q1:S", "R2:2")
                .net("DRV", "esp:D4", "R1:1")
                .net("GATE", "R1:2", "Q1:G", "R2:1")
                .net("FAN_N", "M1:-", "Q1:D", "D1:A");
    }

    @Test
    void aTwelveVoltFanSwitchedOnTwentyFourVoltsIsAnError() {
        ValidationReport r = switchedFan("fan-12v", "24").validate();
        assertThat(r.of("power.load-voltage")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.components()).containsExactly("M1");
            assertThat(f.nets()).containsExactlyInAnyOrder("VM", "FAN_N");
            assertThat(f.message()).contains("24 V").contains("13.8 V");
        });
        ValidationReport right = switchedFan("fan-12v", "12").validate();
        assertThat(right.fired("power.load-voltage")).as(right.text()).isFalse();
        assertThat(right.passed()).as(right.text()).isTrue();
    }

    @Test
    void aTwelveVoltSolenoidStraightOnFiveVoltsIsAWarning() {
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3").part("L1", "solenoid-12v")
                .net("5V", "uno:5V", "L1:+").net("GND", "uno:GND.1", "L1:-").validate();
        assertThat(r.of("power.load-voltage")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("below its rated minimum of 9 V");
        });
    }

    @Test
    void servosOnAUsbPoweredEsp32sVinAreJudgedAgainstTheUsbPort() {
        Sketch s = Sketch.of().part("esp", "esp32-devkit-v1");
        String[] pins = {"D13", "D14", "D27", "D26"};
        java.util.List<String> vin = new java.util.ArrayList<>(java.util.List.of("esp:VIN"));
        java.util.List<String> gnd = new java.util.ArrayList<>(java.util.List.of("esp:GND.1"));
        for (int k = 1; k <= 4; k++) {
            s.part("S" + k, "mg996r").net("PWM" + k, "esp:" + pins[k - 1], "S" + k + ":PWM");
            vin.add("S" + k + ":V+");
            gnd.add("S" + k + ":GND");
        }
        ValidationReport r = s.net("VIN", vin.toArray(String[]::new)).net("GND", gnd.toArray(String[]::new))
                .validate();
        assertThat(r.of("power.current-budget")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.nets()).containsExactly("VIN");
            assertThat(f.message()).contains("fed by esp:VIN 500 mA").contains("of its 500 mA");
        });
        ValidationReport one = Sketch.of().part("esp", "esp32-devkit-v1").part("S1", "sg90")
                .net("VIN", "esp:VIN", "S1:V+").net("GND", "esp:GND.1", "S1:GND").net("PWM", "esp:D13", "S1:PWM")
                .validate();
        assertThat(one.of("power.current-budget")).allSatisfy(f -> assertThat(f.severity())
                .isEqualTo(Severity.WARNING));
    }
}
