package dev.kirchhoff.eval.symbolic.mna;

import dev.kirchhoff.eval.symbolic.RationalFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Writes a circuit's KCL and branch equations in sympy syntax; see {@link MnaSolver#nodeEquations}. */
final class NodeEquations {

    private static final Pattern ATOM = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|\\d+");

    private NodeEquations() {
    }

    static List<String> of(LinearCircuit c) {
        List<String> out = new ArrayList<>();
        for (String node : c.nodes()) {
            List<String> leaving = new ArrayList<>();
            List<String> fed = new ArrayList<>();
            for (Element e : c.elements()) {
                boolean plus = e.plus().equals(node);
                boolean minus = e.minus().equals(node);
                if (plus == minus) {
                    continue; // not connected, or both ends here: no net current
                }
                String other = plus ? e.minus() : e.plus();
                String sign = plus ? "" : "-";
                switch (e.kind()) {
                    case RESISTOR -> leaving.add(over(diff(node, other), value(c, e)));
                    case CAPACITOR -> leaving.add(atom(value(c, e)) + "*s*" + group(diff(node, other)));
                    case INDUCTOR -> leaving.add(over(diff(node, other), "(" + atom(value(c, e)) + "*s)"));
                    case VOLTAGE_SOURCE, VCVS, CCVS, OPAMP -> leaving.add(sign + current(e.name()));
                    case CURRENT_SOURCE -> fed.add((plus ? "-" : "") + atom(value(c, e)));
                    case VCCS -> leaving.add(sign + atom(value(c, e)) + "*"
                            + group(diff(e.nodes().get(2), e.nodes().get(3))));
                    case CCCS -> leaving.add(sign + atom(value(c, e)) + "*" + current(c.element(e.control())
                            .orElseThrow().name()));
                }
            }
            out.add("Eq(" + sum(leaving) + ", " + sum(fed) + ")");
        }
        for (Element e : c.elements()) {
            String v = diff(e.plus(), e.minus());
            switch (e.kind()) {
                case VOLTAGE_SOURCE -> out.add("Eq(" + v + ", " + value(c, e) + ")");
                case VCVS -> out.add("Eq(" + v + ", " + atom(value(c, e)) + "*"
                        + group(diff(e.nodes().get(2), e.nodes().get(3))) + ")");
                case CCVS -> out.add("Eq(" + v + ", " + atom(value(c, e)) + "*"
                        + current(c.element(e.control()).orElseThrow().name()) + ")");
                case OPAMP -> out.add(e.isIdealOpAmp()
                        ? "Eq(" + voltage(e.nodes().get(2)) + ", " + voltage(e.nodes().get(3)) + ")"
                        : "Eq(" + v + ", " + atom(value(c, e)) + "*" + group(diff(e.nodes().get(2), e.nodes().get(3)))
                                + ")");
                default -> {
                }
            }
        }
        return out;
    }

    /** The sympy name of a node's voltage: {@code V_out}, {@code 0} for ground. */
    static String voltage(String node) {
        return node.equals(LinearCircuit.GROUND) ? "0" : "V_" + node.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** The sympy name of an element's current: {@code I_V1}. */
    static String current(String element) {
        return "I_" + element;
    }

    private static String value(LinearCircuit c, Element e) {
        RationalFunction v = c.value(e);
        return v.toSympy();
    }

    private static String diff(String a, String b) {
        boolean ga = a.equals(LinearCircuit.GROUND);
        boolean gb = b.equals(LinearCircuit.GROUND);
        if (ga && gb) {
            return "0";
        }
        if (gb) {
            return voltage(a);
        }
        if (ga) {
            return "-" + voltage(b);
        }
        return voltage(a) + " - " + voltage(b);
    }

    private static String over(String numerator, String denominator) {
        return group(numerator) + "/" + atom(denominator);
    }

    private static String atom(String s) {
        return ATOM.matcher(s).matches() || (s.startsWith("(") && s.endsWith(")") && balanced(s)) ? s : "(" + s + ")";
    }

    private static String group(String s) {
        return ATOM.matcher(s).matches() ? s : "(" + s + ")";
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            depth += s.charAt(i) == '(' ? 1 : s.charAt(i) == ')' ? -1 : 0;
            if (depth == 0 && i < s.length() - 1) {
                return false;
            }
        }
        return true;
    }

    private static String sum(List<String> terms) {
        if (terms.isEmpty()) {
            return "0";
        }
        StringBuilder sb = new StringBuilder(terms.get(0));
        for (String t : terms.subList(1, terms.size())) {
            sb.append(t.startsWith("-") ? " - " + t.substring(1) : " + " + t);
        }
        return sb.toString();
    }
}
