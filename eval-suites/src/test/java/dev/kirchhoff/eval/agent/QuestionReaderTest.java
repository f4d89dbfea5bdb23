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
    void aGainAtAFrequencyInDecibels() {
        assertThat(QuestionReader.read("What is the gain in dB at node out at 1.5 kHz?", LADDER))
                .contains(new Asked.Gain("V1", "out", 1500, true));
    }

    @Test
    void aQuestionAboutNamesTheCircuitLacksIsNotAnswered() {
        assertThat(QuestionReader.read("Derive the transfer function from V9 to R7.", LADDER)).isEmpty();
        assertThat(QuestionReader.read("Which topology is shown?", LADDER)).isEmpty();
    }
}
