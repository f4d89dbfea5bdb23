package dev.kirchhoff.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirchhoff.knowledge.KnowledgeBasePins;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.validation.Finding;
import dev.kirchhoff.validation.RuleGroup;
import dev.kirchhoff.validation.Rules;
import dev.kirchhoff.validation.Severity;
import dev.kirchhoff.validation.Sketch;
import dev.kirchhoff.validation.ValidationReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructureRulesTest {

    // ---- ordinary designs pass -------------------------------------------------------------------------------

    @Test
    void esp32WithBme280OnI2cHasNoStructureOrPinTypeFinding() {
        ValidationReport r = esp32Bme280().validate();
        assertThat(ours(r)).as(r.text()).isEmpty();
    }

    @Test
    void unoBlinkingAnLedThroughAResistorHasNoStructureOrPinTypeFinding() {
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3").r("R1", "220").led("D1")
                .net("LED", "uno:13", "R1:1")
                .net("A", "R1:2", "D1:A")
                .net("GND", "D1:K", "uno:GND")
                .validate();
        assertThat(ours(r)).as(r.text()).isEmpty();
    }

    @Test
    void lm7805From9VoltBatteryFeedingTheUnos5VPinHasNoStructureOrPinTypeFinding() {
        ValidationReport r = lm7805FeedingUno().validate();
        assertThat(ours(r)).as(r.text()).isEmpty();
    }

    // ---- structure.unknown-part --------------------------------------------------------------------------------

    @Test
    void aMisspelledPartIsAnErrorSuggestingTheClosestIds() {
        ValidationReport r = Sketch.of().part("esp", "esp32-devkit-v1")
                .add(Component.builder("bme", ComponentKind.PART).part("bme-2800").build())
                .validate();
        assertThat(r.of("structure.unknown-part")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.components()).containsExactly("bme");
            assertThat(f.message()).contains("'bme-2800'").contains("bme280-module");
            assertThat(f.fix()).contains("bme280-module");
        });
    }

    @Test
    void aPartNamedByAliasResolvesAndWokwisSerialMonitorIsNoPart() {
        ValidationReport r = Sketch.of().add(Component.builder("bme", ComponentKind.PART).part("BME-280").build())
                .add(Component.builder("$serialMonitor", ComponentKind.PART).part("wokwi:$serialMonitor").build())
                .validate();
        assertThat(r.fired("structure.unknown-part")).as(r.text()).isFalse();
    }

    @Test
    void aSubcircuitCallWithoutDefinitionIsAWarning() {
        ValidationReport r = Sketch.validator().validate(Sketch.spice("amp.cir", """
                * follower
                V1 in 0 DC 1
                X1 in out out OPAMP_X
                R1 out 0 10k
                .end
                """), "amp");
        assertThat(r.of("structure.unknown-part")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.components()).containsExactly("X1");
            assertThat(f.message()).contains("OPAMP_X");
            assertThat(f.fix()).contains(".subckt OPAMP_X");
        });
    }

    @Test
    void aSubcircuitDefinedInTheFileIsKnown() {
        ValidationReport r = Sketch.validator().validate(Sketch.spice("amp.cir", """
                * follower
                .subckt OPAMP_X inp inn out
                E1 out 0 inp inn 100k
                R1 inp inn 1meg
                .ends OPAMP_X
                V1 in 0 DC 1
                X1 in out out OPAMP_X
                R1 out 0 10k
                .end
                """), "amp");
        assertThat(r.fired("structure.unknown-part")).as(r.text()).isFalse();
    }

    // ---- structure.unknown-pin ---------------------------------------------------------------------------------

    @Test
    void aNetNamingAMissingPinOrComponentIsAnErrorListingThePins() {
        ValidationReport r = Sketch.validateJson("t.json", """
                {"format": "kirchhoff-circuit", "version": 1, "components": [
                  {"ref": "esp", "kind": "part", "part": "esp32-devkit-v1"},
                  {"ref": "oled", "kind": "part", "part": "ssd1306-i2c-oled"}],
                 "nets": [{"name": "SDA", "pins": ["esp:D21", "oled:SDAA"]},
                          {"name": "SCL", "pins": ["esp:D22", "oled:SCL", "U9:1"]}]}
                """);
        List<Finding> found = r.of("structure.unknown-pin");
        assertThat(found).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.pins()).containsExactly("oled:SDAA");
            assertThat(f.nets()).containsExactly("SDA");
            assertThat(f.message()).contains("GND, VCC, SCL, SDA");
        });
        assertThat(found).anySatisfy(f -> {
            assertThat(f.pins()).containsExactly("U9:1");
            assertThat(f.nets()).containsExactly("SCL");
            assertThat(f.message()).contains("no component U9");
        });
        assertThat(found).hasSize(2);
    }

    @Test
    void aPinListedInTheFileThatThePartLacksIsAnErrorWhenConnected() {
        String json = """
                {"format": "kirchhoff-circuit", "version": 1, "components": [
                  {"ref": "esp", "kind": "part", "part": "esp32-devkit-v1"},
                  {"ref": "bme", "kind": "part", "part": "bme280-module", "pins": [
                    {"number": "1", "name": "VIN", "type": "power_in"}, {"number": "2", "name": "GND"},
                    {"number": "3", "name": "SCL"}, {"number": "4", "name": "SDA"},
                    {"number": "7", "name": "XCLR"}]}],
                 "nets": [{"name": "3V3", "pins": ["esp:3V3", "bme:VIN"]},
                          {"name": "GND", "pins": ["esp:GND", "bme:GND"]},
                          {"name": "SDA", "pins": ["esp:D21", "bme:SDA"]},
                          {"name": "SCL", "pins": ["esp:D22", "bme:SCL"]}%s]}
                """;
        ValidationReport r = Sketch.validateJson("t.json", json.formatted(
                ", {\"name\": \"RST\", \"pins\": [\"esp:D4\", \"bme:XCLR\"]}"));
        assertThat(r.of("structure.unknown-pin")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.pins()).containsExactly("bme:XCLR");
            assertThat(f.nets()).containsExactly("RST");
            assertThat(f.message()).contains("bme280-module").contains("VIN, GND, SCL, SDA, CSB, SDO");
        });
        ValidationReport unconnected = Sketch.validateJson("t.json", json.formatted(""));
        assertThat(unconnected.fired("structure.unknown-pin")).as(unconnected.text()).isFalse();
    }

    @Test
    void pinsOfAnUnknownPartAreLeftToTheUnknownPartRule() {
        ValidationReport r = Sketch.validateJson("t.json", """
                {"format": "kirchhoff-circuit", "version": 1, "components": [
                  {"ref": "esp", "kind": "part", "part": "esp32-devkit-v1"},
                  {"ref": "x", "kind": "part", "part": "flux-capacitor-9000"}],
                 "nets": [{"name": "S", "pins": ["esp:D4", "x:IN"]}]}
                """);
        assertThat(r.fired("structure.unknown-part")).isTrue();
        assertThat(r.fired("structure.unknown-pin")).as(r.text()).isFalse();
    }

    // ---- structure.pin-on-two-nets -----------------------------------------------------------------------------

    @Test
    void aPinOnTwoNetsIsAnErrorNamingBoth() {
        ValidationReport r = Sketch.validateJson("t.json", twoNets("\"bme:SDA\""));
        assertThat(r.of("structure.pin-on-two-nets")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.pins()).containsExactly("bme:SDA");
            assertThat(f.nets()).containsExactly("SDA", "SCL");
        });
        ValidationReport fine = Sketch.validateJson("t.json", twoNets("\"bme:SCL\""));
        assertThat(fine.fired("structure.pin-on-two-nets")).as(fine.text()).isFalse();
    }

    private static String twoNets(String secondPin) {
        return """
                {"format": "kirchhoff-circuit", "version": 1, "components": [
                  {"ref": "esp", "kind": "part", "part": "esp32-devkit-v1"},
                  {"ref": "bme", "kind": "part", "part": "bme280-module"}],
                 "nets": [{"name": "SDA", "pins": ["esp:D21", "bme:SDA"]},
                          {"name": "SCL", "pins": ["esp:D22", %s]}]}
                """.formatted(secondPin);
    }

    // ---- structure.duplicate-ref -------------------------------------------------------------------------------

    @Test
    void twoComponentsWithOneReferenceIsAnError() {
        ValidationReport r = Sketch.validateJson("t.json", dividers("R1"));
        assertThat(r.of("structure.duplicate-ref")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.components()).containsExactly("R1", "R1_2");
        });
        ValidationReport fine = Sketch.validateJson("t.json", dividers("R2"));
        assertThat(fine.fired("structure.duplicate-ref")).as(fine.text()).isFalse();
    }

    private static String dividers(String secondRef) {
        return """
                {"format": "kirchhoff-circuit", "version": 1, "components": [
                  {"ref": "V1", "kind": "voltage_source", "value": "5"},
                  {"ref": "R1", "kind": "resistor", "value": "10k"},
                  {"ref": "%s", "kind": "resistor", "value": "10k"}],
                 "nets": [{"name": "IN", "pins": ["V1:+", "R1:1"]},
                          {"name": "0", "pins": ["V1:-"]}]}
                """.formatted(secondRef);
    }

    // ---- structure.single-pin-net ------------------------------------------------------------------------------

    @Test
    void aNetWithOnePinIsAWarning() {
        ValidationReport r = esp32Bme280().net("SPARE", "esp:D5").validate();
        assertThat(r.of("structure.single-pin-net")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.nets()).containsExactly("SPARE");
            assertThat(f.pins()).containsExactly("esp:GPIO5");
        });
    }

    @Test
    void aLoneResistorTerminalOnAnInternalNetIsReportedOnceByTheAnalogRule() {
        ValidationReport r = esp32Bme280().r("R9", "10k").net("BUTTON", "esp:D4", "R9:1").net("PULL", "R9:2")
                .validate();
        assertThat(r.fired("structure.single-pin-net")).as(r.text()).isFalse();
        assertThat(r.of("analog.internal-net-single")).singleElement()
                .satisfies(f -> assertThat(f.nets()).containsExactly("PULL"));
    }

    @Test
    void groundNoConnectAndKicadUnconnectedNetsWithOnePinAreFine() {
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3").r("R1", "1k")
                .net("GND", "uno:GND")
                .net("X", "uno:NC")
                .net("unconnected-(R1-Pad2)", "R1:2")
                .net("SIG", "uno:2", "R1:1")
                .validate();
        assertThat(r.fired("structure.single-pin-net")).as(r.text()).isFalse();
    }

    @Test
    void aSpiceNodeNamedLikeAPortIsStillReportedWhenItGoesNowhere() {
        ValidationReport r = Sketch.validator().validate(Sketch.spice("rc.cir", """
                * RC low-pass
                V1 in 0 DC 1
                R1 in out 1k
                .end
                """), "rc");
        assertThat(r.of("structure.single-pin-net")).singleElement()
                .satisfies(f -> assertThat(f.nets()).containsExactly("out"));
    }

    // ---- structure.power-pin-unconnected -----------------------------------------------------------------------

    @Test
    void aModuleWithoutItsSupplyPinIsAnError() {
        ValidationReport r = Sketch.of().part("esp", "esp32-devkit-v1").part("bme", "bme280-module")
                .net("GND", "esp:GND", "bme:GND")
                .net("SDA", "esp:D21", "bme:SDA")
                .net("SCL", "esp:D22", "bme:SCL")
                .validate();
        assertThat(r.of("structure.power-pin-unconnected")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.pins()).containsExactly("bme:VIN");
            assertThat(f.components()).containsExactly("bme");
            assertThat(f.fix()).contains("3.3 V to 5.5 V");
        });
    }

    @Test
    void boardsNeedNoPowerPinsAndOneOfSeveralGroundPinsIsEnough() {
        // the board runs from USB; the DFPlayer has two GND pins and one is wired
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3").part("mp3", "dfplayer-mini")
                .part("relay", "relay-module-2ch").r("R1", "1k")
                .net("5V", "uno:5V", "mp3:VCC", "relay:VCC")
                .net("GND", "uno:GND", "mp3:GND", "relay:GND")
                .net("TX", "uno:11", "R1:1")
                .net("RXM", "R1:2", "mp3:RX")
                .net("RX", "uno:10", "mp3:TX")
                .net("IN1", "uno:7", "relay:IN1")
                .validate();
        assertThat(r.fired("structure.power-pin-unconnected")).as(r.text()).isFalse();
    }

    @Test
    void optionalPowerPinsMayStayOpenButOneOfTheW5500sTwoSuppliesIsNeeded() {
        // the LCD's backlight A/K and the PCA9685's servo rail V+ are flagged optional in the knowledge base
        Sketch s = Sketch.of().part("uno", "arduino-uno-r3").part("lcd", "lcd1602").part("pwm", "pca9685-module")
                .part("eth", "w5500-module")
                .net("5V", "uno:5V", "lcd:VDD", "pwm:VCC")
                .net("GND", "uno:GND", "lcd:VSS", "pwm:GND", "eth:GND");
        ValidationReport none = s.validate();
        assertThat(none.of("structure.power-pin-unconnected")).as(none.text()).singleElement().satisfies(f -> {
            assertThat(f.components()).containsExactly("eth");
            assertThat(f.pins()).containsExactly("eth:3.3V");
            assertThat(f.message()).contains("none of its 3.3V and 5V pins (1, 2)");
        });
        ValidationReport five = s.net("5V", "eth:5V").validate();
        assertThat(five.fired("structure.power-pin-unconnected")).as(five.text()).isFalse();
    }

    @Test
    void aKicadTierChipNeedsEachOfItsSupplies() {
        Part txs = Sketch.validator().resolver().lookup("kicad:Logic_LevelTranslator:TXS0108EPW");
        Component u1 = Component.builder("U1", ComponentKind.PART).part("kicad:Logic_LevelTranslator:TXS0108EPW")
                .pins(KnowledgeBasePins.pinsOf(txs)).build();
        Sketch s = Sketch.of().part("esp", "esp32-devkit-v1").add(u1)
                .net("3V3", "esp:3V3", "U1:VCCA")
                .net("GND", "esp:GND", "U1:GND")
                .net("SIG", "esp:D4", "U1:A1");
        ValidationReport r = s.validate();
        assertThat(r.of("structure.power-pin-unconnected")).singleElement().satisfies(f -> {
            assertThat(f.pins()).containsExactly("U1:VCCB");
            assertThat(f.message()).contains("Logic_LevelTranslator:TXS0108EPW");
        });
        ValidationReport fine = s.part("uno", "arduino-uno-r3").net("5V", "uno:5V", "U1:VCCB").validate();
        assertThat(fine.fired("structure.power-pin-unconnected")).as(fine.text()).isFalse();
    }

    @Test
    void aGenericKicadHeaderIsNotTakenForOneOfTheModulesExportedAsIt() {
        // 25 curated modules export Connector_Generic:Conn_01x04; a KiCad header J1 is none of them
        Part header = Sketch.validator().resolver().lookup("kicad:Connector_Generic:Conn_01x04");
        assertThat(header.hasCapabilityData()).isFalse();
        Component j1 = Component.builder("J1", ComponentKind.PART).part("kicad:Connector_Generic:Conn_01x04")
                .pins(KnowledgeBasePins.pinsOf(header)).build();
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3").add(j1)
                .net("SIG", "uno:2", "J1:1")
                .net("GND", "uno:GND", "J1:2")
                .validate();
        assertThat(ours(r)).as(r.text()).isEmpty();
    }

    // ---- structure.no-connect-connected ------------------------------------------------------------------------

    @Test
    void aNoConnectPinOnANetIsAnError() {
        ValidationReport r = hcSr04On("uno:NC").validate();
        assertThat(r.of("structure.no-connect-connected")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.pins()).containsExactly("uno:NC");
            assertThat(f.nets()).containsExactly("ECHO");
            assertThat(f.message()).contains("sonar:ECHO");
        });
        ValidationReport fine = hcSr04On("uno:3").validate();
        assertThat(fine.fired("structure.no-connect-connected")).as(fine.text()).isFalse();
    }

    // ---- the group ---------------------------------------------------------------------------------------------

    @Test
    void everyStructureRuleIsRegisteredAndDocumented() {
        assertThat(Rules.of(RuleGroup.STRUCTURE)).extracting(r -> r.id()).containsExactly(
                "structure.unknown-part", "structure.unknown-pin", "structure.pin-on-two-nets",
                "structure.duplicate-ref", "structure.single-pin-net", "structure.power-pin-unconnected",
                "structure.no-connect-connected");
        assertThat(Rules.of(RuleGroup.STRUCTURE)).allSatisfy(r -> {
            assertThat(r.title()).isNotBlank();
            assertThat(r.documentation()).doesNotContain("\n").hasSizeGreaterThan(200);
        });
    }

    // ---- circuits ----------------------------------------------------------------------------------------------

    static Sketch esp32Bme280() {
        return Sketch.of().part("esp", "esp32-devkit-v1").part("bme", "bme280-module")
                .r("R1", "4.7k").r("R2", "4.7k")
                .net("3V3", "esp:3V3", "bme:VIN", "R1:1", "R2:1")
                .net("GND", "esp:GND", "bme:GND")
                .net("SDA", "esp:D21", "bme:SDA", "R1:2")
                .net("SCL", "esp:D22", "bme:SCL", "R2:2");
    }

    static Sketch lm7805FeedingUno() {
        return Sketch.of().part("bat", "battery-9v").part("U1", "lm7805").part("uno", "arduino-uno-r3")
                .c("C1", "330n").c("C2", "100n")
                .net("VBAT", "bat:+", "U1:IN", "C1:1")
                .net("5V", "U1:OUT", "uno:5V", "C2:1")
                .net("GND", "bat:-", "U1:GND", "uno:GND", "C1:2", "C2:2");
    }

    private static Sketch hcSr04On(String echoPin) {
        return Sketch.of().part("uno", "arduino-uno-r3").part("sonar", "hc-sr04")
                .net("5V", "uno:5V", "sonar:VCC")
                .net("GND", "uno:GND", "sonar:GND")
                .net("TRIG", "uno:2", "sonar:TRIG")
                .net("ECHO", echoPin, "sonar:ECHO");
    }

    /** The findings of this package's two groups. */
    static List<Finding> ours(ValidationReport r) {
        return r.findings().stream().filter(f -> {
            RuleGroup g = Rules.groupOf(f.rule());
            return g == RuleGroup.STRUCTURE || g == RuleGroup.PIN_TYPES;
        }).toList();
    }
}
