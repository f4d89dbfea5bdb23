package dev.kirchhoff.agents.offline.embedded;

import dev.kirchhoff.agents.Constraint;
import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.Feedback;
import dev.kirchhoff.agents.KnowledgeBaseRetriever;
import dev.kirchhoff.agents.PartRequest;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.agents.PlanSynthesizer;
import dev.kirchhoff.agents.Requirements;
import dev.kirchhoff.agents.Supply;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.validation.ValidationReport;
import dev.kirchhoff.validation.Validator;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Builds requirements by hand, runs the designer, synthesises and validates: the fixture for the designer's tests. */
final class Designs {

    static final KnowledgeBase KB = KnowledgeBase.bundled();
    static final Validator VALIDATOR = Validator.bundled();

    private final List<PartRequest> parts = new ArrayList<>();
    private final Set<Constraint> constraints = EnumSet.noneOf(Constraint.class);
    private Supply supply = Supply.unspecified();
    private String prompt = "";
    private dev.kirchhoff.agents.RecipeKind recipe;
    private final List<dev.kirchhoff.agents.DesignValue> values = new ArrayList<>();
    private final List<dev.kirchhoff.agents.PinWish> wishes = new ArrayList<>();

    static Designs board(String id) {
        Designs d = new Designs();
        d.parts.add(PartRequest.of(id, 1, id, PartRole.BOARD));
        return d;
    }

    Designs with(String id) {
        return with(id, 1, PartRole.PERIPHERAL);
    }

    Designs with(String id, int quantity, PartRole role) {
        return with(id, quantity, role, id);
    }

    /** A part with the words of the prompt it came from (pin hints are matched to the nearest phrase). */
    Designs with(String id, int quantity, PartRole role, String phrase) {
        parts.add(PartRequest.of(id, quantity, phrase, role));
        return this;
    }

    Designs recipe(dev.kirchhoff.agents.RecipeKind kind) {
        recipe = kind;
        return this;
    }

    Designs value(dev.kirchhoff.agents.Quantity quantity, double v) {
        values.add(new dev.kirchhoff.agents.DesignValue(quantity, v, ""));
        return this;
    }

    Designs supply(Supply.Kind kind, Double volts) {
        supply = new Supply(kind, volts, kind.name().toLowerCase());
        return this;
    }

    Designs constraint(Constraint c) {
        constraints.add(c);
        return this;
    }

    /** A board pin the identify stage read for a part ("LED on pin 9"). */
    Designs wish(String partId, String boardPin) {
        wishes.add(new dev.kirchhoff.agents.PinWish(partId, null, boardPin, partId + " on " + boardPin));
        return this;
    }

    Designs prompt(String text) {
        prompt = text;
        return this;
    }

    Requirements requirements() {
        return new Requirements(prompt, parts, supply, values, constraints, recipe, List.of(), List.of(), wishes);
    }

    /** The designed plan, its circuit and the validator's report. */
    record Result(DesignPlan plan, Circuit circuit, ValidationReport report) {

        /** The net a pin is on, or null. */
        String netOf(String pin) {
            return plan.nets().stream().filter(n -> n.pins().contains(pin)).map(DesignPlan.PlannedNet::name)
                    .findFirst().orElse(null);
        }

        List<String> pinsOn(String net) {
            return plan.net(net).map(DesignPlan.PlannedNet::pins).orElse(List.of());
        }

        List<DesignPlan.PlannedComponent> ofKind(dev.kirchhoff.schematic.model.ComponentKind kind) {
            return plan.components().stream().filter(c -> c.kind() == kind).toList();
        }

        DesignPlan.PlannedComponent byPart(String id) {
            return plan.components().stream().filter(c -> id.equals(c.part())).findFirst().orElseThrow(
                    () -> new AssertionError("no component of part " + id + " in " + plan.components()));
        }

        String dump() {
            StringBuilder sb = new StringBuilder();
            plan.components().forEach(c -> sb.append(c.ref()).append(' ').append(c.kind()).append(' ')
                    .append(c.part()).append(' ').append(c.value()).append('\n'));
            plan.nets().forEach(n -> sb.append(n.name()).append(": ").append(n.pins()).append('\n'));
            plan.rails().forEach(r -> sb.append("rail ").append(r).append('\n'));
            plan.notes().forEach(n -> sb.append("note ").append(n).append('\n'));
            sb.append(report.text());
            return sb.toString();
        }
    }

    Result design() {
        return design(Feedback.none());
    }

    Result design(Feedback feedback) {
        return design(KB, VALIDATOR, feedback);
    }

    /** Designs against another knowledge base (the source tree's, with parts added since the installed build). */
    Result design(KnowledgeBase kb, Validator validator, Feedback feedback) {
        Requirements r = requirements();
        DesignPlan plan = new EmbeddedDesigner(kb).reason(r, new KnowledgeBaseRetriever(kb).retrieve(r), feedback);
        Circuit c = new PlanSynthesizer(kb).synthesize(plan);
        return new Result(plan, c, validator.validate(c, plan.title()));
    }
}
