package dev.kirchhoff.agents;

import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.KnowledgeBasePins;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.units.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Stage 4 for both engines: builds the {@link Circuit} a plan describes. Knowledge-base parts get their pins from the
 * knowledge base; a pin named by alias ({@code D21}) lands on the pin's number. A plan naming a part or pin that does
 * not exist, or putting one pin on two nets, is refused with every problem listed, so a model's invention never
 * reaches the circuit. Thread-safe.
 */
public final class PlanSynthesizer implements SchematicSynthesizer {

    private final KnowledgeBase kb;

    public PlanSynthesizer(KnowledgeBase kb) {
        this.kb = Objects.requireNonNull(kb, "The parameter 'kb' must not be null.");
    }

    @Override
    public Circuit synthesize(DesignPlan plan) {
        List<String> problems = new ArrayList<>();
        Circuit.Builder b = Circuit.builder(plan.components().size()).title(plan.title());
        Map<String, Part> parts = new HashMap<>();
        for (DesignPlan.PlannedComponent pc : plan.components()) {
            Component.Builder c = Component.builder(pc.ref(), pc.kind());
            if (pc.part() != null) {
                Optional<Part> part = kb.part(pc.part());
                if (part.isEmpty()) {
                    problems.add(pc.ref() + ": no part '" + pc.part() + "' in the knowledge base"
                            + suggestion(kb.suggest(pc.part(), 3)));
                    continue;
                }
                c.part(pc.part());
                if (pc.kind() == ComponentKind.PART) {
                    c.pins(KnowledgeBasePins.pinsOf(part.get()));
                    parts.put(pc.ref(), part.get());
                }
            } else if (pc.kind() == ComponentKind.PART) {
                problems.add(pc.ref() + ": a part component needs a knowledge-base id");
                continue;
            }
            if (pc.value() != null && !pc.value().isBlank()) {
                Value v = parse(pc.value());
                c.value(v);
            }
            if (pc.model() != null) {
                c.model(pc.model());
            }
            b.add(c.build());
        }
        Map<String, String> netOfPin = new HashMap<>();
        for (DesignPlan.PlannedNet net : plan.nets()) {
            b.net(net.name());
            for (String ref : net.pins()) {
                int colon = ref.indexOf(':');
                if (colon <= 0 || colon == ref.length() - 1) {
                    problems.add(net.name() + ": '" + ref + "' is not REF:PIN");
                    continue;
                }
                String comp = ref.substring(0, colon);
                String pin = ref.substring(colon + 1);
                if (!b.contains(comp)) {
                    if (plan.component(comp).isEmpty()) {
                        problems.add(net.name() + ": no component " + comp + " for " + ref);
                    }
                    continue;
                }
                Part part = parts.get(comp);
                if (part != null) {
                    Optional<PartPin> pp = part.pin(pin);
                    if (pp.isEmpty()) {
                        problems.add(net.name() + ": " + part.id() + " has no pin '" + pin + "' (" + ref + ")");
                        continue;
                    }
                    pin = pp.get().number();
                } else if (b.component(comp).pinIndex(pin) < 0) {
                    problems.add(net.name() + ": " + comp + " has no pin '" + pin + "'");
                    continue;
                }
                String key = comp + ":" + pin;
                String before = netOfPin.putIfAbsent(key, net.name());
                if (before != null && !before.equals(net.name())) {
                    problems.add(ref + " is on two nets, " + before + " and " + net.name());
                    continue;
                }
                b.connect(comp, pin, net.name());
            }
        }
        if (!problems.isEmpty()) {
            throw new DesignException(DesignException.Reason.INVALID_PLAN,
                    "the plan cannot be built: " + String.join("; ", problems), problems);
        }
        return b.build();
    }

    private static Value parse(String text) {
        try {
            Value v = Value.parse(text);
            return v.isNumber() ? v : Value.text(text);
        } catch (RuntimeException e) {
            return Value.text(text);
        }
    }

    private static String suggestion(List<String> near) {
        return near.isEmpty() ? "" : " (nearest: " + String.join(", ", near) + ")";
    }
}
