package dev.kirchhoff.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.validation.Finding;
import dev.kirchhoff.validation.RuleGroup;
import dev.kirchhoff.validation.Rules;
import dev.kirchhoff.validation.Severity;
import dev.kirchhoff.validation.Sketch;
import dev.kirchhoff.validation.ValidationReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartRulesTest {

    private static final String LED_RESISTOR = "part.led-resistor";
    private static final String LED_CURRENT = "part.led-current";
    private static final String GPIO_CURRENT = "part.gpio-current";
    private static final String FLYBACK = "part.flyback";
    private static final String MOSFET_GATE = "part.mosfet-gate";
    private static final String BASE_RESISTOR = "part.bjt-base-resistor";
    private static final String DECOUPLING = "part.decoupling";
    private static final String FLOATING = "part.floating-input";
    private static final String LOAD_OPEN = "part.load-unconnected";
    private static final String REQUIRED_OPEN = "part.required-input-open";

    /** Uno D13 through a resistor (or none) to a red LED to GND: the blink circuit. */
    private static ValidationReport blink(String ohms, String pin) {
        Sketch s = Sketch.of().part("uno", "arduino-uno-r3").device("D1", ComponentKind.LED, null, "led-red");
        if (ohms == null) {
            s.net("LED", "uno:" + pin, "D1:A");
        } else {
            s.r("R1", ohms).net("LED", "uno:" + pin, "R1:1").net("LED_A", "R1:2", "D1:A");
        }
        return s.net("GND", "D1:K", "uno:GND.1").validate();
    }

    /** ESP32 GPIO13 through 100 Ω to a MOSFET's gate with 10 kΩ pull-down, switching a 12 V load on the low side. */
    private static Sketch lowSide(String mosfet, String load, boolean pullDown, String diode) {
        Sketch s = Sketch.of().part("esp", "esp32-devkit-v1").part("psu", "dc-power-adapter-12v")
                .r("R1", "100").part("Q1", mosfet).part("M1", load)
                .net("CTRL", "esp:D13", "R1:1");
        if (pullDown) {
            s.r("R2", "10k").net("GATE", "R1:2", "Q1:G", "R2:1").net("GND", "esp:GND.1", "psu:-", "Q1:S", "R2:2");
        } else {
            s.net("GATE", "R1:2", "Q1:G").net("GND", "esp:GND.1", "psu:-", "Q1:S");
        }
        if (diode == null) {
            return s.net("12V", "psu:+", "M1:+").net("SW", "M1:-", "Q1:D");
        }
        s.device("D1", ComponentKind.DIODE, null, "1n4007");
        return diode.equals("right")
                ? s.net("12V", "psu:+", "M1:+", "D1:K").net("SW", "M1:-", "Q1:D", "D1:A")
                : s.net("12V", "psu:+", "M1:+", "D1:A").net("SW", "M1:-", "Q1:D", "D1:K");
    }

    /** Errors of the power and part rules: what an ordinary, correct design must not get from them. */
    private static List<Finding> powerAndPartErrors(ValidationReport r) {
        return r.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .filter(f -> Rules.groupOf(f.rule()) == RuleGroup.POWER || Rules.groupOf(f.rule()) == RuleGroup.PARTS)
                .toList();
    }

    private static List<Finding> errorsOf(ValidationReport r, String id) {
        return r.of(id).stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    // part.led-resistor

    @Test
    void ledStraightFromAGpioToGroundHasNoSeriesResistance() {
        ValidationReport r = blink(null, "13");
        assertThat(r.of(LED_RESISTOR)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.components()).containsExactly("D1");
            assertThat(f.pins()).contains("D1:A", "D1:K", "uno:D13");
            assertThat(f.nets()).containsExactly("LED", "GND");
            // (5 V - 2 V) / (0.75 x 20 mA) = 200 Ω, next E12 value 220 Ω
            assertThat(f.fix()).contains("= 200 Ω, so 220 Ω");
        });
    }

    @Test
    void ledStraightAcrossARailIsAlsoBare() {
        ValidationReport r = Sketch.of().part("esp", "esp32-devkit-v1").device("D1", ComponentKind.LED, null,
                        "led-green")
                .net("3V3", "esp:3V3", "D1:A").net("GND", "D1:K", "esp:GND.1").validate();
        assertThat(r.of(LED_RESISTOR)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.nets()).containsExactly("3V3", "GND");
            assertThat(f.message()).contains("Vf 2.2 V");
        });
    }

    @Test
    void theUnoBlinkCircuitWith220OhmPassesEveryPartRule() {
        ValidationReport r = blink("220", "13");
        assertThat(r.fired(LED_RESISTOR)).isFalse();
        assertThat(r.fired(LED_CURRENT)).isFalse();
        assertThat(r.fired(GPIO_CURRENT)).isFalse();
        assertThat(powerAndPartErrors(r)).as(r.text()).isEmpty();
    }

    @Test
    void ledsBehindATransistorAreNotJudged() {
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3").device("D1", ComponentKind.LED, null, "led-red")
                .r("R1", "1k").part("Q1", "2n2222")
                .net("5V", "uno:5V", "D1:A").net("K", "D1:K", "Q1:C").net("B", "R1:2", "Q1:B")
                .net("CTRL", "uno:9", "R1:1").net("GND", "Q1:E", "uno:GND.1").validate();
        assertThat(r.fired(LED_RESISTOR)).isFalse();
    }

    // part.led-current

    @Test
    void sixtyEightOhmsFromFiveVoltsOverdrivesARedLed() {
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3").r("R1", "68")
                .device("D1", ComponentKind.LED, null, "led-red")
                .net("5V", "uno:5V", "R1:1").net("A", "R1:2", "D1:A").net("GND", "D1:K", "uno:GND.1").validate();
        assertThat(r.of(LED_CURRENT)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.components()).containsExactly("D1", "R1");
            assertThat(f.nets()).containsExactly("5V", "GND");
            // (5 V - 2.0 V) / 68 Ω = 44.1 mA against ifMax 30 mA
            assertThat(f.message()).contains("44.1 mA", "R1 = 68 Ω", "Vf 2 V", "30 mA");
            assertThat(f.fix()).contains("150 Ω");
        });
    }

    @Test
    void aHundredOhmsFromAnUnoPinIsWithinTheLedButOverThePin() {
        ValidationReport r = blink("100", "9");
        assertThat(r.of(LED_CURRENT)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.pins()).containsExactly("uno:D9");
            assertThat(f.message()).contains("sources 30 mA", "rated 20 mA");
            assertThat(f.fix()).contains("150 Ω");
        });
    }

    @Test
    void anLedWithoutPartDataUsesTwoVoltsAndTwentyMilliamps() {
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3").r("R1", "100").prim("D1", ComponentKind.LED,
                        null)
                .net("5V", "uno:5V", "R1:1").net("A", "R1:2", "D1:A").net("GND", "D1:K", "uno:GND.1").validate();
        assertThat(r.of(LED_CURRENT)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("30 mA", "its rating is 20 mA"));
    }

    @Test
    void twoHundredTwentyOhmsFromThreePointThreeVoltsIsFine() {
        ValidationReport r = Sketch.of().part("esp", "esp32-devkit-v1").r("R1", "220")
                .device("D1", ComponentKind.LED, null, "led-red")
                .net("LED", "esp:D2", "R1:1").net("A", "R1:2", "D1:A").net("GND", "D1:K", "esp:GND.1").validate();
        assertThat(r.fired(LED_CURRENT)).isFalse();
        assertThat(r.fired(LED_RESISTOR)).isFalse();
    }

    // part.gpio-current

    @Test
    void aMotorStraightOnAGpioIsOverThePinsLimit() {
        ValidationReport r = Sketch.of().part("esp", "esp32-devkit-v1").part("M1", "dc-motor")
                .net("MOTOR", "esp:D13", "M1:+").net("GND", "M1:-", "esp:GND.1").validate();
        assertThat(r.of(GPIO_CURRENT)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.components()).containsExactly("M1");
            assertThat(f.pins()).contains("esp:GPIO13");
            assertThat(f.message()).contains("200 mA", "up to 1 A", "rated 20 mA");
        });
    }

    @Test
    void aSpeakerDrawsWhatItsResistanceLets() {
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3").part("LS1", "speaker-8-ohm")
                .net("SPK", "uno:8", "LS1:+").net("GND", "LS1:-", "uno:GND.1").validate();
        assertThat(r.of(GPIO_CURRENT)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("625 mA", "5 V across 8 Ω"));
    }

    @Test
    void aPassiveBuzzerAtItsRatedTwentyMilliampsIsWithinAnUnoPin() {
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3").part("BZ1", "buzzer-passive")
                .net("BUZ", "uno:8", "BZ1:+").net("GND", "BZ1:-", "uno:GND.1").validate();
        assertThat(r.fired(GPIO_CURRENT)).isFalse();
    }

    @Test
    void aHundredOhmResistorToGroundDrawsFiftyMilliampsFromAFiveVoltPin() {
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3").r("R1", "100")
                .net("OUT", "uno:7", "R1:1").net("GND", "R1:2", "uno:GND.1").validate();
        assertThat(r.of(GPIO_CURRENT)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.components()).containsExactly("R1");
            assertThat(f.pins()).containsExactly("uno:D7");
            assertThat(f.message()).contains("50 mA", "when the pin is high");
            assertThat(f.fix()).contains("270 Ω");
        });
    }

    @Test
    void aTenKiloOhmPullDownAndARelayModuleAreLightLoads() {
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3").r("R1", "10k").part("K1", "relay-module-1ch")
                .net("OUT", "uno:7", "R1:1", "K1:IN").net("GND", "R1:2", "uno:GND.1", "K1:GND")
                .net("5V", "uno:5V", "K1:VCC").validate();
        assertThat(r.fired(GPIO_CURRENT)).isFalse();
        assertThat(r.fired(FLYBACK)).isFalse();
    }

    // part.flyback

    @Test
    void aSolenoidSwitchedByAMosfetWithoutADiodeDestroysTheMosfet() {
        ValidationReport r = lowSide("irlz44n", "solenoid-12v", true, null).validate();
        assertThat(r.of(FLYBACK)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.components()).containsExactly("M1", "Q1");
            assertThat(f.nets()).containsExactly("12V", "SW");
            assertThat(f.fix()).contains("cathode to 12V, anode to SW");
        });
    }

    @Test
    void aReversedFlybackDiodeShortsTheSupplyThroughTheSwitch() {
        ValidationReport r = lowSide("irlz44n", "solenoid-12v", true, "reversed").validate();
        assertThat(r.of(FLYBACK)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.components()).contains("D1");
            assertThat(f.message()).contains("wrong way round");
        });
    }

    @Test
    void theEsp32Irlz44nMotorDriverWithItsFlybackDiodeHasNoPartError() {
        ValidationReport r = lowSide("irlz44n", "fan-12v", true, "right").validate();
        assertThat(r.fired(FLYBACK)).isFalse();
        assertThat(r.fired(GPIO_CURRENT)).isFalse();
        assertThat(errorsOf(r, MOSFET_GATE)).isEmpty();
        assertThat(powerAndPartErrors(r)).as(r.text()).isEmpty();
    }

    @Test
    void aRelayCoilSwitchedByAGpioDrivenTransistorNeedsItsDiode() {
        Sketch coil = Sketch.of().part("uno", "arduino-uno-r3").r("RB", "1k").part("Q1", "2n2222").l("K1", "100m")
                .net("CTRL", "uno:7", "RB:1").net("B", "RB:2", "Q1:B").net("5V", "uno:5V", "K1:1")
                .net("COIL", "K1:2", "Q1:C").net("GND", "Q1:E", "uno:GND.1");
        assertThat(coil.validate().of(FLYBACK)).singleElement().satisfies(f -> {
            assertThat(f.components()).containsExactly("K1", "Q1");
            assertThat(f.fix()).contains("cathode to 5V, anode to COIL");
        });
        ValidationReport clamped = coil.device("D1", ComponentKind.DIODE, null, "1n4148")
                .net("5V", "D1:K").net("COIL", "D1:A").validate();
        assertThat(clamped.fired(FLYBACK)).isFalse();
    }

    @Test
    void inductorsInTransistorLevelNetlistsAreNotSwitchedLoads() {
        ValidationReport r = Sketch.of().v("V1", "5").l("L1", "22u")
                .device("M1", ComponentKind.MOSFET, "IRLZ44N", null).device("D1", ComponentKind.DIODE, "1N5819", null)
                .c("C1", "47u").r("RL", "100").v("VG", "PULSE(0 5 0 10n 10n 5u 10u)")
                .net("0", "V1:-", "M1:S", "M1:B", "C1:2", "RL:2", "VG:-").net("VIN", "V1:+", "L1:1")
                .net("SW", "L1:2", "M1:D", "D1:A").net("VOUT", "D1:K", "C1:1", "RL:1").net("G", "VG:+", "M1:G")
                .validate();
        assertThat(r.fired(FLYBACK)).isFalse();
    }

    // part.mosfet-gate

    @Test
    void anIrf540nFromAThreePointThreeVoltPinMayNotTurnOn() {
        ValidationReport r = lowSide("irf540n", "solenoid-12v", true, "right").validate();
        assertThat(r.of(MOSFET_GATE)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.components()).containsExactly("Q1");
            assertThat(f.pins()).containsExactly("esp:GPIO13");
            assertThat(f.message()).contains("3.3 V", "up to 4 V", "may not turn on");
        });
    }

    @Test
    void anIrf540nFromAFiveVoltPinIsNotLogicLevel() {
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3").r("R1", "220").r("R2", "10k")
                .part("Q1", "irf540n")
                .net("CTRL", "uno:9", "R1:1").net("GATE", "R1:2", "Q1:G", "R2:1")
                .net("GND", "uno:GND.1", "Q1:S", "R2:2").validate();
        assertThat(r.of(MOSFET_GATE)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("not a logic-level MOSFET", "10 V");
        });
    }

    @Test
    void anIrlz44nFromThreePointThreeVoltsIsOnlyAWarningAndAnAo3400IsFine() {
        ValidationReport irlz = lowSide("irlz44n", "fan-12v", true, "right").validate();
        assertThat(irlz.of(MOSFET_GATE)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("(4 V)");
        });
        assertThat(lowSide("ao3400", "fan-12v", true, "right").validate().fired(MOSFET_GATE)).isFalse();
    }

    @Test
    void aGateWithoutAPullDownFloatsDuringBoot() {
        ValidationReport r = lowSide("ao3400", "fan-12v", false, "right").validate();
        assertThat(r.of(MOSFET_GATE)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.nets()).containsExactly("GATE");
            assertThat(f.pins()).containsExactly("esp:GPIO13", "Q1:G");
            assertThat(f.fix()).contains("10 kΩ from GATE to GND");
        });
    }

    @Test
    void aPullDownOnTheMicrocontrollerSideOfTheGateResistorCounts() {
        ValidationReport r = Sketch.of().part("esp", "esp32-devkit-v1").r("R1", "100").r("R2", "10k")
                .part("Q1", "ao3400")
                .net("CTRL", "esp:D13", "R1:1", "R2:1").net("GATE", "R1:2", "Q1:G")
                .net("GND", "esp:GND.1", "Q1:S", "R2:2").validate();
        assertThat(r.fired(MOSFET_GATE)).isFalse();
    }

    // part.bjt-base-resistor

    @Test
    void aBaseStraightOnAGpioDrawsAllThePinCanGive() {
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3").part("Q1", "2n2222")
                .part("BZ1", "buzzer-active")
                .net("CTRL", "uno:8", "Q1:B").net("5V", "uno:5V", "BZ1:+").net("C", "BZ1:-", "Q1:C")
                .net("GND", "Q1:E", "uno:GND.1").validate();
        assertThat(r.of(BASE_RESISTOR)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.components()).containsExactly("Q1");
            assertThat(f.pins()).containsExactly("uno:D8", "Q1:B");
            assertThat(f.fix()).contains("1 kΩ");
        });
    }

    @Test
    void aBaseOnTheFiveVoltRailWithTheEmitterGroundedIsAShortThroughTheJunction() {
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3").part("Q1", "bc547")
                .net("5V", "uno:5V", "Q1:B").net("GND", "Q1:E", "uno:GND.1").validate();
        assertThat(r.of(BASE_RESISTOR)).singleElement()
                .satisfies(f -> assertThat(f.nets()).containsExactly("5V", "GND"));
    }

    @Test
    void aOneKiloOhmBaseResistorIsEnough() {
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3").part("Q1", "2n2222").r("RB", "1k")
                .part("BZ1", "buzzer-active")
                .net("CTRL", "uno:8", "RB:1").net("B", "RB:2", "Q1:B").net("5V", "uno:5V", "BZ1:+")
                .net("C", "BZ1:-", "Q1:C").net("GND", "Q1:E", "uno:GND.1").validate();
        assertThat(r.fired(BASE_RESISTOR)).isFalse();
        assertThat(r.fired(GPIO_CURRENT)).isFalse();
    }

    // part.decoupling

    @Test
    void aNe555WithoutACapacitorOnVccIsWarned() {
        ValidationReport r = Sketch.of().part("usb", "usb-power").part("U1", "ne555")
                .net("5V", "usb:VBUS", "U1:VCC", "U1:RESET").net("GND", "usb:GND", "U1:GND").validate();
        assertThat(r.of(DECOUPLING)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.pins()).containsExactly("U1:VCC");
            assertThat(f.nets()).containsExactly("5V");
            assertThat(f.fix()).contains("100 nF");
        });
    }

    @Test
    void aRegulatorWithoutCapacitorsIsToldItsDatasheetValues() {
        ValidationReport r = Sketch.of().part("bat", "battery-9v").part("U1", "lm7805")
                .net("VIN", "bat:+", "U1:IN").net("GND", "bat:-", "U1:GND").net("5V", "U1:OUT").validate();
        assertThat(r.of(DECOUPLING)).extracting(Finding::fix).containsExactly(
                "add 0.33 µF from VIN to GND, close to U1:IN (the part's recommended input capacitor)",
                "add 100 nF from 5V to GND, close to U1:OUT (the part's recommended output capacitor)");
    }

    @Test
    void theLm7805WithItsTwoCapacitorsAndModulesAreNotWarned() {
        ValidationReport r = Sketch.of().part("bat", "battery-9v").part("U1", "lm7805").c("C1", "330n")
                .c("C2", "100n").part("bme", "bme280-module")
                .net("VIN", "bat:+", "U1:IN", "C1:1").net("GND", "bat:-", "U1:GND", "C1:2", "C2:2", "bme:GND")
                .net("5V", "U1:OUT", "C2:1", "bme:VIN").validate();
        assertThat(r.fired(DECOUPLING)).isFalse();
    }

    // part.floating-input

    @Test
    void aButtonToGroundWithoutAPullUpFloats() {
        // GPIO34-39 of the ESP32 have no internal pull-up or pull-down
        ValidationReport r = Sketch.of().part("esp", "esp32-devkit-v1").part("SW1", "push-button")
                .net("BTN", "esp:D34", "SW1:1").net("GND", "SW1:3", "esp:GND.1").validate();
        assertThat(r.of(FLOATING)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.components()).containsExactly("SW1");
            assertThat(f.pins()).containsExactly("esp:GPIO34");
            assertThat(f.nets()).containsExactly("BTN");
            assertThat(f.fix()).contains("10 kΩ from BTN to the 3.3 V rail");
        });
    }

    @Test
    void boardPinsWithAnInternalPullOnlyNeedItEnabled() {
        ValidationReport uno = Sketch.of().part("uno", "arduino-uno-r3").part("SW1", "push-button")
                .net("BTN", "uno:2", "SW1:1").net("GND", "SW1:3", "uno:GND.1").validate();
        assertThat(uno.of(FLOATING)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.fix()).isEqualTo("enable the internal pull-up (INPUT_PULLUP) on uno:D2");
        });
        ValidationReport esp = Sketch.of().part("esp", "esp32-devkit-v1").part("SW1", "push-button")
                .net("BTN", "esp:D4", "SW1:1").net("3V3", "SW1:3", "esp:3V3").validate();
        assertThat(esp.of(FLOATING)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.fix()).isEqualTo("enable the internal pull-down (INPUT_PULLDOWN) on esp:GPIO4");
        });
    }

    @Test
    void aPullThatTheBoardDefeatsIsNotOffered() {
        // the Nano's D13 LED holds the ATmega's pull-up at about 1.7 V; the AVR has no pull-down at all
        ValidationReport led = Sketch.of().part("nano", "arduino-nano").part("SW1", "push-button")
                .net("BTN", "nano:13", "SW1:1").net("GND", "SW1:3", "nano:GND.1").validate();
        assertThat(led.of(FLOATING)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        ValidationReport down = Sketch.of().part("uno", "arduino-uno-r3").part("SW1", "push-button")
                .net("BTN", "uno:2", "SW1:1").net("5V", "SW1:3", "uno:5V").validate();
        assertThat(down.of(FLOATING)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.fix()).contains("GND (a pull-down)");
        });
    }

    @Test
    void aPinWithAnInternalPullUpOnlyNeedsItEnabled() {
        ValidationReport r = Sketch.of().part("U1", "mcp23017").part("SW1", "push-button").part("usb", "usb-power")
                .net("BTN", "U1:GPA0", "SW1:1").net("GND", "SW1:3", "usb:GND").validate();
        assertThat(r.of(FLOATING)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.fix()).contains("INPUT_PULLUP");
        });
    }

    @Test
    void aPullUpOrASlideSwitchBetweenTheRailsHoldsTheInput() {
        ValidationReport pulled = Sketch.of().part("esp", "esp32-devkit-v1").part("SW1", "push-button").r("R1", "10k")
                .net("BTN", "esp:D4", "SW1:1", "R1:1").net("3V3", "esp:3V3", "R1:2")
                .net("GND", "SW1:3", "esp:GND.1").validate();
        assertThat(pulled.fired(FLOATING)).isFalse();
        ValidationReport slide = Sketch.of().part("esp", "esp32-devkit-v1").part("SW1", "slide-switch")
                .net("MODE", "esp:D4", "SW1:COM").net("3V3", "esp:3V3", "SW1:B")
                .net("GND", "SW1:A", "esp:GND.1").validate();
        assertThat(slide.fired(FLOATING)).isFalse();
    }

    // odd input

    @Test
    void oddComponentsAreLeftAlone() {
        ValidationReport r = Sketch.of().prim("D1", ComponentKind.LED, null).prim("Q1", ComponentKind.BJT, null)
                .prim("M1", ComponentKind.MOSFET, null).prim("R1", ComponentKind.RESISTOR, null)
                .part("x", "seven-segment-1-digit")
                .net("N1", "D1:A", "Q1:B", "M1:G", "R1:1").net("GND", "D1:K").validate();
        for (String id : List.of(LED_RESISTOR, LED_CURRENT, GPIO_CURRENT, FLYBACK, MOSFET_GATE, BASE_RESISTOR,
                DECOUPLING, FLOATING)) {
            assertThat(r.fired(id)).as(id).isFalse();
        }
    }

    @Test
    void gateVoltagesAreReadFromParameterNames() {
        assertThat(PartRules.MosfetGate.specifiedGate(java.util.Map.of("vgsRdsOn", 10.0, "rdsOn", 0.04)))
                .isEqualTo(10.0);
        assertThat(PartRules.MosfetGate.specifiedGate(java.util.Map.of("rdsOn5V", 0.025, "rdsOn4V", 0.035)))
                .isEqualTo(4.0);
        assertThat(PartRules.MosfetGate.specifiedGate(java.util.Map.of("vgsRdsOn", 4.5, "rdsOn25", 0.048)))
                .isEqualTo(2.5);
        assertThat(PartRules.MosfetGate.specifiedGate(java.util.Map.of("rdsOn4V5", 5.3, "rdsOnTyp", 1.2)))
                .isEqualTo(4.5);
        assertThat(PartRules.MosfetGate.specifiedGate(java.util.Map.of("rdsOn", 5.0))).isNull();
    }

    /** ESP32 and a 28BYJ-48 stepper whose red common is on 5 V; with {@code driver}, its coils go through a ULN2003. */
    private static ValidationReport stepper(boolean driver) {
        Sketch s = Sketch.of().part("esp", "esp32-devkit-v1").part("M1", "28byj-48");
        if (!driver) {
            return s.net("5V", "esp:VIN", "M1:RED").net("GND", "esp:GND.1").validate();
        }
        s.part("U1", "uln2003-module")
                .net("5V", "esp:VIN", "M1:RED", "U1:VCC").net("GND", "esp:GND.1", "U1:GND")
                .net("IN1", "esp:D13", "U1:IN1").net("IN2", "esp:D14", "U1:IN2")
                .net("IN3", "esp:D27", "U1:IN3").net("IN4", "esp:D26", "U1:IN4")
                .net("C1", "U1:OUT1", "M1:BLUE").net("C2", "U1:OUT2", "M1:PINK")
                .net("C3", "U1:OUT3", "M1:YELLOW").net("C4", "U1:OUT4", "M1:ORANGE");
        return s.validate();
    }

    @Test
    void aStepperWithOnlyItsCommonConnectedHasItsCoilWiresReportedOpen() {
        ValidationReport r = stepper(false);
        assertThat(r.fired(LOAD_OPEN)).as(r.text()).isTrue();
        Finding f = r.of(LOAD_OPEN).get(0);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.pins()).containsExactlyInAnyOrder("M1:BLUE", "M1:PINK", "M1:YELLOW", "M1:ORANGE");
        assertThat(f.message()).contains("M1").contains("M1:BLUE");
        assertThat(f.fix()).contains("driver");
    }

    @Test
    void aStepperWiredThroughAUln2003IsNotReported() {
        ValidationReport r = stepper(true);
        assertThat(r.of(LOAD_OPEN)).as(r.text()).isEmpty();
    }

    @Test
    void aFullyWiredServoIsNotReportedButOneWithoutItsSignalIs() {
        Sketch s = Sketch.of().part("uno", "arduino-uno-r3").part("M1", "sg90")
                .net("5V", "uno:5V", "M1:V+").net("GND", "uno:GND.1", "M1:GND");
        ValidationReport open = s.validate();
        assertThat(open.of(LOAD_OPEN)).as(open.text()).singleElement()
                .satisfies(f -> assertThat(f.pins()).containsExactly("M1:PWM"));
        ValidationReport wired = s.net("SERVO", "uno:D9", "M1:PWM").validate();
        assertThat(wired.of(LOAD_OPEN)).as(wired.text()).isEmpty();
    }

    @Test
    void aRelaysContactsLeftOpenAreNotJudged() {
        ValidationReport r = Sketch.of().part("uno", "arduino-uno-r3").part("K1", "relay-12v")
                .part("psu", "dc-power-adapter-12v").net("12V", "psu:+", "K1:COIL+")
                .net("GND", "uno:GND.1", "psu:-", "K1:COIL-").validate();
        assertThat(r.of(LOAD_OPEN)).as(r.text()).isEmpty();
    }

    /**
     * An Uno steps a NEMA 17 through a DRV8825 carrier on a 12 V adapter: STEP on D3, DIR on D4, EN to GND, the
     * coils on A1/A2 and B1/B2, 100 µF across VMOT; RST and SLP wired as {@code control} says.
     */
    private static Sketch drv8825(String control) {
        Sketch s = Sketch.of().part("uno", "arduino-uno-r3").part("psu", "dc-power-adapter-12v")
                .part("U2", "drv8825-module").part("M1", "nema17-stepper").c("C1", "100u")
                .net("12V", "psu:+", "U2:VMOT", "C1:1")
                .net("GND", "uno:GND.1", "psu:-", "U2:1", "U2:7", "U2:EN", "C1:2")
                .net("STEP", "uno:D3", "U2:STEP").net("DIR", "uno:D4", "U2:DIR")
                .net("A+", "U2:A1", "M1:A+").net("A-", "U2:A2", "M1:A-")
                .net("B+", "U2:B1", "M1:B+").net("B-", "U2:B2", "M1:B-");
        return switch (control) {
            case "high" -> s.net("5V", "uno:5V", "U2:RST", "U2:SLP");
            case "gpio" -> s.net("SLEEP", "uno:D5", "U2:SLP", "U2:RST");
            case "rst-to-slp" -> s.net("RST_SLP", "U2:RST", "U2:SLP");
            default -> s.net("5V", "uno:5V", "U2:SLP");   // RST open: the old designer's wiring
        };
    }

    @Test
    void aDrv8825WithItsResetOpenIsAnErrorNamingThePin() {
        ValidationReport r = drv8825("rst-open").validate();
        assertThat(r.of(REQUIRED_OPEN)).as(r.text()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.pins()).containsExactly("U2:RST");
            assertThat(f.components()).containsExactly("U2");
            assertThat(f.message()).contains("U2:RST").contains("on no net").contains("drv8825-module")
                    .contains("Must be high to run");
            assertThat(f.fix()).contains("tie U2:RST high");
        });
        // the single-pin-net and undriven-input rules do not see a pin that is on no net
        assertThat(r.fired("pintype.input-undriven")).isFalse();
    }

    @Test
    void aDrv8825WithResetAndSleepHighOrOnAGpioIsNotReported() {
        ValidationReport high = drv8825("high").validate();
        assertThat(high.of(REQUIRED_OPEN)).as(high.text()).isEmpty();
        ValidationReport gpio = drv8825("gpio").validate();
        assertThat(gpio.of(REQUIRED_OPEN)).as(gpio.text()).isEmpty();
    }

    @Test
    void aDrv8825WithResetTiedOnlyToSleepIsStillHeldInReset() {
        // both pins are pulled down inside the DRV8825: joined to each other and nothing else they stay low
        ValidationReport r = drv8825("rst-to-slp").validate();
        assertThat(r.of(REQUIRED_OPEN)).as(r.text()).extracting(Finding::pins)
                .containsExactlyInAnyOrder(List.of("U2:RST"), List.of("U2:SLP"));
        assertThat(r.of(REQUIRED_OPEN)).allSatisfy(f -> assertThat(f.nets()).containsExactly("RST_SLP"));
    }

    @Test
    void anA4988WithResetTiedToItsPulledUpSleepIsNotReportedButWithResetOpenItIs() {
        Sketch s = Sketch.of().part("uno", "arduino-uno-r3").part("psu", "dc-power-adapter-12v")
                .part("U2", "a4988-module")
                .net("12V", "psu:+", "U2:VMOT").net("5V", "uno:5V", "U2:VDD")
                .net("GND", "uno:GND.1", "psu:-", "U2:1", "U2:7")
                .net("STEP", "uno:D3", "U2:STEP").net("DIR", "uno:D4", "U2:DIR");
        ValidationReport open = s.validate();
        assertThat(open.of(REQUIRED_OPEN)).as(open.text()).singleElement()
                .satisfies(f -> assertThat(f.pins()).containsExactly("U2:RESET"));
        // the carrier pulls SLEEP up, so SLEEP is not must-drive and RESET on it is held high
        ValidationReport tied = s.net("RST", "U2:RESET", "U2:SLEEP").validate();
        assertThat(tied.of(REQUIRED_OPEN)).as(tied.text()).isEmpty();
    }
}
