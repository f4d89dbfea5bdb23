package dev.kirchhoff.schematic.format;

import static dev.kirchhoff.schematic.testing.Netlists.read;
import static dev.kirchhoff.schematic.testing.Netlists.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirchhoff.schematic.model.Circuit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NetlistFormatsTest {

    private static final Circuit RC = read("ngspice", "rc\nV1 in 0 1\nR1 in out 1k\nC1 out 0 1u\n.end\n");

    @ParameterizedTest(name = "{0} output is detected as {0} even without an extension")
    @CsvSource({"ngspice", "spectre", "kicad", "circuit-json", "wokwi", "json"})
    void eachFormatRecognisesItsOwnOutput(String format) throws Exception {
        String text = write(format, RC);
        assertThat(NetlistFormats.detect(Source.of("-", text)).name()).isEqualTo(format);
    }

    @ParameterizedTest(name = "{0} is read as {1}")
    @CsvSource({"amp.cir, ngspice", "amp.sp, ngspice", "amp.scs, spectre", "board.net, kicad",
            "sim.circuit.json, circuit-json", "diagram.json, wokwi", "x.kirchhoff.json, json"})
    void extensionAndContentAgree(String name, String expected) throws Exception {
        String text = write(expected, RC);
        assertThat(NetlistFormats.detect(Source.of(name, text)).name()).isEqualTo(expected);
    }

    @Test
    void spectreContentWinsOverASpiceExtension() throws Exception {
        String text = "simulator lang=spectre\nR1 (a 0) resistor r=1k\n";
        assertThat(NetlistFormats.detect(Source.of("x.cir", text)).name()).isEqualTo("spectre");
    }

    @Test
    void ltspiceAndKicadShareDotNet() throws Exception {
        assertThat(NetlistFormats.detect(Source.of("x.net", "* C:\\x.asc\nR1 a 0 1k\n.backanno\n.end\n")).name())
                .isEqualTo("ltspice");
        assertThat(NetlistFormats.detect(Source.of("x.net", write("kicad", RC))).name()).isEqualTo("kicad");
    }

    @Test
    void namesAndAliases() {
        assertThat(NetlistFormats.named("spice")).map(NetlistFormat::name).contains("ngspice");
        assertThat(NetlistFormats.named("CircuitJSON")).map(NetlistFormat::name).contains("circuit-json");
        assertThat(NetlistFormats.named("verilog")).isEmpty();
        assertThat(NetlistFormats.names()).isEqualTo(
                "ngspice, ltspice, hspice, xyce, pspice, spectre, kicad, circuit-json, wokwi, json");
    }

    @Test
    void emptyInputIsAnError() {
        assertThatThrownBy(() -> NetlistFormats.detect(Source.of("<stdin>", "")))
                .isInstanceOf(ParseException.class).hasMessage("<stdin>: the input is empty; give a netlist: SPICE, "
                        + "Spectre, KiCad .net, Circuit JSON, Wokwi diagram.json or Kirchhoff JSON");
    }

    @Test
    void utf16NetlistsAsLtspiceSavesThemAreRead() throws Exception {
        byte[] bytes = "\uFEFF* C:\\sim\\rc.asc\r\nR1 in out 1k\r\nC1 out 0 1µ\r\n.backanno\r\n.end\r\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        Source s = Source.decode("rc.net", bytes);
        assertThat(NetlistFormats.detect(s).name()).isEqualTo("ltspice");
        Circuit c = NetlistFormats.detect(s).read(s, new Notices());
        assertThat(c.component("C1").orElseThrow().value().magnitude()).isEqualTo(1e-6);
        assertThat(c.component("R1").orElseThrow().value().magnitude()).isEqualTo(1000.0);
    }

    @Test
    void binaryDataIsRejectedButUtf8TextIsNot() throws Exception {
        assertThatThrownBy(() -> Source.decode("x.cir", new byte[] {0x7f, 0x45, 0x4c, 0x46, 0, 1, 2}))
                .isInstanceOf(ParseException.class).hasMessageContaining("binary data");
        Source s = Source.decode("x.cir", "t\nR1 a 0 1kΩ\n.end\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(s.text()).contains("1kΩ");
    }
}
