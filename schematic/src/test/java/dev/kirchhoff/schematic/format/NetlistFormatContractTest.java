package dev.kirchhoff.schematic.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Connectivity;
import dev.kirchhoff.schematic.testing.Netlists;
import dev.kirchhoff.schematic.transform.Conversion;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link NetlistFormat} keeps, checked on every registered format with real fixtures from
 * every other format: what it writes it reads back with the same connectivity, twice the same bytes, recognised
 * as its own; it refuses empty input with a parse error.
 */
class NetlistFormatContractTest {

    /** Fixture files in the repository, one or more per format, with the format they are in. */
    static Stream<Arguments> fixtures() {
        Path root = Netlists.repositoryRoot();
        return Stream.of(
                Arguments.of(root.resolve("examples/led-blink.cir"), "ngspice"),
                Arguments.of(root.resolve("examples/two-stage-opamp.scs"), "spectre"),
                Arguments.of(root.resolve("schematic/src/test/resources/kicad/led-switch.net"), "kicad"),
                Arguments.of(root.resolve("schematic/src/test/resources/kicad/kicad5-divider.net"), "kicad"),
                Arguments.of(root.resolve("schematic/src/test/resources/wokwi/uno-led-button.diagram.json"), "wokwi"),
                Arguments.of(root.resolve("schematic/src/test/resources/wokwi/esp32-serial.diagram.json"), "wokwi"),
                Arguments.of(root.resolve("schematic/src/test/resources/circuitjson/rc-lowpass-led.circuit.json"),
                        "circuit-json"));
    }

    static Stream<Arguments> pairs() {
        List<Arguments> out = new ArrayList<>();
        fixtures().forEach(f -> {
            for (NetlistFormat target : NetlistFormats.all()) {
                out.add(Arguments.of(f.get()[0], f.get()[1], target.name()));
            }
        });
        return out.stream();
    }

    @ParameterizedTest(name = "{1} fixture {0} -> {2}")
    @MethodSource("pairs")
    void writesWhatItReadsBackWithTheSameConnectivity(Path file, String from, String to) throws Exception {
        Source source = Source.read(file);
        assertThat(NetlistFormats.detect(source).name()).isEqualTo(from);
        Circuit circuit = Netlists.format(from).read(source, new Notices());
        NetlistFormat target = Netlists.format(to);
        Notices notices = new Notices();
        Circuit prepared = Conversion.prepare(circuit, target, Conversion.Options.NONE, notices);
        String text = write(target, prepared, notices);
        Source written = Source.of("out", text);
        assertThat(target.sniff(written)).as("recognises its own output").isGreaterThanOrEqualTo(20);
        assertThat(NetlistFormats.detect(written).name()).isEqualTo(to);
        Circuit back = target.read(written, new Notices());
        List<String> differences = Connectivity.differences(prepared, back, notices.componentRenames());
        if (to.equals("wokwi") && back.components().size() < prepared.components().size()) {
            // Wokwi has no part for SPICE devices: those are left out, and each was reported
            assertThat(notices.all()).anySatisfy(n -> assertThat(n.message()).contains("no Wokwi part"));
        } else {
            assertThat(differences).isEmpty();
        }
        assertThat(write(target, back, new Notices())).as("writing what was read back gives the same text")
                .isEqualTo(write(target, target.read(Source.of("again", text), new Notices()), new Notices()));
    }

    @ParameterizedTest(name = "{0} refuses empty input")
    @MethodSource("formatNames")
    void emptyInputIsAParseError(String format) {
        assertThatThrownBy(() -> Netlists.format(format).read(Source.of("empty", "   \n"), new Notices()))
                .isInstanceOf(ParseException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith("empty"));
    }

    static Stream<String> formatNames() {
        return NetlistFormats.all().stream().map(NetlistFormat::name);
    }

    private static String write(NetlistFormat format, Circuit circuit, Notices notices) throws IOException {
        StringWriter out = new StringWriter();
        format.write(circuit, out, notices);
        return out.toString();
    }
}
