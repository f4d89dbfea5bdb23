package dev.kirchhoff.agents.offline.identify;

import dev.kirchhoff.agents.Constraint;
import dev.kirchhoff.agents.DesignException;
import dev.kirchhoff.agents.DesignValue;
import dev.kirchhoff.agents.PartRequest;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.agents.Quantity;
import dev.kirchhoff.agents.RecipeKind;
import dev.kirchhoff.agents.Requirements;
import dev.kirchhoff.agents.Supply;
import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.retrieval.PartSearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Reads varied prompts (boards with modules, analog building blocks, questions, terse lists, long specifications,
 * typos) and checks every part with its quantity and role, the values in SI units, the supply, the constraints, the
 * building block and the default board.
 */
class OfflineIdentifierTest {

    private static final KnowledgeBase KB = KnowledgeBase.bundled();
    private static PartSearch search;
    private static OfflineIdentifier identifier;

    @BeforeAll
    static void open() {
        search = PartSearch.open(msg -> { });
        identifier = new OfflineIdentifier(KB, search);
    }

    @AfterAll
    static void close() {
        search.close();
    }

    static Stream<Case> prompts() {
        return Stream.of(
                // boards and modules
                c("ESP32 reading a BME280 and showing it on an SSD1306 OLED, powered from USB")
                        .parts("esp32-devkit-v1:BOARD", "bme280-module:PERIPHERAL", "ssd1306-i2c-oled:PERIPHERAL")
                        .supply(Supply.Kind.USB, 5.0),
                c("How do I connect a BME280 to an ESP32?")
                        .parts("esp32-devkit-v1:BOARD", "bme280-module:PERIPHERAL"),
                c("ESP32-C3 with a 0.96-inch OLED")
                        .parts("esp32-c3-devkitm-1:BOARD", "ssd1306-i2c-oled:PERIPHERAL"),
                c("Arduino Nano with two DHT22 sensors and a micro-SD card for logging")
                        .parts("arduino-nano:BOARD", "dht22*2:PERIPHERAL", "microsd-card-module:PERIPHERAL"),
                c("Pico W reading a DS18B20 in an aquarium and posting to MQTT")
                        .parts("raspberry-pi-pico-w:BOARD", "ds18b20-probe:PERIPHERAL"),
                c("ESP32 with a DS18B20 and a 10k pull-up resistor")
                        .parts("esp32-devkit-v1", "ds18b20").value(Quantity.RESISTANCE, 10_000)
                        .constraints(Constraint.PULL_UP),
                c("MAX7219 LED matrix showing the time from a DS3231")
                        .parts("arduino-uno-r3", "max7219-matrix-module:PERIPHERAL", "ds3231-module").defaultBoard(),
                c("distance sensor and a buzzer")
                        .parts("arduino-uno-r3:BOARD", "hc-sr04:PERIPHERAL", "buzzer-active:LOAD").defaultBoard(),
                c("motion sensor turns on a relay")
                        .parts("arduino-uno-r3", "hc-sr501:PERIPHERAL", "relay-module-1ch:LOAD").defaultBoard()
                        .constraints(Constraint.RELAY),
                c("4 servos, three buttons and a potentiometer")
                        .parts("arduino-uno-r3", "sg90*4:LOAD", "push-button*3:INPUT", "potentiometer*1:INPUT")
                        .defaultBoard(),
                c("soil moisture sensor and a water pump with a relay, WiFi")
                        .parts("esp32-devkit-v1", "soil-moisture-sensor", "water-pump-5v:LOAD", "relay-module-1ch")
                        .defaultBoard(),
                c("a pair of red LEDs and a green LED")
                        .parts("arduino-uno-r3", "led-red*2:INDICATOR", "led-green*1:INDICATOR").defaultBoard(),
                c("red, green and blue LEDs on an ESP32")
                        .parts("esp32-devkit-v1", "led-red:INDICATOR", "led-green", "led-blue"),
                c("DHT22 x2 and an LCD").parts("arduino-uno-r3", "dht22*2", "lcd1602-i2c").defaultBoard(),
                c("Arduino Uno, HC-SR04, SG90 x 2, buzzer")
                        .parts("arduino-uno-r3", "hc-sr04", "sg90*2:LOAD", "buzzer-active"),
                c("esp32 + ssd1306 + dht22").parts("esp32-devkit-v1", "ssd1306-i2c-oled", "dht22"),
                c("temperature sensor, OLED display, ESP32, USB")
                        .partsMatching("esp32-devkit-v1", "ssd1306-i2c-oled")
                        .partAbout("temperature").count(3).supply(Supply.Kind.USB, 5.0),
                c("Arduino Uno with pull-down resistors on 2 buttons and an LED")
                        .parts("arduino-uno-r3", "push-button*2:INPUT", "led-red:INDICATOR")
                        .constraints(Constraint.PULL_DOWN),
                c("ESP32 with two buttons using internal pull-ups")
                        .parts("esp32-devkit-v1", "push-button*2").constraints(Constraint.INTERNAL_PULL_UP),
                c("IoT weather station with BME280").parts("esp32-devkit-v1", "bme280-module").defaultBoard(),
                c("TFT display and a rotary encoder on a Raspberry Pi Pico")
                        .partsMatching("raspberry-pi-pico:BOARD", "ky-040-rotary-encoder:INPUT").partAbout("tft")
                        .count(3),
                c("Arduino Mega with a 4x4 keypad and a 16x2 I2C LCD")
                        .parts("arduino-mega-2560", "keypad-4x4:INPUT", "lcd1602-i2c").constraints(Constraint.VIA_I2C),
                c("ESP32 with MPU6050 over I2C and an SD card via SPI, powered by a LiPo")
                        .parts("esp32-devkit-v1", "mpu6050-module", "microsd-card-module", "lipo-battery-1s:POWER")
                        .supply(Supply.Kind.LIION_CELL, 3.7).constraints(Constraint.VIA_I2C, Constraint.VIA_SPI),
                c("gas sensor and buzzer alarm on a Nano")
                        .parts("arduino-nano", "mq-2-module", "buzzer-active"),
                c("Arduino Nano powered by a 9 V battery with an HC-SR04")
                        .parts("arduino-nano", "battery-9v:POWER", "hc-sr04").supply(Supply.Kind.BATTERY, 9.0),
                c("Use an ESP32 to control a NEMA 17 stepper with an A4988 driver from a 12 V supply")
                        .parts("esp32-devkit-v1", "nema17-stepper:LOAD", "a4988-module:PERIPHERAL")
                        .supply(Supply.Kind.ADAPTER, 12.0).value(Quantity.INPUT_VOLTAGE, 12),
                c("12 V fan controlled by an Arduino through a logic level MOSFET")
                        .parts("arduino-uno-r3", "fan-12v:LOAD").constraints(Constraint.LOGIC_LEVEL_MOSFET)
                        .recipe(RecipeKind.MOSFET_SWITCH),
                c("ESP32-S3 with an ST7789 and a MAX98357A speaker amplifier")
                        .parts("esp32-s3-devkitc-1", "st7789-tft", "max98357a-module"),
                c("ESP32 with a PIR sensor, a buzzer and a 4-digit 7-segment display TM1637")
                        .parts("esp32-devkit-v1", "hc-sr501", "buzzer-active", "tm1637-module"),
                c("Build a plant watering system: ESP32, capacitive soil moisture sensor, relay module, 5V water pump,"
                        + " powered from a 12V adapter via an LM2596 buck converter")
                        .parts("esp32-devkit-v1", "capacitive-soil-moisture-sensor", "relay-module-1ch",
                                "water-pump-5v", "dc-power-adapter-12v:POWER", "lm2596-buck-module:POWER")
                        .supply(Supply.Kind.ADAPTER, 12.0).recipe(RecipeKind.BUCK_CONVERTER),
                c("I need an ESP8266 NodeMCU that reads a BH1750 light sensor and publishes lux over MQTT,"
                        + " powered from USB")
                        .parts("esp8266-nodemcu", "bh1750-module").supply(Supply.Kind.USB, 5.0),
                c("measure temperature and humidity and show it on a display")
                        .partsMatching("arduino-uno-r3", "ssd1306-i2c-oled").partAbout("humidity").count(3)
                        .defaultBoard(),
                // a bare microcontroller named without a board is the controller; on a board that carries it, the board
                c("attiny85 blinking 3 LEDs")
                        .parts("attiny85:BOARD", "led-red*3:INDICATOR"),
                c("ATmega328P at 16 MHz reading a DHT22 and showing it on an SSD1306, 5 V")
                        .parts("atmega328p:BOARD", "dht22:PERIPHERAL", "ssd1306-i2c-oled:PERIPHERAL"),
                c("ATtiny85 on a Digispark blinking an LED")
                        .parts("digispark-attiny85:BOARD", "led-red:INDICATOR"),
                c("Arduino Uno with an ATtiny85")
                        .parts("arduino-uno-r3:BOARD", "attiny85:PERIPHERAL"),
                c("ATmega328P and an ATtiny85 with an LED")
                        .parts("atmega328p:BOARD", "attiny85:PERIPHERAL", "led-red:INDICATOR"),
                // typos and spacing
                c("arduion with a temprature sensor")
                        .partsMatching("arduino-uno-r3").partAbout("temperature").count(2).typo("arduion")
                        .typo("temprature"),
                c("bme 280 with esp 32").parts("esp32-devkit-v1", "bme280-module"),
                c("Raspbery Pi Pico with a nokia 5110 display")
                        .parts("raspberry-pi-pico", "nokia-5110-lcd").typo("raspbery"),
                // analog building blocks
                c("non-inverting amplifier with gain 11 from a single 5 V supply")
                        .parts().recipe(RecipeKind.NON_INVERTING_AMPLIFIER).value(Quantity.GAIN, 11)
                        .supply(Supply.Kind.BENCH, 5.0).constraints(Constraint.SINGLE_SUPPLY),
                c("inverting amp with a gain of 20 dB on ±12 V")
                        .parts().recipe(RecipeKind.INVERTING_AMPLIFIER).value(Quantity.GAIN, 10)
                        .constraints(Constraint.SPLIT_SUPPLY).supply(Supply.Kind.BENCH, 12.0),
                c("non inverting op-amp gain of 5 with TL072 on a dual 15 V supply")
                        .parts("tl072:ANALOG").recipe(RecipeKind.NON_INVERTING_AMPLIFIER).value(Quantity.GAIN, 5)
                        .constraints(Constraint.SPLIT_SUPPLY),
                c("voltage follower using an LM358").parts("lm358:ANALOG").recipe(RecipeKind.VOLTAGE_FOLLOWER),
                c("summing amplifier with three inputs").parts().recipe(RecipeKind.SUMMING_AMPLIFIER),
                c("comparator using LM393 to switch at 2.5 V from a 5 V supply")
                        .parts("lm393:ANALOG").recipe(RecipeKind.COMPARATOR)
                        .value(Quantity.THRESHOLD_VOLTAGE, 2.5).value(Quantity.INPUT_VOLTAGE, 5),
                c("555 blinking an LED at 2 Hz from a 9 V battery")
                        .parts("ne555:ANALOG", "led-red:INDICATOR", "battery-9v:POWER").recipe(RecipeKind.ASTABLE_555)
                        .value(Quantity.FREQUENCY, 2).supply(Supply.Kind.BATTERY, 9.0),
                c("a 555 astable at 1 kHz with 50% duty")
                        .parts("ne555").recipe(RecipeKind.ASTABLE_555).value(Quantity.FREQUENCY, 1000)
                        .value(Quantity.DUTY_CYCLE, 0.5),
                c("555 one-shot with a pulse of 5 s")
                        .parts("ne555").recipe(RecipeKind.MONOSTABLE_555).value(Quantity.DURATION, 5),
                c("an NE555 monostable with 47 uF and 100k for a 5 second delay")
                        .parts("ne555").recipe(RecipeKind.MONOSTABLE_555).value(Quantity.DURATION, 5)
                        .value(Quantity.CAPACITANCE, 47e-6).value(Quantity.RESISTANCE, 100e3),
                c("voltage divider from 12 V to 3.3 V")
                        .parts().recipe(RecipeKind.VOLTAGE_DIVIDER).value(Quantity.INPUT_VOLTAGE, 12)
                        .value(Quantity.OUTPUT_VOLTAGE, 3.3),
                c("RC low-pass filter with 1 kHz cutoff")
                        .parts().recipe(RecipeKind.RC_LOW_PASS).value(Quantity.CUTOFF, 1000)
                        .noValue(Quantity.FREQUENCY),
                c("RL high-pass filter at 10 kHz").parts().recipe(RecipeKind.RL_HIGH_PASS).value(Quantity.CUTOFF, 1e4),
                c("RL low pass filter with 10 mH and cutoff 1 kHz")
                        .parts().recipe(RecipeKind.RL_LOW_PASS).value(Quantity.INDUCTANCE, 0.01)
                        .value(Quantity.CUTOFF, 1000),
                c("high-pass RC filter, cutoff at 300 Hz with a 100 nF capacitor")
                        .parts().recipe(RecipeKind.RC_HIGH_PASS).value(Quantity.CUTOFF, 300)
                        .value(Quantity.CAPACITANCE, 100e-9),
                c("LED with resistor from a 9 V battery")
                        .parts("led-red:INDICATOR", "battery-9v:POWER").recipe(RecipeKind.LED_DRIVER)
                        .supply(Supply.Kind.BATTERY, 9.0),
                c("Design an LED circuit that lights a blue LED from a 5 V USB supply at 10 mA")
                        .partsMatching("led-blue").recipe(RecipeKind.LED_DRIVER).value(Quantity.CURRENT, 0.01),
                // a transistor switches a bare relay coil (relay-12v, in the knowledge base since); a relay module
                // carries its own transistor
                c("transistor switch for a 12 V relay")
                        .parts("relay-12v:LOAD").recipe(RecipeKind.TRANSISTOR_SWITCH)
                        .constraints(Constraint.BJT),
                c("N-channel MOSFET switch for a 12 V fan")
                        .parts("fan-12v:LOAD").recipe(RecipeKind.MOSFET_SWITCH)
                        .constraints(Constraint.N_CHANNEL_MOSFET).value(Quantity.INPUT_VOLTAGE, 12),
                c("LM317 regulator for 3.3 V output from 12 V")
                        .parts("lm317:POWER").recipe(RecipeKind.LINEAR_REGULATOR)
                        .value(Quantity.OUTPUT_VOLTAGE, 3.3).value(Quantity.INPUT_VOLTAGE, 12),
                c("LM7805 linear regulator from a 12 V adapter")
                        .parts("lm7805:POWER", "dc-power-adapter-12v").recipe(RecipeKind.LINEAR_REGULATOR)
                        .supply(Supply.Kind.ADAPTER, 12.0),
                c("voltage regulator 9 V to 5 V")
                        .parts().recipe(RecipeKind.LINEAR_REGULATOR).value(Quantity.INPUT_VOLTAGE, 9)
                        .value(Quantity.OUTPUT_VOLTAGE, 5),
                c("buck converter 24 V to 5 V at 2 A")
                        .parts("lm2596-buck-module").recipe(RecipeKind.BUCK_CONVERTER)
                        .value(Quantity.INPUT_VOLTAGE, 24).value(Quantity.OUTPUT_VOLTAGE, 5)
                        .value(Quantity.CURRENT, 2),
                c("TP4056 Li-ion charger for an 18650")
                        .parts("tp4056-module:POWER", "battery-18650:POWER").recipe(RecipeKind.LIION_CHARGER)
                        .supply(Supply.Kind.LIION_CELL, 3.7),
                c("DC power supply from a transformer, regulated 5 V")
                        .parts("transformer-230v-12v:POWER").recipe(RecipeKind.REGULATED_DC_SUPPLY)
                        .value(Quantity.OUTPUT_VOLTAGE, 5).supply(Supply.Kind.MAINS, 230.0),
                c("unregulated DC supply from a 230 V AC transformer")
                        .partsMatching("transformer-230v-12v").recipe(RecipeKind.UNREGULATED_DC_SUPPLY)
                        .supply(Supply.Kind.MAINS, 230.0),
                c("Arduino reading an LDR with a voltage divider")
                        .parts("arduino-uno-r3", "ldr").recipe(RecipeKind.VOLTAGE_DIVIDER),
                // phrasings found while testing: each checks a rule, not a list
                c("ESP32 controlling a WS2812B strip of 60 LEDs from a 5 V 4 A power supply")
                        .parts("esp32-devkit-v1", "ws2812b-strip:LOAD").supply(Supply.Kind.ADAPTER, 5.0)
                        .value(Quantity.CURRENT, 4),
                // a part noun after an everyday word ("CAN", "level") is still searched in its category
                c("STM32 Blue Pill on a CAN bus through a CAN transceiver")
                        .parts("stm32-blue-pill:BOARD", "mcp2515-module:PERIPHERAL"),
                c("ESP32 driving a WS2812B strip through a level shifter")
                        .parts("esp32-devkit-v1", "74ahct125", "ws2812b-strip:LOAD"),
                // a plain 12 V strip when 12 V, "non-addressable" or "analog" is said; "LED strip" alone stays WS2812B
                c("12V LED strip dimmed by an Arduino Uno using PWM")
                        .parts("arduino-uno-r3:BOARD", "led-strip-12v:LOAD"),
                c("Arduino Uno dimming a non-addressable LED strip")
                        .parts("arduino-uno-r3:BOARD", "led-strip-12v:LOAD"),
                c("ESP32 fading a 12 V RGB LED strip")
                        .parts("esp32-devkit-v1:BOARD", "rgb-led-strip-12v:LOAD"),
                c("Arduino Uno with an LED strip")
                        .parts("arduino-uno-r3:BOARD", "ws2812b-strip:LOAD"),
                c("Arduino Uno driving a 5V addressable LED strip on a data pin, from a 12V adapter")
                        .partsMatching("arduino-uno-r3:BOARD", "ws2812b-strip:LOAD"),
                c("USB to serial converter for flashing an Arduino Nano")
                        .parts("arduino-nano", "usb-ttl-adapter-cp2102"),
                c("a clap switch using a sound sensor and a relay")
                        .parts("arduino-uno-r3", "sound-sensor-module", "relay-module-1ch").defaultBoard(),
                c("Bluetooth controlled car with HC-05, L298N and 2 motors")
                        .parts("arduino-uno-r3", "hc-05", "l298n-module", "dc-motor*2:LOAD").defaultBoard(),
                c("How can I read 16 analog sensors with one Arduino? maybe a CD4051")
                        .parts("arduino-uno-r3", "cd4051"),
                c("I have a 3S LiPo (11.1V) and want to run an ESP32")
                        .parts("esp32-devkit-v1").supply(Supply.Kind.LIION_CELL, 11.1).noValue(Quantity.DURATION),
                c("ESP32 based plant monitor: soil moisture, light level and temperature, sends to home assistant")
                        .partsMatching("esp32-devkit-v1", "soil-moisture-sensor", "bh1750-module").count(4),
                c("I'd like to build a thermostat: DS18B20 temperature probe, 16x2 LCD with I2C backpack, relay for"
                        + " a heater, ESP32")
                        .parts("esp32-devkit-v1", "ds18b20-probe", "lcd1602-i2c", "relay-module-1ch:LOAD"),
                c("Teensy with an MCP23017 I/O expander and 16 buttons")
                        .parts("teensy-4-0", "mcp23017", "push-button*16:INPUT"),
                c("step down 12V to 5V for an Arduino")
                        .parts("arduino-uno-r3").recipe(RecipeKind.BUCK_CONVERTER).value(Quantity.INPUT_VOLTAGE, 12)
                        .value(Quantity.OUTPUT_VOLTAGE, 5),
                c("blinking LED without a microcontroller").parts("led-red").recipe(RecipeKind.ASTABLE_555),
                c("LED indicator powered from 12 V at 15 mA")
                        .parts("led-red").recipe(RecipeKind.LED_DRIVER).value(Quantity.CURRENT, 0.015)
                        .value(Quantity.INPUT_VOLTAGE, 12),
                c("gain of 40 dB preamplifier").parts().recipe(RecipeKind.NON_INVERTING_AMPLIFIER)
                        .value(Quantity.GAIN, 100),
                c("amplify a microphone signal by 100 with an op-amp on 9 V")
                        .parts().recipe(RecipeKind.NON_INVERTING_AMPLIFIER).value(Quantity.GAIN, 100),
                c("buck converter from a 24 V supply giving 12 V 3 A")
                        .parts("lm2596-buck-module").recipe(RecipeKind.BUCK_CONVERTER)
                        .value(Quantity.INPUT_VOLTAGE, 24).value(Quantity.OUTPUT_VOLTAGE, 12)
                        .supply(Supply.Kind.ADAPTER, 24.0),
                c("Schmitt trigger with LM393 at 3 V")
                        .parts("lm393").recipe(RecipeKind.COMPARATOR).value(Quantity.THRESHOLD_VOLTAGE, 3),
                c("Design an op amp inverting summer with 3 inputs").parts().recipe(RecipeKind.SUMMING_AMPLIFIER),
                c("simple 5 volt power supply from 9 volt battery")
                        .parts("battery-9v").recipe(RecipeKind.LINEAR_REGULATOR)
                        .value(Quantity.OUTPUT_VOLTAGE, 5).supply(Supply.Kind.BATTERY, 9.0),
                c("linear power supply: 230V transformer, bridge rectifier, 7805")
                        .parts("transformer-230v-12v", "bridge-rectifier", "lm7805")
                        .recipe(RecipeKind.REGULATED_DC_SUPPLY).supply(Supply.Kind.MAINS, 230.0)
                        .noValue(Quantity.OUTPUT_VOLTAGE),
                // bus, peripheral and pin names and file formats are not part numbers
                c("Pico with an SSD1306 wired to the I2C1 pins, a GPS on UART0 and an SD card on SPI0")
                        .parts("raspberry-pi-pico", "ssd1306-i2c-oled", "neo-6m-gps-module", "microsd-card-module"),
                c("ESP32 talking to a MAX6675 over HSPI, logging on Serial1, ADC2 is unused")
                        .parts("esp32-devkit-v1", "max6675-module"),
                c("Blue Pill reading a potentiometer on PA0 over ADC1, debug on USART1")
                        .parts("stm32-blue-pill", "potentiometer:INPUT").pins("potentiometer@PA0"),
                c("ESP32 that streams WAV files and MP3s from a micro SD card")
                        .parts("esp32-devkit-v1", "microsd-card-module"),
                c("2S LiPo pack running an Arduino Nano")
                        .parts("arduino-nano").supply(Supply.Kind.LIION_CELL, 7.4),
                c("ESP32 recording 4K video to an SD card").parts("esp32-devkit-v1", "microsd-card-module")
                        .noValue(Quantity.RESISTANCE),
                // plurals of part numbers keep their count
                c("three DS18B20s and two SG90s on an ESP32")
                        .parts("esp32-devkit-v1", "ds18b20*3:PERIPHERAL", "sg90*2:LOAD"),
                c("Uno with two HC-SR04s").parts("arduino-uno-r3", "hc-sr04*2"),
                // pins the prompt asks for, each linked to the part named before it
                c("Uno with a red LED on pin 12 and a DHT11 on D4")
                        .parts("arduino-uno-r3", "led-red", "dht11").pins("led-red@12", "dht11@D4"),
                c("ESP32: servo on GPIO13, push button wired to GPIO 0")
                        .parts("esp32-devkit-v1", "sg90:LOAD", "push-button:INPUT")
                        .pins("sg90@GPIO13", "push-button@GPIO0"),
                c("Pico with a potentiometer connected to A1 and a relay on GP16")
                        .parts("raspberry-pi-pico", "potentiometer", "relay-module-1ch")
                        .pins("potentiometer@A1", "relay-module-1ch@GP16"),
                c("Mega: knob on A12 and A13, buttons on D30 and D31")
                        .parts("arduino-mega-2560", "potentiometer", "push-button")
                        .pins("potentiometer@A12", "potentiometer@A13", "push-button@D30", "push-button@D31"),
                c("ESP32 with a BME280 on the default I2C pins").parts("esp32-devkit-v1", "bme280-module").pins(),
                // colours listed after an LED phrase are one LED each
                c("Nano with three LEDs (green, yellow, white)")
                        .parts("arduino-nano", "led-green*1:INDICATOR", "led-yellow*1", "led-white*1"),
                c("ESP32 with a yellow and a blue LED").parts("esp32-devkit-v1", "led-yellow*1", "led-blue*1"),
                c("a common-cathode RGB LED on a Nano").parts("arduino-nano", "rgb-led:INDICATOR"),
                // board nicknames on their own
                c("Mega reading two soil moisture sensors")
                        .parts("arduino-mega-2560:BOARD", "soil-moisture-sensor*2"),
                c("S3 with an ST7789 display").parts("esp32-s3-devkitc-1:BOARD", "st7789-tft"),
                c("C3 reading a BH1750").parts("esp32-c3-devkitm-1:BOARD", "bh1750-module"),
                c("three buttons S1, S2 and S3 on an Uno").parts("arduino-uno-r3", "push-button*3:INPUT"),
                c("RC low-pass with a 1 mega ohm resistor and 100 pF").parts().recipe(RecipeKind.RC_LOW_PASS),
                c("RC low-pass filter where C3 = 100 nF and R1 = 1k")
                        .parts().recipe(RecipeKind.RC_LOW_PASS).value(Quantity.CAPACITANCE, 100e-9),
                // a module's channel count picks the module, and covers that many relays
                c("ESP32 driving a dual channel relay module for two lamps")
                        .parts("esp32-devkit-v1", "relay-module-2ch*1:LOAD"),
                c("Uno with a four-channel relay").parts("arduino-uno-r3", "relay-module-4ch*1"),
                c("Nano switching two relays on a 2-channel board").parts("arduino-nano", "relay-module-2ch*1"),
                // what numbers mean
                c("op-amp circuit that multiplies a 0-1 V sensor output by 3")
                        .parts().recipe(RecipeKind.NON_INVERTING_AMPLIFIER).value(Quantity.GAIN, 3),
                c("opamp stage, x20 gain").parts().recipe(RecipeKind.NON_INVERTING_AMPLIFIER)
                        .value(Quantity.GAIN, 20),
                c("comparator that trips when the sensor voltage crosses 1.8 V, powered off 12 V")
                        .parts().recipe(RecipeKind.COMPARATOR).value(Quantity.THRESHOLD_VOLTAGE, 1.8)
                        .value(Quantity.INPUT_VOLTAGE, 12).supply(Supply.Kind.UNSPECIFIED, 12.0),
                c("comparator with a 3 V threshold on a 9 V supply")
                        .parts().recipe(RecipeKind.COMPARATOR).value(Quantity.THRESHOLD_VOLTAGE, 3)
                        .supply(Supply.Kind.ADAPTER, 9.0),
                c("resistor for a green LED running from 3.3 V")
                        .parts("led-green").recipe(RecipeKind.LED_DRIVER).value(Quantity.INPUT_VOLTAGE, 3.3)
                        .supply(Supply.Kind.UNSPECIFIED, 3.3),
                c("knock a 9 V signal down to 3 V")
                        .parts().recipe(RecipeKind.VOLTAGE_DIVIDER).value(Quantity.INPUT_VOLTAGE, 9)
                        .value(Quantity.OUTPUT_VOLTAGE, 3),
                c("scale a 0-10 V output down to 0-3.3 V")
                        .parts().recipe(RecipeKind.VOLTAGE_DIVIDER).value(Quantity.INPUT_VOLTAGE, 10)
                        .value(Quantity.OUTPUT_VOLTAGE, 3.3),
                c("read a 24 V rail with an ADC")
                        .parts().recipe(RecipeKind.VOLTAGE_DIVIDER).value(Quantity.INPUT_VOLTAGE, 24)
                        .value(Quantity.OUTPUT_VOLTAGE, 3.3),
                // parts named inside building blocks
                c("comparator (LM393) with a photoresistor switching an LED at dusk, 9 V battery")
                        .parts("lm393:ANALOG", "ldr:ANALOG", "led-red:INDICATOR", "battery-9v:POWER")
                        .recipe(RecipeKind.COMPARATOR).supply(Supply.Kind.BATTERY, 9.0),
                c("NE555 making a beep on a buzzer at 2 kHz")
                        .parts("ne555:ANALOG", "buzzer-passive:LOAD").recipe(RecipeKind.ASTABLE_555)
                        .value(Quantity.FREQUENCY, 2000),
                c("an active buzzer beeping from a 555")
                        .parts("ne555", "buzzer-active:LOAD").recipe(RecipeKind.ASTABLE_555),
                c("transformer with a fuse and a bridge rectifier for an unregulated 12 V rail")
                        .parts("transformer-230v-12v", "fuse:POWER", "bridge-rectifier")
                        .recipe(RecipeKind.UNREGULATED_DC_SUPPLY),
                c("zener shunt regulator giving 5.1 V from a 9 V battery")
                        .parts("zener-1n4733a:ANALOG", "battery-9v").recipe(RecipeKind.ZENER_REGULATOR)
                        .value(Quantity.OUTPUT_VOLTAGE, 5.1).value(Quantity.INPUT_VOLTAGE, 9),
                c("3.3 V zener regulator from 5 V")
                        .parts().recipe(RecipeKind.ZENER_REGULATOR).value(Quantity.OUTPUT_VOLTAGE, 3.3)
                        .value(Quantity.INPUT_VOLTAGE, 5),
                c("LM2596 stepping 9 V down to 5 V for a Pico")
                        .parts("raspberry-pi-pico:BOARD", "lm2596-buck-module:POWER").recipe(RecipeKind.BUCK_CONVERTER)
                        .value(Quantity.OUTPUT_VOLTAGE, 5),
                c("comparator with some hysteresis at 1 V")
                        .parts().recipe(RecipeKind.COMPARATOR).constraints(Constraint.HYSTERESIS),
                c("Nano reading a thermistor through an op-amp with a gain of 10")
                        .parts("arduino-nano", "ntc-thermistor", "lm358:ANALOG").value(Quantity.GAIN, 10),
                // misspelt circuit words
                c("non invertng amplifer with gain 2")
                        .parts().recipe(RecipeKind.NON_INVERTING_AMPLIFIER).value(Quantity.GAIN, 2).typo("amplifer"),
                c("what resister values for a voltage devider from 9 V to 3 V")
                        .parts().recipe(RecipeKind.VOLTAGE_DIVIDER).value(Quantity.OUTPUT_VOLTAGE, 3)
                        .typo("devider"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prompts")
    void readsPrompt(Case c) {
        Requirements r = identifier.identify(c.prompt);
        c.check(r);
    }

    @Test
    void aSandwichIsNotACircuit() {
        assertThatThrownBy(() -> identifier.identify("make me a sandwich"))
                .isInstanceOfSatisfying(DesignException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DesignException.Reason.NOT_UNDERSTOOD);
                    assertThat(e.getMessage()).contains("make me a sandwich").contains("understood: nothing");
                    assertThat(e.suggestions()).hasSize(3).allSatisfy(s -> assertThat(identifier.identify(s).parts()
                            .size() + (identifier.identify(s).recipe() == null ? 0 : 1)).isPositive());
                });
    }

    @Test
    void wordsThatDescribeActivityAreNotParts() {
        assertThatThrownBy(() -> identifier.identify("reading, logging and showing data, powered and wired"))
                .isInstanceOf(DesignException.class);
        Requirements r = identifier.identify("Arduino reading and logging a DHT11, showing it, powered from USB");
        assertThat(r.parts()).extracting(PartRequest::id).containsExactly("arduino-uno-r3", "dht11");
    }

    @Test
    void anUnknownPartNumberIsUnresolvedWithItsNearestParts() {
        Requirements r = identifier.identify("How do I connect a BME820 to an ESP32?");
        assertThat(r.parts()).extracting(PartRequest::id).containsExactly("esp32-devkit-v1");
        assertThat(r.unresolved()).singleElement().satisfies(u -> {
            assertThat(u.phrase()).isEqualTo("BME820");
            assertThat(u.nearest()).first().isEqualTo("bme280-module");
        });
        assertThat(r.notes()).anyMatch(n -> n.contains("BME820") && n.contains("bme280-module"));
    }

    @Test
    void aPromptNamingOnlyAnUnknownPartIsLeftToThePipelineWithTheNearestParts() {
        Requirements r = identifier.identify("wire up a DHT23");
        assertThat(r.unresolved()).singleElement().satisfies(u -> {
            assertThat(u.phrase()).isEqualTo("DHT23");
            assertThat(u.nearest()).contains("dht22");
        });
        assertThat(r.board()).hasValueSatisfying(b -> assertThat(b.defaulted()).isTrue());
    }

    @Test
    void numbersThatAreNotPartNumbersAreNotUnresolved() {
        Requirements r = identifier.identify("Arduino Uno R3 with an LED on pin 13, 128x64 I2C display, 3V3 logic, "
                + "1st prototype with 2x AA cells");
        assertThat(r.unresolved()).isEmpty();
        assertThat(r.parts()).extracting(PartRequest::id).contains("arduino-uno-r3", "led-red");
        assertThat(r.parts()).filteredOn(p -> p.id().equals("led-red")).singleElement()
                .satisfies(p -> assertThat(p.quantity()).isEqualTo(1));
    }

    @Test
    void anAudioAmplifierKeepsTheSupplyThePromptGives() {
        Requirements r = identifier.identify("LM386 driving a small speaker, running from 6 V");
        assertThat(r.parts()).extracting(PartRequest::id).contains("lm386", "speaker-8-ohm");
        assertThat(r.supply().volts()).isEqualTo(6.0);
        assertThat(r.value(Quantity.INPUT_VOLTAGE)).hasValueSatisfying(v -> assertThat(v.value()).isEqualTo(6.0));
    }

    @Test
    void aPinWishKeepsThePhraseItCameFrom() {
        Requirements r = identifier.identify("Arduino Nano: relay connected to D7, and a piezo on pin 8");
        assertThat(r.pinWishes()).extracting(w -> w.partId() + "@" + w.boardPin() + " <" + w.phrase() + ">")
                .containsExactly("relay-module-1ch@D7 <relay connected to d7>", "buzzer-passive@8 <piezo on pin 8>");
        assertThat(r.pinWishes()).allSatisfy(w -> assertThat(w.devicePin()).isNull());
        assertThat(r.notes()).anyMatch(n -> n.startsWith("pin wish: relay-module-1ch on board pin D7"));
    }

    @Test
    void aPinWithoutAPlacingWordOrWithoutAPartIsNoWish() {
        assertThat(identifier.identify("ESP32 with an SSD1306; GPIO21 and GPIO22 are SDA and SCL").pinWishes())
                .isEmpty();
        assertThat(identifier.identify("Uno blinking its built-in LED, D13").pinWishes()).isEmpty();
    }

    @Test
    void theDefaultBoardIsExplained() {
        Requirements r = identifier.identify("an OLED and a button");
        PartRequest board = r.board().orElseThrow();
        assertThat(board.id()).isEqualTo("arduino-uno-r3");
        assertThat(board.defaulted()).isTrue();
        assertThat(r.parts().get(0)).isEqualTo(board);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("no board named: using Arduino Uno R3"));
    }

