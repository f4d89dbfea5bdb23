package dev.kirchhoff.eval.symbolic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A product of variables raised to positive integer powers, such as {@code C1*R1**2*s}; the empty product is
 * {@link #ONE}. Variables are kept sorted by name, so equal monomials have equal representations. Immutable and
 * thread-safe.
 *
 * <p>Monomials are totally ordered by {@link #compareTo} in graded lexicographic order: higher total degree first,
 * then, over the variable names in ascending order, the higher exponent of the first variable that differs. This is a
 * monomial order (compatible with multiplication), which exact division relies on, and it is the order in which
 * {@link Polynomial} prints its terms.
 */
public final class Monomial implements Comparable<Monomial> {

    /** The empty product, 1. */
    public static final Monomial ONE = new Monomial(new String[0], new int[0]);

    private final String[] vars;
    private final int[] exps;
    private final int degree;
    private final int hash;

    private Monomial(String[] vars, int[] exps) {
        this.vars = vars;
        this.exps = exps;
        int d = 0;
        for (int e : exps) {
            d += e;
        }
        this.degree = d;
        this.hash = 31 * Arrays.hashCode(vars) + Arrays.hashCode(exps);
    }

    /** The variable {@code name} to the first power. */
    public static Monomial of(String name) {
        return of(name, 1);
    }

    /** The variable {@code name} to the power {@code exponent} (0 gives {@link #ONE}). */
    public static Monomial of(String name, int exponent) {
        Objects.requireNonNull(name, "The parameter 'name' must not be null.");
        if (exponent < 0) {
            throw new IllegalArgumentException("The parameter 'exponent' must not be negative, was " + exponent);
        }
        return exponent == 0 ? ONE : new Monomial(new String[] {name}, new int[] {exponent});
    }

    /** The product of the variables in {@code powers} (name to exponent; zero exponents are dropped). */
    public static Monomial of(Map<String, Integer> powers) {
        TreeMap<String, Integer> sorted = new TreeMap<>();
        powers.forEach((k, v) -> {
            if (v < 0) {
                throw new IllegalArgumentException("Exponent of " + k + " must not be negative, was " + v);
            }
            if (v > 0) {
                sorted.put(k, v);
            }
        });
        String[] vs = sorted.keySet().toArray(new String[0]);
        int[] es = sorted.values().stream().mapToInt(Integer::intValue).toArray();
        return vs.length == 0 ? ONE : new Monomial(vs, es);
    }

    /** Total degree: the sum of the exponents. */
    public int degree() {
        return degree;
    }

    /** The exponent of {@code var} (0 when absent). */
    public int degree(String var) {
        int i = Arrays.binarySearch(vars, var);
        return i >= 0 ? exps[i] : 0;
    }

    /** The variables, sorted by name. */
    public List<String> variables() {
        return List.of(vars);
    }

    /** Whether this is the empty product. */
    public boolean isOne() {
        return vars.length == 0;
    }

    int size() {
        return vars.length;
    }

    String var(int i) {
        return vars[i];
    }

    int exp(int i) {
        return exps[i];
    }

    /** The product of this and {@code o}. */
    public Monomial times(Monomial o) {
        if (o.vars.length == 0) {
            return this;
        }
        if (vars.length == 0) {
            return o;
        }
        String[] rv = new String[vars.length + o.vars.length];
        int[] re = new int[rv.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < vars.length || j < o.vars.length) {
            int c = i == vars.length ? 1 : j == o.vars.length ? -1 : vars[i].compareTo(o.vars[j]);
            if (c < 0) {
                rv[k] = vars[i];
                re[k++] = exps[i++];
            } else if (c > 0) {
                rv[k] = o.vars[j];
                re[k++] = o.exps[j++];
            } else {
                rv[k] = vars[i];
                re[k++] = exps[i++] + o.exps[j++];
            }
        }
        return new Monomial(Arrays.copyOf(rv, k), Arrays.copyOf(re, k));
    }

    /** Whether {@code d} divides this (every exponent of {@code d} is at most this one's). */
    public boolean isDivisibleBy(Monomial d) {
        int j = 0;
        for (int i = 0; i < d.vars.length; i++) {
            while (j < vars.length && vars[j].compareTo(d.vars[i]) < 0) {
                j++;
            }
            if (j == vars.length || !vars[j].equals(d.vars[i]) || exps[j] < d.exps[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * This divided by {@code d}.
     *
     * @throws ArithmeticException when {@code d} does not divide this
     */
    public Monomial divide(Monomial d) {
        if (!isDivisibleBy(d)) {
            throw new ArithmeticException(d + " does not divide " + this);
        }
        List<String> rv = new ArrayList<>();
        List<Integer> re = new ArrayList<>();
        for (int i = 0; i < vars.length; i++) {
            int e = exps[i] - d.degree(vars[i]);
            if (e > 0) {
                rv.add(vars[i]);
                re.add(e);
            }
        }
        return rv.isEmpty() ? ONE
                : new Monomial(rv.toArray(new String[0]), re.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The greatest common divisor: each variable to the smaller of its two exponents. */
    public Monomial gcd(Monomial o) {
        List<String> rv = new ArrayList<>();
        List<Integer> re = new ArrayList<>();
        for (int i = 0; i < vars.length; i++) {
            int e = Math.min(exps[i], o.degree(vars[i]));
            if (e > 0) {
                rv.add(vars[i]);
                re.add(e);
            }
        }
        return rv.isEmpty() ? ONE
                : new Monomial(rv.toArray(new String[0]), re.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The least common multiple: each variable to the larger of its two exponents. */
    public Monomial lcm(Monomial o) {
        return times(o).divide(gcd(o));
    }

    /** This monomial without {@code var}. */
    Monomial without(String var) {
        int i = Arrays.binarySearch(vars, var);
        if (i < 0) {
            return this;
        }
        String[] rv = new String[vars.length - 1];
        int[] re = new int[rv.length];
        System.arraycopy(vars, 0, rv, 0, i);
        System.arraycopy(vars, i + 1, rv, i, rv.length - i);
        System.arraycopy(exps, 0, re, 0, i);
        System.arraycopy(exps, i + 1, re, i, re.length - i);
        return rv.length == 0 ? ONE : new Monomial(rv, re);
    }

    @Override
    public int compareTo(Monomial o) {
        if (degree != o.degree) {
            return degree > o.degree ? -1 : 1;
        }
        int i = 0;
        int j = 0;
        while (i < vars.length && j < o.vars.length) {
            int c = vars[i].compareTo(o.vars[j]);
            if (c < 0) {
                return -1; // this has a smaller-named variable the other lacks: this is larger, so first
            }
            if (c > 0) {
                return 1;
            }
            if (exps[i] != o.exps[j]) {
                return exps[i] > o.exps[j] ? -1 : 1;
            }
            i++;
            j++;
        }
        if (i < vars.length) {
            return -1;
        }
        return j < o.vars.length ? 1 : 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Monomial m && hash == m.hash && Arrays.equals(vars, m.vars) && Arrays.equals(exps, m.exps);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Sympy syntax: {@code C1*R1**2*s}, or {@code 1} for the empty product. */
    @Override
    public String toString() {
        if (vars.length == 0) {
            return "1";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < vars.length; i++) {
            if (i > 0) {
                sb.append('*');
            }
            sb.append(vars[i]);
            if (exps[i] > 1) {
                sb.append("**").append(exps[i]);
            }
        }
        return sb.toString();
    }
}
