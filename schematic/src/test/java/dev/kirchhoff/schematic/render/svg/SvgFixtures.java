package dev.kirchhoff.schematic.render.svg;

import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Pin;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;
import dev.kirchhoff.schematic.units.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Real circuits built by hand for the renderer's tests. Parts mimic knowledge-base entries (an ESP32 DevKit, a BME280
 * and an SSD1306 module, an NE555, an LM358) with their pin names, types and functions, since the schematic module
 * cannot reach the knowledge base.
 */
final class SvgFixtures {

    private final Circuit.Builder b = Circuit.builder();

    private SvgFixtures(String title) {
        b.title(title);
    }

    static SvgFixtures circuit(String title) {
        return new SvgFixtures(title);
    }

    SvgFixtures add(Component c) {
        b.add(c);
        return this;
    }

    SvgFixtures prim(String ref, ComponentKind kind, String value) {
        Component.Builder c = Component.builder(ref, kind);
        if (value != null) {
            Value v = Value.parse(value);
            c.value(v.isNumber() ? v : Value.text(value));
        }
        b.add(c.build());
        return this;
    }

    SvgFixtures r(String ref, String value) {
        return prim(ref, ComponentKind.RESISTOR, value);
    }

    SvgFixtures c(String ref, String value) {
        return prim(ref, ComponentKind.CAPACITOR, value);
    }

    SvgFixtures led(String ref) {
        b.add(Component.builder(ref, ComponentKind.LED).part("led-red").build());
        return this;
    }

    SvgFixtures device(String ref, ComponentKind kind, String model) {
        b.add(Component.builder(ref, kind).model(model).build());
        return this;
    }

    SvgFixtures part(String ref, String id, List<Pin> pins) {
        b.add(Component.builder(ref, ComponentKind.PART).part(id).pins(pins).build());
        return this;
    }

    /** A net of {@code REF:PIN} (pin number or name). */
    SvgFixtures net(String name, String... pins) {
        b.net(name);
        for (String p : pins) {
            int colon = p.indexOf(':');
            b.connect(p.substring(0, colon), p.substring(colon + 1), name);
        }
        return this;
    }

    Circuit build() {
        return b.build();
    }

    // ---- parts -----------------------------------------------------------------------------------------------

    static Pin pin(String number, String name, PinType type, PinFunction... functions) {
        return new Pin(number, name, type, Set.of(functions));
    }

    /** An ESP32 DevKit V1 as the knowledge base describes it: 30 pins, GPIOs bidirectional, 34/35 input only. */
    static List<Pin> esp32() {
        List<Pin> pins = new ArrayList<>();
        pins.add(pin("1", "EN", PinType.INPUT, PinFunction.RESET));
        pins.add(pin("2", "VP", PinType.INPUT, PinFunction.ADC));
        pins.add(pin("3", "VN", PinType.INPUT, PinFunction.ADC));
        pins.add(pin("4", "D34", PinType.INPUT, PinFunction.ADC));
        pins.add(pin("5", "D35", PinType.INPUT, PinFunction.ADC));
        String[] gpio = {"D32", "D33", "D25", "D26", "D27", "D14", "D12", "D13"};
        int n = 6;
        for (String g : gpio) {
            pins.add(pin(Integer.toString(n++), g, PinType.BIDIRECTIONAL, PinFunction.GPIO, PinFunction.PWM));
        }
        pins.add(pin("14", "GND", PinType.POWER_IN, PinFunction.GROUND));
        pins.add(pin("15", "VIN", PinType.POWER_IN, PinFunction.POWER));
        pins.add(pin("16", "3V3", PinType.POWER_OUT, PinFunction.POWER));
        pins.add(pin("17", "GND.2", PinType.POWER_IN, PinFunction.GROUND));
        pins.add(pin("18", "D15", PinType.BIDIRECTIONAL, PinFunction.GPIO));
        pins.add(pin("19", "D2", PinType.BIDIRECTIONAL, PinFunction.GPIO));
        pins.add(pin("20", "D4", PinType.BIDIRECTIONAL, PinFunction.GPIO, PinFunction.PWM));
        pins.add(pin("21", "RX2", PinType.BIDIRECTIONAL, PinFunction.UART_RX));
        pins.add(pin("22", "TX2", PinType.BIDIRECTIONAL, PinFunction.UART_TX));
        pins.add(pin("23", "D5", PinType.BIDIRECTIONAL, PinFunction.GPIO, PinFunction.SPI_CS));
        pins.add(pin("24", "D18", PinType.BIDIRECTIONAL, PinFunction.SPI_SCK));
        pins.add(pin("25", "D19", PinType.BIDIRECTIONAL, PinFunction.SPI_MISO));
        pins.add(pin("26", "D21", PinType.BIDIRECTIONAL, PinFunction.I2C_SDA));
        pins.add(pin("27", "RX0", PinType.BIDIRECTIONAL, PinFunction.UART_RX));
        pins.add(pin("28", "TX0", PinType.BIDIRECTIONAL, PinFunction.UART_TX));
        pins.add(pin("29", "D22", PinType.BIDIRECTIONAL, PinFunction.I2C_SCL));
        pins.add(pin("30", "D23", PinType.BIDIRECTIONAL, PinFunction.SPI_MOSI));
        return pins;
    }

