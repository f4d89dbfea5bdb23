package dev.kirchhoff.schematic.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueSyntaxTest {

    @ParameterizedTest(name = "SPICE reads {0} as {1}")
    @CsvSource({
            "10k, 1e4", "4.7u, 4.7e-6", "2.2meg, 2.2e6", "2.2MEG, 2.2e6", "1e-9, 1e-9", "100nF, 1e-7",
            "1M, 1e-3", "1m, 1e-3", "1F, 1e-15", "10V, 10", "5mA, 5e-3", "2mil, 5.08e-5", "1e3k, 1e6", ".5, 0.5",
            "1g, 1e9", "1t, 1e12", "-3.3, -3.3", "1kOhm, 1000", "1u5, 1e-6", "1x, 1", "1a, 1"})
    void spiceNumbers(String text, double expected) {
        Value v = ValueSyntax.SPICE.parse(text);
        assertThat(v.isNumber()).isTrue();
        assertThat(v.magnitude()).isCloseTo(expected, within(Math.abs(expected) * 1e-12));
    }

    @ParameterizedTest(name = "Spectre reads {0} as {1}")
    @CsvSource({"2M, 2e6", "2m, 2e-3", "1k, 1e3", "1K, 1e3", "3G, 3e9", "1T, 1e12", "5u, 5e-6", "7n, 7e-9",
            "1p, 1e-12", "2f, 2e-15", "3a, 3e-18", "50%, 0.5", "2c, 0.02", "4_, 4", "1e-6, 1e-6"})
    void spectreNumbers(String text, double expected) {
        Value v = ValueSyntax.SPECTRE.parse(text);
        assertThat(v.isNumber()).isTrue();
        assertThat(v.magnitude()).isCloseTo(expected, within(Math.abs(expected) * 1e-12));
    }

    @Test
    void spectreRejectsTrailingUnitsThatSpiceIgnores() {
        assertThat(ValueSyntax.SPECTRE.number("1kOhm")).isNaN();
        assertThat(ValueSyntax.SPICE.number("1kOhm")).isEqualTo(1000.0);
    }

    @ParameterizedTest(name = "engineering notation reads {0} as {1}")
    @CsvSource({"4k7, 4700", "2R2, 2.2", "1M5, 1.5e6", "1M, 1e6", "1m, 1e-3", "100nF, 1e-7", "10 kΩ, 1e4",
            "2.2MΩ, 2.2e6", "1F, 1", "1f, 1e-15", "4.7uF, 4.7e-6", "4.7µF, 4.7e-6", "1Meg, 1e6", "330R, 330",
            "1A, 1", "20mA, 0.02", "5 W, 5"})
    void engineeringNumbers(String text, double expected) {
        Value v = ValueSyntax.ENGINEERING.parse(text);
        assertThat(v.isNumber()).as(text).isTrue();
        assertThat(v.magnitude()).isCloseTo(expected, within(Math.abs(expected) * 1e-12));
    }

    @Test
    void hspiceHasMegaXAndAtto() {
        assertThat(ValueSyntax.HSPICE.parse("2x").magnitude()).isEqualTo(2e6);
        assertThat(ValueSyntax.HSPICE.parse("3a").magnitude()).isEqualTo(3e-18);
        assertThat(ValueSyntax.SPICE.parse("2x").magnitude()).isEqualTo(2.0);
    }

    @Test
    void ltspiceReadsMicroSign() {
        assertThat(ValueSyntax.LTSPICE.parse("4.7µ").magnitude()).isEqualTo(4.7e-6);
        assertThat(ValueSyntax.SPICE.parse("4.7µ").magnitude()).isEqualTo(4.7);
    }

    @Test
    void megaFromSpectreIsPrintedAsMegInSpice() {
        Value mega = ValueSyntax.SPECTRE.parse("2M");
        assertThat(ValueSyntax.SPICE.format(mega)).isEqualTo("2meg");
        assertThat(ValueSyntax.SPECTRE.format(mega)).isEqualTo("2M");
        Value milli = ValueSyntax.SPICE.parse("2M");
        assertThat(ValueSyntax.SPECTRE.format(milli)).isEqualTo("2m");
    }

    @Test
    void textIsKeptWhenItMeansTheSameInTheTarget() {
        assertThat(ValueSyntax.HSPICE.format(ValueSyntax.SPICE.parse("100nF"))).isEqualTo("100nF");
        assertThat(ValueSyntax.SPECTRE.format(ValueSyntax.SPICE.parse("100nF"))).isEqualTo("100n");
        assertThat(ValueSyntax.SPICE.format(ValueSyntax.SPECTRE.parse("4.7k"))).isEqualTo("4.7k");
    }

    @ParameterizedTest(name = "{0} prints as {1} in SPICE and parses back exactly")
    @CsvSource({"4700, 4.7k", "0.001, 1m", "1e-6, 1u", "2.2e6, 2.2meg", "1e-15, 1f", "1e-18, 1e-18", "0, 0",
            "-3300, -3.3k", "1234.5678, 1.2345678k", "1e15, 1e15", "470e-12, 470p"})
    void formattingRoundTripsExactly(double magnitude, String expected) {
        String text = ValueSyntax.SPICE.formatMagnitude(magnitude);
        assertThat(text).isEqualTo(expected);
        assertThat(ValueSyntax.SPICE.parse(text).magnitude()).isEqualTo(magnitude);
    }

    @Test
    void formattingIsExactForAwkwardDoubles() {
        for (double d : new double[] {0.1 + 0.2, 1.0 / 3, 4.7e-9 * 3, 123456789.123, 9.999999e-7, 999.9999999}) {
            for (ValueSyntax s : ValueSyntax.values()) {
                String text = s.formatMagnitude(d);
                assertThat(s.parse(text).magnitude()).as(s + " " + text).isEqualTo(d);
            }
        }
    }

    @Test
    void bracesAndQuotesMakeExpressions() {
        Value braced = ValueSyntax.SPICE.parse("{2*rval}");
        assertThat(braced.isExpression()).isTrue();
        assertThat(braced.text()).isEqualTo("2*rval");
        assertThat(ValueSyntax.HSPICE.parse("'w/2'").text()).isEqualTo("w/2");
        assertThat(ValueSyntax.SPICE.parse("{1k}").magnitude()).isEqualTo(1000.0);
        assertThat(ValueSyntax.SPECTRE.parse("2*w").isExpression()).isTrue();
        assertThat(ValueSyntax.SPICE.parse("BC547").form()).isEqualTo(Value.Form.TEXT);
    }

    @Test
    void expressionLiteralsAreRewrittenForTheTarget() {
        assertThat(ValueSyntax.SPICE.translateExpression("2*1M+w", ValueSyntax.SPECTRE)).isEqualTo("2*1meg+w");
        assertThat(ValueSyntax.SPECTRE.translateExpression("r1*1M", ValueSyntax.SPICE)).isEqualTo("r1*1m");
        assertThat(ValueSyntax.SPICE.translateExpression("sqrt(w1)*2k", ValueSyntax.SPECTRE))
                .isEqualTo("sqrt(w1)*2k");
    }
}
