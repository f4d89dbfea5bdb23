package dev.kirchhoff.agents.offline;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.DesignReasoner;
import dev.kirchhoff.agents.Feedback;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.agents.Pinouts;
import dev.kirchhoff.agents.RecipeKind;
import dev.kirchhoff.agents.Requirements;
import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.Form;
import dev.kirchhoff.knowledge.InterfaceKind;
import dev.kirchhoff.knowledge.ModelKind;
import dev.kirchhoff.knowledge.Part;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The offline reasoner: an analog building block asked for without a board goes to the analog designer, everything
 * else (a board with modules, loads and inputs) to the embedded designer. A board the identifier only chose by default
 * is dropped when every other part is analog, audio or passive and one of them is an amplifier or the prompt named a
 * recipe: an LM386 with a speaker needs no controller. Thread-safe when both designers are.
 */
public final class OfflineReasoner implements DesignReasoner {

    private final DesignReasoner embedded;
    private final DesignReasoner analog;

    public OfflineReasoner(DesignReasoner embedded, DesignReasoner analog) {
        this.embedded = Objects.requireNonNull(embedded, "The parameter 'embedded' must not be null.");
        this.analog = Objects.requireNonNull(analog, "The parameter 'analog' must not be null.");
    }

    @Override
    public DesignPlan reason(Requirements requirements, Pinouts pinouts, Feedback feedback) {
        if (requirements.recipe() != null && requirements.board().isEmpty()) {
            return analog.reason(requirements, pinouts, feedback);
        }
        boolean defaultedBoard = requirements.board().map(b -> b.defaulted()).orElse(false);
        if (defaultedBoard && withoutController(pinouts)) {
            RecipeKind recipe = requirements.recipe() != null ? requirements.recipe()
                    : hasAmplifier(pinouts) ? RecipeKind.NON_INVERTING_AMPLIFIER : null;
            if (recipe != null) {
                return analog.reason(withoutBoard(requirements, recipe), withoutBoard(pinouts), feedback);
            }
        }
        return embedded.reason(requirements, pinouts, feedback);
    }

    /**
     * Whether every part but the board works without a controller: analog ICs and discretes, passives, LEDs and audio
     * devices (a speaker), and at least one analog IC to build around. A sensor, display, radio or audio module with a
     * bus needs the board.
     */
    static boolean withoutController(Pinouts pinouts) {
        boolean analogIc = false;
        for (Pinouts.Resolved r : pinouts.parts()) {
            if (r.request().role() == PartRole.BOARD) {
                continue;
            }
            Part p = r.part();
            boolean analogInterfaces = p.interfaces().stream().allMatch(i -> i.kind() == InterfaceKind.ANALOG);
            boolean standalone = switch (p.category()) {
                case ANALOG, PASSIVE, SEMICONDUCTOR -> analogInterfaces;
                case AUDIO, LIGHT -> p.form() != Form.MODULE && analogInterfaces;
                default -> false;
            };
            if (!standalone) {
                return false;
            }
            analogIc |= p.category() == Category.ANALOG && p.form() == Form.IC;
        }
        return analogIc;
    }

    /** Whether an analog IC in the design is an amplifier (an op-amp or audio power amplifier, not a comparator). */
    private static boolean hasAmplifier(Pinouts pinouts) {
        return pinouts.parts().stream().map(Pinouts.Resolved::part).anyMatch(p -> p.category() == Category.ANALOG
                && p.form() == Form.IC && p.model() != null && p.model().kind() == ModelKind.OPAMP);
    }

    private static Requirements withoutBoard(Requirements r, RecipeKind recipe) {
        List<String> notes = new ArrayList<>(r.notes());
        notes.add("no board needed: every part works on its own, so the default board is left out");
        return new Requirements(r.prompt(), r.parts().stream().filter(p -> p.role() != PartRole.BOARD).toList(),
                r.supply(), r.values(), r.constraints(), recipe, notes, r.unresolved(), r.pinWishes());
    }

    private static Pinouts withoutBoard(Pinouts p) {
        return new Pinouts(p.parts().stream().filter(x -> x.request().role() != PartRole.BOARD).toList());
    }
}
