package dev.kirchhoff.schematic.transform;

import dev.kirchhoff.schematic.format.ModelTypes;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.Tally;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.ModelCard;
import dev.kirchhoff.schematic.model.Parameter;
import dev.kirchhoff.schematic.model.Subcircuit;
import dev.kirchhoff.schematic.units.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Makes a topology-only netlist loadable by a simulator: every device model that is named but not defined gets a
 * level-1 {@code .model} card, devices without a model get a default one, passives and sources without a value get
 * a placeholder value, and calls to undefined subcircuits get an empty definition. Every stub is reported. The
 * values are placeholders for loading and operating-point checks, not a sizing:
 *
 * <table>
 *   <caption>Stub models and values</caption>
 *   <tr><td>NMOS</td><td>{@code nmos level=1 vto=0.5 kp=100u lambda=0.02}</td></tr>
 *   <tr><td>PMOS</td><td>{@code pmos level=1 vto=-0.5 kp=40u lambda=0.02}</td></tr>
 *   <tr><td>NPN / PNP</td><td>{@code npn bf=100 is=1e-15 vaf=100} / {@code pnp bf=100 is=1e-15 vaf=100}</td></tr>
 *   <tr><td>diode</td><td>{@code d is=1e-14 n=1}; LED {@code d is=1e-19 n=2}</td></tr>
 *   <tr><td>JFET</td><td>{@code njf vto=-2 beta=1e-4} / {@code pjf vto=2 beta=1e-4}</td></tr>
 *   <tr><td>R, C, L</td><td>1 kΩ, 1 pF, 1 nH</td></tr>
 *   <tr><td>V, I sources</td><td>DC 0</td></tr>
 * </table>
 * Stateless.
 */
public final class ModelStubs {

    private ModelStubs() {
    }

    /** {@code circuit} (flattened or not) with stubs added where something is missing. */
    public static Circuit apply(Circuit circuit, Notices notices) {
        Set<String> defined = new HashSet<>();
        collectModels(circuit, defined);
        Map<String, ModelCard> stubs = new LinkedHashMap<>();
        Set<String> subcircuits = new HashSet<>();
        collectSubcircuits(circuit, subcircuits);
        Map<String, Integer> undefinedCalls = new LinkedHashMap<>();
        Tally values = new Tally();
        Tally assumedN = new Tally();
        Circuit result = stub(circuit, defined, stubs, subcircuits, undefinedCalls, values, assumedN);
        Circuit.Builder b = result.toBuilder();
        for (ModelCard m : stubs.values()) {
            b.model(m);
        }
        for (Map.Entry<String, Integer> e : undefinedCalls.entrySet()) {
            List<String> ports = new ArrayList<>();
            for (int i = 1; i <= e.getValue(); i++) {
                ports.add("p" + i);
            }
            Circuit.Builder body = Circuit.builder();
            ports.forEach(body::net);
            b.subcircuit(new Subcircuit(e.getKey(), ports, List.of(), body.build(), 0));
        }
        if (!stubs.isEmpty()) {
            notices.warn(0, "added " + stubs.size() + " stub model card(s) (" + String.join(", ", stubs.keySet())
                    + "); they let the circuit load, they are not a process model");
        }
        if (!undefinedCalls.isEmpty()) {
            notices.warn(0, "added empty definitions for undefined subcircuit(s) " + String.join(", ",
                    undefinedCalls.keySet()) + "; their pins connect to nothing inside");
        }
        values.report(notices, "components got placeholder values (1k, 1p, 1n, DC 0)", null, true);
        assumedN.report(notices, "transistors have a model name that does not tell the polarity and were stubbed as "
                + "N-type", "define their models", true);
        return b.build();
    }

    /**
     * Gives diodes, LEDs and transistors that have no model name at all (as parts from KiCad, Circuit JSON or Wokwi
     * often have none) a default model and its card, since SPICE and Spectre cannot write a device without one.
     * Devices that name a model are left alone, defined here or not (an include may define it).
     */
    public static Circuit nameUnnamedDevices(Circuit circuit, Notices notices) {
        boolean any = false;
        for (Component c : circuit.components()) {
            if (needsName(c)) {
                any = true;
                break;
            }
        }
        if (!any) {
            return circuit;
        }
        Set<String> defined = new HashSet<>();
        collectModels(circuit, defined);
        Map<String, ModelCard> added = new LinkedHashMap<>();
        Tally named = new Tally();
        Circuit.Builder b = circuit.toBuilder();
        for (int i = 0; i < circuit.components().size(); i++) {
            Component c = circuit.components().get(i);
            if (!needsName(c)) {
                continue;
            }
            char polarity = ModelTypes.polarity(c, circuit);
            String model = defaultName(c.kind(), polarity);
            b.set(i, c.toBuilder().model(model).build());
            named.add(c.ref() + " → " + model, c.line());
            if (!defined.contains(model.toLowerCase(Locale.ROOT))) {
                added.putIfAbsent(model, card(model, c.kind(), polarity));
            }
        }
        added.values().forEach(b::model);
        named.report(notices, "devices had no model and got a default one", "these cards are placeholders; "
                + "replace them with the parts' real models", true);
        return b.build();
    }

    private static boolean needsName(Component c) {
        return c.model() == null && switch (c.kind()) {
            case DIODE, LED, BJT, MOSFET, JFET -> true;
            default -> false;
        };
    }

