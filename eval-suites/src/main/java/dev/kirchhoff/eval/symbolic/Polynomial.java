package dev.kirchhoff.eval.symbolic;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A sparse multivariate polynomial with exact integer ({@link BigInteger}) coefficients, such as
 * {@code C1*R1*s + 1}. Rational constants are expressed one level up, as a {@link RationalFunction} whose numerator and
 * denominator are integer polynomials. Immutable and thread-safe.
 *
 * <p>Terms are kept in the canonical {@link Monomial} order (higher total degree first, then by variable name), so
 * equal polynomials print identically:
 * <pre>{@code
 * Polynomial p = Polynomial.variable("R1").plus(Polynomial.variable("R2"));   // R1 + R2
 * }</pre>
 */
public final class Polynomial {

    public static final Polynomial ZERO = new Polynomial(new Monomial[0], new BigInteger[0]);
    public static final Polynomial ONE = constant(BigInteger.ONE);

    private final Monomial[] mons;
    private final BigInteger[] coefs;
    private int hash;

    private Polynomial(Monomial[] mons, BigInteger[] coefs) {
        this.mons = mons;
        this.coefs = coefs;
    }

    /** The constant {@code c}. */
    public static Polynomial constant(BigInteger c) {
        return term(c, Monomial.ONE);
    }

    /** The constant {@code c}. */
    public static Polynomial constant(long c) {
        return constant(BigInteger.valueOf(c));
    }

    /** The variable {@code name}. */
    public static Polynomial variable(String name) {
        return term(BigInteger.ONE, Monomial.of(name));
    }

    /** The single term {@code c*m}. */
    public static Polynomial term(BigInteger c, Monomial m) {
        Objects.requireNonNull(c, "The parameter 'c' must not be null.");
        Objects.requireNonNull(m, "The parameter 'm' must not be null.");
        return c.signum() == 0 ? ZERO : new Polynomial(new Monomial[] {m}, new BigInteger[] {c});
    }

    /** The sum of {@code c*m} over the entries of {@code terms}; zero coefficients are dropped. */
    public static Polynomial of(Map<Monomial, BigInteger> terms) {
        return fromMap(new HashMap<>(terms));
    }

    private static Polynomial fromMap(Map<Monomial, BigInteger> map) {
        map.values().removeIf(c -> c.signum() == 0);
        Monomial[] ms = map.keySet().toArray(new Monomial[0]);
        Arrays.sort(ms);
        BigInteger[] cs = new BigInteger[ms.length];
        for (int i = 0; i < ms.length; i++) {
            cs[i] = map.get(ms[i]);
        }
        return new Polynomial(ms, cs);
    }

