package dev.kirchhoff.eval.symbolic.mna;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirchhoff.eval.symbolic.Complex;
import dev.kirchhoff.eval.symbolic.RationalFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The exact symbolic transfer functions of random R/L/C/G/E circuits, evaluated at random component values and
 * complex frequencies, against a plain complex-valued MNA solve by Gaussian elimination written here independently
 * (no polynomials, no determinants, no gcd).
 */
class RandomCircuitCrossCheckTest {

    private record Part(char kind, String name, int p, int m, int cp, int cm) {
    }

    @Test
    void symbolicResultsAgreeWithANumericSolveOnRandomCircuits() {
        Random rnd = new Random(2026);
        for (int trial = 0; trial < 40; trial++) {
            int nodes = 3 + rnd.nextInt(3); // nodes 1..nodes, ground 0
            List<Part> parts = new ArrayList<>();
            parts.add(new Part('V', "V1", 1, 0, 0, 0));
            // a random tree of resistors reaches every node from ground or node 1, so nothing floats
            for (int n = 2; n <= nodes; n++) {
                parts.add(new Part('R', "R" + parts.size(), n, rnd.nextInt(n), 0, 0));
            }
            int extra = 2 + rnd.nextInt(4);
            for (int i = 0; i < extra; i++) {
                char kind = "RLCGE".charAt(rnd.nextInt(5));
                int p = 1 + rnd.nextInt(nodes);
                int m = rnd.nextInt(nodes + 1);
                if (p == m) {
                    m = 0;
                }
                if (kind == 'E') {
                    // a VCVS drives its own node through a resistor, so it cannot close a loop of voltage sources
                    int out = nodes + 1 + i;
                    parts.add(new Part('E', "E" + parts.size(), out, 0, 1 + rnd.nextInt(nodes), rnd.nextInt(nodes + 1)));
                    parts.add(new Part('R', "R" + parts.size(), out, p, 0, 0));
                } else {
                    parts.add(new Part(kind, kind + "" + parts.size(), p, m, 1 + rnd.nextInt(nodes),
                            rnd.nextInt(nodes + 1)));
                }
            }
            StringBuilder netlist = new StringBuilder("random circuit " + trial + "\n");
            for (Part part : parts) {
                netlist.append(part.name()).append(' ').append(node(part.p())).append(' ').append(node(part.m()));
                if (part.kind() == 'E' || part.kind() == 'G') {
                    netlist.append(' ').append(node(part.cp())).append(' ').append(node(part.cm()));
                }
                netlist.append('\n');
            }
            LinearCircuit circuit = LinearCircuit.parse(netlist.toString());
            String outputNode = circuit.nodes().get(rnd.nextInt(circuit.nodes().size()));
            int output = Integer.parseInt(outputNode.substring(1));
            Map<String, Complex> values = new HashMap<>();
            Map<String, Double> real = new HashMap<>();
            for (Part part : parts) {
                double v = switch (part.kind()) {
                    case 'R' -> 1 + 999 * rnd.nextDouble();
                    case 'C' -> 1e-9 + 1e-6 * rnd.nextDouble();
                    case 'L' -> 1e-6 + 1e-3 * rnd.nextDouble();
                    case 'G' -> 1e-3 + rnd.nextDouble();
                    case 'E' -> 0.5 + 5 * rnd.nextDouble();
                    default -> 1.0;
                };
                values.put(part.name(), Complex.real(v));
                real.put(part.name(), v);
            }
            Complex s = new Complex(1e3 * rnd.nextDouble(), 2 * Math.PI * Math.pow(10, 1 + 5 * rnd.nextDouble()));
            values.put("s", s);

            RationalFunction h = MnaSolver.transfer(circuit, "V1", node(output));
            Complex symbolic = h.evaluate(values);
            Complex direct = solveNumerically(parts, real, s, nodes + extra + 1)[output - 1];
            assertThat(symbolic.minus(direct).abs())
                    .as("trial %d: %s at %s%n%s", trial, h, s, netlist).isLessThan(1e-7 * Math.max(1, direct.abs()));
        }
    }