    private static void collectModels(Circuit c, Set<String> into) {
        for (ModelCard m : c.models()) {
            into.add(m.name().toLowerCase(Locale.ROOT));
        }
        for (Subcircuit s : c.subcircuits()) {
            collectModels(s.body(), into);
        }
    }

    private static void collectSubcircuits(Circuit c, Set<String> into) {
        for (Subcircuit s : c.subcircuits()) {
            into.add(s.name().toLowerCase(Locale.ROOT));
            collectSubcircuits(s.body(), into);
        }
    }

    private static Circuit stub(Circuit c, Set<String> defined, Map<String, ModelCard> stubs, Set<String> subcircuits,
                                Map<String, Integer> undefinedCalls, Tally values, Tally assumedN) {
        Circuit.Builder b = Circuit.builder(c.components().size());
        b.title(c.title());
        c.includes().forEach(b::include);
        c.parameters().forEach(b::parameter);
        c.models().forEach(b::model);
        c.globals().forEach(b::global);
        c.directives().forEach(b::directive);
        for (Subcircuit s : c.subcircuits()) {
            b.subcircuit(new Subcircuit(s.name(), s.ports(), s.parameters(),
                    stub(s.body(), defined, stubs, subcircuits, undefinedCalls, values, assumedN), s.line()));
        }
        for (String n : c.netNames()) {
            b.net(n);
        }
        for (int i = 0; i < c.components().size(); i++) {
            Component comp = c.components().get(i);
            Component changed = comp;
            switch (comp.kind()) {
                case RESISTOR, CAPACITOR, INDUCTOR -> {
                    if (comp.value() == null && comp.model() == null) {
                        String v = comp.kind() == ComponentKind.RESISTOR ? "1k"
                                : comp.kind() == ComponentKind.CAPACITOR ? "1p" : "1n";
                        changed = comp.toBuilder().value(Value.parse(v)).build();
                        values.add(comp.ref(), comp.line());
                    }
                }
                case VOLTAGE_SOURCE, CURRENT_SOURCE -> {
                    if (comp.value() == null && comp.parameters().isEmpty()) {
                        changed = comp.toBuilder().value(Value.parse("0")).build();
                        values.add(comp.ref(), comp.line());
                    }
                }
                case DIODE, LED, BJT, MOSFET, JFET -> {
                    String model = comp.model();
                    char polarity = ModelTypes.polarity(comp, c);
                    if (model == null) {
                        model = defaultName(comp.kind(), polarity);
                        changed = comp.toBuilder().model(model).build();
                    }
                    String key = model.toLowerCase(Locale.ROOT);
                    if (!defined.contains(key) && !stubs.containsKey(key)) {
                        if (polarity == '?' && comp.kind() != ComponentKind.DIODE && comp.kind() != ComponentKind.LED) {
                            assumedN.add(comp.ref() + " (" + model + ")", comp.line());
                        }
                        stubs.put(key, card(model, comp.kind(), polarity));
                    }
                }
                case SUBCIRCUIT -> {
                    String sub = comp.model() == null ? "" : comp.model().toLowerCase(Locale.ROOT);
                    if (!sub.isEmpty() && !subcircuits.contains(sub)) {
                        undefinedCalls.merge(comp.model(), comp.pins().size(), Math::max);
                    }
                }
                default -> {
                }
            }
            b.add(changed, c.nodesOf(i));
        }
        return b.build();
    }

    private static String defaultName(ComponentKind kind, char polarity) {
        boolean p = polarity == 'p';
        return switch (kind) {
            case MOSFET -> p ? "kirchhoff_pmos" : "kirchhoff_nmos";
            case BJT -> p ? "kirchhoff_pnp" : "kirchhoff_npn";
            case JFET -> p ? "kirchhoff_pjf" : "kirchhoff_njf";
            case LED -> "kirchhoff_led";
            default -> "kirchhoff_diode";
        };
    }

    private static ModelCard card(String name, ComponentKind kind, char polarity) {
        boolean p = polarity == 'p';
        List<Parameter> params = new ArrayList<>();
        String type;
        switch (kind) {
            case MOSFET -> {
                type = p ? "pmos" : "nmos";
                params.add(new Parameter("level", Value.parse("1")));
                params.add(new Parameter("vto", Value.parse(p ? "-0.5" : "0.5")));
                params.add(new Parameter("kp", Value.parse(p ? "40u" : "100u")));
                params.add(new Parameter("lambda", Value.parse("0.02")));
            }
            case BJT -> {
                type = p ? "pnp" : "npn";
                params.add(new Parameter("bf", Value.parse("100")));
                params.add(new Parameter("is", Value.parse("1e-15")));
                params.add(new Parameter("vaf", Value.parse("100")));
            }
            case JFET -> {
                type = p ? "pjf" : "njf";
                params.add(new Parameter("vto", Value.parse(p ? "2" : "-2")));
                params.add(new Parameter("beta", Value.parse("1e-4")));
            }
            case LED -> {
                type = "d";
                params.add(new Parameter("is", Value.parse("1e-19")));
                params.add(new Parameter("n", Value.parse("2")));
            }
            default -> {
                type = "d";
                params.add(new Parameter("is", Value.parse("1e-14")));
                params.add(new Parameter("n", Value.parse("1")));
            }
        }
        return new ModelCard(name, type, params, 0);
    }
}
