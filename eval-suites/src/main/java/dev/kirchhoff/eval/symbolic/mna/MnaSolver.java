package dev.kirchhoff.eval.symbolic.mna;

import dev.kirchhoff.eval.symbolic.Polynomial;
import dev.kirchhoff.eval.symbolic.RationalFunction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Exact modified nodal analysis: builds {@code A x = b} from a {@link LinearCircuit} (stamps R → 1/R, L → 1/(sL),
 * C → sC, one current unknown per voltage source, controlled voltage source and op-amp), scales each row to polynomial
 * entries and solves by Cramer's rule with division-free determinants, so the results are exact rational functions in
 * lowest terms (within the gcd budget of {@link RationalFunction}). Stateless and thread-safe.
 *
 * <pre>{@code
 * LinearCircuit c = LinearCircuit.parse("V1 in 0\nR1 in out\nR2 out 0\n");
 * MnaSolver.transfer(c, "V1", "R2").toSympy();   // R2/(R1 + R2)
 * }</pre>
 */
public final class MnaSolver {

    private MnaSolver() {
    }

    /**
     * Solves {@code circuit} with every independent source at its value (its number in a numeric circuit, else its
     * symbol, so {@code V1} stands for V1's voltage).
     *
     * @throws SingularCircuitException when the circuit has no unique solution, naming the nodes or elements at fault
     */
    public static Solution solve(LinearCircuit circuit) {
        Objects.requireNonNull(circuit, "The parameter 'circuit' must not be null.");
        Map<String, RationalFunction> values = new LinkedHashMap<>();
        for (Element e : circuit.independentSources()) {
            values.put(e.name(), circuit.value(e));
        }
        return solve(circuit, values);
    }

    /**
     * Solves {@code circuit} with {@code inputSource} at the value 1 and every other independent source off (a voltage
     * source shorted, a current source opened), so each voltage and current is a transfer function from the input.
     *
     * @throws IllegalArgumentException when {@code inputSource} is not an independent source of the circuit
     * @throws SingularCircuitException when the circuit has no unique solution
     */
    public static Solution solveFor(LinearCircuit circuit, String inputSource) {
        Objects.requireNonNull(circuit, "The parameter 'circuit' must not be null.");
        Objects.requireNonNull(inputSource, "The parameter 'inputSource' must not be null.");
        Element in = circuit.element(inputSource).filter(e -> e.kind().isIndependentSource())
                .orElseThrow(() -> new IllegalArgumentException("'" + inputSource + "' is not an independent source"
                        + " of the circuit; the input of a transfer function is one of: " + circuit.independentSources()
                        .stream().map(Element::name).collect(Collectors.joining(", ")) + "."));
        return solve(circuit, Map.of(in.name(), RationalFunction.ONE));
    }

    /**
     * The transfer function from {@code inputSource} (a V or I source) to {@code output}: the voltage across the element
     * of that name (n+ minus n-), or else the voltage of the node of that name to ground, divided by the input's value,
     * with every other independent source off.
     *
     * @throws IllegalArgumentException when the input is not an independent source or the output is neither an element
     *     nor a node
     * @throws SingularCircuitException when the circuit has no unique solution
     */
    public static RationalFunction transfer(LinearCircuit circuit, String inputSource, String output) {
        Objects.requireNonNull(output, "The parameter 'output' must not be null.");
        Solution s = solveFor(circuit, inputSource);
        return circuit.element(output).isPresent() ? s.elementVoltage(output) : s.voltage(output);
    }

    /**
     * The circuit's equations in sympy syntax, {@code Eq(lhs, rhs)}: first KCL at each node other than ground, in node
     * order (currents leaving the node on the left, independent current sources feeding it on the right), then one
     * equation per voltage-fixing element (voltage source, VCVS, CCVS, op-amp). Unknowns are {@code V_<node>} (node
     * names with characters other than letters, digits and _ replaced by _) and {@code I_<element>} for the currents
     * of voltage-fixing elements.
     */
    public static List<String> nodeEquations(LinearCircuit circuit) {
        Objects.requireNonNull(circuit, "The parameter 'circuit' must not be null.");
        return NodeEquations.of(circuit);
    }

    private static Solution solve(LinearCircuit circuit, Map<String, RationalFunction> sourceValues) {
        CircuitChecks.requireSolvable(circuit);
        MnaSystem system = new MnaSystem(circuit, sourceValues);
        Polynomial det = Determinant.of(system.a);
        if (det.isZero()) {
            throw CircuitChecks.explainSingular(circuit);
        }
        return new Solution(system, det);
    }
}
