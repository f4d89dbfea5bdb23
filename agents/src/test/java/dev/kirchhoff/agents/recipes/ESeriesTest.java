package dev.kirchhoff.agents.recipes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ESeriesTest {

    @Test
    void snapsToTheNearestValueByRatio() {
        assertThat(ESeries.E12.nearest(300.0)).isEqualTo(330.0);
        assertThat(ESeries.E24.nearest(300.0)).isEqualTo(300.0);
        assertThat(ESeries.E12.nearest(150.0)).isEqualTo(150.0);
        assertThat(ESeries.E12.nearest(9_500.0)).isEqualTo(10_000.0);
        assertThat(ESeries.E12.nearest(0.000_000_1)).isEqualTo(1.0e-7);
    }

    @Test
    void boundsRespectTheDirection() {
        assertThat(ESeries.E12.atLeast(300.0)).isEqualTo(330.0);
        assertThat(ESeries.E12.atMost(300.0)).isEqualTo(270.0);
        assertThat(ESeries.E24.atLeast(1000.0)).isEqualTo(1000.0);
    }

    @Test
    void e96HasTheIecValues() {
        assertThat(ESeries.E96.nearest(4990.0)).isEqualTo(4990.0);
        assertThat(ESeries.E96.nearest(9100.0)).isEqualTo(9090.0);
        assertThat(ESeries.E96.nearest(1020.0)).isEqualTo(1020.0);
    }

    @Test
    void errorIsRelative() {
        assertThat(ESeries.error(300.0, 330.0)).isCloseTo(0.10, within(1e-12));
    }

    @Test
    void refusesNonPositive() {
        assertThatThrownBy(() -> ESeries.E12.nearest(0)).hasMessageContaining("'value'");
    }
}
