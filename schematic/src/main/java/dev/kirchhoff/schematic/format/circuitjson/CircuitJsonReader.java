package dev.kirchhoff.schematic.format.circuitjson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kirchhoff.schematic.format.Names;
import dev.kirchhoff.schematic.format.JsonLocator;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.schematic.format.Source;
import dev.kirchhoff.schematic.format.Tally;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.schematic.units.ValueSyntax;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the {@code source_*} elements of a Circuit JSON array into a {@link Circuit}. Elements are read one at a
 * time from a streaming parser, so a large file is parsed once and never held as one tree; schematic, PCB and CAD
 * elements are counted and dropped. Connectivity is the union of all {@code source_trace}s: each trace joins its
 * ports and nets, and each connected group becomes one net. One instance per read; not thread-safe.
 */
final class CircuitJsonReader {

    /** Fields of a source_component that are structure, not annotations worth keeping. */
    private static final Set<String> STRUCTURAL = Set.of("type", "source_component_id", "name", "ftype",
            "kirchhoff", "source_group_id", "subcircuit_id", "subcircuit_connectivity_map_key");

    /** One element with where it starts, for messages. */
    private record Element(JsonNode node, int line, int column) {
    }

    /** A source_port, reduced at once to what identifies it: ports are most of a big file. */
    private record PortElement(String id, String componentId, Port port, int line, int column) {
    }

    /** A source_net. */
    private record NetElement(String id, String name, int line, int column) {
    }

    /** A source_trace: the ids it joins. */
    private record TraceElement(String id, List<String> ports, List<String> nets, int line, int column) {
    }

    private final Source source;
    private final String file;
    private final Notices notices;
    private final List<Element> components = new ArrayList<>();
    private final List<PortElement> ports = new ArrayList<>();
    private final List<NetElement> nets = new ArrayList<>();
    private final List<TraceElement> traces = new ArrayList<>();
    private final Map<String, Integer> ignored = new TreeMap<>();
    private final Tally untyped = new Tally();
    private final Tally badValues = new Tally();
    private final Tally renumbered = new Tally();
    private String title = "";
    private int elementCount;

    CircuitJsonReader(Source source, Notices notices) {
        this.source = source;
        this.file = source.name();
        this.notices = notices;
    }