    /** The terms in canonical order, monomial to coefficient. */
    public Map<Monomial, BigInteger> terms() {
        Map<Monomial, BigInteger> m = new LinkedHashMap<>();
        for (int i = 0; i < mons.length; i++) {
            m.put(mons[i], coefs[i]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** The number of terms. */
    public int size() {
        return mons.length;
    }

    public boolean isZero() {
        return mons.length == 0;
    }

    /** Whether this is a constant (including zero). */
    public boolean isConstant() {
        return mons.length == 0 || (mons.length == 1 && mons[0].isOne());
    }

    /** Whether this is the constant 1. */
    public boolean isOne() {
        return mons.length == 1 && mons[0].isOne() && coefs[0].equals(BigInteger.ONE);
    }

    /** The coefficient of the first term in canonical order (zero for the zero polynomial). */
    public BigInteger leadingCoefficient() {
        return mons.length == 0 ? BigInteger.ZERO : coefs[0];
    }

    /** The monomial of the first term in canonical order. */
    public Monomial leadingMonomial() {
        if (mons.length == 0) {
            throw new ArithmeticException("The zero polynomial has no leading monomial.");
        }
        return mons[0];
    }

    /** The constant term. */
    public BigInteger constantTerm() {
        return mons.length > 0 && mons[mons.length - 1].isOne() ? coefs[mons.length - 1] : BigInteger.ZERO;
    }

    /** The variables that occur, sorted by name. */
    public SortedSet<String> variables() {
        SortedSet<String> vs = new TreeSet<>();
        for (Monomial m : mons) {
            vs.addAll(m.variables());
        }
        return vs;
    }

    /** The highest power of {@code var} in any term (0 when absent; -1 for the zero polynomial). */
    public int degree(String var) {
        int d = mons.length == 0 ? -1 : 0;
        for (Monomial m : mons) {
            d = Math.max(d, m.degree(var));
        }
        return d;
    }

    /** The highest total degree of a term (-1 for the zero polynomial). */
    public int totalDegree() {
        return mons.length == 0 ? -1 : mons[0].degree();
    }

    /** The integer content: the positive gcd of the coefficients (0 for the zero polynomial). */
    public BigInteger content() {
        BigInteger g = BigInteger.ZERO;
        for (BigInteger c : coefs) {
            g = g.gcd(c);
            if (g.equals(BigInteger.ONE)) {
                break;
            }
        }
        return g;
    }

    /** The monomial content: the greatest monomial dividing every term ({@link Monomial#ONE} for zero). */
    public Monomial monomialContent() {
        if (mons.length == 0) {
            return Monomial.ONE;
        }
        Monomial g = mons[0];
        for (int i = 1; i < mons.length && !g.isOne(); i++) {
            g = g.gcd(mons[i]);
        }
        return g;
    }

    public Polynomial plus(Polynomial o) {
        if (o.isZero()) {
            return this;
        }
        if (isZero()) {
            return o;
        }
        // both term arrays are sorted in the canonical order: merge them, no hashing or sorting
        Monomial[] ms = new Monomial[mons.length + o.mons.length];
        BigInteger[] cs = new BigInteger[ms.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < mons.length && j < o.mons.length) {
            int c = mons[i].compareTo(o.mons[j]);
            if (c < 0) {
                ms[k] = mons[i];
                cs[k++] = coefs[i++];
            } else if (c > 0) {
                ms[k] = o.mons[j];
                cs[k++] = o.coefs[j++];
            } else {
                BigInteger sum = coefs[i].add(o.coefs[j]);
                if (sum.signum() != 0) {
                    ms[k] = mons[i];
                    cs[k++] = sum;
                }
                i++;
                j++;
            }
        }
        while (i < mons.length) {
            ms[k] = mons[i];
            cs[k++] = coefs[i++];
        }
        while (j < o.mons.length) {
            ms[k] = o.mons[j];
            cs[k++] = o.coefs[j++];
        }
        return k == ms.length ? new Polynomial(ms, cs) : new Polynomial(Arrays.copyOf(ms, k), Arrays.copyOf(cs, k));
    }

    public Polynomial minus(Polynomial o) {
        return plus(o.negate());
    }

    public Polynomial negate() {
        BigInteger[] cs = new BigInteger[coefs.length];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = coefs[i].negate();
        }
        return new Polynomial(mons, cs);
    }

    public Polynomial times(Polynomial o) {
        if (isZero() || o.isZero()) {
            return ZERO;
        }
        if (o.mons.length == 1) {
            return times(o.coefs[0], o.mons[0]);
        }
        if (mons.length == 1) {
            return o.times(coefs[0], mons[0]);
        }
        Polynomial small = mons.length <= o.mons.length ? this : o;
        Polynomial large = small == this ? o : this;
        if (small.mons.length <= 8) {
            // a few sorted partial products merged: linear in the large factor's size per term
            Polynomial r = ZERO;
            for (int i = 0; i < small.mons.length; i++) {
                r = r.plus(large.times(small.coefs[i], small.mons[i]));
            }
            return r;
        }
        Map<Monomial, BigInteger> map = new HashMap<>(Math.max(16, 2 * (mons.length + o.mons.length)));
        for (int i = 0; i < mons.length; i++) {
            for (int j = 0; j < o.mons.length; j++) {
                map.merge(mons[i].times(o.mons[j]), coefs[i].multiply(o.coefs[j]), BigInteger::add);
            }
        }
        return fromMap(map);
    }

    /** This times the term {@code c*m}; the order of terms is preserved, so no sorting is needed. */
    public Polynomial times(BigInteger c, Monomial m) {
        if (c.signum() == 0 || isZero()) {
            return ZERO;
        }
        Monomial[] ms = new Monomial[mons.length];
        BigInteger[] cs = new BigInteger[mons.length];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = mons[i].times(m);
            cs[i] = coefs[i].multiply(c);
        }
        return new Polynomial(ms, cs);
    }

    public Polynomial times(BigInteger c) {
        return times(c, Monomial.ONE);
    }

    /** This to the power {@code n >= 0}. */
    public Polynomial pow(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("The parameter 'n' must not be negative, was " + n);
        }
        Polynomial r = ONE;
        Polynomial b = this;
        while (n > 0) {
            if ((n & 1) == 1) {
                r = r.times(b);
            }
            n >>= 1;
            if (n > 0) {
                b = b.times(b);
            }
        }
        return r;
    }

