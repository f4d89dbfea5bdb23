package dev.kirchhoff.schematic.model;

import dev.kirchhoff.schematic.internal.StringIntMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A circuit: components, the nets that connect their pins, and what a netlist carries besides (subcircuit
 * definitions, device models, parameters, includes, global nets, simulator directives). The one representation
 * every reader, writer, rule and design stage works on.
 *
 * <p>Immutable and thread-safe. Edits return a new circuit ({@code circuit.withNet(net)}), so a design can branch
 * and roll back. Connectivity is stored per pin (a compact int per pin), which keeps million-element netlists
 * small; {@link #nets()} materialises the net view on first use.
 *
 * <pre>{@code
 * Circuit divider = Circuit.builder().title("divider")
 *         .add(Component.builder("R1", ComponentKind.RESISTOR).value(Value.parse("10k")).build(), "IN", "OUT")
 *         .add(Component.builder("R2", ComponentKind.RESISTOR).value(Value.parse("10k")).build(), "OUT", "0")
 *         .build();
 * divider.netOf(PinRef.of("R2:1"));   // Optional[OUT]
 * }</pre>
 */
public final class Circuit {

    private final String title;
    private final List<Component> components;
    private volatile StringIntMap refIndex;
    private final String[] netNames;
    private volatile StringIntMap netIndex;
    // Arrays handed over by the builder, possibly longer than needed: pinCount and components.size() bound them.
    private final int[] pinOffset;
    private final int[] pinNet;
    private final int pinCount;
    private final List<Subcircuit> subcircuits;
    private final List<ModelCard> models;
    private final List<Parameter> parameters;
    private final List<Include> includes;
    private final List<String> globals;
    private final List<Directive> directives;
    private volatile List<Net> nets;

    private Circuit(Builder b) {
        this.title = b.title;
        this.components = Collections.unmodifiableList(Arrays.asList(b.components.toArray(new Component[0])));
        this.refIndex = b.indexIsCurrent ? b.refIndex : null;
        this.netNames = b.netNames.toArray(new String[0]);
        this.netIndex = b.netIndexIsCurrent ? b.netIndex : null;
        if (b.pinOffset.length < b.components.size() + 1) {
            b.pinOffset = Arrays.copyOf(b.pinOffset, b.components.size() + 1);
        }
        b.pinOffset[b.components.size()] = b.pinCount;
        this.pinOffset = b.pinOffset;
        this.pinNet = b.pinNet;
        this.pinCount = b.pinCount;
        this.subcircuits = List.copyOf(b.subcircuits);
        this.models = List.copyOf(b.models);
        this.parameters = List.copyOf(b.parameters);
        this.includes = List.copyOf(b.includes);
        this.globals = List.copyOf(b.globals);
        this.directives = List.copyOf(b.directives);
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder(16);
    }

    /** A new, empty builder sized for about {@code components} components. */
    public static Builder builder(int components) {
        return new Builder(components);
    }

    /** A builder holding everything in this circuit, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The title line of a SPICE deck, or the empty string. */
    public String title() {
        return title;
    }

    /** The components, in the order they were added. */
    public List<Component> components() {
        return components;
    }

    /** The component {@code ref}, if present. */
    public Optional<Component> component(String ref) {
        int i = refIndex().get(ref);
        return i < 0 ? Optional.empty() : Optional.of(components.get(i));
    }

    /** The position of {@code ref} in {@link #components()}, or -1. */
    public int indexOf(String ref) {
        return refIndex().get(ref);
    }

    // Built on first lookup: converting a big netlist never looks components up by name, so it never pays for it.
    private StringIntMap refIndex() {
        StringIntMap index = refIndex;
        if (index == null) {
            index = indexOf(components);
            refIndex = index;
        }
        return index;
    }

    private static StringIntMap indexOf(List<Component> components) {
        StringIntMap index = new StringIntMap(components.size());
        for (int i = 0; i < components.size(); i++) {
            if (index.putIfAbsent(components.get(i).ref(), i) >= 0) {
                throw new IllegalStateException("Two components are called " + components.get(i).ref()
                        + "; a reader added them without checking.");
            }
        }
        return index;
    }

    /** The names of all nets, connected or declared, in order of first appearance. */
    public List<String> netNames() {
        return Collections.unmodifiableList(Arrays.asList(netNames));
    }

    /** Whether a net called {@code name} exists. */
    public boolean hasNet(String name) {
        return netIndex().get(name) >= 0;
    }

    private StringIntMap netIndex() {
        StringIntMap index = netIndex;
        if (index == null) {
            index = new StringIntMap(netNames.length);
            for (int i = 0; i < netNames.length; i++) {
                index.put(netNames[i], i);
            }
            netIndex = index;
        }
        return index;
    }

    /**
     * The net the pin at {@code pinIndex} of the component at {@code componentIndex} is on, or {@code null} when
     * the pin is unconnected. The fast path for writers walking components in order.
     */
    public String netAt(int componentIndex, int pinIndex) {
        int n = pinNet[pinOffset[componentIndex] + pinIndex];
        return n < 0 ? null : netNames[n];
    }

    /**
     * The number of the net (its position in {@link #netNames()}) the pin at {@code pinIndex} of the component at
     * {@code componentIndex} is on, or -1 when the pin is unconnected.
     */
    public int netIdAt(int componentIndex, int pinIndex) {
        return pinNet[pinOffset[componentIndex] + pinIndex];
    }

    /** The net {@code pin} is on; the pin may be given by number or name ({@code U1:SDA}). */
    public Optional<String> netOf(PinRef pin) {
        int c = refIndex().get(pin.ref());
        if (c < 0) {
            return Optional.empty();
        }
        int p = components.get(c).pinIndex(pin.pin());
        return p < 0 ? Optional.empty() : Optional.ofNullable(netAt(c, p));
    }

    /** The nets with their pins, in order of first appearance; computed on first use. */
    public List<Net> nets() {
        List<Net> n = nets;
        if (n == null) {
            n = materialiseNets();
            nets = n;
        }
        return n;
    }

    /** The net called {@code name}, if present. */
    public Optional<Net> net(String name) {
        int i = netIndex().get(name);
        return i < 0 ? Optional.empty() : Optional.of(nets().get(i));
    }

    private List<Net> materialiseNets() {
        @SuppressWarnings("unchecked")
        List<PinRef>[] pins = new List[netNames.length];
        for (int c = 0; c < components.size(); c++) {
            Component component = components.get(c);
            for (int p = 0; p < component.pins().size(); p++) {
                int net = pinNet[pinOffset[c] + p];
                if (net >= 0) {
                    if (pins[net] == null) {
                        pins[net] = new ArrayList<>(2);
                    }
                    pins[net].add(new PinRef(component.ref(), component.pins().get(p).number()));
                }
            }
        }
        Net[] result = new Net[netNames.length];
        for (int i = 0; i < result.length; i++) {
            result[i] = Net.of(netNames[i], pins[i] == null ? List.of() : pins[i]);
        }
        return List.of(result);
    }

    /** Subcircuit definitions at this level. */
    public List<Subcircuit> subcircuits() {
        return subcircuits;
    }

    /** The subcircuit defined at this level as {@code name} (exact case first, then ignoring case). */
    public Optional<Subcircuit> subcircuit(String name) {
        for (Subcircuit s : subcircuits) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        for (Subcircuit s : subcircuits) {
            if (s.name().equalsIgnoreCase(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Device models ({@code .model}). */
    public List<ModelCard> models() {
        return models;
    }

    /** The model called {@code name} (exact case first, then ignoring case). */
    public Optional<ModelCard> model(String name) {
        for (ModelCard m : models) {
            if (m.name().equals(name)) {
                return Optional.of(m);
            }
        }
        for (ModelCard m : models) {
            if (m.name().equalsIgnoreCase(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Circuit parameters ({@code .param}, Spectre {@code parameters}). */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** File references ({@code .include}, {@code .lib}). */
    public List<Include> includes() {
        return includes;
    }

    /** Nets declared global ({@code .global}, Spectre {@code global}). */
    public List<String> globals() {
        return globals;
    }

    /** Simulator directives kept verbatim (analyses, options, control blocks). */
    public List<Directive> directives() {
        return directives;
    }

    /** Whether this circuit defines or calls subcircuits. */
    public boolean isHierarchical() {
        if (!subcircuits.isEmpty()) {
            return true;
        }
        for (Component c : components) {
            if (c.kind() == ComponentKind.SUBCIRCUIT) {
                return true;
            }
        }
        return false;
    }

    /** This circuit with {@code component} added (or replacing the one with its reference), its pins unconnected. */
    public Circuit withComponent(Component component) {
        Builder b = toBuilder();
        if (b.contains(component.ref())) {
            b.replace(component);
        } else {
            b.add(component);
        }
        return b.build();
    }

    /** This circuit without the component {@code ref} and its connections. */
    public Circuit without(String ref) {
        Builder b = Circuit.builder(components.size());
        b.title(title);
        copyDefinitions(b);
        for (String name : netNames) {
            b.net(name);
        }
        for (int c = 0; c < components.size(); c++) {
            Component component = components.get(c);
            if (!component.ref().equals(ref)) {
                b.add(component, nodesOf(c));
            }
        }
        return b.build();
    }

    /** This circuit with {@code pin} (by number or name) connected to {@code net}, moved off any net it was on. */
    public Circuit connect(PinRef pin, String net) {
        Builder b = toBuilder();
        b.disconnect(pin.ref(), pin.pin());
        b.connect(pin.ref(), pin.pin(), net);
        return b.build();
    }

    /**
     * This circuit with net {@code net.name()} holding exactly {@code net.pins()}: pins it held before and that
     * are not listed are disconnected, listed pins are moved onto it.
     */
    public Circuit withNet(Net net) {
        Builder b = toBuilder();
        b.net(net.name());
        int index = b.netIds().get(net.name());
        for (int i = 0; i < b.pinCount; i++) {
            if (b.pinNet[i] == index) {
                b.pinNet[i] = -1;
            }
        }
        for (PinRef p : net.pins()) {
            b.disconnect(p.ref(), p.pin());
            b.connect(p.ref(), p.pin(), net.name());
        }
        return b.build();
    }

    /** The nets of the component at {@code index}, aligned with its pins ({@code null} for unconnected pins). */
    public String[] nodesOf(int index) {
        int from = pinOffset[index];
        int to = pinOffset[index + 1];
        String[] nodes = new String[to - from];
        for (int i = from; i < to; i++) {
            nodes[i - from] = pinNet[i] < 0 ? null : netNames[pinNet[i]];
        }
        return nodes;
    }

    private void copyDefinitions(Builder b) {
        subcircuits.forEach(b::subcircuit);
        models.forEach(b::model);
        parameters.forEach(b::parameter);
        includes.forEach(b::include);
        globals.forEach(b::global);
        directives.forEach(b::directive);
    }

    @Override
    public String toString() {
        return "Circuit[" + (title.isEmpty() ? "" : title + ", ") + components.size() + " components, "
                + netNames.length + " nets" + (subcircuits.isEmpty() ? "" : ", " + subcircuits.size() + " subcircuits")
                + "]";
    }

    /**
     * Builds a {@link Circuit}. Checks as it goes: reference designators are unique, every connected pin exists,
     * no pin is on two nets. Not thread-safe; a builder can keep going after {@link #build()}.
     */
    public static final class Builder {
        private String title = "";
        private final List<Component> components;
        private StringIntMap refIndex;
        private boolean indexIsCurrent = true;
        private final List<String> netNames;
        private StringIntMap netIndex;
        private boolean netIndexIsCurrent = true;
        private int[] pinOffset;
        private int[] pinNet;
        private int pinCount;
        private final List<Subcircuit> subcircuits = new ArrayList<>();
        private final List<ModelCard> models = new ArrayList<>();
        private final List<Parameter> parameters = new ArrayList<>();
        private final List<Include> includes = new ArrayList<>();
        private final List<String> globals = new ArrayList<>();
        private final List<Directive> directives = new ArrayList<>();
        private boolean shared;

        private Builder(int expected) {
            components = new ArrayList<>(expected);
            // the indexes grow as names are added; readers that add unchecked never fill them
            refIndex = new StringIntMap(16);
            netNames = new ArrayList<>(Math.max(8, expected / 2));
            netIndex = new StringIntMap(16);
            pinOffset = new int[expected + 1];
            pinNet = new int[Math.max(8, expected * 3)];
        }

        private Builder(Circuit c) {
            title = c.title;
            components = new ArrayList<>(c.components);
            refIndex = new StringIntMap(c.refIndex());
            netNames = new ArrayList<>(Arrays.asList(c.netNames));
            netIndex = new StringIntMap(c.netIndex());
            pinOffset = Arrays.copyOf(c.pinOffset, c.components.size() + 2);
            pinNet = Arrays.copyOf(c.pinNet, c.pinCount + 4);
            pinCount = c.pinCount;
            c.copyDefinitions(this);
        }

        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "The parameter 'title' must not be null.");
            return this;
        }

        /** Whether a component {@code ref} was added. */
        public boolean contains(String ref) {
            return index().get(ref) >= 0;
        }

        private StringIntMap index() {
            if (!indexIsCurrent) {
                refIndex = indexOf(components);
                indexIsCurrent = true;
            }
            return refIndex;
        }

        /** The component {@code ref}, or {@code null}. */
        public Component component(String ref) {
            int i = index().get(ref);
            return i < 0 ? null : components.get(i);
        }

        /** The number of components added so far. */
        public int size() {
            return components.size();
        }

        /** Whether a net {@code name} exists. */
        public boolean hasNet(String name) {
            return netIds().get(name) >= 0;
        }

        private StringIntMap netIds() {
            if (!netIndexIsCurrent) {
                netIndex = new StringIntMap(netNames.size());
                for (int i = 0; i < netNames.size(); i++) {
                    netIndex.put(netNames.get(i), i);
                }
                netIndexIsCurrent = true;
            }
            return netIndex;
        }

        /**
         * Adds a net the caller knows is new (a reader that tracks its own names) and returns its number; the
         * index by name is rebuilt only if something asks for it.
         */
        public int newNet(String name) {
            unshare();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("A net name must not be empty.");
            }
            netIndexIsCurrent = false;
            netNames.add(name);
            return netNames.size() - 1;
        }

        /** Replaces the component at {@code index} by one with the same pins, keeping its connections. */
        public Builder set(int index, Component component) {
            unshare();
            Component old = components.get(index);
            if (!old.pins().equals(component.pins())) {
                throw new IllegalArgumentException("The replacement for " + old.ref() + " must have the same pins.");
            }
            components.set(index, component);
            indexIsCurrent = false;
            return this;
        }

        /**
         * Adds {@code component}; {@code nets} are the nets of its pins in pin order ({@code null} or missing
         * entries leave a pin unconnected).
         *
         * @throws IllegalArgumentException when the reference designator is taken or more nets than pins are given
         */
        public Builder add(Component component, String... nets) {
            unshare();
            if (index().get(component.ref()) >= 0) {
                throw new IllegalArgumentException("Two components are called " + component.ref()
                        + "; give each component its own reference designator.");
            }
            int pinTotal = component.pins().size();
            if (nets.length > pinTotal) {
                throw new IllegalArgumentException(component.ref() + " has " + pinTotal + " pins but "
                        + nets.length + " nets were given for them.");
            }
            int index = components.size();
            components.add(component);
            refIndex.put(component.ref(), index);
            ensurePins(pinCount + pinTotal);
            if (pinOffset.length < index + 2) {
                pinOffset = Arrays.copyOf(pinOffset, Math.max(index + 2, pinOffset.length * 2));
            }
            pinOffset[index] = pinCount;
            for (int i = 0; i < pinTotal; i++) {
                pinNet[pinCount + i] = i < nets.length && nets[i] != null ? netIdOf(nets[i]) : -1;
            }
            pinCount += pinTotal;
            pinOffset[index + 1] = pinCount;
            return this;
        }

        /**
         * Adds {@code component} with its pins on the nets numbered {@code netIds} (from {@link #netId}), -1 for an
         * unconnected pin. The fast path for readers of big netlists.
         *
         * @throws IllegalArgumentException when the reference designator is taken or the ids do not match the pins
         */
        public Builder add(Component component, int[] netIds) {
            unshare();
            int pinTotal = component.pins().size();
            if (netIds.length != pinTotal) {
                throw new IllegalArgumentException(component.ref() + " has " + pinTotal + " pins but "
                        + netIds.length + " nets were given for them.");
            }
            int index = components.size();
            if (index().putIfAbsent(component.ref(), index) >= 0) {
                throw new IllegalArgumentException("Two components are called " + component.ref()
                        + "; give each component its own reference designator.");
            }
            return append(component, netIds);
        }

        /**
         * As {@link #add(Component, int[])}, for readers that have already made every reference designator unique:
         * skips the check, and the index by name is built only when something asks for it.
         */
        public Builder addUnique(Component component, int[] netIds) {
            unshare();
            indexIsCurrent = false;
            if (component.pins().size() != netIds.length) {
                throw new IllegalArgumentException(component.ref() + " has " + component.pins().size()
                        + " pins but " + netIds.length + " nets were given for them.");
            }
            return append(component, netIds);
        }

        private Builder append(Component component, int[] netIds) {
            int pinTotal = component.pins().size();
            int index = components.size();
            components.add(component);
            ensurePins(pinCount + pinTotal);
            if (pinOffset.length < index + 2) {
                pinOffset = Arrays.copyOf(pinOffset, Math.max(index + 2, pinOffset.length * 2));
            }
            pinOffset[index] = pinCount;
            for (int i = 0; i < pinTotal; i++) {
                int id = netIds[i];
                if (id < -1 || id >= netNames.size()) {
                    throw new IllegalArgumentException("There is no net number " + id + ".");
                }
                pinNet[pinCount + i] = id;
            }
            pinCount += pinTotal;
            pinOffset[index + 1] = pinCount;
            return this;
        }

        /** The number of net {@code name}, creating the net if it does not exist yet. */
        public int netId(String name) {
            unshare();
            return netIdOf(name);
        }

        /** The name of net number {@code id}. */
        public String netName(int id) {
            return netNames.get(id);
        }

        /**
         * Replaces the component with the same reference designator. Connections carry over by pin number; pins
         * the new component lacks are dropped.
         */
        public Builder replace(Component component) {
            unshare();
            int index = index().get(component.ref());
            if (index < 0) {
                throw new IllegalArgumentException("There is no component " + component.ref() + " to replace.");
            }
            Component old = components.get(index);
            String[] nets = new String[component.pins().size()];
            for (int i = 0; i < nets.length; i++) {
                int oldPin = old.pinIndexByNumber(component.pins().get(i).number());
                if (oldPin >= 0) {
                    int n = pinNet[pinOffset[index] + oldPin];
                    nets[i] = n < 0 ? null : netNames.get(n);
                }
            }
            rebuildWithout(index);
            return add(component, nets);
        }

        private void rebuildWithout(int removed) {
            List<Component> keep = new ArrayList<>(components);
            int[] oldOffset = pinOffset;
            int[] oldNet = pinNet;
            components.clear();
            refIndex = new StringIntMap(keep.size());
            indexIsCurrent = true;
            pinOffset = new int[keep.size() + 1];
            pinNet = new int[Math.max(8, pinCount)];
            pinCount = 0;
            for (int c = 0; c < keep.size(); c++) {
                if (c == removed) {
                    continue;
                }
                Component component = keep.get(c);
                int index = components.size();
                components.add(component);
                refIndex.put(component.ref(), index);
                pinOffset[index] = pinCount;
                for (int p = 0; p < component.pins().size(); p++) {
                    pinNet[pinCount++] = oldNet[oldOffset[c] + p];
                }
                pinOffset[index + 1] = pinCount;
            }
        }

        /**
         * Connects pin {@code pin} (number or name) of {@code ref} to {@code net}, creating the net if needed.
         *
         * @throws IllegalArgumentException when the component or pin does not exist, or the pin is already on
         *     another net
         */
        public Builder connect(String ref, String pin, String net) {
            unshare();
            int c = index().get(ref);
            if (c < 0) {
                throw new IllegalArgumentException("There is no component " + ref + " to connect " + ref + ":" + pin
                        + " to " + net + ".");
            }
            Component component = components.get(c);
            int p = component.pinIndex(pin);
            if (p < 0) {
                throw new IllegalArgumentException(ref + " has no pin '" + pin + "'; its pins are "
                        + pinList(component) + ".");
            }
            int slot = pinOffset[c] + p;
            int id = netIdOf(net);
            if (pinNet[slot] >= 0 && pinNet[slot] != id) {
                throw new IllegalArgumentException(ref + ":" + component.pins().get(p).number() + " is already on net "
                        + netNames.get(pinNet[slot]) + "; a pin cannot also be on net " + net + ".");
            }
            pinNet[slot] = id;
            return this;
        }

        /** The net pin {@code pin} (number or name) of {@code ref} is on, or {@code null}. */
        public String netOfPin(String ref, String pin) {
            int c = index().get(ref);
            if (c < 0) {
                return null;
            }
            int p = components.get(c).pinIndex(pin);
            if (p < 0) {
                return null;
            }
            int n = pinNet[pinOffset[c] + p];
            return n < 0 ? null : netNames.get(n);
        }

        /** Disconnects a pin (number or name) from whatever net it is on; does nothing when it is not connected. */
        public Builder disconnect(String ref, String pin) {
            unshare();
            int c = index().get(ref);
            if (c >= 0) {
                int p = components.get(c).pinIndex(pin);
                if (p >= 0) {
                    pinNet[pinOffset[c] + p] = -1;
                }
            }
            return this;
        }

        private static String pinList(Component component) {
            StringBuilder sb = new StringBuilder();
            for (Pin p : component.pins()) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                if (sb.length() > 200) {
                    sb.append("…");
                    break;
                }
                sb.append(p.number());
                if (!p.name().isEmpty() && !p.name().equals(p.number())) {
                    sb.append(" (").append(p.name()).append(')');
                }
            }
            return sb.length() == 0 ? "none" : sb.toString();
        }

        /** Declares net {@code name} (a port or a labelled net without pins yet). */
        public Builder net(String name) {
            unshare();
            netIdOf(name);
            return this;
        }

        private int netIdOf(String name) {
            int id = netIds().get(name);
            if (id < 0) {
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("A net name must not be empty.");
                }
                id = netNames.size();
                netNames.add(name);
                netIndex.put(name, id);
            }
            return id;
        }

        private void ensurePins(int needed) {
            if (needed > pinNet.length) {
                pinNet = Arrays.copyOf(pinNet, Math.max(needed, pinNet.length + (pinNet.length >> 1)));
            }
        }

        public Builder subcircuit(Subcircuit subcircuit) {
            subcircuits.add(Objects.requireNonNull(subcircuit, "The parameter 'subcircuit' must not be null."));
            return this;
        }

        public Builder model(ModelCard model) {
            models.add(Objects.requireNonNull(model, "The parameter 'model' must not be null."));
            return this;
        }

        public Builder parameter(Parameter parameter) {
            parameters.add(Objects.requireNonNull(parameter, "The parameter 'parameter' must not be null."));
            return this;
        }

        public Builder include(Include include) {
            includes.add(Objects.requireNonNull(include, "The parameter 'include' must not be null."));
            return this;
        }

        public Builder global(String net) {
            if (!globals.contains(net)) {
                globals.add(net);
            }
            return this;
        }

        public Builder directive(Directive directive) {
            directives.add(Objects.requireNonNull(directive, "The parameter 'directive' must not be null."));
            return this;
        }

        /** The components added so far, in order. */
        public List<Component> components() {
            return Collections.unmodifiableList(components);
        }

        /** The models added so far. */
        public List<ModelCard> models() {
            return Collections.unmodifiableList(models);
        }

        /** The subcircuits defined so far. */
        public List<Subcircuit> subcircuits() {
            return Collections.unmodifiableList(subcircuits);
        }

        /** The parameters defined so far. */
        public List<Parameter> parameters() {
            return Collections.unmodifiableList(parameters);
        }

        /** Builds the circuit. The builder stays usable; the circuit does not change when it is. */
        public Circuit build() {
            Circuit c = new Circuit(this);
            shared = true;
            return c;
        }

        // The maps are handed to the circuit without copying (they are the big part of a big netlist); a builder
        // used again after build() copies them first so the circuit stays immutable.
        private void unshare() {
            if (shared) {
                // the last circuit built holds these arrays; never write into them again
                pinOffset = pinOffset.clone();
                pinNet = pinNet.clone();
                refIndex = indexIsCurrent ? new StringIntMap(refIndex) : null;
                indexIsCurrent = refIndex != null;
                if (refIndex == null) {
                    refIndex = new StringIntMap(16);
                }
                netIndex = netIndexIsCurrent ? new StringIntMap(netIndex) : new StringIntMap(16);
                shared = false;
            }
        }
    }
}
