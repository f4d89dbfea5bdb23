package dev.kirchhoff.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kirchhoff.generation.model.OnnxLogitsModel;
import dev.kirchhoff.schematic.format.NetlistFormats;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.Source;
import dev.kirchhoff.validation.Severity;
import dev.kirchhoff.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    private static final String REBUILD = "run /usr/bin/python3 training/train.py (see training/README.md)";

    @Test
    void anUnknownTypeListsTheKnownOnes() {
        Cli.Result r = Cli.run("generate", "--type", "Amplifier");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("error: unknown circuit type 'Amplifier'; the types are Opamp, ")
                .contains("LDO", "Bandgap_Ref", "Comparator").doesNotContain("\tat ");
    }

    @Test
    void aTypeIsNeededUnlessEvaluating() {
        Cli.Result r = Cli.run("generate", "-n", "3");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("give a circuit type with --type").contains("Opamp");
    }

    @Test
    void zeroOrNegativeCountsAreUsageErrors() {
        for (String n : new String[] {"0", "-3"}) {
            Cli.Result r = Cli.run("generate", "--type", "Opamp", "-n", n);
            assertThat(r.exitCode()).as("-n %s", n).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).contains("-n must be 1 or more, not " + n);
        }
    }

    @Test
    void aMissingModelSaysHowToRebuildIt(@TempDir Path dir) {
        Cli.Result r = Cli.run("generate", "--type", "Opamp", "--model", dir.resolve("none.onnx").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("none.onnx does not exist").contains(REBUILD).doesNotContain("\tat ");
    }

    @Test
    void aCorruptModelSaysHowToRebuildIt(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("topology.onnx");
        Files.writeString(bad, "not an ONNX model");
        Cli.Result r = Cli.run("generate", "--type", "Opamp", "--model", bad.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("cannot be loaded").contains(REBUILD).doesNotContain("\tat ");
    }

    @Test
    void badSamplingOptionsAndFormatsAreUsageErrors() {
        assertThat(Cli.run("generate", "--type", "Opamp", "--top-p", "1.5").err()).contains("top-p must be in (0, 1]");
        Cli.Result r = Cli.run("generate", "--type", "Opamp", "--format", "kicad");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("unknown format 'kicad'; use spice, spectre or json");
        assertThat(Cli.run("generate", "--type", "Opamp", "--json").err()).contains("-o DIR");
    }

    @Test
    void generatedCircuitsAreWrittenAndPassTheValidator(@TempDir Path dir) throws Exception {
        assumeTrue(OnnxLogitsModel.bundledExists(), "the bundled model is not built yet");
        Cli.Result r = Cli.run("generate", "--type", "LDO", "-n", "4", "--seed", "3", "--format", "spectre",
                "-o", dir.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode summary = new ObjectMapper().readTree(Files.readString(dir.resolve("summary.json")));
        assertThat(summary.get("circuits").asInt()).isEqualTo(4);
        assertThat(summary.get("invalid").asInt()).isZero();
        for (int i = 1; i <= 4; i++) {
            Path file = dir.resolve(String.format("ldo-%03d.scs", i));
            var circuit = NetlistFormats.named("spectre").orElseThrow()
                    .read(Source.of(file.toString(), Files.readString(file)), new Notices());
            assertThat(Validator.bundled().validate(circuit, file.toString()).count(Severity.ERROR)).isZero();
        }
        // the same seed gives the same circuits
        Path again = dir.resolve("again");
        Cli.run("generate", "--type", "LDO", "-n", "4", "--seed", "3", "--format", "spectre", "-o", again.toString());
        assertThat(Files.readString(again.resolve("ldo-004.scs"))).isEqualTo(Files.readString(dir.resolve("ldo-004.scs")));
    }

    @Test
    void evaluateReportsMetricsWithAndWithoutTheGrammar(@TempDir Path dir) throws Exception {
        assumeTrue(OnnxLogitsModel.bundledExists(), "the bundled model is not built yet");
        Cli.Result r = Cli.run("generate", "--type", "Mirror,Comparator", "-n", "3", "--evaluate", "-o",
                dir.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode metrics = new ObjectMapper().readTree(r.out()).get("metrics");
        assertThat(metrics.get("withGrammar").get("samples").asInt()).isEqualTo(6);
        assertThat(metrics.get("withGrammar").get("validity").asDouble()).isEqualTo(1.0);
        assertThat(metrics.get("withoutGrammar").get("samples").asInt()).isEqualTo(6);
        assertThat(metrics.get("types").fieldNames()).toIterable().containsExactly("Mirror", "Comparator");
        // the circuits written are the grammar's, named by type
        assertThat(dir.resolve("mirror-003.cir")).exists();
        assertThat(dir.resolve("comparator-001.cir")).exists();
    }
}
