package dev.kirchhoff.agents.recipes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ZenerRegulatorTest {

    @Test
    void seriesResistorFromTwelveVoltsForTenMilliamps() {
        // 1N4733A: IZT 49 mA, IZK 1 mA -> Iz,min 24.5 mA; R = (12 − 5.1)/(10 mA + 24.5 mA) = 200 Ω
        double izMin = ZenerRegulator.minimumZenerCurrent(0.049, 0.001);
        assertThat(izMin).isCloseTo(0.0245, within(1e-9));
        ZenerRegulator.Design d = ZenerRegulator.design(12, 5.1, 0.010, izMin, 1.0);
        assertThat(d.r().exact()).isCloseTo(200, within(0.5));
        assertThat(d.r().chosen()).isEqualTo(200);
        assertThat(d.zenerCurrentLoaded()).isGreaterThanOrEqualTo(izMin - 1e-9);
        // no load: 34.5 mA in the zener, 0.176 W of its 1 W; the resistor 0.238 W needs a 0.5 W part
        assertThat(d.zenerPowerNoLoad()).isCloseTo(5.1 * 0.0345, within(1e-3));
        assertThat(d.zenerWithinRating()).isTrue();
        assertThat(d.resistorPower()).isCloseTo(6.9 * 0.0345, within(1e-3));
        assertThat(d.resistorRating()).isEqualTo(0.5);
    }

    @Test
    void resistorRoundsDownSoTheZenerNeverStarves() {
        ZenerRegulator.Design d = ZenerRegulator.design(9, 5.1, 0.02, 0.01, 1.0);
        assertThat(d.r().chosen()).isLessThanOrEqualTo(d.r().exact());
        assertThat(d.zenerCurrentLoaded()).isGreaterThanOrEqualTo(0.01);
    }

    @Test
    void computationsCarryTheFormulaAndTheRatings() {
        var cs = ZenerRegulator.design(12, 5.1, 0.010, 0.0245, 1.0).computations("R1", "D1");
        assertThat(cs).hasSize(3);
        assertThat(cs.get(0).formula()).startsWith("R = (Vin − Vz) / (Iload + Iz,min)").contains("§2.2.5");
        assertThat(cs.get(1).resultNote()).contains("0.5 W resistor");
        assertThat(cs.get(2).ref()).isEqualTo("D1");
    }

    @Test
    void anInputBelowTheZenerVoltageIsRefused() {
        assertThatThrownBy(() -> ZenerRegulator.design(5, 5.1, 0.01, 0.01, 1))
                .hasMessageContaining("input above the zener voltage");
    }

    @Test
    void overloadedZenerIsFlagged() {
        ZenerRegulator.Design d = ZenerRegulator.design(24, 5.1, 0.1, 0.0245, 1.0);
        assertThat(d.zenerWithinRating()).isFalse();
    }
}
