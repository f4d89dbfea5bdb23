package dev.kirchhoff.schematic.format.kicad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.Connectivity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KicadRoundTripTest {

    /** Every primitive the SPICE reader knows that a KiCad netlist can place (inductor coupling has no pins). */
    private static final String MIXED = """
            * mixed deck
            .model D1N4148 D(IS=2.52n N=1.752)
            .model Q2N3904 NPN(IS=6.7f BF=416)
            .model nch NMOS(level=1 vto=0.7)
            .model sw1 SW(vt=1 ron=1)
            V1 vdd 0 DC 5
            V2 in 0 SIN(0 1 1k) AC 1
            V3 clk 0 DC 0 PULSE(0 5 0 1n 1n 5u 10u)
            V4 pw 0 PWL(0 0 1m 5)
            I1 0 bias 1m
            R1 in mid 1MEG
            R2 mid 0 10k tc1=1m
            C1 mid 0 100n
            L1 vdd lx 10u
            D1 mid vdd D1N4148
            Q1 out mid 0 Q2N3904
            M1 out in 0 0 nch w=1u l=180n
            E1 e1 0 mid 0 2
            G1 g1 0 mid 0 1m
            F1 f1 0 V1 3
            H1 h1 0 V1 2k
            B1 b1 0 V=V(mid)*2
            S1 s1 0 clk 0 sw1
            R3 e1 0 1k
            R4 g1 0 1k
            R5 f1 0 1k
            R6 b1 0 1k
            R7 out vdd 4.7k
            R8 h1 s1 1k
            .end
            """;

    @Test
    void kicadToKicadKeepsEveryConnection() throws ParseException {
        Circuit first = KicadTestFiles.readKicadResource("led-switch.net");
        Circuit second = KicadTestFiles.readKicad("again.net", KicadTestFiles.writeKicad(first));
        assertThat(Connectivity.differences(first, second, Map.of())).isEmpty();
        assertThat(second.netNames()).isEqualTo(first.netNames());
    }

    @Test
    void kicadToKicadKeepsFootprintsFieldsTimeStampsAndSimulationFields() throws ParseException {
        Circuit first = KicadTestFiles.readKicadResource("led-switch.net");
        Circuit second = KicadTestFiles.readKicad("again.net", KicadTestFiles.writeKicad(first));
        for (Component c : first.components()) {
            Component again = second.component(c.ref()).orElseThrow();
            assertThat(again.properties()).as(c.ref()).isEqualTo(c.properties());
            assertThat(again.value()).as(c.ref()).isEqualTo(c.value());
            assertThat(again.model()).as(c.ref()).isEqualTo(c.model());
            assertThat(again.pins()).as(c.ref()).isEqualTo(c.pins());
        }
    }

    @Test
    void secondKicadWriteIsByteIdenticalToTheFirst() throws ParseException {
        String once = KicadTestFiles.writeKicad(KicadTestFiles.readKicadResource("led-switch.net"));
        String twice = KicadTestFiles.writeKicad(KicadTestFiles.readKicad("once.net", once));
        assertThat(twice).isEqualTo(once);
    }

    @Test
    void kicad5NetlistWrittenAsKicad8KeepsConnectionsAndWritesStably() throws ParseException {
        Circuit k5 = KicadTestFiles.readKicadResource("kicad5-divider.net");
        String once = KicadTestFiles.writeKicad(k5);
        Circuit k8 = KicadTestFiles.readKicad("k8.net", once);
        assertThat(Connectivity.differences(k5, k8, Map.of())).isEmpty();
        assertThat(KicadTestFiles.writeKicad(k8)).isEqualTo(once);
        assertThat(once).contains("(value \"4k7\")").contains("(tstamps \"6229F2A1\")");
    }

    @Test
    void spiceToKicadKeepsEveryConnectionKindAndValue() throws ParseException {
        Circuit spice = KicadTestFiles.readSpice("mixed.cir", MIXED);
        Notices notices = new Notices();
        Circuit kicad = KicadTestFiles.readKicad("mixed.net", KicadTestFiles.writeKicad(spice, notices));
        assertThat(Connectivity.differences(spice, kicad, Map.of())).isEmpty();
        assertThat(kicad.component("F1").orElseThrow().controls()).containsExactly("V1");
        assertThat(kicad.component("S1").orElseThrow().model()).isEqualTo("sw1");
        assertThat(kicad.component("M1").orElseThrow().parameter("w").value().magnitude()).isEqualTo(1e-6);
    }

    @Test
    void spiceToKicadToSpiceKeepsEveryConnectionKindAndValue() throws ParseException {
        Circuit spice = KicadTestFiles.readSpice("mixed.cir", MIXED);
        Circuit kicad = KicadTestFiles.readKicad("mixed.net", KicadTestFiles.writeKicad(spice));
        Notices notices = new Notices();
        String deck = KicadTestFiles.writeSpice(kicad, notices);
        Circuit back = KicadTestFiles.readSpice("back.cir", deck);
        assertThat(Connectivity.differences(spice, back, notices.componentRenames())).isEmpty();
        assertThat(deck).contains("V2 in 0 SIN(0 1 1k) AC 1")
                .contains("V3 clk 0 DC 0 PULSE(0 5 0 1n 1n 5u 10u)")
                .contains("F1 f1 0 V1 3")
                .contains("M1 out in 0 0 nch w=1u l=180n")
                .contains("R1 in mid 1MEG");
    }

    @Test
    void spiceToKicadToKicadIsByteIdentical() throws ParseException {
        String once = KicadTestFiles.writeKicad(KicadTestFiles.readSpice("mixed.cir", MIXED));
        String twice = KicadTestFiles.writeKicad(KicadTestFiles.readKicad("once.net", once));
        assertThat(twice).isEqualTo(once);
    }

    @Test
    void editedComponentGetsSimulationFieldsThatDescribeTheEdit() throws ParseException {
        Circuit c = KicadTestFiles.readKicadResource("led-switch.net");
        Component q1 = c.component("Q1").orElseThrow();
        Circuit edited = c.withComponent(q1.toBuilder().model("Q2N3904").build());
        String out = KicadTestFiles.writeKicad(edited);
        assertThat(out).contains("(field (name \"Sim.Name\") \"Q2N3904\")")
                .contains("(field (name \"Sim.Library\") \"models/2n2222.lib\")")
                .doesNotContain("\"Q2N2222\"");
        String untouched = KicadTestFiles.writeKicad(c);
        assertThat(untouched).contains("(field (name \"Sim.Name\") \"Q2N2222\")");
    }
}
