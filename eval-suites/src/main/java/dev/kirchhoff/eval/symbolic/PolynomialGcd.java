package dev.kirchhoff.eval.symbolic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The greatest common divisor of two multivariate integer polynomials by the recursive primitive
 * pseudo-remainder-sequence algorithm: each polynomial is seen as univariate in a main variable with multivariate
 * coefficients, its content (the gcd of those coefficients) is split off recursively, and the primitive parts run
 * through a pseudo-remainder sequence, each remainder reduced to its primitive part so coefficients stay small.
 *
 * <p>Work is counted in term operations against a budget; when it runs out the computation stops with
 * {@link BudgetExceeded}, so a caller can leave a big expression uncancelled rather than hang. Not thread-safe (one
 * instance per computation); the static entry point is.
 */
final class PolynomialGcd {

    /** Default budget in term operations: enough for the circuits of textbooks and benchmarks, a fraction of a second. */
    static final long DEFAULT_BUDGET = 3_000_000L;

    /** Thrown when the budget runs out; the gcd is then unknown (not wrong). */
    static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super("polynomial gcd budget exceeded", null, false, false);
        }
    }

    private long remaining;

    private PolynomialGcd(long budget) {
        this.remaining = budget;
    }

    /**
     * The gcd of {@code a} and {@code b}, with a positive leading coefficient (integer content included).
     *
     * @throws BudgetExceeded when more than {@code budget} term operations would be needed
     */
    static Polynomial gcd(Polynomial a, Polynomial b, long budget) {
        return new PolynomialGcd(budget).gcd(a, b);
    }

    private void charge(long work) {
        remaining -= work;
        if (remaining < 0) {
            throw new BudgetExceeded();
        }
    }

    private Polynomial gcd(Polynomial a, Polynomial b) {
        if (a.isZero()) {
            return positive(b);
        }
        if (b.isZero()) {
            return positive(a);
        }
        if (a.isConstant() || b.isConstant()) {
            return Polynomial.constant(a.content().gcd(b.content()));
        }
        charge(a.size() + b.size());
        // Monomial factors split off cleanly: what is left of a and b is divisible by no variable.
        Monomial ma = a.monomialContent();
        Monomial mb = b.monomialContent();
        if (!ma.isOne() || !mb.isOne()) {
            Polynomial g = gcd(a.divide(BigInteger.ONE, ma), b.divide(BigInteger.ONE, mb));
            return g.times(BigInteger.ONE, ma.gcd(mb));
        }
        SortedSet<String> vars = new TreeSet<>(a.variables());
        vars.addAll(b.variables());
        String x = vars.first();
        int da = a.degree(x);
        int db = b.degree(x);
        if (da == 0) {
            // The gcd divides a, which lacks x, so it lacks x too and divides every coefficient of b in x.
            return gcd(a, contentIn(b, x));
        }
        if (db == 0) {
            return gcd(contentIn(a, x), b);
        }
        Polynomial ca = contentIn(a, x);
        Polynomial cb = contentIn(b, x);
        Polynomial contentGcd = gcd(ca, cb);
        Polynomial p = a.divideExact(ca);
        Polynomial q = b.divideExact(cb);
        if (p.degree(x) < q.degree(x)) {
            Polynomial t = p;
            p = q;
            q = t;
        }
        Polynomial g;
        while (true) {
            Polynomial r = pseudoRemainder(p, q, x);
            if (r.isZero()) {
                g = q;
                break;
            }
            if (r.degree(x) == 0) {
                g = Polynomial.ONE;
                break;
            }
            p = q;
            q = r.divideExact(contentIn(r, x));
        }
        return positive(g.times(contentGcd));
    }

    /** The gcd of the coefficients of {@code p} seen as a polynomial in {@code x}, with a positive leading term. */
    private Polynomial contentIn(Polynomial p, String x) {
        TreeMap<Integer, Polynomial> cs = p.coefficientsIn(x);
        List<Polynomial> list = new ArrayList<>(cs.values());
        // smallest first: the gcd is found faster, and is often 1 after two steps
        list.sort((u, v) -> Integer.compare(u.size(), v.size()));
        Polynomial g = Polynomial.ZERO;
        for (Polynomial c : list) {
            g = gcd(g, c);
            if (g.isOne()) {
                break;
            }
        }
        return positive(g);
    }

    /** A multiple of {@code lc(q)^k * p} reduced modulo {@code q} until its degree in {@code x} is below q's. */
    private Polynomial pseudoRemainder(Polynomial p, Polynomial q, String x) {
        TreeMap<Integer, Polynomial> qc = q.coefficientsIn(x);
        int dq = qc.lastKey();
        Polynomial lq = qc.lastEntry().getValue();
        Polynomial r = p;
        while (!r.isZero()) {
            TreeMap<Integer, Polynomial> rc = r.coefficientsIn(x);
            int dr = rc.lastKey();
            if (dr < dq) {
                break;
            }
            Polynomial lr = rc.lastEntry().getValue();
            charge((long) r.size() * lq.size() + (long) q.size() * lr.size());
            r = r.times(lq).minus(q.times(lr).times(BigInteger.ONE, Monomial.of(x, dr - dq)));
        }
        return r;
    }

    private static Polynomial positive(Polynomial p) {
        return p.leadingCoefficient().signum() < 0 ? p.negate() : p;
    }
}
