package dev.kirchhoff.agents;

import java.util.List;
import java.util.Set;

/**
 * What a person asked for, as the identifier understood it: the parts, the supply, the values and constraints, the
 * analog building block if one was asked for, and what could not be matched. Immutable.
 *
 * @param prompt      the request as typed
 * @param parts       every part asked for, the board first when there is one; each with its quantity
 * @param supply      how the design is powered; {@link Supply#unspecified()} when the prompt does not say
 * @param values      numbers with a meaning ("gain 11", "2 Hz", "20 mA")
 * @param constraints explicit wishes in the vocabulary of {@link Constraint}
 * @param recipe      the analog building block asked for, or null for a board-and-modules design
 * @param notes       one line per thing understood or assumed, for the report ("no board named: using Arduino Uno")
 * @param unresolved  phrases that name a part the knowledge base does not have, with the nearest matches
 * @param pinWishes   board pins the prompt asks for ("LED on pin 13", "DHT22 on GPIO4")
 */
public record Requirements(String prompt, List<PartRequest> parts, Supply supply, List<DesignValue> values,
                           Set<Constraint> constraints, RecipeKind recipe, List<String> notes,
                           List<Unresolved> unresolved, List<PinWish> pinWishes) {

    /** Requirements without pin wishes. */
    public Requirements(String prompt, List<PartRequest> parts, Supply supply, List<DesignValue> values,
                        Set<Constraint> constraints, RecipeKind recipe, List<String> notes,
                        List<Unresolved> unresolved) {
        this(prompt, parts, supply, values, constraints, recipe, notes, unresolved, List.of());
    }

    public Requirements {
        prompt = prompt == null ? "" : prompt;
        parts = parts == null ? List.of() : List.copyOf(parts);
        supply = supply == null ? Supply.unspecified() : supply;
        values = values == null ? List.of() : List.copyOf(values);
        constraints = constraints == null ? Set.of() : Set.copyOf(constraints);
        notes = notes == null ? List.of() : List.copyOf(notes);
        unresolved = unresolved == null ? List.of() : List.copyOf(unresolved);
        pinWishes = pinWishes == null ? List.of() : List.copyOf(pinWishes);
    }

    /** The board (the part with role {@link PartRole#BOARD}), if any. */
    public java.util.Optional<PartRequest> board() {
        return parts.stream().filter(p -> p.role() == PartRole.BOARD).findFirst();
    }

    /** The first value of a quantity, if the prompt gave one. */
    public java.util.Optional<DesignValue> value(Quantity quantity) {
        return values.stream().filter(v -> v.quantity() == quantity).findFirst();
    }

    /** Whether the prompt asked for {@code c}. */
    public boolean has(Constraint c) {
        return constraints.contains(c);
    }

    /** True when nothing at all was recognised: no part, no recipe, no value. */
    public boolean isEmpty() {
        return parts.isEmpty() && recipe == null && values.isEmpty() && unresolved.isEmpty();
    }
}
