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
    void packagesFromTheirDatasheets() {
        LinearRegulator.Package sot = LinearRegulator.Package.in("AMS1117-3.3 regulator (SOT-223)").orElseThrow();
        assertThat(sot).isEqualTo(LinearRegulator.Package.SOT_223);
        // (125 °C − 25 °C) / 90 °C/W on the minimum pad
        assertThat(sot.freeAirWatts(25)).isCloseTo(1.111, within(1e-3));
        assertThat(LinearRegulator.Package.in("LM7805 (TO220)")).contains(LinearRegulator.Package.TO_220);
        assertThat(LinearRegulator.Package.TO_220.freeAirWatts(25)).isCloseTo(2.0, within(1e-9));
        assertThat(LinearRegulator.Package.in("a regulator")).isEmpty();
    }

    @Test
    void coolingByDissipation() {
        LinearRegulator.Thermal light = LinearRegulator.Thermal.of(LinearRegulator.Package.TO_220, 12, 5, 0.1);
        assertThat(light.cooling()).isEqualTo(LinearRegulator.Cooling.FREE_AIR);
        assertThat(light.junctionFreeAir()).isCloseTo(60, within(1e-9));
        LinearRegulator.Thermal amp = LinearRegulator.Thermal.of(LinearRegulator.Package.TO_220, 12, 5, 1);
        assertThat(amp.cooling()).isEqualTo(LinearRegulator.Cooling.HEAT_SINK);
        // (125 − 25) / 7 − 5 − 0.5
        assertThat(amp.heatSink()).isCloseTo(8.786, within(1e-3));
        assertThat(amp.computations("U1", 12, 5, 1)).extracting(c -> c.quantity())
                .containsExactly("dissipation", "heat sink");
        assertThat(LinearRegulator.Thermal.of(LinearRegulator.Package.TO_220, 24, 5, 1).cooling())
                .isEqualTo(LinearRegulator.Cooling.TOO_HOT);
        LinearRegulator.Thermal sot = LinearRegulator.Thermal.of(LinearRegulator.Package.SOT_223, 12, 3.3, 0.8);
        assertThat(sot.power()).isCloseTo(6.96, within(1e-9));
        assertThat(sot.cooling()).isEqualTo(LinearRegulator.Cooling.TOO_HOT);
        assertThat(LinearRegulator.Thermal.of(LinearRegulator.Package.SOT_223, 5, 3.3, 0.3).cooling())
                .isEqualTo(LinearRegulator.Cooling.FREE_AIR);
    }

    @Test
    void refusesBelowTheReference() {
        assertThatThrownBy(() -> LinearRegulator.lm317(1.0)).hasMessageContaining("1.25 V");
    }
}
