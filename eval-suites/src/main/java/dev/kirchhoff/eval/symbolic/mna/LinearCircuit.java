package dev.kirchhoff.eval.symbolic.mna;

import dev.kirchhoff.eval.symbolic.Complex;
import dev.kirchhoff.eval.symbolic.RationalFunction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A linear circuit for modified nodal analysis, read from a SPICE-like netlist. Immutable and thread-safe.
 *
 * <p>{@link #parse(String)} keeps every element's value as a symbol (its name, or the name written as its value), the
 * way CircuitSense states its problems; {@link #withNumericValues()} gives the same circuit with the values that were
 * written as numbers substituted, for checking against ngspice:
 * <pre>{@code
 * LinearCircuit c = LinearCircuit.parse("""
 *     V1 in 0 AC 1
 *     R1 in out 1k
 *     C1 out 0 100n
 *     """);
 * MnaSolver.transfer(c, "V1", "out").toSympy();                      // 1/(C1*R1*s + 1)
 * MnaSolver.transfer(c.withNumericValues(), "V1", "out").toSympy();  // 10000/(s + 10000)
 * }</pre>
 *
 * <h2>Netlist syntax</h2>
 * One element per line; {@code *} starts a comment line, {@code ;} a comment to the end of the line, {@code +} continues
 * the previous line. The first line is a title unless it is an element connected to the rest. Directives
 * ({@code .ac}, {@code .op}, {@code .tran}, {@code .param}, ...) are ignored, as are {@code .control ... .endc} and
 * {@code .subckt ... .ends} blocks; {@code .end} ends the netlist. Node {@code 0} or {@code gnd} is ground.
 * Values are SPICE numbers ({@code 1k}, {@code 10u}, {@code 2.2meg}, {@code 1e-9}, units after the scale ignored) or
 * symbol names ({@code R}, {@code gm}, {@code {Rload}}).
 * <ul>
 *   <li>{@code R1 n+ n- [value]}, {@code C1 ...}, {@code L1 ...}</li>
 *   <li>{@code V1 n+ n- [DC v] [AC mag]}, {@code I1 n+ n- ...} (current flows from n+ through the source to n-)</li>
 *   <li>{@code E1 n+ n- nc+ nc- gain} (VCVS), {@code G1 n+ n- nc+ nc- gm} (VCCS)</li>
 *   <li>{@code F1 n+ n- Vsense gain} (CCCS), {@code H1 n+ n- Vsense r} (CCVS); {@code Vsense} is a voltage source</li>
 *   <li>{@code W n1 n2}: a wire, merging n1 and n2 (lcapy); {@code O} (open circuit) and {@code P} (port) lines are
 *       ignored</li>
 *   <li>op-amps, lcapy style {@code E1 out ref opamp in+ in- [Ad]} or as a subcircuit call
 *       {@code XU1 in+ in- out OPAMP [Ad=gain]}; without a gain the op-amp is ideal (virtual short)</li>
 * </ul>
 */
public final class LinearCircuit {

    /** The name of the ground node. */
    public static final String GROUND = "0";

    private final String title;
    private final List<Element> elements;
    private final boolean numeric;
    private final Map<String, Element> byName;
    private final List<String> nodes;
    private final Map<String, String> aliases;

    LinearCircuit(String title, List<Element> elements, boolean numeric, Map<String, String> aliases) {
        this.aliases = Map.copyOf(aliases);
        this.title = Objects.requireNonNull(title, "The parameter 'title' must not be null.");
        this.elements = List.copyOf(elements);
        this.numeric = numeric;
        Map<String, Element> names = new LinkedHashMap<>();
        Set<String> ns = new LinkedHashSet<>();
        for (Element e : this.elements) {
            names.put(e.name().toUpperCase(Locale.ROOT), e);
            for (String n : e.nodes()) {
                if (!n.equals(GROUND)) {
                    ns.add(n);
                }
            }
        }
        this.byName = names;
        this.nodes = List.copyOf(ns);
    }

    /**
     * Reads {@code netlist}, keeping every value as a symbol.
     *
     * @throws NetlistException naming the line and what to change, for an element symbolic analysis does not handle
     *     (transistors, diodes, coupled inductors, other subcircuits) or a malformed line
     */
    public static LinearCircuit parse(String netlist) {
        Objects.requireNonNull(netlist, "The parameter 'netlist' must not be null.");
        return NetlistParser.parse(netlist);
    }

    /** This circuit with the values written as numbers substituted for their symbols; symbolic values stay. */
    public LinearCircuit withNumericValues() {
        return numeric ? this : new LinearCircuit(title, elements, true, aliases);
    }

    /** This circuit with every value kept as a symbol. */
    public LinearCircuit withSymbolicValues() {
        return numeric ? new LinearCircuit(title, elements, false, aliases) : this;
    }

    /** Whether numeric values are substituted. */
    public boolean isNumeric() {
        return numeric;
    }

    /** The title line, or empty. */
    public String title() {
        return title;
    }

    /** The elements in netlist order. */
    public List<Element> elements() {
        return elements;
    }

    /** The nodes other than ground, in order of first appearance. */
    public List<String> nodes() {
        return nodes;
    }

    /**
     * The node names that wires ({@code W} lines) merged into another node, each with the node that stands for it;
     * {@link Solution#voltage(String)} accepts either.
     */
    public Map<String, String> aliases() {
        return aliases;
    }

    /** The name {@code node} goes by in {@link #nodes()}: itself, ground for {@code gnd}, or the node a wire merged it into. */
    public String canonicalNode(String node) {
        String n = node.equals(GROUND) || node.equalsIgnoreCase("gnd") ? GROUND : node;
        return aliases.getOrDefault(n, n);
    }

    /** The element named {@code name} (case-insensitive, as in SPICE). */
    public Optional<Element> element(String name) {
        return Optional.ofNullable(byName.get(name.toUpperCase(Locale.ROOT)));
    }

    /** The value an element stands for in this circuit: its number when numeric and there is one, else its symbol. */
    public RationalFunction value(Element e) {
        return e.value(numeric);
    }

    /**
     * The numbers written in the netlist, by symbol ({@code R1 -> 1000.0}), for evaluating a symbolic result at the
     * netlist's values. Together with {@code s} they cover every symbol of a circuit whose values were all numbers.
     */
    public Map<String, Complex> numericValues() {
        Map<String, Complex> m = new LinkedHashMap<>();
        for (Element e : elements) {
            if (e.numeric() != null && e.symbol() != null) {
                BigInteger n = e.numeric().numerator().constantTerm();
                BigInteger d = e.numeric().denominator().constantTerm();
                m.put(e.symbol(), Complex.real(new java.math.BigDecimal(n).divide(new java.math.BigDecimal(d),
                        java.math.MathContext.DECIMAL64).doubleValue()));
            }
        }
        return m;
    }

    /** The independent sources, in netlist order. */
    public List<Element> independentSources() {
        List<Element> out = new ArrayList<>();
        for (Element e : elements) {
            if (e.kind().isIndependentSource()) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "LinearCircuit[" + (title.isEmpty() ? "" : title + ", ") + elements.size() + " elements, nodes "
                + nodes + (numeric ? ", numeric" : ", symbolic") + "]";
    }
}
