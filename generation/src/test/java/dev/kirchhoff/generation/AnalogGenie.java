package dev.kirchhoff.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kirchhoff.generation.topology.Topology;
import dev.kirchhoff.generation.topology.UnsupportedTopologyException;
import dev.kirchhoff.schematic.format.NetlistFormats;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.Source;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.validation.Finding;
import dev.kirchhoff.validation.Severity;
import dev.kirchhoff.validation.ValidationReport;
import dev.kirchhoff.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The AnalogGenie circuits of {@code data/analoggenie/circuits.jsonl}, read once with the Spectre reader. */
public final class AnalogGenie {

    /** One dataset circuit: id, type, the flat netlist read, its topology (null with the reason when it has none). */
    public record Item(int id, String type, Circuit circuit, Topology topology, String unsupported,
                       ValidationReport report) {

        /** Whether the validator's analog rules report no error. */
        public boolean analogClean() {
            return report.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR
                    && f.rule().startsWith("analog."));
        }

        /** Whether no rule at all reports an error. */
        public boolean clean() {
            return report.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR);
        }

        public List<String> errorRules() {
            return report.findings().stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::rule)
                    .distinct().toList();
        }
    }

    private static List<Item> items;

    private AnalogGenie() {
    }

    /** The repository root: the nearest folder above the working directory that holds {@code data/analoggenie}. */
    public static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data/analoggenie"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new AssertionError("cannot find data/analoggenie above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** All 3,350 circuits, validated. */
    public static synchronized List<Item> items() {
        if (items != null) {
            return items;
        }
        try {
            ObjectMapper mapper = new ObjectMapper();
            Validator validator = Validator.bundled();
            List<Item> out = new ArrayList<>();
            for (String line : Files.readAllLines(repositoryRoot().resolve("data/analoggenie/circuits.jsonl"),
                    StandardCharsets.UTF_8)) {
                JsonNode n = mapper.readTree(line);
                int id = n.get("id").asInt();
                String type = n.get("type").asText();
                Circuit c = NetlistFormats.named("spectre").orElseThrow()
                        .read(Source.of(id + ".scs", n.get("netlist").asText()), new Notices());
                Topology t = null;
                String why = null;
                try {
                    t = Topology.of(type, c);
                } catch (UnsupportedTopologyException e) {
                    why = e.getMessage();
                }
                out.add(new Item(id, type, c, t, why, validator.validate(c, Integer.toString(id))));
            }
            items = List.copyOf(out);
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (dev.kirchhoff.schematic.format.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
