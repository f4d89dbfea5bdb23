package dev.kirchhoff.schematic.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.Connectivity;
import dev.kirchhoff.schematic.testing.Netlists;
import dev.kirchhoff.schematic.transform.Conversion;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every AnalogGenie circuit (3,350 real topologies in Spectre syntax) converts to each format that can hold a
 * transistor-level circuit and back with the same connectivity.
 */
class AnalogGenieRoundTripTest {

    /** One dataset circuit: its id and Spectre text (the hierarchical netlist_full where there is one). */
    record Item(int id, String text, boolean hierarchical) {
    }

    private static final List<Item> ITEMS = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        if (!ITEMS.isEmpty()) {
            return;
        }
        Path file = Netlists.repositoryRoot().resolve("data/analoggenie/circuits.jsonl");
        ObjectMapper mapper = new ObjectMapper();
        for (String line : Files.readAllLines(file)) {
            JsonNode n = mapper.readTree(line);
            int id = n.get("id").asInt();
            ITEMS.add(new Item(id, n.get("netlist").asText(), false));
            if (n.has("netlist_full")) {
                ITEMS.add(new Item(id, n.get("netlist_full").asText(), true));
            }
        }
    }

    static List<Item> items() throws IOException {
        load();
        return ITEMS;
    }

    @Test
    void theDatasetIsWhatItsReadmeSays() throws Exception {
        long circuits = items().stream().filter(i -> !i.hierarchical()).count();
        assertThat(circuits).isEqualTo(3350);
        int reused = 0;
        int devices = 0;
        for (Item item : items()) {
            if (item.hierarchical()) {
                continue;
            }
            Notices notices = new Notices();
            Circuit c = Netlists.read("spectre", item.text(), notices);
            devices += c.components().size();
            if (!notices.componentRenames().isEmpty()) {
                reused++;
            }
        }
        // README: 2,305 netlists reuse an instance name (renamed on read, so nothing is lost)
        assertThat(reused).isEqualTo(2305);
        assertThat(devices).isGreaterThan(60000);
    }

    @TestFactory
    Stream<DynamicTest> everyCircuitSurvivesEveryTransistorLevelFormat() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (NetlistFormat target : NetlistFormats.all()) {
            if (!target.transistorLevel()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest("Spectre -> " + target.name() + " -> back", () -> {
                List<String> failures = new ArrayList<>();
                for (Item item : items()) {
                    String failure = roundTrip(item, target);
                    if (failure != null) {
                        failures.add(failure);
                    }
                }
                assertThat(failures).as(failures.size() + " failures").isEmpty();
            }));
        }
        return tests.stream();
    }

    private static String roundTrip(Item item, NetlistFormat target) {
        String where = "circuit " + item.id() + (item.hierarchical() ? " (netlist_full)" : "");
        try {
            Circuit original = Netlists.read("spectre", item.text());
            Notices notices = new Notices();
            Circuit prepared = Conversion.prepare(original, target, Conversion.Options.NONE, notices);
            StringWriter out = new StringWriter();
            target.write(prepared, out, notices);
            Circuit back = target.read(Source.of("back." + target.name(), out.toString()), new Notices());
            List<String> diffs = Connectivity.differences(prepared, back, notices.componentRenames());
            if (!diffs.isEmpty()) {
                return where + ": " + diffs;
            }
            if (target.hierarchical() && back.subcircuits().size() != original.subcircuits().size()) {
                return where + ": subcircuit definitions lost";
            }
            for (Component c : prepared.components()) {
                String ref = notices.componentRenames().getOrDefault(c.ref(), c.ref());
                Component b = back.component(ref).orElse(null);
                if (b == null || c.model() != null && !c.model().equalsIgnoreCase(b.model() == null ? "" : b.model())) {
                    return where + ": model of " + c.ref() + " changed to " + (b == null ? "?" : b.model());
                }
            }
            return null;
        } catch (Exception | AssertionError e) {
            return where + ": " + e;
        }
    }

    @Test
    void passivesWithBothPinsOnOneNetAreKept() throws Exception {
        List<String> found = new ArrayList<>();
        for (Item item : items()) {
            if (item.hierarchical()) {
                continue;
            }
            Circuit c = Netlists.read("spectre", item.text());
            for (int i = 0; i < c.components().size(); i++) {
                Component comp = c.components().get(i);
                if (comp.kind().isPassive()) {
                    String[] nodes = c.nodesOf(i);
                    if (nodes.length == 2 && nodes[0] != null && nodes[0].equals(nodes[1])) {
                        found.add(item.id() + ":" + comp.ref());
                    }
                }
            }
        }
        // The dataset README speaks of one such circuit; there are three (two share a switched-capacitor topology).
        assertThat(found).containsExactly("801:C4", "802:C4", "1103:C4");
        Item item = items().stream().filter(i -> found.get(0).startsWith(i.id() + ":")).findFirst().orElseThrow();
        Circuit c = Netlists.read("spectre", item.text());
        Circuit back = Netlists.read("ngspice", Netlists.write("ngspice", c));
        assertThat(Connectivity.differences(c, back, Map.of())).isEmpty();
    }
}
