package dev.kirchhoff.schematic.format;

import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Pin;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which a component's pins are written as nodes in SPICE and Spectre: a primitive's terminals in the
 * simulator's order (MOSFET D G S B, diode A K), found by pin name so a KiCad transistor numbered E=1 B=2 C=3
 * still comes out as C B E; any other component's pins as listed. Results are cached per pin list, which readers
 * share among components. Not thread-safe: one per write.
 */
public final class NodeOrder {

    /** Marks a MOSFET's missing bulk terminal; writers tie it to the source. */
    public static final int MISSING_BULK = -2;

    private record Entry(ComponentKind kind, int[] order) {
    }

    private final Map<List<Pin>, Entry> cache = new IdentityHashMap<>();

    /** Pin indexes of {@code c} in node order; {@link #MISSING_BULK} where a three-pin MOSFET needs its bulk. */
    public int[] of(Component c) {
        Entry hit = cache.get(c.pins());
        if (hit != null && hit.kind() == c.kind()) {
            return hit.order();
        }
        int[] order = compute(c);
        cache.put(c.pins(), new Entry(c.kind(), order));
        return order;
    }

    private static int[] compute(Component c) {
        int n = c.pins().size();
        List<Integer> result = new ArrayList<>();
        boolean[] used = new boolean[n];
        boolean matched = c.kind().isPrimitive();
        if (matched) {
            for (String terminal : c.kind().terminalOrder()) {
                int idx = c.terminalIndex(terminal);
                if (idx >= 0 && !used[idx]) {
                    result.add(idx);
                    used[idx] = true;
                } else if (c.kind() == ComponentKind.MOSFET && terminal.equals("B") && n == 3) {
                    result.add(MISSING_BULK);
                } else if (result.size() < n) {
                    matched = false;
                    break;
                }
            }
        }
        if (!matched) {
            result.clear();
            for (int i = 0; i < n; i++) {
                result.add(i);
            }
        } else {
            for (int i = 0; i < n; i++) {
                if (!used[i]) {
                    result.add(i);
                }
            }
        }
        return result.stream().mapToInt(Integer::intValue).toArray();
    }
}
