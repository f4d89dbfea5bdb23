package dev.kirchhoff.eval.symbolic;

import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;

/**
 * A ratio of two integer {@link Polynomial}s in canonical form, such as {@code R2/(R1 + R2)} or
 * {@code 1/(C1*R1*s + 1)}. Immutable and thread-safe.
 *
 * <p>Every instance is normalised when made: the common integer content and common monomial factor of numerator and
 * denominator are cancelled, common polynomial factors are cancelled with a multivariate gcd
 * ({@link PolynomialGcd}) unless that would exceed a work budget (then they stay, and the function is still exactly
 * right, only not in lowest terms), and the sign is moved so the denominator's leading coefficient is positive.
 * Two functions in lowest terms are equal exactly when {@link #equals} says so, and print identically.
 */
public final class RationalFunction {

    public static final RationalFunction ZERO = new RationalFunction(Polynomial.ZERO, Polynomial.ONE);
    public static final RationalFunction ONE = new RationalFunction(Polynomial.ONE, Polynomial.ONE);

    private final Polynomial num;
    private final Polynomial den;

    private RationalFunction(Polynomial num, Polynomial den) {
        this.num = num;
        this.den = den;
    }

    /**
     * {@code num/den} in canonical form.
     *
     * @throws ArithmeticException when {@code den} is zero
     */
    public static RationalFunction of(Polynomial num, Polynomial den) {
        return of(num, den, PolynomialGcd.DEFAULT_BUDGET);
    }

    /**
     * {@code num/den} with common polynomial factors cancelled only while the gcd stays within {@code gcdBudget} term
     * operations (0 cancels only integer content and monomials).
     */
    public static RationalFunction of(Polynomial num, Polynomial den, long gcdBudget) {
        Objects.requireNonNull(num, "The parameter 'num' must not be null.");
        Objects.requireNonNull(den, "The parameter 'den' must not be null.");
        if (den.isZero()) {
            throw new ArithmeticException("Division by zero: the denominator of " + num + "/0 is zero.");
        }
        if (num.isZero()) {
            return ZERO;
        }
        Monomial m = num.monomialContent().gcd(den.monomialContent());
        BigInteger c = num.content().gcd(den.content());
        if (!m.isOne() || !c.equals(BigInteger.ONE)) {
            num = num.divide(c, m);
            den = den.divide(c, m);
        }
        if (!num.isConstant() && !den.isConstant() && gcdBudget > 0) {
            try {
                Polynomial g = PolynomialGcd.gcd(num, den, gcdBudget);
                if (!g.isConstant()) {
                    num = num.divideExact(g);
                    den = den.divideExact(g);
                }
            } catch (PolynomialGcd.BudgetExceeded e) {
                // too big to cancel within the budget: leave the common factors, the value is still exact
            }
        }
        if (den.leadingCoefficient().signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        return new RationalFunction(num, den);
    }

    /** The polynomial {@code p} over 1. */
    public static RationalFunction of(Polynomial p) {
        return of(p, Polynomial.ONE);
    }

    /** The variable {@code name}. */
    public static RationalFunction variable(String name) {
        return new RationalFunction(Polynomial.variable(name), Polynomial.ONE);
    }

    /** The integer {@code n}. */
    public static RationalFunction constant(long n) {
        return of(Polynomial.constant(n));
    }

    /** The rational number {@code n/d}. */
    public static RationalFunction constant(BigInteger n, BigInteger d) {
        return of(Polynomial.constant(n), Polynomial.constant(d));
    }

    public Polynomial numerator() {
        return num;
    }

    public Polynomial denominator() {
        return den;
    }

    public boolean isZero() {
        return num.isZero();
    }

    /** Whether this is a constant (no variables). */
    public boolean isConstant() {
        return num.isConstant() && den.isConstant();
    }

    public RationalFunction plus(RationalFunction o) {
        if (o.isZero()) {
            return this;
        }
        if (isZero()) {
            return o;
        }
        if (den.equals(o.den)) {
            return of(num.plus(o.num), den);
        }
        return of(num.times(o.den).plus(o.num.times(den)), den.times(o.den));
    }

    public RationalFunction minus(RationalFunction o) {
        return plus(o.negate());
    }

    public RationalFunction negate() {
        return new RationalFunction(num.negate(), den);
    }

    public RationalFunction times(RationalFunction o) {
        if (isZero() || o.isZero()) {
            return ZERO;
        }
        return of(num.times(o.num), den.times(o.den));
    }

    /**
     * This divided by {@code o}.
     *
     * @throws ArithmeticException when {@code o} is zero
     */
    public RationalFunction divide(RationalFunction o) {
        if (o.isZero()) {
            throw new ArithmeticException("Division by zero: cannot divide " + this + " by 0.");
        }
        return of(num.times(o.den), den.times(o.num));
    }

    /** 1 divided by this. */
    public RationalFunction inverse() {
        return ONE.divide(this);
    }

    /** This to the integer power {@code n} (negative powers invert). */
    public RationalFunction pow(int n) {
        RationalFunction b = n < 0 ? inverse() : this;
        return new RationalFunction(b.num.pow(Math.abs(n)), b.den.pow(Math.abs(n)));
    }

    /** This with each variable named in {@code values} replaced by that function. */
    public RationalFunction substitute(Map<String, RationalFunction> values) {
        return substituteIn(num, values).divide(substituteIn(den, values));
    }

    private static RationalFunction substituteIn(Polynomial p, Map<String, RationalFunction> values) {
        RationalFunction r = ZERO;
        for (Map.Entry<Monomial, BigInteger> t : p.terms().entrySet()) {
            RationalFunction term = constant(t.getValue(), BigInteger.ONE);
            Monomial m = t.getKey();
            for (String v : m.variables()) {
                RationalFunction x = values.getOrDefault(v, variable(v));
                term = term.times(x.pow(m.degree(v)));
            }
            r = r.plus(term);
        }
        return r;
    }

    /**
     * The value at {@code values} (variable name to complex value). Numerator and denominator are scaled by the same
     * power of two first, so coefficients too large for a double (numeric circuits of many nodes) still evaluate.
     *
     * @throws IllegalArgumentException naming a variable that has no value
     */
    public Complex evaluate(Map<String, Complex> values) {
        int shift = Math.max(0, Math.max(num.maxBitLength(), den.maxBitLength()) - 60);
        return num.evaluateScaled(values, shift).div(den.evaluateScaled(values, shift));
    }

    /**
     * Sympy syntax: {@code R2/(R1 + R2)}, {@code -R2/R1}, {@code (C1*R1*s + 1)/(C1*R1*s)}, {@code -(R1 + R2)/R1}.
     * Products are {@code *}, powers {@code **}.
     */
    public String toSympy() {
        if (den.isOne()) {
            return num.toString();
        }
        String n;
        if (num.size() == 1) {
            n = num.toString();
        } else if (num.leadingCoefficient().signum() < 0) {
            n = "-(" + num.negate() + ")";
        } else {
            n = "(" + num + ")";
        }
        boolean bare = den.size() == 1 && (den.isConstant()
                || (den.leadingCoefficient().equals(BigInteger.ONE) && den.leadingMonomial().size() == 1));
        return n + "/" + (bare ? den.toString() : "(" + den + ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RationalFunction r && num.equals(r.num) && den.equals(r.den);
    }

    @Override
    public int hashCode() {
        return 31 * num.hashCode() + den.hashCode();
    }

    /** The same as {@link #toSympy()}. */
    @Override
    public String toString() {
        return toSympy();
    }
}