    /**
     * This divided by the term {@code c*m}.
     *
     * @throws ArithmeticException when the term does not divide every term exactly
     */
    public Polynomial divide(BigInteger c, Monomial m) {
        Monomial[] ms = new Monomial[mons.length];
        BigInteger[] cs = new BigInteger[mons.length];
        for (int i = 0; i < ms.length; i++) {
            BigInteger[] qr = coefs[i].divideAndRemainder(c);
            if (qr[1].signum() != 0) {
                throw new ArithmeticException(c + " does not divide the coefficient " + coefs[i]);
            }
            ms[i] = mons[i].divide(m);
            cs[i] = qr[0];
        }
        return new Polynomial(ms, cs); // dividing every term by one monomial keeps the order
    }

    /**
     * The exact quotient {@code this / d}.
     *
     * @throws ArithmeticException when {@code d} is zero or does not divide this exactly
     */
    public Polynomial divideExact(Polynomial d) {
        if (d.isZero()) {
            throw new ArithmeticException("Division by the zero polynomial.");
        }
        if (d.mons.length == 1) {
            return divide(d.coefs[0], d.mons[0]);
        }
        // Multivariate division by leading terms; with a monomial order and an exact divisor it terminates with a
        // zero remainder, and any leading term that does not divide means d is not a factor.
        TreeMap<Monomial, BigInteger> rem = new TreeMap<>();
        for (int i = 0; i < mons.length; i++) {
            rem.put(mons[i], coefs[i]);
        }
        Map<Monomial, BigInteger> quotient = new HashMap<>();
        Monomial dlm = d.mons[0];
        BigInteger dlc = d.coefs[0];
        while (!rem.isEmpty()) {
            Map.Entry<Monomial, BigInteger> lead = rem.firstEntry();
            if (!lead.getKey().isDivisibleBy(dlm)) {
                throw new ArithmeticException("not an exact division: " + d + " does not divide " + this);
            }
            BigInteger[] qr = lead.getValue().divideAndRemainder(dlc);
            if (qr[1].signum() != 0) {
                throw new ArithmeticException("not an exact division: " + d + " does not divide " + this);
            }
            Monomial qm = lead.getKey().divide(dlm);
            quotient.put(qm, qr[0]);
            for (int i = 0; i < d.mons.length; i++) {
                Monomial m = d.mons[i].times(qm);
                BigInteger c = rem.getOrDefault(m, BigInteger.ZERO).subtract(d.coefs[i].multiply(qr[0]));
                if (c.signum() == 0) {
                    rem.remove(m);
                } else {
                    rem.put(m, c);
                }
            }
        }
        return fromMap(quotient);
    }

    /** The polynomial with each variable named in {@code values} replaced by that polynomial. */
    public Polynomial substitute(Map<String, Polynomial> values) {
        Polynomial r = ZERO;
        for (int i = 0; i < mons.length; i++) {
            Polynomial t = constant(coefs[i]);
            Map<String, Integer> rest = new HashMap<>();
            for (int k = 0; k < mons[i].size(); k++) {
                Polynomial v = values.get(mons[i].var(k));
                if (v == null) {
                    rest.put(mons[i].var(k), mons[i].exp(k));
                } else {
                    t = t.times(v.pow(mons[i].exp(k)));
                }
            }
            r = r.plus(t.times(BigInteger.ONE, Monomial.of(rest)));
        }
        return r;
    }

