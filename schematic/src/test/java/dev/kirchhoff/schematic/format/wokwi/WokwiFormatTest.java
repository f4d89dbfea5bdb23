package dev.kirchhoff.schematic.format.wokwi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirchhoff.schematic.format.Notice;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.schematic.format.Source;
import dev.kirchhoff.schematic.format.spice.SpiceDialect;
import dev.kirchhoff.schematic.format.spice.SpiceFormat;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Connectivity;
import dev.kirchhoff.schematic.model.Pin;
import dev.kirchhoff.schematic.model.PinRef;
import dev.kirchhoff.schematic.model.PinType;
import dev.kirchhoff.schematic.units.Value;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WokwiFormatTest {

    private static final WokwiFormat FORMAT = new WokwiFormat();

    @Test
    void readsAnUnoWithLedResistorAndButtonAsWokwiSavedIt() throws Exception {
        Notices notices = new Notices();
        Circuit c = FORMAT.read(fixture("uno-led-button.diagram.json"), notices);

        assertThat(c.components()).extracting(Component::ref).containsExactly("uno", "led1", "r1", "btn1");
        Component uno = c.component("uno").orElseThrow();
        assertThat(uno.kind()).isEqualTo(ComponentKind.PART);
        assertThat(uno.part()).isEqualTo("wokwi:wokwi-arduino-uno");
        assertThat(uno.pins()).hasSize(31).extracting(Pin::number).contains("13", "GND.1", "GND.2", "A5.2", "5V");
        assertThat(uno.property("wokwi.top")).isEqualTo("0.6");
        assertThat(uno.property("wokwi.left")).isEqualTo("-0.6");

        Component r1 = c.component("r1").orElseThrow();
        assertThat(r1.kind()).isEqualTo(ComponentKind.RESISTOR);
        assertThat(r1.value().magnitude()).isEqualTo(220.0);
        assertThat(r1.property("wokwi.rotate")).isEqualTo("90");
        Component led = c.component("led1").orElseThrow();
        assertThat(led.kind()).isEqualTo(ComponentKind.LED);
        assertThat(led.property("wokwi.attr.color")).isEqualTo("red");
        assertThat(c.component("btn1").orElseThrow().pins()).extracting(Pin::number)
                .containsExactly("1.l", "2.l", "1.r", "2.r");

        // uno:13 -> r1 -> led1 anode; led1 cathode and the button's other side on GND
        assertThat(c.netOf(PinRef.of("led1:A"))).isEqualTo(c.netOf(PinRef.of("r1:1"))).contains("net2");
        assertThat(c.netOf(PinRef.of("uno:13"))).isEqualTo(c.netOf(PinRef.of("r1:2"))).contains("net1");
        String gnd = c.netOf(PinRef.of("uno:GND.1")).orElseThrow();
        assertThat(gnd).isEqualTo("GND");
        assertThat(c.net(gnd).orElseThrow().pins()).containsExactlyInAnyOrder(
                PinRef.of("uno:GND.1"), PinRef.of("led1:1"), PinRef.of("btn1:2.r"));
        assertThat(c.netOf(PinRef.of("led1:C"))).contains("GND");
        assertThat(c.netOf(PinRef.of("btn1:1.l"))).isEqualTo(c.netOf(PinRef.of("uno:2")));
        assertThat(c.netOf(PinRef.of("uno:GND.2"))).isEmpty();

        assertThat(notices.all()).filteredOn(n -> n.message().contains("colours or routes")).singleElement()
                .satisfies(n -> assertThat(n.message()).startsWith("5 wire(s)"));
        assertThat(notices.hasWarnings()).isFalse();
    }

    @Test
    void readsTheSerialMonitorAndAttributeDependentPins() throws Exception {
        Circuit c = FORMAT.read(fixture("esp32-serial.diagram.json"), new Notices());

        Component monitor = c.component("$serialMonitor").orElseThrow();
        assertThat(monitor.part()).isEqualTo("wokwi:$serialMonitor");
        assertThat(monitor.pins()).extracting(Pin::number).containsExactly("RX", "TX");
        assertThat(c.netOf(PinRef.of("esp:TX0"))).isEqualTo(c.netOf(PinRef.of("$serialMonitor:RX")));
        // an LCD with pins=i2c has the backpack's four pins, not the 16-pin header
        assertThat(c.component("lcd1").orElseThrow().pins()).extracting(Pin::number)
                .containsExactly("GND", "VCC", "SDA", "SCL");
        assertThat(c.net("3V3").orElseThrow().pins()).containsExactlyInAnyOrder(
                PinRef.of("dht1:VCC"), PinRef.of("esp:3V3"), PinRef.of("lcd1:VCC"));
        assertThat(c.netOf(PinRef.of("lcd1:GND"))).contains("GND");
        assertThat(c.netOf(PinRef.of("dht1:SDA"))).isEqualTo(c.netOf(PinRef.of("esp:D15")));
    }

    @Test
    void wokwiToWokwiKeepsConnectivityAndTheSecondWriteIsByteIdentical() throws Exception {
        for (String name : new String[] {"uno-led-button.diagram.json", "esp32-serial.diagram.json"}) {
            Circuit original = FORMAT.read(fixture(name), new Notices());
            String first = write(original, new Notices());
            Circuit again = FORMAT.read(Source.of("again.diagram.json", first), new Notices());
            String second = write(again, new Notices());

            assertThat(Connectivity.differences(original, again, Map.of())).as(name).isEmpty();
            assertThat(second).as(name).isEqualTo(first);
        }
    }

    @Test
    void writesInWokwisLayoutWithWiresColouredByNet() throws Exception {
        Circuit c = FORMAT.read(fixture("uno-led-button.diagram.json"), new Notices());
        String out = write(c, new Notices());

        assertThat(out).startsWith("{\n  \"version\": 1,\n  \"author\": \"Kirchhoff\",\n  \"editor\": \"wokwi\",\n")
                .endsWith("  \"dependencies\": {}\n}\n")
                .contains("    { \"type\": \"wokwi-arduino-uno\", \"id\": \"uno\", \"top\": 0.6, \"left\": -0.6, "
                        + "\"attrs\": {} },\n")
                .contains("      \"rotate\": 90,\n      \"attrs\": { \"value\": \"220\" }\n")
                .contains("    [ \"uno:13\", \"r1:2\", \"green\", [] ]")
                .contains("    [ \"led1:A\", \"r1:1\", \"green\", [] ]")
                .contains("    [ \"uno:GND.1\", \"led1:C\", \"black\", [] ]")
                .contains("    [ \"uno:GND.1\", \"btn1:2.r\", \"black\", [] ]");
    }

    @Test
    void writingASpiceCircuitKeepsResistorsAndLedsAndReportsTheRest() throws Exception {
        String deck = """
                * LED on a 5 V rail
                V1 vcc 0 5
                R1 vcc a 4.7k
                D1 a 0 red
                C1 vcc 0 100n
                .model red d is=1e-19 n=1.9
                .end
                """;
        Circuit spice = new SpiceFormat(SpiceDialect.NGSPICE).read(Source.of("led.cir", deck), new Notices());
        Notices notices = new Notices();
        String out = write(spice, notices);

        assertThat(out).contains("\"type\": \"wokwi-resistor\", \"id\": \"R1\"")
                .contains("\"attrs\": { \"value\": \"4700\" }")
                .doesNotContain("\"C1\"").doesNotContain("\"V1\"");
        assertThat(notices.all()).filteredOn(n -> n.message().contains("no Wokwi part")).singleElement()
                .satisfies(n -> {
                    assertThat(n.severity()).isEqualTo(Notice.Severity.WARNING);
                    assertThat(n.message()).startsWith("3 components").contains("V1").contains("D1").contains("C1");
                });
        assertThat(notices.all()).extracting(Notice::message).anyMatch(m -> m.startsWith("1 device model"));
    }

    @Test
    void knowledgeBasePartsWokwiAlsoHasAreWrittenWithTheirWokwiType() throws Exception {
        Component board = Component.builder("esp", ComponentKind.PART).part("esp32-devkit-v1")
                .pins(List.of(Pin.of("1", "D2", PinType.BIDIRECTIONAL), Pin.of("2", "GND", PinType.POWER_IN),
                        Pin.of("3", "GND", PinType.POWER_IN)))
                .build();
        Circuit c = Circuit.builder()
                .add(board, "LED_A", "GND", "GND")
                .add(Component.builder("D1", ComponentKind.LED).build(), "GND", "LED_K")
                .add(Component.builder("R1", ComponentKind.RESISTOR).value(Value.parse("330")).build(), "LED_A",
                        "LED_K")
                .build();

        String out = write(c, new Notices());

        assertThat(out).contains("\"type\": \"wokwi-esp32-devkit-v1\", \"id\": \"esp\"")
                .contains("[ \"esp:D2\", \"R1:1\", \"green\", [] ]")
                // two pins called GND: the pin number tells them apart
                .contains("[ \"esp:2\", \"esp:3\", \"black\", [] ]")
                .contains("[ \"esp:2\", \"D1:C\", \"black\", [] ]")
                .contains("[ \"D1:A\", \"R1:2\", \"green\", [] ]");
        assertThat(out.lines().filter(l -> l.contains("\"type\":"))).hasSize(3);
    }

    @Test
    void aConnectionToAMissingPartIsAnErrorAtThatEndpoint() throws Exception {
        String text = fixture("uno-led-button.diagram.json").text()
                .replace("[ \"r1:1\", \"led1:A\"", "[ \"r1:1\", \"led2:A\"");
        int line = lineOf(text, "led2:A");
        int column = text.split("\n")[line - 1].indexOf("\"led2:A\"") + 1;
        assertThatThrownBy(() -> FORMAT.read(Source.of("diagram.json", text), new Notices()))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.problem()).contains("'led2'").contains("not in \"parts\"");
                    assertThat(e.expected()).contains("uno, led1, r1, btn1");
                    assertThat(e.getMessage()).startsWith("diagram.json:" + line + ":" + column + ": ");
                });
    }

    @Test
    void aMalformedEndpointIsAnErrorAtThatString() throws Exception {
        String text = fixture("uno-led-button.diagram.json").text().replace("\"uno:13\"", "\"uno13\"");
        int line = lineOf(text, "uno13");
        assertThatThrownBy(() -> FORMAT.read(Source.of("diagram.json", text), new Notices()))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(text.split("\n")[line - 1].indexOf("\"uno13\"") + 1);
                    assertThat(e.problem()).contains("'uno13' is not a pin reference");
                    assertThat(e.expected()).contains("PART:PIN");
                });
    }

    @Test
    void aPinAnLedDoesNotHaveIsAnError() throws Exception {
        String text = fixture("uno-led-button.diagram.json").text().replace("\"led1:C\"", "\"led1:K2\"");
        assertThatThrownBy(() -> FORMAT.read(Source.of("diagram.json", text), new Notices()))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(lineOf(text, "led1:K2"));
                    assertThat(e.problem()).contains("wokwi-led").contains("'K2'");
                    assertThat(e.expected()).contains("A, C");
                });
    }

    @Test
    void invalidJsonIsReportedAtJacksonsLineAndColumn() {
        String text = "{\n  \"version\": 1,\n  \"parts\": [ { \"type\": \"wokwi-led\" \"id\": \"led1\" } ]\n}\n";
        assertThatThrownBy(() -> FORMAT.read(Source.of("diagram.json", text), new Notices()))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(text.split("\n")[2].indexOf("\"id\"") + 1);
                    assertThat(e.problem()).startsWith("invalid JSON: ").doesNotContain("Source:");
                });
    }

    @Test
    void emptyObjectWrongTopLevelTypeAndEmptyFileAreRejected() {
        assertThatThrownBy(() -> FORMAT.read(Source.of("d.json", "{}"), new Notices()))
                .isInstanceOfSatisfying(ParseException.class,
                        e -> assertThat(e.problem()).contains("neither \"parts\" nor \"connections\""));
        assertThatThrownBy(() -> FORMAT.read(Source.of("d.json", "[]"), new Notices()))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.problem()).contains("JSON object").contains("an array");
                    assertThat(e.expected()).contains("circuit-json");
                });
        assertThatThrownBy(() -> FORMAT.read(Source.of("d.json", "{\"parts\": {}}"), new Notices()))
                .isInstanceOfSatisfying(ParseException.class,
                        e -> assertThat(e.problem()).isEqualTo("\"parts\" is an object, not an array"));
        assertThatThrownBy(() -> FORMAT.read(Source.of("d.json", ""), new Notices()))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.problem()).contains("empty"));
        assertThatThrownBy(() -> FORMAT.read(Source.of("d.json",
                "{\"parts\": [{\"type\": \"wokwi-led\", \"id\": \"a\"}, {\"type\": \"wokwi-led\", \"id\": \"a\"}]}"),
                new Notices()))
                .isInstanceOfSatisfying(ParseException.class,
                        e -> assertThat(e.problem()).isEqualTo("two parts have the id 'a'"));
    }

    @Test
    void sniffsDiagramsAndNothingElse() throws Exception {
        assertThat(FORMAT.sniff(fixture("uno-led-button.diagram.json"))).isEqualTo(95);
        assertThat(FORMAT.sniff(Source.of("d.json", "{\"connections\": [], \"parts\": []}"))).isEqualTo(95);
        assertThat(FORMAT.sniff(Source.of("d.json", "{\"parts\": []}"))).isZero();
        assertThat(FORMAT.sniff(Source.of("d.json", "[{\"type\": \"source_net\"}]"))).isZero();
        assertThat(FORMAT.sniff(Source.of("d.cir", "* title\nR1 a b 1k\n.end\n"))).isZero();
    }

    @Test
    void wokwiNamesTheNetsOfPowerPins() {
        assertThat(WokwiNets.powerName("GND.2")).isEqualTo("GND");
        assertThat(WokwiNets.powerName("3.3V")).isEqualTo("3.3V");
        assertThat(WokwiNets.powerName("3V3")).isEqualTo("3V3");
        assertThat(WokwiNets.powerName("5V")).isEqualTo("5V");
        assertThat(WokwiNets.powerName("A4.2")).isNull();
        assertThat(WokwiNets.powerName("13")).isNull();
        assertThat(WokwiNets.colour("GND_2")).isEqualTo("black");
        assertThat(WokwiNets.colour("5V")).isEqualTo("red");
        assertThat(WokwiNets.colour("net3")).isEqualTo("green");
        assertThat(WokwiPins.pins("wokwi-resistor")).containsExactly("1", "2");
        assertThat(WokwiPins.pins("wokwi-7segment", Map.of("digits", "4"))).contains("DIG4", "CLN");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not found");
    }

    private static String write(Circuit c, Notices notices) throws IOException {
        StringBuilder sb = new StringBuilder();
        FORMAT.write(c, sb, notices);
        return sb.toString();
    }

    private static Source fixture(String name) throws IOException {
        try (InputStream in = WokwiFormatTest.class.getResourceAsStream("/wokwi/" + name)) {
            assertThat(in).as(name).isNotNull();
            return Source.of(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
