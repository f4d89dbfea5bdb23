package dev.kirchhoff.schematic.format.spectre;

import static dev.kirchhoff.schematic.testing.Netlists.error;
import static dev.kirchhoff.schematic.testing.Netlists.read;
import static dev.kirchhoff.schematic.testing.Netlists.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kirchhoff.schematic.format.Notice;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Connectivity;
import dev.kirchhoff.schematic.model.PinRef;
import dev.kirchhoff.schematic.model.Subcircuit;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpectreFormatTest {

    /** Shaped like a netlist Cadence exports: header comments, subckt, parameters with expressions, analyses. */
    private static final String CADENCE = """
            // Generated for: spectre
            // Design library name: tutorial
            simulator lang=spectre
            global 0 vdd!
            parameters wn=1u ln=180n rload=2M
            include "models.scs" section=tt

            // Cell name: INVERTER
            subckt INVERTER A Q VDD VSS
                parameters wp=2*wn
                M0 (Q A VDD VDD) pmos4 w=wp l=ln
                M1 (Q A VSS VSS) nmos4 w=wn l=ln
            ends INVERTER

            I0 (in out vdd! 0) INVERTER wp=(wn * 3)
            R0 (out 0) resistor r=rload
            C0 (out 0) capacitor c=10f
            V0 (vdd! 0) vsource dc=1.8 type=dc
            V1 (in 0) vsource type=pulse val0=0 val1=1.8 period=10n \\
                width=4n rise=100p fall=100p
            tran1 tran stop=100n errpreset=conservative
            save out
            """;

    @Test
    void readsInstancesSubcircuitsParametersAndAnalyses() {
        Circuit c = read("spectre", CADENCE);
        assertThat(c.globals()).containsExactly("0", "vdd!");
        assertThat(c.parameters()).extracting(p -> p.name() + "=" + p.value().text())
                .containsExactly("wn=1u", "ln=180n", "rload=2M");
        assertThat(c.parameters().get(2).value().magnitude()).isEqualTo(2e6);
        assertThat(c.includes()).singleElement().satisfies(i -> {
            assertThat(i.path()).isEqualTo("models.scs");
            assertThat(i.section()).isEqualTo("tt");
        });
        Subcircuit inv = c.subcircuit("INVERTER").orElseThrow();
        assertThat(inv.ports()).containsExactly("A", "Q", "VDD", "VSS");
        assertThat(inv.parameters()).singleElement().satisfies(p -> assertThat(p.value().text()).isEqualTo("2*wn"));
        Component m0 = inv.body().component("M0").orElseThrow();
        assertThat(m0.kind()).isEqualTo(ComponentKind.MOSFET);
        assertThat(m0.model()).isEqualTo("pmos4");
        assertThat(inv.body().netOf(PinRef.of("M0:S"))).contains("VDD");
        Component i0 = c.component("I0").orElseThrow();
        assertThat(i0.kind()).isEqualTo(ComponentKind.SUBCIRCUIT);
        assertThat(i0.pins()).extracting(p -> p.name()).containsExactly("A", "Q", "VDD", "VSS");
        assertThat(c.netOf(PinRef.of("I0:VDD"))).contains("vdd!");
        assertThat(i0.parameter("wp").value().text()).isEqualTo("(wn * 3)");
        Component r0 = c.component("R0").orElseThrow();
        assertThat(r0.value().text()).isEqualTo("rload");
        assertThat(r0.value().isExpression()).isTrue();
        assertThat(c.component("C0").orElseThrow().value().magnitude()).isEqualTo(10e-15);
        Component v1 = c.component("V1").orElseThrow();
        assertThat(v1.parameters()).extracting(p -> p.name()).containsExactly("type", "val0", "val1", "period",
                "width", "rise", "fall");
        assertThat(c.directives()).extracting(d -> d.text())
                .containsExactly("tran1 tran stop=100n errpreset=conservative", "save out");
    }

    @Test
    void convertsToNgspiceWithMegaSourcesAndSubcircuitCalls() {
        Circuit c = read("spectre", CADENCE);
        Notices notices = new Notices();
        String deck = write("ngspice", c, notices);
        assertThat(deck).contains(".param rload=2meg")
                .contains("XI0 in out vdd! 0 INVERTER params: wp={(wn * 3)}")
                .contains("V1 in 0 PULSE(0 1.8 0 100p 100p 4n 10n)")
                .contains("V0 vdd! 0 DC 1.8")
                .contains(".tran 100p 100n")
                .contains(".subckt INVERTER A Q VDD VSS params: wp={2*wn}");
        assertThat(notices.componentRenames()).containsEntry("I0", "XI0");
        assertThat(notices.all()).extracting(Notice::message).anySatisfy(m ->
                assertThat(m).contains("'save out' has no SPICE equivalent"));
        Circuit back = read("ngspice", deck);
        assertThat(Connectivity.differences(c, back, notices.componentRenames())).isEmpty();
    }

    @Test
    void spiceSectionsAreReadIntoTheSameCircuit() {
        String text = """
                simulator lang=spectre
                R1 (a b) resistor r=1k
                simulator lang=spice
                * a spice section
                R2 b c 2k
                M1 c b 0 0 nch w=1u
                + l=1u
                .model nch nmos level=1
                simulator lang=spectre
                C1 (c 0) capacitor c=1p
                """;
        Circuit c = read("spectre", text);
        assertThat(c.components()).extracting(Component::ref).containsExactly("R1", "R2", "M1", "C1");
        assertThat(c.net("b").orElseThrow().pins()).containsExactly(PinRef.of("R1:2"), PinRef.of("R2:1"),
                PinRef.of("M1:2"));
        assertThat(c.component("R2").orElseThrow().value().magnitude()).isEqualTo(2000.0);
        assertThat(c.component("M1").orElseThrow().parameter("l").value().magnitude()).isEqualTo(1e-6);
        assertThat(c.models()).extracting(m -> m.type()).containsExactly("nmos");
    }

    @Test
    void analogGenieStyleNetlistWithReusedNames() {
        String text = "M1 (VOUT2 VIN2 VSS VSS) nmos4\nM1 (VOUT1 VIN1 VSS VSS) nmos4\nR1 (VDD VOUT2) resistor\n"
                + "R0 (VDD VOUT1) resistor\nQ0 (C B E) npn\nD0 (P N) diode\n";
        Notices notices = new Notices();
        Circuit c = read("spectre", text, notices);
        assertThat(c.components()).extracting(Component::ref).containsExactly("M1", "M1_2", "R1", "R0", "Q0", "D0");
        assertThat(notices.componentRenames()).containsEntry("M1", "M1_2");
        assertThat(c.component("Q0").orElseThrow().kind()).isEqualTo(ComponentKind.BJT);
        assertThat(c.component("D0").orElseThrow().kind()).isEqualTo(ComponentKind.DIODE);
        assertThat(c.netOf(PinRef.of("D0:A"))).contains("P");
        assertThat(c.component("R1").orElseThrow().value()).isNull();
    }

    @Test
    void escapedNamesRoundTrip() {
        String text = "I0\\<3\\> (net\\<1\\> 0) resistor r=1k\n";
        Circuit c = read("spectre", text);
        assertThat(c.components()).extracting(Component::ref).containsExactly("I0<3>");
        assertThat(c.netNames()).contains("net<1>");
        String back = write("spectre", c);
        assertThat(back).contains("I0\\<3\\> (net\\<1\\> 0) resistor r=1k");
        assertThat(Connectivity.differences(c, read("spectre", back), Map.of())).isEmpty();
    }

    @Test
    void spiceElementsWithoutASpectrePrimitiveGoIntoASpiceSection() {
        Circuit c = read("ngspice", "t\nB1 a 0 V={2*v(b)}\nR1 a b 1k\nE1 c 0 POLY(1) a 0 0 2\n.end\n");
        Notices notices = new Notices();
        String text = write("spectre", c, notices);
        assertThat(text).contains("R1 (a b) resistor r=1k")
                .contains("simulator lang=spice\nB1 a 0 V={2*v(b)}\nE1 c 0 POLY(1) a 0 0 2\nsimulator lang=spectre");
        Circuit back = read("spectre", text);
        assertThat(Connectivity.differences(c, back, Map.of())).isEmpty();
        assertThat(notices.all()).extracting(Notice::message).anySatisfy(m ->
                assertThat(m).startsWith("2 components have no Spectre primitive"));
    }

    @Test
    void milliAndMegaSurviveTheRoundTrip() {
        Circuit fromSpice = read("ngspice", "t\nR1 a 0 2M\nR2 a 0 3meg\n.end\n");
        String spectre = write("spectre", fromSpice);
        assertThat(spectre).contains("R1 (a 0) resistor r=2m").contains("R2 (a 0) resistor r=3M");
        Circuit back = read("spectre", spectre);
        assertThat(back.component("R1").orElseThrow().value().magnitude()).isEqualTo(2e-3);
        assertThat(back.component("R2").orElseThrow().value().magnitude()).isEqualTo(3e6);
        assertThat(write("ngspice", back)).contains("R1 a 0 2m").contains("R2 a 0 3meg");
    }

    @Test
    void unbalancedParenthesisIsReportedWhereItOpened() {
        ParseException e = error("spectre", "amp.scs", "R1 (a b) resistor r=1k\nM1 (d g s b nmos4 w=1u\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(4);
        assertThat(e.getMessage()).isEqualTo("amp.scs:2:4: '(' is never closed; add ')' before the end of the "
                + "statement");
    }

    @Test
    void strayClosingParenthesis() {
        ParseException e = error("spectre", "amp.scs", "R1 (a b)) resistor\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(9);
    }

    @Test
    void wrongTerminalCountNamesTheDevice() {
        ParseException e = error("spectre", "amp.scs", "M1 (d g) nmos4\n");
        assertThat(e.problem()).isEqualTo("M1: nmos4 is a MOSFET and takes 3 to 7 terminals, but 2 are given");
    }

    @Test
    void unterminatedSubcircuit() {
        ParseException e = error("spectre", "amp.scs", "subckt amp (in out)\nR1 (in out) resistor r=1k\n");
        assertThat(e.getMessage()).isEqualTo("amp.scs:1:1: subcircuit 'amp' is never closed; add 'ends amp' after "
                + "its last line");
    }
}
