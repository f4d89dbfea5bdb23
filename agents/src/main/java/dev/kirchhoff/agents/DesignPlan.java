package dev.kirchhoff.agents;

import dev.kirchhoff.schematic.model.ComponentKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reasoner's answer: which components, which nets, which rails, which pin goes where and why. Immutable; build
 * one with {@link #builder(String)} and edit a copy with {@link #toBuilder()}.
 *
 * <pre>{@code
 * DesignPlan plan = DesignPlan.builder("LED on an Uno")
 *         .part("uno", "arduino-uno-r3", "the board")
 *         .component("R1", ComponentKind.RESISTOR, null, "220", "limits the LED current to 13.6 mA")
 *         .connect("LED", "uno:D13", "R1:1")
 *         .build();
 * }</pre>
 *
 * @param title        one line naming the design
 * @param components   every component with its reference designator
 * @param nets         every net as {@code REF:PIN} strings
 * @param rails        supply nets with voltage, source and budget
 * @param assignments  the pin map: which board pin serves which device pin and why
 * @param computations values computed by a formula, with the series value chosen and its error
 * @param rationale    the reasons, each citing the facts used
 * @param notes        assumptions and warnings for the report
 */
public record DesignPlan(String title, List<PlannedComponent> components, List<PlannedNet> nets, List<Rail> rails,
                         List<PinAssignment> assignments, List<Computation> computations, List<Rationale> rationale,
                         List<String> notes) {

    public DesignPlan {
        title = title == null ? "" : title;
        components = List.copyOf(components);
        nets = List.copyOf(nets);
        rails = rails == null ? List.of() : List.copyOf(rails);
        assignments = assignments == null ? List.of() : List.copyOf(assignments);
        computations = computations == null ? List.of() : List.copyOf(computations);
        rationale = rationale == null ? List.of() : List.copyOf(rationale);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * One component to place.
     *
     * @param ref     reference designator ({@code U1}, {@code R3}, {@code esp})
     * @param kind    {@link ComponentKind#PART} for knowledge-base parts, otherwise the primitive kind
     * @param part    knowledge-base id; also set on primitives bound to a part ({@code LED} + {@code led-red})
     * @param value   value text for primitives ({@code 330}, {@code 100n}, {@code DC 5}); null for parts
     * @param model   SPICE model name for semiconductors, or null
     * @param purpose why it is there, one short phrase
     */
    public record PlannedComponent(String ref, ComponentKind kind, String part, String value, String model,
                                   String purpose) {
        public PlannedComponent {
            if (ref == null || ref.isBlank()) {
                throw new IllegalArgumentException("The parameter 'ref' must not be blank.");
            }
            if (kind == null) {
                throw new IllegalArgumentException("The parameter 'kind' must not be null.");
            }
            purpose = purpose == null ? "" : purpose;
        }
    }

    /** A net: a name and the pins on it as {@code REF:PIN} (pin by number, name or alias). */
    public record PlannedNet(String name, List<String> pins) {
        public PlannedNet {
            pins = List.copyOf(pins);
        }
    }

    /**
     * A supply net.
     *
     * @param net          net name
     * @param volts        nominal voltage
     * @param source       what feeds it ({@code usb:VBUS}, {@code U2 (AMS1117-3.3)})
     * @param capacityAmps most current the source may give, or null when unknown
     * @param loadAmps     the sum of the typical currents drawn from it
     */
    public record Rail(String net, double volts, String source, Double capacityAmps, double loadAmps) {
    }

    /**
     * One line of the pin map.
     *
     * @param signal    what the connection carries ({@code I2C SDA}, {@code DHT22 data}, {@code LED})
     * @param hostPin   the board pin, {@code REF:PIN}
     * @param devicePin the device pin, {@code REF:PIN}
     * @param reason    why this board pin (default bus pin, PWM-capable, avoids a strapping pin)
     */
    public record PinAssignment(String signal, String hostPin, String devicePin, String reason) {
    }

    /**
     * A value computed by a formula.
     *
     * @param ref      the component the value is for
     * @param quantity what it is ({@code resistance})
     * @param formula  the formula with numbers put in ({@code R = (5 V − 2.0 V) / 20 mA})
     * @param exact    the computed value, SI units
     * @param chosen   the standard value used
     * @param series   the series it was snapped to ({@code E12}), or empty
     * @param resultNote what the chosen value gives ({@code 15.2 mA}, {@code gain 10.97, −0.3 %})
     */
    public record Computation(String ref, String quantity, String formula, double exact, double chosen, String series,
                              String resultNote) {
    }

    /**
     * A reason behind a decision.
     *
     * @param topic short heading ({@code power}, {@code I2C}, {@code R1})
     * @param text  the reason in a sentence
     * @param facts the knowledge-base facts it rests on ({@code bme280-module: I2C address 0x76/0x77})
     */
    public record Rationale(String topic, String text, List<String> facts) {
        public Rationale {
            facts = facts == null ? List.of() : List.copyOf(facts);
        }
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    public Builder toBuilder() {
        Builder b = new Builder(title);
        components.forEach(b::add);
        nets.forEach(n -> b.connect(n.name(), n.pins().toArray(String[]::new)));
        b.rails.addAll(rails);
        b.assignments.addAll(assignments);
        b.computations.addAll(computations);
        b.rationale.addAll(rationale);
        b.notes.addAll(notes);
        return b;
    }

    public Optional<PlannedComponent> component(String ref) {
        return components.stream().filter(c -> c.ref().equals(ref)).findFirst();
    }

    public Optional<PlannedNet> net(String name) {
        return nets.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** Builds a plan step by step; not thread-safe. Connecting a pin to a net that exists adds it to that net. */
    public static final class Builder {
        private String title;
        private final Map<String, PlannedComponent> components = new LinkedHashMap<>();
        private final Map<String, Set<String>> nets = new LinkedHashMap<>();
        private final List<Rail> rails = new ArrayList<>();
        private final List<PinAssignment> assignments = new ArrayList<>();
        private final List<Computation> computations = new ArrayList<>();
        private final List<Rationale> rationale = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final Map<String, Integer> counters = new HashMap<>();

        private Builder(String title) {
            this.title = title;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Adds or replaces a component. */
        public Builder add(PlannedComponent c) {
            components.put(c.ref(), c);
            return this;
        }

        public Builder part(String ref, String partId, String purpose) {
            return add(new PlannedComponent(ref, ComponentKind.PART, partId, null, null, purpose));
        }

        public Builder component(String ref, ComponentKind kind, String partId, String value, String purpose) {
            return add(new PlannedComponent(ref, kind, partId, value, null, purpose));
        }

        public boolean has(String ref) {
            return components.containsKey(ref);
        }

        public Optional<PlannedComponent> get(String ref) {
            return Optional.ofNullable(components.get(ref));
        }

        /** Removes a component and every pin of it from the nets. */
        public Builder remove(String ref) {
            components.remove(ref);
            String prefix = ref + ":";
            nets.values().forEach(pins -> pins.removeIf(p -> p.startsWith(prefix)));
            nets.values().removeIf(Set::isEmpty);
            return this;
        }

        /**
         * The next free reference with this prefix: {@code R1}, {@code R2}, … skipping any already used.
         */
        public String nextRef(String prefix) {
            int n = counters.getOrDefault(prefix, 0);
            String ref;
            do {
                n++;
                ref = prefix + n;
            } while (components.containsKey(ref));
            counters.put(prefix, n);
            return ref;
        }

        /** Puts each {@code REF:PIN} on net {@code name}, creating the net when needed. */
        public Builder connect(String name, String... pins) {
            Set<String> set = nets.computeIfAbsent(name, k -> new LinkedHashSet<>());
            for (String p : pins) {
                set.add(p);
            }
            return this;
        }

        /** The net a pin is on, if it has been connected. */
        public Optional<String> netOf(String pin) {
            for (Map.Entry<String, Set<String>> e : nets.entrySet()) {
                if (e.getValue().contains(pin)) {
                    return Optional.of(e.getKey());
                }
            }
            return Optional.empty();
        }

        public boolean hasNet(String name) {
            return nets.containsKey(name);
        }

        /** Moves every pin of net {@code from} onto net {@code into}. */
        public Builder merge(String from, String into) {
            Set<String> moved = nets.remove(from);
            if (moved != null) {
                nets.computeIfAbsent(into, k -> new LinkedHashSet<>()).addAll(moved);
            }
            return this;
        }

        public Builder disconnect(String pin) {
            nets.values().forEach(s -> s.remove(pin));
            nets.values().removeIf(Set::isEmpty);
            return this;
        }

        public Builder rail(Rail rail) {
            rails.removeIf(r -> r.net().equals(rail.net()));
            rails.add(rail);
            return this;
        }

        public Builder assign(String signal, String hostPin, String devicePin, String reason) {
            assignments.add(new PinAssignment(signal, hostPin, devicePin, reason));
            return this;
        }

        public Builder compute(Computation c) {
            computations.add(c);
            return this;
        }

        public Builder why(String topic, String text, String... facts) {
            rationale.add(new Rationale(topic, text, List.of(facts)));
            return this;
        }

        public Builder note(String text) {
            notes.add(text);
            return this;
        }

        public DesignPlan build() {
            List<PlannedNet> list = new ArrayList<>();
            nets.forEach((name, pins) -> list.add(new PlannedNet(name, new ArrayList<>(pins))));
            return new DesignPlan(title, new ArrayList<>(components.values()), list, rails, assignments, computations,
                    rationale, notes);
        }
    }
}
