package dev.kirchhoff.schematic.model;

import dev.kirchhoff.schematic.units.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A placed instance in a circuit: reference designator, what it is, its value, model and parameters, and its
 * pins. What it is connected to lives in the {@link Circuit}'s nets, not here. Immutable.
 *
 * <pre>{@code
 * Component r1 = Component.builder("R1", ComponentKind.RESISTOR).value(Value.parse("10k")).build();
 * Component m1 = Component.builder("M1", ComponentKind.MOSFET).model("nch")
 *         .parameter("w", Value.parse("1u")).build();     // pins D G S B from the kind
 * }</pre>
 *
 * @param ref the reference designator ({@code R1}, {@code U1}, {@code uno}); unique in a circuit
 * @param kind a primitive kind, {@link ComponentKind#SUBCIRCUIT} or {@link ComponentKind#PART}
 * @param part the library or knowledge-base identity when known ({@code esp32-devkit-v1},
 *     {@code kicad:Device:R}, {@code wokwi:wokwi-led}); {@code null} otherwise
 * @param value the main value (resistance, capacitance, source specification); {@code null} when none
 * @param model the device model or subcircuit name ({@code nch}, {@code 2N2222}, {@code opamp}); {@code null}
 *     when none
 * @param parameters instance parameters in the order written ({@code w=1u l=180n})
 * @param controls other components this one refers to by name: the controlling source of an F/H/W element, the
 *     inductors of a K coupling
 * @param properties annotations that are not electrical: footprint, datasheet, position in a drawing; keys are
 *     namespaced by the format that owns them ({@code kicad.footprint}, {@code wokwi.top})
 * @param pins the pins, each with a unique number
 * @param line the source line it was read from, 0 when it was not read from a file
 */
public record Component(String ref, ComponentKind kind, String part, Value value, String model,
                        List<Parameter> parameters, List<String> controls, Map<String, String> properties,
                        List<Pin> pins, int line) {

    public Component {
        Objects.requireNonNull(ref, "The parameter 'ref' must not be null.");
        Objects.requireNonNull(kind, "The parameter 'kind' must not be null.");
        if (ref.isBlank()) {
            throw new IllegalArgumentException("The parameter 'ref' must not be blank.");
        }
        parameters = parameters == null || parameters.isEmpty() ? List.of() : List.copyOf(parameters);
        controls = controls == null || controls.isEmpty() ? List.of() : List.copyOf(controls);
        properties = properties == null || properties.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        pins = pins == null ? List.of() : List.copyOf(pins);
        if (pins.size() > 1) {
            checkUniqueNumbers(ref, pins);
        }
    }

    private static void checkUniqueNumbers(String ref, List<Pin> pins) {
        for (int i = 0; i < pins.size(); i++) {
            for (int j = i + 1; j < pins.size(); j++) {
                if (pins.get(i).number().equals(pins.get(j).number())) {
                    throw new IllegalArgumentException("Component " + ref + " has two pins numbered '"
                            + pins.get(i).number() + "'; give every pin its own number.");
                }
            }
        }
    }

    /** Starts a component; primitive kinds get their standard pins unless {@link Builder#pins} says otherwise. */
    public static Builder builder(String ref, ComponentKind kind) {
        return new Builder(ref, kind);
    }

    /** A builder holding this component's fields, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(ref, kind);
        b.part = part;
        b.value = value;
        b.model = model;
        b.parameters(parameters);
        controls.forEach(b::control);
        properties.forEach(b::property);
        b.pins = pins;
        b.line = line;
        return b;
    }

    /** This component under another reference designator. */
    public Component withRef(String newRef) {
        return new Component(newRef, kind, part, value, model, parameters, controls, properties, pins, line);
    }

    /** The index of the pin whose number is {@code number}, or -1. */
    public int pinIndexByNumber(String number) {
        for (int i = 0; i < pins.size(); i++) {
            if (pins.get(i).number().equals(number)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of the pin addressed by {@code numberOrName}: the pin with that number, else the only pin with
     * that name (ignoring case), else a primitive's terminal alias ({@code drain}, {@code anode}); -1 when none
     * or when the name is ambiguous. A name shared only by power pins ({@code GND} on a board with three ground
     * pins, which the board connects inside) addresses the first of them.
     */
    public int pinIndex(String numberOrName) {
        int byNumber = pinIndexByNumber(numberOrName);
        if (byNumber >= 0) {
            return byNumber;
        }
        int found = -1;
        boolean ambiguous = false;
        boolean allPower = true;
        for (int i = 0; i < pins.size(); i++) {
            if (pins.get(i).name().equalsIgnoreCase(numberOrName)) {
                PinType t = pins.get(i).type();
                allPower &= t == PinType.POWER_IN || t == PinType.POWER_OUT;
                if (found >= 0) {
                    ambiguous = true;
                } else {
                    found = i;
                }
            }
        }
        if (ambiguous) {
            return allPower ? found : -1;
        }
        if (found >= 0 || !kind.isPrimitive()) {
            return found;
        }
        for (String terminal : kind.terminalOrder()) {
            if (kind.isTerminal(terminal, numberOrName)) {
                return terminalIndex(terminal);
            }
        }
        return -1;
    }

    /**
     * The index of this primitive's terminal {@code terminal} (a name from {@link ComponentKind#terminalOrder()}),
     * matched by pin name and its aliases first and by standard pin number second; -1 when absent.
     */
    public int terminalIndex(String terminal) {
        for (int i = 0; i < pins.size(); i++) {
            if (kind.isTerminal(terminal, pins.get(i).name())) {
                return i;
            }
        }
        for (Pin standard : kind.standardPins()) {
            if (standard.name().equals(terminal)) {
                boolean namesUnhelpful = true;
                for (Pin p : pins) {
                    if (!p.name().isEmpty() && !p.name().equals(p.number())) {
                        namesUnhelpful = false;
                        break;
                    }
                }
                return namesUnhelpful ? pinIndexByNumber(standard.number()) : -1;
            }
        }
        return -1;
    }

    /** The property {@code key}, or {@code null}. */
    public String property(String key) {
        return properties.get(key);
    }

    /** The parameter called {@code name} (ignoring case), or {@code null}. */
    public Parameter parameter(String name) {
        return Parameter.find(parameters, name);
    }

    @Override
    public String toString() {
        return ref + " (" + kind.description() + (value == null ? "" : " " + value) + (model == null ? "" : " " + model)
                + ")";
    }

    /** Builds a {@link Component}. Not thread-safe. */
    public static final class Builder {
        private final String ref;
        private final ComponentKind kind;
        private String part;
        private Value value;
        private String model;
        // Collections are created on first use and a single immutable list is kept as given: readers of big
        // netlists share one parameter list among thousands of identical devices.
        private List<Parameter> parameters = List.of();
        private boolean parametersOwned;
        private List<String> controls = List.of();
        private Map<String, String> properties = Map.of();
        private List<Pin> pins;
        private int line;

        private Builder(String ref, ComponentKind kind) {
            this.ref = ref;
            this.kind = kind;
        }

        public Builder part(String part) {
            this.part = part;
            return this;
        }

        public Builder value(Value value) {
            this.value = value;
            return this;
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder parameter(String name, Value value) {
            ownParameters().add(new Parameter(name, value));
            return this;
        }

        public Builder parameters(List<Parameter> list) {
            if (list.isEmpty()) {
                return this;
            }
            if (parameters.isEmpty() && !parametersOwned) {
                parameters = list;
            } else {
                ownParameters().addAll(list);
            }
            return this;
        }

        private List<Parameter> ownParameters() {
            if (!parametersOwned) {
                parameters = new ArrayList<>(parameters);
                parametersOwned = true;
            }
            return parameters;
        }

        public Builder control(String ref) {
            if (controls.isEmpty()) {
                controls = new ArrayList<>(2);
            }
            controls.add(ref);
            return this;
        }

        public Builder property(String key, String value) {
            if (properties.isEmpty()) {
                properties = new LinkedHashMap<>();
            }
            properties.put(key, value);
            return this;
        }

        public Builder pins(List<Pin> pins) {
            this.pins = pins;
            return this;
        }

        public Builder line(int line) {
            this.line = line;
            return this;
        }

        public Component build() {
            List<Pin> p = pins != null ? pins : kind.standardPins();
            return new Component(ref, kind, part, value, model, parameters, controls, properties, p, line);
        }
    }
}
