package dev.kirchhoff.generation.topology;

import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The device families a generated topology is built from, each with its token prefix, its terminals in token order
 * and the schematic primitive it becomes.
 *
 * <p>Passives have two interchangeable terminals; a sequence names them {@code 1} and {@code 2} in the order the walk
 * reaches them, so the labels carry no electrical meaning. Which terminals conduct at DC follows the analog rules
 * of the validator: a MOSFET's drain, source and bulk (the bulk through its junctions), a BJT's three terminals,
 * both ends of a resistor, inductor or diode, never a gate or a capacitor plate.
 */
public enum DeviceType {
    NM("NM", ComponentKind.MOSFET, "nmos4", "MN", List.of("D", "G", "S", "B"), List.of("D", "S", "B")),
    PM("PM", ComponentKind.MOSFET, "pmos4", "MP", List.of("D", "G", "S", "B"), List.of("D", "S", "B")),
    NPN("NPN", ComponentKind.BJT, "npn", "QN", List.of("C", "B", "E"), List.of("C", "B", "E")),
    PNP("PNP", ComponentKind.BJT, "pnp", "QP", List.of("C", "B", "E"), List.of("C", "B", "E")),
    R("R", ComponentKind.RESISTOR, null, "R", List.of("1", "2"), List.of("1", "2")),
    C("C", ComponentKind.CAPACITOR, null, "C", List.of("1", "2"), List.of()),
    L("L", ComponentKind.INDUCTOR, null, "L", List.of("1", "2"), List.of("1", "2")),
    D("D", ComponentKind.DIODE, "diode", "D", List.of("A", "K"), List.of("A", "K"));

    private final String prefix;
    private final ComponentKind kind;
    private final String model;
    private final String refPrefix;
    private final List<String> terminals;
    private final boolean[] conducts;

    DeviceType(String prefix, ComponentKind kind, String model, String refPrefix, List<String> terminals,
               List<String> conducting) {
        this.prefix = prefix;
        this.kind = kind;
        this.model = model;
        this.refPrefix = refPrefix;
        this.terminals = terminals;
        this.conducts = new boolean[terminals.size()];
        for (int i = 0; i < terminals.size(); i++) {
            conducts[i] = conducting.contains(terminals.get(i));
        }
    }

    /** The token prefix ({@code NM} in {@code NM3:G}). */
    public String prefix() {
        return prefix;
    }

    /** The schematic primitive this device becomes. */
    public ComponentKind kind() {
        return kind;
    }

    /** The model name the decoded component carries ({@code nmos4}, {@code npn}), {@code null} for passives. */
    public String model() {
        return model;
    }

    /** The reference-designator prefix of decoded components ({@code MN} for NMOS: SPICE wants an M first). */
    public String refPrefix() {
        return refPrefix;
    }

    /** Terminal labels in token order (MOSFET D G S B, BJT C B E, diode A K, passives 1 2). */
    public List<String> terminals() {
        return terminals;
    }

    /** The number of terminals. */
    public int terminalCount() {
        return terminals.size();
    }

    /** Whether terminal {@code t} carries DC current to the device's other conducting terminals. */
    public boolean conducts(int t) {
        return conducts[t];
    }

    /** Whether the two terminals are interchangeable (resistor, capacitor, inductor). */
    public boolean isPassive() {
        return kind.isPassive();
    }

    /** The device type by token prefix. */
    public static Optional<DeviceType> byPrefix(String prefix) {
        for (DeviceType t : values()) {
            if (t.prefix.equals(prefix)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * The device type of a schematic component, or empty when it is none of these (a subcircuit call, a source, a
     * JFET). MOSFET and BJT polarity come from the model name ({@code pmos4}, {@code pnp}).
     */
    public static Optional<DeviceType> of(Component c) {
        String m = c.model() == null ? "" : c.model().toLowerCase(Locale.ROOT);
        return switch (c.kind()) {
            case MOSFET -> Optional.of(m.startsWith("p") ? PM : NM);
            case BJT -> Optional.of(m.startsWith("pnp") || m.equals("vpnp") ? PNP : NPN);
            case RESISTOR -> Optional.of(R);
            case CAPACITOR -> Optional.of(C);
            case INDUCTOR -> Optional.of(L);
            case DIODE -> Optional.of(D);
            default -> Optional.empty();
        };
    }
}
