package dev.kirchhoff.eval.symbolic.mna;

import dev.kirchhoff.eval.symbolic.Monomial;
import dev.kirchhoff.eval.symbolic.Polynomial;
import dev.kirchhoff.eval.symbolic.RationalFunction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MNA equations {@code A x = b} of a circuit: unknowns are the node voltages (in the circuit's node order) and
 * then the currents of the elements that fix a voltage. Each row is scaled by the least common multiple of its
 * denominators so every entry is a polynomial; scaling rows leaves Cramer's ratios unchanged. Immutable.
 */
final class MnaSystem {

    static final RationalFunction S = RationalFunction.variable("s");

    final LinearCircuit circuit;
    final Map<String, Integer> nodeIndex = new LinkedHashMap<>();
    final Map<String, Integer> branchIndex = new LinkedHashMap<>();
    final Polynomial[][] a;
    final Polynomial[] b;
    final int n;

    private final RationalFunction[][] ra;
    private final RationalFunction[] rb;
    private final Map<String, RationalFunction> sourceValues;

    /**
     * @param sourceValues each independent source's value; a source missing from the map is switched off
     *     (a voltage source shorted, a current source opened)
     */
    MnaSystem(LinearCircuit circuit, Map<String, RationalFunction> sourceValues) {
        this.circuit = circuit;
        this.sourceValues = Map.copyOf(sourceValues);
        for (String node : circuit.nodes()) {
            nodeIndex.put(node, nodeIndex.size());
        }
        int k = nodeIndex.size();
        for (Element e : circuit.elements()) {
            if (e.kind().hasBranchCurrent()) {
                branchIndex.put(e.name(), k++);
            }
        }
        n = k;
        ra = new RationalFunction[n][n];
        rb = new RationalFunction[n];
        for (Element e : circuit.elements()) {
            stamp(e, sourceValues.getOrDefault(e.name(), RationalFunction.ZERO));
        }
        a = new Polynomial[n][n];
        b = new Polynomial[n];
        for (int r = 0; r < n; r++) {
            scaleRow(r);
        }
    }

    /** The value an independent source has in this system (zero when switched off). */
    RationalFunction sourceValue(Element e) {
        return sourceValues.getOrDefault(e.name(), RationalFunction.ZERO);
    }

    private int node(String name) {
        return name.equals(LinearCircuit.GROUND) ? -1 : nodeIndex.get(name);
    }

    private int branch(String element) {
        Element e = circuit.element(element).orElseThrow();
        return branchIndex.get(e.name());
    }

    private void add(int r, int c, RationalFunction v) {
        if (r < 0 || c < 0 || v.isZero()) {
            return;
        }
        ra[r][c] = ra[r][c] == null ? v : ra[r][c].plus(v);
    }

    private void addRhs(int r, RationalFunction v) {
        if (r < 0 || v.isZero()) {
            return;
        }
        rb[r] = rb[r] == null ? v : rb[r].plus(v);
    }

    private void admittance(int p, int m, RationalFunction y) {
        add(p, p, y);
        add(m, m, y);
        add(p, m, y.negate());
        add(m, p, y.negate());
    }

    /** KCL columns of a branch current k flowing into p through the element to m, and its row's V(p) - V(m). */
    private void branchStamp(int p, int m, int k) {
        add(p, k, RationalFunction.ONE);
        add(m, k, RationalFunction.ONE.negate());
        add(k, p, RationalFunction.ONE);
        add(k, m, RationalFunction.ONE.negate());
    }

    private void stamp(Element e, RationalFunction sourceValue) {
        int p = node(e.plus());
        int m = node(e.minus());
        switch (e.kind()) {
            case RESISTOR -> admittance(p, m, circuit.value(e).inverse());
            case CAPACITOR -> admittance(p, m, S.times(circuit.value(e)));
            case INDUCTOR -> admittance(p, m, S.times(circuit.value(e)).inverse());
            case VOLTAGE_SOURCE -> {
                int k = branchIndex.get(e.name());
                branchStamp(p, m, k);
                addRhs(k, sourceValue);
            }
            case CURRENT_SOURCE -> {
                addRhs(p, sourceValue.negate());
                addRhs(m, sourceValue);
            }
            case VCVS -> {
                int k = branchIndex.get(e.name());
                RationalFunction g = circuit.value(e);
                branchStamp(p, m, k);
                add(k, node(e.nodes().get(2)), g.negate());
                add(k, node(e.nodes().get(3)), g);
            }
            case VCCS -> {
                RationalFunction g = circuit.value(e);
                int cp = node(e.nodes().get(2));
                int cm = node(e.nodes().get(3));
                add(p, cp, g);
                add(p, cm, g.negate());
                add(m, cp, g.negate());
                add(m, cm, g);
            }
            case CCCS -> {
                int kc = branch(e.control());
                RationalFunction g = circuit.value(e);
                add(p, kc, g);
                add(m, kc, g.negate());
            }
            case CCVS -> {
                int k = branchIndex.get(e.name());
                branchStamp(p, m, k);
                add(k, branch(e.control()), circuit.value(e).negate());
            }
            case OPAMP -> {
                int k = branchIndex.get(e.name());
                add(p, k, RationalFunction.ONE);
                add(m, k, RationalFunction.ONE.negate());
                int ip = node(e.nodes().get(2));
                int in = node(e.nodes().get(3));
                if (e.isIdealOpAmp()) {
                    // virtual short: the output is whatever makes V(in+) = V(in-)
                    add(k, ip, RationalFunction.ONE);
                    add(k, in, RationalFunction.ONE.negate());
                } else {
                    RationalFunction ad = circuit.value(e);
                    add(k, p, RationalFunction.ONE);
                    add(k, m, RationalFunction.ONE.negate());
                    add(k, ip, ad.negate());
                    add(k, in, ad);
                }
            }
        }
    }

    private void scaleRow(int r) {
        List<Polynomial> dens = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (ra[r][c] != null && !ra[r][c].isZero()) {
                dens.add(ra[r][c].denominator());
            }
        }
        if (rb[r] != null && !rb[r].isZero()) {
            dens.add(rb[r].denominator());
        }
        Polynomial l = lcm(dens);
        for (int c = 0; c < n; c++) {
            a[r][c] = ra[r][c] == null || ra[r][c].isZero() ? Polynomial.ZERO : scaled(ra[r][c], l);
        }
        b[r] = rb[r] == null || rb[r].isZero() ? Polynomial.ZERO : scaled(rb[r], l);
    }

    private static Polynomial scaled(RationalFunction v, Polynomial l) {
        return v.numerator().times(l.divideExact(v.denominator()));
    }

    /**
     * A common multiple of {@code dens}: the least one when they are all single terms (as the stamps of R, L, C and
     * numeric values make them), else their product over distinct denominators.
     */
    private static Polynomial lcm(List<Polynomial> dens) {
        boolean terms = dens.stream().allMatch(d -> d.size() == 1);
        if (terms) {
            BigInteger c = BigInteger.ONE;
            Monomial m = Monomial.ONE;
            for (Polynomial d : dens) {
                BigInteger dc = d.leadingCoefficient().abs();
                c = c.divide(c.gcd(dc)).multiply(dc);
                m = m.lcm(d.leadingMonomial());
            }
            return Polynomial.term(c, m);
        }
        Polynomial l = Polynomial.ONE;
        List<Polynomial> seen = new ArrayList<>();
        for (Polynomial d : dens) {
            if (!seen.contains(d)) {
                seen.add(d);
                l = l.times(d);
            }
        }
        return l;
    }
}
