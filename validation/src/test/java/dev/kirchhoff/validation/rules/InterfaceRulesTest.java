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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The interface rules on small real circuits: each fires on a broken one and stays silent on a close correct one. */
class InterfaceRulesTest {

    /** An ESP32 DevKit with its supply nets; pins are added by each test. */
    private static Sketch esp32() {
        return Sketch.of().part("esp", "esp32-devkit-v1");
    }

    /** An Arduino Uno. */
    private static Sketch uno() {
        return Sketch.of().part("uno", "arduino-uno-r3");
    }

    private static Finding only(ValidationReport r, String rule) {
        assertThat(r.of(rule)).as(r.text()).hasSize(1);
        return r.of(rule).get(0);
    }

    /** No finding of the interface group is an error. */
    private static void noInterfaceErrors(ValidationReport r) {
        assertThat(r.findings()).as(r.text())
                .noneMatch(f -> Rules.groupOf(f.rule()) == RuleGroup.INTERFACES && f.severity() == Severity.ERROR);
    }

    @Nested
    class OrdinaryDesignsPass {

        @Test
        void esp32WithBme280AndSsd1306OnGpio21And22() {
            ValidationReport r = esp32().part("bme", "bme280-module").part("oled", "ssd1306-i2c-oled")
                    .net("3V3", "esp:3V3", "bme:VIN", "oled:VCC")
                    .net("GND", "esp:GND.1", "bme:GND", "oled:GND")
                    .net("SDA", "esp:D21", "bme:SDA", "oled:SDA")
                    .net("SCL", "esp:D22", "bme:SCL", "oled:SCL")
                    .validate();
            noInterfaceErrors(r);
            assertThat(r.findings()).noneMatch(f -> Rules.groupOf(f.rule()) == RuleGroup.INTERFACES);
        }

        @Test
        void unoWithTwoSpiDevicesSelectedOnD10AndD9() {
            ValidationReport r = uno().part("sd", "microsd-card-module").part("radio", "nrf24l01")
                    .net("5V", "uno:5V", "sd:VCC").net("3V3", "uno:3V3", "radio:VCC")
                    .net("GND", "uno:GND.1", "sd:GND", "radio:GND")
                    .net("SCK", "uno:13", "sd:SCK", "radio:SCK")
                    .net("MOSI", "uno:11", "sd:MOSI", "radio:MOSI")
                    .net("MISO", "uno:12", "sd:MISO", "radio:MISO")
                    .net("SD_CS", "uno:10", "sd:CS")
                    .net("RADIO_CSN", "uno:9", "radio:CSN")
                    .net("RADIO_CE", "uno:8", "radio:CE")
                    .validate();
            noInterfaceErrors(r);
            assertThat(r.fired("interface.spi-cs")).isFalse();
        }

        @Test
        void unoTxToGpsRxAndRxFromGpsTx() {
            ValidationReport r = uno().part("gps", "neo-6m-gps-module")
                    .net("5V", "uno:5V", "gps:VCC").net("GND", "uno:GND.1", "gps:GND")
                    .net("GPS_RX", "uno:1", "gps:RX")
                    .net("GPS_TX", "uno:0", "gps:TX")
                    .validate();
            noInterfaceErrors(r);
            assertThat(r.fired("interface.uart-crossed")).isFalse();
        }

        @Test
        void esp32Lm35OnInputOnlyGpio34() {
            ValidationReport r = esp32().part("t", "lm35")
                    .net("5V", "esp:VIN", "t:+VS").net("GND", "esp:GND.1", "t:GND")
                    .net("TEMP", "esp:D34", "t:VOUT")
                    .validate();
            noInterfaceErrors(r);
            assertThat(r.fired("interface.adc-pin")).isFalse();
            assertThat(r.fired("interface.input-only")).isFalse();
        }

        @Test
        void esp32C3DefaultI2cPinsHeldHighByTheModulePullUpsBootNormally() {
            ValidationReport r = Sketch.of().part("c3", "esp32-c3-devkitm-1").part("bme", "bme280-module")
                    .net("3V3", "c3:3V3.1", "bme:VIN").net("GND", "c3:GND.1", "bme:GND")
                    .net("SDA", "c3:IO8", "bme:SDA").net("SCL", "c3:IO9", "bme:SCL")
                    .validate();
            noInterfaceErrors(r);
            assertThat(r.fired("interface.strapping-pin")).as(r.text()).isFalse();
        }
    }

    @Nested
    class I2cPins {

        @Test
        void sdaOnAnUnoPinWithoutI2cIsAnError() {
            ValidationReport r = uno().part("bme", "bme280-module")
                    .net("SDA", "uno:2", "bme:SDA").net("SCL", "uno:A5", "bme:SCL").validate();
            Finding f = only(r, "interface.i2c-pins");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.nets()).containsExactly("SDA");
            assertThat(f.pins()).containsExactly("uno:D2", "bme:SDA");
            assertThat(f.fix()).contains("A4");
        }

