package dev.kirchhoff.schematic.units;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineeringTest {

    @Test
    void prefixesAndThreeSignificantDigits() {
        assertThat(Engineering.format(4700, "Ω")).isEqualTo("4.7 kΩ");
        assertThat(Engineering.format(0.0152, "A")).isEqualTo("15.2 mA");
        assertThat(Engineering.format(2, "Hz")).isEqualTo("2 Hz");
        assertThat(Engineering.format(100e-9, "F")).isEqualTo("100 nF");
        assertThat(Engineering.format(1e-6, "F")).isEqualTo("1 µF");
        assertThat(Engineering.format(999.96, "Ω")).isEqualTo("1 kΩ");
        assertThat(Engineering.format(-0.3, "V")).isEqualTo("-300 mV");
        assertThat(Engineering.format(0, "V")).isEqualTo("0 V");
        assertThat(Engineering.format(11, "")).isEqualTo("11");
    }
}
