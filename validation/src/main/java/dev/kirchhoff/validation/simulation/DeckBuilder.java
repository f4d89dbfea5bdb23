package dev.kirchhoff.validation.simulation;

import dev.kirchhoff.knowledge.ModelKind;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.schematic.format.Names;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.spice.SpiceDialect;
import dev.kirchhoff.schematic.format.spice.SpiceFormat;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Directive;
import dev.kirchhoff.schematic.model.Parameter;
import dev.kirchhoff.schematic.model.Pin;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;
import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.validation.Binding;
import dev.kirchhoff.validation.CircuitFacts;
import dev.kirchhoff.validation.Rails;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds one {@link SpiceDeck} from circuit facts: a new circuit in which every knowledge-base part is a subcircuit
 * call (see {@link PartModule}), primitives keep their element and get their part's model card, each LED gets a 0 V
 * source in series, and ground nets are node 0; then {@link SpiceFormat} writes it, so SPICE syntax is written in one
 * place. One instance per export; not thread-safe.
 */
final class DeckBuilder {

    /** A generic model per device kind, for devices whose model is named nowhere. */
    private static final Map<ComponentKind, String[]> DEFAULT_MODELS = Map.of(
            ComponentKind.LED, new String[] {"LED_DEFAULT", "D(IS=2.2e-18 N=2 RS=5 BV=5 IBV=1e-5)",
                "a red LED, Vf 2.0 V at 20 mA"},
            ComponentKind.DIODE, new String[] {"D_DEFAULT", "D(IS=3.3e-9 N=1.85 RS=0.6 BV=100 IBV=5e-6)",
                "a small-signal silicon diode like the 1N4148"},
            ComponentKind.BJT, new String[] {"NPN_DEFAULT", "NPN(IS=1e-14 BF=200 VAF=100)",
                "a small-signal NPN transistor"},
            ComponentKind.MOSFET, new String[] {"NMOS_DEFAULT", "NMOS(LEVEL=1 VTO=1.5 KP=1)",
                "a logic-level N-channel MOSFET (threshold 1.5 V)"},
            ComponentKind.JFET, new String[] {"NJF_DEFAULT", "NJF(VTO=-2 BETA=1e-3)", "an N-channel JFET"},
            ComponentKind.VOLTAGE_SWITCH, new String[] {"SW_DEFAULT", "SW(VT=0.5 VH=0.1 RON=1 ROFF=1e9)",
                "a switch closing at 0.5 V"},
            ComponentKind.CURRENT_SWITCH, new String[] {"CSW_DEFAULT", "CSW(IT=1m IH=0.1m RON=1 ROFF=1e9)",
                "a switch closing at 1 mA"});

    /** The instance parameters ngspice accepts on resistors, capacitors and inductors. */
    private static final Map<ComponentKind, Set<String>> PASSIVE_PARAMETERS = Map.of(
            ComponentKind.RESISTOR, Set.of("r", "resistance", "w", "l", "temp", "dtemp", "m", "tc1", "tc2", "tce",
                    "ac", "noisy", "scale"),
            ComponentKind.CAPACITOR, Set.of("c", "capacitance", "ic", "w", "l", "m", "temp", "dtemp", "tc1", "tc2",
                    "scale"),
            ComponentKind.INDUCTOR, Set.of("l", "inductance", "ic", "m", "temp", "dtemp", "tc1", "tc2", "scale", "nt"));

    private final CircuitFacts f;
    private final Circuit src;
    private final Circuit.Builder out;
    private final Names nodeNames = new Names(true, DeckBuilder::legal);
    private final Names refs = new Names(true, DeckBuilder::legal);
    private final Names subcircuitNames = new Names(true, DeckBuilder::legal);
    private final String[] node;
    private final Map<String, String> texts = new LinkedHashMap<>();
    private final Map<String, String> owners = new LinkedHashMap<>();
    private final List<SpiceDeck.LedProbe> leds = new ArrayList<>();
    private final List<SpiceDeck.DrivenOutput> outputs = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    DeckBuilder(CircuitFacts facts) {
        this.f = facts;
        this.src = facts.circuit();
        this.out = Circuit.builder(src.components().size() + 8);
        nodeNames.claim("0");
        nodeNames.claim("gnd");
        boolean[] ground = groundNets(facts);
        node = new String[facts.netCount()];
        for (int n = 0; n < node.length; n++) {
            node[n] = ground[n] ? "0" : nodeNames.assign(facts.netName(n), facts.netName(n));
        }
        src.subcircuits().forEach(s -> subcircuitNames.claim(s.name()));
    }