    Circuit read() throws ParseException {
        if (source.isBlank()) {
            throw new ParseException(file, 0, 0, "the file is empty",
                    "give a Circuit JSON array of elements as tscircuit writes it: [{\"type\": \"source_component\", …}]");
        }
        scan();
        if (components.isEmpty()) {
            throw new ParseException(file, 1, 1, elementCount == 0 ? "the element array is empty"
                    : "none of the " + elementCount + " elements is a source_component",
                    "Kirchhoff reads the netlist from the source_component, source_port, source_net and source_trace "
                            + "elements; export the Circuit JSON with them (tscircuit always writes them)");
        }
        Circuit circuit = build();
        reportIgnored();
        untyped.report(notices, "elements have no \"type\" and were ignored", "give every element a type", true);
        badValues.report(notices, "values are not numbers and were left out",
                "write resistance, capacitance, voltage and the like as numbers in SI units (1000 for 1 kΩ)", true);
        renumbered.report(notices, "components had ports with clashing pin numbers; later ones were renumbered",
                "give every port of a component its own pin_number", true);
        return circuit;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Scanning

    private void scan() throws ParseException {
        try (JsonParser p = Json.FACTORY.createParser(source.text())) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_ARRAY) {
                JsonLocation at = p.currentTokenLocation();
                throw new ParseException(file, line(at), column(at),
                        "Circuit JSON is an array of elements, but this file holds " + JsonLocator.describe(t),
                        t == JsonToken.START_OBJECT
                                ? "if this is a Wokwi diagram.json, read it as wokwi; otherwise give the array "
                                + "tscircuit writes: [{\"type\": \"source_component\", …}, …]"
                                : "give the array tscircuit writes: [{\"type\": \"source_component\", …}, …]");
            }
            int index = 0;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                JsonLocation at = p.currentTokenLocation();
                if (t != JsonToken.START_OBJECT) {
                    throw new ParseException(file, line(at), column(at), "element " + index + " of the array is "
                            + JsonLocator.describe(t) + ", not an object",
                            "every Circuit JSON element is an object with a \"type\", such as "
                                    + "{\"type\": \"source_port\", …}");
                }
                JsonNode node = Json.MAPPER.readTree(p);
                sort(new Element(node, line(at), column(at)), index);
                index++;
                elementCount++;
            }
            JsonToken after = p.nextToken();
            if (after != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new ParseException(file, line(at), column(at), "there is more after the closing ']' of the "
                        + "element array", "remove what follows the array; a Circuit JSON file holds one array");
            }
        } catch (JsonProcessingException e) {
            throw JsonLocator.syntaxError(file, e,
                    "fix the JSON syntax here; the file must be valid JSON before anything else can be read");
        } catch (IOException e) {
            throw new ParseException(file, 0, 0, "could not read the JSON: " + e.getMessage(), null);
        }
    }

    private void sort(Element e, int index) throws ParseException {
        String type = Json.text(e.node, "type");
        if (type == null) {
            untyped.add("element " + index, e.line);
            return;
        }
        switch (type) {
            case "source_component" -> components.add(e);
            case "source_port" -> ports.add(new PortElement(requireId(e, "source_port_id", "source_port"),
                    Json.text(e.node, "source_component_id"), port(e.node), e.line, e.column));
            case "source_net" -> {
                String name = Json.text(e.node, "name");
                String id = requireId(e, "source_net_id", "source_net");
                nets.add(new NetElement(id, name == null || name.isBlank() ? id : name.strip(), e.line, e.column));
            }
            case "source_trace" -> traces.add(new TraceElement(Json.text(e.node, "source_trace_id"),
                    strings(e, "connected_source_port_ids"), strings(e, "connected_source_net_ids"), e.line,
                    e.column));
            case "source_project_metadata" -> {
                String name = Json.text(e.node, "name");
                if (name != null && !name.isBlank()) {
                    title = name.strip();
                }
            }
            default -> {
                int underscore = type.indexOf('_');
                String family = underscore > 0 ? type.substring(0, underscore + 1) : type;
                ignored.merge(family, 1, Integer::sum);
            }
        }
    }

    private void reportIgnored() {
        if (ignored.isEmpty()) {
            return;
        }
        int total = 0;
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Integer> e : ignored.entrySet()) {
            total += e.getValue();
            sb.append(sb.length() == 0 ? "" : ", ").append(e.getValue()).append(' ')
                    .append(e.getKey().endsWith("_") ? e.getKey() + "*" : e.getKey());
        }
        notices.info(0, total + " layout, drawing and other non-netlist elements were ignored (" + sb
                + "); Kirchhoff reads the source_* elements, which hold the components and their connections");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Building the circuit

    private Circuit build() throws ParseException {
        Map<String, Integer> componentIndex = new HashMap<>();
        String[] refs = new String[components.size()];
        Names refNames = new Names(false, c -> true);
        for (int i = 0; i < components.size(); i++) {
            Element e = components.get(i);
            String id = requireId(e, "source_component_id", "source_component");
            if (componentIndex.putIfAbsent(id, i) != null) {
                throw duplicate(e.line, e.column, "source_component", id);
            }
            String name = Json.text(e.node, "name");
            if (name == null || name.isBlank()) {
                name = id;
                notices.warn(e.line, "source_component " + id + " has no name; it is called " + id);
            }
            String ref = refNames.assign(id, name.strip());
            if (!ref.equals(name.strip())) {
                notices.renamedDuplicate(name.strip(), ref, e.line,
                        "two components are called " + name.strip() + "; reference designators must be unique");
            }
            refs[i] = ref;
        }

        // ports, grouped by component in file order
        Map<String, Integer> portIndex = new HashMap<>();
        int[] portComponent = new int[ports.size()];
        List<List<Integer>> portsOf = new ArrayList<>(components.size());
        for (int i = 0; i < components.size(); i++) {
            portsOf.add(new ArrayList<>(2));
        }
        for (int k = 0; k < ports.size(); k++) {
            PortElement e = ports.get(k);
            String id = e.id;
            if (portIndex.putIfAbsent(id, k) != null) {
                throw duplicate(e.line, e.column, "source_port", id);
            }
            String owner = e.componentId;
            Integer c = owner == null ? null : componentIndex.get(owner);
            if (c == null) {
                throw new ParseException(file, e.line, e.column, "source_port " + id + " belongs to "
                        + (owner == null ? "no component (it has no source_component_id)"
                        : "source_component " + owner + ", which is not in the file"),
                        "add that source_component, or remove the port");
            }
            portComponent[k] = c;
            portsOf.get(c).add(k);
        }

        // connectivity: ports are 0..P-1, nets P..P+N-1
        int portCount = ports.size();
        UnionFind groups = new UnionFind(portCount + nets.size());
        Map<String, Integer> netIndex = new HashMap<>();
        Map<String, Integer> netByName = new HashMap<>();
        String[] netNames = new String[nets.size()];
        for (int n = 0; n < nets.size(); n++) {
            NetElement e = nets.get(n);
            String id = e.id;
            if (netIndex.putIfAbsent(id, n) != null) {
                throw duplicate(e.line, e.column, "source_net", id);
            }
            netNames[n] = e.name;
            Integer same = netByName.putIfAbsent(netNames[n], n);
            if (same != null) {
                // nets are identified by name in the circuit model: two source_nets called GND are one GND
                groups.union(portCount + same, portCount + n);
            }
        }
        for (TraceElement e : traces) {
            String what = "source_trace " + (e.id == null ? "at this position" : e.id);
            int first = -1;
            for (String portId : e.ports) {
                Integer k = portIndex.get(portId);
                if (k == null) {
                    throw new ParseException(file, e.line, e.column, what + " connects source_port " + portId
                            + ", which is not in the file", "add that source_port, or remove it from "
                            + "connected_source_port_ids");
                }
                first = join(groups, first, k);
            }
            for (String netId : e.nets) {
                Integer n = netIndex.get(netId);
                if (n == null) {
                    throw new ParseException(file, e.line, e.column, what + " connects source_net " + netId
                            + ", which is not in the file", "add that source_net, or remove it from "
                            + "connected_source_net_ids");
                }
                first = join(groups, first, portCount + n);
            }
        }

        // name each group: after its first source_net, else after its first port
        String[] groupName = new String[portCount + nets.size()];
        Names names = new Names(false, c -> true);
        List<String> declared = new ArrayList<>();
        for (int n = 0; n < nets.size(); n++) {
            int root = groups.find(portCount + n);
            if (groupName[root] == null) {
                groupName[root] = names.assign("\u0000net" + n, netNames[n]);
                declared.add(groupName[root]);
            } else if (!groupName[root].equals(netNames[n])) {
                notices.info(nets.get(n).line, "net " + netNames[n] + " is connected to net " + groupName[root]
                        + "; they are one net, called " + groupName[root]);
            }
        }

        Circuit.Builder b = Circuit.builder(components.size());
        b.title(title);
        for (String name : declared) {
            b.net(name);
        }
        for (int i = 0; i < components.size(); i++) {
            List<Integer> own = portsOf.get(i);
            List<Port> portList = new ArrayList<>(own.size());
            for (int k : own) {
                portList.add(ports.get(k).port);
            }
            Component component = component(components.get(i), refs[i], portList);
            String[] nodes = new String[own.size()];
            for (int j = 0; j < own.size(); j++) {
                int k = own.get(j);
                int root = groups.find(k);
                if (groups.size(root) == 1) {
                    continue;
                }
                if (groupName[root] == null) {
                    String portName = portList.get(j).name().isEmpty() ? component.pins().get(j).number()
                            : portList.get(j).name();
                    groupName[root] = names.assign("\u0000port" + k, "net_" + refs[portComponent[k]] + "_"
                            + portName);
                }
                nodes[j] = groupName[root];
            }
            b.add(component, nodes);
        }
        return b.build();
    }

    private static int join(UnionFind groups, int first, int member) {
        if (first < 0) {
            groups.touch(member);
            return member;
        }
        groups.union(first, member);
        return first;
    }

    private String requireId(Element e, String field, String type) throws ParseException {
        String id = Json.text(e.node, field);
        if (id == null || id.isEmpty()) {
            throw new ParseException(file, e.line, e.column, type + " without a " + field,
                    "give every " + type + " a " + field + " (for example \"" + type + "_0\")");
        }
        return id;
    }

    private ParseException duplicate(int line, int column, String type, String id) {
        return new ParseException(file, line, column, "two " + type + " elements have the id " + id,
                "give each " + type + " its own " + type + "_id");
    }

    private List<String> strings(Element e, String field) throws ParseException {
        JsonNode array = e.node.get(field);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new ParseException(file, e.line, e.column, field + " is " + array.getNodeType().name()
                    .toLowerCase(Locale.ROOT) + ", not an array of ids", "write it as [\"id\", …]");
        }
        List<String> out = new ArrayList<>(array.size());
        for (JsonNode v : array) {
            if (!v.isTextual()) {
                throw new ParseException(file, e.line, e.column, field + " holds " + v + ", which is not an id",
                        "write ids as strings");
            }
            out.add(v.textValue());
        }
        return out;
    }

    private static Port port(JsonNode node) {
        String name = Json.text(node, "name");
        JsonNode number = node.get("pin_number");
        Integer pinNumber = null;
        if (number != null && number.canConvertToInt() && number.isIntegralNumber()) {
            pinNumber = number.intValue();
        } else if (number != null && number.isTextual() && number.textValue().matches("\\d{1,9}")) {
            pinNumber = Integer.parseInt(number.textValue());
        }
        List<String> hints = new ArrayList<>();
        JsonNode h = node.get("port_hints");
        if (h != null && h.isArray()) {
            for (JsonNode v : h) {
                if (v.isTextual()) {
                    hints.add(v.textValue());
                } else if (v.isNumber()) {
                    hints.add(v.asText());
                }
            }
        }
        JsonNode ext = node.get("kirchhoff");
        String explicitPin = Json.text(ext, "pin");
        String explicitName = Json.text(ext, "name");
        return new Port(name == null ? "" : name.strip(), pinNumber, hints,
                explicitPin == null || explicitPin.isBlank() ? null : explicitPin, explicitName);
    }

    private Component component(Element e, String ref, List<Port> portList) {
        JsonNode node = e.node;
        JsonNode ext = node.get("kirchhoff");
        if (ext != null && !ext.isObject()) {
            ext = null;
        }
        String ftype = Json.text(node, "ftype");
        ComponentKind kind = Ftypes.kindOf(ftype);
        String extKind = Json.text(ext, "kind");
        if (extKind != null) {
            try {
                kind = ComponentKind.valueOf(extKind.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException x) {
                notices.warn(e.line, ref + ": the kirchhoff extension names kind '" + extKind
                        + "', which Kirchhoff does not know; the ftype " + ftype + " decides");
            }
        }
        Component.Builder b = Component.builder(ref, kind).line(e.line);
        String part = Json.text(ext, "part");
        if (part == null && kind == ComponentKind.PART) {
            part = "circuit-json:" + (ftype == null ? "component" : ftype);
        }
        b.part(part);
        b.model(Json.text(ext, "model"));

        Map<String, String> properties = new LinkedHashMap<>();
        String valueField = Ftypes.valueField(kind);
        Set<String> consumed = new java.util.HashSet<>(STRUCTURAL);
        if (valueField != null) {
            consumed.add(valueField);
        }
        char polarity = '?';
        if (kind == ComponentKind.MOSFET) {
            String channel = Json.text(node, "channel_type");
            consumed.add("channel_type");
            if (channel != null && !channel.isEmpty()) {
                polarity = Character.toLowerCase(channel.charAt(0));
                properties.put("polarity", channel.toLowerCase(Locale.ROOT));
            }
        } else if (kind == ComponentKind.BJT) {
            String type = Json.text(node, "transistorType");
            if (type == null) {
                type = Json.text(node, "transistor_type");
            }
            consumed.add("transistorType");
            consumed.add("transistor_type");
            if (type != null && !type.isEmpty()) {
                polarity = Character.toLowerCase(type.charAt(0));
                properties.put("polarity", type.toLowerCase(Locale.ROOT));
            }
        }
        if (ftype != null && kind != ComponentKind.PART && !ftype.equals(Ftypes.ftypeOf(kind))) {
            properties.put("circuit-json.ftype", ftype);
        }
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            JsonNode v = f.getValue();
            if (!consumed.contains(f.getKey()) && v.isValueNode() && !v.isNull()) {
                properties.put("circuit-json." + f.getKey(), Json.scalarText(v));
            }
        }
        JsonNode extProperties = ext == null ? null : ext.get("properties");
        if (extProperties != null && extProperties.isObject()) {
            for (Map.Entry<String, JsonNode> f : extProperties.properties()) {
                if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                    properties.put(f.getKey(), Json.scalarText(f.getValue()));
                }
            }
        }
        properties.forEach(b::property);

        b.value(value(e, ref, kind, valueField == null ? null : node.get(valueField), ext));
        JsonNode params = ext == null ? null : ext.get("parameters");
        if (params != null && params.isArray()) {
            for (JsonNode p : params) {
                String name = Json.text(p, "name");
                Value v = extValue(p);
                if (name != null && !name.isBlank() && v != null) {
                    b.parameter(name, v);
                } else {
                    notices.warn(e.line, ref + ": kirchhoff parameter " + p + " is incomplete and was left out");
                }
            }
        }
        JsonNode controls = ext == null ? null : ext.get("controls");
        if (controls != null && controls.isArray()) {
            for (JsonNode c : controls) {
                if (c.isTextual()) {
                    b.control(c.textValue());
                }
            }
        }
        PortPins.Result pins = PortPins.pins(kind, polarity, portList);
        if (pins.renumbered()) {
            renumbered.add(ref, e.line);
        }
        b.pins(pins.pins());
        return b.build();
    }

    /** The main value: the extension's exact text when it agrees with the native field, else the native number. */
    private Value value(Element e, String ref, ComponentKind kind, JsonNode nativeField, JsonNode ext) {
        Double number = null;
        if (nativeField != null && !nativeField.isNull()) {
            if (nativeField.isNumber()) {
                number = nativeField.doubleValue();
            } else if (nativeField.isTextual()) {
                double n = ValueSyntax.ENGINEERING.number(nativeField.textValue().strip());
                if (Double.isNaN(n)) {
                    badValues.add(ref + " " + Ftypes.valueField(kind) + "=\"" + nativeField.textValue() + "\"",
                            e.line);
                } else {
                    number = n;
                }
            } else {
                badValues.add(ref + " " + Ftypes.valueField(kind) + "=" + nativeField, e.line);
            }
        }
        Value extended = ext == null ? null : extValue(ext.get("value"));
        if (extended != null) {
            if (number != null && extended.isNumber() && !close(extended.magnitude(), number)) {
                notices.warn(e.line, ref + ": " + Ftypes.valueField(kind) + " is " + PrettyJson.number(number)
                        + " but the kirchhoff extension says " + extended.text() + "; the "
                        + Ftypes.valueField(kind) + " field was edited later, so it wins");
                return engineering(number);
            }
            return extended;
        }
        return number == null ? null : engineering(number);
    }

    private static Value engineering(double magnitude) {
        return new Value(ValueSyntax.ENGINEERING.formatMagnitude(magnitude), magnitude, Value.Form.NUMBER,
                ValueSyntax.ENGINEERING);
    }

    /** A value written by {@link CircuitJsonWriter}: {@code {"text": "1u", "form": "number", "syntax": "spice"}}. */
    static Value extValue(JsonNode v) {
        if (v == null || !v.isObject()) {
            return null;
        }
        String text = Json.text(v, "text");
        if (text == null || text.isBlank()) {
            return null;
        }
        String formText = Json.text(v, "form");
        String syntaxText = Json.text(v, "syntax");
        ValueSyntax syntax = ValueSyntax.SPICE;
        Value.Form form = Value.Form.TEXT;
        try {
            if (syntaxText != null) {
                syntax = ValueSyntax.valueOf(syntaxText.toUpperCase(Locale.ROOT));
            }
            if (formText != null) {
                form = Value.Form.valueOf(formText.toUpperCase(Locale.ROOT));
            }
        } catch (IllegalArgumentException e) {
            return Value.text(text);
        }
        return switch (form) {
            case NUMBER -> {
                Value parsed = syntax.parse(text);
                yield parsed.isNumber() ? parsed : Value.text(text);
            }
            case EXPRESSION -> Value.expression(text, syntax);
            case TEXT -> Value.text(text);
        };
    }

    private static boolean close(double x, double y) {
        return x == y || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
    }

    private static int line(JsonLocation at) {
        return at == null ? 0 : Math.max(0, at.getLineNr());
    }

    private static int column(JsonLocation at) {
        return at == null ? 0 : Math.max(0, at.getColumnNr());
    }

    /** Union-find over ints with path halving; {@link #size} tells lone members from joined ones. */
    private static final class UnionFind {
        private final int[] parent;
        private final int[] size;

        UnionFind(int n) {
            parent = new int[n];
            size = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
                size[i] = 1;
            }
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra == rb) {
                size[ra] = Math.max(size[ra], 2);
                return;
            }
            if (size[ra] < size[rb]) {
                int t = ra;
                ra = rb;
                rb = t;
            }
            parent[rb] = ra;
            size[ra] += size[rb];
        }

        /** Marks {@code x} as traced even when its trace names nothing else, so it still gets a net. */
        void touch(int x) {
            int r = find(x);
            size[r] = Math.max(size[r], 2);
        }

        int size(int root) {
            return size[root];
        }
    }
}
