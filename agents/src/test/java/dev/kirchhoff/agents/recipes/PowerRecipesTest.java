package dev.kirchhoff.agents.recipes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Buck module, TP4056 charger and transformer supply formulas with textbook and datasheet numbers. */
class PowerRecipesTest {

    @Test
    void buckTrimmerAndInputCurrent() {
        // LM2596-ADJ, Vref 1.23 V, R1 1k: 5 V needs R2 = 1k · (5/1.23 − 1) = 3.065k
        assertThat(BuckModule.trimmer(5, 1.23, 1e3)).isCloseTo(3065, within(1.0));
        // 5 W out at 85 % from 12 V: 0.49 A in
        assertThat(BuckModule.inputCurrent(5, 1, 0.85, 12)).isCloseTo(0.490, within(0.001));
        assertThat(BuckModule.inputFits(12, 5, 4.5, 40, 1.5)).isTrue();
        assertThat(BuckModule.inputFits(6, 5, 4.5, 40, 1.5)).isFalse();
        assertThat(BuckModule.inputFits(45, 5, 4.5, 40, 1.5)).isFalse();
    }

    @Test
    void tp4056ProgrammingTable() {
        assertThat(LiIonCharger.current(1.2e3)).isCloseTo(1.0, within(1e-9));
        assertThat(LiIonCharger.row(1.3)).containsExactly(1.2e3, 1.0);
        assertThat(LiIonCharger.row(0.5)).containsExactly(3e3, 0.4);
        assertThat(LiIonCharger.row(0.05)).containsExactly(10e3, 0.13);
        assertThat(LiIonCharger.computation("U1", 0.5, "0.5 C").resultNote()).contains("3 kΩ");
    }

    @Test
    void reservoirCapacitor() {
        assertThat(DcSupply.peak(12)).isCloseTo(16.97, within(0.01));
        assertThat(DcSupply.bridgePeak(12, 1.0)).isCloseTo(14.97, within(0.01));
        // 1 A at 50 Hz full-wave with 1 V ripple: 10 000 µF
        assertThat(DcSupply.reservoir(1, 50, 1)).isCloseTo(0.01, within(1e-12));
        assertThat(DcSupply.ripple(0.2, 50, 1000e-6)).isCloseTo(2.0, within(1e-9));
        assertThat(DcSupply.rating(15)).isEqualTo(25);
        assertThat(DcSupply.computations("C1", 12, 1.0, 0.2, 50, 2).get(1).chosen()).isEqualTo(1000e-6);
    }
}
