package dev.kirchhoff.agents.recipes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SupplyBiasTest {

    @Test
    void midRailReferenceAndItsBypass() {
        assertThat(SupplyBias.midRail(5)).isEqualTo(2.5);
        // 100k ∥ 100k = 50k with 10 µF: 0.318 Hz
        assertThat(SupplyBias.bypassCorner(100e3, 10e-6)).isCloseTo(0.318, within(0.001));
        assertThat(SupplyBias.midRailComputations(5, "R1", "R2", "C1")).extracting(c -> c.ref())
                .containsExactly("R1", "R2", "C1");
    }

    @Test
    void couplingCapacitorIsRoundedUp() {
        // 1/(2π · 10 Hz · 10k) = 1.59 µF -> 2.2 µF
        Pick c = SupplyBias.couplingCapacitor(10, 10e3);
        assertThat(c.exact()).isCloseTo(1.59e-6, within(0.01e-6));
        assertThat(c.chosen()).isEqualTo(2.2e-6);
    }
}
