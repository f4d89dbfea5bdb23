package dev.kirchhoff.knowledge;

import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.kirchhoff.schematic.model.PinFunction.ADC;
import static dev.kirchhoff.schematic.model.PinFunction.DAC;
import static dev.kirchhoff.schematic.model.PinFunction.I2C_SCL;
import static dev.kirchhoff.schematic.model.PinFunction.I2C_SDA;
import static dev.kirchhoff.schematic.model.PinFunction.INTERRUPT;
import static dev.kirchhoff.schematic.model.PinFunction.PWM;
import static dev.kirchhoff.schematic.model.PinFunction.SPI_MISO;
import static dev.kirchhoff.schematic.model.PinFunction.SPI_MOSI;
import static dev.kirchhoff.schematic.model.PinFunction.SPI_SCK;
import static dev.kirchhoff.schematic.model.PinFunction.UART_RX;
import static dev.kirchhoff.schematic.model.PinFunction.UART_TX;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board facts a pin-assignment solver depends on, checked against the boards' documentation (Arduino pinout
 * pages and the ATmega328P/32U4/2560 datasheets, Espressif's ESP32 and ESP8266 datasheets, the RP2040 datasheet, the
 * STM32F103 datasheet): which header pins do PWM, interrupts, ADC, the default buses, and which are traps.
 */
class BoardFactsTest {

    private final KnowledgeBase kb = KnowledgeBase.bundled();

    /** Names (as people program them) of the board's pins that can do {@code f}; GPIO-matrix boards excluded. */
    private Set<String> pinsWith(String board, PinFunction f) {
        Set<String> out = new TreeSet<>();
        for (PartPin p : kb.require(board).pins()) {
            if (p.can(f)) {
                out.add(p.name());
            }
        }
        return out;
    }

    private Set<String> defaultsFor(String board, PinFunction f) {
        Set<String> out = new TreeSet<>();
        for (PartPin p : kb.require(board).pins()) {
            if (p.defaultFor().contains(f)) {
                out.add(p.name());
            }
        }
        return out;
    }

    private PartPin pin(String board, String name) {
        return kb.require(board).pin(name).orElseThrow(() -> new AssertionError(board + " has no pin " + name));
    }

    @Test
    void arduinoUnoAndNano() {
        for (String board : List.of("arduino-uno-r3", "arduino-nano", "arduino-pro-mini")) {
            assertThat(pinsWith(board, PWM)).as(board).containsExactlyInAnyOrder("D3", "D5", "D6", "D9", "D10", "D11");
            assertThat(pinsWith(board, INTERRUPT)).as(board).containsExactlyInAnyOrder("D2", "D3");
            assertThat(pinsWith(board, ADC)).as(board).contains("A0", "A1", "A2", "A3", "A4", "A5");
            assertThat(defaultsFor(board, I2C_SDA)).as(board).contains("A4");
            assertThat(defaultsFor(board, I2C_SCL)).as(board).contains("A5");
            assertThat(defaultsFor(board, SPI_MOSI)).as(board).containsExactly("D11");
            assertThat(defaultsFor(board, SPI_MISO)).as(board).containsExactly("D12");
            assertThat(defaultsFor(board, SPI_SCK)).as(board).containsExactly("D13");
            assertThat(pin(board, "D0").can(UART_RX)).as(board).isTrue();
            assertThat(pin(board, "D1").can(UART_TX)).as(board).isTrue();
            assertThat(pin(board, "D13").has(PinFlag.ONBOARD_LED)).as(board).isTrue();
        }
        // A6 and A7 of the Nano are analog inputs only
        for (String a : List.of("A6", "A7")) {
            PartPin p = pin("arduino-nano", a);
            assertThat(p.can(ADC)).isTrue();
            assertThat(p.can(PinFunction.GPIO)).as(a).isFalse();
            assertThat(p.type()).isEqualTo(PinType.INPUT);
        }
        PartPin v33 = pin("arduino-uno-r3", "3V3");
        assertThat(v33.type()).isEqualTo(PinType.POWER_OUT);
        assertThat(v33.maxCurrent()).isEqualTo(0.05);
    }

    @Test
    void arduinoMega2560() {
        Set<String> pwm = pinsWith("arduino-mega-2560", PWM);
        for (int d = 2; d <= 13; d++) {
            assertThat(pwm).contains("D" + d);
        }
        assertThat(pwm).contains("D44", "D45", "D46").hasSize(15);
        assertThat(pinsWith("arduino-mega-2560", INTERRUPT))
                .containsExactlyInAnyOrder("D2", "D3", "D18", "D19", "D20", "D21");
        assertThat(defaultsFor("arduino-mega-2560", I2C_SDA)).contains("D20");
        assertThat(defaultsFor("arduino-mega-2560", I2C_SCL)).contains("D21");
        assertThat(defaultsFor("arduino-mega-2560", SPI_MISO)).containsExactly("D50");
        assertThat(defaultsFor("arduino-mega-2560", SPI_MOSI)).containsExactly("D51");
        assertThat(defaultsFor("arduino-mega-2560", SPI_SCK)).containsExactly("D52");
        assertThat(pinsWith("arduino-mega-2560", ADC)).hasSize(16);
    }

