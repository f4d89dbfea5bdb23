package dev.kirchhoff.schematic.format;

import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.ModelCard;
import dev.kirchhoff.schematic.model.Parameter;
import dev.kirchhoff.schematic.units.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Device model types in SPICE ({@code nmos} with {@code level=8}) and Spectre ({@code bsim3v3} with
 * {@code type=n}), the translation between them, and the polarity of a transistor. Stateless.
 */
public final class ModelTypes {

    private ModelTypes() {
    }

    /** Whether {@code type} is a SPICE model type. */
    public static boolean isSpiceType(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "r", "c", "l", "d", "npn", "pnp", "lpnp", "nmos", "pmos", "njf", "pjf", "nmf", "pmf", "sw", "csw",
                    "ltra", "urc", "vdmos", "res", "cap", "ind" -> true;
            default -> false;
        };
    }

    /**
     * The card in Spectre terms, or empty when Spectre has no built-in model for it (the caller reports that).
     */
    public static Optional<ModelCard> toSpectre(ModelCard card) {
        String type = card.type().toLowerCase(Locale.ROOT);
        if (!isSpiceType(type)) {
            return Optional.of(card);
        }
        List<Parameter> params = new ArrayList<>();
        Integer level = null;
        for (Parameter p : card.parameters()) {
            if (p.name().equalsIgnoreCase("level") && p.value().isNumber()) {
                level = (int) p.value().magnitude();
            } else {
                params.add(p);
            }
        }
        String spectreType;
        String polarity = null;
        switch (type) {
            case "d" -> spectreType = "diode";
            case "npn", "pnp", "lpnp" -> {
                spectreType = level != null && level == 4 ? "vbic" : "bjt";
                polarity = type.equals("pnp") || type.equals("lpnp") ? "pnp" : "npn";
            }
            case "nmos", "pmos" -> {
                int l = level == null ? 1 : level;
                spectreType = switch (l) {
                    case 1 -> "mos1";
                    case 2 -> "mos2";
                    case 3 -> "mos3";
                    case 7, 8, 9, 49, 53 -> "bsim3v3";
                    case 14, 54 -> "bsim4";
                    default -> null;
                };
                polarity = type.equals("nmos") ? "n" : "p";
            }
            case "njf", "pjf" -> {
                spectreType = "jfet";
                polarity = type.equals("njf") ? "n" : "p";
            }
            case "r", "res" -> spectreType = "resistor";
            case "c", "cap" -> spectreType = "capacitor";
            case "l", "ind" -> spectreType = "inductor";
            default -> spectreType = null;
        }
        if (spectreType == null) {
            return Optional.empty();
        }
        if (polarity != null) {
            params.add(0, new Parameter("type", Value.text(polarity)));
        }
        return Optional.of(new ModelCard(card.name(), spectreType, params, card.line()));
    }

    /**
     * The card in SPICE terms, or empty when SPICE has no equivalent. {@code bsim3Level} and {@code bsim4Level}
     * are the dialect's level numbers for BSIM3 and BSIM4.
     */
    public static Optional<ModelCard> toSpice(ModelCard card, int bsim3Level, int bsim4Level) {
        String type = card.type().toLowerCase(Locale.ROOT);
        if (isSpiceType(type)) {
            return Optional.of(card);
        }
        String polarity = null;
        List<Parameter> params = new ArrayList<>();
        for (Parameter p : card.parameters()) {
            if (p.name().equals("type")) {
                polarity = p.value().text().toLowerCase(Locale.ROOT);
            } else {
                params.add(p);
            }
        }
        boolean p = "p".equals(polarity) || "pnp".equals(polarity);
        String spiceType;
        Integer level = null;
        switch (type) {
            case "diode" -> spiceType = "d";
            case "bjt", "bht", "hbt" -> spiceType = p ? "pnp" : "npn";
            case "vbic" -> {
                spiceType = p ? "pnp" : "npn";
                level = 4;
            }
            case "mos1", "mos2", "mos3", "bsim3v3", "bsim3", "bsim4" -> {
                spiceType = p ? "pmos" : "nmos";
                level = switch (type) {
                    case "mos1" -> 1;
                    case "mos2" -> 2;
                    case "mos3" -> 3;
                    case "bsim4" -> bsim4Level;
                    default -> bsim3Level;
                };
            }
            case "jfet" -> spiceType = p ? "pjf" : "njf";
            case "resistor" -> spiceType = "r";
            case "capacitor" -> spiceType = "c";
            case "inductor" -> spiceType = "l";
            default -> spiceType = null;
        }
        if (spiceType == null) {
            return Optional.empty();
        }
        if (level != null) {
            params.add(0, new Parameter("level", Value.of(level)));
        }
        return Optional.of(new ModelCard(card.name(), spiceType, params, card.line()));
    }

    /**
     * The polarity of a transistor: {@code 'n'} (NMOS, NPN, N-JFET), {@code 'p'}, or {@code '?'} when nothing tells.
     * Looks at the model card the component names, then at the model name ({@code pmos4}, {@code pch}, {@code
     * 2N3906} is not guessed).
     */
    public static char polarity(Component component, Circuit circuit) {
        String explicit = component.property("polarity");
        if (explicit != null && !explicit.isEmpty()) {
            return Character.toLowerCase(explicit.charAt(0));
        }
        if (component.model() == null) {
            return '?';
        }
        Optional<ModelCard> card = circuit.model(component.model());
        if (card.isPresent()) {
            String type = card.get().type().toLowerCase(Locale.ROOT);
            switch (type) {
                case "nmos", "npn", "njf", "nmf" -> {
                    return 'n';
                }
                case "pmos", "pnp", "lpnp", "pjf", "pmf" -> {
                    return 'p';
                }
                default -> {
                    Parameter t = Parameter.find(card.get().parameters(), "type");
                    if (t != null && !t.value().text().isEmpty()) {
                        return Character.toLowerCase(t.value().text().charAt(0));
                    }
                }
            }
        }
        return polarityFromName(component.model(), component.kind());
    }

    /** The polarity a model name suggests ({@code nmos4}, {@code pch_lvt}, {@code pnp}), or {@code '?'}. */
    public static char polarityFromName(String model, ComponentKind kind) {
        String m = model.toLowerCase(Locale.ROOT);
        if (m.startsWith("pmos") || m.startsWith("pch") || m.startsWith("pnp") || m.startsWith("pfet")
                || m.startsWith("pjf") || m.equals("p")) {
            return 'p';
        }
        if (m.startsWith("nmos") || m.startsWith("nch") || m.startsWith("npn") || m.startsWith("nfet")
                || m.startsWith("njf") || m.equals("n")) {
            return 'n';
        }
        return '?';
    }
}
