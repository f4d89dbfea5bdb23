package dev.kirchhoff.generation.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirchhoff.generation.AnalogGenie;
import dev.kirchhoff.schematic.model.Circuit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TopologySequenceTest {

    private final Vocabulary v = Vocabulary.bundled();

    /** A vocabulary without caps in the way: every named net and type of the dataset, caps at the dataset's maxima. */
    private static Vocabulary unlimited(List<AnalogGenie.Item> items) {
        Set<String> types = new LinkedHashSet<>();
        Set<String> named = new LinkedHashSet<>(List.of("VSS", "VDD"));
        Map<DeviceType, Integer> caps = new EnumMap<>(DeviceType.class);
        int internal = 0;
        for (AnalogGenie.Item i : items) {
            types.add(i.type());
            if (i.topology() == null) {
                continue;
            }
            i.topology().nets().stream().filter(n -> !Topology.isInternal(n)).forEach(named::add);
            i.topology().deviceCounts().forEach((t, c) -> caps.merge(t, c, Math::max));
            internal = Math.max(internal, i.topology().internalNetCount());
        }
        return Vocabulary.of(List.copyOf(types), List.copyOf(named), internal, caps);
    }

    @Test
    void everyAnalogGenieCircuitSurvivesARandomWalk() {
        List<AnalogGenie.Item> items = AnalogGenie.items();
        Vocabulary big = unlimited(items);
        Map<String, Integer> notEncoded = new TreeMap<>();
        int roundTrips = 0;
        List<String> failures = new ArrayList<>();
        for (AnalogGenie.Item item : items) {
            if (item.topology() == null) {
                notEncoded.merge("no topology: " + item.unsupported().replaceAll("^\\S+ ", ""), 1, Integer::sum);
                continue;
            }
            int[] tokens;
            try {
                tokens = TopologySequence.encode(item.topology(), big, new Random(item.id()));
            } catch (UnsupportedTopologyException e) {
                notEncoded.merge(e.getMessage(), 1, Integer::sum);
                continue;
            }
            Topology back = TopologySequence.decode(tokens, big, false);
            // graph equality up to device numbering and internal net names, and the same through the schematic
            Circuit circuit = back.toCircuit();
            Topology again = Topology.of(item.type(), circuit);
            if (!TopologyGraphs.isomorphic(item.topology(), back) || !TopologyGraphs.isomorphic(back, again)
                    || circuit.components().size() != item.circuit().components().size()) {
                failures.add(item.id() + ": " + TopologySequence.text(tokens, big));
            }
            roundTrips++;
        }
        assertThat(failures).isEmpty();
        // the 33 circuits with digital cells (INVERTER, XOR, ... defined as subcircuits) are not device graphs
        assertThat(notEncoded).containsExactly(Map.entry("no topology: has subcircuit definitions", 33));
        assertThat(roundTrips).isEqualTo(3350 - 33);
    }

    @Test
    void theReadmeExampleIsACommonSourceStage() {
        int[] ids = TopologySequence.ids("<Opamp> VSS NM1:S NM1:D VOUT1 PM1:D PM1:S VDD PM1:B PM1:G VB1 VSS NM1:B "
                + "NM1:G VIN1 <eos>", v);
        Topology t = TopologySequence.decode(ids, v, false);
        Circuit c = t.toCircuit();
        assertThat(c.components()).extracting(x -> x.ref() + " " + x.model()).containsExactly("MN1 nmos4",
                "MP1 pmos4");
        assertThat(c.netOf(dev.kirchhoff.schematic.model.PinRef.of("MN1:G"))).contains("VIN1");
        assertThat(c.netOf(dev.kirchhoff.schematic.model.PinRef.of("MN1:D"))).contains("VOUT1");
        assertThat(c.netOf(dev.kirchhoff.schematic.model.PinRef.of("MP1:D"))).contains("VOUT1");
        assertThat(c.netOf(dev.kirchhoff.schematic.model.PinRef.of("MP1:B"))).contains("VDD");
        assertThat(c.netOf(dev.kirchhoff.schematic.model.PinRef.of("MN1:B"))).contains("VSS");
        assertThat(c.netOf(dev.kirchhoff.schematic.model.PinRef.of("MP1:G"))).contains("VB1");
    }

    @Test
    void bipolarTransistorsGetTheirSubstrateOnGround() {
        int[] ids = TopologySequence.ids("<Bandgap_Ref> VSS NPN1:E NPN1:C VDD VB1 NPN1:B <eos>", v);
        Circuit c = TopologySequence.decode(ids, v, false).toCircuit();
        assertThat(c.components()).singleElement().satisfies(q -> assertThat(q.pins()).hasSize(4));
        assertThat(c.netOf(dev.kirchhoff.schematic.model.PinRef.of("QN1:S"))).contains("0");
    }

    @Test
    void brokenSequencesSayWhereTheyBreak() {
        assertThatThrownBy(() -> TopologySequence.decode(TopologySequence.ids("<Opamp> VDD", v), v, false))
                .isInstanceOf(MalformedSequenceException.class).hasMessageContaining("VSS must follow");
        // NM2 before NM1
        assertThatThrownBy(() -> TopologySequence.decode(TopologySequence.ids("<Opamp> VSS NM2:S", v), v, false))
                .isInstanceOf(MalformedSequenceException.class).hasMessageContaining("token 2 (NM2:S)");
        // an internal net may not be jumped to before it exists
        assertThatThrownBy(() -> TopologySequence.decode(TopologySequence.ids("<Opamp> VSS N1", v), v, false))
                .isInstanceOf(MalformedSequenceException.class).hasMessageContaining("on net VSS");
        // unfinished: NM1's drain, gate and bulk are on no net
        assertThatThrownBy(() -> TopologySequence.decode(TopologySequence.ids("<Opamp> VSS NM1:S <eos>", v), v,
                false)).isInstanceOf(MalformedSequenceException.class).hasMessageContaining("NM1:D is on no net");
        Topology lenient = TopologySequence.decode(TopologySequence.ids("<Opamp> VSS NM1:S <eos>", v), v, true);
        assertThat(lenient.nets()).containsExactlyInAnyOrder("VSS", "open1", "open2", "open3");
    }

    @Test
    void walksDifferButDecodeToTheSameCircuit() {
        AnalogGenie.Item item = AnalogGenie.items().stream().filter(i -> i.id() == 41).findFirst().orElseThrow();
        Set<String> walks = new LinkedHashSet<>();
        Random random = new Random(3);
        for (int k = 0; k < 5; k++) {
            int[] ids = TopologySequence.encode(item.topology(), v, random);
            walks.add(TopologySequence.text(ids, v));
            assertThat(TopologyGraphs.isomorphic(item.topology(), TopologySequence.decode(ids, v, false))).isTrue();
        }
        assertThat(walks).hasSize(5).allMatch(w -> w.startsWith("<Opamp> VSS ") && w.endsWith(" <eos>"));
    }
}
