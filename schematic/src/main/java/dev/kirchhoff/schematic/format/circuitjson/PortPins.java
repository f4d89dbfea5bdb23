package dev.kirchhoff.schematic.format.circuitjson;

import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Pin;
import dev.kirchhoff.schematic.model.PinType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the ports of one component into pins. A primitive's ports are matched to its terminals by port name
 * ({@code drain}, {@code anode}, {@code pin1}), then by port hint, then by tscircuit's pin order, and get the
 * standard pin numbers and terminal names of the model (a diode's anode is pin 2 {@code A}, as in KiCad, and still
 * answers to {@code anode}); anything else keeps
 * {@code pin_number} (or its position) as the number and the port name as the name. Stateless.
 */
final class PortPins {

    private PortPins() {
    }

    /** The result: one pin per port, in port order, and whether numbers had to be made up to keep them unique. */
    record Result(List<Pin> pins, boolean renumbered) {
    }

    static Result pins(ComponentKind kind, char polarity, List<Port> ports) {
        int n = ports.size();
        String[] number = new String[n];
        String[] name = new String[n];
        boolean allExplicit = true;
        for (int i = 0; i < n; i++) {
            Port p = ports.get(i);
            if (p.explicitPin() != null) {
                number[i] = p.explicitPin();
                name[i] = p.explicitName() != null ? p.explicitName() : p.name();
            } else {
                allExplicit = false;
            }
        }
        if (!allExplicit && !(kind.isPrimitive() && byTerminal(kind, polarity, ports, number, name))) {
            generic(ports, number, name);
        }
        boolean renumbered = makeUnique(number);
        List<Pin> pins = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pins.add(Pin.of(number[i], name[i], PinType.PASSIVE));
        }
        return new Result(pins, renumbered);
    }

    private static boolean byTerminal(ComponentKind kind, char polarity, List<Port> ports, String[] number,
                                      String[] name) {
        int n = ports.size();
        String[] terminal = new String[n];
        Set<String> used = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Port p = ports.get(i);
            if (number[i] != null) {
                continue;
            }
            String t = match(kind, p.name());
            for (int h = 0; t == null && h < p.hints().size(); h++) {
                t = match(kind, p.hints().get(h));
            }
            if (t == null) {
                int position = p.pinNumber() != null ? p.pinNumber() : i + 1;
                t = Ftypes.terminalAt(kind, polarity, position);
            }
            if (t == null || !used.add(t)) {
                return false;
            }
            terminal[i] = t;
        }
        for (int i = 0; i < n; i++) {
            if (terminal[i] == null) {
                continue;
            }
            String standard = Ftypes.standardNumber(kind, terminal[i]);
            if (standard == null) {
                return false;
            }
            number[i] = standard;
            name[i] = terminal[i];
        }
        return true;
    }

    /** The one terminal of {@code kind} that {@code word} names, or {@code null} when none or several do. */
    static String match(ComponentKind kind, String word) {
        if (word == null || word.isEmpty()) {
            return null;
        }
        String found = null;
        for (String t : Ftypes.terminals(kind)) {
            if (kind.isTerminal(t, word)) {
                if (found != null) {
                    return null;
                }
                found = t;
            }
        }
        return found;
    }

    private static void generic(List<Port> ports, String[] number, String[] name) {
        for (int i = 0; i < ports.size(); i++) {
            Port p = ports.get(i);
            if (p.explicitPin() != null) {
                continue;
            }
            number[i] = p.pinNumber() != null ? p.pinNumber().toString() : Integer.toString(i + 1);
            name[i] = p.name();
        }
    }

    /** Gives later duplicates (and blanks) the next free number; true when anything changed. */
    private static boolean makeUnique(String[] number) {
        Set<String> seen = new HashSet<>();
        boolean changed = false;
        int next = 1;
        for (int i = 0; i < number.length; i++) {
            if (number[i] != null && !number[i].isBlank() && seen.add(number[i])) {
                continue;
            }
            while (seen.contains(Integer.toString(next)) || contains(number, Integer.toString(next), i)) {
                next++;
            }
            number[i] = Integer.toString(next);
            seen.add(number[i]);
            changed = true;
        }
        return changed;
    }

    private static boolean contains(String[] a, String s, int from) {
        for (int i = from + 1; i < a.length; i++) {
            if (s.equals(a[i])) {
                return true;
            }
        }
        return false;
    }
}
