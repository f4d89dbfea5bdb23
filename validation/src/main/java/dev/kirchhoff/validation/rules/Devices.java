package dev.kirchhoff.validation.rules;

import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.Form;
import dev.kirchhoff.knowledge.ModelKind;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.Pin;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.validation.CircuitFacts;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * What a component is electrically, whichever way the file wrote it: a primitive ({@code kind: led}), a primitive
 * bound to a part ({@code D1 … 1N4007}) or a knowledge-base part placed whole ({@code kind: part, part: led-red}).
 * Also finds a device's terminals (anode, gate, {@code +} of an electrolytic) by name. Stateless; nothing is
 * allocated per component.
 */
final class Devices {

    /** The electrical roles the power and part rules reason about. */
    enum Role {
        OTHER, RESISTOR, CAPACITOR, INDUCTOR, LED, DIODE, BJT, MOSFET,
        /** A push button or slide switch (a passive part with a switch model). */
        SWITCH,
        /** An off-board load with data: motor, solenoid, fan, pump, buzzer, speaker. */
        LOAD,
        /** An independent voltage source (a primitive). */
        SOURCE
    }

    private Devices() {
    }

    /**
     * The components of each role, the supply pins of parts and the nets that carry a part's signal pin, found in
     * one pass over the circuit and shared by the power and part rules through {@link CircuitFacts#memo}, so each
     * rule walks only what concerns it. Immutable.
     */
    static final class Index {
        private final int[][] byRole;
        private final int[] supply;
        private final BitSet signalNets;

        private Index(int[][] byRole, int[] supply, BitSet signalNets) {
            this.byRole = byRole;
            this.supply = supply;
            this.signalNets = signalNets;
        }

        /** The components of {@code role}, in circuit order. */
        int[] of(Role role) {
            return byRole[role.ordinal()];
        }

        /** The number of supply pins: power inputs and outputs, and power or ground pins, of parts with data. */
        int supplyPins() {
            return supply.length / 2;
        }

        /** The component of the {@code k}-th supply pin. */
        int supplyComponent(int k) {
            return supply[2 * k];
        }

        /** The pin index of the {@code k}-th supply pin. */
        int supplyPin(int k) {
            return supply[2 * k + 1];
        }

        /** Nets with a signal pin (not power or ground) of a part with data. */
        BitSet signalNets() {
            return signalNets;
        }
    }

    /** The index of {@code f}, built on first use. */
    static Index index(CircuitFacts f) {
        return f.memo("power-part-rules.devices", () -> build(f));
    }

    private static Index build(CircuitFacts f) {
        Role[] roles = Role.values();
        int[][] lists = new int[roles.length][];
        int[] sizes = new int[roles.length];
        for (int r = 0; r < roles.length; r++) {
            lists[r] = new int[4];
        }
        int[] supply = new int[16];
        int supplyCount = 0;
        BitSet signalNets = new BitSet(f.netCount());
        for (int i = 0; i < f.componentCount(); i++) {
            int r = role(f, i).ordinal();
            if (r != Role.OTHER.ordinal()) {
                if (sizes[r] == lists[r].length) {
                    lists[r] = Arrays.copyOf(lists[r], sizes[r] * 2);
                }
                lists[r][sizes[r]++] = i;
            }
            if (!f.binding(i).curated()) {
                continue;
            }
            int pins = f.component(i).pins().size();
            for (int p = 0; p < pins; p++) {
                PartPin pp = f.partPin(i, p);
                if (pp == null || f.net(i, p) < 0) {
                    continue;
                }
                if (pp.isPower() || pp.can(PinFunction.POWER) || pp.can(PinFunction.GROUND)) {
                    if (supplyCount + 2 > supply.length) {
                        supply = Arrays.copyOf(supply, supply.length * 2);
                    }
                    supply[supplyCount++] = i;
                    supply[supplyCount++] = p;
                } else {
                    signalNets.set(f.net(i, p));
                }
            }
        }
        for (int r = 0; r < roles.length; r++) {
            lists[r] = Arrays.copyOf(lists[r], sizes[r]);
        }
        return new Index(lists, Arrays.copyOf(supply, supplyCount), signalNets);
    }

    /** The role of component {@code i}. Parts whose pins do not fit the role (a 7-segment display) are OTHER. */
    static Role role(CircuitFacts f, int i) {
        Component c = f.component(i);
        int pins = c.pins().size();
        switch (c.kind()) {
            case RESISTOR:
                return pins == 2 ? Role.RESISTOR : Role.OTHER;
            case CAPACITOR:
                return pins == 2 ? Role.CAPACITOR : Role.OTHER;
            case INDUCTOR:
                return pins == 2 ? Role.INDUCTOR : Role.OTHER;
            case LED:
                return pins == 2 ? Role.LED : Role.OTHER;
            case DIODE:
                return pins == 2 ? Role.DIODE : Role.OTHER;
            case BJT:
                return Role.BJT;
            case MOSFET:
                return Role.MOSFET;
            case VOLTAGE_SOURCE:
                return pins == 2 ? Role.SOURCE : Role.OTHER;
            case PART:
            case SUBCIRCUIT:
                return partRole(f, i, pins);
            default:
                return Role.OTHER;
        }
    }