    static List<Pin> bme280() {
        return List.of(pin("1", "VIN", PinType.POWER_IN, PinFunction.POWER),
                pin("2", "GND", PinType.POWER_IN, PinFunction.GROUND),
                pin("3", "SCL", PinType.INPUT, PinFunction.I2C_SCL),
                pin("4", "SDA", PinType.BIDIRECTIONAL, PinFunction.I2C_SDA));
    }

    static List<Pin> ssd1306() {
        return List.of(pin("1", "GND", PinType.POWER_IN, PinFunction.GROUND),
                pin("2", "VCC", PinType.POWER_IN, PinFunction.POWER),
                pin("3", "SCL", PinType.INPUT, PinFunction.I2C_SCL),
                pin("4", "SDA", PinType.BIDIRECTIONAL, PinFunction.I2C_SDA));
    }

    static List<Pin> ne555() {
        return List.of(pin("1", "GND", PinType.POWER_IN, PinFunction.GROUND),
                pin("2", "TRIG", PinType.INPUT),
                pin("3", "OUT", PinType.OUTPUT),
                pin("4", "RESET", PinType.INPUT, PinFunction.RESET),
                pin("5", "CTRL", PinType.INPUT),
                pin("6", "THR", PinType.INPUT),
                pin("7", "DIS", PinType.OPEN_COLLECTOR),
                pin("8", "VCC", PinType.POWER_IN, PinFunction.POWER));
    }

    static List<Pin> lm358() {
        return List.of(pin("1", "OUT", PinType.OUTPUT),
                pin("2", "IN-", PinType.INPUT, PinFunction.ANALOG),
                pin("3", "IN+", PinType.INPUT, PinFunction.ANALOG),
                pin("4", "V-", PinType.POWER_IN, PinFunction.POWER),
                pin("8", "V+", PinType.POWER_IN, PinFunction.POWER));
    }

    static List<Pin> twoPin(String a, String b) {
        return List.of(pin("1", a, PinType.PASSIVE), pin("2", b, PinType.PASSIVE));
    }

    static List<Pin> potentiometer() {
        return List.of(pin("1", "1", PinType.PASSIVE), pin("2", "W", PinType.PASSIVE), pin("3", "3", PinType.PASSIVE));
    }

    // ---- circuits --------------------------------------------------------------------------------------------

