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
            }
            if (ca.value() != null && cb.value() != null && ca.value().isNumber() && cb.value().isNumber()
                    && !close(ca.value().magnitude(), cb.value().magnitude())) {
                add(out, ca.ref() + " value " + ca.value() + " became " + cb.value());
            }
            for (int p = 0; p < ca.pins().size(); p++) {
                Pin pin = ca.pins().get(p);
                int q = cb.pinIndexByNumber(pin.number());
                if (q < 0) {
                    add(out, ca.ref() + ":" + pin.number() + " has no counterpart on " + refB);
                    continue;
                }
                String na = a.netAt(i, p);
                String nb = b.netAt(j, q);
                if (na == null || nb == null) {
                    if (na != nb) {
                        add(out, ca.ref() + ":" + pin.number() + " is " + (na == null ? "unconnected" : "on " + na)
                                + " but " + refB + ":" + pin.number() + " is "
                                + (nb == null ? "unconnected" : "on " + nb));
                    }
                    continue;
                }
                String mapped = netMap.putIfAbsent(na, nb);
                String back = reverse.putIfAbsent(nb, na);
                if (mapped != null && !mapped.equals(nb) || back != null && !back.equals(na)) {
                    add(out, ca.ref() + ":" + pin.number() + " is on " + na + " but " + refB + ":" + pin.number()
                            + " is on " + nb + ", which holds pins of " + (back != null ? back : mapped));
                }
            }
            if (cb.pins().size() != ca.pins().size()) {
                add(out, ca.ref() + " has " + ca.pins().size() + " pins but " + refB + " has " + cb.pins().size());
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
