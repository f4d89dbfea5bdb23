package dev.kirchhoff.agents.recipes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class Timer555Test {

    @Test
    void datasheetFormulas() {
        // 1 kΩ, 10 kΩ, 100 nF: 1.44 / (21 kΩ · 100 nF) = 686 Hz, duty 11/21
        assertThat(Timer555.astableFrequency(1e3, 10e3, 100e-9)).isCloseTo(685.7, within(0.1));
        assertThat(Timer555.astableDuty(1e3, 10e3)).isCloseTo(0.5238, within(1e-4));
        assertThat(Timer555.monostablePulse(100e3, 10e-6)).isCloseTo(1.1, within(1e-9));
    }

    @Test
    void twoHertzIsWithinFivePercentAfterSnapping() {
        Timer555.Astable a = Timer555.astable(2, 0.5);
        assertThat(a.frequency()).isCloseTo(2, within(0.1));
        assertThat(a.r1().chosen()).isGreaterThanOrEqualTo(Timer555.R1_MIN);
        assertThat(a.r1().chosen() + 2 * a.r2().chosen()).isBetween(10e3, 1e6);
        assertThat(a.computations("R1", "R2", "C1")).extracting(c -> c.ref()).containsExactly("C1", "R1", "R2");
    }

    @Test
    void dutyAboveHalfIsHonoured() {
        Timer555.Astable a = Timer555.astable(1e3, 0.75);
        assertThat(a.duty()).isCloseTo(0.75, within(0.02));
        assertThat(a.frequency()).isCloseTo(1e3, within(50.0));
    }

    @Test
    void monostableOfOneSecond() {
        Timer555.Monostable m = Timer555.monostable(1.0);
        assertThat(m.pulse()).isCloseTo(1.0, within(0.05));
        assertThat(m.r().chosen()).isBetween(10e3, 1e6);
    }

    @Test
    void refusesANegativeFrequency() {
        assertThatThrownBy(() -> Timer555.astable(-1, 0.5)).hasMessageContaining("frequency");
    }
}
