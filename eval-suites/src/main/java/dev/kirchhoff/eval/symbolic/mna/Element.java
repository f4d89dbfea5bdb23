package dev.kirchhoff.eval.symbolic.mna;

import dev.kirchhoff.eval.symbolic.RationalFunction;
import java.util.List;
import java.util.Objects;

/**
 * One element of a {@link LinearCircuit}. Immutable.
 *
 * @param name the reference designator as written ({@code R1}, {@code XU1})
 * @param kind what it is
 * @param nodes its nodes: n+ and n- for two-terminal elements and CCCS/CCVS; n+, n-, nc+, nc- for VCVS/VCCS;
 *     out, ref, in+, in- for an op-amp. Ground is {@code "0"}.
 * @param control the voltage source whose current controls a CCCS/CCVS, else null
 * @param symbol the symbol that stands for its value: the value as written when that is a name ({@code gm}), else
 *     the element's name; null for an ideal op-amp
 * @param numeric the value as an exact number when it was written as one ({@code 4.7k} is 4700), else null
 * @param line the netlist line it was read from (1-based)
 */
public record Element(String name, ElementKind kind, List<String> nodes, String control, String symbol,
        RationalFunction numeric, int line) {

    public Element {
        Objects.requireNonNull(name, "The parameter 'name' must not be null.");
        Objects.requireNonNull(kind, "The parameter 'kind' must not be null.");
        nodes = List.copyOf(nodes);
    }

    /** The positive node (an op-amp's output). */
    public String plus() {
        return nodes.get(0);
    }

    /** The negative node (an op-amp's reference, ground). */
    public String minus() {
        return nodes.get(1);
    }

    /** Whether this is an op-amp without a finite gain. */
    public boolean isIdealOpAmp() {
        return kind == ElementKind.OPAMP && symbol == null;
    }

    /**
     * The value: the number when {@code useNumbers} and there is one, else the symbol. A value written as 0 stays 0
     * (a 0 V source is an ammeter for a current-controlled source, not a symbol).
     */
    public RationalFunction value(boolean useNumbers) {
        if (numeric != null && (useNumbers || numeric.isZero())) {
            return numeric;
        }
        if (symbol == null) {
            throw new IllegalStateException(name + " is an ideal op-amp and has no gain value.");
        }
        return RationalFunction.variable(symbol);
    }
}
