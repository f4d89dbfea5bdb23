package dev.kirchhoff.eval.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RationalFunctionTest {

    private static RationalFunction v(String name) {
        return RationalFunction.variable(name);
    }

    private static RationalFunction c(long n) {
        return RationalFunction.constant(n);
    }

    @Test
    void printsSympySyntax() {
        assertThat(v("R2").divide(v("R1").plus(v("R2"))).toSympy()).isEqualTo("R2/(R1 + R2)");
        assertThat(v("R2").divide(v("R1")).negate().toSympy()).isEqualTo("-R2/R1");
        assertThat(c(1).divide(v("C").times(v("R")).times(v("s"))).negate().toSympy()).isEqualTo("-1/(C*R*s)");
        assertThat(v("R1").plus(v("R2")).divide(v("R1")).negate().toSympy()).isEqualTo("-(R1 + R2)/R1");
        assertThat(v("x").divide(c(2)).toSympy()).isEqualTo("x/2");
        assertThat(c(1).divide(v("x").times(c(2))).toSympy()).isEqualTo("1/(2*x)");
        assertThat(v("x").pow(-2).toSympy()).isEqualTo("1/x**2");
        assertThat(RationalFunction.constant(BigInteger.valueOf(6), BigInteger.valueOf(-4)).toSympy()).isEqualTo("-3/2");
        assertThat(RationalFunction.ZERO.toSympy()).isEqualTo("0");
    }

    @Test
    void cancelsContentMonomialsAndCommonPolynomialFactors() {
        Polynomial x = Polynomial.variable("x");
        Polynomial y = Polynomial.variable("y");
        // (x^2 - y^2) / (x^2 + 2xy + y^2) = (x - y)/(x + y): needs the gcd x + y
        RationalFunction r = RationalFunction.of(x.pow(2).minus(y.pow(2)), x.plus(y).pow(2));
        assertThat(r.toSympy()).isEqualTo("(x - y)/(x + y)");
        // 6 x^2 y (s + x) / (4 x y^3 (s + x)(s - 1))
        Polynomial s = Polynomial.variable("s");
        Polynomial common = s.plus(x);
        RationalFunction q = RationalFunction.of(x.pow(2).times(y).times(common).times(BigInteger.valueOf(6)),
                x.times(y.pow(3)).times(common).times(s.minus(Polynomial.ONE)).times(BigInteger.valueOf(4)));
        assertThat(q.toSympy()).isEqualTo("3*x/(2*s*y**2 - 2*y**2)");
        // a gcd of higher degree in several variables
        Polynomial g = x.pow(2).times(y).plus(s.pow(3)).minus(Polynomial.constant(7));
        Polynomial a = g.times(x.plus(s.times(y)));
        Polynomial b = g.times(x.minus(y).pow(2));
        assertThat(RationalFunction.of(a, b)).isEqualTo(RationalFunction.of(x.plus(s.times(y)), x.minus(y).pow(2)));
    }

    @Test
    void theDenominatorsLeadingCoefficientIsPositive() {
        RationalFunction r = RationalFunction.of(Polynomial.variable("x"),
                Polynomial.variable("y").negate().plus(Polynomial.ONE));
        assertThat(r.denominator().leadingCoefficient().signum()).isPositive();
        assertThat(r.toSympy()).isEqualTo("-x/(y - 1)");
    }

    @Test
    void withoutAGcdBudgetCommonFactorsStayButTheValueIsTheSame() {
        Polynomial x = Polynomial.variable("x");
        Polynomial y = Polynomial.variable("y");
        RationalFunction raw = RationalFunction.of(x.pow(2).minus(y.pow(2)), x.plus(y).pow(2), 0);
        assertThat(raw.toSympy()).isEqualTo("(x**2 - y**2)/(x**2 + 2*x*y + y**2)");
        Map<String, Complex> at = Map.of("x", Complex.real(3), "y", new Complex(1, 2));
        RationalFunction reduced = RationalFunction.of(x.minus(y), x.plus(y));
        assertThat(raw.evaluate(at).re()).isCloseTo(reduced.evaluate(at).re(), org.assertj.core.data.Offset.offset(1e-15));
        assertThat(raw.evaluate(at).im()).isCloseTo(reduced.evaluate(at).im(), org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void arithmeticAndEquality() {
        RationalFunction a = c(1).divide(v("R1"));
        RationalFunction b = c(1).divide(v("R2"));
        RationalFunction parallel = a.plus(b).inverse();
        assertThat(parallel.toSympy()).isEqualTo("R1*R2/(R1 + R2)");
        assertThat(parallel.times(a.plus(b))).isEqualTo(RationalFunction.ONE);
        assertThat(parallel.minus(parallel).isZero()).isTrue();
        assertThat(parallel.substitute(Map.of("R2", v("R1"))).toSympy()).isEqualTo("R1/2");
        assertThatThrownBy(() -> a.divide(RationalFunction.ZERO)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void evaluatesCoefficientsTooLargeForADouble() {
        // (10^400 s + 10^400) / (10^400 s) at s = 1: each coefficient overflows a double, the ratio is 2
        BigInteger huge = BigInteger.TEN.pow(400);
        RationalFunction r = RationalFunction.of(
                Polynomial.variable("s").times(huge).plus(Polynomial.constant(huge).times(BigInteger.valueOf(3))),
                Polynomial.variable("s").times(huge).times(BigInteger.valueOf(7)).plus(Polynomial.ONE));
        Complex v = r.evaluate(Map.of("s", Complex.ONE));
        assertThat(v.re()).isCloseTo(4.0 / 7.0, org.assertj.core.data.Offset.offset(1e-12));
    }
}