        @Test
        void unoA4AndA5OrTheSecondSdaHeaderPinAreRight() {
            ValidationReport r = uno().part("bme", "bme280-module").part("oled", "ssd1306-i2c-oled")
                    .net("SDA", "uno:A4", "uno:A4.2", "bme:SDA", "oled:SDA")
                    .net("SCL", "uno:A5", "bme:SCL", "oled:SCL").validate();
            assertThat(r.fired("interface.i2c-pins")).as(r.text()).isFalse();
        }

        @Test
        void sdaWiredToAnotherModulesSclIsCrossed() {
            ValidationReport r = esp32().part("bme", "bme280-module").part("oled", "ssd1306-i2c-oled")
                    .net("SDA", "esp:D21", "bme:SDA", "oled:SCL")
                    .net("SCL", "esp:D22", "bme:SCL", "oled:SDA").validate();
            assertThat(r.of("interface.i2c-pins")).as(r.text()).hasSize(2)
                    .allSatisfy(f -> assertThat(f.message()).contains("crossed"))
                    .anySatisfy(f -> assertThat(f.pins()).containsExactly("bme:SDA", "oled:SCL"));
        }

        @Test
        void esp32RoutesI2cToAnyOutputPinButNotToInputOnlyGpio34() {
            ValidationReport swapped = esp32().part("bme", "bme280-module")
                    .net("SDA", "esp:D22", "bme:SDA").net("SCL", "esp:D21", "bme:SCL").validate();
            assertThat(swapped.fired("interface.i2c-pins")).isFalse();
            ValidationReport input = esp32().part("bme", "bme280-module")
                    .net("SDA", "esp:D21", "bme:SDA").net("SCL", "esp:D34", "bme:SCL").validate();
            assertThat(only(input, "interface.i2c-pins").pins()).containsExactly("esp:GPIO34", "bme:SCL");
        }

