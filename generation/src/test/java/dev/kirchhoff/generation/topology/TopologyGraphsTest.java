package dev.kirchhoff.generation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyGraphsTest {

    private static Device d(DeviceType t, Integer... nets) {
        return new Device(t, List.of(nets));
    }

    // a differential pair with a mirror load: nets VSS VDD VIN1 VIN2 VOUT1 net1 (tail) net2 (mirror) and IB1
    private static Topology pair() {
        return new Topology("Opamp", List.of("VSS", "VDD", "VIN1", "VIN2", "VOUT1", "net1", "net2"), List.of(
                d(DeviceType.NM, 6, 2, 5, 0), d(DeviceType.NM, 4, 3, 5, 0),
                d(DeviceType.PM, 6, 6, 1, 1), d(DeviceType.PM, 4, 6, 1, 1),
                d(DeviceType.R, 5, 0)));
    }

    @Test
    void renumberingDevicesAndRenamingInternalNetsKeepsTheCircuit() {
        Topology b = new Topology("Opamp", List.of("x", "VDD", "VSS", "y", "VIN2", "VIN1", "VOUT1"), List.of(
                d(DeviceType.R, 2, 0), d(DeviceType.PM, 6, 3, 1, 1), d(DeviceType.NM, 6, 4, 0, 2),
                d(DeviceType.PM, 3, 3, 1, 1), d(DeviceType.NM, 3, 5, 0, 2)));
        assertThat(TopologyGraphs.isomorphic(pair(), b)).isTrue();
        assertThat(TopologyGraphs.canonicalHash(pair())).isEqualTo(TopologyGraphs.canonicalHash(b));
    }

    @Test
    void aPassiveIsTheSameEitherWayRound() {
        Topology flipped = new Topology("Opamp", pair().nets(), List.of(
                d(DeviceType.NM, 6, 2, 5, 0), d(DeviceType.NM, 4, 3, 5, 0),
                d(DeviceType.PM, 6, 6, 1, 1), d(DeviceType.PM, 4, 6, 1, 1),
                d(DeviceType.R, 0, 5)));
        assertThat(TopologyGraphs.isomorphic(pair(), flipped)).isTrue();
    }

    @Test
    void swappingTheInputsOrMovingOneTerminalMakesAnotherCircuit() {
        // the mirror's diode on the other side: VIN1 now drives the output branch
        Topology swapped = new Topology("Opamp", pair().nets(), List.of(
                d(DeviceType.NM, 6, 3, 5, 0), d(DeviceType.NM, 4, 2, 5, 0),
                d(DeviceType.PM, 6, 6, 1, 1), d(DeviceType.PM, 4, 6, 1, 1),
                d(DeviceType.R, 5, 0)));
        assertThat(TopologyGraphs.isomorphic(pair(), swapped)).isFalse();
        // a PMOS bulk on its drain instead of VDD
        Topology moved = new Topology("Opamp", pair().nets(), List.of(
                d(DeviceType.NM, 6, 2, 5, 0), d(DeviceType.NM, 4, 3, 5, 0),
                d(DeviceType.PM, 6, 6, 1, 1), d(DeviceType.PM, 4, 6, 1, 4),
                d(DeviceType.R, 5, 0)));
        assertThat(TopologyGraphs.isomorphic(pair(), moved)).isFalse();
        assertThat(TopologyGraphs.canonicalHash(pair())).isNotEqualTo(TopologyGraphs.canonicalHash(moved));
    }
}
