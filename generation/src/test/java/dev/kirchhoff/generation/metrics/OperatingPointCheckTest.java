package dev.kirchhoff.generation.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kirchhoff.generation.AnalogGenie;
import dev.kirchhoff.generation.topology.Topology;
import dev.kirchhoff.generation.topology.TopologySequence;
import dev.kirchhoff.generation.topology.Vocabulary;
import dev.kirchhoff.validation.simulation.NgspiceException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatingPointCheckTest {

    private final Vocabulary v = Vocabulary.bundled();

    private static OperatingPointCheck check() {
        try {
            return OperatingPointCheck.locate();
        } catch (NgspiceException e) {
            assumeTrue(false, "ngspice is not installed");
            return null;
        }
    }

    @Test
    void theDeckSizesBiasesAndGroundsTheTopology() {
        Topology cs = TopologySequence.decode(TopologySequence.ids("<Opamp> VSS NM1:S NM1:D VOUT1 PM1:D PM1:S VDD "
                + "PM1:B PM1:G VB1 VSS NM1:B NM1:G VIN1 <eos>", v), v, false);
        String deck = OperatingPointCheck.deck(cs);
        assertThat(deck).contains("MN1 VOUT1 VIN1 0 0 nmos4 w=10u l=1u\n", "MP1 VOUT1 VB1 VDD VDD pmos4 w=10u l=1u\n",
                "VSUPPLY VDD 0 DC 1.8\n", "VIN1 0 DC 0.9\n", "VB1 0 DC 1.1\n", ".model nmos4 nmos level=1");
    }

    @Test
    void aCommonSourceStageAndMostCleanDatasetCircuitsSolve() throws Exception {
        OperatingPointCheck op = check();
        Topology cs = TopologySequence.decode(TopologySequence.ids("<Opamp> VSS NM1:S NM1:D VOUT1 PM1:D PM1:S VDD "
                + "PM1:B PM1:G VB1 VSS NM1:B NM1:G VIN1 <eos>", v), v, false);
        assertThat(op.converges(cs)).isTrue();
        List<AnalogGenie.Item> sample = AnalogGenie.items().stream()
                .filter(i -> i.topology() != null && i.analogClean() && i.id() % 50 == 0).toList();
        int ok = 0;
        for (AnalogGenie.Item i : sample) {
            if (op.converges(i.topology())) {
                ok++;
            }
        }
        System.out.printf("operating point on %d of %d dataset circuits%n", ok, sample.size());
        assertThat(ok).isGreaterThan(sample.size() * 8 / 10);
    }
}
