package dev.kirchhoff.agents.recipes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LinearRegulatorTest {

    @Test
    void datasheetFormulas() {
        // 240 Ω and 720 Ω: 1.25 · 4 + 50 µA · 720 = 5.036 V
        assertThat(LinearRegulator.lm317Output(240, 720)).isCloseTo(5.036, within(1e-9));
        assertThat(LinearRegulator.minimumInput(5, 2)).isEqualTo(7);
        assertThat(LinearRegulator.dissipation(12, 5, 0.5)).isEqualTo(3.5);
    }

    @Test
    void lm317ForNineVoltsFromE96() {
        LinearRegulator.Lm317 d = LinearRegulator.lm317(9);
        assertThat(d.r1().chosen()).isEqualTo(240);
        assertThat(d.vout()).isCloseTo(9, within(0.09));
        assertThat(d.r2().series()).isEqualTo(ESeries.E96);
    }

    @Test
    void heatWarnsAboutAHeatSink() {
        assertThat(LinearRegulator.heat("U1", 12, 5, 0.5).resultNote()).contains("3.5 W").contains("heat sink");
    }

    @Test
    void refusesBelowTheReference() {
        assertThatThrownBy(() -> LinearRegulator.lm317(1.0)).hasMessageContaining("1.25 V");
    }
}
