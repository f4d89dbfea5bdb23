package dev.kirchhoff.agents.recipes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class VoltageDividerTest {

    @Test
    void textbookFormulas() {
        assertThat(VoltageDivider.ratio(10e3, 10e3)).isEqualTo(0.5);
        assertThat(VoltageDivider.output(12, 7e3, 5e3)).isCloseTo(5.0, within(1e-12));
        assertThat(VoltageDivider.thevenin(10e3, 10e3)).isEqualTo(5e3);
        assertThat(VoltageDivider.current(12, 7e3, 5e3)).isCloseTo(1e-3, within(1e-12));
        // Thevenin 5 V behind 2.917k into 10k: 3.87 V
        assertThat(VoltageDivider.loaded(12, 7e3, 5e3, 10e3)).isCloseTo(3.871, within(0.001));
    }

    @Test
    void designsTwelveToFiveVoltsWithinOnePercentFromE24() {
        VoltageDivider.Design d = VoltageDivider.design(12, 5, ESeries.E24);
        assertThat(d.vout()).isCloseTo(5.0, within(0.05));
        assertThat(d.r2().chosen()).isBetween(10e3, 100e3);
        assertThat(d.computations("R1", "R2")).hasSize(2).anySatisfy(c -> {
            assertThat(c.ref()).isEqualTo("R1");
            assertThat(c.formula()).contains("R1 = R2 · (Vin/Vout − 1)");
            assertThat(c.resultNote()).startsWith("Vout ");
            assertThat(c.series()).isEqualTo("E24");
        });
    }

    @Test
    void refusesToStepUp() {
        assertThatThrownBy(() -> VoltageDivider.design(5, 6, ESeries.E24)).hasMessageContaining("less than its input");
    }

    @Test
    void signalScalingKeepsBothResistorsSmallAndTheRatioClose() {
        VoltageDivider.Design d = VoltageDivider.designForSignal(25, 5, ESeries.E24);
        assertThat(d.r1().chosen() + d.r2().chosen()).isBetween(VoltageDivider.SIGNAL_MIN_TOTAL,
                VoltageDivider.SIGNAL_MAX_TOTAL);
        assertThat(d.vout()).isCloseTo(5, org.assertj.core.api.Assertions.within(0.05));
        VoltageDivider.Design logic = VoltageDivider.designForSignal(5, 3.3, ESeries.E24);
        assertThat(logic.r1().chosen() + logic.r2().chosen()).isBetween(10e3, 100e3);
        assertThat(logic.vout()).isCloseTo(3.3, org.assertj.core.api.Assertions.within(0.05));
    }
}
