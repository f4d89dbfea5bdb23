package dev.kirchhoff.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Datasheet facts of modules and chips that the design agent and the validator will rely on: I2C addresses, supply
 * ranges that forbid the obvious rail, regulator outputs, current that needs its own supply.
 */
class ModuleFactsTest {

    private final KnowledgeBase kb = KnowledgeBase.bundled();

    private List<Integer> i2c(String id) {
        return kb.require(id).interfaceOf(InterfaceKind.I2C).orElseThrow().addressValues();
    }

    private Integer defaultI2c(String id) {
        String a = kb.require(id).interfaceOf(InterfaceKind.I2C).orElseThrow().defaultAddress();
        return Integer.parseInt(a.substring(2), 16);
    }

    @Test
    void i2cAddressesAreTheDatasheets() {
        assertThat(i2c("mpu6050-module")).containsExactly(0x68, 0x69);
        assertThat(i2c("bh1750-module")).containsExactlyInAnyOrder(0x23, 0x5C);
        assertThat(i2c("ssd1306-i2c-oled")).contains(0x3C);
        assertThat(defaultI2c("ssd1306-i2c-oled")).isEqualTo(0x3C);
        assertThat(i2c("sht31-module")).containsExactly(0x44, 0x45);
        assertThat(i2c("vl53l0x-module")).containsExactly(0x29);
        assertThat(i2c("ina219-module")).hasSize(16).startsWith(0x40).endsWith(0x4F);
        assertThat(i2c("ads1115-module")).containsExactly(0x48, 0x49, 0x4A, 0x4B);
        assertThat(i2c("tca9548a-module")).hasSize(8).startsWith(0x70).endsWith(0x77);
        assertThat(i2c("pcf8574-module")).hasSize(8).startsWith(0x20).endsWith(0x27);
        assertThat(defaultI2c("lcd1602-i2c")).isEqualTo(0x27);
        assertThat(i2c("lcd1602-i2c")).contains(0x27, 0x3F);
        assertThat(defaultI2c("pca9685-module")).isEqualTo(0x40);
        assertThat(defaultI2c("ds3231-module")).isEqualTo(0x68);
        assertThat(i2c("hmc5883l-module")).containsExactly(0x1E);
    }

    @Test
    void modulesThatCannotRunFromTheObviousRail() {
        // HC-SR04: 5 V only, and its echo output is a 5 V signal
        Part sr04 = kb.require("hc-sr04");
        assertThat(sr04.supply().contains(3.3)).isFalse();
        assertThat(sr04.supply().contains(5.0)).isTrue();
        assertThat(sr04.pin("ECHO").orElseThrow().voltage()).isEqualTo(5.0);
        // nRF24L01: 1.9-3.6 V, so never the 5 V pin
        assertThat(kb.require("nrf24l01").supply().contains(5.0)).isFalse();
        assertThat(kb.require("nrf24l01").supply().contains(3.3)).isTrue();
        // SIM800L: 3.4-4.4 V with 2 A bursts: neither the 5 V nor the 3.3 V pin
        Part sim = kb.require("sim800l");
        assertThat(sim.supply().contains(5.0)).isFalse();
        assertThat(sim.supply().contains(3.3)).isFalse();
        assertThat(sim.current().max()).isGreaterThanOrEqualTo(2.0);
        // a servo's stall current is far beyond any board pin
        assertThat(kb.require("sg90").current().max()).isGreaterThan(0.5);
        assertThat(kb.require("mg996r").current().max()).isGreaterThan(kb.require("sg90").current().max());
    }

    @Test
    void regulatorsGiveTheirOutputs() {
        SimModel l7805 = kb.require("lm7805").model();
        assertThat(l7805.parameter("vout", 0)).isEqualTo(5.0);
        assertThat(l7805.parameter("dropout", 0)).isCloseTo(2.0, within(0.5));
        assertThat(kb.require("lm7805").supply().max()).isEqualTo(35.0);
        assertThat(kb.require("ams1117-3-3").model().parameter("vout", 0)).isEqualTo(3.3);
        assertThat(kb.require("lm7805").pin("OUT").orElseThrow().type()).isEqualTo(dev.kirchhoff.schematic.model.PinType.POWER_OUT);
        assertThat(kb.require("usb-power").pin("VBUS").orElseThrow().maxCurrent()).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void opAmpsAndLedsHaveTheirCharacteristicNumbers() {
        Part lm358 = kb.require("lm358");
        assertThat(lm358.supply().min()).isEqualTo(3.0);
        assertThat(lm358.supply().max()).isEqualTo(32.0);
        assertThat(lm358.model().parameter("gbw", 0)).isBetween(0.5e6, 1.2e6);
        double red = kb.require("led-red").model().parameter("vf", 0);
        double blue = kb.require("led-blue").model().parameter("vf", 0);
        assertThat(red).isBetween(1.8, 2.2);
        assertThat(blue).isBetween(2.8, 3.6);
        assertThat(kb.require("led-red").pin("K").orElseThrow().number()).isEqualTo("1");
    }
}
