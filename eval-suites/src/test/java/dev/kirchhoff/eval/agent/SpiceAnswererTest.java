package dev.kirchhoff.eval.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kirchhoff.validation.simulation.Ngspice;
import dev.kirchhoff.validation.simulation.NgspiceException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the real ngspice (CI installs it). */
class SpiceAnswererTest {
    private static final String DIVIDER = """
            Loaded divider
            V1 in 0 DC 12
            R1 in out 1k
            R2 out 0 2k
            RL out 0 2k
            .op
            .end
            """;
    private static final String LOW_PASS = """
            V1 in 0 DC 0 AC 1
            R1 in out 1k
            C1 out 0 159.155n
            .end
            """;
    private static SpiceAnswerer spice;

    @BeforeAll
    static void locate() {
        try {
            spice = new SpiceAnswerer(Ngspice.locate());
        } catch (NgspiceException e) {
            assumeTrue(false, "ngspice is not installed: " + e.getMessage());
        }
    }

    @Test
    void nodeVoltageCurrentAndPowerOfALoadedDivider() throws Exception {
        NetlistNames names = NetlistNames.of(DIVIDER);
        // R2 || RL = 1k, so out = 12 * 1k / 2k = 6 V; 6 mA through R1, 18 mW in RL
        assertThat(spice.answer(DIVIDER, new Asked.NodeVoltage("out"), names).value()).isCloseTo(6, within(1e-9));
        assertThat(spice.answer(DIVIDER, new Asked.ElementVoltage("R1"), names).value()).isCloseTo(6, within(1e-9));
        assertThat(spice.answer(DIVIDER, new Asked.Current("R1"), names).value()).isCloseTo(6e-3, within(1e-12));
        SpiceAnswerer.Answer p = spice.answer(DIVIDER, new Asked.Power("RL"), names);
        assertThat(p.value()).isCloseTo(18e-3, within(1e-12));
        assertThat(p.text()).isEqualTo("P(RL) = 0.018 W");
    }

    @Test
    void aDiodesCurrentAndVoltageComeFromNgspicesDeviceModel() throws Exception {
        String led = """
                * diode from 5 V through 1 k
                V1 in 0 DC 5
                R1 in a 1k
                D1 a 0 DMOD
                .model DMOD D(IS=1e-14 N=1)
                .end
                """;
        NetlistNames names = NetlistNames.of(led);
        assertThat(names.elements()).containsKey("D1");
        double vd = spice.answer(led, new Asked.ElementVoltage("D1"), names).value();
        double id = spice.answer(led, new Asked.Current("D1"), names).value();
        assertThat(vd).isBetween(0.6, 0.75);
        // Kirchhoff's voltage law around the loop, with the diode's own operating point (ngspice reports the device's
        // current from its last iteration, 0.01 % off the node voltages' solution)
        assertThat(id).isCloseTo((5 - vd) / 1000, within(1e-6));
        assertThat(SpiceAnswerer.voltage("a", "0")).isEqualTo("v(a)");
        assertThat(SpiceAnswerer.voltage("gnd", "b")).isEqualTo("-v(b)");
        assertThat(SpiceAnswerer.voltage("a", "b")).isEqualTo("v(a)-v(b)");
    }

    @Test
    void gainOfAnRcLowPassAtItsCornerIsMinusThreeDecibels() throws Exception {
        NetlistNames names = NetlistNames.of(LOW_PASS);
        // f_c = 1 / (2 pi 1k 159.155n) = 1000 Hz: |H| = 1/sqrt(2)
        assertThat(spice.answer(LOW_PASS, new Asked.Gain("V1", "out", 1000, true), names).value())
                .isCloseTo(-3.0103, within(1e-3));
        assertThat(spice.answer(LOW_PASS, new Asked.Gain("V1", "out", 1000, false), names).value())
                .isCloseTo(0.70711, within(1e-4));
    }

    @Test
    void aSourceWithoutAnAcValueGetsAUnitStimulus() {
        assertThat(SpiceAnswerer.withAcStimulus("V1 in 0 DC 5\nR1 in 0 1k\n", "V1"))
                .isEqualTo("V1 in 0 DC 5 AC 1\nR1 in 0 1k\n");
    }

    @Test
    void aNetlistWithoutATitleGetsOneSoItsFirstElementIsNotSwallowed() {
        assertThat(SpiceAnswerer.body(LOW_PASS)).startsWith("* kirchhoff-agent\nV1 in 0 DC 0 AC 1\n");
        assertThat(SpiceAnswerer.body(DIVIDER)).startsWith("Loaded divider\n").doesNotContain(".op").doesNotContain(".end");
    }
}
