package dev.kirchhoff.schematic.render.svg;

import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.ModelCard;
import dev.kirchhoff.schematic.model.Pin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The symbol a component is drawn with and which of its pins lands on which of the symbol's terminals. Falls back
 * to {@link Symbol#BOX} when the pins cannot be matched to the terminals.
 *
 * @param symbol the symbol
 * @param pinOfTerminal for each terminal name of the symbol, the index of the component pin drawn there (terminals
 *     without a pin, like a three-pin MOSFET's bulk, are absent); empty for a box
 */
record SymbolChoice(Symbol symbol, Map<String, Integer> pinOfTerminal) {

    // PNP transistors and P-channel MOSFETs by common part number: the polarity a model name alone reveals.
    private static final Set<String> PNP_PARTS = Set.of("2N3906", "2N2907", "2N2907A", "BC557", "BC558", "BC327",
            "BC328", "BC556", "TIP42", "TIP42C", "TIP32", "TIP32C", "TIP127", "S8550", "MMBT3906", "2N4403",
            "BD140", "BC807", "BC857");
    private static final Set<String> PMOS_PARTS = Set.of("IRF9540", "IRF9540N", "IRF9530", "IRF4905", "NDP6020P",
            "AO3401", "AO3407", "SI2301", "BSS84", "FQP27P06", "IRF9Z34N", "DMG2305UX", "IRLML6402");

    static SymbolChoice of(Circuit circuit, Component c, Function<Component, Symbol> hints) {
        Symbol hinted = hints == null ? null : hints.apply(c);
        Symbol symbol = hinted != null ? hinted : defaultSymbol(circuit, c);
        if (symbol == Symbol.BOX || (c.kind() == ComponentKind.PART && c.pins().size() > 3 && hinted != null
                && symbol.terminals().size() < c.pins().size())) {
            return box();
        }
        Map<String, Integer> map = match(c, symbol);
        return map == null ? box() : new SymbolChoice(symbol, map);
    }

    private static SymbolChoice box() {
        return new SymbolChoice(Symbol.BOX, Map.of());
    }

    static Symbol defaultSymbol(Circuit circuit, Component c) {
        return switch (c.kind()) {
            case RESISTOR -> Symbol.RESISTOR;
            case CAPACITOR -> Symbol.CAPACITOR;
            case INDUCTOR -> Symbol.INDUCTOR;
            case DIODE -> Symbol.DIODE;
            case LED -> Symbol.LED;
            case BJT -> polarity(circuit, c, "pnp", PNP_PARTS) ? Symbol.PNP : Symbol.NPN;
            case MOSFET -> polarity(circuit, c, "pmos", PMOS_PARTS) ? Symbol.PMOS : Symbol.NMOS;
            case VOLTAGE_SOURCE -> Symbol.VOLTAGE_SOURCE;
            case CURRENT_SOURCE -> Symbol.CURRENT_SOURCE;
            case VOLTAGE_SWITCH, CURRENT_SWITCH -> c.pins().size() == 2 ? Symbol.SWITCH : Symbol.BOX;
            default -> Symbol.BOX;
        };
    }

    /**
     * Whether the device is of the second polarity (PNP, P-channel): from a {@code polarity}/{@code type} property,
     * the model card's type, or the model or part name.
     */
    private static boolean polarity(Circuit circuit, Component c, String pType, Set<String> pParts) {
        for (String key : List.of("polarity", "type", "channel")) {
            String v = c.property(key);
            if (v != null) {
                String l = v.toLowerCase(Locale.ROOT);
                return l.equals(pType) || l.equals("p") || l.startsWith("p-") || l.equals("pchannel");
            }
        }
        if (c.model() != null) {
            Optional<ModelCard> card = circuit.model(c.model());
            if (card.isPresent()) {
                return card.get().type().toLowerCase(Locale.ROOT).startsWith(pType);
            }
        }
        for (String name : new String[] {c.model(), c.part()}) {
            if (name == null) {
                continue;
            }
            String u = name.toUpperCase(Locale.ROOT);
            String l = name.toLowerCase(Locale.ROOT);
            if (pParts.contains(u) || l.contains(pType) || l.startsWith("pch") || l.contains("p-ch")
                    || l.contains("pchannel") || l.contains("p-channel")) {
                return true;
            }
            for (String p : pParts) {
                if (u.startsWith(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Matches pins to terminals; {@code null} when a pin would be left without a terminal. */
    private static Map<String, Integer> match(Component c, Symbol symbol) {
        List<Pin> pins = c.pins();
        if (pins.isEmpty() || pins.size() > symbol.terminals().size()) {
            return null;
        }
        Map<String, Integer> map = new LinkedHashMap<>();
        boolean[] used = new boolean[pins.size()];
        // first by the primitive's own terminal names (MOSFET D G S B, diode A K, source + -)
        if (c.kind().isPrimitive()) {
            for (String t : symbol.terminals()) {
                String kindTerminal = kindTerminal(symbol, t);
                int i = kindTerminal == null ? -1 : c.terminalIndex(kindTerminal);
                if (i >= 0 && !used[i]) {
                    map.put(t, i);
                    used[i] = true;
                }
            }
        }
        // then by the names parts use for such terminals
        for (String t : symbol.terminals()) {
            if (map.containsKey(t)) {
                continue;
            }
            for (int i = 0; i < pins.size(); i++) {
                if (!used[i] && aliases(symbol, t).contains(norm(pins.get(i).name()))) {
                    map.put(t, i);
                    used[i] = true;
                    break;
                }
            }
        }
        // what is left goes in pin order to the terminals left, except optional ones (bulk)
        for (String t : symbol.terminals()) {
            if (map.containsKey(t) || t.equals("B") && (symbol == Symbol.NMOS || symbol == Symbol.PMOS)) {
                continue;
            }
            for (int i = 0; i < pins.size(); i++) {
                if (!used[i]) {
                    map.put(t, i);
                    used[i] = true;
                    break;
                }
            }
        }
        for (boolean u : used) {
            if (!u) {
                return null;
            }
        }
        return map;
    }

    private static String kindTerminal(Symbol symbol, String t) {
        return switch (symbol) {
            case POLARIZED_CAPACITOR, BATTERY -> t.equals("+") ? "1" : "2";
            case POTENTIOMETER, BUTTON, SWITCH -> null;
            default -> t;
        };
    }

    private static String norm(String name) {
        return name.toUpperCase(Locale.ROOT).replace(" ", "").replace("_", "");
    }

    private static Set<String> aliases(Symbol symbol, String terminal) {
        return switch (terminal) {
            case "+" -> Set.of("+", "POS", "PLUS", "V+", "VCC", "VIN", "ANODE", "A", "1", "RED", "BAT+");
            case "-" -> Set.of("-", "NEG", "MINUS", "V-", "GND", "CATHODE", "K", "2", "BLACK", "BAT-");
            // numbered diode pins follow KiCad's Device:D and Device:LED: 1 is the cathode
            case "A" -> Set.of("A", "ANODE", "+", "AN", "LONG", "2");
            case "K" -> Set.of("K", "C", "CATHODE", "-", "CA", "SHORT", "1");
            case "W" -> Set.of("W", "WIPER", "2", "SIG", "OUT", "S");
            case "G" -> Set.of("G", "GATE");
            case "D" -> Set.of("D", "DRAIN");
            case "S" -> Set.of("S", "SOURCE");
            case "B" -> symbol == Symbol.NPN || symbol == Symbol.PNP ? Set.of("B", "BASE") : Set.of("B", "BULK");
            case "C" -> Set.of("C", "COLLECTOR");
            case "E" -> Set.of("E", "EMITTER");
            default -> Set.of(terminal);
        };
    }
}
