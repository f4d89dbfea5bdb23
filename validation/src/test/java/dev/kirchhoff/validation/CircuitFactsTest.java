package dev.kirchhoff.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirchhoff.schematic.format.WiringDefect;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.PinType;
import org.junit.jupiter.api.Test;

class CircuitFactsTest {

    @Test
    void bindsPartsAndInfersRailsFromPowerOutputsSourcesAndNames() {
        CircuitFacts f = Sketch.of()
                .part("esp", "esp32-devkit-v1").part("bme", "bme280-module")
                .v("V1", "DC 9").r("R1", "1k")
                .net("3V3", "esp:3V3", "bme:VIN")
                .net("GND", "esp:GND", "bme:GND", "V1:-")
                .net("VBAT", "V1:+", "R1:1")
                .net("+5V", "R1:2")
                .facts();
        int esp = f.indexOf("esp");
        assertThat(f.binding(esp).status()).isEqualTo(Binding.Status.PART);
        assertThat(f.part(esp).id()).isEqualTo("esp32-devkit-v1");
        int sda = f.component(f.indexOf("bme")).pinIndex("SDA");
        assertThat(f.type(f.indexOf("bme"), sda)).isEqualTo(PinType.BIDIRECTIONAL);
        assertThat(f.voltage(f.netId("3V3"))).isEqualTo(3.3);
        assertThat(f.rails().setBy(f.netId("3V3"))).contains("esp:3V3");
        assertThat(f.isGround(f.netId("GND"))).isTrue();
        assertThat(f.voltage(f.netId("VBAT"))).isEqualTo(9.0);
        assertThat(f.voltage(f.netId("+5V"))).isEqualTo(5.0);
        assertThat(f.rails().conflicts()).isEmpty();
        assertThat(f.netSize(f.netId("GND"))).isEqualTo(3);
        assertThat(f.kind(f.indexOf("R1"))).isEqualTo(ComponentKind.RESISTOR);
    }

    @Test
    void twoSettersDisagreeingOnOneNetAreAConflict() {
        CircuitFacts f = Sketch.of().part("uno", "arduino-uno-r3").v("V1", "12")
                .net("GND", "uno:GND.1", "V1:-").net("5V", "uno:5V", "V1:+").facts();
        assertThat(f.rails().conflicts()).singleElement()
                .satisfies(c -> assertThat(c.net()).isEqualTo(f.netId("5V")));
    }

    @Test
    void aChargerOnACellAtItsChargeVoltageIsNotAConflictButTwoBatteriesAre() {
        CircuitFacts charging = Sketch.of().part("chg", "tp4056-module").part("bat", "battery-18650")
                .net("VBAT", "chg:B+", "bat:+").net("GND", "chg:B-", "bat:-").facts();
        assertThat(charging.rails().conflicts()).isEmpty();
        CircuitFacts fighting = Sketch.of().part("bat", "battery-18650").part("b9", "battery-9v")
                .net("VBAT", "b9:+", "bat:+").net("GND", "b9:-", "bat:-").facts();
        assertThat(fighting.rails().conflicts()).singleElement()
                .satisfies(c -> assertThat(c.net()).isEqualTo(fighting.netId("VBAT")));
    }

    @Test
    void voltagesInNetNames() {
        assertThat(Rails.voltageInName("+5V")).isEqualTo(5.0);
        assertThat(Rails.voltageInName("3V3")).isEqualTo(3.3);
        assertThat(Rails.voltageInName("VCC_12V")).isEqualTo(12.0);
        assertThat(Rails.voltageInName("3.3V")).isEqualTo(3.3);
        assertThat(Rails.voltageInName("net5")).isNull();
        assertThat(Rails.voltageInName("VOUT")).isNull();
    }

    @Test
    void resolvesWokwiAndKicadNamesThroughTheExportMaps() {
        PartResolver r = Sketch.validator().resolver();
        assertThat(r.lookup("wokwi:wokwi-arduino-uno").id()).isEqualTo("arduino-uno-r3");
        assertThat(r.lookup("kicad:Device:R")).isNotNull();
        assertThat(r.lookup("no-such-thing-xyz")).isNull();
    }

    @Test
    void aSpiceDeckThatReusesAnInstanceNameGivesADuplicateRefDefect() throws Exception {
        ValidationInput in = ValidationInput.read(dev.kirchhoff.schematic.format.Source.of("dup.cir", """
                divider
                V1 in 0 DC 5
                R1 in out 10k
                R1 out 0 10k
                .end
                """), null);
        assertThat(in.defects()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(WiringDefect.Kind.DUPLICATE_REF);
            assertThat(d.ref()).isEqualTo("R1");
            assertThat(d.pin()).isEqualTo("R1_2");
            assertThat(d.line()).isEqualTo(4);
        });
        assertThat(Sketch.validator().validate(in.circuit(), "dup", in.defects()).of("structure.duplicate-ref"))
                .singleElement().satisfies(f -> assertThat(f.components()).contains("R1"));
    }

    @Test
    void lenientJsonReadKeepsWiringDefects() {
        String json = """
                {"format": "kirchhoff-circuit", "version": 1, "components": [
                  {"ref": "bme", "kind": "part", "part": "bme280-module"},
                  {"ref": "R1", "kind": "resistor", "value": "4.7k"}],
                 "nets": [{"name": "A", "pins": ["bme:SDA", "R1:1"]},
                          {"name": "B", "pins": ["bme:SDA", "bme:NOPE", "U9:1", "R1:2"]}]}
                """;
        dev.kirchhoff.schematic.format.Notices n = dev.kirchhoff.schematic.format.Notices.lenient();
        try {
            new dev.kirchhoff.schematic.format.json.NativeJsonFormat()
                    .read(dev.kirchhoff.schematic.format.Source.of("t.json", json), n);
        } catch (dev.kirchhoff.schematic.format.ParseException e) {
            throw new AssertionError(e);
        }
        assertThat(n.wiringDefects()).extracting(WiringDefect::kind).containsExactly(
                WiringDefect.Kind.PIN_ON_TWO_NETS, WiringDefect.Kind.UNKNOWN_PIN, WiringDefect.Kind.UNKNOWN_COMPONENT);
        assertThat(n.wiringDefects().get(0).otherNet()).isEqualTo("A");
    }
}
