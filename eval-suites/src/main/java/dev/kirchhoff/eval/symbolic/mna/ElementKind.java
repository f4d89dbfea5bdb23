package dev.kirchhoff.eval.symbolic.mna;

/** The kinds of element symbolic analysis handles, with the netlist letter that introduces each. */
public enum ElementKind {
    /** {@code R1 n+ n- [value]}: admittance 1/R. */
    RESISTOR,
    /** {@code C1 n+ n- [value]}: admittance sC. */
    CAPACITOR,
    /** {@code L1 n+ n- [value]}: admittance 1/(sL). */
    INDUCTOR,
    /** {@code V1 n+ n- [DC v] [AC mag]}: independent voltage source; its current is an unknown. */
    VOLTAGE_SOURCE,
    /** {@code I1 n+ n- [DC v] [AC mag]}: independent current source, flowing from n+ through it to n-. */
    CURRENT_SOURCE,
    /** {@code E1 n+ n- nc+ nc- gain}: voltage-controlled voltage source. */
    VCVS,
    /** {@code G1 n+ n- nc+ nc- gm}: voltage-controlled current source, current from n+ through it to n-. */
    VCCS,
    /** {@code F1 n+ n- Vsense gain}: current-controlled current source. */
    CCCS,
    /** {@code H1 n+ n- Vsense r}: current-controlled voltage source. */
    CCVS,
    /**
     * An op-amp, nodes out, ref, in+, in-: {@code E1 out ref opamp in+ in- [Ad]} or {@code XU1 in+ in- out OPAMP [Ad]}
     * (ref is ground). Without Ad it is ideal (virtual short: V(in+) = V(in-), output current unknown); with Ad,
     * V(out) - V(ref) = Ad*(V(in+) - V(in-)).
     */
    OPAMP;

    /** Whether the element fixes a voltage and so has its current as an extra unknown of the MNA system. */
    public boolean hasBranchCurrent() {
        return this == VOLTAGE_SOURCE || this == VCVS || this == CCVS || this == OPAMP;
    }

    /** Whether the element is an independent source. */
    public boolean isIndependentSource() {
        return this == VOLTAGE_SOURCE || this == CURRENT_SOURCE;
    }
}