    /** Nets that are node 0: ground by name, or holding a part's ground pin. */
    static boolean[] groundNets(CircuitFacts f) {
        boolean[] ground = new boolean[f.netCount()];
        for (int n = 0; n < ground.length; n++) {
            ground[n] = Rails.isGroundName(f.netName(n));
        }
        for (int i = 0; i < f.componentCount(); i++) {
            if (!f.binding(i).curated()) {
                continue;
            }
            for (int p = 0; p < f.component(i).pins().size(); p++) {
                PartPin pp = f.partPin(i, p);
                int n = f.net(i, p);
                if (n >= 0 && pp != null && pp.can(PinFunction.GROUND) && (pp.voltage() == null || pp.voltage() == 0)) {
                    ground[n] = true;
                }
            }
        }
        return ground;
    }

    SpiceDeck build() {
        out.title(src.title().isBlank() ? "Kirchhoff operating point" : src.title());
        src.models().forEach(out::model);
        src.subcircuits().forEach(out::subcircuit);
        src.parameters().forEach(out::parameter);
        src.includes().forEach(out::include);
        src.globals().forEach(out::global);
        if (!src.directives().isEmpty()) {
            notes.add("the circuit's own " + src.directives().size() + " directive(s) (analyses, options, output) "
                    + "are left out: this deck computes the operating point");
        }
        for (int i = 0; i < f.componentCount(); i++) {
            Component c = f.component(i);
            Binding b = f.binding(i);
            if (c.pins().isEmpty()) {
                notes.add(c.ref() + " left out: it has no pins");
            } else if (c.kind() == ComponentKind.PART
                    || c.kind() == ComponentKind.SUBCIRCUIT && b.status() != Binding.Status.SUBCIRCUIT) {
                module(i);
            } else if (c.kind() == ComponentKind.SUBCIRCUIT) {
                add(i, c, nets(i));
            } else {
                primitive(i);
            }
        }
        texts.forEach((name, text) -> out.directive(new Directive(text, Directive.Language.SPICE, 0)));
        out.directive(new Directive(".op", Directive.Language.SPICE, 0));
        out.directive(new Directive(String.join("\n", ".control", "run", "echo " + OperatingPoint.BEGIN,
                "print all", "echo " + OperatingPoint.END, "quit", ".endc"), Directive.Language.SPICE, 0));
        Map<String, String> nodes = new LinkedHashMap<>();
        for (int n = 0; n < node.length; n++) {
            nodes.put(f.netName(n), node[n].toLowerCase(Locale.ROOT));
        }
        return new SpiceDeck(write(out.build()), nodes, owners, leds, outputs, notes);
    }

