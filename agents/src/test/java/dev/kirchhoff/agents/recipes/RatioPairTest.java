package dev.kirchhoff.agents.recipes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RatioPairTest {

    @Test
    void findsAnExactPairWhenTheSeriesHasOne() {
        RatioPair p = RatioPair.best(10, ESeries.E24, 10e3, 100e3);
        assertThat(p.top().chosen()).isEqualTo(100e3);
        assertThat(p.bottom().chosen()).isEqualTo(10e3);
        assertThat(p.error()).isZero();
    }

    @Test
    void searchesTheBottomResistorForTheSmallestRatioError() {
        // 12 V to 5 V needs R1/R2 = 1.4: 10k/7.5k is 1.333 (−4.8 %), 33k/24k 1.375, 18k/13k 1.385 (−1.1 %, the best)
        RatioPair p = RatioPair.best(1.4, ESeries.E24, 10e3, 100e3);
        assertThat(p.actual()).isCloseTo(18.0 / 13, within(1e-9));
        assertThat(p.bottom().chosen()).isBetween(10e3, 100e3);
    }

    @Test
    void refusesANonPositiveRatio() {
        assertThatThrownBy(() -> RatioPair.best(0, ESeries.E24, 1e3, 1e4)).hasMessageContaining("ratio");
    }
}
