package dev.kirchhoff.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code kirchhoff design} end to end through the command line, with the offline engine. */
class DesignCommandTest {

    @TempDir
    Path dir;

    @Test
    void aBoardWithTwoI2cModulesIsDesignedValidatedAndWrittenInEveryFormat() throws IOException {
        Path out = dir.resolve("weather");
        Cli.Result r = Cli.run("design", "ESP32 reading a BME280 and showing it on an SSD1306, powered from USB",
                "-o", out.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(0);
        assertThat(r.out()).contains("identify").contains("retrieve").contains("reason").contains("synthesize")
                .contains("validate").contains("esp32-devkit-v1").contains("bme280-module")
                .contains("ssd1306-i2c-oled").contains("Validation: passed");
        for (String f : new String[] {"design.json", "circuit.json", "diagram.json", "design.net", "design.cir",
                "schematic.svg", "report.md", "report.html", "trace.json"}) {
            assertThat(out.resolve(f)).as(f).isNotEmptyFile();
        }
        JsonNode diagram = new ObjectMapper().readTree(out.resolve("diagram.json").toFile());
        assertThat(diagram.get("parts").toString()).contains("wokwi-esp32-devkit-v1");
        assertThat(Files.readString(out.resolve("schematic.svg"))).contains("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("data-ref=\"U1\"").endsWith("</svg>\n");
        // the written design validates on its own through the validate command
        Cli.Result v = Cli.run("validate", out.resolve("design.json").toString());
        assertThat(v.exitCode()).as(v.out()).isEqualTo(0);
    }

    @Test
    void jsonOutputCarriesTheWholeResult() throws IOException {
        Cli.Result r = Cli.run("design", "555 blinking an LED at 2 Hz", "-o", dir.resolve("blink").toString(),
                "--json", "--no-simulate");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("passed").asBoolean()).isTrue();
        assertThat(root.at("/requirements/recipe").asText()).isEqualTo("ASTABLE_555");
        assertThat(root.at("/plan/components").toString()).contains("ne555");
        assertThat(root.at("/validation/findings").isArray()).isTrue();
        assertThat(root.at("/simulation/skipped").asText()).isEqualTo("--no-simulate");
        assertThat(root.at("/trace/entries").size()).isGreaterThanOrEqualTo(5);
        assertThat(r.err()).contains("identify");
    }

    @Test
    void anEmptyPromptIsAUsageError() {
        Cli.Result r = Cli.run("design", "  ");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("the prompt is empty");
    }

    @Test
    void aPromptWithNothingRecognisableShowsExamples() {
        Cli.Result r = Cli.run("design", "make me a sandwich", "-o", dir.resolve("x").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("error:").contains("Try a prompt like:");
        assertThat(r.err().lines().filter(l -> l.startsWith("  kirchhoff design \"")).count()).isEqualTo(3);
        assertThat(r.err()).doesNotContain("Exception");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void anUnknownPartIsNamedWithTheNearestMatches() {
        Cli.Result r = Cli.run("design", "ESP32 reading a BME820", "-o", dir.resolve("y").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("BME820").contains("bme280-module").contains("--allow-generic");
        assertThat(dir.resolve("y")).doesNotExist();
    }

    @Test
    void anUnavailableEngineIsAUsageError() {
        Cli.Result r = Cli.run("design", "LED on an Arduino", "--engine", "llm");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--engine offline");
    }

    @Test
    void anOutputThatIsAFileIsRefusedAndKept() throws IOException {
        Path file = dir.resolve("keep.txt");
        Files.writeString(file, "mine");
        Cli.Result r = Cli.run("design", "LED on an Arduino", "-o", file.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("it is a file");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void slugsAreShortAndSafe() {
        assertThat(DesignCommand.slug("ESP32 reading a BME280 & showing it on an SSD1306, powered from USB!"))
                .isEqualTo("esp32-reading-a-bme280-showing-it-on-an-ssd1306");
        assertThat(DesignCommand.slug("!!!")).isEqualTo("design");
    }
}
