package dev.kirchhoff.agents.suite;

import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.ModelKind;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Picks components of a designed circuit without naming the reference designators the engine chose: by role
 * ({@code board}: the component whose part is a board), by kind ({@code resistor}, {@code led}, {@code opamp}, …,
 * matching both SPICE primitives and knowledge-base parts of that kind), or by knowledge-base part id
 * ({@code bme280-module}). Immutable.
 *
 * @param text the selector as written
 */
public record Selector(String text) {

    /** The role and kind words, each with what it matches; they take precedence over part ids. */
    private static final Map<String, BiPredicate<Component, Part>> WORDS = Map.ofEntries(
            Map.entry("board", (c, p) -> p != null && p.category() == Category.BOARD),
            Map.entry("resistor", (c, p) -> c.kind() == ComponentKind.RESISTOR || model(p, ModelKind.RESISTOR)),
            Map.entry("capacitor", (c, p) -> c.kind() == ComponentKind.CAPACITOR || model(p, ModelKind.CAPACITOR)),
            Map.entry("inductor", (c, p) -> c.kind() == ComponentKind.INDUCTOR || model(p, ModelKind.INDUCTOR)),
            Map.entry("led", (c, p) -> c.kind() == ComponentKind.LED || model(p, ModelKind.LED)),
            Map.entry("diode", (c, p) -> c.kind() == ComponentKind.DIODE && !model(p, ModelKind.LED)
                    || model(p, ModelKind.DIODE, ModelKind.ZENER, ModelKind.SCHOTTKY)),
            Map.entry("mosfet", (c, p) -> c.kind() == ComponentKind.MOSFET || model(p, ModelKind.MOSFET)),
            Map.entry("bjt", (c, p) -> c.kind() == ComponentKind.BJT || model(p, ModelKind.BJT)),
            Map.entry("transistor", (c, p) -> c.kind() == ComponentKind.MOSFET || c.kind() == ComponentKind.BJT
                    || model(p, ModelKind.MOSFET, ModelKind.BJT)),
            Map.entry("opamp", (c, p) -> model(p, ModelKind.OPAMP)),
            Map.entry("comparator", (c, p) -> model(p, ModelKind.COMPARATOR)),
            Map.entry("timer", (c, p) -> model(p, ModelKind.TIMER)),
            Map.entry("regulator", (c, p) -> model(p, ModelKind.REGULATOR)));

    /** The role and kind words a selector may use besides part ids. */
    public static final Set<String> KINDS = Set.copyOf(WORDS.keySet());

    public Selector {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The parameter 'text' must not be blank.");
        }
        text = text.strip();
    }

    /** Whether this selector is a role or kind word rather than a part id. */
    public boolean isKind() {
        return WORDS.containsKey(text.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether the selector names something that can exist: a kind word or a part id of {@code kb}.
     *
     * @return null when it can, else what is wrong, with the nearest part ids
     */
    public String problem(KnowledgeBase kb) {
        if (isKind() || kb.part(text).isPresent()) {
            return null;
        }
        List<String> near = kb.suggest(text, 3);
        return "'" + text + "' is neither a kind (" + String.join(", ", KINDS.stream().sorted().toList())
                + ") nor a knowledge-base part id" + (near.isEmpty() ? "" : "; nearest ids: " + String.join(", ", near));
    }

    /**
     * Whether component {@code c}, bound to knowledge-base part {@code part} (null when it has none), is selected.
     */
    public boolean matches(Component c, Part part) {
        BiPredicate<Component, Part> word = WORDS.get(text.toLowerCase(Locale.ROOT));
        if (word != null) {
            return word.test(c, part);
        }
        return part != null && part.id().equals(text) || text.equals(c.part());
    }

    private static boolean model(Part p, ModelKind... kinds) {
        return p != null && p.model() != null && Arrays.asList(kinds).contains(p.model().kind());
    }

    @Override
    public String toString() {
        return text;
    }
}
