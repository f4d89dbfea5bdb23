package dev.kirchhoff.agents.output;

import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.render.svg.Symbol;
import dev.kirchhoff.schematic.render.svg.SvgSchematic;

import java.util.Locale;
import java.util.function.Function;

/**
 * The schematic drawing of a design: the SVG renderer with symbol hints from the knowledge base, so a push-button
 * part is drawn as a button and a battery part as a battery rather than as boxes.
 */
public final class Drawings {

    private Drawings() {
    }

    /** Renders circuits as SVG, choosing symbols for knowledge-base parts by their category and id. */
    public static Function<Circuit, String> svg(KnowledgeBase kb) {
        Function<Component, Symbol> hints = c -> hint(c, kb);
        return circuit -> SvgSchematic.render(circuit, hints);
    }

    static Symbol hint(Component c, KnowledgeBase kb) {
        if (c.kind() != ComponentKind.PART || c.part() == null) {
            return null;
        }
        Part part = kb.part(c.part()).orElse(null);
        if (part == null) {
            return null;
        }
        String id = part.id().toLowerCase(Locale.ROOT);
        if (part.category() == Category.INPUT && id.contains("button")) {
            return Symbol.BUTTON;
        }
        if (part.category() == Category.INPUT && id.contains("switch")) {
            return Symbol.SWITCH;
        }
        if (id.contains("potentiometer")) {
            return Symbol.POTENTIOMETER;
        }
        if (part.category() == Category.POWER && id.startsWith("battery")) {
            return Symbol.BATTERY;
        }
        return null;
    }
}
