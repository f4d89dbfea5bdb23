package dev.kirchhoff.agents.recipes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FiltersTest {

    @Test
    void textbookCorners() {
        // 1.59 kΩ and 100 nF: 1 kHz; 6.28 Ω over 1 mH: 1 kHz
        assertThat(Filters.rcCorner(1.59e3, 100e-9)).isCloseTo(1001, within(1.0));
        assertThat(Filters.rlCorner(6.2832, 1e-3)).isCloseTo(1000, within(0.1));
    }

    @Test
    void rcDesignHitsTheCornerWithinTheSnapError() {
        Filters.Design d = Filters.rc(1e3);
        assertThat(d.r().chosen()).isBetween(1e3, 100e3);
        assertThat(d.corner()).isCloseTo(1e3, within(50.0));
        assertThat(d.computations("R1", "C1")).extracting(c -> c.ref()).containsExactly("C1", "R1");
    }

    @Test
    void rlDesignKeepsTheResistorNearAKilohm() {
        Filters.Design d = Filters.rl(10e3);
        assertThat(d.inductive()).isTrue();
        assertThat(d.r().chosen()).isBetween(100.0, 10e3);
        assertThat(d.corner()).isCloseTo(10e3, within(500.0));
    }

    @Test
    void refusesAZeroCorner() {
        assertThatThrownBy(() -> Filters.rc(0)).hasMessageContaining("corner frequency");
    }
}