    @Test
    void aWirelessPromptDefaultsToAnEsp32AndSaysWhy() {
        Requirements r = identifier.identify("web server that switches two relays");
        assertThat(r.board()).hasValueSatisfying(b -> {
            assertThat(b.id()).isEqualTo("esp32-devkit-v1");
            assertThat(b.defaulted()).isTrue();
        });
        assertThat(r.parts()).anySatisfy(p -> {
            assertThat(p.id()).isEqualTo("relay-module-1ch");
            assertThat(p.quantity()).isEqualTo(2);
        });
        assertThat(r.notes()).anyMatch(n -> n.contains("Wi-Fi") && n.contains("web server"));
    }

    @Test
    void aNamedBoardWithoutRadioIsNotReplacedButNoted() {
        Requirements r = identifier.identify("Arduino Uno sending DHT22 readings over WiFi");
        assertThat(r.board()).hasValueSatisfying(b -> assertThat(b.id()).isEqualTo("arduino-uno-r3"));
        assertThat(r.board().orElseThrow().defaulted()).isFalse();
        assertThat(r.notes()).anyMatch(n -> n.contains("no Wi-Fi"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "Wemos D1 mini reading a DHT11 | Wemos D1 mini | esp8266-nodemcu | dht11",
        "LOLIN D1 mini Pro with an SSD1306 | Wemos D1 mini | esp8266-nodemcu | ssd1306-i2c-oled",
        "Uno R4 Minima driving an SG90 | Arduino Uno R4 | arduino-uno-r3 | sg90",
        "Arduino Nano Every with an HC-SR04 | Arduino Nano Every | arduino-nano | hc-sr04",
        "Seeed XIAO ESP32-C3 reading a BH1750 | Seeed XIAO ESP32-C3 | esp32-c3-devkitm-1 | bh1750-module",
        "SparkFun Pro Micro with a 4x4 keypad | Pro Micro | arduino-leonardo | keypad-4x4",
        "Nucleo-F401RE with a DS18B20 | STM32 Nucleo | stm32-blue-pill | ds18b20",
        "Raspberry Pi 4 reading a BME280 | Raspberry Pi (Linux computer) | raspberry-pi-pico-w | bme280-module",
    })
    void aBoardTheKnowledgeBaseLacksIsReportedWithItsFamilyNotReplacedByTheUno(String prompt, String board,
                                                                               String nearest, String module) {
        Requirements r = identifier.identify(prompt);
        assertThat(r.unresolved()).as("unresolved of %s", prompt).first().satisfies(u -> {
            assertThat(u.phrase()).isEqualTo(board);
            assertThat(u.nearest()).first().isEqualTo(nearest);
        });
        // with --allow-generic the design stands on the nearest board of the family, said so, never silently
        assertThat(r.board()).hasValueSatisfying(b -> {
            assertThat(b.id()).isEqualTo(nearest);
            assertThat(b.defaulted()).isTrue();
        });
        assertThat(r.parts()).extracting(PartRequest::id).contains(module);
        assertThat(r.notes()).anyMatch(n -> n.contains(board) && n.contains("not in the knowledge base")
                && n.contains(nearest));
        // the numbers of the board's name are neither counts nor values
        assertThat(r.parts()).allMatch(p -> p.quantity() == 1);
        assertThat(r.values()).isEmpty();
    }

    @Test
    void aCuratedBoardWhoseNameContainsAnUnknownOnesWordsIsStillLinked() {
        Requirements r = identifier.identify("Raspberry Pi Pico W reading a BME280, Arduino Nano as a second node");
        assertThat(r.unresolved()).isEmpty();
        assertThat(r.parts()).extracting(PartRequest::id).contains("raspberry-pi-pico-w", "arduino-nano");
    }

    @Test
    void theUnknownBoardTableNamesCuratedBoardsOnly() {
        Gaps gaps = Gaps.bundled();
        assertThat(gaps.boards).hasSizeGreaterThan(20);
        for (Gaps.UnknownBoard b : gaps.boards) {
            assertThat(b.nearest()).as("nearest of %s", b.name()).isNotEmpty().allSatisfy(id ->
                    assertThat(KB.require(id).category()).as(id).isEqualTo(Category.BOARD));
            // a board in the table must not be a curated one: it would shadow its name
            assertThat(KB.suggest(b.name(), 1)).as("curated %s", b.name())
                    .noneMatch(id -> KB.require(id).name().equalsIgnoreCase(b.name()));
        }
    }

    @Test
    void aPartNounNoCuratedPartFitsIsUnresolvedNotDropped() {
        Requirements r = identifier.identify("Arduino Uno with a float switch on pin 7");
        assertThat(r.parts()).extracting(PartRequest::id).containsExactly("arduino-uno-r3");
        assertThat(r.unresolved()).singleElement().satisfies(u -> {
            assertThat(u.phrase()).isEqualTo("float switch");
            assertThat(u.nearest()).isNotEmpty().allSatisfy(id ->
                    assertThat(KB.require(id).category()).isEqualTo(Category.INPUT));
        });
    }

    @Test
    void anIntegratorIsDesignedAsAnRcLowPassAndTheNoteSaysSo() {
        Requirements r = identifier.identify("op-amp integrator for a 100 Hz square wave");
        assertThat(r.recipe()).isEqualTo(RecipeKind.RC_LOW_PASS);
        assertThat(r.notes()).anyMatch(n -> n.contains("integrator") && n.contains("not in the recipe library")
                && n.contains("RC low-pass"));
        Requirements passive = identifier.identify("RC integrator with R = 10k and C = 100 nF");
        assertThat(passive.recipe()).isEqualTo(RecipeKind.RC_LOW_PASS);
        assertThat(passive.notes()).anyMatch(n -> n.contains("is an RC low-pass"));
        Requirements diff = identifier.identify("differentiator that turns a square wave into spikes, 10 nF");
        assertThat(diff.recipe()).isEqualTo(RecipeKind.RC_HIGH_PASS);
        assertThat(diff.notes()).anyMatch(n -> n.contains("differentiator") && n.contains("RC high-pass"));
    }

    @Test
    void aFilterAboveFirstOrderIsDesignedFirstOrderAndTheNoteSaysSo() {
        Requirements low = identifier.identify("4th-order Butterworth anti-alias filter at 2 kHz");
        assertThat(low.recipe()).isEqualTo(RecipeKind.RC_LOW_PASS);
        assertThat(low.values()).anySatisfy(v -> {
            assertThat(v.quantity()).isEqualTo(Quantity.CUTOFF);
            assertThat(v.value()).isCloseTo(2000, within(1e-6));
        });
        assertThat(low.notes()).anyMatch(n -> n.contains("first-order") && n.contains("20 dB/decade"));
        Requirements high = identifier.identify("Sallen-Key high-pass with a 50 Hz corner");
        assertThat(high.recipe()).isEqualTo(RecipeKind.RC_HIGH_PASS);
        assertThat(high.notes()).anyMatch(n -> n.contains("Sallen-Key") && n.contains("first-order"));
    }

    @Test
    void anOscillatorWithoutA555IsTheAstableAndSaysSo() {
        Requirements r = identifier.identify("a 440 Hz oscillator running from a 9 V battery");
        assertThat(r.recipe()).isEqualTo(RecipeKind.ASTABLE_555);
        assertThat(r.notes()).anyMatch(n -> n.contains("only oscillator is the 555 astable"));
        Requirements named = identifier.identify("555 oscillator at 440 Hz from 9 V");
        assertThat(named.recipe()).isEqualTo(RecipeKind.ASTABLE_555);
        assertThat(named.notes()).noneMatch(n -> n.contains("only oscillator"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "instrumentation amplifier with a gain of 100 for a bridge sensor | instrumentation amplifier",
        "Wien-bridge oscillator giving a 1 kHz sine from +-12 V | sine-wave",
        "band-pass filter between 300 Hz and 3.4 kHz | band-pass",
        "analog PID controller for a heater | PID",
        "precision rectifier with an LM358 | this building block",
    })
    void aBuildingBlockNothingInTheLibraryIsCloseToIsNotUnderstood(String prompt, String named) {
        assertThatThrownBy(() -> identifier.identify(prompt))
                .isInstanceOfSatisfying(DesignException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DesignException.Reason.NOT_UNDERSTOOD);
                    assertThat(e.getMessage()).contains(named).contains("cannot design")
                            .contains("non-inverting amplifier").contains("astable 555").contains("RC low pass");
                    assertThat(e.suggestions()).isNotEmpty();
                });
    }