    private String write(Circuit circuit) {
        StringBuilder sb = new StringBuilder();
        try {
            new SpiceFormat(SpiceDialect.NGSPICE).write(circuit, sb, new Notices());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder header = new StringBuilder()
                .append("* Operating-point deck exported by Kirchhoff from a designed circuit.\n")
                .append("* Knowledge-base parts are subcircuits: the part's own model where it has one, else a\n")
                .append("* behavioural module built from its data: supply current as a load resistor, driven outputs\n")
                .append("* as sources behind ").append(PartModule.num(SpiceExport.OUTPUT_OHMS))
                .append(" Ohm, inputs as ").append(PartModule.num(SpiceExport.INPUT_OHMS / 1e6))
                .append(" MOhm, power outputs at their voltage (held below\n")
                .append("* their input by the regulator's dropout).\n")
                .append("* Every module pin has ").append(PartModule.num(SpiceExport.LEAK_OHMS / 1e9))
                .append(" GOhm to node 0: a DC path, so no node floats because of the model.\n")
                .append("* Vsense_* are 0 V sources in series with LEDs that measure their current.\n");
        for (String note : notes) {
            header.append("* ").append(note).append('\n');
        }
        int second = sb.indexOf("\n", sb.indexOf("\n") + 1) + 1;
        sb.insert(second, header);
        return sb.toString();
    }

    /** The node of each pin of component {@code i}, {@code null} where a pin is unconnected. */
    private String[] nets(int i) {
        String[] nets = new String[f.component(i).pins().size()];
        for (int p = 0; p < nets.length; p++) {
            int n = f.net(i, p);
            nets[p] = n < 0 ? null : node[n];
        }
        return nets;
    }

    /** Adds {@code c} standing for component {@code i} under a name with the right SPICE letter. */
    private void add(int i, Component c, String[] nets) {
        char letter = c.kind() == ComponentKind.SUBCIRCUIT ? 'X' : c.kind().spiceLetter();
        String ref = f.ref(i);
        String wanted = Character.toUpperCase(ref.charAt(0)) == letter ? ref : letter + ref;
        String name = refs.assign("\u0000" + i, wanted);
        out.add(c.withRef(name), nets);
        owners.put(name.toLowerCase(Locale.ROOT), ref);
    }

    private void primitive(int i) {
        Component c = f.component(i);
        ComponentKind kind = c.kind();
        if (kind.isPassive() && c.model() == null
                && (c.value() == null || c.value().form() == Value.Form.TEXT)) {
            notes.add(c.ref() + " left out: it has no numeric value");
            return;
        }
        if (kind.isPassive()) {
            c = spiceParameters(c);
        }
        String[] nets = nets(i);
        if (kind.needsModel()) {
            c = withModel(i, c, nets);
            if (c == null) {
                return;
            }
        }
        Part part = f.part(i);
        boolean led = kind == ComponentKind.LED || kind == ComponentKind.DIODE && part != null
                && part.model() != null && part.model().kind() == ModelKind.LED;
        int anode = led ? c.terminalIndex("A") : -1;
        int cathode = led ? c.terminalIndex("K") : -1;
        if (anode >= 0 && nets[anode] != null) {
            String inner = nodeNames.assign("\u0000led" + i, "kh_" + c.ref() + "_a");
            String sense = refs.assign("\u0000sense" + i, "Vsense_" + c.ref());
            out.add(Component.builder(sense, ComponentKind.VOLTAGE_SOURCE).value(Value.of(0)).build(), nets[anode],
                    inner);
            owners.put(sense.toLowerCase(Locale.ROOT), c.ref());
            owners.put(inner.toLowerCase(Locale.ROOT), c.ref());
            double rating = ledRating(part);
            leds.add(new SpiceDeck.LedProbe(c.ref(), anode, cathode, sense.toLowerCase(Locale.ROOT) + "#branch",
                    rating, ledRatingSource(part)));
            nets[anode] = inner;
        }
        add(i, c, nets);
    }

    /**
     * {@code c} with only the instance parameters ngspice knows for its kind: ratings and annotations such as
     * {@code power} or {@code tolerance} stop ngspice with "unknown parameter".
     */
    private Component spiceParameters(Component c) {
        Set<String> known = PASSIVE_PARAMETERS.get(c.kind());
        List<Parameter> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (Parameter p : c.parameters()) {
            if (known.contains(p.name().toLowerCase(Locale.ROOT))) {
                kept.add(p);
            } else {
                dropped.add(p.name());
            }
        }
        if (dropped.isEmpty()) {
            return c;
        }
        notes.add(c.ref() + ": parameter(s) " + String.join(", ", dropped) + " left out (not ngspice parameters)");
        Component.Builder b = Component.builder(c.ref(), c.kind()).part(c.part()).value(c.value()).model(c.model())
                .pins(c.pins()).line(c.line()).parameters(kept);
        c.properties().forEach(b::property);
        return b.build();
    }

    /** The forward current rating of an LED of {@code part}: its {@code ifMax}, else 20 mA. */
    static double ledRating(Part part) {
        return part != null && part.model() != null ? part.model().parameter("ifMax", SpiceExport.LED_RATING)
                : SpiceExport.LED_RATING;
    }

    static String ledRatingSource(Part part) {
        return part != null && part.model() != null && part.model().parameters().containsKey("ifMax")
                ? "ifMax of " + part.id() : "the default for LEDs without data";
    }

    /**
     * {@code c} with a model that ngspice will find: its own when the circuit defines it (or includes a library),
     * its part's card, or a generic one; {@code null} when the device was written as a call of its part's subcircuit.
     */
    private Component withModel(int i, Component c, String[] nets) {
        String model = c.model();
        if (model != null && (src.model(model).isPresent() || src.subcircuit(model).isPresent()
                || !src.includes().isEmpty())) {
            return c;
        }
        Part part = f.part(i);
        ModelText text = ModelText.of(part);
        if (text != null && !text.subcircuit() && fits(c.kind(), text.element())) {
            texts.putIfAbsent(text.name(), text.text());
            return c.toBuilder().model(text.name()).build();
        }
        if (text != null && text.subcircuit() && part.model().pinOrder().size() == text.ports().size()
                && fits(c.kind(), kindLetter(part.model().kind()))) {
            call(i, part, text, nets);
            return null;
        }
        String[] fallback = DEFAULT_MODELS.get(c.kind());
        String name = model != null ? model : fallback[0];
        texts.putIfAbsent(name, ".model " + name + " " + fallback[1]);
        notes.add(c.ref() + (model == null ? " names no model" : ": model " + model + " is defined nowhere")
                + "; " + name + " stands in (" + fallback[2] + ")");
        return c.toBuilder().model(name).build();
    }

    private static char kindLetter(ModelKind kind) {
        return switch (kind) {
            case LED, DIODE, ZENER, SCHOTTKY -> 'D';
            case BJT -> 'Q';
            case MOSFET -> 'M';
            default -> '\0';
        };
    }

    private static boolean fits(ComponentKind kind, char element) {
        return switch (kind) {
            case LED, DIODE -> element == 'D';
            case BJT -> element == 'Q';
            case MOSFET -> element == 'M';
            default -> false;
        };
    }

    /** A primitive written as a call of its part's subcircuit, nodes in the model's pin order. */
    private void call(int i, Part part, ModelText text, String[] nets) {
        List<String> order = part.model().pinOrder();
        List<Pin> pins = new ArrayList<>(order.size());
        String[] callNets = new String[order.size()];
        for (int k = 0; k < order.size(); k++) {
            pins.add(Pin.of(Integer.toString(k + 1), order.get(k), PinType.PASSIVE));
            int p = PartModule.componentPin(f, i, part, order.get(k));
            callNets[k] = p >= 0 ? nets[p] : null;
        }
        texts.putIfAbsent(text.name(), text.text());
        notes.add(f.ref(i) + " is a call of " + text.name() + ", the subcircuit of " + part.id());
        add(i, Component.builder(f.ref(i), ComponentKind.SUBCIRCUIT).model(text.name()).pins(pins).build(),
                callNets);
    }

    private void module(int i) {
        Component c = f.component(i);
        String name = subcircuitNames.assign("\u0000" + i, "KH_" + c.ref().toUpperCase(Locale.ROOT));
        char first = Character.toUpperCase(c.ref().charAt(0));
        String instance = refs.assign("\u0000" + i, first == 'X' ? c.ref() : "X" + c.ref());
        PartModule m = new PartModule(f, i, name, instance.toLowerCase(Locale.ROOT), texts);
        out.subcircuit(m.definition());
        List<Pin> pins = m.definition().callPins();
        out.add(Component.builder(instance, ComponentKind.SUBCIRCUIT).model(name).pins(pins).build(), nets(i));
        owners.put(instance.toLowerCase(Locale.ROOT), c.ref());
        leds.addAll(m.leds());
        outputs.addAll(m.outputs());
        for (String note : m.notes()) {
            notes.add(instance + " (" + c.ref() + "): " + note);
        }
    }

    /** Whether SPICE and ngspice's expressions take {@code c} in a node or instance name without surprises. */
    static boolean legal(int c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }
}
