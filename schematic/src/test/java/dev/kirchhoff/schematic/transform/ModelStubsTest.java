package dev.kirchhoff.schematic.transform;

import static dev.kirchhoff.schematic.testing.Netlists.read;
import static dev.kirchhoff.schematic.testing.Netlists.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.ModelCard;
import org.junit.jupiter.api.Test;

class ModelStubsTest {

    @Test
    void stubsModelsValuesAndUndefinedSubcircuits() {
        Circuit c = read("spectre", "M0 (VOUT1 VB1 VDD VDD) pmos4\nM1 (VOUT1 VIN1 VSS VSS) nmos4\n"
                + "Q0 (c b e) pnp\nR0 (VOUT1 VSS) resistor\nC0 (VOUT1 VSS) capacitor\nI0 (a b VDD VSS) INVERTER\n");
        Notices notices = new Notices();
        Circuit stubbed = ModelStubs.apply(c, notices);
        assertThat(stubbed.models()).extracting(ModelCard::name, ModelCard::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("pmos4", "pmos"), org.assertj.core.groups.Tuple.tuple("nmos4", "nmos"),
                org.assertj.core.groups.Tuple.tuple("pnp", "pnp"));
        assertThat(stubbed.component("R0").orElseThrow().value().magnitude()).isEqualTo(1000.0);
        assertThat(stubbed.component("C0").orElseThrow().value().magnitude()).isEqualTo(1e-12);
        assertThat(stubbed.subcircuit("INVERTER").orElseThrow().ports()).hasSize(4);
        String deck = write("ngspice", stubbed);
        assertThat(deck).contains(".model pmos4 pmos (level=1 vto=-0.5 kp=40u lambda=0.02)")
                .contains(".subckt INVERTER p1 p2 p3 p4\n.ends INVERTER");
        assertThat(notices.all()).anySatisfy(n -> assertThat(n.message()).contains("stub model card"));
    }

    @Test
    void definedModelsAreLeftAlone() {
        Circuit c = read("ngspice", "t\nM1 d g 0 0 nch\n.model nch nmos level=8\n.end\n");
        assertThat(ModelStubs.apply(c, new Notices()).models()).hasSize(1);
    }
}