        @Test
        void aBme280WiredForSpiIsNotAnI2cDevice() {
            ValidationReport r = uno().part("bme", "bme280-module")
                    .net("SCK", "uno:13", "bme:SCL").net("MOSI", "uno:11", "bme:SDA")
                    .net("MISO", "uno:12", "bme:SDO").net("CS", "uno:10", "bme:CSB").validate();
            assertThat(r.fired("interface.i2c-pins")).as(r.text()).isFalse();
            assertThat(r.fired("interface.i2c-pullup-missing")).isFalse();
        }
    }

    @Nested
    class I2cPullups {

        @Test
        void aBareEepromOnTheBusHasNoPullUp() {
            ValidationReport r = esp32().part("rom", "at24c256")
                    .net("3V3", "esp:3V3", "rom:VCC").net("GND", "esp:GND.1", "rom:GND")
                    .net("SDA", "esp:D21", "rom:SDA").net("SCL", "esp:D22", "rom:SCL").validate();
            assertThat(r.of("interface.i2c-pullup-missing")).as(r.text()).hasSize(2)
                    .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR))
                    .anySatisfy(f -> {
                        assertThat(f.nets()).containsExactly("SDA");
                        assertThat(f.pins()).contains("esp:GPIO21", "rom:SDA");
                        assertThat(f.fix()).isEqualTo("add 4.7 kΩ from SDA to 3V3 (3.3 V)");
                    });
        }

        @Test
        void discretePullUpsOrAModulesOnBoardPullUpsAreEnough() {
            ValidationReport discrete = esp32().part("rom", "at24c256").r("R1", "4.7k").r("R2", "4.7k")
                    .net("3V3", "esp:3V3", "rom:VCC", "R1:1", "R2:1").net("GND", "esp:GND.1", "rom:GND")
                    .net("SDA", "esp:D21", "rom:SDA", "R1:2").net("SCL", "esp:D22", "rom:SCL", "R2:2").validate();
            assertThat(discrete.fired("interface.i2c-pullup-missing")).as(discrete.text()).isFalse();
            ValidationReport module = esp32().part("rom", "at24c256").part("bme", "bme280-module")
                    .net("SDA", "esp:D21", "rom:SDA", "bme:SDA").net("SCL", "esp:D22", "rom:SCL", "bme:SCL")
                    .validate();
            assertThat(module.fired("interface.i2c-pullup-missing")).isFalse();
        }

        @Test
        void aPullDownIsNotAPullUp() {
            ValidationReport r = esp32().part("rom", "at24c256").r("R1", "4.7k").r("R2", "4.7k")
                    .net("GND", "esp:GND.1", "rom:GND", "R1:1", "R2:1")
                    .net("SDA", "esp:D21", "rom:SDA", "R1:2").net("SCL", "esp:D22", "rom:SCL", "R2:2").validate();
            assertThat(r.of("interface.i2c-pullup-missing")).hasSize(2);
        }

        @Test
        void stackedModulePullUpsAndADiscreteOneAreTooStrongAt3V3() {
            ValidationReport r = esp32().part("mpu", "mpu6050-module").part("oled", "ssd1306-i2c-oled")
                    .r("R1", "2.2k")
                    .net("3V3", "esp:3V3", "mpu:VCC", "oled:VCC", "R1:1").net("GND", "esp:GND.1", "mpu:GND", "oled:GND")
                    .net("SDA", "esp:D21", "mpu:SDA", "oled:SDA", "R1:2").net("SCL", "esp:D22", "mpu:SCL", "oled:SCL")
                    .validate();
            Finding f = only(r, "interface.i2c-pullup-strong");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.nets()).containsExactly("SDA");
            assertThat(f.components()).containsExactly("R1");
            assertThat(f.message()).contains("3 pull-ups in parallel").contains("= 891 Ω").contains("sink 3.25 mA")
                    .contains("at 3.3 V the pull-ups together must be at least 967 Ω");
            assertThat(f.fix()).startsWith("remove R1");
        }

        @Test
        void threeModulesOnA5VBusAddUpBelow1k53() {
            ValidationReport r = uno().part("mpu", "mpu6050-module").part("oled", "ssd1306-i2c-oled")
                    .part("rtc", "ds3231-module")
                    .net("5V", "uno:5V", "mpu:VCC", "oled:VCC", "rtc:5").net("GND", "uno:GND.1", "mpu:GND", "oled:GND")
                    .net("SDA", "uno:A4", "mpu:SDA", "oled:SDA", "rtc:SDA").net("SCL", "uno:A5", "mpu:SCL")
                    .validate();
            Finding f = only(r, "interface.i2c-pullup-strong");
            assertThat(f.nets()).containsExactly("SDA");
            // 2.9 V / 2.2k from the MPU6050's 3.3 V regulator, 4.6 V / 4.7k twice from the 5 V rail
            assertThat(f.message()).contains("3 pull-ups").contains("sink 3.28 mA").contains("at 5 V")
                    .contains("1.53 kΩ");
            assertThat(f.fix()).contains("all but one module");
        }

        @Test
        void aModulePulledTo3V3OnA5VBusAddsLessCurrent() {
            // 1.5 kOhm together is below 1.53 kOhm, but the MPU6050's 2.2k goes to 3.3 V: 1.3 + 1.0 mA
            ValidationReport r = uno().part("mpu", "mpu6050-module").part("oled", "ssd1306-i2c-oled")
                    .net("5V", "uno:5V", "mpu:VCC", "oled:VCC")
                    .net("SDA", "uno:A4", "mpu:SDA", "oled:SDA").net("SCL", "uno:A5", "mpu:SCL", "oled:SCL")
                    .validate();
            assertThat(r.fired("interface.i2c-pullup-strong")).as(r.text()).isFalse();
        }

        @Test
        void twoModulesAt3V3StayAboveTheLimit() {
            ValidationReport r = esp32().part("mpu", "mpu6050-module").part("oled", "ssd1306-i2c-oled")
                    .net("3V3", "esp:3V3", "mpu:VCC", "oled:VCC")
                    .net("SDA", "esp:D21", "mpu:SDA", "oled:SDA").net("SCL", "esp:D22", "mpu:SCL", "oled:SCL")
                    .validate();
            assertThat(r.fired("interface.i2c-pullup-strong")).as(r.text()).isFalse();
        }
    }

    @Nested
    class I2cAddress {

        private Sketch twoBme(String sdo2Net) {
            Sketch s = esp32().part("bme1", "bme280-module").part("bme2", "bme280-module")
                    .net("3V3", "esp:3V3", "bme1:VIN", "bme2:VIN").net("GND", "esp:GND.1", "bme1:GND", "bme2:GND")
                    .net("SDA", "esp:D21", "bme1:SDA", "bme2:SDA").net("SCL", "esp:D22", "bme1:SCL", "bme2:SCL");
            if (sdo2Net != null) {
                s.net(sdo2Net, "bme2:SDO");
            }
            return s;
        }

        @Test
        void twoBme280WithSdoOpenBothAnswerAt0x76() {
            ValidationReport r = twoBme(null).validate();
            Finding f = only(r, "interface.i2c-address");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.nets()).containsExactly("SDA");
            assertThat(f.components()).containsExactly("bme1", "bme2");
            assertThat(f.message()).contains("0x76");
            assertThat(f.fix()).contains("tie bme2:SDO to its supply (VDD) to move it to 0x77").contains("TCA9548A");
        }

        @Test
        void sdoTiedTo3V3MovesTheSecondBme280To0x77() {
            assertThat(twoBme("3V3").validate().fired("interface.i2c-address")).isFalse();
        }

        @Test
        void sdoTiedToGroundKeeps0x76() {
            ValidationReport r = twoBme("GND").validate();
            assertThat(only(r, "interface.i2c-address").message()).contains("SDO tied to ground (GND)");
        }

        @Test
        void sdoPulledUpThroughAResistorCountsAsHigh() {
            ValidationReport r = twoBme("ADDR2").r("R1", "10k").net("ADDR2", "R1:1").net("3V3", "R1:2").validate();
            assertThat(r.fired("interface.i2c-address")).as(r.text()).isFalse();
        }

        @Test
        void anAddressPinDrivenByAGpioCannotBeToldAndIsLeftOut() {
            assertThat(twoBme("SEL").net("SEL", "esp:D4").validate().fired("interface.i2c-address")).isFalse();
        }

        @Test
        void mpu6050AndDs3231RtcBothTake0x68() {
            ValidationReport r = esp32().part("mpu", "mpu6050-module").part("rtc", "ds3231-module")
                    .net("SDA", "esp:D21", "mpu:SDA", "rtc:SDA").net("SCL", "esp:D22", "mpu:SCL", "rtc:SCL")
                    .validate();
            Finding f = only(r, "interface.i2c-address");
            assertThat(f.message()).contains("0x68");
            assertThat(f.components()).containsExactlyInAnyOrder("mpu", "rtc");
            assertThat(f.fix()).contains("mpu:AD0").contains("0x69");
        }

        @Test
        void ads1115AddrToSdaGives0x4A() {
            Sketch s = esp32().part("adc1", "ads1115-module").part("adc2", "ads1115-module")
                    .net("SDA", "esp:D21", "adc1:SDA", "adc2:SDA", "adc2:ADDR")
                    .net("SCL", "esp:D22", "adc1:SCL", "adc2:SCL");
            assertThat(s.validate().fired("interface.i2c-address")).isFalse();
            ValidationReport both = esp32().part("adc1", "ads1115-module").part("adc2", "ads1115-module")
                    .net("SDA", "esp:D21", "adc1:SDA", "adc2:SDA").net("SCL", "esp:D22", "adc1:SCL", "adc2:SCL")
                    .validate();
            assertThat(only(both, "interface.i2c-address").message()).contains("0x48");
        }

        @Test
        void tca9548aAddressBitsAddUp() {
            ValidationReport same = esp32().part("mux1", "tca9548a-module").part("mux2", "tca9548a-module")
                    .net("SDA", "esp:D21", "mux1:SDA", "mux2:SDA").net("SCL", "esp:D22", "mux1:SCL", "mux2:SCL")
                    .validate();
            Finding f = only(same, "interface.i2c-address");
            assertThat(f.message()).contains("0x70");
            assertThat(f.fix()).contains("A2 low, A1 low, A0 high").contains("0x71");
            ValidationReport apart = esp32().part("mux1", "tca9548a-module").part("mux2", "tca9548a-module")
                    .net("3V3", "esp:3V3", "mux2:A0")
                    .net("SDA", "esp:D21", "mux1:SDA", "mux2:SDA").net("SCL", "esp:D22", "mux1:SCL", "mux2:SCL")
                    .validate();
            assertThat(apart.fired("interface.i2c-address")).isFalse();
        }

        @Test
        void twoBme280OnSeparateTca9548aChannelsDoNotCollide() {
            ValidationReport r = esp32().part("mux", "tca9548a-module")
                    .part("bme1", "bme280-module").part("bme2", "bme280-module")
                    .net("SDA", "esp:D21", "mux:SDA").net("SCL", "esp:D22", "mux:SCL")
                    .net("SD0", "mux:SD0", "bme1:SDA").net("SC0", "mux:SC0", "bme1:SCL")
                    .net("SD1", "mux:SD1", "bme2:SDA").net("SC1", "mux:SC1", "bme2:SCL")
                    .validate();
            assertThat(r.fired("interface.i2c-address")).isFalse();
            assertThat(r.fired("interface.i2c-pullup-missing")).as(r.text()).isFalse();
        }

        @Test
        void twoSsd1306NeedTheirBackStrapMoved() {
            ValidationReport r = esp32().part("oled1", "ssd1306-i2c-oled").part("oled2", "ssd1306-i2c-oled")
                    .net("SDA", "esp:D21", "oled1:SDA", "oled2:SDA").net("SCL", "esp:D22", "oled1:SCL", "oled2:SCL")
                    .validate();
            assertThat(only(r, "interface.i2c-address").fix()).contains("address strap of oled2 to 0x3D");
        }
    }

    @Nested
    class Uart {

        @Test
        void unoTxToGpsTxDrivesAgainstIt() {
            ValidationReport r = uno().part("gps", "neo-6m-gps-module")
                    .net("TX", "uno:1", "gps:TX").validate();
            Finding f = only(r, "interface.uart-crossed");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.nets()).containsExactly("TX");
            assertThat(f.pins()).containsExactlyInAnyOrder("uno:D1", "gps:TX");
        }

        @Test
        void unoRxToGpsRxWaitsForever() {
            ValidationReport r = uno().part("gps", "neo-6m-gps-module")
                    .net("RX", "uno:0", "gps:RX").validate();
            assertThat(only(r, "interface.uart-crossed").pins()).containsExactlyInAnyOrder("uno:D0", "gps:RX");
        }

        @Test
        void esp32PinsCanTakeEitherDirection() {
            ValidationReport r = esp32().part("bt", "hc-05")
                    .net("A", "esp:TX2", "bt:TXD").net("B", "esp:RX2", "bt:RXD").validate();
            assertThat(r.fired("interface.uart-crossed")).isFalse();
        }

        @Test
        void aMax485ReceiverOutputIsATransmitterWhateverItsFunctionSays() {
            ValidationReport good = uno().part("rs485", "max485-module")
                    .net("RX", "uno:0", "rs485:RO").net("TX", "uno:1", "rs485:DI").validate();
            assertThat(good.fired("interface.uart-crossed")).as(good.text()).isFalse();
            ValidationReport bad = uno().part("rs485", "max485-module").net("TX", "uno:1", "rs485:RO").validate();
            assertThat(only(bad, "interface.uart-crossed").pins()).containsExactlyInAnyOrder("uno:D1", "rs485:RO");
        }

        @Test
        void aPn532InHighSpeedUartModeIsNotAnI2cDevice() {
            ValidationReport r = uno().part("nfc", "pn532-module")
                    .net("RX", "uno:0", "nfc:SDA").net("TX", "uno:1", "nfc:SCL").validate();
            assertThat(r.fired("interface.i2c-pins")).as(r.text()).isFalse();
            assertThat(r.fired("interface.i2c-pullup-missing")).isFalse();
            assertThat(r.fired("interface.uart-crossed")).isFalse();
            ValidationReport crossed = uno().part("nfc", "pn532-module")
                    .net("TX", "uno:1", "nfc:SDA").net("RX", "uno:0", "nfc:SCL").validate();
            assertThat(crossed.of("interface.uart-crossed")).hasSize(2);
        }

        @Test
        void twoModuleTransmittersOnOneNetAreCaughtWithAnEsp32Listening() {
            ValidationReport r = esp32().part("bt", "hc-05").part("gps", "neo-6m-gps-module")
                    .net("RX", "esp:RX2", "bt:TXD", "gps:TX").validate();
            assertThat(only(r, "interface.uart-crossed").pins()).containsExactlyInAnyOrder("bt:TXD", "gps:TX");
        }
    }

    @Nested
    class Spi {

        private Sketch bus() {
            return uno().part("sd", "microsd-card-module").part("radio", "nrf24l01")
                    .net("SCK", "uno:13", "sd:SCK", "radio:SCK")
                    .net("MOSI", "uno:11", "sd:MOSI", "radio:MOSI")
                    .net("MISO", "uno:12", "sd:MISO", "radio:MISO")
                    .net("GND", "uno:GND.1", "sd:GND", "radio:GND");
        }

        @Test
        void twoChipSelectsOnOneNet() {
            ValidationReport r = bus().net("CS", "uno:10", "sd:CS", "radio:CSN").validate();
            Finding f = only(r, "interface.spi-cs");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.nets()).containsExactly("SCK", "CS");
            assertThat(f.pins()).containsExactly("sd:CS", "radio:CSN");
        }

        @Test
        void anUnconnectedChipSelectOnASharedBus() {
            ValidationReport r = bus().net("CS", "uno:10", "sd:CS").validate();
            Finding f = only(r, "interface.spi-cs");
            assertThat(f.pins()).containsExactly("radio:CSN");
            assertThat(f.message()).contains("not connected");
        }

        @Test
        void aChipSelectTiedToGroundOnASharedBus() {
            ValidationReport r = bus().net("CS", "uno:10", "sd:CS").net("GND", "radio:CSN").validate();
            Finding f = only(r, "interface.spi-cs");
            assertThat(f.pins()).containsExactly("radio:CSN");
            assertThat(f.message()).contains("tied to ground");
        }

        @Test
        void aLoneDeviceMayHaveItsChipSelectTiedLow() {
            ValidationReport r = uno().part("sd", "microsd-card-module")
                    .net("SCK", "uno:13", "sd:SCK").net("MOSI", "uno:11", "sd:MOSI").net("MISO", "uno:12", "sd:MISO")
                    .net("GND", "uno:GND.1", "sd:GND", "sd:CS").validate();
            assertThat(r.fired("interface.spi-cs")).isFalse();
        }

        @Test
        void theTouchControllerOfAnIli9341NeedsItsOwnSelectWhenItSharesTheClock() {
            ValidationReport r = esp32().part("tft", "ili9341-spi-tft")
                    .net("SCK", "esp:D18", "tft:SCK", "tft:T_CLK").net("MOSI", "esp:D23", "tft:6", "tft:T_DIN")
                    .net("TFT_CS", "esp:D15", "tft:CS").validate();
            Finding f = only(r, "interface.spi-cs");
            assertThat(f.pins()).containsExactly("tft:T_CS");
            ValidationReport ok = esp32().part("tft", "ili9341-spi-tft")
                    .net("SCK", "esp:D18", "tft:SCK", "tft:T_CLK").net("MOSI", "esp:D23", "tft:6", "tft:T_DIN")
                    .net("TFT_CS", "esp:D15", "tft:CS").net("TOUCH_CS", "esp:D4", "tft:T_CS").validate();
            assertThat(ok.fired("interface.spi-cs")).isFalse();
        }
    }

    @Nested
    class Pwm {

        @Test
        void servoSignalOnUnoD2HasNoPwm() {
            ValidationReport r = uno().part("servo", "sg90").net("SIG", "uno:2", "servo:PWM").validate();
            Finding f = only(r, "interface.pwm-pin");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.pins()).containsExactly("servo:PWM", "uno:D2");
            assertThat(f.fix()).contains("D3").contains("D9");
        }

        @Test
        void servoSignalOnD9IsFine() {
            assertThat(uno().part("servo", "sg90").net("SIG", "uno:9", "servo:PWM").validate()
                    .fired("interface.pwm-pin")).isFalse();
        }

        @Test
        void l298nEnableOnD7CannotSetTheSpeedButD5Can() {
            ValidationReport bad = uno().part("drv", "l298n-module").net("ENA", "uno:7", "drv:ENA")
                    .net("IN1", "uno:8", "drv:IN1").validate();
            assertThat(only(bad, "interface.pwm-pin").pins()).containsExactly("drv:ENA", "uno:D7");
            ValidationReport good = uno().part("drv", "l298n-module").net("ENA", "uno:5", "drv:ENA")
                    .net("IN1", "uno:8", "drv:IN1").validate();
            assertThat(good.fired("interface.pwm-pin")).isFalse();
        }
    }

    @Nested
    class Adc {

        @Test
        void lm35OnADigitalOnlyPin() {
            ValidationReport r = uno().part("t", "lm35").net("TEMP", "uno:7", "t:VOUT").validate();
            Finding f = only(r, "interface.adc-pin");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.pins()).containsExactly("t:VOUT", "uno:D7");
            assertThat(f.fix()).contains("A0");
        }

        @Test
        void lm35OnA0() {
            assertThat(uno().part("t", "lm35").net("TEMP", "uno:A0", "t:VOUT").validate().fired("interface.adc-pin"))
                    .isFalse();
        }

        @Test
        void soilMoistureOnAnEsp32Adc2PinIsAWarningNamingTheAdc1Pins() {
            ValidationReport r = esp32().part("soil", "soil-moisture-sensor")
                    .net("AO", "esp:D25", "soil:AO").validate();
            Finding f = only(r, "interface.adc-pin");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("ADC2_CH8").contains("Wi-Fi");
            assertThat(f.fix()).contains("GPIO32").contains("GPIO39").doesNotContain("GPIO25");
        }

        @Test
        void ldrDividerOnADigitalPinButNotOnAnAdcPin() {
            ValidationReport bad = uno().part("ldr", "ldr").r("R1", "10k")
                    .net("5V", "uno:5V", "ldr:1").net("GND", "uno:GND.1", "R1:2")
                    .net("LIGHT", "uno:4", "ldr:2", "R1:1").validate();
            assertThat(only(bad, "interface.adc-pin").pins()).containsExactly("ldr:2", "uno:D4");
            ValidationReport good = uno().part("ldr", "ldr").r("R1", "10k")
                    .net("5V", "uno:5V", "ldr:1").net("GND", "uno:GND.1", "R1:2")
                    .net("LIGHT", "uno:A1", "ldr:2", "R1:1").validate();
            assertThat(good.fired("interface.adc-pin")).isFalse();
        }

        @Test
        void potentiometerWiperOnADigitalPin() {
            ValidationReport r = uno().part("pot", "potentiometer")
                    .net("5V", "uno:5V", "pot:3").net("GND", "uno:GND.1", "pot:1")
                    .net("KNOB", "uno:2", "pot:W").validate();
            assertThat(only(r, "interface.adc-pin").pins()).containsExactly("pot:W", "uno:D2");
        }
    }

    @Nested
    class InputOnly {

        @Test
        void anLedBehindAResistorOnGpio34() {
            ValidationReport r = esp32().r("R1", "220").led("D1")
                    .net("LED_DRIVE", "esp:D34", "R1:1").net("LED_A", "R1:2", "D1:A").net("GND", "esp:GND.1", "D1:K")
                    .validate();
            Finding f = only(r, "interface.input-only");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.pins()).containsExactly("esp:GPIO34");
            assertThat(f.message()).contains("D1 (LED) through R1");
        }

        @Test
        void aRelayInputOnGpio35() {
            ValidationReport r = esp32().part("relay", "relay-module-1ch")
                    .net("RELAY", "esp:D35", "relay:IN").validate();
            assertThat(only(r, "interface.input-only").message()).contains("relay:IN (input)");
        }

        @Test
        void aDs18b20NeedsTheHostToDriveItsStartPulseEvenWithAPullUp() {
            ValidationReport r = esp32().part("ds", "ds18b20").r("R1", "4.7k")
                    .net("3V3", "esp:3V3", "ds:VDD", "R1:1").net("OW", "esp:D34", "ds:DQ", "R1:2").validate();
            assertThat(only(r, "interface.input-only").nets()).containsExactly("OW");
        }

        @Test
        void readingAPirOutputOnGpio35IsFine() {
            ValidationReport r = esp32().part("pir", "hc-sr501").part("relay", "relay-module-1ch")
                    .net("MOTION", "esp:D35", "pir:OUT", "relay:IN").validate();
            assertThat(r.fired("interface.input-only")).isFalse();
        }

        @Test
        void anLedOnAnOrdinaryGpio() {
            ValidationReport r = esp32().r("R1", "220").led("D1")
                    .net("LED_DRIVE", "esp:D25", "R1:1").net("LED_A", "R1:2", "D1:A").net("GND", "esp:GND.1", "D1:K")
                    .validate();
            assertThat(r.fired("interface.input-only")).isFalse();
        }
    }

    @Nested
    class FlashAndStrapping {

        @Test
        void aNodeMcuFlashPinDrivingAnLed() {
            ValidationReport r = Sketch.of().part("mcu", "esp8266-nodemcu").r("R1", "220").led("D1")
                    .net("X", "mcu:SD2", "R1:1").net("LED_A", "R1:2", "D1:A").net("GND", "mcu:GND.1", "D1:K")
                    .validate();
            Finding f = only(r, "interface.flash-pin");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.pins()).containsExactly("mcu:SD2");
            assertThat(f.message()).contains("SPI flash");
        }

        @Test
        void nodeMcuD5IsFree() {
            ValidationReport r = Sketch.of().part("mcu", "esp8266-nodemcu").r("R1", "220").led("D1")
                    .net("X", "mcu:D5", "R1:1").net("LED_A", "R1:2", "D1:A").net("GND", "mcu:GND.1", "D1:K")
                    .validate();
            assertThat(r.fired("interface.flash-pin")).isFalse();
            assertThat(r.fired("interface.strapping-pin")).isFalse();
        }

        @Test
        void esp32Gpio12PulledUpSelects1V8FlashAndIsAnError() {
            ValidationReport r = esp32().r("R1", "10k").part("sw", "push-button")
                    .net("3V3", "esp:3V3", "R1:1").net("BTN", "esp:D12", "R1:2", "sw:1").net("GND", "esp:GND.1", "sw:2")
                    .validate();
            Finding f = only(r, "interface.strapping-pin");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.pins()).containsExactly("esp:GPIO12");
            assertThat(f.message()).contains("must be low at reset").contains("pulled up by R1 (10 kΩ) to 3V3")
                    .contains("1.8 V flash");
        }

        @Test
        void esp32Gpio12DrivingAnLedIsOnlyAWarning() {
            ValidationReport r = esp32().r("R1", "220").led("D1")
                    .net("X", "esp:D12", "R1:1").net("LED_A", "R1:2", "D1:A").net("GND", "esp:GND.1", "D1:K")
                    .validate();
            Finding f = only(r, "interface.strapping-pin");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("keep low at reset").contains("It must be low at reset.");
        }

        @Test
        void nodeMcuD3HeldLowBlocksTheBootButD8PulledDownIsRight() {
            ValidationReport low = Sketch.of().part("mcu", "esp8266-nodemcu").r("R1", "1k")
                    .net("GND", "mcu:GND.1", "R1:1").net("X", "mcu:D3", "R1:2").validate();
            assertThat(only(low, "interface.strapping-pin").severity()).isEqualTo(Severity.ERROR);
            ValidationReport d8 = Sketch.of().part("mcu", "esp8266-nodemcu").r("R1", "10k")
                    .net("GND", "mcu:GND.1", "R1:1").net("X", "mcu:D8", "R1:2").validate();
            assertThat(d8.fired("interface.strapping-pin")).isFalse();
            ValidationReport d8up = Sketch.of().part("mcu", "esp8266-nodemcu").r("R1", "10k")
                    .net("3V3", "mcu:3V3.1", "R1:1").net("X", "mcu:D8", "R1:2").validate();
            assertThat(only(d8up, "interface.strapping-pin").severity()).isEqualTo(Severity.ERROR);
        }

        @Test
        void aModulesOnBoardPullUpOnGpio12IsAnError() {
            ValidationReport r = esp32().part("bme", "bme280-module").net("CSB", "esp:D12", "bme:CSB").validate();
            assertThat(only(r, "interface.strapping-pin").message())
                    .contains("pulled up by the on-board resistor on bme:CSB");
        }

        @Test
        void readingTheRequiredLevelFromTheNotes() {
            assertThat(InterfaceRules.StrappingPin.required("Strapping: must be low or floating at reset"))
                    .isEqualTo(InterfaceFacts.Level.LOW);
            assertThat(InterfaceRules.StrappingPin.required("Strapping: low at reset enters download mode"))
                    .isEqualTo(InterfaceFacts.Level.HIGH);
            assertThat(InterfaceRules.StrappingPin.required("Boot fails if held low.")).isEqualTo(
                    InterfaceFacts.Level.HIGH);
            assertThat(InterfaceRules.StrappingPin.required("Strapping (SDIO timing)")).isNull();
        }
    }

    @Nested
    class OneWire {

        @Test
        void ds18b20WithoutPullUp() {
            ValidationReport r = esp32().part("ds", "ds18b20")
                    .net("3V3", "esp:3V3", "ds:VDD").net("GND", "esp:GND.1", "ds:GND").net("OW", "esp:D4", "ds:DQ")
                    .validate();
            Finding f = only(r, "interface.one-wire-pullup");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.nets()).containsExactly("OW");
            assertThat(f.fix()).isEqualTo("add 4.7 kΩ from OW to 3V3 (3.3 V)");
        }

        @Test
        void ds18b20WithItsPullUp() {
            ValidationReport r = esp32().part("ds", "ds18b20").r("R1", "4.7k")
                    .net("3V3", "esp:3V3", "ds:VDD", "R1:1").net("GND", "esp:GND.1", "ds:GND")
                    .net("OW", "esp:D4", "ds:DQ", "R1:2").validate();
            assertThat(r.fired("interface.one-wire-pullup")).isFalse();
        }

        @Test
        void bareDht22WithoutPullUp() {
            ValidationReport r = uno().part("dht", "dht22")
                    .net("5V", "uno:5V", "dht:VDD").net("GND", "uno:GND.1", "dht:GND").net("DATA", "uno:2", "dht:DATA")
                    .validate();
            assertThat(only(r, "interface.one-wire-pullup").message()).startsWith("single-wire (DHT) data line DATA");
        }

        @Test
        void ws2812DataInputNeedsNoPullUp() {
            // DIN is a push-pull input driven by the host, unlike the DHT's open-drain data line
            ValidationReport r = uno().part("px", "ws2812b-strip")
                    .net("5V", "uno:5V", "px:5V").net("GND", "uno:GND.1", "px:GND").net("DATA", "uno:6", "px:DIN")
                    .validate();
            assertThat(r.fired("interface.one-wire-pullup")).isFalse();
        }
    }

    @Test
    void oddInputStaysSilent() {
        Component unknown = Component.builder("U9", ComponentKind.PART).part("no-such-part")
                .pins(List.of(Pin.of("1", "SDA", PinType.BIDIRECTIONAL))).build();
        Component bare = Component.builder("X1", ComponentKind.PART).part("kicad:Device:R").build();
        ValidationReport r = esp32().add(unknown).add(bare).r("R1", null).part("bme", "bme280-module")
                .net("SDA", "esp:D21", "U9:1", "R1:1").net("LONE", "bme:SCL").validate();
        assertThat(r.findings()).as(r.text()).noneMatch(f -> Rules.groupOf(f.rule()) == RuleGroup.INTERFACES);
    }
}