    private static String node(int n) {
        return n == 0 ? "0" : "n" + n;
    }

    /** Node voltages 1..maxNode (index n-1) with V1 = 1, by complex Gaussian elimination with partial pivoting. */
    private static Complex[] solveNumerically(List<Part> parts, Map<String, Double> v, Complex s, int maxNode) {
        // unknowns: voltages of nodes 1..maxNode (unused nodes get a unit diagonal), then V1's and each E's current
        List<Part> branches = parts.stream().filter(p -> p.kind() == 'V' || p.kind() == 'E').toList();
        int n = maxNode + branches.size();
        Complex[][] a = new Complex[n][n + 1];
        for (Complex[] row : a) {
            java.util.Arrays.fill(row, Complex.ZERO);
        }
        boolean[] used = new boolean[maxNode + 1];
        for (Part p : parts) {
            used[p.p()] = true;
            used[p.m()] = true;
        }
        for (int k = 1; k <= maxNode; k++) {
            if (!used[k]) {
                a[k - 1][k - 1] = Complex.ONE;
            }
        }
        for (Part p : parts) {
            double x = v.get(p.name());
            switch (p.kind()) {
                case 'R' -> admit(a, p.p(), p.m(), Complex.real(1 / x));
                case 'C' -> admit(a, p.p(), p.m(), s.times(Complex.real(x)));
                case 'L' -> admit(a, p.p(), p.m(), Complex.ONE.div(s.times(Complex.real(x))));
                case 'G' -> {
                    add(a, p.p(), p.cp(), Complex.real(x));
                    add(a, p.p(), p.cm(), Complex.real(-x));
                    add(a, p.m(), p.cp(), Complex.real(-x));
                    add(a, p.m(), p.cm(), Complex.real(x));
                }
                default -> {
                    int row = maxNode + branches.indexOf(p);
                    if (p.p() > 0) {
                        a[p.p() - 1][row] = a[p.p() - 1][row].plus(Complex.ONE);
                        a[row][p.p() - 1] = a[row][p.p() - 1].plus(Complex.ONE);
                    }
                    if (p.m() > 0) {
                        a[p.m() - 1][row] = a[p.m() - 1][row].minus(Complex.ONE);
                        a[row][p.m() - 1] = a[row][p.m() - 1].minus(Complex.ONE);
                    }
                    if (p.kind() == 'V') {
                        a[row][n] = Complex.ONE;
                    } else {
                        if (p.cp() > 0) {
                            a[row][p.cp() - 1] = a[row][p.cp() - 1].minus(Complex.real(x));
                        }
                        if (p.cm() > 0) {
                            a[row][p.cm() - 1] = a[row][p.cm() - 1].plus(Complex.real(x));
                        }
                    }
                }
            }
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (a[r][col].abs() > a[pivot][col].abs()) {
                    pivot = r;
                }
            }
            Complex[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r != col && a[r][col].abs() != 0) {
                    Complex f = a[r][col].div(a[col][col]);
                    for (int c = col; c <= n; c++) {
                        a[r][c] = a[r][c].minus(f.times(a[col][c]));
                    }
                }
            }
        }
        Complex[] x = new Complex[n];
        for (int r = 0; r < n; r++) {
            x[r] = a[r][n].div(a[r][r]);
        }
        return x;
    }

    private static void admit(Complex[][] a, int p, int m, Complex y) {
        add(a, p, p, y);
        add(a, m, m, y);
        add(a, p, m, y.negate());
        add(a, m, p, y.negate());
    }

    private static void add(Complex[][] a, int row, int col, Complex y) {
        if (row > 0 && col > 0) {
            a[row - 1][col - 1] = a[row - 1][col - 1].plus(y);
        }
    }
}
