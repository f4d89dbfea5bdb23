package dev.kirchhoff.eval.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolynomialTest {

    private static final Polynomial X = Polynomial.variable("x");
    private static final Polynomial Y = Polynomial.variable("y");
    private static final Polynomial S = Polynomial.variable("s");

    private static Polynomial c(long v) {
        return Polynomial.constant(v);
    }

    @Test
    void printsInCanonicalOrderWhateverTheOrderOfConstruction() {
        Polynomial a = c(1).plus(S.times(Polynomial.variable("R1")).times(Polynomial.variable("C1")));
        Polynomial b = Polynomial.variable("C1").times(Polynomial.variable("R1")).times(S).plus(c(1));
        assertThat(a.toString()).isEqualTo("C1*R1*s + 1");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(X.plus(Y).pow(2).toString()).isEqualTo("x**2 + 2*x*y + y**2");
        assertThat(X.minus(Y).times(c(-3)).toString()).isEqualTo("-3*x + 3*y");
        assertThat(Polynomial.ZERO.toString()).isEqualTo("0");
    }

    @Test
    void arithmeticIsExact() {
        Polynomial p = X.plus(c(1));
        Polynomial q = X.minus(c(1));
        assertThat(p.times(q)).isEqualTo(X.pow(2).minus(c(1)));
        assertThat(p.minus(p).isZero()).isTrue();
        assertThat(p.negate().toString()).isEqualTo("-x - 1");
        // coefficients beyond long: (10^20 x + 1)^2
        Polynomial big = X.times(BigInteger.TEN.pow(20)).plus(c(1)).pow(2);
        assertThat(big.leadingCoefficient()).isEqualTo(BigInteger.TEN.pow(40));
        assertThat(big.toString()).isEqualTo("10000000000000000000000000000000000000000*x**2"
                + " + 200000000000000000000*x + 1");
    }

    @Test
    void exactDivisionRecoversTheFactor() {
        Polynomial a = X.plus(Y).plus(c(2));
        Polynomial b = X.times(Y).minus(S.times(c(3))).plus(c(5));
        assertThat(a.times(b).divideExact(b)).isEqualTo(a);
        assertThat(a.times(b).divideExact(a)).isEqualTo(b);
        assertThat(X.pow(3).times(Y).times(c(6)).divide(BigInteger.TWO, Monomial.of("x", 2)).toString())
                .isEqualTo("3*x*y");
    }

    @Test
    void inexactDivisionIsRefused() {
        assertThatThrownBy(() -> X.pow(2).plus(c(1)).divideExact(X.plus(c(1))))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("not an exact division");
        assertThatThrownBy(() -> X.plus(c(1)).divideExact(Polynomial.ZERO)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> X.times(c(3)).divide(BigInteger.TWO, Monomial.ONE))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void degreesAndContents() {
        Polynomial p = X.pow(3).times(Y).times(c(6)).plus(X.pow(2).times(Y.pow(2)).times(c(-4)));
        assertThat(p.degree("x")).isEqualTo(3);
        assertThat(p.degree("y")).isEqualTo(2);
        assertThat(p.degree("z")).isZero();
        assertThat(p.totalDegree()).isEqualTo(4);
        assertThat(p.content()).isEqualTo(BigInteger.TWO);
        assertThat(p.monomialContent()).isEqualTo(Monomial.of(Map.of("x", 2, "y", 1)));
        assertThat(p.monomialContent().toString()).isEqualTo("x**2*y");
        assertThat(p.variables()).containsExactly("x", "y");
    }

    @Test
    void evaluatesAtComplexPoints() {
        Polynomial p = S.pow(2).times(c(2)).plus(X.times(S)).plus(c(1)); // 2s^2 + s*x + 1
        Complex v = p.evaluate(Map.of("s", Complex.I, "x", Complex.real(3)));
        assertThat(v.re()).isEqualTo(-1.0); // -2 + 1
        assertThat(v.im()).isEqualTo(3.0);
        assertThatThrownBy(() -> p.evaluate(Map.of("s", Complex.I)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("No value for the variable 'x'");
    }

    @Test
    void substitutesPolynomials() {
        assertThat(X.pow(2).plus(Y).substitute(Map.of("x", Y.plus(c(1)))).toString()).isEqualTo("y**2 + 3*y + 1");
    }

    @Test
    void monomialOrderIsGradedThenByName() {
        assertThat(Monomial.of("x", 2).compareTo(Monomial.of(Map.of("x", 1, "y", 1)))).isNegative();
        assertThat(Monomial.of(Map.of("a", 1, "b", 1)).compareTo(Monomial.of(Map.of("a", 1, "c", 1)))).isNegative();
        assertThat(Monomial.of("x", 3).compareTo(Monomial.of(Map.of("x", 1, "y", 1)))).isNegative();
        assertThat(Monomial.of("x").times(Monomial.of("y", 2)).lcm(Monomial.of("x", 3)).toString())
                .isEqualTo("x**3*y**2");
    }
}
