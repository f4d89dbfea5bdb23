package dev.kirchhoff.validation.simulation;

import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.SimModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A knowledge-base part's SPICE text, read far enough to call it: a {@code .model} card (its name and device type)
 * or a {@code .subckt} block (its name and ports, without the {@code params:} defaults). Immutable.
 *
 * @param text the text as the knowledge base holds it
 * @param subcircuit whether it is a {@code .subckt} block (else a {@code .model} card)
 * @param name the model or subcircuit name
 * @param type the {@code .model} device type in lower case ({@code d}, {@code npn}, {@code nmos}, {@code sw});
 *     empty for a subcircuit
 * @param ports the subcircuit's ports in order; empty for a model card
 */
record ModelText(String text, boolean subcircuit, String name, String type, List<String> ports) {

    ModelText {
        ports = List.copyOf(ports);
    }

    /** The model text of {@code part}, or {@code null} when it has none or it is neither a card nor a block. */
    static ModelText of(Part part) {
        SimModel model = part == null ? null : part.model();
        return model == null ? null : parse(model.spice());
    }

    /** Reads the first line of {@code spice}; {@code null} when it is blank or starts with something else. */
    static ModelText parse(String spice) {
        if (spice == null || spice.isBlank()) {
            return null;
        }
        String text = spice.strip();
        String first = text.lines().findFirst().orElse("").strip();
        String[] tokens = first.split("\\s+");
        String keyword = tokens[0].toLowerCase(Locale.ROOT);
        if (keyword.equals(".subckt") && tokens.length >= 2) {
            List<String> ports = new ArrayList<>();
            for (int k = 2; k < tokens.length; k++) {
                String t = tokens[k];
                if (t.equalsIgnoreCase("params:") || t.contains("=")) {
                    break;
                }
                ports.add(t);
            }
            return new ModelText(text, true, tokens[1], "", ports);
        }
        if (keyword.equals(".model") && tokens.length >= 3) {
            String rest = first.substring(first.indexOf(tokens[1]) + tokens[1].length()).strip();
            int end = 0;
            while (end < rest.length() && Character.isLetterOrDigit(rest.charAt(end))) {
                end++;
            }
            return new ModelText(text, false, tokens[1], rest.substring(0, end).toLowerCase(Locale.ROOT), List.of());
        }
        return null;
    }

    /**
     * The SPICE element letter a device of this card is written with ({@code D}, {@code Q}, {@code M}), or
     * {@code '\0'} when the card is not a diode, bipolar transistor or MOSFET.
     */
    char element() {
        return switch (type) {
            case "d" -> 'D';
            case "npn", "pnp" -> 'Q';
            case "nmos", "pmos" -> 'M';
            default -> '\0';
        };
    }
}
