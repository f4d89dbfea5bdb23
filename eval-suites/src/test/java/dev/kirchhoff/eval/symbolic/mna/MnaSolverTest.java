package dev.kirchhoff.eval.symbolic.mna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirchhoff.eval.symbolic.Complex;
import dev.kirchhoff.eval.symbolic.RationalFunction;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MnaSolverTest {

    private static RationalFunction transfer(String netlist, String in, String out) {
        return MnaSolver.transfer(LinearCircuit.parse(netlist), in, out);
    }

    private static RationalFunction v(String name) {
        return RationalFunction.variable(name);
    }

    @Test
    void resistiveDividerIsR2OverR1PlusR2() {
        String divider = """
                Voltage divider
                V1 in 0 DC 5
                R1 in out 10k
                R2 out 0 4.7k
                """;
        RationalFunction h = transfer(divider, "V1", "R2");
        assertThat(h.toSympy()).isEqualTo("R2/(R1 + R2)");
        assertThat(h).isEqualTo(v("R2").divide(v("R1").plus(v("R2"))));
        assertThat(transfer(divider, "V1", "out")).isEqualTo(h);
        // numeric: 4.7k / 14.7k = 47/147
        assertThat(MnaSolver.transfer(LinearCircuit.parse(divider).withNumericValues(), "V1", "R2").toSympy())
                .isEqualTo("47/147");
        // with the sources at their values: V(out) = V1*R2/(R1 + R2), and 5*4.7/14.7 = 235/147 numerically
        assertThat(MnaSolver.solve(LinearCircuit.parse(divider)).voltage("out").toSympy())
                .isEqualTo("R2*V1/(R1 + R2)");
        assertThat(MnaSolver.solve(LinearCircuit.parse(divider).withNumericValues()).voltage("out").toSympy())
                .isEqualTo("235/147");
    }

    @Test
    void rcLowPassIsOneOverOnePlusSRC() {
        String rc = """
                V1 in 0 AC 1
                R1 in out 1k
                C1 out 0 100n
                .ac dec 10 1 1meg
                .end
                """;
        assertThat(transfer(rc, "V1", "out").toSympy()).isEqualTo("1/(C1*R1*s + 1)");
        assertThat(transfer(rc, "V1", "C1").toSympy()).isEqualTo("1/(C1*R1*s + 1)");
        // 1/(1e-4 s + 1) = 10000/(s + 10000)
        assertThat(MnaSolver.transfer(LinearCircuit.parse(rc).withNumericValues(), "V1", "out").toSympy())
                .isEqualTo("10000/(s + 10000)");
        // the resistor's voltage is the high-pass complement
        assertThat(transfer(rc, "V1", "R1").toSympy()).isEqualTo("C1*R1*s/(C1*R1*s + 1)");
    }

    @Test
    void rcHighPassIsSRCOverOnePlusSRC() {
        assertThat(transfer("V1 in 0\nC1 in out\nR1 out 0\n", "V1", "out").toSympy())
                .isEqualTo("C1*R1*s/(C1*R1*s + 1)");
    }

    @Test
    void seriesRlcBandPassAcrossTheResistor() {
        RationalFunction h = transfer("V1 in 0\nL1 in a\nC1 a out\nR1 out 0\n", "V1", "R1");
        assertThat(h.toSympy()).isEqualTo("C1*R1*s/(C1*L1*s**2 + C1*R1*s + 1)");
        // at resonance s = j/sqrt(LC) the gain is exactly 1
        Complex at = h.evaluate(Map.of("R1", Complex.real(50), "L1", Complex.real(1e-3), "C1", Complex.real(1e-6),
                "s", new Complex(0, 1 / Math.sqrt(1e-9))));
        assertThat(at.re()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(at.im()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void invertingAmplifierIsMinusR2OverR1() {
        String amp = """
                * inverting amplifier, ideal op-amp as a subcircuit call
                V1 in 0
                R1 in n
                R2 n out
                XU1 0 n out OPAMP
                """;
        assertThat(transfer(amp, "V1", "out").toSympy()).isEqualTo("-R2/R1");
    }

    @Test
    void nonInvertingAmplifierIsOnePlusR2OverR1() {
        assertThat(transfer("V1 in 0\nE1 out 0 opamp in n\nR1 n 0\nR2 out n\n", "V1", "out").toSympy())
                .isEqualTo("(R1 + R2)/R1");
    }

    @Test
    void finiteGainNonInvertingAmplifierApproachesTheIdealAsAdGrows() {
        String amp = "V1 in 0\nE1 out 0 opamp in n Ad\nR1 n 0\nR2 out n\n";
        RationalFunction h = transfer(amp, "V1", "out");
        RationalFunction expected = v("Ad").times(v("R1").plus(v("R2")))
                .divide(v("R1").plus(v("R2")).plus(v("Ad").times(v("R1"))));
        assertThat(h).isEqualTo(expected);
        assertThat(h.toSympy()).isEqualTo("(Ad*R1 + Ad*R2)/(Ad*R1 + R1 + R2)");
        // the same op-amp written as a subcircuit call with Ad=
        assertThat(transfer("V1 in 0\nXU1 in n out OPAMP Ad=Ad\nR1 n 0\nR2 out n\n", "V1", "out")).isEqualTo(h);
        Map<String, Complex> at = Map.of("R1", Complex.real(1e3), "R2", Complex.real(9e3), "Ad", Complex.real(1e9));
        assertThat(h.evaluate(at).re()).isCloseTo(10.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void unityGainSallenKeyLowPass() {
        String sk = """
                Sallen-Key low-pass, unity gain
                V1 in 0 AC 1
                R1 in a
                R2 a b
                C1 a out
                C2 b 0
                XU1 b out out OPAMP
                """;
        RationalFunction h = transfer(sk, "V1", "out");
        assertThat(h.toSympy()).isEqualTo("1/(C1*C2*R1*R2*s**2 + C2*R1*s + C2*R2*s + 1)");
        RationalFunction s = v("s");
        RationalFunction den = v("C1").times(v("C2")).times(v("R1")).times(v("R2")).times(s.pow(2))
                .plus(v("C2").times(v("R1").plus(v("R2"))).times(s)).plus(RationalFunction.ONE);
        assertThat(h).isEqualTo(den.inverse());
    }

    @Test
    void transconductanceStageIsMinusGmTimesRL() {
        assertThat(transfer("V1 in 0\nG1 out 0 in 0 gm\nRL out 0\n", "V1", "out").toSympy()).isEqualTo("-RL*gm");
    }

    @Test
    void currentControlledSourcesUseTheSensedCurrent() {
        // the 0 V source Vs senses i = V1/R1; F1 pushes beta*i into out, H1 makes rm*i
        String cccs = "V1 in 0\nR1 in x\nVs x 0 0\nF1 0 out Vs beta\nR2 out 0\n";
        assertThat(transfer(cccs, "V1", "out").toSympy()).isEqualTo("R2*beta/R1");
        String ccvs = "V1 in 0\nR1 in x\nVs x 0 DC 0\nH1 out 0 Vs rm\nRL out 0\n";
        assertThat(transfer(ccvs, "V1", "out").toSympy()).isEqualTo("rm/R1");
        Solution sol = MnaSolver.solveFor(LinearCircuit.parse(ccvs), "V1");
        // SPICE sign: the current flows into Vs's + node, x, from R1
        assertThat(sol.current("Vs").toSympy()).isEqualTo("1/R1");
        assertThat(sol.current("R1").toSympy()).isEqualTo("1/R1");
        // V1 delivers 1/R1, which enters at its + terminal as -1/R1
        assertThat(sol.current("V1").toSympy()).isEqualTo("-1/R1");
    }

    @Test
    void integratorIsMinusOneOverSRC() {
        assertThat(transfer("V1 in 0\nR1 in n R\nC1 n out C\nXU1 0 n out OPAMP\n", "V1", "out").toSympy())
                .isEqualTo("-1/(C*R*s)");
    }

    @Test
    void otherSourcesAreSwitchedOffForATransferFunction() {
        // superposition: V2 is shorted when the input is V1, and I1 opened
        String two = "V1 a 0\nV2 b 0\nI1 0 out 1m\nR1 a out\nR2 b out\nR3 out 0\n";
        LinearCircuit c = LinearCircuit.parse(two);
        assertThat(MnaSolver.transfer(c, "V1", "out").toSympy()).isEqualTo("R2*R3/(R1*R2 + R1*R3 + R2*R3)");
        assertThat(MnaSolver.transfer(c, "I1", "out").toSympy()).isEqualTo("R1*R2*R3/(R1*R2 + R1*R3 + R2*R3)");
        // all sources on: the sum of the three contributions
        assertThat(MnaSolver.solve(c).voltage("out").toSympy())
                .isEqualTo("(I1*R1*R2*R3 + R1*R3*V2 + R2*R3*V1)/(R1*R2 + R1*R3 + R2*R3)");
    }

    @Test
    void inductorCurrentAndVoltageBetweenNodes() {
        Solution sol = MnaSolver.solveFor(LinearCircuit.parse("V1 in 0\nR1 in a\nL1 a 0\n"), "V1");
        assertThat(sol.current("L1").toSympy()).isEqualTo("1/(L1*s + R1)");
        assertThat(sol.voltage("in", "a").toSympy()).isEqualTo("R1/(L1*s + R1)");
        assertThat(sol.voltage("0")).isEqualTo(RationalFunction.ZERO);
    }

    @Test
    void nodeEquationsAreKclInSympySyntax() {
        assertThat(MnaSolver.nodeEquations(LinearCircuit.parse("V1 in 0\nR1 in out\nC1 out 0\nI1 0 out\n")))
                .containsExactly(
                        "Eq(I_V1 + (V_in - V_out)/R1, 0)",
                        "Eq((V_out - V_in)/R1 + C1*s*V_out, I1)",
                        "Eq(V_in, V1)");
        assertThat(MnaSolver.nodeEquations(LinearCircuit.parse("V1 in 0 1\nR1 in n 1k\nL1 n out 1m\nE1 out 0 n 0 5\n")
                .withNumericValues()))
                .containsExactly(
                        "Eq(I_V1 + (V_in - V_n)/1000, 0)",
                        "Eq((V_n - V_in)/1000 + (V_n - V_out)/((1/1000)*s), 0)",
                        "Eq((V_out - V_n)/((1/1000)*s) + I_E1, 0)",
                        "Eq(V_in, 1)",
                        "Eq(V_out, 5*V_n)");
    }

    @Test
    void floatingNodeIsNamed() {
        assertThatThrownBy(() -> transfer("V1 in 0\nR1 in out\nR2 out 0\nR3 x y\n", "V1", "out"))
                .isInstanceOf(SingularCircuitException.class)
                .hasMessageStartingWith("Nodes x, y have no path to ground (0)")
                .satisfies(e -> assertThat(((SingularCircuitException) e).involved()).containsExactly("x", "y"));
    }

    @Test
    void loopOfVoltageSourcesIsNamed() {
        assertThatThrownBy(() -> transfer("V1 a 0\nV2 a b\nV3 b 0\nR1 a 0\n", "V1", "a"))
                .isInstanceOf(SingularCircuitException.class)
                .hasMessageStartingWith("V3 closes a loop of voltage sources and op-amp outputs (V2, V1, V3) between nodes b and 0")
                .satisfies(e -> assertThat(((SingularCircuitException) e).involved()).containsExactly("V2", "V1",
                        "V3"));
    }

    @Test
    void nodeFedOnlyByCurrentSourcesIsNamed() {
        assertThatThrownBy(() -> MnaSolver.solve(LinearCircuit.parse("I1 0 a\nI2 a 0\nR1 0 b\nV1 b 0\n")))
                .isInstanceOf(SingularCircuitException.class)
                .hasMessageStartingWith("Node a reaches ground only through current sources".replace("reaches",
                        "reach"));
    }

    @Test
    void unknownInputOrOutputSaysWhatExists() {
        LinearCircuit c = LinearCircuit.parse("V1 in 0\nR1 in out\nR2 out 0\n");
        assertThatThrownBy(() -> MnaSolver.transfer(c, "R1", "out"))
                .hasMessage("'R1' is not an independent source of the circuit; the input of a transfer function is"
                        + " one of: V1.");
        assertThatThrownBy(() -> MnaSolver.transfer(c, "V1", "nowhere"))
                .hasMessage("There is no node 'nowhere'; the circuit's nodes are 0, in, out.");
    }

    @Test
    void symmetricArmsCancelToTheHalvedEquivalent() {
        // two equal R-C-R arms in parallel act as one arm; the common factor (C*R*s + 1) of the raw Cramer ratio
        // must be cancelled: Vth = V1/(1 + sRC), Zth = R(2 + sRC)/(2(1 + sRC)), so H = 2RL/(2RL(1 + sRC) + R(2 + sRC))
        RationalFunction sym = transfer("V1 in 0\nR1 in a R\nC1 a 0 C\nR2 in b R\nC2 b 0 C\nR3 a out R\nR4 b out R\n"
                + "R5 out 0 RL\n", "V1", "out");
        assertThat(sym.toSympy()).isEqualTo("2*RL/(C*R**2*s + 2*C*R*RL*s + 2*R + 2*RL)");
    }
}
