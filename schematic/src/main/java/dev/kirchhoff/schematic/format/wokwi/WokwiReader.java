package dev.kirchhoff.schematic.format.wokwi;

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
import dev.kirchhoff.schematic.model.Pin;
import dev.kirchhoff.schematic.model.PinType;
import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.schematic.units.ValueSyntax;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Wokwi {@code diagram.json} into a {@link Circuit}: each part becomes a component (a resistor or LED as
 * the primitive, anything else as a part with the pins of its Wokwi type), and the wires become nets, each group of
 * pins joined by wires being one net. The file is read with a streaming parser so that every connection endpoint
 * keeps its line and column for error messages. One instance per read; not thread-safe.
 */
final class WokwiReader {

    /** Wokwi's built-in serial monitor, which connections may name without it being a part. */
    static final String SERIAL_MONITOR = "$serialMonitor";

    private static final Set<String> PART_FIELDS = Set.of("type", "id", "top", "left", "rotate", "attrs");

    /** One part as written, with where it starts. */
    private record Part(String type, String id, JsonNode node, int line, int column) {
    }

    /** One end of a wire: {@code part:pin} as written and where the string starts. */
    private record Endpoint(String text, String part, String pin, int line, int column) {
    }

    private final Source source;
    private final String file;
    private final Notices notices;
    private final Map<String, Part> parts = new LinkedHashMap<>();
    private final List<Endpoint[]> wires = new ArrayList<>();
    private final List<String> otherFields = new ArrayList<>();
    private final Tally unknownPins = new Tally();
    private int styledWires;
    private boolean sawParts;
    private boolean sawConnections;

    WokwiReader(Source source, Notices notices) {
        this.source = source;
        this.file = source.name();
        this.notices = notices;
    }

