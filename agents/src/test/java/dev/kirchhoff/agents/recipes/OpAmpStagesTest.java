package dev.kirchhoff.agents.recipes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OpAmpStagesTest {

    @Test
    void textbookGains() {
        assertThat(OpAmpStages.nonInvertingGain(100e3, 10e3)).isEqualTo(11);
        assertThat(OpAmpStages.invertingGain(100e3, 10e3)).isEqualTo(-10);
        // −10k · (1 V/10k + 0.5 V/5k) = −2 V
        assertThat(OpAmpStages.summingOutput(10e3, new double[] {1, 0.5}, new double[] {10e3, 5e3}))
                .isCloseTo(-2, within(1e-12));
    }

    @Test
    void nonInvertingGainElevenIsExactFromE24() {
        OpAmpStages.Gain g = OpAmpStages.nonInverting(11);
        assertThat(g.actual()).isCloseTo(11, within(1e-9));
        assertThat(g.computations("R1", "R2").get(1).resultNote()).isEqualTo("gain 11 (+0.0 %)");
    }

    @Test
    void awkwardGainsLandWithinTheSeriesStep() {
        OpAmpStages.Gain g = OpAmpStages.inverting(37);
        assertThat(g.actual()).isCloseTo(37, within(37 * 0.02));
        assertThat(g.rg().chosen()).isBetween(10e3, 100e3);
    }

    @Test
    void aGainOfOneIsAFollower() {
        assertThatThrownBy(() -> OpAmpStages.nonInverting(1)).hasMessageContaining("voltage follower");
    }

    @Test
    void hysteresisTripPoints() {
        // Rh = 10k · 5 V / 0.1 V = 500k -> 510k; trips 2.5·520/510 and (2.5·520 − 5·10)/510
        OpAmpStages.Hysteresis h = OpAmpStages.hysteresis(2.5, 0.1, 5);
        assertThat(h.rh().chosen()).isEqualTo(510e3);
        assertThat(h.rising()).isCloseTo(2.549, within(0.001));
        assertThat(h.falling()).isCloseTo(2.451, within(0.001));
    }
}
