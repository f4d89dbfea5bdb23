package dev.kirchhoff.eval.symbolic.mna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kirchhoff.eval.symbolic.Complex;
import dev.kirchhoff.eval.symbolic.RationalFunction;
import dev.kirchhoff.validation.simulation.Ngspice;
import dev.kirchhoff.validation.simulation.NgspiceException;
import dev.kirchhoff.validation.simulation.NgspiceRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exact transfer functions against ngspice's own AC analysis of the same deck: magnitude within 1e-3 relative and
 * phase within 1e-3 rad at every frequency of {@code .ac dec 5 10 1e6}. The deck is parsed by {@link LinearCircuit}
 * as written (it skips the {@code .control} block), so both sides see one netlist.
 */
class NgspiceAcTest {

    private static final Pattern ROW = Pattern.compile(
            "^\\d+\\s+([-+0-9.eE]+)\\s+([-+0-9.eE]+)\\s+([-+0-9.eE]+)\\s*$", Pattern.MULTILINE);

    private static Ngspice ngspice;

    @BeforeAll
    static void locate() {
        try {
            ngspice = Ngspice.locate();
        } catch (NgspiceException e) {
            ngspice = null;
        }
    }

    private record Point(double frequency, double magnitude, double phase) {
    }

    private static String deck(String title, String elements, String output) {
        return title + "\n" + elements + """
                .ac dec 5 10 1e6
                .control
                set numdgt=12
                run
                print vm(%s) vp(%s)
                .endc
                .end
                """.formatted(output, output);
    }

    private static List<Point> simulate(String deck) throws NgspiceException {
        NgspiceRun run = ngspice.run(deck);
        List<Point> points = new ArrayList<>();
        Matcher m = ROW.matcher(run.stdout());
        while (m.find()) {
            points.add(new Point(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3))));
        }
        assertThat(points).as("ngspice printed the AC table; stderr: %s", run.stderr()).hasSize(26);
        return points;
    }

    /** Compares {@code h}, evaluated at s = j*2*pi*f with {@code values}, to every simulated point. */
    private static void assertMatches(RationalFunction h, Map<String, Complex> values, List<Point> points) {
        for (Point p : points) {
            Map<String, Complex> at = new HashMap<>(values);
            at.put("s", new Complex(0, 2 * Math.PI * p.frequency()));
            Complex v = h.evaluate(at);
            double phaseError = Math.abs(Math.IEEEremainder(Math.atan2(v.im(), v.re()) - p.phase(), 2 * Math.PI));
            assertThat(Math.abs(v.abs() - p.magnitude()) / p.magnitude())
                    .as("relative magnitude error of %s at %.4g Hz", h, p.frequency()).isLessThan(1e-3);
            assertThat(phaseError).as("phase error of %s at %.4g Hz", h, p.frequency()).isLessThan(1e-3);
        }
    }

    private static void check(String deck, String input, String output) throws NgspiceException {
        assumeTrue(ngspice != null, Ngspice.NOT_FOUND);
        List<Point> points = simulate(deck);
        LinearCircuit symbolic = LinearCircuit.parse(deck);
        // the numeric route: only s is left
        RationalFunction numeric = MnaSolver.transfer(symbolic.withNumericValues(), input, output);
        assertThat(numeric.numerator().variables()).isSubsetOf("s");
        assertThat(numeric.denominator().variables()).containsExactly("s");
        assertMatches(numeric, Map.of(), points);
        // the symbolic route, evaluated at the deck's values
        assertMatches(MnaSolver.transfer(symbolic, input, output), symbolic.numericValues(), points);
    }

    @Test
    void seriesRlcBandPass() throws NgspiceException {
        check(deck("series RLC band-pass", """
                V1 in 0 AC 1
                L1 in a 1m
                C1 a out 1u
                R1 out 0 50
                """, "out"), "V1", "out");
    }

    @Test
    void sallenKeyWithAHighGainVcvsMatchesTheIdealFormula() throws NgspiceException {
        String deck = deck("unity-gain Sallen-Key low-pass", """
                V1 in 0 AC 1
                R1 in a 10k
                R2 a b 10k
                C1 a out 20n
                C2 b 0 10n
                E1 out 0 b out 1e6
                """, "out");
        check(deck, "V1", "out");
        assumeTrue(ngspice != null, Ngspice.NOT_FOUND);
        // the ideal op-amp's textbook formula is within 1e-3 of the simulated gain-1e6 amplifier
        RationalFunction ideal = MnaSolver.transfer(LinearCircuit.parse(
                "V1 in 0\nR1 in a\nR2 a b\nC1 a out\nC2 b 0\nXU1 b out out OPAMP\n"), "V1", "out");
        assertThat(ideal.toSympy()).isEqualTo("1/(C1*C2*R1*R2*s**2 + C2*R1*s + C2*R2*s + 1)");
        assertMatches(ideal, LinearCircuit.parse(deck).numericValues(), simulate(deck));
    }

    @Test
    void rlcLadder() throws NgspiceException {
        check(deck("RLC ladder", """
                V1 in 0 AC 1
                R1 in n1 1k
                C1 n1 0 10n
                L1 n1 n2 10m
                C2 n2 0 22n
                R2 n2 n3 2.2k
                C3 n3 0 4.7n
                R3 n3 0 10k
                """, "n3"), "V1", "n3");
    }

    @Test
    void invertingActiveFilterWithFiniteGain() throws NgspiceException {
        check(deck("inverting low-pass, op-amp gain 1e5", """
                V1 in 0 AC 1
                R1 in n 1k
                R2 n out 10k
                C1 n out 10n
                E1 out 0 0 n 1e5
                """, "out"), "V1", "out");
    }

    @Test
    void controlledSourcesAndACurrentInput() throws NgspiceException {
        check(deck("transconductance and current mirrors", """
                I1 0 in AC 1
                R1 in 0 1k
                G1 0 a in 0 2m
                Ra a x 4.7k
                Vs x 0 DC 0
                F1 0 b Vs 3
                Rb b 0 1k
                Cb b 0 100n
                H1 out 0 Vs 500
                Ro out 0 10k
                """, "b"), "I1", "b");
    }
}