    private static Role partRole(CircuitFacts f, int i, int pins) {
        Part p = f.part(i);
        if (p == null || !p.hasCapabilityData() || p.model() == null || p.model().kind() == null) {
            return Role.OTHER;
        }
        ModelKind k = p.model().kind();
        return switch (k) {
            case RESISTOR -> pins == 2 ? Role.RESISTOR : Role.OTHER;
            case CAPACITOR -> pins == 2 ? Role.CAPACITOR : Role.OTHER;
            case INDUCTOR -> pins == 2 ? Role.INDUCTOR : Role.OTHER;
            case LED -> pins == 2 && has(f, i, "A", "K") ? Role.LED : Role.OTHER;
            case DIODE, SCHOTTKY, ZENER -> pins == 2 && has(f, i, "A", "K") ? Role.DIODE : Role.OTHER;
            case BJT -> pins == 3 && has(f, i, "B", "C", "E") ? Role.BJT : Role.OTHER;
            case MOSFET -> pins == 3 && has(f, i, "G", "D", "S") ? Role.MOSFET : Role.OTHER;
            case SWITCH -> p.form() == Form.PASSIVE ? Role.SWITCH : Role.OTHER;
            // a plain LED strip (light, no supply pins) is a two-terminal load too; an addressable strip is a module
            case MOTOR, LOAD -> p.form() == Form.DEVICE
                    && (p.category() == Category.ACTUATOR || p.category() == Category.AUDIO
                    || p.category() == Category.LIGHT && p.pins().stream().noneMatch(PartPin::isPower))
                    ? Role.LOAD : Role.OTHER;
            default -> Role.OTHER;
        };
    }

    private static boolean has(CircuitFacts f, int i, String... terminals) {
        for (String t : terminals) {
            if (terminal(f, i, t) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The index of component {@code i}'s terminal {@code t} ({@code A}, {@code K}, {@code G}, {@code +}): a
     * primitive's terminal by name or standard number, a part's pin by its knowledge-base name; -1 when absent.
     */
    static int terminal(CircuitFacts f, int i, String t) {
        Component c = f.component(i);
        List<Pin> pins = c.pins();
        // the usual case, a pin named exactly as the terminal, without the alias matching's allocations
        for (int p = 0; p < pins.size(); p++) {
            if (pins.get(p).name().equalsIgnoreCase(t)) {
                PartPin pp = f.partPin(i, p);
                if (pp == null || pp.name().equalsIgnoreCase(t)) {
                    return p;
                }
            }
        }
        if (c.kind().isPrimitive()) {
            int at = c.terminalIndex(t);
            if (at >= 0) {
                return at;
            }
        }
        for (int p = 0; p < c.pins().size(); p++) {
            PartPin pp = f.partPin(i, p);
            if (pp != null ? pp.name().equalsIgnoreCase(t) : c.pins().get(p).name().equalsIgnoreCase(t)) {
                return p;
            }
        }
        return -1;
    }

    /** A model parameter of component {@code i}'s part, or {@code null}. */
    static Double parameter(CircuitFacts f, int i, String name) {
        Part p = f.part(i);
        if (p == null || p.model() == null) {
            return null;
        }
        return p.model().parameters().get(name);
    }

    /** Whether a diode is a Zener (its part's model says so), meant to conduct in reverse. */
    static boolean zener(CircuitFacts f, int i) {
        Part p = f.part(i);
        return p != null && p.model() != null && p.model().kind() == ModelKind.ZENER;
    }

    /**
     * Whether component {@code i} is an inductive load: an inductor, or a two-pin motor, solenoid or fan (a load
     * whose model is a motor or gives an inductance). Relay and driver modules are not: they carry their own diode.
     */
    static boolean inductive(CircuitFacts f, int i, Role role) {
        if (f.component(i).pins().size() != 2) {
            return false;
        }
        if (role == Role.INDUCTOR) {
            return true;
        }
        if (role != Role.LOAD) {
            return false;
        }
        Part p = f.part(i);
        return p.model().kind() == ModelKind.MOTOR || p.model().parameters().containsKey("inductance")
                || p.model().parameters().containsKey("coilResistance");
    }

    /**
     * Whether a capacitor is polarised: its part is an electrolytic (or tantalum) capacitor, or a property or
     * value text of the component says so.
     */
    static boolean polarised(CircuitFacts f, int i) {
        Part p = f.part(i);
        if (p != null && (p.id().contains("electrolytic") || p.id().contains("tantalum")
                || p.id().contains("C_Polarized"))) {
            return true;
        }
        Component c = f.component(i);
        if (c.value() != null && hint(c.value().text())) {
            return true;
        }
        for (String v : c.properties().values()) {
            if (hint(v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hint(String text) {
        if (text == null) {
            return false;
        }
        String t = text.toLowerCase(Locale.ROOT);
        return t.contains("electrolytic") || t.contains("polarized") || t.contains("polarised")
                || t.contains("tantalum");
    }

    /**
     * The pin of a polarised capacitor that must stay positive: the part's {@code +} pin, else pin {@code 1} (KiCad's
     * {@code Device:C_Polarized} numbering); -1 when neither exists.
     */
    static int positive(CircuitFacts f, int i) {
        int plus = terminal(f, i, "+");
        return plus >= 0 ? plus : f.component(i).pinIndexByNumber("1");
    }

    /** Whether a MOSFET is P-channel: its part's threshold is negative or its model card says PMOS. */
    static boolean pChannel(CircuitFacts f, int i) {
        Double vth = parameter(f, i, "vth");
        if (vth != null) {
            return vth < 0;
        }
        Part p = f.part(i);
        return p != null && p.model() != null && p.model().spice() != null
                && p.model().spice().toUpperCase(Locale.ROOT).contains("PMOS");
    }

    /** {@code D1 (led-red)} or {@code D1} when no part is known: how findings name a device. */
    static String name(CircuitFacts f, int i) {
        Part p = f.part(i);
        return p == null ? f.ref(i) : f.ref(i) + " (" + p.id() + ")";
    }
}