    /** ESP32 with a BME280 and an SSD1306 on I2C (with pull-ups) and a status LED on D4. */
    static Circuit esp32Weather() {
        return circuit("ESP32 weather station: BME280 + SSD1306 on I2C, LED on D4")
                .part("esp", "esp32-devkit-v1", esp32())
                .part("bme", "bme280-module", bme280())
                .part("oled", "ssd1306-i2c-oled", ssd1306())
                .r("R1", "330").led("D1")
                .r("R2", "4.7k").r("R3", "4.7k")
                .net("3V3", "esp:3V3", "bme:VIN", "oled:VCC", "R2:1", "R3:1")
                .net("GND", "esp:14", "esp:17", "bme:GND", "oled:GND", "D1:K")
                .net("SDA", "esp:D21", "bme:SDA", "oled:SDA", "R2:2")
                .net("SCL", "esp:D22", "bme:SCL", "oled:SCL", "R3:2")
                .net("LED", "esp:D4", "R1:1")
                .net("LED_A", "R1:2", "D1:A")
                .build();
    }

    /** A 5 V source lighting an LED through 220 ohms. */
    static Circuit ledWithResistor() {
        return circuit("LED with series resistor")
                .prim("V1", ComponentKind.VOLTAGE_SOURCE, "DC 5")
                .r("R1", "220").led("D1")
                .net("VCC", "V1:+", "R1:1")
                .net("A", "R1:2", "D1:A")
                .net("0", "V1:-", "D1:K")
                .build();
    }

    /** An ESP32 switching a 12 V motor through a logic-level MOSFET, gate resistor, pull-down and flyback diode. */
    static Circuit mosfetLowSide() {
        return circuit("Low-side MOSFET switch with flyback diode")
                .part("esp", "esp32-devkit-v1", esp32())
                .r("R1", "100").r("R2", "10k")
                .device("Q1", ComponentKind.MOSFET, "IRLZ44N")
                .device("D1", ComponentKind.DIODE, "1N4007")
                .prim("L1", ComponentKind.INDUCTOR, "1m")
                .net("GATE_DRV", "esp:D25", "R1:1")
                .net("GATE", "R1:2", "Q1:G", "R2:1")
                .net("GND", "Q1:S", "R2:2", "esp:GND")
                .net("MOTOR-", "Q1:D", "L1:2", "D1:A")
                .net("+12V", "L1:1", "D1:K")
                .build();
    }

    /** An NE555 astable from a 9 V battery, blinking an LED. */
    static Circuit astable555() {
        return circuit("555 astable LED flasher")
                .part("B1", "battery-9v", twoPin("+", "-"))
                .part("U1", "ne555", ne555())
                .r("R1", "1k").r("R2", "10k").c("C1", "10u").c("C2", "10n").r("R3", "470").led("D1")
                .net("+9V", "B1:+", "U1:VCC", "U1:RESET", "R1:1")
                .net("GND", "B1:-", "U1:GND", "C1:2", "C2:2", "D1:K")
                .net("DIS", "U1:DIS", "R1:2", "R2:1")
                .net("THR", "U1:THR", "U1:TRIG", "R2:2", "C1:1")
                .net("CV", "U1:CTRL", "C2:1")
                .net("OUT", "U1:OUT", "R3:1")
                .net("LED_A", "R3:2", "D1:A")
                .build();
    }

    /** A non-inverting amplifier, gain 11, on an LM358 from 5 V, driven by a sine source. */
    static Circuit nonInvertingOpAmp() {
        return circuit("Non-inverting amplifier, gain 11")
                .part("U1", "lm358", lm358())
                .prim("V1", ComponentKind.VOLTAGE_SOURCE, "DC 5")
                .prim("V2", ComponentKind.VOLTAGE_SOURCE, "SIN(2.5 0.1 1k)")
                .r("RF", "100k").r("RG", "10k").c("C1", "100n")
                .net("VCC", "V1:+", "U1:V+", "C1:1")
                .net("GND", "V1:-", "V2:-", "U1:V-", "RG:2", "C1:2")
                .net("SIG", "V2:+", "U1:IN+")
                .net("FB", "U1:IN-", "RF:2", "RG:1")
                .net("OUT", "U1:OUT", "RF:1")
                .build();
    }

