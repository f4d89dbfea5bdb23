package dev.kirchhoff.schematic.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the connectivity of two circuits: the same components (after renames), the same kinds, and the same
 * pin-to-net incidence up to net renaming. This is the guarantee every conversion gives; {@code convert --verify}
 * and the round-trip tests check it. Stateless.
 */
public final class Connectivity {

    private static final int MAX_REPORTED = 20;

    private Connectivity() {
    }

    /**
     * The differences between {@code a} and {@code b}, empty when they are isomorphic. {@code renames} maps
     * reference designators in {@code a} to those in {@code b}; absent ones are the same. Only the top level is
     * compared; subcircuit definitions are compared by name and port count.
     */
    public static List<String> differences(Circuit a, Circuit b, Map<String, String> renames) {
        List<String> out = new ArrayList<>();
        Map<String, String> netMap = new HashMap<>();
        Map<String, String> reverse = new HashMap<>();
        int[] sizesA = netSizes(a);
        int[] sizesB = netSizes(b);
        if (a.components().size() != b.components().size()) {
            add(out, "component count differs: " + a.components().size() + " vs " + b.components().size());
        }
        for (int i = 0; i < a.components().size(); i++) {
            Component ca = a.components().get(i);
            String refB = renames.getOrDefault(ca.ref(), ca.ref());
            int j = b.indexOf(refB);
            if (j < 0) {
                add(out, "component " + ca.ref() + (refB.equals(ca.ref()) ? "" : " (as " + refB + ")")
                        + " is missing");
                continue;
            }
            Component cb = b.components().get(j);
            if (!sameKind(ca.kind(), cb.kind())) {
                add(out, ca.ref() + " is a " + ca.kind().description() + " but " + refB + " is a "
                        + cb.kind().description());
                continue;
            }
            if (ca.value() != null && cb.value() != null && ca.value().isNumber() && cb.value().isNumber()
                    && !close(ca.value().magnitude(), cb.value().magnitude())) {
                add(out, ca.ref() + " value " + ca.value() + " became " + cb.value());
            }
            if (cb.pins().size() != ca.pins().size()) {
                add(out, ca.ref() + " has " + ca.pins().size() + " pins but " + refB + " has " + cb.pins().size());
            }
            for (int p = 0; p < ca.pins().size(); p++) {
                Pin pin = ca.pins().get(p);
                int q = counterpart(ca, p, cb);
                if (q < 0) {
                    add(out, ca.ref() + ":" + pin.number() + " has no counterpart on " + refB);
                    continue;
                }
                String na = connected(a, i, p, sizesA);
                String nb = connected(b, j, q, sizesB);
                String where = ca.ref() + ":" + pin.label();
                if (na == null || nb == null) {
                    if (na != nb) {
                        add(out, where + " is " + (na == null ? "unconnected" : "on " + na) + " but " + refB + ":"
                                + cb.pins().get(q).label() + " is " + (nb == null ? "unconnected" : "on " + nb));
                    }
                    continue;
                }
                String mapped = netMap.putIfAbsent(na, nb);
                String back = reverse.putIfAbsent(nb, na);
                if (mapped != null && !mapped.equals(nb) || back != null && !back.equals(na)) {
                    add(out, where + " is on " + na + " but " + refB + ":" + cb.pins().get(q).label() + " is on " + nb
                            + ", which holds pins of " + (back != null ? back : mapped));
                }
            }
        }
        if (a.subcircuits().size() != b.subcircuits().size()) {
            add(out, "subcircuit count differs: " + a.subcircuits().size() + " vs " + b.subcircuits().size());
        }
        if (out.size() > MAX_REPORTED) {
            int more = out.size() - MAX_REPORTED;
            out = new ArrayList<>(out.subList(0, MAX_REPORTED));
            out.add("… and " + more + " more");
        }
        return out;
    }

    /**
     * The pin of {@code b} that is pin {@code p} of {@code a}: for primitives the same terminal (a KiCad BJT
     * numbered E=1 B=2 C=3 and a SPICE one numbered C=1 B=2 E=3 have the same collector), for parts written as
     * subcircuit calls the same position, otherwise the same number.
     */
    private static int counterpart(Component a, int p, Component b) {
        if (a.kind().isPrimitive() && a.kind() == b.kind() || a.kind().isPrimitive() && sameKind(a.kind(), b.kind())
                && b.kind().isPrimitive()) {
            for (String terminal : a.kind().terminalOrder()) {
                if (a.terminalIndex(terminal) == p) {
                    int q = b.terminalIndex(terminal);
                    if (q >= 0) {
                        return q;
                    }
                }
            }
        }
        if (positional(a, b) && a.kind() != b.kind()) {
            return p;
        }
        int q = b.pinIndexByNumber(a.pins().get(p).number());
        if (q < 0 && positional(a, b)) {
            q = p;
        }
        return q;
    }

    /** The net of a pin, or {@code null} when the pin is unconnected or alone on its net (which connects nothing). */
    private static String connected(Circuit c, int component, int pin, int[] sizes) {
        int id = c.netIdAt(component, pin);
        if (id < 0 || sizes[id] < 2) {
            return null;
        }
        return c.netNames().get(id);
    }

    private static int[] netSizes(Circuit c) {
        int[] sizes = new int[c.netNames().size()];
        for (int i = 0; i < c.components().size(); i++) {
            for (int p = 0; p < c.components().get(i).pins().size(); p++) {
                int id = c.netIdAt(i, p);
                if (id >= 0) {
                    sizes[id]++;
                }
            }
        }
        return sizes;
    }

    private static boolean positional(Component a, Component b) {
        boolean callA = a.kind() == ComponentKind.PART || a.kind() == ComponentKind.SUBCIRCUIT;
        boolean callB = b.kind() == ComponentKind.PART || b.kind() == ComponentKind.SUBCIRCUIT;
        return callA && callB && a.pins().size() == b.pins().size();
    }

    private static boolean sameKind(ComponentKind a, ComponentKind b) {
        return a == b || a == ComponentKind.DIODE && b == ComponentKind.LED
                || a == ComponentKind.LED && b == ComponentKind.DIODE
                || a == ComponentKind.PART && b == ComponentKind.SUBCIRCUIT
                || a == ComponentKind.SUBCIRCUIT && b == ComponentKind.PART;
    }

    private static boolean close(double x, double y) {
        return x == y || Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y));
    }

    private static void add(List<String> out, String s) {
        out.add(s);
    }

    /** Whether {@code a} and {@code b} have the same connectivity (see {@link #differences}). */
    public static boolean isomorphic(Circuit a, Circuit b, Map<String, String> renames) {
        return differences(a, b, renames).isEmpty();
    }
}
