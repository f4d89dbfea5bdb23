package dev.kirchhoff.validation;

import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.schematic.format.WiringDefect;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Pin;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;
import dev.kirchhoff.schematic.units.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What rules read: a circuit with its nets indexed (pins per net in compact arrays, so a million-component netlist
 * is walked in linear time), each component bound to its knowledge-base part, and the voltage of every net that can
 * be inferred ({@link Rails}). Immutable after construction and safe to share between rules.
 *
 * <p>Pins are addressed by {@code (component index, pin index)}; nets by their id in {@link Circuit#netNames()}.
 */
public final class CircuitFacts {

    private final Circuit circuit;
    private final PartResolver resolver;
    private final List<WiringDefect> defects;
    private final Binding[] bindings;
    private final int[] netStart;
    private final int[] netComponent;
    private final int[] netPin;
    private final Rails rails;
    private final Map<String, Object> memo = new HashMap<>();
    private final Map<Class<?>, Object> attachments = new HashMap<>();

    /**
     * @param circuit the circuit to analyse
     * @param resolver finds knowledge-base parts
     * @param defects connections the reader could not make (lenient reads); empty otherwise
     */
    public CircuitFacts(Circuit circuit, PartResolver resolver, List<WiringDefect> defects) {
        this.circuit = circuit;
        this.resolver = resolver;
        this.defects = List.copyOf(defects);
        List<Component> components = circuit.components();
        int n = components.size();
        bindings = new Binding[n];
        Map<Object, Binding> shared = new HashMap<>();
        int nets = circuit.netNames().size();
        int[] count = new int[nets + 1];
        int total = 0;
        for (int i = 0; i < n; i++) {
            Component c = components.get(i);
            // primitives without a part or model share one binding; parts are cached by the resolver
            if (c.kind().isPrimitive() && c.part() == null && (c.model() == null || !c.kind().needsModel())) {
                bindings[i] = shared.computeIfAbsent(c.kind(), k -> new Binding(Binding.Status.PRIMITIVE, null, "",
                        List.of()));
            } else {
                // components of one part with the same pins share a binding: a board of a thousand identical
                // modules resolves once
                SharedKey key = new SharedKey(c.kind(), c.part(), c.model(), c.pins());
                Binding b = (Binding) shared.get(key);
                if (b == null) {
                    b = resolver.bind(circuit, c);
                    shared.put(key, b);
                }
                bindings[i] = b;
            }
            for (int p = 0; p < c.pins().size(); p++) {
                int id = circuit.netIdAt(i, p);
                if (id >= 0) {
                    count[id + 1]++;
                    total++;
                }
            }
        }
        netStart = new int[nets + 1];
        for (int k = 0; k < nets; k++) {
            netStart[k + 1] = netStart[k] + count[k + 1];
        }
        netComponent = new int[total];
        netPin = new int[total];
        int[] fill = new int[nets];
        for (int i = 0; i < n; i++) {
            List<Pin> pins = components.get(i).pins();
            for (int p = 0; p < pins.size(); p++) {
                int id = circuit.netIdAt(i, p);
                if (id >= 0) {
                    int at = netStart[id] + fill[id]++;
                    netComponent[at] = i;
                    netPin[at] = p;
                }
            }
        }
        rails = new Rails(this);
    }

    /** What makes two components resolve alike. */
    private record SharedKey(ComponentKind kind, String part, String model, List<Pin> pins) {
    }

    /** Facts over a circuit read strictly (no wiring defects). */
    public static CircuitFacts of(Circuit circuit, PartResolver resolver) {
        return new CircuitFacts(circuit, resolver, List.of());
    }

    public Circuit circuit() {
        return circuit;
    }

    public PartResolver resolver() {
        return resolver;
    }

    /** Connections the reader could not make. */
    public List<WiringDefect> defects() {
        return defects;
    }

    public int componentCount() {
        return bindings.length;
    }

    public Component component(int i) {
        return circuit.components().get(i);
    }

    public String ref(int i) {
        return component(i).ref();
    }

    public ComponentKind kind(int i) {
        return component(i).kind();
    }

    /** What component {@code i} is in the knowledge base. */
    public Binding binding(int i) {
        return bindings[i];
    }

    /** The knowledge-base part of component {@code i}, or {@code null}. */
    public Part part(int i) {
        return bindings[i].part();
    }

    /** The part's pin behind pin {@code p} of component {@code i}, or {@code null}. */
    public PartPin partPin(int i, int p) {
        return bindings[i].pin(p);
    }

    /** The pin of component {@code i} at {@code p}. */
    public Pin pin(int i, int p) {
        return component(i).pins().get(p);
    }

    /** {@code REF:PIN} with the pin's name when it has one ({@code U1:SDA}), else its number. */
    public String label(int i, int p) {
        Pin pin = pin(i, p);
        return ref(i) + ":" + pin.label();
    }

    /**
     * The electrical type of a pin: the knowledge-base part's type when the component is bound to a part, else the
     * type the file gave.
     */
    public PinType type(int i, int p) {
        PartPin pp = bindings[i].pin(p);
        if (pp != null && bindings[i].status() == Binding.Status.PART) {
            return pp.type();
        }
        return pin(i, p).type();
    }

    /** Whether pin {@code p} of component {@code i} can do {@code function}, by the part or by the file. */
    public boolean can(int i, int p, PinFunction function) {
        PartPin pp = bindings[i].pin(p);
        return pp != null ? pp.can(function) : pin(i, p).functions().contains(function);
    }

    /** The net id of a pin, or -1 when it is unconnected. */
    public int net(int i, int p) {
        return circuit.netIdAt(i, p);
    }

    public int netCount() {
        return netStart.length - 1;
    }

    public String netName(int net) {
        return circuit.netNames().get(net);
    }

    /** The number of pins on {@code net}. */
    public int netSize(int net) {
        return netStart[net + 1] - netStart[net];
    }

    /** The component of the {@code k}-th pin on {@code net}. */
    public int netComponent(int net, int k) {
        return netComponent[netStart[net] + k];
    }

    /** The pin index of the {@code k}-th pin on {@code net}. */
    public int netPin(int net, int k) {
        return netPin[netStart[net] + k];
    }

    /** The pins on {@code net} as {@code (component, pin)} pairs; allocates, so prefer the indexed accessors in loops. */
    public List<PinAt> pinsOn(int net) {
        List<PinAt> out = new ArrayList<>(netSize(net));
        for (int k = 0; k < netSize(net); k++) {
            out.add(new PinAt(netComponent(net, k), netPin(net, k)));
        }
        return out;
    }

    /** A pin by position: component index and pin index. */
    public record PinAt(int component, int pin) {
    }

    /** The net on the other terminal of a two-terminal component, or -1. */
    public int otherNet(int i, int p) {
        List<Pin> pins = component(i).pins();
        if (pins.size() != 2) {
            return -1;
        }
        return net(i, 1 - p);
    }

    /** The value of component {@code i} as a number (ohms, farads, volts), or {@code null}. */
    public Double value(int i) {
        Value v = component(i).value();
        return v != null && v.isNumber() ? v.magnitude() : null;
    }

    /** The rails: which nets are ground, which have a known voltage and who sets it. */
    public Rails rails() {
        return rails;
    }

    /** The inferred voltage of {@code net}, or {@code null} when it cannot be told. Ground is 0. */
    public Double voltage(int net) {
        return rails.voltage(net);
    }

    /** Whether {@code net} is ground. */
    public boolean isGround(int net) {
        return rails.isGround(net);
    }

    /** The index of component {@code ref}, or -1. */
    public int indexOf(String ref) {
        return circuit.indexOf(ref);
    }

    /** The id of net {@code name}, or -1. */
    public int netId(String name) {
        return circuit.netNames().indexOf(name);
    }

    /**
     * A value computed once per circuit and shared between rules (a bus map, a union-find), keyed by {@code key}.
     * Rules run one after another, so no locking is needed beyond the validator's.
     */
    @SuppressWarnings("unchecked")
    public synchronized <T> T memo(String key, java.util.function.Supplier<T> compute) {
        Object v = memo.get(key);
        if (v == null) {
            v = compute.get();
            memo.put(key, v);
        }
        return (T) v;
    }

    /**
     * Attaches a result computed outside the rules (an ngspice operating point) for rules that read it; one value per
     * type.
     */
    public synchronized <T> void attach(Class<T> type, T value) {
        attachments.put(type, value);
    }

    /** The value attached for {@code type}, if any. */
    public synchronized <T> java.util.Optional<T> attachment(Class<T> type) {
        return java.util.Optional.ofNullable(type.cast(attachments.get(type)));
    }
}
