package dev.kirchhoff.generation.topology;

import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Pin;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A transistor-level circuit as a bipartite graph: devices on one side, nets on the other, each edge a device
 * terminal on a net. Net names are kept for ports ({@code VSS}, {@code VDD}, {@code VIN1}, {@code IB1}); internal nets
 * are anonymous in meaning and renamed freely. Immutable.
 *
 * @param type the circuit type ({@code Opamp}, {@code LDO}); may be empty when unknown
 * @param nets net names; an index into this list is a net
 * @param devices the devices, each with the net of every terminal
 */
public record Topology(String type, List<String> nets, List<Device> devices) {

    /** The net every BJT's substrate terminal is on, as in AnalogGenie: SPICE ground. */
    public static final String SUBSTRATE = "0";

    public Topology {
        Objects.requireNonNull(type, "The parameter 'type' must not be null.");
        nets = List.copyOf(nets);
        devices = List.copyOf(devices);
        for (Device d : devices) {
            for (int n : d.nets()) {
                if (n < 0 || n >= nets.size()) {
                    throw new IllegalArgumentException("A " + d.type() + " terminal is on net " + n
                            + ", which is not one of the " + nets.size() + " nets.");
                }
            }
        }
    }

    /** Whether net {@code name} is internal: not a supply, ground or port (internal nets are lower-case in data). */
    public static boolean isInternal(String name) {
        return !Ports.isNamed(name);
    }

    /**
     * Reads a schematic circuit as a topology.
     *
     * @throws UnsupportedTopologyException when it holds a device other than the eight {@link DeviceType}s (a
     *     subcircuit call, a source) or a terminal on no net
     */
    public static Topology of(String type, Circuit circuit) {
        if (circuit.isHierarchical()) {
            throw new UnsupportedTopologyException("it has subcircuit definitions");
        }
        List<String> names = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < circuit.components().size(); i++) {
            Component c = circuit.components().get(i);
            DeviceType t = DeviceType.of(c).orElseThrow(() -> new UnsupportedTopologyException(
                    c.ref() + " is a " + c.kind().description() + (c.model() == null ? "" : " " + c.model())));
            boolean substrate = t.kind() == ComponentKind.BJT && c.pins().size() == t.terminalCount() + 1;
            if (c.pins().size() != t.terminalCount() && !substrate) {
                throw new UnsupportedTopologyException(c.ref() + " has " + c.pins().size() + " pins");
            }
            Integer[] nets = new Integer[t.terminalCount()];
            for (int p = 0; p < c.pins().size(); p++) {
                String net = circuit.netAt(i, p);
                if (net == null) {
                    throw new UnsupportedTopologyException(c.ref() + ":" + c.pins().get(p).label() + " is on no net");
                }
                if (substrate && c.pins().get(p).name().equals("S")) {
                    if (!net.equals(SUBSTRATE)) {
                        throw new UnsupportedTopologyException(c.ref() + " has its substrate on " + net
                                + " rather than " + SUBSTRATE);
                    }
                    continue;
                }
                int term = terminalOf(t, c.pins().get(p), p);
                nets[term] = index.computeIfAbsent(net, k -> {
                    names.add(k);
                    return names.size() - 1;
                });
            }
            devices.add(new Device(t, List.of(nets)));
        }
        return new Topology(type, names, devices);
    }

    private static int terminalOf(DeviceType t, Pin pin, int position) {
        if (t.isPassive()) {
            return position;
        }
        int term = t.terminals().indexOf(pin.name());
        if (term < 0) {
            throw new UnsupportedTopologyException("a " + t + " has no terminal " + pin.name());
        }
        return term;
    }

    /**
     * The schematic circuit: components {@code MN1}, {@code MP1}, {@code QN1}, {@code R1}, … numbered per type in
     * device order, with models {@code nmos4}/{@code pmos4}/{@code npn}/{@code pnp}/{@code diode}; ports keep their
     * names, internal nets become {@code net1}, {@code net2}, … in order of first use. A BJT gets its substrate
     * terminal on net {@code 0}, as every BJT of AnalogGenie has it; the topology does not carry it.
     */
    public Circuit toCircuit() {
        Circuit.Builder b = Circuit.builder(devices.size()).title(type);
        Map<DeviceType, Integer> counts = new EnumMap<>(DeviceType.class);
        String[] netNames = new String[nets.size()];
        int internal = 0;
        for (Device d : devices) {
            for (int n : d.nets()) {
                if (netNames[n] == null) {
                    netNames[n] = isInternal(nets.get(n)) ? "net" + (++internal) : nets.get(n);
                }
            }
        }
        for (Device d : devices) {
            DeviceType t = d.type();
            int k = counts.merge(t, 1, Integer::sum);
            Component.Builder cb = Component.builder(t.refPrefix() + k, t.kind());
            if (t.model() != null) {
                cb.model(t.model());
            }
            if (t.kind() == ComponentKind.BJT) {
                cb.pins(ComponentKind.BJT.pinsForNodes(4));
            }
            Component c = cb.build();
            String[] pinNets = new String[c.pins().size()];
            for (int p = 0; p < pinNets.length; p++) {
                int term = t.isPassive() ? Integer.parseInt(c.pins().get(p).number()) - 1
                        : t.terminals().indexOf(c.pins().get(p).name());
                pinNets[p] = term < 0 ? SUBSTRATE : netNames[d.net(term)];
            }
            b.add(c, pinNets);
        }
        return b.build();
    }

    /** The number of devices of each type. */
    public Map<DeviceType, Integer> deviceCounts() {
        Map<DeviceType, Integer> counts = new EnumMap<>(DeviceType.class);
        for (Device d : devices) {
            counts.merge(d.type(), 1, Integer::sum);
        }
        return counts;
    }

    /** The number of internal nets. */
    public int internalNetCount() {
        int n = 0;
        for (String name : nets) {
            if (isInternal(name)) {
                n++;
            }
        }
        return n;
    }
}
