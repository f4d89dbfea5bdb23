package dev.kirchhoff.eval.score;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class QuantityTest {

    @ParameterizedTest(name = "{0} is {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "5 W|5|W",
            "4.7 kΩ|4700|Ω",
            "4.7k|4700|''",
            "10mA|0.01|A",
            "0.01 A|0.01|A",
            "-6 dB|-6|dB",
            "1.5e3 Hz|1500|Hz",
            "2.2 µF|2.2e-6|F",
            "2.2uF|2.2e-6|F",
            "2.2 μF|2.2e-6|F",
            "100 pF|1e-10|F",
            "3.3 nF|3.3e-9|F",
            "1 MΩ|1e6|Ω",
            "1meg|1e6|''",
            "2 GHz|2e9|Hz",
            "4.7 kilohms|4700|Ω",
            "12 Volts|12|V",
            "1,000 ohms|1000|Ω",
            "1.5 × 10^3 Hz|1500|Hz",
            "−3.3 V|-3.3|V",
            "20 ms|0.02|s",
            "5 mS|0.005|S",
            "10 %|10|%",
    })
    void readsValuesWithPrefixesAndUnits(String text, double value, String unit) {
        Quantity q = Quantity.parse(text).orElseThrow();
        assertThat(q.value()).isCloseTo(value, within(Math.abs(value) * 1e-12));
        assertThat(q.unit()).isEqualTo(unit);
    }

    @Test
    void findsEveryQuantityAndLeavesOutWordsThatAreNoUnits() {
        assertThat(Quantity.findAll("With 5 resistors of 1 kΩ the current is 10 mA at R1."))
                .extracting(Quantity::text).containsExactly("5", "1 kΩ", "10 mA");
    }

    @Test
    void aTextThatIsMoreThanOneQuantityIsNotOne() {
        assertThat(Quantity.parse("5 V and 3 V")).isEmpty();
        assertThat(Quantity.parse("about five volts")).isEmpty();
        assertThat(Quantity.parse("5 V.")).isPresent();
    }
}
