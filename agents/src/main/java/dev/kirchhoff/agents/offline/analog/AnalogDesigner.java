package dev.kirchhoff.agents.offline.analog;

import dev.kirchhoff.agents.Constraint;
import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.DesignReasoner;
import dev.kirchhoff.agents.Feedback;
import dev.kirchhoff.agents.Pinouts;
import dev.kirchhoff.agents.RecipeKind;
import dev.kirchhoff.agents.Requirements;
import dev.kirchhoff.agents.recipes.ESeries;
import dev.kirchhoff.agents.recipes.Eng;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.ModelKind;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.validation.Finding;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline reasoner for analog building blocks: picks the recipe the requirements name, computes its values with
 * the recipe library (snapped to E-series, each recorded as a {@link DesignPlan.Computation}), takes parts from the
 * knowledge base, adds the supply (through a fuse when one is named), a test source on each input, decoupling and
 * the handling of unused units, and says why. Parts the request names are used where the block has a place for them
 * (a photoresistor and LED on a comparator, a speaker on a 555 or LM386, an LED strip, fan, motor or solenoid
 * switched by a 555 through a MOSFET); the rest are left out with a note, and a
 * named part the recipe cannot use falls back to the default part with a note rather than failing. Missing values get defaults that a note names; impossible requests are clamped with a note. In a repair
 * round it applies the validator's fixes to the previous plan (a missing capacitor, a floating net) instead of
 * repeating it. Thread-safe: every design works on its own builder.
 *
 * <pre>{@code
 * DesignPlan plan = new AnalogDesigner(KnowledgeBase.bundled()).reason(requirements, pinouts, Feedback.none());
 * }</pre>
 */
public final class AnalogDesigner implements DesignReasoner {

    private static final Pattern FARADS = Pattern.compile("add ([0-9.]+ ?[pnuµm]?F)");

    private final KnowledgeBase kb;

    public AnalogDesigner(KnowledgeBase kb) {
        this.kb = Objects.requireNonNull(kb, "The parameter 'kb' must not be null.");
    }