    Circuit read() throws ParseException {
        if (source.isBlank()) {
            throw new ParseException(file, 0, 0, "the file is empty",
                    "give a Wokwi diagram.json: {\"version\": 1, \"parts\": […], \"connections\": […]}");
        }
        scan();
        if (!sawParts && !sawConnections) {
            throw new ParseException(file, 1, 1, "this JSON object has neither \"parts\" nor \"connections\"",
                    "a Wokwi diagram.json is {\"version\": 1, \"parts\": […], \"connections\": […]}");
        }
        Circuit circuit = build();
        if (styledWires > 0) {
            notices.info(0, styledWires + " wire(s) had colours or routes in the drawing; those are not kept, "
                    + "only which pins each wire joins");
        }
        if (!otherFields.isEmpty()) {
            notices.info(0, "top-level field(s) " + String.join(", ", otherFields) + " are not kept");
        }
        unknownPins.report(notices, "connections name pins their Wokwi part type does not have",
                "check the pin names against the part (Wokwi ignores wires to pins that do not exist)", true);
        return circuit;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Scanning

    private void scan() throws ParseException {
        try (JsonParser p = WokwiFormat.FACTORY.createParser(source.text())) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                JsonLocation at = p.currentTokenLocation();
                throw new ParseException(file, line(at), column(at), "a Wokwi diagram is a JSON object, but this "
                        + "file holds " + JsonLocator.describe(t), t == JsonToken.START_ARRAY
                        ? "an array of elements is Circuit JSON; read it as circuit-json"
                        : "give a diagram.json: {\"version\": 1, \"parts\": […], \"connections\": […]}");
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                JsonLocation at = p.currentTokenLocation();
                switch (field) {
                    case "parts" -> {
                        expectArray(value, at, "parts", "[{\"type\": \"wokwi-led\", \"id\": \"led1\", …}, …]");
                        readParts(p);
                        sawParts = true;
                    }
                    case "connections" -> {
                        expectArray(value, at, "connections", "[[\"uno:13\", \"led1:A\", \"green\", []], …]");
                        readConnections(p);
                        sawConnections = true;
                    }
                    case "version" -> {
                        if (value != JsonToken.VALUE_NUMBER_INT || p.getIntValue() != 1) {
                            notices.warn(line(at), "diagram version " + p.getText() + " is not 1, the only "
                                    + "version Kirchhoff knows; it is read as version 1");
                        }
                    }
                    case "author", "editor" -> p.skipChildren();
                    case "dependencies" -> {
                        if (value == JsonToken.START_OBJECT) {
                            JsonNode deps = WokwiFormat.MAPPER.readTree(p);
                            if (!deps.isEmpty()) {
                                notices.info(line(at), "dependencies " + deps + " are not kept");
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> {
                        p.skipChildren();
                        otherFields.add(field);
                    }
                }
            }
            if (p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new ParseException(file, line(at), column(at), "there is more after the closing '}'",
                        "remove it; a diagram.json holds one object");
            }
        } catch (JsonProcessingException e) {
            throw JsonLocator.syntaxError(file, e,
                    "fix the JSON syntax here; Wokwi saves diagram.json as plain JSON");
        } catch (IOException e) {
            throw new ParseException(file, 0, 0, "could not read the JSON: " + e.getMessage(), null);
        }
    }

    private void expectArray(JsonToken t, JsonLocation at, String field, String example) throws ParseException {
        if (t != JsonToken.START_ARRAY) {
            throw new ParseException(file, line(at), column(at), "\"" + field + "\" is " + JsonLocator.describe(t)
                    + ", not an array", "write it as \"" + field + "\": " + example);
        }
    }

    private void readParts(JsonParser p) throws IOException, ParseException {
        int index = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            JsonLocation at = p.currentTokenLocation();
            if (t != JsonToken.START_OBJECT) {
                throw new ParseException(file, line(at), column(at), "part " + index + " is " + JsonLocator.describe(t)
                        + ", not an object", "write each part as {\"type\": \"wokwi-led\", \"id\": \"led1\", …}");
            }
            JsonNode node = WokwiFormat.MAPPER.readTree(p);
            String type = text(node, "type");
            String id = text(node, "id");
            if (type == null || type.isBlank()) {
                throw new ParseException(file, line(at), column(at), "part " + (id == null ? index : id)
                        + " has no \"type\"", "give it its Wokwi part type, such as \"wokwi-led\"");
            }
            if (id == null || id.isBlank()) {
                throw new ParseException(file, line(at), column(at), "part " + index + " (" + type
                        + ") has no \"id\"", "give every part an id; connections name parts by id");
            }
            if (id.indexOf(':') >= 0) {
                throw new ParseException(file, line(at), column(at), "part id '" + id + "' contains ':'",
                        "rename it; connections are written PART:PIN and split at the first ':'");
            }
            if (parts.putIfAbsent(id, new Part(type, id, node, line(at), column(at))) != null) {
                throw new ParseException(file, line(at), column(at), "two parts have the id '" + id + "'",
                        "give each part its own id");
            }
            index++;
        }
    }

    private void readConnections(JsonParser p) throws IOException, ParseException {
        int index = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            JsonLocation at = p.currentTokenLocation();
            if (t != JsonToken.START_ARRAY) {
                throw new ParseException(file, line(at), column(at), "connection " + index + " is " + JsonLocator.describe(t)
                        + ", not an array", "write each connection as [\"uno:13\", \"led1:A\", \"green\", []]");
            }
            Endpoint[] ends = new Endpoint[2];
            int count = 0;
            boolean styled = false;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                JsonLocation el = p.currentTokenLocation();
                if (count < 2) {
                    if (t != JsonToken.VALUE_STRING) {
                        p.skipChildren();
                        throw new ParseException(file, line(el), column(el), "the " + (count == 0 ? "first" : "second")
                                + " entry of this connection is " + JsonLocator.describe(t) + ", not a \"part:pin\" string",
                                "write it as a string such as \"uno:13\"");
                    }
                    ends[count] = endpoint(p.getText(), el);
                } else if (count == 2) {
                    styled |= t == JsonToken.VALUE_STRING && !p.getText().isEmpty();
                    p.skipChildren();
                } else if (t == JsonToken.START_ARRAY) {
                    JsonNode route = WokwiFormat.MAPPER.readTree(p);
                    styled |= !route.isEmpty();
                } else {
                    p.skipChildren();
                }
                count++;
            }
            if (count < 2) {
                throw new ParseException(file, line(at), column(at), "this connection has " + count
                        + " endpoint" + (count == 1 ? "" : "s") + "; a wire joins two pins",
                        "write it as [\"uno:13\", \"led1:A\", \"green\", []]");
            }
            if (styled) {
                styledWires++;
            }
            wires.add(ends);
            index++;
        }
    }

    private Endpoint endpoint(String text, JsonLocation at) throws ParseException {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new ParseException(file, line(at), column(at), "'" + text + "' is not a pin reference",
                    "write it as PART:PIN, for example \"uno:13\" or \"led1:A\"");
        }
        return new Endpoint(text, text.substring(0, colon), text.substring(colon + 1), line(at), column(at));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Building

    private Circuit build() throws ParseException {
        // pins each part is wired at, in order of appearance; unknown parts are an error at the endpoint
        Map<String, Set<String>> wiredPins = new HashMap<>();
        boolean serialMonitor = false;
        for (Endpoint[] wire : wires) {
            for (Endpoint e : wire) {
                if (!parts.containsKey(e.part)) {
                    if (!e.part.equals(SERIAL_MONITOR)) {
                        throw new ParseException(file, e.line, e.column, "connection names part '" + e.part
                                + "', which is not in \"parts\"", "add a part with \"id\": \"" + e.part
                                + "\", or correct the id (the parts are " + abbreviate(parts.keySet()) + ")");
                    }
                    serialMonitor = true;
                }
                wiredPins.computeIfAbsent(e.part, k -> new LinkedHashSet<>()).add(e.pin);
            }
        }

        Map<String, Component> components = new LinkedHashMap<>();
        for (Part part : parts.values()) {
            components.put(part.id, component(part, wiredPins.getOrDefault(part.id, Set.of())));
        }
        if (serialMonitor) {
            List<Pin> pins = new ArrayList<>();
            for (String pin : wiredPins.get(SERIAL_MONITOR)) {
                pins.add(Pin.of(pin, pin, PinType.PASSIVE));
            }
            components.put(SERIAL_MONITOR, Component.builder(SERIAL_MONITOR, ComponentKind.PART)
                    .part("wokwi:" + SERIAL_MONITOR).pins(pins).build());
        }

        // resolve each endpoint to a pin number, then join the two ends of every wire
        Map<String, Integer> index = new HashMap<>();
        List<String> keys = new ArrayList<>();
        List<String> pinNames = new ArrayList<>();
        int[][] ends = new int[wires.size()][2];
        for (int w = 0; w < wires.size(); w++) {
            for (int s = 0; s < 2; s++) {
                Endpoint e = wires.get(w)[s];
                String number = pinNumber(components.get(e.part), e);
                String key = e.part + ":" + number;
                Integer k = index.get(key);
                if (k == null) {
                    k = keys.size();
                    index.put(key, k);
                    keys.add(key);
                    pinNames.add(e.pin);
                }
                ends[w][s] = k;
            }
        }
        int[] parent = new int[keys.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int[] wire : ends) {
            int a = find(parent, wire[0]);
            int b = find(parent, wire[1]);
            if (a != b) {
                // the root is always the endpoint seen first, so groups are named in order of first appearance
                parent[Math.max(a, b)] = Math.min(a, b);
            }
        }

        // name groups: a power or ground pin names its net (a stated voltage before a generic VCC, then the first
        // seen), others are net1, net2, … in order of appearance
        String[] wanted = new String[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            int root = find(parent, k);
            if (wanted[root] == null) {
                wanted[root] = "";
            }
            String power = WokwiNets.powerName(pinNames.get(k));
            if (power != null && WokwiNets.rank(power) > WokwiNets.rank(wanted[root])) {
                wanted[root] = power;
            }
        }
        Names names = new Names(false, c -> true);
        String[] netName = new String[keys.size()];
        int unnamed = 0;
        Circuit.Builder b = Circuit.builder(components.size());
        for (int k = 0; k < keys.size(); k++) {
            if (find(parent, k) == k) {
                String want = wanted[k].isEmpty() ? "net" + ++unnamed : wanted[k];
                netName[k] = names.assign(keys.get(k), want);
                b.net(netName[k]);
            }
        }
        for (Component c : components.values()) {
            String[] nodes = new String[c.pins().size()];
            for (int p = 0; p < nodes.length; p++) {
                Integer k = index.get(c.ref() + ":" + c.pins().get(p).number());
                nodes[p] = k == null ? null : netName[find(parent, k)];
            }
            b.add(c, nodes);
        }
        return b.build();
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private String pinNumber(Component c, Endpoint e) throws ParseException {
        if (c.kind() == ComponentKind.PART) {
            return e.pin;
        }
        int i = c.pinIndex(e.pin);
        if (i < 0) {
            Part part = parts.get(e.part);
            List<String> known = WokwiPins.pins(part.type);
            throw new ParseException(file, e.line, e.column, e.part + " is a " + part.type + ", which has no pin '"
                    + e.pin + "'", "use one of its pins: " + (known == null ? "1, 2" : String.join(", ", known)));
        }
        return c.pins().get(i).number();
    }

    private Component component(Part part, Set<String> wired) {
        Map<String, String> attrs = new LinkedHashMap<>();
        Map<String, String> jsonAttrs = new LinkedHashMap<>();
        JsonNode a = part.node.get("attrs");
        if (a != null && a.isObject()) {
            for (Map.Entry<String, JsonNode> f : a.properties()) {
                if (f.getValue().isTextual()) {
                    attrs.put(f.getKey(), f.getValue().textValue());
                } else {
                    jsonAttrs.put(f.getKey(), f.getValue().toString());
                }
            }
        }
        ComponentKind kind = switch (part.type) {
            case "wokwi-resistor" -> ComponentKind.RESISTOR;
            case "wokwi-led" -> ComponentKind.LED;
            default -> ComponentKind.PART;
        };
        Component.Builder b = Component.builder(part.id, kind).part("wokwi:" + part.type).line(part.line);
        if (kind == ComponentKind.RESISTOR) {
            b.value(resistance(part, attrs));
        } else if (kind == ComponentKind.PART) {
            b.pins(partPins(part, attrs, wired));
        }
        position(b, part.node, "top");
        position(b, part.node, "left");
        position(b, part.node, "rotate");
        for (Map.Entry<String, JsonNode> f : part.node.properties()) {
            if (!PART_FIELDS.contains(f.getKey())) {
                b.property("wokwi.json." + f.getKey(), f.getValue().toString());
            }
        }
        attrs.forEach((k, v) -> b.property("wokwi.attr." + k, v));
        jsonAttrs.forEach((k, v) -> b.property("wokwi.attrJson." + k, v));
        return b.build();
    }

    /** A resistor's value: Wokwi's {@code value} attribute in ohms, 1000 when absent as in Wokwi. */
    private Value resistance(Part part, Map<String, String> attrs) {
        String text = attrs.get("value");
        if (text == null) {
            notices.info(part.line, part.id + " has no value; Wokwi's default of 1000 Ω is assumed");
            return new Value("1000", 1000, Value.Form.NUMBER, ValueSyntax.ENGINEERING);
        }
        String t = text.strip();
        double ohms = ValueSyntax.ENGINEERING.number(t);
        if (Double.isNaN(ohms)) {
            notices.warn(part.line, part.id + " has value '" + text + "', which is not a resistance; it is kept as "
                    + "an attribute and the resistor has no value");
            return null;
        }
        attrs.remove("value");
        if (!WokwiFormat.isPlainNumber(t)) {
            notices.warn(part.line, part.id + " has value '" + text + "', read as " + WokwiFormat.plain(ohms)
                    + " Ω; Wokwi reads only the leading number of a resistor value, so write it in ohms ("
                    + WokwiFormat.plain(ohms) + ")");
        }
        return new Value(t, ohms, Value.Form.NUMBER, ValueSyntax.ENGINEERING);
    }

    private List<Pin> partPins(Part part, Map<String, String> attrs, Set<String> wired) {
        Set<String> names = new LinkedHashSet<>();
        List<String> known = WokwiPins.pins(part.type, attrs);
        if (known != null) {
            names.addAll(known);
        }
        for (String w : wired) {
            if (names.add(w) && known != null) {
                unknownPins.add(part.id + ":" + w, part.line);
            }
        }
        List<Pin> pins = new ArrayList<>(names.size());
        for (String n : names) {
            pins.add(Pin.of(n, n, PinType.PASSIVE));
        }
        return pins;
    }

    private static void position(Component.Builder b, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return;
        }
        String text;
        if (v.isIntegralNumber()) {
            text = v.bigIntegerValue().toString();
        } else if (v.isNumber()) {
            text = v.decimalValue().stripTrailingZeros().toPlainString();
        } else {
            text = v.asText();
        }
        b.property("wokwi." + field, text);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    private static String abbreviate(Set<String> ids) {
        if (ids.isEmpty()) {
            return "none";
        }
        List<String> list = new ArrayList<>(ids);
        return list.size() <= 12 ? String.join(", ", list) : String.join(", ", list.subList(0, 12)) + ", …";
    }

    private static int line(JsonLocation at) {
        return at == null ? 0 : Math.max(0, at.getLineNr());
    }

    private static int column(JsonLocation at) {
        return at == null ? 0 : Math.max(0, at.getColumnNr());
    }
}
