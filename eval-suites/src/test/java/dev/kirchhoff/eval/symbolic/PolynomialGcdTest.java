package dev.kirchhoff.eval.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PolynomialGcdTest {

    private static final Polynomial X = Polynomial.variable("x");
    private static final Polynomial Y = Polynomial.variable("y");
    private static final Polynomial Z = Polynomial.variable("z");

    private static Polynomial gcd(Polynomial a, Polynomial b) {
        return PolynomialGcd.gcd(a, b, PolynomialGcd.DEFAULT_BUDGET);
    }

    /** A random polynomial in x, y, z with up to {@code terms} terms of degree at most 2 per variable. */
    private static Polynomial random(Random rnd, int terms) {
        Map<Monomial, BigInteger> m = new HashMap<>();
        for (int i = 0; i < terms; i++) {
            Monomial mono = Monomial.of(Map.of("x", rnd.nextInt(3), "y", rnd.nextInt(3), "z", rnd.nextInt(3)));
            m.merge(mono, BigInteger.valueOf(rnd.nextInt(19) - 9), BigInteger::add);
        }
        m.merge(Monomial.ONE, BigInteger.ONE, BigInteger::add); // never divisible by a variable, rarely zero
        return Polynomial.of(m);
    }

    @Test
    void findsTheCommonFactorOfRandomProducts() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 40; trial++) {
            Polynomial g = random(rnd, 3);
            Polynomial p = random(rnd, 4);
            Polynomial q = random(rnd, 4);
            Polynomial found = gcd(g.times(p), g.times(q));
            // the gcd is a common divisor that the planted factor divides...
            assertThat(g.times(p).divideExact(found).times(found)).isEqualTo(g.times(p));
            assertThat(g.times(q).divideExact(found).times(found)).isEqualTo(g.times(q));
            Polynomial cofactor = found.divideExact(g);
            // ...and what is left of the gcd is also a common divisor of the random cofactors p and q
            assertThat(p.divideExact(cofactor).times(cofactor)).isEqualTo(p);
            assertThat(q.divideExact(cofactor).times(cofactor)).isEqualTo(q);
            assertThat(found.leadingCoefficient().signum()).isPositive();
        }
    }

    @Test
    void textbookCases() {
        assertThat(gcd(X.pow(2).minus(Y.pow(2)), X.pow(2).plus(X.times(Y).times(BigInteger.TWO)).plus(Y.pow(2))))
                .isEqualTo(X.plus(Y));
        assertThat(gcd(X.times(BigInteger.valueOf(6)).times(Y), X.pow(2).times(BigInteger.valueOf(4))))
                .isEqualTo(X.times(BigInteger.TWO));
        assertThat(gcd(X.plus(Polynomial.ONE), Y.plus(Polynomial.ONE))).isEqualTo(Polynomial.ONE);
        assertThat(gcd(Polynomial.ZERO, X.negate())).isEqualTo(X);
        // a factor in a variable the other polynomial lacks cannot be common
        assertThat(gcd(X.plus(Y).times(Z.plus(Polynomial.ONE)), X.plus(Y).times(X.minus(Y)))).isEqualTo(X.plus(Y));
    }

    @Test
    void aSmallBudgetStopsInsteadOfHanging() {
        Polynomial a = X.plus(Y).plus(Z).pow(6).plus(Polynomial.ONE);
        Polynomial b = X.minus(Y).plus(Z).pow(6).minus(Polynomial.ONE);
        assertThatThrownBy(() -> PolynomialGcd.gcd(a, b, 100)).isInstanceOf(PolynomialGcd.BudgetExceeded.class);
        assertThat(PolynomialGcd.gcd(a, b, PolynomialGcd.DEFAULT_BUDGET)).isEqualTo(Polynomial.ONE);
    }
}
