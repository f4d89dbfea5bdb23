package dev.kirchhoff.agents.recipes;

import dev.kirchhoff.schematic.units.Value;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EngTest {

    @Test
    void writesSpiceTextThatParsesBackToTheSameValue() {
        assertThat(Eng.spice(4700)).isEqualTo("4.7k");
        assertThat(Eng.spice(1e-7)).isEqualTo("100n");
        assertThat(Eng.spice(2.2e6)).isEqualTo("2.2Meg");
        assertThat(Eng.spice(330e-9)).isEqualTo("330n");
        assertThat(Eng.spice(240)).isEqualTo("240");
        for (double v : new double[] {4700, 1e-7, 2.2e6, 330e-9, 240, 1e-3, 6.8e-12, 10e-6}) {
            assertThat(Value.parse(Eng.spice(v)).magnitude()).isCloseTo(v, within(v * 1e-9));
        }
    }

    @Test
    void writesValuesForPeople() {
        assertThat(Eng.human(4700, "Ω")).isEqualTo("4.7 kΩ");
        assertThat(Eng.human(0.0136, "A")).isEqualTo("13.6 mA");
        assertThat(Eng.human(1e-5, "F")).isEqualTo("10 µF");
        assertThat(Eng.percent(-0.003)).isEqualTo("−0.3 %");
        assertThat(Eng.percent(0.046)).isEqualTo("+4.6 %");
        assertThat(Eng.num(10.9677)).isEqualTo("10.97");
    }
}
