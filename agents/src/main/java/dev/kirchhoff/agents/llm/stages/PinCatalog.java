package dev.kirchhoff.agents.llm.stages;

import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Pin;
import dev.kirchhoff.schematic.model.PinType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every valid {@code REF:PIN} of a set of planned components, one canonical string per physical pin, exactly as
 * {@link dev.kirchhoff.agents.PlanSynthesizer} resolves them: a knowledge-base part's pin by its name when that name
 * leads to this pin (the first of several {@code GND} pins), otherwise by its number ({@code GND.1}); a primitive's
 * pin by its terminal name ({@code R1:1}, {@code D1:A}, {@code Q1:B}). Immutable.
 */
public final class PinCatalog {

    /** Canonical {@code REF:PIN} → {@code REF:number}, the identity of the physical pin, in component order. */
    private final Map<String, String> canonical;
    private final Map<String, Component> components;
    private final Map<String, Part> parts;

    private PinCatalog(Map<String, String> canonical, Map<String, Component> components, Map<String, Part> parts) {
        this.canonical = canonical;
        this.components = components;
        this.parts = parts;
    }

    /**
     * The catalogue of {@code planned}; a component naming a part the knowledge base lacks contributes no pin.
     */
    public static PinCatalog of(KnowledgeBase kb, List<DesignPlan.PlannedComponent> planned) {
        Map<String, String> canonical = new LinkedHashMap<>();
        Map<String, Component> components = new LinkedHashMap<>();
        Map<String, Part> parts = new LinkedHashMap<>();
        for (DesignPlan.PlannedComponent pc : planned) {
            if (pc.kind() == ComponentKind.PART) {
                Optional<Part> part = pc.part() == null ? Optional.empty() : kb.part(pc.part());
                if (part.isEmpty()) {
                    continue;
                }
                parts.put(pc.ref(), part.get());
                for (PartPin pin : part.get().pins()) {
                    if (pin.type() != PinType.NO_CONNECT) {
                        canonical.put(pc.ref() + ":" + canonical(part.get(), pin), pc.ref() + ":" + pin.number());
                    }
                }
            } else {
                Component c = Component.builder(pc.ref(), pc.kind()).build();
                components.put(pc.ref(), c);
                for (Pin pin : c.pins()) {
                    canonical.put(pc.ref() + ":" + pin.name(), pc.ref() + ":" + pin.number());
                }
            }
        }
        return new PinCatalog(canonical, components, parts);
    }

    /** The name of {@code pin} when the part resolves that name to it, else its number. */
    public static String canonical(Part part, PartPin pin) {
        return part.pin(pin.name()).filter(p -> p.number().equals(pin.number())).isPresent() ? pin.name()
                : pin.number();
    }

    /** Every canonical {@code REF:PIN}, in component order. */
    public List<String> all() {
        return new ArrayList<>(canonical.keySet());
    }

    public boolean isEmpty() {
        return canonical.isEmpty();
    }

    /** The canonical pins of one component. */
    public List<String> pinsOf(String ref) {
        String prefix = ref + ":";
        return canonical.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    /**
     * The canonical form of {@code refPin} written any way the synthesizer accepts (number, name or alias), or empty
     * when no such component or pin exists.
     */
    public Optional<String> resolve(String refPin) {
        if (refPin == null) {
            return Optional.empty();
        }
        if (canonical.containsKey(refPin)) {
            return Optional.of(refPin);
        }
        int colon = refPin.indexOf(':');
        if (colon <= 0 || colon == refPin.length() - 1) {
            return Optional.empty();
        }
        String ref = refPin.substring(0, colon);
        String pin = refPin.substring(colon + 1);
        Part part = parts.get(ref);
        if (part != null) {
            return part.pin(pin).filter(p -> p.type() != PinType.NO_CONNECT)
                    .map(p -> ref + ":" + canonical(part, p));
        }
        Component c = components.get(ref);
        if (c != null) {
            int i = c.pinIndex(pin);
            return i < 0 ? Optional.empty() : Optional.of(ref + ":" + c.pins().get(i).name());
        }
        return Optional.empty();
    }

    /** The physical identity ({@code REF:number}) of a canonical pin; pins written two ways share it. */
    public String identity(String canonicalPin) {
        return canonical.getOrDefault(canonicalPin, canonicalPin);
    }
}
