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

    @Test
    void diodeSteeredTimingFactorIsLnTwoWithoutTheDiode() {
        assertThat(Timer555.steeredTimeFactor(12, 0)).isCloseTo(Math.log(2), within(1e-12));
        // 0.6 V from 12 V: ln((8 − 0.6)/(4 − 0.6)) = ln(7.4/3.4) = 0.778, so f is 11 % below 1.44/(R·C)
        assertThat(Timer555.steeredTimeFactor(12, 0.6)).isCloseTo(0.7777, within(1e-4));
        assertThat(Timer555.steeredFrequency(7.5e3, 100e3, 12e-9, 12, 0)).isCloseTo(1.0 / (107.5e3 * 12e-9 * Math.log(2)),
                within(1e-6));
        assertThat(Timer555.steeredDuty(7.5e3, 100e3, 0)).isCloseTo(7.5 / 107.5, within(1e-12));
        assertThat(Timer555.steeredDuty(7.5e3, 100e3, 1)).isCloseTo(1, within(1e-12));
    }

    @Test
    void pwmAtOneKilohertzFromTwelveVoltsSweepsTheDutyAtAFixedFrequency() {
        Timer555.Pwm p = Timer555.pwm(1000, 12, Timer555.STEERING_DIODE_DROP);
        assertThat(p.frequency()).isCloseTo(1000, within(50.0));
        assertThat(p.r1().chosen()).isBetween(Timer555.R1_MIN, p.pot().chosen() / 10);
        assertThat(p.minDuty()).isLessThan(0.1);
        assertThat(p.maxDuty()).isGreaterThan(0.99);
        assertThat(p.computations("R1", "RV1", "C1")).extracting(c -> c.ref()).containsExactly("C1", "RV1", "R1");
        // from 5 V the diode drop weighs more: still within 5 %
        assertThat(Timer555.pwm(1000, 5, Timer555.STEERING_DIODE_DROP).frequency()).isCloseTo(1000, within(50.0));
        assertThat(Timer555.pwm(25e3, 12, Timer555.STEERING_DIODE_DROP).frequency()).isCloseTo(25e3, within(1250.0));
    }
}
