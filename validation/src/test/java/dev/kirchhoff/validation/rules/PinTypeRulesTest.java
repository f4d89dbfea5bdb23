package dev.kirchhoff.validation.rules;

import static dev.kirchhoff.validation.rules.StructureRulesTest.ours;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kirchhoff.knowledge.KnowledgeBasePins;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Pin;
import dev.kirchhoff.schematic.model.PinType;
import dev.kirchhoff.validation.RuleGroup;
import dev.kirchhoff.validation.Rules;
import dev.kirchhoff.validation.Severity;
import dev.kirchhoff.validation.Sketch;
import dev.kirchhoff.validation.ValidationReport;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PinTypeRulesTest {

    // ---- the matrix ----------------------------------------------------------------------------------------------

    @Test
    void theMatrixHoldsKicadsDefaultErrorsAndWarnings() {
        PinType o = PinType.OUTPUT;
        PinType po = PinType.POWER_OUT;
        PinType oc = PinType.OPEN_COLLECTOR;
        PinType oe = PinType.OPEN_EMITTER;
        PinType ts = PinType.TRI_STATE;
        List<PinType[]> errors = List.of(pair(o, o), pair(o, po), pair(o, oc), pair(o, oe), pair(ts, po),
                pair(po, po), pair(po, oc), pair(po, oe));
        List<PinType[]> warnings = List.of(pair(o, ts), pair(PinType.BIDIRECTIONAL, po),
                pair(PinType.BIDIRECTIONAL, oe), pair(ts, PinType.POWER_IN), pair(ts, oc), pair(ts, oe));
        for (PinType a : PinType.values()) {
            for (PinType b : PinType.values()) {
                Severity expected = null;
                if (a == PinType.NO_CONNECT || b == PinType.NO_CONNECT) {
                    expected = Severity.ERROR;
                } else if (listed(errors, a, b)) {
                    expected = Severity.ERROR;
                } else if (listed(warnings, a, b)
                        || (a == PinType.UNSPECIFIED || b == PinType.UNSPECIFIED) && a != PinType.FREE
                        && b != PinType.FREE) {
                    expected = Severity.WARNING;
                }
                assertThat(ErcMatrix.severity(a, b)).as("%s-%s", a, b).isEqualTo(expected);
            }
        }
    }

    private static PinType[] pair(PinType a, PinType b) {
        return new PinType[] {a, b};
    }

    private static boolean listed(List<PinType[]> pairs, PinType a, PinType b) {
        return pairs.stream().anyMatch(p -> p[0] == a && p[1] == b || p[0] == b && p[1] == a);
    }

    // ---- pintype.conflict --------------------------------------------------------------------------------------

    @Test
    void twoRegulatorsOnOneRailAreAnError() {
        ValidationReport r = twoSupplies("U2:OUT").validate();
        assertThat(r.of("pintype.conflict")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.nets()).containsExactly("5V");
            assertThat(f.pins()).containsExactlyInAnyOrder("U1:OUT", "U2:OUT");
            assertThat(f.message()).contains("power_out");
            assertThat(f.fix()).contains("one supply");
        });
    }

    @Test
    void aRegulatorFeedingABoardsSupplyPinAndABoardsOwnTwoPowerOutputsAreNoConflict() {
        // the Uno's 5V and IOREF are both power_out and joined on the board
        ValidationReport r = twoSupplies("uno:IOREF").validate();
        assertThat(r.fired("pintype.conflict")).as(r.text()).isFalse();
    }

    @Test
    void theTwoOutputPinsOfOneRegulatorAreNoConflict() {
        ValidationReport r = Sketch.of().part("usb", "usb-power").part("U1", "ams1117-3-3").part("bme", "bme280-module")
                .net("5V", "usb:VBUS", "U1:VIN")
                .net("3V3", "U1:2", "U1:4", "bme:VIN")
                .net("GND", "usb:GND", "U1:GND", "bme:GND")
                .validate();
        assertThat(r.fired("pintype.conflict")).as(r.text()).isFalse();
    }

    @Test
    void aChargerOnALithiumCellIsNoConflict() {
        ValidationReport r = Sketch.of().part("chg", "tp4056-module").part("cell", "battery-18650")
                .net("BAT+", "chg:B+", "cell:+")
                .net("BAT-", "chg:B-", "cell:-", "chg:OUT-")
                .validate();
        assertThat(r.fired("pintype.conflict")).as(r.text()).isFalse();
    }

    @Test
    void aPushPullOutputWiredToTheSupplyIsAnError() {
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3").part("U1", "lm7805").part("sonar", "hc-sr04")
                .part("bat", "battery-9v")
                .net("VBAT", "bat:+", "U1:IN")
                .net("5V", "U1:OUT", "sonar:VCC", "sonar:ECHO")
                .net("GND", "bat:-", "U1:GND", "uno:GND", "sonar:GND")
                .net("TRIG", "uno:2", "sonar:TRIG")
                .validate();
        assertThat(r.of("pintype.conflict")).singleElement().satisfies(f -> {
            assertThat(f.nets()).containsExactly("5V");
            assertThat(f.pins()).containsExactly("sonar:ECHO", "U1:OUT");
            assertThat(f.message()).contains("output pin sonar:ECHO with power_out pin U1:OUT");
        });
    }

    @Test
    void twoOutputsOnOneNetAreAnErrorButAnOutputIntoAGpioIsNot() {
        ValidationReport fight = Sketch.of().part("uno", "arduino-uno-r3").part("sonar", "hc-sr04")
                .part("sonar2", "hc-sr04")
                .net("5V", "uno:5V", "sonar:VCC", "sonar2:VCC")
                .net("GND", "uno:GND", "sonar:GND", "sonar2:GND")
                .net("ECHO", "uno:3", "sonar:ECHO", "sonar2:ECHO")
                .validate();
        assertThat(fight.of("pintype.conflict")).singleElement().satisfies(f -> {
            assertThat(f.nets()).containsExactly("ECHO");
            assertThat(f.pins()).containsExactlyInAnyOrder("sonar:ECHO", "sonar2:ECHO");
            assertThat(f.fix()).contains("keep one output");
        });
        ValidationReport fine = Sketch.of().part("uno", "arduino-uno-r3").part("sonar", "hc-sr04")
                .net("5V", "uno:5V", "sonar:VCC")
                .net("GND", "uno:GND", "sonar:GND")
                .net("ECHO", "uno:3", "sonar:ECHO")
                .validate();
        assertThat(fine.fired("pintype.conflict")).as(fine.text()).isFalse();
    }

    // ---- pintype.questionable ----------------------------------------------------------------------------------

    @Test
    void aGpioTiedStraightToTheSupplyIsAWarning() {
        ValidationReport r = StructureRulesTest.esp32Bme280().validate();
        assertThat(r.fired("pintype.questionable")).as(r.text()).isFalse();
        ValidationReport tied = Sketch.of().part("esp", "esp32-devkit-v1").part("bme", "bme280-module")
                .net("3V3", "esp:3V3", "bme:VIN", "esp:D4")
                .net("GND", "esp:GND", "bme:GND")
                .validate();
        assertThat(tied.of("pintype.questionable")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.nets()).containsExactly("3V3");
            assertThat(f.pins()).containsExactly("esp:GPIO4", "esp:3V3");
            assertThat(f.fix()).contains("resistor");
        });
    }

    @Test
    void aPinOfUnspecifiedTypeIsAWarningAndAFreeOneIsNot() {
        ValidationReport r = withTypedPin(PinType.UNSPECIFIED).validate();
        assertThat(r.of("pintype.questionable")).singleElement().satisfies(f -> {
            assertThat(f.nets()).containsExactly("SIG");
            assertThat(f.pins()).contains("J1:1");
            assertThat(f.message()).contains("unspecified");
        });
        ValidationReport free = withTypedPin(PinType.FREE).validate();
        assertThat(free.fired("pintype.questionable")).as(free.text()).isFalse();
    }

    private static Sketch withTypedPin(PinType type) {
        Component j1 = Component.builder("J1", ComponentKind.PART).part("test-point-xyz")
                .pins(List.of(new Pin("1", "", type, Set.of()))).build();
        return Sketch.of().part("uno", "arduino-uno-r3").add(j1).net("SIG", "uno:2", "J1:1");
    }

    // ---- pintype.undriven-power --------------------------------------------------------------------------------

    @Test
    void aSensorOnARailNobodyFeedsIsAnErrorNamingARailThatFits() {
        ValidationReport r = Sketch.of().part("esp", "esp32-devkit-v1").part("bme", "bme280-module")
                .part("oled", "ssd1306-i2c-oled")
                .net("3V3", "esp:3V3", "oled:VCC")
                .net("VCC", "bme:VIN")
                .net("GND", "esp:GND", "bme:GND", "oled:GND")
                .validate();
        assertThat(r.of("pintype.undriven-power")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.nets()).containsExactly("VCC");
            assertThat(f.pins()).containsExactly("bme:VIN");
            assertThat(f.fix()).contains("net 3V3").contains("esp:3V3");
        });
        ValidationReport fed = Sketch.of().part("esp", "esp32-devkit-v1").part("bme", "bme280-module")
                .net("3V3", "esp:3V3", "bme:VIN")
                .net("GND", "esp:GND", "bme:GND")
                .validate();
        assertThat(fed.fired("pintype.undriven-power")).as(fed.text()).isFalse();
    }

    @Test
    void aCapacitorDoesNotSupplyButADiodeAndASwitchPassTheSupplyOn() {
        ValidationReport viaCap = Sketch.of().part("bat", "battery-9v").part("U1", "lm7805").c("C1", "100n")
                .net("VBAT", "bat:+", "C1:1")
                .net("VIN", "C1:2", "U1:IN")
                .net("GND", "bat:-", "U1:GND")
                .validate();
        assertThat(viaCap.of("pintype.undriven-power")).singleElement()
                .satisfies(f -> assertThat(f.nets()).containsExactly("VIN"));
        ValidationReport viaDiode = Sketch.of().part("bat", "battery-9v").part("U1", "lm7805")
                .part("sw", "slide-switch").device("D1", ComponentKind.DIODE, "1N5819", "1n5819")
                .net("VBAT", "bat:+", "sw:COM")
                .net("VSW", "sw:A", "D1:A")
                .net("VIN", "D1:K", "U1:IN")
                .net("GND", "bat:-", "U1:GND")
                .validate();
        assertThat(viaDiode.fired("pintype.undriven-power")).as(viaDiode.text()).isFalse();
    }

    @Test
    void aConnectorBringsPowerFromOffTheBoard() {
        Part jack = Sketch.validator().resolver().lookup("kicad:Connector:Barrel_Jack");
        Component j1 = Component.builder("J1", ComponentKind.PART).part("kicad:Connector:Barrel_Jack")
                .pins(KnowledgeBasePins.pinsOf(jack)).build();
        ValidationReport r = Sketch.of().add(j1).part("U1", "lm7805").part("uno", "arduino-uno-r3")
                .net("VIN", "J1:1", "U1:IN")
                .net("5V", "U1:OUT", "uno:5V")
                .net("GND", "J1:2", "U1:GND", "uno:GND")
                .validate();
        assertThat(r.fired("pintype.undriven-power")).as(r.text()).isFalse();
        ValidationReport resistor = Sketch.of().r("R1", "0").part("U1", "lm7805").part("uno", "arduino-uno-r3")
                .net("VIN", "R1:1", "U1:IN")
                .net("5V", "U1:OUT", "uno:5V")
                .net("GND", "R1:2", "U1:GND", "uno:GND")
                .validate();
        assertThat(resistor.of("pintype.undriven-power")).singleElement()
                .satisfies(f -> assertThat(f.nets()).containsExactly("VIN"));
    }

    @Test
    void aBoardsOwnPowerInputNeedNotBeFedAndGroundIsTheReference() {
        ValidationReport r = Sketch.of().part("esp", "esp32-devkit-v1").c("C1", "10u")
                .net("VIN", "esp:VIN", "C1:1")
                .net("N1", "esp:GND", "C1:2")
                .validate();
        assertThat(r.fired("pintype.undriven-power")).as(r.text()).isFalse();
    }

    @Test
    void aSensorPoweredFromAGpioIsOnlyAWarning() {
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3").part("soil", "soil-moisture-sensor")
                .net("SOILPWR", "uno:7", "soil:VCC")
                .net("GND", "uno:GND", "soil:GND")
                .net("SOIL", "uno:A0", "soil:AO")
                .validate();
        assertThat(r.of("pintype.undriven-power")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.pins()).containsExactly("soil:VCC", "uno:D7");
        });
    }

    // ---- pintype.input-undriven --------------------------------------------------------------------------------

    @Test
    void inputsJoinedOnlyToEachOtherAreAWarning() {
        ValidationReport r = Sketch.of().part("esp", "esp32-devkit-v1").part("bme", "bme280-module")
                .part("oled", "ssd1306-i2c-oled")
                .net("3V3", "esp:3V3", "bme:VIN", "oled:VCC")
                .net("GND", "esp:GND", "bme:GND", "oled:GND")
                .net("SDA", "esp:D21", "bme:SDA", "oled:SDA")
                .net("SCL", "bme:SCL", "oled:SCL")
                .validate();
        assertThat(r.of("pintype.input-undriven")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.nets()).containsExactly("SCL");
            assertThat(f.pins()).containsExactly("bme:SCL", "oled:SCL");
        });
        ValidationReport driven = Sketch.of().part("esp", "esp32-devkit-v1").part("bme", "bme280-module")
                .part("oled", "ssd1306-i2c-oled")
                .net("3V3", "esp:3V3", "bme:VIN", "oled:VCC")
                .net("GND", "esp:GND", "bme:GND", "oled:GND")
                .net("SDA", "esp:D21", "bme:SDA", "oled:SDA")
                .net("SCL", "esp:D22", "bme:SCL", "oled:SCL")
                .validate();
        assertThat(driven.fired("pintype.input-undriven")).as(driven.text()).isFalse();
        assertThat(ours(driven)).as(driven.text()).isEmpty();
    }

    @Test
    void everyPinTypeRuleIsRegistered() {
        assertThat(Rules.of(RuleGroup.PIN_TYPES)).extracting(r -> r.id()).containsExactly(
                "pintype.conflict", "pintype.questionable", "pintype.undriven-power", "pintype.input-undriven");
    }

    // ---- circuits ----------------------------------------------------------------------------------------------

    /** A 9 V battery, an LM7805 on the 5V rail with an Uno, and a second pin ({@code other}) on that rail. */
    private static Sketch twoSupplies(String other) {
        return Sketch.of().part("bat", "battery-9v").part("U1", "lm7805").part("U2", "lm2940-5")
                .part("uno", "arduino-uno-r3")
                .net("VBAT", "bat:+", "U1:IN", "U2:IN")
                .net("5V", "U1:OUT", "uno:5V", other)
                .net("GND", "bat:-", "U1:GND", "U2:GND", "uno:GND");
    }
}
