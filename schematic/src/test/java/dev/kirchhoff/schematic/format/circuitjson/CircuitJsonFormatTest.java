package dev.kirchhoff.schematic.format.circuitjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CircuitJsonFormatTest {

    private static final CircuitJsonFormat FORMAT = new CircuitJsonFormat();
    private static final SpiceFormat NGSPICE = new SpiceFormat(SpiceDialect.NGSPICE);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A subcircuit-free deck with every kind Circuit JSON has an ftype for, and some it has not. */
    private static final String DECK = """
            * inverter driving a BJT stage
            .model mn_fast nmos level=1 vto=0.7 kp=120u
            .model mp_fast pmos level=1 vto=-0.7 kp=40u
            .model qgen npn bf=100 is=1e-15
            .model dclamp d is=1e-14 n=1.8
            VDD vdd 0 DC 1.8
            VIN in 0 DC 0 PULSE(0 1.8 0 1n 1n 5n 10n)
            M1 out in 0 0 mn_fast w=1u l=180n
            M2 out in vdd vdd mp_fast w=2u l=180n m=2
            R1 vdd c1 4.7k
            Q1 c1 out e1 qgen
            RE e1 0 1k
            D1 c1 vdd dclamp
            C1 out 0 10f
            L1 c1 lx 10u
            RL lx 0 {rload}
            I1 0 e1 DC 10u
            E1 buf 0 out 0 2
            RB buf 0 10k
            .param rload=50
            .tran 0.1n 50n
            .end
            """;

    @Test
    void readsTheRcLowPassTscircuitEmitted() throws Exception {
        Notices notices = new Notices();
        Circuit c = FORMAT.read(fixture("rc-lowpass-led.circuit.json"), notices);

        assertThat(c.title()).isEqualTo("rc-lowpass-led");
        assertThat(c.components()).extracting(Component::ref).containsExactly("R1", "C1", "R2", "LED1");
        Component r1 = c.component("R1").orElseThrow();
        assertThat(r1.kind()).isEqualTo(ComponentKind.RESISTOR);
        assertThat(r1.value().magnitude()).isEqualTo(1000.0);
        assertThat(r1.property("circuit-json.display_resistance")).isEqualTo("1kΩ");
        assertThat(c.component("C1").orElseThrow().value().magnitude()).isEqualTo(100e-9);
        Component led = c.component("LED1").orElseThrow();
        assertThat(led.kind()).isEqualTo(ComponentKind.LED);
        assertThat(led.property("circuit-json.color")).isEqualTo("red");
        assertThat(led.property("circuit-json.manufacturer_part_number")).isEqualTo("XL-1608SURC-06");

        assertThat(c.netOf(PinRef.of("R1:1"))).contains("VIN");
        assertThat(c.netOf(PinRef.of("R1:2"))).contains("VOUT");
        assertThat(c.netOf(PinRef.of("C1:1"))).contains("VOUT");
        assertThat(c.netOf(PinRef.of("C1:2"))).contains("GND");
        assertThat(c.netOf(PinRef.of("R2:1"))).contains("VIN");
        // tscircuit's LED pin1 is the anode (its hints say so); in the model the anode is pin 2, as in KiCad
        assertThat(c.netOf(PinRef.of("LED1:anode"))).isEqualTo(c.netOf(PinRef.of("R2:2")));
        assertThat(c.netOf(PinRef.of("LED1:2"))).contains("net_R2_pin2");
        assertThat(c.netOf(PinRef.of("LED1:cathode"))).contains("GND");
        assertThat(c.net("GND").orElseThrow().pins())
                .containsExactlyInAnyOrder(PinRef.of("C1:2"), PinRef.of("LED1:1"));

        assertThat(notices.all()).filteredOn(n -> n.message().contains("ignored")).singleElement()
                .satisfies(n -> {
                    assertThat(n.severity()).isEqualTo(Notice.Severity.INFO);
                    assertThat(n.message()).contains("schematic_*").contains("pcb_*").contains("cad_*");
                });
    }

    @Test
    void readsTscircuitPortConventionsAndZodStyleValues() throws Exception {
        String text = """
                [
                  {"type": "source_component", "source_component_id": "q", "name": "Q1", "ftype": "simple_transistor",
                   "transistor_type": "pnp"},
                  {"type": "source_port", "source_port_id": "q1", "source_component_id": "q", "name": "pin1",
                   "pin_number": 1, "port_hints": ["collector", "c", "pin1", "1"]},
                  {"type": "source_port", "source_port_id": "q2", "source_component_id": "q", "name": "pin2",
                   "pin_number": 2, "port_hints": ["emitter", "e", "pin2", "2"]},
                  {"type": "source_port", "source_port_id": "q3", "source_component_id": "q", "name": "pin3",
                   "pin_number": 3, "port_hints": ["base", "b", "pin3", "3"]},
                  {"type": "source_component", "source_component_id": "v", "name": "V1",
                   "ftype": "simple_voltage_source", "voltage": "5V"},
                  {"type": "source_port", "source_port_id": "v1", "source_component_id": "v", "name": "terminal1",
                   "pin_number": 1},
                  {"type": "source_port", "source_port_id": "v2", "source_component_id": "v", "name": "terminal2",
                   "pin_number": 2},
                  {"type": "source_component", "source_component_id": "r", "name": "R1", "ftype": "simple_resistor",
                   "resistance": "10kΩ"},
                  {"type": "source_port", "source_port_id": "r1", "source_component_id": "r", "name": "pin1"},
                  {"type": "source_port", "source_port_id": "r2", "source_component_id": "r", "name": "pin2"},
                  {"type": "source_component", "source_component_id": "u", "name": "U1", "ftype": "simple_chip",
                   "manufacturer_part_number": "NE555"},
                  {"type": "source_port", "source_port_id": "u1", "source_component_id": "u", "name": "GND",
                   "pin_number": 1},
                  {"type": "source_port", "source_port_id": "u8", "source_component_id": "u", "name": "VCC",
                   "pin_number": 8},
                  {"type": "source_net", "source_net_id": "n0", "name": "VCC", "is_power": true},
                  {"type": "source_net", "source_net_id": "n1", "name": "GND", "is_ground": true},
                  {"type": "source_trace", "source_trace_id": "t0", "connected_source_port_ids": ["v1", "u8", "r1"],
                   "connected_source_net_ids": ["n0"]},
                  {"type": "source_trace", "source_trace_id": "t1", "connected_source_port_ids": ["v2", "u1"],
                   "connected_source_net_ids": ["n1"]},
                  {"type": "source_trace", "source_trace_id": "t2", "connected_source_port_ids": ["r2", "q3"],
                   "connected_source_net_ids": []},
                  {"type": "source_trace", "source_trace_id": "t3", "connected_source_port_ids": ["q2"],
                   "connected_source_net_ids": ["n0"]}
                ]
                """;
        Circuit c = FORMAT.read(Source.of("astable.circuit.json", text), new Notices());

        Component q1 = c.component("Q1").orElseThrow();
        assertThat(q1.property("polarity")).isEqualTo("pnp");
        assertThat(q1.pins()).extracting(p -> p.number() + ":" + p.name()).containsExactly("1:C", "3:E", "2:B");
        assertThat(c.netOf(PinRef.of("Q1:emitter"))).contains("VCC");
        assertThat(c.netOf(PinRef.of("Q1:base"))).isEqualTo(c.netOf(PinRef.of("R1:2"))).contains("net_Q1_pin3");
        assertThat(c.netOf(PinRef.of("Q1:collector"))).isEmpty();
        Component v1 = c.component("V1").orElseThrow();
        assertThat(v1.value().magnitude()).isEqualTo(5.0);
        assertThat(c.netOf(PinRef.of("V1:+"))).contains("VCC");
        assertThat(c.netOf(PinRef.of("V1:-"))).contains("GND");
        assertThat(c.component("R1").orElseThrow().value().magnitude()).isEqualTo(10_000.0);
        Component u1 = c.component("U1").orElseThrow();
        assertThat(u1.kind()).isEqualTo(ComponentKind.PART);
        assertThat(u1.part()).isEqualTo("circuit-json:simple_chip");
        assertThat(u1.property("circuit-json.manufacturer_part_number")).isEqualTo("NE555");
        assertThat(u1.pins()).extracting(p -> p.number() + ":" + p.name()).containsExactly("1:GND", "8:VCC");
        assertThat(c.net("VCC").orElseThrow().pins()).containsExactlyInAnyOrder(
                PinRef.of("V1:1"), PinRef.of("U1:8"), PinRef.of("R1:1"), PinRef.of("Q1:3"));
    }

    @Test
    void spiceToCircuitJsonAndBackKeepsEveryConnectionModelAndParameter() throws Exception {
        Circuit spice = NGSPICE.read(Source.of("inverter.cir", DECK), new Notices());

        Notices toJson = new Notices();
        String first = write(spice, toJson);
        Circuit json = FORMAT.read(Source.of("inverter.circuit.json", first), new Notices());
        String second = write(json, new Notices());
        Circuit again = FORMAT.read(Source.of("again.circuit.json", second), new Notices());
        String deck = writeSpice(again);
        Circuit back = NGSPICE.read(Source.of("back.cir", deck), new Notices());

        assertThat(Connectivity.differences(spice, json, Map.of())).isEmpty();
        assertThat(Connectivity.differences(spice, again, Map.of())).isEmpty();
        assertThat(Connectivity.differences(spice, back, Map.of())).isEmpty();
        assertThat(write(again, new Notices())).as("circuit-json to circuit-json is stable").isEqualTo(second);

        Component m2 = back.component("M2").orElseThrow();
        assertThat(m2.model()).isEqualTo("mp_fast");
        assertThat(m2.parameter("w").value().magnitude()).isEqualTo(2e-6);
        assertThat(m2.parameter("l").value().magnitude()).isEqualTo(180e-9);
        assertThat(m2.parameter("m").value().magnitude()).isEqualTo(2.0);
        assertThat(back.component("Q1").orElseThrow().model()).isEqualTo("qgen");
        assertThat(back.component("D1").orElseThrow().kind()).isEqualTo(ComponentKind.DIODE);
        assertThat(back.netOf(PinRef.of("D1:A"))).isEqualTo(back.netOf(PinRef.of("R1:2")));
        assertThat(back.component("RL").orElseThrow().value().isExpression()).isTrue();
        assertThat(back.component("VIN").orElseThrow().value().text()).contains("PULSE(0 1.8 0 1n 1n 5n 10n)");
        assertThat(back.component("E1").orElseThrow().kind()).isEqualTo(ComponentKind.VCVS);
        assertThat(back.component("E1").orElseThrow().value().magnitude()).isEqualTo(2.0);

        // what Circuit JSON cannot hold is reported once each, not dropped silently
        assertThat(toJson.all()).extracting(Notice::message)
                .anyMatch(m -> m.startsWith("4 device models"))
                .anyMatch(m -> m.startsWith("1 simulator directives"))
                .anyMatch(m -> m.startsWith("1 circuit parameters"));
    }

    @Test
    void aPmosModelGivesChannelTypeP() throws Exception {
        Circuit spice = NGSPICE.read(Source.of("inverter.cir", DECK), new Notices());
        JsonNode out = JSON.readTree(write(spice, new Notices()));

        JsonNode m2 = component(out, "M2");
        assertThat(m2.get("ftype").asText()).isEqualTo("simple_mosfet");
        assertThat(m2.get("channel_type").asText()).isEqualTo("p");
        assertThat(m2.get("mosfet_mode").asText()).isEqualTo("enhancement");
        assertThat(m2.at("/kirchhoff/model").asText()).isEqualTo("mp_fast");
        assertThat(component(out, "M1").get("channel_type").asText()).isEqualTo("n");
        assertThat(component(out, "Q1").get("transistorType").asText()).isEqualTo("NPN");
        assertThat(component(out, "R1").get("resistance").asDouble()).isEqualTo(4700.0);
        assertThat(component(out, "VDD").get("voltage").asDouble()).isEqualTo(1.8);
        assertThat(component(out, "E1").get("ftype").asText()).isEqualTo("simple_chip");
        assertThat(component(out, "E1").at("/kirchhoff/kind").asText()).isEqualTo("VCVS");

        String m2Id = m2.get("source_component_id").asText();
        List<String> names = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (JsonNode e : out) {
            if (e.get("type").asText().equals("source_port") && e.get("source_component_id").asText().equals(m2Id)) {
                names.add(e.get("name").asText());
                numbers.add(e.get("pin_number").asInt());
            }
        }
        assertThat(names).containsExactly("drain", "gate", "source", "bulk");
        assertThat(numbers).containsExactly(1, 2, 3, 4);
        String d1Id = component(out, "D1").get("source_component_id").asText();
        assertThat(out).filteredOn(e -> e.get("type").asText().equals("source_port")
                        && e.get("source_component_id").asText().equals(d1Id))
                .extracting(e -> e.get("name").asText() + "=" + e.get("pin_number").asInt())
                .containsExactlyInAnyOrder("anode=2", "cathode=1");
    }

    @Test
    void writesOnlySourceElementsWithIdsInOrder() throws Exception {
        Circuit spice = NGSPICE.read(Source.of("inverter.cir", DECK), new Notices());
        JsonNode out = JSON.readTree(write(spice, new Notices()));

        List<String> componentIds = new ArrayList<>();
        for (JsonNode e : out) {
            assertThat(e.get("type").asText()).startsWith("source_");
            if (e.get("type").asText().equals("source_component")) {
                componentIds.add(e.get("source_component_id").asText());
            }
        }
        assertThat(componentIds).hasSize(spice.components().size())
                .startsWith("source_component_0", "source_component_1", "source_component_2");
        JsonNode firstTrace = null;
        for (JsonNode e : out) {
            if (e.get("type").asText().equals("source_trace")) {
                firstTrace = e;
                break;
            }
        }
        assertThat(firstTrace).isNotNull();
        String netId = firstTrace.at("/connected_source_net_ids/0").asText();
        assertThat(firstTrace.get("source_trace_id").asText()).isEqualTo(netId.replace("source_net", "source_trace"));
    }

    @Test
    void partsWithLetteredPinsReadBackExactly() throws Exception {
        Component bga = Component.builder("U1", ComponentKind.PART).part("kicad:Package_BGA:BGA-4")
                .pins(List.of(Pin.of("A1", "VCC", PinType.POWER_IN), Pin.of("A2", "GND", PinType.POWER_IN),
                        Pin.of("B1", "IN", PinType.INPUT), Pin.of("B2", "OUT", PinType.OUTPUT)))
                .property("kicad.footprint", "Package_BGA:BGA-4").build();
        Circuit c = Circuit.builder()
                .add(bga, "VCC", "GND", "A", "Y")
                .add(Component.builder("R1", ComponentKind.RESISTOR).value(Value.parse("10k")).build(), "Y", "GND")
                .build();

        Circuit back = FORMAT.read(Source.of("u1.circuit.json", write(c, new Notices())), new Notices());

        assertThat(Connectivity.differences(c, back, Map.of())).isEmpty();
        Component u1 = back.component("U1").orElseThrow();
        assertThat(u1.part()).isEqualTo("kicad:Package_BGA:BGA-4");
        assertThat(u1.pins()).extracting(Pin::number).containsExactly("A1", "A2", "B1", "B2");
        assertThat(u1.property("kicad.footprint")).isEqualTo("Package_BGA:BGA-4");
        assertThat(back.netOf(PinRef.of("U1:B2"))).isEqualTo(back.netOf(PinRef.of("R1:1")));
    }

    @Test
    void aTraceNamingAMissingPortSaysWhichAndWhere() {
        String text = """
                [
                  {"type": "source_component", "source_component_id": "sc0", "name": "R1",
                   "ftype": "simple_resistor", "resistance": 1000},
                  {"type": "source_port", "source_port_id": "sp0", "source_component_id": "sc0", "name": "pin1"},
                  {"type": "source_trace", "source_trace_id": "st0",
                   "connected_source_port_ids": ["sp0", "sp7"], "connected_source_net_ids": []}
                ]
                """;
        assertThatThrownBy(() -> FORMAT.read(Source.of("bad.circuit.json", text), new Notices()))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.column()).isEqualTo(3);
                    assertThat(e.problem()).contains("st0").contains("sp7").contains("not in the file");
                    assertThat(e.getMessage()).startsWith("bad.circuit.json:5:3: ");
                });
    }

    @Test
    void invalidJsonIsReportedAtJacksonsLineAndColumn() {
        String text = "[\n  {\"type\": \"source_net\", \"source_net_id\": \"n0\" \"name\": \"GND\"}\n]\n";
        assertThatThrownBy(() -> FORMAT.read(Source.of("broken.json", text), new Notices()))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(text.split("\n")[1].indexOf("\"name\"") + 1);
                    assertThat(e.problem()).startsWith("invalid JSON: ").doesNotContain("Source:");
                });
    }

    @Test
    void emptyArrayEmptyObjectAndWrongTopLevelTypeAreRejected() {
        assertThatThrownBy(() -> FORMAT.read(Source.of("e.json", "[]"), new Notices()))
                .isInstanceOfSatisfying(ParseException.class,
                        e -> assertThat(e.problem()).isEqualTo("the element array is empty"));
        assertThatThrownBy(() -> FORMAT.read(Source.of("o.json", "{}"), new Notices()))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.problem()).contains("array").contains("an object");
                    assertThat(e.expected()).contains("wokwi");
                });
        assertThatThrownBy(() -> FORMAT.read(Source.of("s.json", "\"R1\""), new Notices()))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.problem()).contains("a string"));
        assertThatThrownBy(() -> FORMAT.read(Source.of("b.json", "  \n"), new Notices()))
                .isInstanceOfSatisfying(ParseException.class, e -> assertThat(e.problem()).contains("empty"));
        assertThatThrownBy(() -> FORMAT.read(Source.of("p.json", "[{\"type\": \"pcb_board\"}]"), new Notices()))
                .isInstanceOfSatisfying(ParseException.class,
                        e -> assertThat(e.problem()).contains("none of the 1 elements is a source_component"));
    }

    @Test
    void sniffsCircuitJsonAndNothingElse() throws Exception {
        assertThat(FORMAT.sniff(fixture("rc-lowpass-led.circuit.json"))).isEqualTo(95);
        assertThat(FORMAT.sniff(Source.of("x.json", "[{\"pcb_board_id\": \"b\", \"type\": \"pcb_board\"}]")))
                .isEqualTo(95);
        assertThat(FORMAT.sniff(Source.of("x.json", "[{\"type\": \"component\"}]"))).isZero();
        assertThat(FORMAT.sniff(Source.of("x.json", "{\"parts\": [], \"connections\": []}"))).isZero();
        assertThat(FORMAT.sniff(Source.of("x.cir", DECK))).isZero();
        assertThat(FORMAT.sniff(Source.of("x.json", "[{\"type\": \"source_comp"))).isZero();
    }

    @Test
    void sniffLooksOnlyAtTheHeadOfABigFile() {
        StringBuilder big = new StringBuilder("[\n");
        for (int i = 0; i < 200_000; i++) {
            big.append("  {\"type\": \"pcb_smtpad\", \"pcb_smtpad_id\": \"p").append(i).append("\", \"x\": 1.5},\n");
        }
        big.append("  {\"type\": \"pcb_board\"}\n]\n");
        assertThat(big.length()).isGreaterThan(10_000_000);
        assertThat(FORMAT.sniff(Source.of("big.json", big.toString()))).isEqualTo(95);
    }

    @Test
    void numbersArePrintedAsJavaScriptPrintsThem() {
        assertThat(PrettyJson.number(1000)).isEqualTo("1000");
        assertThat(PrettyJson.number(1e-7)).isEqualTo("1e-7");
        assertThat(PrettyJson.number(4.7e-6)).isEqualTo("0.0000047");
        assertThat(PrettyJson.number(1.5e-7)).isEqualTo("1.5e-7");
        assertThat(PrettyJson.number(-2.5e21)).isEqualTo("-2.5e+21");
        assertThat(PrettyJson.number(0.1)).isEqualTo("0.1");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static JsonNode component(JsonNode array, String name) {
        for (JsonNode e : array) {
            if (e.get("type").asText().equals("source_component") && e.get("name").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no source_component " + name);
    }

    private static String write(Circuit c, Notices notices) throws IOException {
        StringBuilder sb = new StringBuilder();
        FORMAT.write(c, sb, notices);
        return sb.toString();
    }

    private static String writeSpice(Circuit c) throws IOException {
        StringBuilder sb = new StringBuilder();
        NGSPICE.write(c, sb, new Notices());
        return sb.toString();
    }

    private static Source fixture(String name) throws IOException {
        try (InputStream in = CircuitJsonFormatTest.class.getResourceAsStream("/circuitjson/" + name)) {
            assertThat(in).as(name).isNotNull();
            return Source.of(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
