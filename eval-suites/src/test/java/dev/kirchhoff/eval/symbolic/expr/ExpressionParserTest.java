package dev.kirchhoff.eval.symbolic.expr;

import dev.kirchhoff.eval.symbolic.Complex;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ExpressionParserTest {

    private static final Map<String, Complex> VALUES = Map.of("R1", Complex.real(1000), "R2", Complex.real(3000),
            "C1", Complex.real(1e-6), "s", new Complex(0, 1000), "gm", Complex.real(0.02), "Rin", Complex.real(50),
            "omega", Complex.real(2), "Ad", Complex.real(1e5));

    private static Complex eval(String text) {
        return ExpressionParser.parse(text).evaluate(VALUES);
    }

    private static Complex eval(String text, Set<String> expected) {
        return ExpressionParser.parse(text, expected).evaluate(VALUES);
    }

    private static void assertValue(Complex z, double re, double im) {
        assertThat(z.re()).isCloseTo(re, within(1e-9 * Math.max(1, Math.abs(re))));
        assertThat(z.im()).isCloseTo(im, within(1e-9 * Math.max(1, Math.abs(im))));
    }

    @Test
    void precedenceAndAssociativityFollowSympy() {
        assertValue(eval("2 + 3*4"), 14, 0);
        assertValue(eval("2**3**2"), 512, 0);        // right-associative: 2^(3^2)
        assertValue(eval("2^3^2"), 512, 0);
        assertValue(eval("-2**2"), -4, 0);           // unary minus binds looser than the power
        assertValue(eval("12/3/2"), 2, 0);           // left-associative
        assertValue(eval("2**-1"), 0.5, 0);
        assertValue(eval("1e-3*2.5E3"), 2.5, 0);
        assertValue(eval(".5 + 1."), 1.5, 0);
    }

    @Test
    void constantsAndFunctions() {
        assertValue(eval("I*I"), -1, 0);
        assertValue(eval("j"), 0, 1);
        assertValue(eval("2*pi"), 2 * Math.PI, 0);
        assertValue(eval("log(E)"), 1, 0);
        assertValue(eval("exp(I*pi)"), -1, 0);
        assertValue(eval("sqrt(-4)"), 0, 2);
        assertValue(eval("Abs(3 + 4*I)"), 5, 0);
        assertValue(eval("sin(pi/2) + cos(0) + tan(0)"), 2, 0);
        assertValue(eval("e^{0}"), 1, 0);            // e before ^ is Euler's number
    }

    @Test
    void transferFunctionAtAPoint() {
        // 1/(1 + jωRC) with ωRC = 1: 0.5 - 0.5j
        assertValue(eval("1/(1 + s*C1*R1)"), 0.5, -0.5);
        assertThat(ExpressionParser.parse("1/(1 + s*C1*R1)").symbols()).containsExactly("C1", "R1", "s");
    }

    @Test
    void latexFractionsSubscriptsAndGroups() {
        assertValue(eval("\\frac{R_2}{R_1+R_2}"), 0.75, 0);
        assertValue(eval("\\dfrac{R_{2}}{R_{1} + R_{2}}"), 0.75, 0);
        assertValue(eval("\\left( \\frac{R_2}{R_1} \\right)^{2}"), 9, 0);
        assertValue(eval("R_1 \\cdot 2 \\times 3"), 6000, 0);
        assertValue(eval("\\sqrt{R_1 \\cdot 1000}"), 1000, 0);
        assertValue(eval("\\sqrt[3]{8}"), 2, 0);
        assertValue(eval("$$\\frac{1}{1 + s C_1 R_1}$$"), 0.5, -0.5);
        assertValue(eval("R_{in}"), 50, 0);
        assertValue(eval("R_{\\text{in}}"), 50, 0);
        assertValue(eval("\\omega"), 2, 0);
        assertValue(eval("2\\pi"), 2 * Math.PI, 0);
        assertThat(ExpressionParser.parse("g_m R_{in} + A_d").symbols()).containsExactly("Ad", "Rin", "gm");
    }

    @Test
    void implicitMultiplication() {
        assertValue(eval("2R1"), 2000, 0);
        assertValue(eval("s C1 R1"), 0, 1);
        assertValue(eval("(R1)(R2)"), 3e6, 0);
        assertValue(eval("1/2R1"), 500, 0);          // (1/2)*R1, as sympy's implicit multiplication reads it
        assertValue(eval("\\frac{1}{2}R_1"), 500, 0);
    }

    @Test
    void runsOfLettersAreSplitOnlyIntoExpectedSymbols() {
        Set<String> expected = Set.of("s", "C1", "R1");
        assertThat(ExpressionParser.parse("sC_1R_1", expected).symbols()).containsExactly("C1", "R1", "s");
        assertValue(eval("1/(1+sC_1R_1)", expected), 0.5, -0.5);
        assertValue(eval("jomega", Set.of("omega")), 0, 2);
        // without expectations a run of letters is one name
        assertThat(ExpressionParser.parse("sC_1R_1").symbols()).containsExactly("R1", "sC1");
        // a run that is no concatenation of expected names stays one (unknown) name
        assertThat(ExpressionParser.parse("R12", Set.of("R1", "R2")).symbols()).containsExactly("R12");
    }

    @Test
    void errorsSayWhereAndWhatWasExpected() {
        assertThatThrownBy(() -> ExpressionParser.parse("R1 + * R2"))
                .isInstanceOfSatisfying(ExpressionException.class, e -> {
                    assertThat(e.position()).isEqualTo(5);
                    assertThat(e.expected()).isEqualTo("a number, a symbol, a function or '('");
                });
        assertThatThrownBy(() -> ExpressionParser.parse("(R1 + R2"))
                .isInstanceOfSatisfying(ExpressionException.class, e -> {
                    assertThat(e.position()).isEqualTo(8);
                    assertThat(e.expected()).isEqualTo("')' closing the '('");
                });
        assertThatThrownBy(() -> ExpressionParser.parse("H = R1"))
                .isInstanceOfSatisfying(ExpressionException.class, e -> assertThat(e.position()).isEqualTo(2))
                .hasMessageContaining("right-hand side");
        assertThatThrownBy(() -> ExpressionParser.parse("\\int R1"))
                .isInstanceOfSatisfying(ExpressionException.class, e -> assertThat(e.position()).isZero())
                .hasMessageContaining("'\\int'");
        assertThatThrownBy(() -> ExpressionParser.parse("  "))
                .isInstanceOf(ExpressionException.class);
    }

    @Test
    void aSymbolWithoutAValueIsNamed() {
        assertThatThrownBy(() -> ExpressionParser.parse("R1 + R9").evaluate(VALUES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'R9'");
    }
}
