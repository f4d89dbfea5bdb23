package dev.kirchhoff.agents.output;

import dev.kirchhoff.agents.DesignOptions;
import dev.kirchhoff.agents.DesignPipeline;
import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.DesignResult;
import dev.kirchhoff.agents.KnowledgeBaseRetriever;
import dev.kirchhoff.agents.PartRequest;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.agents.PlanSynthesizer;
import dev.kirchhoff.agents.Requirements;
import dev.kirchhoff.agents.Supply;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.Source;
import dev.kirchhoff.schematic.format.json.NativeJsonFormat;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Connectivity;
import dev.kirchhoff.validation.Validator;
import dev.kirchhoff.validation.simulation.SpiceExport;
import dev.kirchhoff.validation.CircuitFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DesignOutputsTest {

    private static final KnowledgeBase KB = KnowledgeBase.bundled();

    private static DesignResult design(boolean withResistor) {
        Requirements req = new Requirements("LED on an Uno", List.of(
                PartRequest.of("arduino-uno-r3", 1, "Uno", PartRole.BOARD)), Supply.unspecified(), List.of(),
                Set.of(), null, List.of("no value given: 10 mA assumed"), List.of());
        DesignPlan.Builder b = DesignPlan.builder("LED on an Uno")
                .part("U1", "arduino-uno-r3", "the board")
                .component("D1", ComponentKind.LED, "led-red", null, "indicator")
                .connect("GND", "U1:GND", "D1:K");
        if (withResistor) {
            b.component("R1", ComponentKind.RESISTOR, null, "330", "limits the LED current")
                    .connect("LED", "U1:D13", "R1:1").connect("LED_A", "R1:2", "D1:A")
                    .assign("LED", "U1:D13", "R1:1", "a plain GPIO")
                    .compute(new DesignPlan.Computation("R1", "resistance", "R = (5 V − 2 V) / 10 mA", 300, 330, "E12",
                            "9.1 mA"))
                    .why("R1", "sets the LED current", "led-red: Vf 2.0 V");
        } else {
            b.connect("LED", "U1:D13", "D1:A");
        }
        DesignPlan plan = b.build();
        return new DesignPipeline(new DesignPipeline.Stages("scripted", null, p -> req, new KnowledgeBaseRetriever(KB),
                (r, p, f) -> plan, new PlanSynthesizer(KB)), Validator.bundled())
                .design("LED on an Uno", new DesignOptions(false, 0), DesignPipeline.Listener.silent());
    }

    private static final DesignOutputs OUTPUTS = new DesignOutputs(KB, c -> "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");

    @Test
    void aPassingDesignGetsEveryFileAndTheNativeJsonReadsBackToTheSameCircuit(@TempDir Path dir) throws Exception {
        DesignResult r = design(true);
        assertThat(r.passed()).isTrue();
        var deck = new SpiceExport(Validator.bundled()).deck(new CircuitFacts(r.circuit(),
                Validator.bundled().resolver(), List.of()));
        Map<String, String> files = OUTPUTS.render(r, deck, DesignReport.Simulation.skipped("test"));
        assertThat(files.keySet()).containsExactly("design.json", "circuit.json", "diagram.json", "design.net",
                "design.cir", "schematic.svg", "report.md", "report.html", "trace.json");
        DesignOutputs.write(files, dir.resolve("out"));
        Circuit back = new NativeJsonFormat().read(Source.of("design.json",
                Files.readString(dir.resolve("out/design.json"))), new Notices());
        assertThat(Connectivity.differences(r.circuit(), back, Map.of())).isEmpty();
        assertThat(Files.readString(dir.resolve("out/design.cir"))).containsIgnoringCase(".op");
        assertThat(Files.list(dir.resolve("out")).map(p -> p.getFileName().toString()))
                .noneMatch(n -> n.endsWith(".part"));
    }

    @Test
    void theReportExplainsTheDesign() {
        DesignResult r = design(true);
        Map<String, String> files = OUTPUTS.render(r, null, DesignReport.Simulation.skipped("ngspice not found"));
        String md = files.get("report.md");
        assertThat(md).contains("> LED on an Uno")
                .contains("`arduino-uno-r3` Arduino Uno R3 (board")
                .contains("**Passed** validation")
                .contains("| LED | `U1:D13` | `R1:1` | a plain GPIO |")
                .contains("| R1 | resistance | R = (5 V − 2 V) / 10 mA | 300 | 330 (E12) | 9.1 mA |")
                .contains("**R1**: sets the LED current — facts: led-red: Vf 2.0 V")
                .contains("no value given: 10 mA assumed")
                .contains("Not simulated: ngspice not found.")
                .contains("![schematic](schematic.svg)");
        String html = files.get("report.html");
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<td><code>U1:D13</code></td>")
                .contains("<img src=\"schematic.svg\"");
        assertThat(files).doesNotContainKey("design.cir");
    }

    @Test
    void aFailedDesignIsReportedButNeverExported() {
        DesignResult r = design(false);
        assertThat(r.passed()).isFalse();
        Map<String, String> files = OUTPUTS.render(r, null, DesignReport.Simulation.skipped("validation found errors"));
        assertThat(files.keySet()).containsExactly("schematic.svg", "report.md", "report.html", "trace.json");
        assertThat(files.get("report.md")).contains("**Failed** validation").contains("`part.led-resistor`");
    }

    @Test
    void aFolderThatCannotBeMadeWritesNothing(@TempDir Path dir) throws IOException {
        Path blocker = dir.resolve("taken");
        Files.writeString(blocker, "keep me");
        Map<String, String> files = OUTPUTS.render(design(true), null, DesignReport.Simulation.skipped("x"));
        assertThatThrownBy(() -> DesignOutputs.write(files, blocker)).isInstanceOf(IOException.class);
        assertThat(Files.readString(blocker)).isEqualTo("keep me");
    }
}
