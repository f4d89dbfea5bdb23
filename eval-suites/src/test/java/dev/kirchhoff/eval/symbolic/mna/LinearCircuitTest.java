package dev.kirchhoff.eval.symbolic.mna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirchhoff.eval.symbolic.RationalFunction;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearCircuitTest {

    private static RationalFunction numeric(String netlist, String element) {
        LinearCircuit c = LinearCircuit.parse(netlist).withNumericValues();
        return c.value(c.element(element).orElseThrow());
    }

    private static RationalFunction q(long n, long d) {
        return RationalFunction.constant(BigInteger.valueOf(n), BigInteger.valueOf(d));
    }

    @Test
    void readsSpiceSuffixesExactly() {
        String netlist = """
                R1 a 0 1k
                R2 a 0 2.2meg
                R3 a 0 4.7kohm
                C1 a 0 10u
                C2 a 0 100nF
                C3 a 0 1e-9
                L1 a 0 1mil
                L2 a 0 .5m
                """;
        assertThat(numeric(netlist, "R1")).isEqualTo(RationalFunction.constant(1000));
        assertThat(numeric(netlist, "R2")).isEqualTo(RationalFunction.constant(2_200_000));
        assertThat(numeric(netlist, "R3")).isEqualTo(RationalFunction.constant(4700));
        assertThat(numeric(netlist, "C1")).isEqualTo(q(1, 100_000));
        assertThat(numeric(netlist, "C2")).isEqualTo(q(1, 10_000_000));
        assertThat(numeric(netlist, "C3")).isEqualTo(q(1, 1_000_000_000));
        assertThat(numeric(netlist, "L1")).isEqualTo(q(254, 10_000_000));
        assertThat(numeric(netlist, "L2")).isEqualTo(q(1, 2000));
        // symbolic by default: the element's own name
        LinearCircuit c = LinearCircuit.parse(netlist);
        assertThat(c.value(c.element("R2").orElseThrow()).toSympy()).isEqualTo("R2");
        assertThat(c.numericValues().get("C2").re()).isEqualTo(1e-7);
    }

    @Test
    void aNameAsValueIsTheSymbol() {
        LinearCircuit c = LinearCircuit.parse("V1 in 0\nR1 in out Rload\nC1 out 0 {Cf}\nG1 out 0 in 0 gm\n");
        assertThat(c.element("R1").orElseThrow().symbol()).isEqualTo("Rload");
        assertThat(c.element("C1").orElseThrow().symbol()).isEqualTo("Cf");
        assertThat(c.element("g1").orElseThrow().symbol()).isEqualTo("gm");
        assertThat(c.withNumericValues().value(c.element("R1").orElseThrow()).toSympy()).isEqualTo("Rload");
    }

    @Test
    void sourceValuesPreferTheAcMagnitude() {
        String netlist = "V1 a 0 DC 5 AC 1\nV2 b 0 3.3\nV3 c 0 SIN(0 1 1k)\nI1 d 0 AC 2m\nR1 a b\nR2 b c\nR3 c d\n"
                + "R4 d 0\n";
        assertThat(numeric(netlist, "V1")).isEqualTo(RationalFunction.ONE);
        assertThat(numeric(netlist, "V2")).isEqualTo(q(33, 10));
        assertThat(numeric(netlist, "V3").toSympy()).isEqualTo("V3");
        assertThat(numeric(netlist, "I1")).isEqualTo(q(1, 500));
    }

    @Test
    void titleCommentsContinuationsAndDirectives() {
        LinearCircuit c = LinearCircuit.parse("""
                RC low pass filter
                * a comment line
                V1 in GND AC 1 ; the source
                R1 in
                + out 1k
                .param R=1k
                .subckt OPAMP inp inn out
                E1 out 0 inp inn 1e6
                .ends
                C1 out 0 1n
                .control
                ac dec 10 1 1meg
                .endc
                .end
                Q1 c b e npn
                """);
        assertThat(c.title()).isEqualTo("RC low pass filter");
        assertThat(c.elements()).extracting(Element::name).containsExactly("V1", "R1", "C1");
        assertThat(c.elements()).extracting(Element::line).containsExactly(3, 4, 10);
        assertThat(c.element("V1").orElseThrow().nodes()).containsExactly("in", "0");
        assertThat(c.element("R1").orElseThrow().nodes()).containsExactly("in", "out");
        assertThat(c.nodes()).containsExactly("in", "out");
    }

    @Test
    void aFirstLineThatIsAConnectedElementIsNotATitle() {
        LinearCircuit c = LinearCircuit.parse("R1 in out 1k\nV1 in 0\nC1 out 0\n");
        assertThat(c.title()).isEmpty();
        assertThat(c.elements()).extracting(Element::name).containsExactly("R1", "V1", "C1");
    }

    @Test
    void opAmpsInBothSyntaxes() {
        // a title line: without it E1, whose nodes no later line shares, would read as one
        LinearCircuit c = LinearCircuit.parse("""
                op-amps
                E1 o1 0 opamp p1 n1
                E2 o2 ref opamp p2 n2 Ad
                XU1 p3 n3 o3 OPAMP
                XU2 p4 n4 o4 opamp Ad=1e5
                """);
        Element e1 = c.element("E1").orElseThrow();
        assertThat(e1.kind()).isEqualTo(ElementKind.OPAMP);
        assertThat(e1.isIdealOpAmp()).isTrue();
        assertThat(e1.nodes()).containsExactly("o1", "0", "p1", "n1");
        assertThat(c.element("E2").orElseThrow().symbol()).isEqualTo("Ad");
        assertThat(c.element("E2").orElseThrow().nodes()).containsExactly("o2", "ref", "p2", "n2");
        assertThat(c.element("XU1").orElseThrow().nodes()).containsExactly("o3", "0", "p3", "n3");
        assertThat(c.element("XU1").orElseThrow().isIdealOpAmp()).isTrue();
        assertThat(c.element("XU2").orElseThrow().symbol()).isEqualTo("XU2");
        assertThat(numeric("XU2 p4 n4 o4 opamp Ad=1e5\nR1 p4 0\nR2 n4 o4\n", "XU2"))
                .isEqualTo(RationalFunction.constant(100_000));
    }

    @Test
    void transistorsAreRefusedWithTheLineAndWhatToDo() {
        assertThatThrownBy(() -> LinearCircuit.parse("amp\nV1 in 0\nR1 in b\nQ1 c b 0 npn\nR2 c 0\n"))
                .isInstanceOf(NetlistException.class)
                .hasMessage("line 4: `Q1` is a transistor; symbolic analysis handles R, L, C, V, I, E, G, F, H and"
                        + " op-amps only. Replace it by its small-signal model (for example a G source gm with"
                        + " resistors).")
                .satisfies(e -> assertThat(((NetlistException) e).line()).isEqualTo(4));
        // on the first line too, when it is wired to the rest: not mistaken for a title
        assertThatThrownBy(() -> LinearCircuit.parse("Q1 c b 0 npn\nV1 b 0\nR1 c 0\n"))
                .hasMessageStartingWith("line 1: `Q1` is a transistor;");
        assertThatThrownBy(() -> LinearCircuit.parse("V1 a 0\nD1 a 0 dmod\n"))
                .hasMessageStartingWith("line 2: `D1` is a diode;");
        assertThatThrownBy(() -> LinearCircuit.parse("V1 a 0\nXU1 a b c LM358\nR1 b c\n"))
                .hasMessageStartingWith("line 2: `XU1` is a subcircuit call; symbolic analysis reads only op-amps");
    }

    @Test
    void malformedLinesSayWhere() {
        assertThatThrownBy(() -> LinearCircuit.parse("V1 a 0\nR1 a\n"))
                .hasMessage("line 2: `R1 a` is incomplete; write it as `R1 node+ node- [value]`.");
        assertThatThrownBy(() -> LinearCircuit.parse("V1 a 0\nR1 a 0 1k5\n"))
                .hasMessageStartingWith("line 2: the value `1k5` of R1 is neither a number");
        assertThatThrownBy(() -> LinearCircuit.parse("V1 a 0\nR1 a 0\nr1 a 0\n"))
                .hasMessage("line 3: the name r1 is already used on line 2; give each element its own name.");
        assertThatThrownBy(() -> LinearCircuit.parse("V1 a 0\nR1 a b\nF1 b 0 Vx 2\n"))
                .hasMessageStartingWith("line 3: F1 senses the current of Vx, which is not in the netlist;");
        assertThatThrownBy(() -> LinearCircuit.parse("V1 a 0\nR1 a 0\n.control\nrun\n"))
                .hasMessage("line 3: `.control` has no matching `.endc`; close the block with a `.endc` line.");
        assertThatThrownBy(() -> LinearCircuit.parse("V1 a 0\nR1 a 0 0\n"))
                .hasMessageStartingWith("line 2: R1 has the value 0");
        assertThatThrownBy(() -> LinearCircuit.parse("V1 a 0\nE1 a 0 POLY(1) 1 0 0 1\n"))
                .hasMessageStartingWith("line 2: E1 uses POLY or VALUE;");
    }

    @Test
    void lcapyWiresMergeNodesAndDrawingHintsAreComments() {
        LinearCircuit c = LinearCircuit.parse("""
                V1 1 0_1 V1; down
                R1 1 2; right
                W 2 3; right
                R2 3 0_2; down
                W 0_1 0; right
                W 0_2 0_1; right
                O 3 4; right
                """);
        assertThat(c.nodes()).containsExactly("1", "2");
        assertThat(c.element("R2").orElseThrow().nodes()).containsExactly("2", "0");
        assertThat(c.aliases()).containsEntry("3", "2").containsEntry("0_1", "0").containsEntry("0_2", "0");
        Solution s = MnaSolver.solveFor(c, "V1");
        assertThat(s.voltage("3").toSympy()).isEqualTo("R2/(R1 + R2)");
        assertThat(s.voltage("0_2")).isEqualTo(RationalFunction.ZERO);
        assertThat(MnaSolver.transfer(c, "V1", "R2").toSympy()).isEqualTo("R2/(R1 + R2)");
        // SPICE's W is a switch: with its control and model it is refused, not read as a wire
        assertThatThrownBy(() -> LinearCircuit.parse("V1 1 0\nR1 1 2\nW1 2 0 V1 swmod\n"))
                .hasMessageStartingWith("line 3: `W1` is not an element symbolic analysis knows;");
    }

    @Test
    void independentSourcesInNetlistOrder() {
        LinearCircuit c = LinearCircuit.parse("V1 a 0\nR1 a b\nI1 b 0\nV2 b c\nR2 c 0\n");
        assertThat(c.independentSources()).extracting(Element::name).isEqualTo(List.of("V1", "I1", "V2"));
        assertThat(c.isNumeric()).isFalse();
        assertThat(c.withNumericValues().isNumeric()).isTrue();
        assertThat(c.withNumericValues().withSymbolicValues().isNumeric()).isFalse();
    }
}
