package dev.kirchhoff.schematic.format.circuitjson;

import dev.kirchhoff.schematic.format.ModelTypes;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.SourceSpec;
import dev.kirchhoff.schematic.format.Tally;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Directive;
import dev.kirchhoff.schematic.model.Include;
import dev.kirchhoff.schematic.model.ModelCard;
import dev.kirchhoff.schematic.model.Parameter;
import dev.kirchhoff.schematic.model.Pin;
import dev.kirchhoff.schematic.model.Subcircuit;
import dev.kirchhoff.schematic.units.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a {@link Circuit} as Circuit JSON: one {@code source_component} per component with one {@code source_port}
 * per pin, then one {@code source_net} and one {@code source_trace} per net. Ids are numbered in order
 * ({@code source_port_3}), so the same circuit always gives the same bytes. What Circuit JSON has no field for
 * (Kirchhoff's kind, model name, instance parameters, exact value text, controlling sources) goes in a
 * {@code "kirchhoff"} object on the component, which tscircuit's parser ignores; circuit-level definitions are
 * reported once each. One instance per write; not thread-safe.
 */
final class CircuitJsonWriter {

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern PIN_NUMBER = Pattern.compile("[1-9]\\d{0,8}");
    private static final String PREFIX = "circuit-json.";

    private final Notices notices;
    private final Tally models = new Tally();
    private final Tally directives = new Tally();
    private final Tally parameters = new Tally();
    private final Tally includes = new Tally();
    private final Tally couplings = new Tally();
    private final Tally definitions = new Tally();
    private final Tally expressions = new Tally();
    private final Tally unknownPolarity = new Tally();
    private final Tally nonNative = new Tally();

    /** One port as written. */
    private record PortOut(String name, Integer pinNumber, List<String> hints, String explicitPin,
                           String explicitName) {
    }

    CircuitJsonWriter(Notices notices) {
        this.notices = notices;
    }

    void write(Circuit circuit, Appendable out) throws IOException {
        PrettyJson j = new PrettyJson(out);
        j.beginArray();
        j.beginObject().field("type", "source_project_metadata");
        if (!circuit.title().isBlank()) {
            j.field("name", circuit.title().strip());
        }
        j.field("software_used_string", "Kirchhoff").endObject();

        List<String> netNames = circuit.netNames();
        Map<String, Integer> netIndex = new HashMap<>(netNames.size() * 2);
        for (int k = 0; k < netNames.size(); k++) {
            netIndex.put(netNames.get(k), k);
        }
        int[][] netPorts = new int[netNames.size()][];
        int[] netPortCount = new int[netNames.size()];
        int port = 0;
        int written = 0;
        List<Component> components = circuit.components();
        for (int i = 0; i < components.size(); i++) {
            Component c = components.get(i);
            if (c.kind() == ComponentKind.COUPLING) {
                couplings.add(c.ref() + " (" + String.join(", ", c.controls()) + ")", c.line());
                continue;
            }
            String componentId = "source_component_" + written++;
            char polarity = writeComponent(j, circuit, c, componentId);
            List<PortOut> ports = ports(c, polarity);
            for (int p = 0; p < ports.size(); p++) {
                writePort(j, "source_port_" + port, componentId, ports.get(p));
                String net = circuit.netAt(i, p);
                if (net != null) {
                    int k = netIndex.get(net);
                    if (netPorts[k] == null) {
                        netPorts[k] = new int[2];
                    } else if (netPortCount[k] == netPorts[k].length) {
                        netPorts[k] = Arrays.copyOf(netPorts[k], netPorts[k].length * 2);
                    }
                    netPorts[k][netPortCount[k]++] = port;
                }
                port++;
            }
        }
        for (int k = 0; k < netNames.size(); k++) {
            String name = netNames.get(k);
            j.beginObject().field("type", "source_net").field("source_net_id", "source_net_" + k)
                    .field("name", name).name("member_source_group_ids").beginArray().endArray();
            if (NetRoles.isGround(name)) {
                j.name("is_ground").value(true);
            } else if (NetRoles.isPower(name)) {
                j.name("is_power").value(true);
            }
            j.endObject();
        }
        for (int k = 0; k < netNames.size(); k++) {
            if (netPortCount[k] == 0) {
                continue;
            }
            j.beginObject().field("type", "source_trace").field("source_trace_id", "source_trace_" + k)
                    .name("connected_source_port_ids").beginArray();
            for (int m = 0; m < netPortCount[k]; m++) {
                j.value("source_port_" + netPorts[k][m]);
            }
            j.endArray().name("connected_source_net_ids").beginArray().value("source_net_" + k).endArray()
                    .endObject();
        }
        j.endArray();
        j.finish();
        report(circuit);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Components

    /** Writes the source_component and returns the polarity written for a transistor ('n', 'p'; '?' otherwise). */
    private char writeComponent(PrettyJson j, Circuit circuit, Component c, String id) throws IOException {
        ComponentKind kind = c.kind();
        String ftype = ftype(c);
        j.beginObject().field("type", "source_component").field("source_component_id", id).field("name", c.ref())
                .field("ftype", ftype);
        Set<String> written = new HashSet<>(Set.of("type", "source_component_id", "name", "ftype"));
        String valueField = Ftypes.valueField(kind);
        if (valueField != null && c.value() != null) {
            writeValue(j, c, valueField, written);
        }
        char polarity = '?';
        if (kind == ComponentKind.MOSFET || kind == ComponentKind.BJT) {
            polarity = ModelTypes.polarity(c, circuit);
            if (polarity != 'n' && polarity != 'p') {
                unknownPolarity.add(c.ref(), c.line());
                polarity = 'n';
            }
            if (kind == ComponentKind.MOSFET) {
                String mode = c.property(PREFIX + "mosfet_mode");
                j.field("channel_type", String.valueOf(polarity))
                        .field("mosfet_mode", mode == null || mode.isBlank() ? "enhancement" : mode);
                written.add("channel_type");
                written.add("mosfet_mode");
            } else {
                j.field("transistorType", polarity == 'p' ? "PNP" : "NPN");
                written.add("transistorType");
                written.add("transistor_type");
            }
        }
        for (Map.Entry<String, String> p : c.properties().entrySet()) {
            String key = p.getKey();
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            String field = key.substring(PREFIX.length());
            if (field.equals("ftype") || !written.add(field)) {
                continue;
            }
            j.name(field);
            rawScalar(j, field, p.getValue());
        }
        if (!Ftypes.isNative(kind)) {
            nonNative.add(c.ref() + " (" + kind.description() + ")", c.line());
        }
        writeExtension(j, c, ftype);
        j.endObject();
        return polarity;
    }

    private String ftype(Component c) {
        String kept = c.property(PREFIX + "ftype");
        if (kept != null && Ftypes.kindOf(kept) == c.kind() && c.kind() != ComponentKind.PART) {
            return kept;
        }
        if (c.kind() == ComponentKind.PART) {
            String part = c.part();
            return part != null && part.startsWith("circuit-json:") && part.length() > "circuit-json:".length()
                    ? part.substring("circuit-json:".length()) : Ftypes.CHIP;
        }
        return Ftypes.ftypeOf(c.kind());
    }

    private void writeValue(PrettyJson j, Component c, String field, Set<String> written) throws IOException {
        Value v = c.value();
        if (c.kind().isPassive()) {
            if (v.isNumber()) {
                j.name(field).value(v.magnitude());
                written.add(field);
            } else {
                expressions.add(c.ref() + "=" + v.text(), c.line());
            }
            return;
        }
        // an independent source: DC value natively, a sine or pulse as tscircuit's wave fields
        SourceSpec spec = v.isNumber() ? null : SourceSpec.fromSpice(v.text(), v.syntax());
        double dc = v.isNumber() ? v.magnitude()
                : spec.dc() != null && spec.dc().isNumber() ? spec.dc().magnitude() : 0;
        j.name(field).value(dc);
        written.add(field);
        if (spec == null || spec.function() == null) {
            return;
        }
        List<Value> a = spec.arguments();
        boolean voltage = c.kind() == ComponentKind.VOLTAGE_SOURCE;
        String amplitude = voltage ? "peak_to_peak_voltage" : "peak_to_peak_current";
        if (spec.function().equals("sin") && a.size() >= 3 && a.get(1).isNumber() && a.get(2).isNumber()) {
            j.field("wave_shape", voltage ? "sinewave" : "sine").name("frequency").value(a.get(2).magnitude())
                    .name(amplitude).value(2 * a.get(1).magnitude());
            written.addAll(List.of("wave_shape", "frequency", amplitude));
        } else if (spec.function().equals("pulse") && a.size() >= 7 && allNumbers(a.subList(0, 7))
                && a.get(6).magnitude() > 0) {
            double period = a.get(6).magnitude();
            j.field("wave_shape", "square").name("frequency").value(1 / period)
                    .name(amplitude).value(Math.abs(a.get(1).magnitude() - a.get(0).magnitude()))
                    .name("duty_cycle").value(Math.min(1, Math.max(0, a.get(5).magnitude() / period)));
            written.addAll(List.of("wave_shape", "frequency", amplitude, "duty_cycle"));
        }
    }

    private static boolean allNumbers(List<Value> values) {
        for (Value v : values) {
            if (!v.isNumber()) {
                return false;
            }
        }
        return true;
    }

    /** Writes a kept field back with the JSON type it most likely had: booleans, numbers, else strings. */
    private static void rawScalar(PrettyJson j, String field, String text) throws IOException {
        if (text.equals("true") || text.equals("false")) {
            j.value(Boolean.parseBoolean(text));
        } else if (!field.startsWith("display_") && !field.equals("manufacturer_part_number")
                && JSON_NUMBER.matcher(text).matches()) {
            j.value(Double.parseDouble(text));
        } else {
            j.value(text);
        }
    }

    private void writeExtension(PrettyJson j, Component c, String ftype) throws IOException {
        j.name("kirchhoff").beginObject().field("kind", c.kind().name());
        if (c.part() != null && !(c.kind() == ComponentKind.PART && c.part().equals("circuit-json:" + ftype))) {
            j.field("part", c.part());
        }
        if (c.model() != null) {
            j.field("model", c.model());
        }
        if (c.value() != null) {
            j.name("value");
            value(j, null, c.value());
        }
        if (!c.parameters().isEmpty()) {
            j.name("parameters").beginArray();
            for (Parameter p : c.parameters()) {
                value(j, p.name(), p.value());
            }
            j.endArray();
        }
        if (!c.controls().isEmpty()) {
            j.name("controls").beginArray();
            for (String ctl : c.controls()) {
                j.value(ctl);
            }
            j.endArray();
        }
        boolean transistor = c.kind() == ComponentKind.MOSFET || c.kind() == ComponentKind.BJT;
        boolean open = false;
        for (Map.Entry<String, String> p : c.properties().entrySet()) {
            if (p.getKey().startsWith(PREFIX) || transistor && p.getKey().equals("polarity")) {
                continue;
            }
            if (!open) {
                j.name("properties").beginObject();
                open = true;
            }
            j.field(p.getKey(), p.getValue());
        }
        if (open) {
            j.endObject();
        }
        j.endObject();
    }

    private static void value(PrettyJson j, String name, Value v) throws IOException {
        j.beginObject();
        if (name != null) {
            j.field("name", name);
        }
        j.field("text", v.text()).field("form", v.form().name().toLowerCase(Locale.ROOT));
        if (v.form() != Value.Form.TEXT) {
            j.field("syntax", v.syntax().name().toLowerCase(Locale.ROOT));
        }
        j.endObject();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Ports

    /**
     * The ports of {@code c}, named as tscircuit names them. When reading them back would not give the same pin
     * numbers (a part whose pins are numbered A1, B1; a primitive with extra pins), every port of the component also
     * carries its pin in the extension, so the component reads back exactly.
     */
    private static List<PortOut> ports(Component c, char polarity) {
        ComponentKind kind = c.kind();
        List<Pin> pins = c.pins();
        List<Port> asRead = new ArrayList<>(pins.size());
        List<String> names = new ArrayList<>(pins.size());
        for (int p = 0; p < pins.size(); p++) {
            Pin pin = pins.get(p);
            String terminal = kind.isPrimitive() ? terminalOf(c, p) : null;
            String name = terminal != null ? Ftypes.portName(kind, terminal) : pin.label();
            Set<String> hints = new LinkedHashSet<>();
            hints.add(pin.number());
            if (!pin.name().isEmpty()) {
                hints.add(pin.name());
            }
            hints.add(name);
            Integer number = PIN_NUMBER.matcher(pin.number()).matches() ? Integer.valueOf(pin.number()) : null;
            asRead.add(new Port(name, number, new ArrayList<>(hints), null, null));
            names.add(name);
        }
        List<Pin> readBack = PortPins.pins(kind, polarity, asRead).pins();
        boolean exact = true;
        for (int p = 0; p < pins.size(); p++) {
            if (!readBack.get(p).number().equals(pins.get(p).number())) {
                exact = false;
                break;
            }
        }
        List<PortOut> out = new ArrayList<>(pins.size());
        for (int p = 0; p < pins.size(); p++) {
            Port r = asRead.get(p);
            Pin pin = pins.get(p);
            out.add(new PortOut(r.name(), r.pinNumber(), r.hints(), exact ? null : pin.number(),
                    exact || pin.name().equals(r.name()) ? null : pin.name()));
        }
        return out;
    }

    private static String terminalOf(Component c, int pinIndex) {
        for (String t : Ftypes.terminals(c.kind())) {
            if (c.terminalIndex(t) == pinIndex) {
                return t;
            }
        }
        return null;
    }

    private static void writePort(PrettyJson j, String id, String componentId, PortOut p) throws IOException {
        j.beginObject().field("type", "source_port").field("source_port_id", id)
                .field("source_component_id", componentId).field("name", p.name());
        if (p.pinNumber() != null) {
            j.name("pin_number").value((long) p.pinNumber());
        }
        j.name("port_hints").beginArray();
        for (String h : p.hints()) {
            j.value(h);
        }
        j.endArray();
        if (p.explicitPin() != null) {
            j.name("kirchhoff").beginObject().field("pin", p.explicitPin());
            if (p.explicitName() != null) {
                j.field("name", p.explicitName());
            }
            j.endObject();
        }
        j.endObject();
    }

    // ---------------------------------------------------------------------------------------------------------
    // What Circuit JSON cannot hold

    private void report(Circuit circuit) {
        for (ModelCard m : circuit.models()) {
            models.add(m.name() + " " + m.type(), m.line());
        }
        for (Directive d : circuit.directives()) {
            String text = d.text().strip().replace('\n', ' ');
            directives.add(text.length() <= 30 ? text : text.substring(0, 29) + "…", d.line());
        }
        for (Parameter p : circuit.parameters()) {
            parameters.add(p.name(), 0);
        }
        for (Include inc : circuit.includes()) {
            includes.add(inc.path(), inc.line());
        }
        for (Subcircuit s : circuit.subcircuits()) {
            definitions.add(s.name(), s.line());
        }
        definitions.report(notices, "subcircuit definitions cannot be expressed in flat Circuit JSON and were left "
                + "out", "flatten the circuit first (convert does this for flat formats)", true);
        models.report(notices, "device models have no place in Circuit JSON and were left out",
                "keep the SPICE model file beside the design; components keep their model names", true);
        parameters.report(notices, "circuit parameters have no place in Circuit JSON and were left out",
                "substitute their values before converting if tscircuit needs them", true);
        includes.report(notices, "file references (.include, .lib) have no place in Circuit JSON and were left out",
                null, true);
        directives.report(notices, "simulator directives have no place in Circuit JSON and were left out",
                "keep the analyses in the SPICE deck", true);
        couplings.report(notices, "inductor couplings (K) have no Circuit JSON element and were left out",
                "re-add the coupling in SPICE after converting back", true);
        unknownPolarity.report(notices, "transistors have no known polarity and were written as n-channel/NPN",
                "define their .model cards (nmos/pmos, npn/pnp) or name the polarity", true);
        expressions.report(notices, "values are expressions, so their tscircuit value field is left out",
                "the expression is kept in the kirchhoff extension", false);
        nonNative.report(notices, "components have no Circuit JSON ftype and are written as simple_chip",
                "their kind is kept in the kirchhoff extension", false);
        if (!circuit.globals().isEmpty()) {
            notices.info(0, "global net declarations (" + String.join(", ", circuit.globals())
                    + ") are not written; the nets themselves are");
        }
    }
}