    @Test
    void arduinoLeonardoHasI2cOnD2AndD3() {
        assertThat(defaultsFor("arduino-leonardo", I2C_SDA)).contains("D2");
        assertThat(defaultsFor("arduino-leonardo", I2C_SCL)).contains("D3");
        assertThat(pinsWith("arduino-leonardo", INTERRUPT)).containsExactlyInAnyOrder("D0", "D1", "D2", "D3", "D7");
        assertThat(pinsWith("arduino-leonardo", PWM))
                .containsExactlyInAnyOrder("D3", "D5", "D6", "D9", "D10", "D11", "D13");
    }

    @Test
    void esp32DevkitTraps() {
        String b = "esp32-devkit-v1";
        for (String g : List.of("GPIO34", "GPIO35", "GPIO36", "GPIO39")) {
            PartPin p = pin(b, g);
            assertThat(p.has(PinFlag.INPUT_ONLY)).as(g).isTrue();
            assertThat(p.can(PWM)).as(g).isFalse();
        }
        for (String g : List.of("GPIO2", "GPIO5", "GPIO12", "GPIO15")) {
            assertThat(pin(b, g).has(PinFlag.STRAPPING)).as(g).isTrue();
        }
        // ADC2 cannot be read while Wi-Fi runs; ADC1 can
        for (String g : List.of("GPIO4", "GPIO13", "GPIO14", "GPIO25", "GPIO26", "GPIO27")) {
            assertThat(pin(b, g).has(PinFlag.WIFI_CONFLICT)).as(g).isTrue();
        }
        for (String g : List.of("GPIO32", "GPIO33", "GPIO34", "GPIO35", "GPIO36", "GPIO39")) {
            assertThat(pin(b, g).has(PinFlag.WIFI_CONFLICT)).as(g).isFalse();
            assertThat(pin(b, g).channels().get(ADC)).as(g).startsWith("ADC1");
        }
        assertThat(pinsWith(b, DAC)).containsExactlyInAnyOrder("GPIO25", "GPIO26");
        assertThat(defaultsFor(b, I2C_SDA)).containsExactly("GPIO21");
        assertThat(defaultsFor(b, I2C_SCL)).containsExactly("GPIO22");
        assertThat(defaultsFor(b, SPI_MOSI)).containsExactly("GPIO23");
        assertThat(defaultsFor(b, SPI_MISO)).containsExactly("GPIO19");
        assertThat(defaultsFor(b, SPI_SCK)).containsExactly("GPIO18");
        assertThat(kb.require(b).logic().isFiveVoltTolerant()).isFalse();
        assertThat(kb.require(b).logic().level()).isEqualTo(3.3);
    }

    @Test
    void esp8266NodeMcu() {
        String b = "esp8266-nodemcu";
        assertThat(pinsWith(b, ADC)).containsExactly("A0");
        assertThat(defaultsFor(b, I2C_SDA)).containsExactly("D2");
        assertThat(defaultsFor(b, I2C_SCL)).containsExactly("D1");
        for (String d : List.of("D3", "D4", "D8")) { // GPIO0, GPIO2, GPIO15 select the boot mode
            assertThat(pin(b, d).has(PinFlag.STRAPPING)).as(d).isTrue();
        }
        assertThat(pin(b, "D0").can(PWM)).isFalse(); // GPIO16
    }

    @Test
    void raspberryPiPico() {
        for (String b : List.of("raspberry-pi-pico", "raspberry-pi-pico-w")) {
            assertThat(pinsWith(b, ADC)).as(b).containsExactlyInAnyOrder("GP26", "GP27", "GP28");
            assertThat(pinsWith(b, PWM)).as(b).hasSize(26);
            assertThat(kb.require(b).logic().level()).as(b).isEqualTo(3.3);
        }
    }

    @Test
    void stm32BluePill() {
        String b = "stm32-blue-pill";
        assertThat(pin(b, "PA9").can(UART_TX)).isTrue();
        assertThat(pin(b, "PA10").can(UART_RX)).isTrue();
        assertThat(pin(b, "PB7").can(I2C_SDA)).isTrue();
        assertThat(pin(b, "PB6").can(I2C_SCL)).isTrue();
        assertThat(pinsWith(b, ADC)).containsExactlyInAnyOrder("PA0", "PA1", "PA2", "PA3", "PA4", "PA5", "PA6", "PA7",
                "PB0", "PB1");
        assertThat(pin(b, "PC13").has(PinFlag.ONBOARD_LED)).isTrue();
        // PA0-PA7 are analog-capable and therefore not 5 V tolerant; PB10, PB11 are
        assertThat(pin(b, "PA0").has(PinFlag.FIVE_VOLT_TOLERANT)).isFalse();
        assertThat(pin(b, "PB11").has(PinFlag.FIVE_VOLT_TOLERANT)).isTrue();
    }
}