    @Test
    void aMissingBlockNextToABoardIsLeftOutAndSaid() {
        Requirements r = identifier.identify("ESP32 running a PID loop on a heater through a relay");
        assertThat(r.parts()).extracting(PartRequest::id).containsExactly("esp32-devkit-v1", "relay-module-1ch");
        assertThat(r.notes()).anyMatch(n -> n.contains("PID") && n.contains("left out"));
    }

    @Test
    void withoutSearchPartsAreLinkedByNameAndDefaultNounsOnly() {
        OfflineIdentifier names = new OfflineIdentifier(KB, null);
        Requirements r = names.identify("ESP32 with a soil moisture sensor, a servo and a heart rate sensor");
        assertThat(r.parts()).extracting(PartRequest::id)
                .containsExactly("esp32-devkit-v1", "soil-moisture-sensor", "sg90");
    }

    // ------------------------------------------------------------------ the table

    static Case c(String prompt) {
        return new Case(prompt);
    }

    /** One prompt and what reading it must give. */
    static final class Case {
        final String prompt;
        private final Map<String, String> parts = new LinkedHashMap<>();
        private boolean exactParts;
        private final List<Object[]> values = new ArrayList<>();
        private final Set<Quantity> absent = EnumSet.noneOf(Quantity.class);
        private Supply.Kind supplyKind;
        private Double supplyVolts;
        private final Set<Constraint> constraints = EnumSet.noneOf(Constraint.class);
        private RecipeKind recipe;
        private boolean defaultBoard;
        private String about;
        private int count = -1;
        private final List<String> typos = new ArrayList<>();
        private List<String> pins;

