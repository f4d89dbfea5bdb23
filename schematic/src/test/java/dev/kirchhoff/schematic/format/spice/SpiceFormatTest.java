package dev.kirchhoff.schematic.format.spice;

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
import dev.kirchhoff.schematic.units.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpiceFormatTest {

    private static final String AMPLIFIER = """
            common-source amplifier with a current-mirror load
            * supply
            VDD vdd 0 DC 1.8
            VIN in 0 DC 0.9 AC 1 SIN(0.9 10m 1k)
            M1 out in 0 0 nch w=2u l=180n
            M2 out pbias vdd vdd pch
            + w=4u l=180n m=2
            M3 pbias pbias vdd vdd pch w=4u l=180n
            IB pbias 0 20u
            CL out 0 100f ; load
            .model nch nmos level=1 vto=0.45 kp=200u
            .model pch pmos (level=1 vto=-0.45 kp=80u)
            .tran 10n 5m
            .end
            """;

    @Test
    void readsDevicesPinsAndNets() {
        Circuit c = read("ngspice", AMPLIFIER);
        assertThat(c.title()).isEqualTo("common-source amplifier with a current-mirror load");
        assertThat(c.components()).extracting(Component::ref)
                .containsExactly("VDD", "VIN", "M1", "M2", "M3", "IB", "CL");
        Component m2 = c.component("M2").orElseThrow();
        assertThat(m2.kind()).isEqualTo(ComponentKind.MOSFET);
        assertThat(m2.model()).isEqualTo("pch");
        assertThat(m2.parameter("m").value().magnitude()).isEqualTo(2.0);
        assertThat(m2.parameter("w").value().magnitude()).isEqualTo(4e-6);
        // M2 out pbias vdd vdd: drain on out, gate on pbias, source and bulk on vdd
        assertThat(c.netOf(PinRef.of("M2:D"))).contains("out");
        assertThat(c.netOf(PinRef.of("M2:G"))).contains("pbias");
        assertThat(c.netOf(PinRef.of("M2:S"))).contains("vdd");
        assertThat(c.netOf(PinRef.of("M2:B"))).contains("vdd");
        assertThat(c.net("out").orElseThrow().pins())
                .containsExactly(PinRef.of("M1:1"), PinRef.of("M2:1"), PinRef.of("CL:1"));
        assertThat(c.component("CL").orElseThrow().value().magnitude()).isEqualTo(100e-15);
        assertThat(c.component("VIN").orElseThrow().value().text()).isEqualTo("DC 0.9 AC 1 SIN(0.9 10m 1k)");
        assertThat(c.models()).extracting(m -> m.name() + ":" + m.type()).containsExactly("nch:nmos", "pch:pmos");
        assertThat(c.directives()).singleElement().satisfies(d -> assertThat(d.text()).isEqualTo(".tran 10n 5m"));
    }

    @Test
    void diodeNodesAreAnodeThenCathode() {
        Circuit c = read("ngspice", "t\nD1 a k dmod\n.model dmod d\n.end\n");
        assertThat(c.netOf(PinRef.of("D1:A"))).contains("a");
        assertThat(c.netOf(PinRef.of("D1:K"))).contains("k");
        // and the pin numbers are KiCad's: 1 = cathode
        assertThat(c.netOf(PinRef.of("D1:1"))).contains("k");
    }

    @Test
    void namesAreCaseInsensitiveAndKeepTheirFirstSpelling() {
        Circuit c = read("ngspice", "t\nR1 VDD out 1k\nR2 vdd OUT 1k\n.end\n");
        assertThat(c.netNames()).containsExactly("VDD", "out");
    }

    @Test
    void ngspiceReadsGndAsGround() {
        Notices notices = new Notices();
        Circuit c = read("ngspice", "t\nR1 a gnd 1k\nR2 a 0 1k\n.end\n", notices);
        assertThat(c.net("0").orElseThrow().pins()).containsExactly(PinRef.of("R1:2"), PinRef.of("R2:2"));
        assertThat(read("ltspice", "t\nR1 a gnd 1k\nR2 a 0 1k\n.end\n").netNames()).contains("gnd", "0");
    }

    @Test
    void endOfLineCommentsFollowTheDialect() {
        String deck = "t\nR1 a b 1k ; note\nR2 b c 2k $ note\nR3 c d 3k // note\n.end\n";
        Circuit ng = read("ngspice", deck);
        assertThat(ng.components()).hasSize(3);
        assertThat(ng.component("R2").orElseThrow().value().magnitude()).isEqualTo(2000.0);
        // HSPICE knows '$' but not ';' (a ';' after a value is just part of the word)
        Circuit hs = read("hspice", "t\nR2 b c 2k $ note\n.end\n");
        assertThat(hs.component("R2").orElseThrow().value().magnitude()).isEqualTo(2000.0);
        Circuit lt = read("ltspice", "t\nR1 a b 1k ; note\n.end\n");
        assertThat(lt.component("R1").orElseThrow().parameters()).isEmpty();
    }

    @Test
    void subcircuitsWithParametersAndNesting() {
        String deck = """
                t
                .subckt divider top mid bot params: ratio=0.5 rtot=10k
                R1 top mid {rtot*(1-ratio)}
                R2 mid bot {rtot*ratio}
                .ends divider
                X1 in out 0 divider params: ratio=0.25
                X2 in out2 0 divider rtot=1meg
                V1 in 0 5
                .end
                """;
        Circuit c = read("ngspice", deck);
        Subcircuit d = c.subcircuit("divider").orElseThrow();
        assertThat(d.ports()).containsExactly("top", "mid", "bot");
        assertThat(d.parameters()).extracting(p -> p.name() + "=" + p.value()).containsExactly("ratio=0.5",
                "rtot=10k");
        assertThat(d.body().component("R1").orElseThrow().value().isExpression()).isTrue();
        Component x1 = c.component("X1").orElseThrow();
        assertThat(x1.kind()).isEqualTo(ComponentKind.SUBCIRCUIT);
        assertThat(x1.model()).isEqualTo("divider");
        assertThat(x1.pins()).extracting(p -> p.number() + "=" + p.name()).containsExactly("1=top", "2=mid", "3=bot");
        assertThat(x1.parameter("ratio").value().magnitude()).isEqualTo(0.25);
        assertThat(c.component("X2").orElseThrow().parameter("rtot").value().magnitude()).isEqualTo(1e6);
    }

    @Test
    void duplicateInstanceNamesAreRenamedAndReported() {
        Notices notices = new Notices();
        Circuit c = read("ngspice", "t\nR1 a b 1k\nr1 b c 2k\nR1_2 c d 3k\nR1 d e 4k\n.end\n", notices);
        assertThat(c.components()).extracting(Component::ref).containsExactly("R1", "r1_3", "R1_2", "R1_4");
        // r1_2 would clash with the existing R1_2 (SPICE ignores case), so the next free suffix is taken
        assertThat(notices.all()).extracting(Notice::message)
                .anySatisfy(m -> assertThat(m).contains("r1 renamed to r1_3").contains("already used at line 2"));
    }

    @Test
    void controlledSourcesAndCoupling() {
        String deck = """
                t
                V1 in 0 1
                E1 out 0 in 0 10
                G1 out 0 POLY(2) in 0 out 0 0 1m 2m
                F1 a 0 V1 2
                H1 b 0 POLY(2) V1 V2 0 1 1
                B1 c 0 V={v(in)*2}
                L1 in x 1u
                L2 x 0 1u
                K1 L1 L2 0.99
                V2 b2 0 0
                .end
                """;
        Circuit c = read("ngspice", deck);
        assertThat(c.netOf(PinRef.of("E1:C+"))).contains("in");
        Component g1 = c.component("G1").orElseThrow();
        assertThat(g1.pins()).hasSize(6);
        assertThat(c.netOf(PinRef.of("G1:C2+"))).contains("out");
        assertThat(g1.value().text()).isEqualTo("POLY(2) 0 1m 2m");
        assertThat(c.component("F1").orElseThrow().controls()).containsExactly("V1");
        assertThat(c.component("H1").orElseThrow().controls()).containsExactly("V1", "V2");
        assertThat(c.component("B1").orElseThrow().parameter("V").value().text()).isEqualTo("v(in)*2");
        assertThat(c.component("K1").orElseThrow().controls()).containsExactly("L1", "L2");
        String back = write("ngspice", c);
        assertThat(back).contains("G1 out 0 POLY(2) in 0 out 0 0 1m 2m")
                .contains("H1 b 0 POLY(2) V1 V2 0 1 1").contains("K1 L1 L2 0.99").contains("B1 c 0 V={v(in)*2}");
        assertThat(Connectivity.differences(c, read("ngspice", back), Map.of())).isEmpty();
    }

    @Test
    void bjtWithSubstrateAndAreaAndMosfetModelDetection() {
        Circuit c = read("ngspice", "t\nQ1 c b e s qmod 2 off\nQ2 1 2 3 qmod\nM1 d g s vdmos\n"
                + ".model qmod npn\n.model vdmos vdmos\n.end\n");
        Component q1 = c.component("Q1").orElseThrow();
        assertThat(q1.pins()).hasSize(4);
        assertThat(c.netOf(PinRef.of("Q1:S"))).contains("s");
        assertThat(q1.parameter("area").value().magnitude()).isEqualTo(2.0);
        assertThat(q1.parameter("off")).isNotNull();
        assertThat(c.component("Q2").orElseThrow().pins()).hasSize(3);
        assertThat(c.component("M1").orElseThrow().pins()).hasSize(3);
        assertThat(write("ngspice", c)).contains("Q1 c b e s qmod 2 off");
    }

    @Test
    void writerGivesInstancesTheElementLetterAndReportsIt() {
        Circuit c = Circuit.builder()
                .add(Component.builder("Rload", ComponentKind.RESISTOR).value(Value.parse("1k")).build(), "a", "0")
                .add(Component.builder("I4", ComponentKind.SUBCIRCUIT).model("inv")
                        .pins(ComponentKind.SUBCIRCUIT.pinsForNodes(2)).build(), "a", "b")
                .add(Component.builder("load", ComponentKind.CAPACITOR).value(Value.parse("1p")).build(), "b", "0")
                .build();
        Notices notices = new Notices();
        String deck = write("ngspice", c, notices);
        assertThat(deck).contains("\nRload a 0 1k\n").contains("\nXI4 a b inv\n").contains("\nCload b 0 1p\n");
        assertThat(notices.componentRenames()).containsEntry("I4", "XI4").containsEntry("load", "Cload")
                .doesNotContainKey("Rload");
    }

    @Test
    void writerSeparatesNetsThatDifferOnlyInCase() {
        Circuit c = Circuit.builder()
                .add(Component.builder("R1", ComponentKind.RESISTOR).value(Value.parse("1k")).build(), "VDD", "x")
                .add(Component.builder("R2", ComponentKind.RESISTOR).value(Value.parse("1k")).build(), "vdd", "x")
                .build();
        Notices notices = new Notices();
        String deck = write("ngspice", c, notices);
        Circuit back = read("ngspice", deck);
        assertThat(back.netNames()).hasSize(3);
        assertThat(notices.netRenames()).containsEntry("vdd", "vdd_2");
        assertThat(Connectivity.differences(c, back, notices.componentRenames())).isEmpty();
    }

    @Test
    void groundNetGndBecomesNodeZero() {
        Circuit c = Circuit.builder()
                .add(Component.builder("R1", ComponentKind.RESISTOR).value(Value.parse("1k")).build(), "VCC", "GND")
                .build();
        Notices notices = new Notices();
        assertThat(write("ngspice", c, notices)).contains("R1 VCC 0 1k");
        assertThat(notices.netRenames()).containsEntry("GND", "0");
    }

    @Test
    void subcircuitParameterKeywordFollowsTheDialect() {
        String deck = "t\n.subckt d a b params: r=1k\nR1 a b {r}\n.ends\nX1 1 0 d params: r=2k\n.end\n";
        Circuit c = read("ngspice", deck);
        assertThat(write("pspice", c)).contains(".subckt d a b PARAMS: r=1k").contains("X1 1 0 d PARAMS: r=2k");
        assertThat(write("hspice", c)).contains(".subckt d a b r=1k").contains("X1 1 0 d r=2k")
                .contains("R1 a b 'r'");
        assertThat(write("ngspice", c)).contains("R1 a b {r}");
    }

    @Test
    void hspiceMegaSuffixBecomesMegInNgspice() {
        Circuit c = read("hspice", "t\nR1 a 0 2x\nC1 a 0 3a\n.end\n");
        assertThat(write("ngspice", c)).contains("R1 a 0 2meg").contains("C1 a 0 3e-18");
    }

    @Test
    void controlBlocksAreKeptVerbatimAndWarnedAboutElsewhere() {
        String deck = "t\nR1 a 0 1k\n.control\nop\nprint v(a)\n.endc\n.end\n";
        Circuit c = read("ngspice", deck);
        assertThat(c.directives()).singleElement().satisfies(d -> assertThat(d.text()).isEqualTo(
                ".control\nop\nprint v(a)\n.endc"));
        Notices notices = new Notices();
        write("ltspice", c, notices);
        assertThat(notices.all()).extracting(Notice::message).anySatisfy(m ->
                assertThat(m).contains(".control is not a LTspice directive"));
    }

    @Test
    void linesAfterEndAreIgnoredAsSpiceDoes() {
        Notices notices = new Notices();
        Circuit c = read("ngspice", "t\nR1 a 0 1k\n.end\nR2 a 0 1k\n", notices);
        assertThat(c.components()).hasSize(1);
        assertThat(notices.all()).extracting(Notice::message).contains(
                "1 line(s) after .end were ignored, as SPICE does");
    }

    @Test
    void unterminatedSubcircuitPointsAtItsStart() {
        ParseException e = error("ngspice", "amp.cir", "t\nR1 a 0 1k\n.subckt opamp inp inn out\nR2 a b 1k\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).isEqualTo("amp.cir:3:1: subcircuit 'opamp' is never closed; add '.ends opamp' "
                + "after its last line");
    }

    @Test
    void continuationAtTheStartOfTheFileIsAnError() {
        ParseException e = error("ngspice", "x.cir", "+ R1 a 0 1k\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).startsWith("x.cir:1:1: the file starts with a continuation line");
        ParseException second = error("ngspice", "x.cir", "title\n+ R1 a 0 1k\n");
        assertThat(second.line()).isEqualTo(2);
        assertThat(second.getMessage()).contains("line 1 is the title and cannot be continued");
    }

    @Test
    void unknownElementLetterIsAnErrorWithItsColumn() {
        ParseException e = error("ngspice", "x.cir", "t\nR1 a 0 1k\n  Y1 a b foo\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.problem()).isEqualTo("unknown element letter 'Y' in 'Y1'");
    }

    @Test
    void tooFewNodesNamesTheElement() {
        ParseException e = error("ngspice", "x.cir", "t\nR1 a\n");
        assertThat(e.getMessage()).contains("x.cir:2:1: R1 (resistor) needs 2 nodes, found 1");
    }

    @Test
    void unbalancedBraceIsReportedWhereItOpened() {
        ParseException e = error("ngspice", "x.cir", "t\nR1 a 0 {2*r\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(8);
        assertThat(e.problem()).contains("'{' is never closed");
    }

    @Test
    void emptyFileIsAnError() {
        assertThat(error("ngspice", "e.cir", "  \n").problem()).isEqualTo("the file is empty");
    }

    @Test
    void roundTripsEveryDialectWithoutLosingConnections() {
        Circuit c = read("ngspice", AMPLIFIER);
        for (SpiceDialect d : SpiceDialect.values()) {
            Notices notices = new Notices();
            String text = write(d.formatName(), c, notices);
            Circuit back = read(d.formatName(), text);
            assertThat(Connectivity.differences(c, back, notices.componentRenames())).as(d.name()).isEmpty();
            assertThat(write(d.formatName(), back)).as("second write is identical").isEqualTo(text);
        }
    }
}
