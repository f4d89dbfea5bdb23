package dev.kirchhoff.agents.recipes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LoadSwitchTest {

    @Test
    void textbookBaseResistor() {
        // 100 mA with forced beta 10 from 5 V: (5 − 0.7) · 10 / 0.1 = 430 Ω
        assertThat(LoadSwitch.baseResistor(5, 0.7, 0.1, 10)).isCloseTo(430, within(1e-9));
        assertThat(LoadSwitch.forcedBeta(100)).isEqualTo(10);
        assertThat(LoadSwitch.forcedBeta(300)).isEqualTo(20);
        assertThat(LoadSwitch.forcedBeta(1000)).isEqualTo(100); // a Darlington
    }

    @Test
    void bjtRoundsTheBaseResistorDownForAtLeastTheForcedBetaCurrent() {
        LoadSwitch.Bjt d = LoadSwitch.bjt(5, 0.95, 0.1, 100);
        assertThat(d.rb().exact()).isCloseTo(405, within(1e-9));
        assertThat(d.rb().chosen()).isEqualTo(390);
        assertThat(d.baseCurrent()).isGreaterThanOrEqualTo(0.1 / 10);
        assertThat(d.computations("R1", "R2").get(0).resultNote()).contains("forced beta");
    }

    @Test
    void mosfetGateResistorKeepsThePinWithinItsLimit() {
        LoadSwitch.Mosfet d = LoadSwitch.mosfet(5, 0.02, 0.025, 1.0);
        assertThat(d.rg().exact()).isCloseTo(250, within(1e-9));
        assertThat(d.rg().chosen()).isEqualTo(270);
        assertThat(5 / d.rg().chosen()).isLessThanOrEqualTo(0.02);
        assertThat(d.gateVoltage()).isCloseTo(5 * 10e3 / 10.27e3, within(1e-6));
        assertThat(d.conductionLoss()).isCloseTo(0.025, within(1e-12));
    }

    @Test
    void mosfetTakesAGivenPullDown() {
        LoadSwitch.Mosfet d = LoadSwitch.mosfet(10.3, 0.1, 0.022, 0.5, 100e3);
        assertThat(d.rg().chosen()).isEqualTo(120);
        assertThat(d.pullDown().chosen()).isEqualTo(100e3);
        assertThat(d.computations("R1", "R2").get(1).formula()).contains("100 kΩ");
    }
}