        Case(String prompt) {
            this.prompt = prompt;
        }

        /** Exactly these parts, each "id", "id*quantity", "id:ROLE" or "id*quantity:ROLE". */
        Case parts(String... specs) {
            exactParts = true;
            for (String s : specs) {
                String id = s.split("[*:]")[0];
                parts.put(id, s);
            }
            return this;
        }

        /** At least these parts (the rest is checked another way). */
        Case partsMatching(String... specs) {
            parts(specs);
            exactParts = false;
            return this;
        }

        Case value(Quantity q, double v) {
            values.add(new Object[] {q, v});
            return this;
        }

        Case noValue(Quantity q) {
            absent.add(q);
            return this;
        }

        Case supply(Supply.Kind kind, Double volts) {
            supplyKind = kind;
            supplyVolts = volts;
            return this;
        }

        Case constraints(Constraint... cs) {
            constraints.addAll(List.of(cs));
            return this;
        }

        Case recipe(RecipeKind r) {
            recipe = r;
            return this;
        }

        Case defaultBoard() {
            defaultBoard = true;
            return this;
        }

        /** A part besides the board whose name, aliases, keywords or description mention this. */
        Case partAbout(String word) {
            about = word;
            return this;
        }

        /** How many parts in all. */
        Case count(int n) {
            count = n;
            return this;
        }