    /** About forty components around an ESP32: LEDs, buttons, sensors, a pot, a MOSFET stage, a PNP driver. */
    static Circuit fortyComponents() {
        SvgFixtures f = circuit("Forty-component ESP32 panel")
                .part("esp", "esp32-devkit-v1", esp32())
                .part("bme", "bme280-module", bme280())
                .part("oled", "ssd1306-i2c-oled", ssd1306())
                .part("RV1", "potentiometer-10k", potentiometer())
                .r("R20", "4.7k").r("R21", "4.7k")
                .c("C1", "100n").c("C2", "10u").c("C3", "100n");
        String[] ledPins = {"D13", "D12", "D14", "D27", "D26", "D15", "D2", "D5"};
        for (int i = 0; i < ledPins.length; i++) {
            f.r("R" + (i + 1), "330").led("D" + (i + 1));
        }
        String[] buttonPins = {"D18", "D19", "D23", "TX2"};
        for (int i = 0; i < buttonPins.length; i++) {
            f.part("SW" + (i + 1), "push-button", twoPin("1", "2")).r("R" + (i + 10), "10k");
        }
        f.r("R30", "100").r("R31", "10k").device("Q1", ComponentKind.MOSFET, "IRLZ44N")
                .device("D20", ComponentKind.DIODE, "1N4007").prim("L1", ComponentKind.INDUCTOR, "1m")
                .r("R32", "1k").device("Q2", ComponentKind.BJT, "2N3906").prim("LS1", ComponentKind.INDUCTOR, "10m");
        f.net("3V3", "esp:3V3", "bme:VIN", "oled:VCC", "R20:1", "R21:1", "C1:1", "C2:1", "RV1:1", "C3:1",
                "SW1:1", "SW2:1", "SW3:1", "SW4:1", "Q2:E");
        List<String> ground = new ArrayList<>(List.of("esp:14", "esp:17", "bme:GND", "oled:GND", "C1:2", "C2:2",
                "RV1:3", "C3:2", "Q1:S", "R31:2", "LS1:2"));
        for (int i = 0; i < ledPins.length; i++) {
            f.net("L" + (i + 1), "esp:" + ledPins[i], "R" + (i + 1) + ":1");
            f.net("LA" + (i + 1), "R" + (i + 1) + ":2", "D" + (i + 1) + ":A");
            ground.add("D" + (i + 1) + ":K");
        }
        for (int i = 0; i < buttonPins.length; i++) {
            f.net("BTN" + (i + 1), "esp:" + buttonPins[i], "SW" + (i + 1) + ":2", "R" + (i + 10) + ":1");
            ground.add("R" + (i + 10) + ":2");
        }
        f.net("GND", ground.toArray(new String[0]));
        f.net("SDA", "esp:D21", "bme:SDA", "oled:SDA", "R20:2");
        f.net("SCL", "esp:D22", "bme:SCL", "oled:SCL", "R21:2");
        f.net("POT", "esp:D34", "RV1:W");
        f.net("GATE_DRV", "esp:D25", "R30:1");
        f.net("GATE", "R30:2", "Q1:G", "R31:1");
        f.net("MOTOR-", "Q1:D", "L1:2", "D20:A");
        f.net("+12V", "L1:1", "D20:K");
        f.net("BUZ_B", "esp:D33", "R32:1");
        f.net("BUZ_BASE", "R32:2", "Q2:B");
        f.net("BUZ", "Q2:C", "LS1:1");
        return f.build();
    }

    /** The hints a design stage would give: knowledge-base categories that have a standard symbol. */
    static Symbol hint(Component c) {
        if (c.part() == null) {
            return null;
        }
        if (c.part().startsWith("push-button")) {
            return Symbol.BUTTON;
        }
        if (c.part().startsWith("potentiometer")) {
            return Symbol.POTENTIOMETER;
        }
        if (c.part().startsWith("battery")) {
            return Symbol.BATTERY;
        }
        return null;
    }
}