    @Override
    public DesignPlan reason(Requirements requirements, Pinouts pinouts, Feedback feedback) {
        Objects.requireNonNull(requirements, "The parameter 'requirements' must not be null.");
        Pinouts parts = pinouts == null ? new Pinouts(List.of()) : pinouts;
        if (feedback != null && !feedback.isEmpty() && feedback.previous() != null) {
            return repair(feedback);
        }
        try {
            return design(requirements, parts);
        } catch (RuntimeException e) {
            if (parts.parts().isEmpty() || requirements.recipe() == null
                    || e instanceof dev.kirchhoff.agents.DesignException) {
                throw e;
            }
            // A named part the recipe could not use (an odd pinout, missing data): design the block with its default
            // parts rather than fail, and say which parts were left out and why.
            DesignPlan plan = design(requirements, new Pinouts(List.of()));
            DesignPlan.Builder b = plan.toBuilder();
            b.note("the named parts (" + parts.parts().stream().map(p -> p.part().id())
                    .collect(java.util.stream.Collectors.joining(", ")) + ") could not be used in a "
                    + requirements.recipe().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (" + e.getMessage()
                    + "): designed with its default parts; wire them in by hand");
            return b.build();
        }
    }

    private DesignPlan design(Requirements r, Pinouts pinouts) {
        RecipeKind recipe = r.recipe();
        if (recipe == null) {
            throw new IllegalArgumentException("The analog designer needs a recipe (a building block such as a "
                    + "voltage divider or a 555 astable); requirements without one go to the embedded designer.");
        }
        Kit k = new Kit(kb, r, pinouts, recipe.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        switch (recipe) {
            case VOLTAGE_DIVIDER -> SignalPlans.divider(k);
            case RC_LOW_PASS, RC_HIGH_PASS, RL_LOW_PASS, RL_HIGH_PASS -> SignalPlans.filter(k, recipe);
            case LED_DRIVER -> SignalPlans.led(k);
            case TRANSISTOR_SWITCH -> {
                if (r.has(Constraint.N_CHANNEL_MOSFET) || r.has(Constraint.LOGIC_LEVEL_MOSFET)) {
                    SignalPlans.mosfetSwitch(k);
                } else {
                    SignalPlans.bjtSwitch(k);
                }
            }
            case MOSFET_SWITCH -> {
                if (r.has(Constraint.BJT)) {
                    SignalPlans.bjtSwitch(k);
                } else {
                    SignalPlans.mosfetSwitch(k);
                }
            }
            case INVERTING_AMPLIFIER, NON_INVERTING_AMPLIFIER, VOLTAGE_FOLLOWER, SUMMING_AMPLIFIER -> {
                Optional<Part> audio = k.named(AmplifierPlans::isAudioAmp);
                boolean speakerOnly = audio.isEmpty() && k.named(AmplifierPlans::isSpeaker).isPresent()
                        && k.named(p -> AmplifierPlans.isStage(p, ModelKind.OPAMP)).isEmpty();
                if (audio.isPresent() || speakerOnly) {
                    AmplifierPlans.audio(k, audio.orElseGet(() -> k.part("lm386")));
                } else {
                    AmplifierPlans.amplifier(k, recipe);
                }
            }
            case COMPARATOR -> {
                // a Schmitt-trigger gate with a push button is the hardware debouncer ("button, RC and a 74HC14")
                Optional<Part> button = k.named(
                        Kit.kind(ModelKind.SWITCH));
                if (button.isPresent() && k.named(SignalPlans::isSchmittGate).isPresent()) {
                    SignalPlans.debounce(k, button.get());
                } else {
                    AmplifierPlans.comparator(k);
                }
            }
            case ASTABLE_555 -> TimerPlans.astable(k);
            case MONOSTABLE_555 -> TimerPlans.monostable(k);
            case LINEAR_REGULATOR -> PowerPlans.linear(k);
            case ZENER_REGULATOR -> PowerPlans.zener(k);
            case BUCK_CONVERTER -> PowerPlans.buck(k);
            case LIION_CHARGER -> PowerPlans.charger(k);
            case UNREGULATED_DC_SUPPLY -> PowerPlans.transformerSupply(k, false);
            case REGULATED_DC_SUPPLY -> PowerPlans.transformerSupply(k, true);
        }
        DesignPlan plan = k.b.build();
        java.util.Set<String> used = new java.util.HashSet<>();
        plan.components().forEach(c -> {
            if (c.part() != null) {
                used.add(c.part());
            }
        });
        DesignPlan.Builder out = null;
        for (Pinouts.Resolved p : pinouts.parts()) {
            if (!used.contains(p.part().id())) {
                out = out == null ? plan.toBuilder() : out;
                out.note(p.part().id() + " (\"" + p.request().phrase() + "\") was named, but a "
                        + recipe.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " has no place for it: left out;"
                        + " connect it by hand or ask for a design that uses it");
            }
        }
        return out == null ? plan : out.build();
    }

    /**
     * Applies what the findings ask for to the previous plan: a capacitor to ground where decoupling is missing, a
     * resistor to ground on a net with no DC path or a floating input, a gate pull-down, a larger LED resistor.
     * Findings it has no fix for are noted, so the report says what is left.
     */
    private DesignPlan repair(Feedback feedback) {
        DesignPlan.Builder b = feedback.previous().toBuilder();
        for (Finding f : feedback.findings()) {
            if (f.severity() == dev.kirchhoff.validation.Severity.INFO) {
                continue;
            }
            switch (f.rule()) {
                case "part.decoupling" -> f.nets().stream().findFirst().ifPresent(net -> {
                    String ref = b.nextRef("C");
                    b.component(ref, ComponentKind.CAPACITOR, null, farads(f.fix()), "decoupling added in repair "
                            + feedback.round() + " (" + f.rule() + ")");
                    b.connect(net, ref + ":1");
                    b.connect(Kit.GND, ref + ":2");
                });
                case "analog.no-dc-path", "pintype.input-undriven", "part.floating-input", "part.mosfet-gate" ->
                        f.nets().stream().filter(n -> !n.equals(Kit.GND)).findFirst().ifPresent(net -> {
                            String ref = b.nextRef("R");
                            b.component(ref, ComponentKind.RESISTOR, null, f.rule().equals("part.mosfet-gate")
                                    ? "10k" : "100k", "DC path to ground added in repair " + feedback.round() + " ("
                                    + f.rule() + ")");
                            b.connect(net, ref + ":1");
                            b.connect(Kit.GND, ref + ":2");
                        });
                case "part.led-current", "sim.led-current" -> f.components().forEach(ref -> b.get(ref)
                        .filter(c -> c.kind() == ComponentKind.RESISTOR && c.value() != null)
                        .ifPresent(c -> {
                            double ohms = Value.parse(c.value()).magnitude();
                            b.add(new DesignPlan.PlannedComponent(c.ref(), c.kind(), c.part(),
                                    Eng.spice(ESeries.E12.atLeast(ohms * 1.5)), c.model(), c.purpose()
                                    + " (raised in repair " + feedback.round() + ")"));
                        }));
                default -> b.note("repair " + feedback.round() + ": no automatic fix for " + f.rule() + ": "
                        + f.message());
            }
        }
        return b.build();
    }

    private static String farads(String fix) {
        Matcher m = FARADS.matcher(fix == null ? "" : fix);
        Optional<String> v = m.find() ? Optional.of(m.group(1).replace(" ", "").replace("µ", "u")
                .replaceAll("F$", "")) : Optional.empty();
        return v.orElse("100n");
    }
}