        /** Exactly these pin wishes, each "partId@BOARDPIN". */
        Case pins(String... specs) {
            pins = List.of(specs);
            return this;
        }

        Case typo(String word) {
            typos.add(word);
            return this;
        }

        void check(Requirements r) {
            Map<String, PartRequest> byId = r.parts().stream()
                    .collect(Collectors.toMap(PartRequest::id, p -> p, (a, b) -> a, LinkedHashMap::new));
            if (exactParts) {
                assertThat(byId.keySet()).as("parts of %s", prompt).containsExactlyInAnyOrderElementsOf(parts.keySet());
            } else {
                assertThat(byId.keySet()).as("parts of %s", prompt).containsAll(parts.keySet());
            }
            for (String spec : parts.values()) {
                String id = spec.split("[*:]")[0];
                PartRequest p = byId.get(id);
                if (spec.contains("*")) {
                    int q = Integer.parseInt(spec.replaceAll(".*\\*(\\d+).*", "$1"));
                    assertThat(p.quantity()).as("quantity of %s", id).isEqualTo(q);
                }
                if (spec.contains(":")) {
                    assertThat(p.role()).as("role of %s", id).isEqualTo(PartRole.valueOf(spec.split(":")[1]));
                }
            }
            if (!r.parts().isEmpty() && r.parts().stream().anyMatch(p -> p.role() == PartRole.BOARD)) {
                assertThat(r.parts().get(0).role()).as("the board comes first").isEqualTo(PartRole.BOARD);
            }
            assertThat(r.parts().stream().anyMatch(PartRequest::defaulted)).as("default board").isEqualTo(defaultBoard);
            for (Object[] v : values) {
                Quantity q = (Quantity) v[0];
                double expected = (double) v[1];
                assertThat(r.values()).as("%s in %s", q, r.values())
                        .anySatisfy(dv -> {
                            assertThat(dv.quantity()).isEqualTo(q);
                            assertThat(dv.value()).isCloseTo(expected, within(Math.abs(expected) * 1e-6));
                        });
            }
            for (Quantity q : absent) {
                assertThat(r.values()).extracting(DesignValue::quantity).doesNotContain(q);
            }
            if (supplyKind != null) {
                assertThat(r.supply().kind()).as("supply").isEqualTo(supplyKind);
                assertThat(r.supply().volts()).as("supply volts").isEqualTo(supplyVolts);
            }
            assertThat(r.constraints()).as("constraints").containsAll(constraints);
            assertThat(r.recipe()).as("recipe").isEqualTo(recipe);
            if (about != null) {
                assertThat(r.parts()).as("a part about %s", about).anyMatch(p -> p.role() == PartRole.PERIPHERAL
                        && text(p.id()).contains(about));
            }
            if (count >= 0) {
                assertThat(r.parts()).as("parts of %s", prompt).hasSize(count);
            }
            for (String t : typos) {
                assertThat(r.notes()).anyMatch(n -> n.startsWith("read \"" + t + "\""));
            }
            if (pins != null) {
                assertThat(r.pinWishes()).as("pin wishes of %s", prompt)
                        .extracting(w -> w.partId() + "@" + w.boardPin()).containsExactlyInAnyOrderElementsOf(pins);
            }
            assertThat(r.unresolved()).as("unresolved").isEmpty();
            assertThat(r.notes()).isNotEmpty();
        }

        private static String text(String id) {
            var p = KB.require(id);
            return (p.name() + " " + p.aliases() + " " + p.keywords() + " " + p.description()).toLowerCase();
        }

        @Override
        public String toString() {
            return prompt;
        }
    }
}
