package dev.kirchhoff.eval.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestionReaderTest {
    private static final NetlistNames LADDER = NetlistNames.of("""
            V1 in 0 V1
            R1 in mid R1
            C1 mid 0 C1
            R2 mid out R2
            R4 out 0 R4
            """);

    @Test
    void circuitSenseTransferQuestionNamesTheSourceAndTheElement() {
        String q = "\nTask: Derive the transfer function from V1 to R4.\n\nPlease provide a complete derivation";
        assertThat(QuestionReader.read(q, LADDER)).contains(new Asked.Transfer("V1", "R4"));
    }

    @Test
    void circuitSenseGeneratorPhrasings() {
        NetlistNames numbered = NetlistNames.of("""
                V1 1 0 V1
                R1 1 2 R1
                L1 2 3 L1
                C1 3 0 C1
                """);
        assertThat(QuestionReader.read("What is the transfer function from V1 to C1 in this circuit?", numbered))
                .contains(new Asked.Transfer("V1", "C1"));
        assertThat(QuestionReader.read("Derive the nodal equation for node 2 in the s-domain. Express the equation "
                + "using only the circuit elements and their values as labeled in the diagram. Make sure the final "
                + "answer is just the symbolic equation Vn2(s) = ..., where the right side contains only the labeled "
                + "components and sources from the circuit diagram..", numbered))
                .contains(new Asked.NodeVoltage("2"));
        assertThat(QuestionReader.read("What is the solution for the voltage source current iv1 in s-domain of this "
                + "circuit? Express the equation using only the circuit elements and their values as labeled in the "
                + "diagram.Make sure the final answer is just the symbolic equation iv1(s) = ..., where the right side "
                + "contains only the labeled components and sources from the circuit diagram..", numbered))
                .contains(new Asked.Current("V1"));
        assertThat(QuestionReader.read("What is the solution for the inductor current il1 in s-domain? ... il1(s) = ...",
                numbered)).contains(new Asked.Current("L1"));
    }

    @Test
    void aRatioOfNodeVoltagesMapsTheInputNodeToItsSource() {
        assertThat(QuestionReader.read("Find H(s) = V_out/V_in for the circuit.", LADDER))
                .contains(new Asked.Transfer("V1", "out"));
        assertThat(QuestionReader.read("Find the transfer function H(s) = V(mid)/V(in).", LADDER))
                .contains(new Asked.Transfer("V1", "mid"));
    }

    @Test
    void operatingPointQuantities() {
        assertThat(QuestionReader.read("What is the voltage at node mid?", LADDER))
                .contains(new Asked.NodeVoltage("mid"));
        assertThat(QuestionReader.read("What is V(out) in volts?", LADDER)).contains(new Asked.NodeVoltage("out"));
        assertThat(QuestionReader.read("Find the voltage across R2.", LADDER))
                .contains(new Asked.ElementVoltage("R2"));
        assertThat(QuestionReader.read("What current flows? Give the current through r1 in mA.", LADDER))
                .contains(new Asked.Current("R1"));
        assertThat(QuestionReader.read("How much power is dissipated in R4?", LADDER))
                .contains(new Asked.Power("R4"));
    }

    @Test
    void aQuantityTheNetlistMeasuresIsAskedOfNgspiceByItsName() {
        NetlistNames bridge = NetlistNames.of("""
                * unbalanced Wheatstone bridge
                V1 1 0 DC 10
                R5 2 4 5k
                VI1 4 3 DC 0
                .control
                op
                print i(VI1) ; measurement of I1
                .endc
                """);
        assertThat(QuestionReader.read("What is the current I1 through R5, flowing from node 2 towards node 3?", bridge))
                .contains(new Asked.Measured("i(VI1)", "I1"));
        assertThat(new Asked.Measured("i(VI1)", "I1").unit()).isEqualTo("A");
    }

    @Test
    void aNamedQuantityBeforeThroughOrAcrossAndANodeToGround() {
        assertThat(QuestionReader.read("What is the current I1 through R2?", LADDER)).contains(new Asked.Current("R2"));
        assertThat(QuestionReader.read("What is the voltage U0 across R4?", LADDER))
                .contains(new Asked.ElementVoltage("R4"));
        assertThat(QuestionReader.read("What is the output voltage U0 of the amplifier (node out to ground)?", LADDER))
                .contains(new Asked.NodeVoltage("out"));
    }

    @Test
    void aGainAtAFrequencyInDecibels() {
        assertThat(QuestionReader.read("What is the gain in dB at node out at 1.5 kHz?", LADDER))
                .contains(new Asked.Gain("V1", "out", 1500, true));
    }

    @Test
    void aGainOrOutputAskedWithoutNamesMeansTheNodeCalledOut() {
        assertThat(QuestionReader.read("Find the voltage gain of this amplifier in the s-domain.", LADDER))
                .contains(new Asked.Transfer("V1", "out"));
        assertThat(QuestionReader.read("Derive Vout/Vin.", LADDER)).contains(new Asked.Transfer("V1", "out"));
        assertThat(QuestionReader.read("Express the output voltage in terms of V1.", LADDER))
                .contains(new Asked.NodeVoltage("out"));
        NetlistNames twoSources = NetlistNames.of("V1 in 0 V1\nV2 b 0 V2\nR1 in out R1\nR2 b out R2\nR3 out 0 R3\n");
        assertThat(QuestionReader.read("Find the voltage gain.", twoSources)).as("which source is the input?").isEmpty();
    }

    @Test
    void aQuestionAboutNamesTheCircuitLacksIsNotAnswered() {
        assertThat(QuestionReader.read("Derive the transfer function from V9 to R7.", LADDER)).isEmpty();
        assertThat(QuestionReader.read("Which topology is shown?", LADDER)).isEmpty();
    }
}