    /**
     * The value at {@code values} (variable name to complex value).
     *
     * @throws IllegalArgumentException naming a variable that has no value
     */
    public Complex evaluate(Map<String, Complex> values) {
        return evaluateScaled(values, 0);
    }

    /** The value times {@code 2^-shift}, so polynomials with huge coefficients can be evaluated as a ratio. */
    Complex evaluateScaled(Map<String, Complex> values, int shift) {
        Map<String, Complex[]> powers = new HashMap<>();
        double re = 0;
        double im = 0;
        for (int i = 0; i < mons.length; i++) {
            Complex t = Complex.real(scaledDouble(coefs[i], shift));
            for (int k = 0; k < mons[i].size(); k++) {
                String v = mons[i].var(k);
                Complex x = values.get(v);
                if (x == null) {
                    throw new IllegalArgumentException("No value for the variable '" + v + "'; give it one in the map"
                            + " passed to evaluate (the polynomial's variables are " + variables() + ").");
                }
                t = t.times(power(powers, v, x, mons[i].exp(k)));
            }
            re += t.re();
            im += t.im();
        }
        return new Complex(re, im);
    }

    private static Complex power(Map<String, Complex[]> cache, String v, Complex x, int e) {
        Complex[] ps = cache.get(v);
        if (ps == null || ps.length <= e) {
            Complex[] n = new Complex[Math.max(e + 1, 4)];
            n[0] = Complex.ONE;
            for (int i = 1; i < n.length; i++) {
                n[i] = n[i - 1].times(x);
            }
            cache.put(v, n);
            ps = n;
        }
        return ps[e];
    }

    /** {@code c * 2^-shift} as a double, exact to double precision even when {@code c} has thousands of bits. */
    static double scaledDouble(BigInteger c, int shift) {
        int drop = Math.max(0, c.bitLength() - 62);
        return Math.scalb(c.shiftRight(drop).doubleValue(), drop - shift);
    }

    /** The largest bit length of a coefficient. */
    int maxBitLength() {
        int b = 0;
        for (BigInteger c : coefs) {
            b = Math.max(b, c.bitLength());
        }
        return b;
    }

    /** The coefficients of this seen as a polynomial in {@code var}: power of {@code var} to coefficient. */
    TreeMap<Integer, Polynomial> coefficientsIn(String var) {
        Map<Integer, Map<Monomial, BigInteger>> parts = new HashMap<>();
        for (int i = 0; i < mons.length; i++) {
            parts.computeIfAbsent(mons[i].degree(var), k -> new HashMap<>()).put(mons[i].without(var), coefs[i]);
        }
        TreeMap<Integer, Polynomial> r = new TreeMap<>();
        parts.forEach((k, v) -> r.put(k, fromMap(v)));
        return r;
    }

    Monomial monomial(int i) {
        return mons[i];
    }

    BigInteger coefficient(int i) {
        return coefs[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Polynomial p && Arrays.equals(mons, p.mons) && Arrays.equals(coefs, p.coefs);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 31 * Arrays.hashCode(mons) + Arrays.hashCode(coefs);
            hash = h;
        }
        return h;
    }

    /** Sympy syntax, terms in canonical order: {@code C1*R1*s + R1 + R2 - 3}. */
    @Override
    public String toString() {
        if (mons.length == 0) {
            return "0";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < mons.length; i++) {
            BigInteger c = coefs[i];
            if (i == 0) {
                if (c.signum() < 0) {
                    sb.append('-');
                }
            } else {
                sb.append(c.signum() < 0 ? " - " : " + ");
            }
            BigInteger a = c.abs();
            if (mons[i].isOne()) {
                sb.append(a);
            } else if (a.equals(BigInteger.ONE)) {
                sb.append(mons[i]);
            } else {
                sb.append(a).append('*').append(mons[i]);
            }
        }
        return sb.toString();
    }
}
