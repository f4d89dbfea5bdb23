package dev.kirchhoff.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static final String DIVIDER = "divider\nV1 in 0 DC 5\nR1 in out 10k\nR2 out 0 4.7k\n.op\n.end\n";

    @Test
    void convertsSpiceToSpectreFile() throws Exception {
        Path in = file("div.cir", DIVIDER);
        Path out = dir.resolve("div.scs");
        Cli.Result r = Cli.run("convert", in.toString(), "-o", out.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(Files.readString(out)).contains("R2 (out 0) resistor r=4.7k").contains("dcOp dc");
        assertThat(r.err()).contains("converted " + in + " (ngspice, 3 components, 3 nets) to " + out
                + " (spectre)");
    }

    @Test
    void writesToStandardOutputWithTo() throws Exception {
        Path in = file("div.cir", DIVIDER);
        Cli.Result r = Cli.run("convert", in.toString(), "--to", "hspice");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("R2 out 0 4.7k").endsWith(".end\n");
    }

    @Test
    void readsStandardInput() {
        Cli.Result r = Cli.runWithStdin(DIVIDER.getBytes(StandardCharsets.UTF_8), "convert", "-", "--to", "json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("\"format\" : \"kirchhoff-circuit\"");
    }

    @Test
    void verifyReadsTheOutputBackAndChecksConnectivity() throws Exception {
        Path in = file("amp.scs", "M1 (d g s b) nmos4 w=1u\nM1 (d2 g s b) nmos4\nI0 (d d2) INV\n");
        Path out = dir.resolve("amp.cir");
        Cli.Result r = Cli.run("convert", in.toString(), "-o", out.toString(), "--verify");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("instance M1 renamed to M1_2").contains("instance I0 renamed to XI0")
                .contains("verified: the output has the same components and connections");
    }

    @Test
    void jsonReportListsRenamesAndNotices() throws Exception {
        Path in = file("amp.scs", "M1 (d g s b) nmos4\nM1 (d2 g s b) nmos4\n");
        Path out = dir.resolve("amp.cir");
        Cli.Result r = Cli.run("convert", in.toString(), "-o", out.toString(), "--json", "--stub-models");
        assertThat(r.exitCode()).isZero();
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.get("from").asText()).isEqualTo("spectre");
        assertThat(report.get("to").asText()).isEqualTo("ngspice");
        assertThat(report.get("renamedComponents").get("M1").asText()).isEqualTo("M1_2");
        assertThat(report.get("notices").size()).isGreaterThan(0);
        assertThat(Files.readString(out)).contains(".model nmos4 nmos");
    }

    @Test
    void flattenExpandsHierarchy() throws Exception {
        Path in = file("h.cir", "t\n.subckt d a b\nR1 a m 1k\nR2 m b 1k\n.ends\nX1 in 0 d\n.end\n");
        Cli.Result r = Cli.run("convert", in.toString(), "--to", "ngspice", "--flatten");
        assertThat(r.out()).contains("R.X1.R1 in X1.m 1k").doesNotContain(".subckt");
    }

    // ------------------------------------------------------------------------------------------------------
    // Bad input: a message naming file, line and column; exit 2; no stack trace; no output written.

    private void assertRejected(Cli.Result r, Path out, String expectedStart) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: " + expectedStart);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        if (out != null) {
            assertThat(out).doesNotExist();
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void unterminatedSubcircuit() throws Exception {
        Path in = file("bad.cir", "t\n.subckt amp in out\nR1 in out 1k\n");
        Path out = dir.resolve("out.scs");
        assertRejected(Cli.run("convert", in.toString(), "-o", out.toString()), out,
                in + ":2:1: subcircuit 'amp' is never closed; add '.ends amp'");
    }

    @Test
    void continuationLineAtFileStart() throws Exception {
        Path in = file("bad.cir", "+ R1 a b 1k\n");
        Path out = dir.resolve("out.scs");
        assertRejected(Cli.run("convert", in.toString(), "-o", out.toString()), out,
                in + ":1:1: the file starts with a continuation line");
    }

    @Test
    void unknownElementLetter() throws Exception {
        Path in = file("bad.cir", "t\nR1 a 0 1k\nY7 a 0 2k\n");
        Path out = dir.resolve("out.scs");
        assertRejected(Cli.run("convert", in.toString(), "-o", out.toString()), out,
                in + ":3:1: unknown element letter 'Y' in 'Y7'");
    }

    @Test
    void unbalancedParenthesesInSpectre() throws Exception {
        Path in = file("bad.scs", "R1 (a b) resistor r=1k\nR2 (b c resistor r=2k\n");
        Path out = dir.resolve("out.cir");
        assertRejected(Cli.run("convert", in.toString(), "-o", out.toString()), out,
                in + ":2:4: '(' is never closed");
    }

    @Test
    void unbalancedParenthesesInAKicadNetlist() throws Exception {
        String net = """
                (export (version "E")
                  (components
                    (comp (ref "R1") (value "10k"))
                  (nets
                    (net (code "1") (name "A") (node (ref "R1") (pin "1")))))
                """;
        Path in = file("board.net", net);
        Path out = dir.resolve("out.cir");
        Cli.Result r = Cli.run("convert", in.toString(), "-o", out.toString());
        assertRejected(r, out, in + ":2:");
        assertThat(r.err()).contains("never closed");
    }

    @Test
    void invalidJson() throws Exception {
        Path in = file("bad.json", "{\"format\": \"kirchhoff-circuit\", \"version\": 1,\n \"components\": [,]}");
        Path out = dir.resolve("out.cir");
        assertRejected(Cli.run("convert", in.toString(), "--from", "json", "-o", out.toString()), out,
                in + ":2:");
    }

    @Test
    void wokwiConnectionToAMissingPart() throws Exception {
        String diagram = """
                {
                  "version": 1,
                  "author": "test",
                  "editor": "wokwi",
                  "parts": [
                    { "type": "wokwi-arduino-uno", "id": "uno", "top": 0, "left": 0, "attrs": {} },
                    { "type": "wokwi-led", "id": "led1", "top": -80, "left": 100, "attrs": { "color": "red" } }
                  ],
                  "connections": [
                    [ "uno:13", "led1:A", "green", [] ],
                    [ "led1:C", "r1:1", "green", [] ]
                  ],
                  "dependencies": {}
                }
                """;
        Path in = file("diagram.json", diagram);
        Path out = dir.resolve("out.cir");
        Cli.Result r = Cli.run("convert", in.toString(), "-o", out.toString());
        assertRejected(r, out, in + ":11:");
        assertThat(r.err()).contains("r1");
    }

    @Test
    void binaryGarbage() throws Exception {
        Path in = dir.resolve("junk.cir");
        Files.write(in, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, (byte) 0xff, (byte) 0xfe});
        Path out = dir.resolve("out.scs");
        assertRejected(Cli.run("convert", in.toString(), "-o", out.toString()), out,
                in + ":1:5: this is binary data, not a netlist");
    }

    @Test
    void emptyFile() throws Exception {
        Path in = file("empty.cir", "");
        Path out = dir.resolve("out.scs");
        assertRejected(Cli.run("convert", in.toString(), "-o", out.toString()), out,
                in + ": the file is empty; give a netlist to convert");
    }

    @Test
    void zeroByteStandardInput() {
        Cli.Result r = Cli.runWithStdin(new byte[0], "convert", "-", "--to", "spectre");
        assertRejected(r, null, "<stdin>: standard input is empty; give a netlist to convert");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void missingInputFile() {
        Cli.Result r = Cli.run("convert", dir.resolve("nope.cir").toString(), "--to", "spectre");
        assertRejected(r, null, dir.resolve("nope.cir") + ": no such file; check the path");
    }

    @Test
    void anExistingOutputIsLeftAloneWhenTheInputIsBad() throws Exception {
        Path in = file("bad.cir", "t\nY1 a b\n");
        Path out = file("keep.scs", "precious\n");
        Cli.Result r = Cli.run("convert", in.toString(), "-o", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(Files.readString(out)).isEqualTo("precious\n");
    }

    @Test
    void refusesToOverwriteTheInput() throws Exception {
        Path in = file("div.cir", DIVIDER);
        Cli.Result r = Cli.run("convert", in.toString(), "--to", "ngspice", "-o", in.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("is the input file");
        assertThat(Files.readString(in)).isEqualTo(DIVIDER);
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        Path in = file("div.cir", DIVIDER);
        assertThat(Cli.run("convert", in.toString()).err()).contains("name the output format with --to");
        Cli.Result unknown = Cli.run("convert", in.toString(), "--to", "verilog");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown output format 'verilog'; use one of ngspice");
        Cli.Result badOption = Cli.run("convert", in.toString(), "--frobnicate");
        assertThat(badOption.exitCode()).isEqualTo(2);
        assertThat(badOption.err()).contains("Unknown option: '--frobnicate'");
        assertThat(Cli.run("convert").exitCode()).isEqualTo(2);
    }

    @Test
    void helpAndVersion() {
        Cli.Result help = Cli.run("convert", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--stub-models").contains("--flatten").contains("Examples:");
        Cli.Result version = Cli.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("kirchhoff ");
    }

    @Test
    void formatsListsEveryFormat() throws Exception {
        Cli.Result r = Cli.run("formats", "--json");
        JsonNode list = new ObjectMapper().readTree(r.out());
        assertThat(list.findValuesAsText("name")).containsExactly("ngspice", "ltspice", "hspice", "xyce", "pspice",
                "spectre", "kicad", "circuit-json", "wokwi", "json");
    }
}
