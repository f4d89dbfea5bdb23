package dev.kirchhoff.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate}, {@code export} and {@code simulate} on real circuit files, through the command line. */
class ValidateCommandTest {

    @TempDir
    Path dir;

    private Path fixture(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = ValidateCommandTest.class.getResourceAsStream("/validate/" + name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
        }
        return p;
    }

    @Test
    void aCorrectBoardPassesWithExitZeroAndPerfectScores() throws IOException {
        Cli.Result r = Cli.run("validate", fixture("esp32-bme280.json").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(0);
        assertThat(r.out()).contains("PASS").contains("structural 10.0/10");
    }

    @Test
    void anLedWithoutResistanceFailsWithTheRuleAndAFix() throws IOException {
        Cli.Result r = Cli.run("validate", fixture("led-no-resistor.json").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL").contains("[part.led-resistor]").contains("fix:");
    }

    @Test
    void jsonReportNamesRuleNetAndScores() throws IOException {
        Cli.Result r = Cli.run("validate", fixture("led-no-resistor.json").toString(), "--json");
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("passed").asBoolean()).isFalse();
        assertThat(root.at("/scores/structural").asDouble()).isEqualTo(10.0);
        assertThat(root.at("/scores/electrical").asDouble()).isLessThan(10.0);
        boolean found = false;
        for (JsonNode f : root.get("findings")) {
            if (f.get("rule").asText().equals("part.led-resistor")) {
                found = true;
                assertThat(f.get("severity").asText()).isEqualTo("error");
                assertThat(f.get("components").toString()).contains("D1");
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void anUnknownPartIsAFindingWithSuggestionsNotACrash() throws IOException {
        Cli.Result r = Cli.run("validate", fixture("unknown-part.json").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("[structure.unknown-part]").contains("hc-sr04");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void aSyntaxErrorIsBadInputWithFileAndLine() throws IOException {
        Path f = fixture("broken-syntax.json");
        Cli.Result r = Cli.run("validate", f.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(f.toString() + ":3").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aWokwiDiagramIsValidatedThroughItsPartTypes() throws IOException {
        Cli.Result r = Cli.run("validate", fixture("uno-led-button.diagram.json").toString(), "--json");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(0);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("components").asInt()).isEqualTo(4);
        assertThat(r.out()).doesNotContain("structure.unknown-part");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"led-switch.net", "rc-lowpass-led.circuit.json",
            "two-stage-opamp.scs"})
    void kicadCircuitJsonAndSpectreFilesAreValidated(String name) throws IOException {
        Cli.Result r = Cli.run("validate", fixture(name).toString(), "--json");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(0);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("components").asInt()).isGreaterThan(2);
        assertThat(root.get("errors").asInt()).isZero();
    }

    @Test
    void aWokwiProjectWithAFiveVoltLcdOnThreeVoltThreeFails() throws IOException {
        Cli.Result r = Cli.run("validate", fixture("esp32-serial.diagram.json").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("[power.supply-range] lcd1:VCC").contains("below its minimum of 4.5 V")
                .contains("[interface.one-wire-pullup]");
    }

    @Test
    void aSpiceDeckIsValidatedToo() throws IOException {
        Path deck = Files.writeString(dir.resolve("float.cir"), """
                RC with a floating node
                V1 in 0 DC 5
                R1 in mid 1k
                C1 mid x 1u
                C2 x 0 1u
                .op
                .end
                """);
        Cli.Result r = Cli.run("validate", deck.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("[analog.no-dc-path]").contains("x");
    }

    @Test
    void theReportGoesToAFileWithDashO() throws IOException {
        Path out = dir.resolve("report.json");
        Cli.Result r = Cli.run("validate", fixture("led-220.json").toString(), "--json", "-o", out.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(0);
        assertThat(new ObjectMapper().readTree(out.toFile()).get("passed").asBoolean()).isTrue();
    }

    @Test
    void exportRefusesAnInvalidCircuitAndWritesNothing() throws IOException {
        Path out = dir.resolve("led.cir");
        Cli.Result r = Cli.run("export", fixture("led-no-resistor.json").toString(), "--to", "spice", "-o",
                out.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("[part.led-resistor]").contains("--force");
        assertThat(out).doesNotExist();
        Cli.Result forced = Cli.run("export", fixture("led-no-resistor.json").toString(), "--to", "spice", "-o",
                out.toString(), "--force");
        assertThat(forced.exitCode()).isEqualTo(0);
        assertThat(out).exists();
        assertThat(Files.readString(out)).containsIgnoringCase(".op");
    }

    @Test
    void exportWritesADeckWithThePartsAsSubcircuits() throws IOException {
        Cli.Result r = Cli.run("export", fixture("led-220.json").toString(), "--to", "spice");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        assertThat(r.out().toLowerCase()).contains(".subckt").contains(".op").contains(".end");
        Cli.Result wrong = Cli.run("export", fixture("led-220.json").toString(), "--to", "kicad");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("kirchhoff convert");
    }

    @Test
    void simulateRunsTheRealNgspiceAndReportsTheLedCurrent() throws IOException {
        Cli.Result ok = Cli.run("simulate", fixture("led-220.json").toString(), "--json");
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isEqualTo(0);
        JsonNode root = new ObjectMapper().readTree(ok.out());
        assertThat(root.at("/operatingPoint/converged").asBoolean()).isTrue();
        Cli.Result bad = Cli.run("simulate", fixture("led-no-resistor.json").toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.out()).contains("[sim.led-current]").contains("operating point");
    }

    @Test
    void aHungNgspiceIsKilledAndReported() throws IOException {
        Path fake = Files.writeString(dir.resolve("ngspice"), "#!/bin/sh\nsleep 30\n");
        Files.setPosixFilePermissions(fake, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        String old = System.getProperty("kirchhoff.ngspice");
        System.setProperty("kirchhoff.ngspice", fake.toString());
        try {
            Cli.Result r = Cli.run("simulate", fixture("led-220.json").toString(), "--timeout", "1");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("ngspice did not finish within 1 s");
        } finally {
            if (old == null) {
                System.clearProperty("kirchhoff.ngspice");
            } else {
                System.setProperty("kirchhoff.ngspice", old);
            }
        }
    }

    @Test
    void aMissingNgspiceSaysHowToInstallIt() throws IOException {
        String old = System.getProperty("kirchhoff.ngspice");
        System.setProperty("kirchhoff.ngspice", dir.resolve("no-such-ngspice").toString());
        try {
            Cli.Result r = Cli.run("validate", fixture("led-220.json").toString(), "--simulate");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("ngspice not found: install it (Debian: apt-get install ngspice) or run "
                    + "validate without --simulate");
        } finally {
            if (old == null) {
                System.clearProperty("kirchhoff.ngspice");
            } else {
                System.setProperty("kirchhoff.ngspice", old);
            }
        }
    }
}
