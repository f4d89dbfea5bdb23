package dev.kirchhoff.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseTest {

    private static final KnowledgeBase KB = KnowledgeBase.bundled();

    /** The parts the first release must cover (the coverage list of the knowledge-base issue). */
    private static final List<String> COVERAGE = List.of(
            "arduino-uno-r3", "arduino-nano", "arduino-mega-2560", "arduino-pro-mini", "arduino-leonardo",
            "esp32-devkit-v1", "esp32-s3-devkitc-1", "esp32-c3-devkitm-1", "esp8266-nodemcu", "esp-01", "esp32-cam",
            "raspberry-pi-pico", "raspberry-pi-pico-w", "stm32-blue-pill", "teensy-4-0", "bme280-module",
            "bmp280-module", "dht11", "dht22", "ds18b20", "mpu6050-module", "hmc5883l-module", "hc-sr04", "hc-sr501",
            "ldr", "soil-moisture-sensor", "mq-2-module", "mq-135-module", "ina219-module", "max4466-module",
            "load-cell", "hx711-module", "flame-sensor-module", "ir-receiver-vs1838b", "ky-040-rotary-encoder",
            "joystick-module", "neo-6m-gps-module", "as608-fingerprint-sensor", "mfrc522-module", "ssd1306-i2c-oled",
            "ssd1306-spi-oled", "lcd1602", "lcd1602-i2c", "seven-segment-1-digit", "seven-segment-4-digit",
            "max7219-matrix-module", "ili9341-spi-tft", "ws2812b", "sg90", "relay-module-1ch", "l298n-module", "l293d",
            "a4988-module", "drv8825-module", "uln2003-module", "28byj-48", "bts7960-module", "buzzer-active",
            "buzzer-passive", "dc-motor", "solenoid-12v", "lm7805", "ams1117-3-3", "lm2596-buck-module",
            "xl6009-boost-module", "tp4056-module", "mt3608-module", "battery-9v", "battery-18650", "battery-aa-pack",
            "usb-power", "hc-05", "nrf24l01", "sx1278-ra-02", "sim800l", "enc28j60-module", "mcp2515-module",
            "max485-module", "74hc595", "74hc165", "cd4051", "tca9548a-module", "pcf8574-module", "ne555", "lm358",
            "lm741", "tl072", "lm393", "2n2222", "bc547", "tip120", "irlz44n", "2n7000", "1n4007", "1n5819",
            "zener-1n4733a", "digispark-attiny85", "ac-mains-source", "transformer-230v-12v", "bridge-rectifier",
            "fuse", "ds3231-module", "ds1307-module", "microsd-card-module", "at24c256", "keypad-4x4", "ttp223-module",
            "rgb-led", "dfplayer-mini", "lm35", "tmp36", "acs712-module", "ir-obstacle-sensor-module",
            "tcrt5000-module", "a3144-hall-sensor", "water-level-sensor", "resistor", "capacitor-ceramic",
            "capacitor-electrolytic", "inductor", "potentiometer", "push-button", "slide-switch", "crystal",
            "water-pump-5v", "fan-12v");

    @Test
    void bundledHoldsAtLeast150CuratedParts() {
        assertThat(KB.size()).isGreaterThanOrEqualTo(150);
        assertThat(KB.parts()).hasSize(KB.size())
                .allSatisfy(p -> assertThat(p.tier()).isEqualTo(Tier.CURATED))
                .allSatisfy(p -> assertThat(p.hasCapabilityData()).isTrue());
    }

    @Test
    void everyPartOfTheCoverageListExists() {
        assertThat(COVERAGE).hasSize(126).doesNotHaveDuplicates();
        List<String> missing = COVERAGE.stream().filter(id -> KB.part(id).isEmpty()).toList();
        assertThat(missing).as("coverage-list ids with no part").isEmpty();
    }

    @Test
    void stepperDriverControlPinsThatStopTheDriverWhenOpenAreMustDrive() {
        // DRV8825: RST and SLP are pulled down inside the chip; A4988 carrier: RESET floats, SLEEP is pulled up
        assertThat(KB.part("drv8825-module").orElseThrow().pins()).filteredOn(p -> p.has(PinFlag.MUST_DRIVE))
                .extracting(PartPin::name).containsExactly("RST", "SLP");
        assertThat(KB.part("a4988-module").orElseThrow().pins()).filteredOn(p -> p.has(PinFlag.MUST_DRIVE))
                .extracting(PartPin::name).containsExactly("RESET");
        // open means enabled on both: not must-drive
        assertThat(KB.part("drv8825-module").orElseThrow().pin("EN").orElseThrow().has(PinFlag.MUST_DRIVE)).isFalse();
        assertThat(KB.parts()).flatExtracting(Part::pins).filteredOn(p -> p.has(PinFlag.MUST_DRIVE))
                .allSatisfy(p -> assertThat(p.type()).isEqualTo(PinType.INPUT));
    }

    @Test
    void findMatchesPartNumbersAndAliasesIgnoringCaseAndPunctuation() {
        assertThat(KB.find("BME-280")).map(Part::id).contains("bme280-module");
        assertThat(KB.find("gy-bme280")).map(Part::id).contains("bme280-module");
        assertThat(KB.find("GY BME280")).map(Part::id).contains("bme280-module");
        assertThat(KB.find("HC SR04")).map(Part::id).contains("hc-sr04");
        assertThat(KB.find("hc-sr04")).map(Part::id).contains("hc-sr04");
        assertThat(KB.find("no such thing")).isEmpty();
    }

    @Test
    void requireOfAMisspeltNameSuggestsTheClosestParts() {
        assertThatThrownBy(() -> KB.require("bme820"))
                .isInstanceOf(UnknownPartException.class)
                .hasMessage("no part 'bme820' — did you mean bme280-module, bmp280-module?")
                .satisfies(e -> {
                    UnknownPartException u = (UnknownPartException) e;
                    assertThat(u.wanted()).isEqualTo("bme820");
                    assertThat(u.suggestions()).containsSubsequence("bme280-module", "bmp280-module");
                    assertThat(u.suggestions().get(0)).isEqualTo("bme280-module");
                });
    }

    @Test
    void requireOfSomethingUnlikeAnyPartPointsToSearch() {
        assertThatThrownBy(() -> KB.require("flux capacitor 88mph"))
                .isInstanceOf(UnknownPartException.class)
                .hasMessage("no part 'flux capacitor 88mph' in the knowledge base; try "
                        + "`kirchhoff kb search \"flux capacitor 88mph\"`");
    }

    @Test
    void esp32DevkitGpio34IsInputOnlyWithoutPwmAndGpio21IsTheDefaultSda() {
        Part esp = KB.require("esp32-devkit-v1");

        PartPin gpio34 = esp.pin("GPIO34").orElseThrow();
        assertThat(gpio34.has(PinFlag.INPUT_ONLY)).isTrue();
        assertThat(gpio34.can(PinFunction.PWM)).isFalse();
        assertThat(gpio34.can(PinFunction.ADC)).isTrue();
        assertThat(gpio34.type()).isEqualTo(PinType.INPUT);

        PartPin gpio21 = esp.pin("GPIO21").orElseThrow();
        assertThat(gpio21.defaultFor()).containsExactly(PinFunction.I2C_SDA);
        assertThat(gpio21.can(PinFunction.I2C_SDA)).isTrue();
        assertThat(esp.pins()).filteredOn(p -> p.defaultFor().contains(PinFunction.I2C_SDA))
                .extracting(PartPin::name).containsExactly("GPIO21");
        assertThat(esp.pins()).filteredOn(p -> p.defaultFor().contains(PinFunction.I2C_SCL))
                .extracting(PartPin::name).containsExactly("GPIO22");
    }

    @Test
    void unoA4IsTheDefaultSda() {
        Part uno = KB.require("arduino-uno-r3");
        PartPin a4 = uno.pin("A4").orElseThrow();
        assertThat(a4.name()).isEqualTo("A4");
        assertThat(a4.defaultFor()).containsExactly(PinFunction.I2C_SDA);
        assertThat(a4.functions()).contains(PinFunction.ADC, PinFunction.I2C_SDA);
        assertThat(uno.pins()).filteredOn(p -> p.defaultFor().contains(PinFunction.I2C_SDA))
                .extracting(PartPin::name).containsExactly("A4");
    }

    @Test
    void bme280ModulePinSdiResolvesToSdaThroughItsAlias() {
        Part bme = KB.require("bme280-module");
        assertThat(bme.pin("SDI")).map(PartPin::name).contains("SDA");
        assertThat(bme.pin("sdi")).map(PartPin::name).contains("SDA");
        assertThat(bme.pin("4")).map(PartPin::name).contains("SDA");
        assertThat(bme.pin("MOSI")).map(PartPin::name).contains("SDA");
        assertThat(bme.pin("VDDIO")).isEmpty();
    }

    @Test
    void bme280ModuleAnswersAtI2cAddresses0x76And0x77() {
        PartInterface i2c = KB.require("bme280-module").interfaceOf(InterfaceKind.I2C).orElseThrow();
        assertThat(i2c.addresses()).containsExactly("0x76", "0x77");
        assertThat(i2c.addressValues()).containsExactly(0x76, 0x77);
        assertThat(i2c.defaultAddress()).isEqualTo("0x76");
        assertThat(i2c.pins()).containsExactlyInAnyOrder("SDA", "SCL");
    }

    @Test
    void ledModelsHaveForwardVoltagesBetween1_6And3_6Volts() {
        List<Part> leds = KB.parts().stream()
                .filter(p -> p.model() != null && p.model().kind() == ModelKind.LED).toList();
        assertThat(leds).extracting(Part::id).contains("led-red", "led-blue", "led-white", "rgb-led");
        for (Part led : leds) {
            Map<String, Double> vf = new java.util.TreeMap<>();
            led.model().parameters().forEach((k, v) -> {
                if (k.startsWith("vf") && !k.equals("vfMax")) {
                    vf.put(k, v);
                }
            });
            assertThat(vf).as("forward voltages of %s", led.id()).isNotEmpty()
                    .allSatisfy((k, v) -> assertThat(v).as("%s %s", led.id(), k).isBetween(1.6, 3.6));
        }
        // a blue LED needs more than a red one
        assertThat(KB.require("led-blue").model().parameter("vf", 0))
                .isGreaterThan(KB.require("led-red").model().parameter("vf", 0));
    }

    @Test
    void everyCuratedPartHasASourceAndADescription() {
        assertThat(KB.parts()).allSatisfy(p -> {
            assertThat(p.sources()).as("sources of %s", p.id()).isNotEmpty();
            assertThat(p.sources().values()).as("sources of %s", p.id()).allSatisfy(s -> assertThat(s).isNotBlank());
            assertThat(p.description()).as("description of %s", p.id()).hasSizeGreaterThanOrEqualTo(10);
            assertThat(p.origin()).as("origin of %s", p.id()).startsWith("parts/").endsWith(".json");
        });
    }

    @Test
    void fingerprintChangesWhenAPartFileChanges(@TempDir Path tmp) throws IOException {
        copyTree(DataFiles.classpathRoot().resolve("parts"), tmp.resolve("parts"));
        KnowledgeBase copy = KnowledgeBase.load(tmp);
        assertThat(copy.size()).isEqualTo(KB.size());
        assertThat(copy.fingerprint()).isEqualTo(KnowledgeBase.load(tmp).fingerprint()).hasSize(64);

        Path lm35 = tmp.resolve("parts/sensor/lm35.json");
        String json = Files.readString(lm35, StandardCharsets.UTF_8);
        String edited = json.replaceFirst("\"description\": \"", "\"description\": \"Edited. ");
        assertThat(edited).isNotEqualTo(json);
        Files.writeString(lm35, edited, StandardCharsets.UTF_8);

        KnowledgeBase changed = KnowledgeBase.load(tmp);
        assertThat(changed.fingerprint()).isNotEqualTo(copy.fingerprint());
        assertThat(changed.require("lm35").description()).startsWith("Edited. ");

        Files.writeString(lm35, json, StandardCharsets.UTF_8);
        assertThat(KnowledgeBase.load(tmp).fingerprint()).isEqualTo(copy.fingerprint());
    }

    @Test
    void loadingAFolderWithoutPartsSaysWhatToPointAt(@TempDir Path tmp) {
        assertThatThrownBy(() -> KnowledgeBase.load(tmp))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("no parts/ folder here");
    }

    static void copyTree(Path from, Path to) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(all::add);
        }
        for (Path p : all) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else {
                Files.copy(p, target);
            }
        }
    }
}
