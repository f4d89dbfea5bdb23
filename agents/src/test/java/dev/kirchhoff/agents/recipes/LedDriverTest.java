package dev.kirchhoff.agents.recipes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LedDriverTest {

    @Test
    void textbookResistor() {
        assertThat(LedDriver.resistor(5, 2, 0.02)).isCloseTo(150, within(1e-9));
        assertThat(LedDriver.current(5, 2, 220)).isCloseTo(0.01364, within(1e-5));
    }

    @Test
    void roundsUpSoTheCurrentStaysAtOrBelowTheTarget() {
        LedDriver.Design d = LedDriver.design(5, 2.0, 0.015, 0.03);
        assertThat(d.r().exact()).isCloseTo(200, within(1e-9));
        assertThat(d.r().chosen()).isEqualTo(220);
        assertThat(d.current()).isLessThanOrEqualTo(0.015);
        assertThat(d.power()).isCloseTo(3.0 / 220 * 3.0 / 220 * 220, within(1e-9)); // 40.9 mW
        assertThat(d.computations("R1").get(0).formula()).isEqualTo("R = (Vs − Vf) / I = (5 V − 2 V) / 15 mA");
    }

    @Test
    void clampsACurrentAboveTheRating() {
        LedDriver.Design d = LedDriver.design(5, 2.0, 0.05, 0.03);
        assertThat(d.clamped()).isTrue();
        assertThat(d.target()).isEqualTo(0.03);
        assertThat(d.current()).isLessThanOrEqualTo(0.03);
    }

    @Test
    void refusesASupplyBelowTheForwardVoltage() {
        assertThatThrownBy(() -> LedDriver.design(3.0, 3.2, 0.02, 0.03)).hasMessageContaining("forward voltage");
    }
}
