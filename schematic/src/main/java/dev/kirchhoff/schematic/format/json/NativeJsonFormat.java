package dev.kirchhoff.schematic.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kirchhoff.schematic.format.JsonLocator;
import dev.kirchhoff.schematic.format.NetlistFormat;
import dev.kirchhoff.schematic.format.Notices;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.schematic.format.PartLibrary;
import dev.kirchhoff.schematic.format.WiringDefect;
import dev.kirchhoff.schematic.format.Source;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.Component;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.model.Directive;
import dev.kirchhoff.schematic.model.Include;
import dev.kirchhoff.schematic.model.ModelCard;
import dev.kirchhoff.schematic.model.Net;
import dev.kirchhoff.schematic.model.Parameter;
import dev.kirchhoff.schematic.model.Pin;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinRef;
import dev.kirchhoff.schematic.model.PinType;
import dev.kirchhoff.schematic.model.Subcircuit;
import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.schematic.units.ValueSyntax;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Kirchhoff's own JSON form of a {@link Circuit}: everything the model holds, nothing lost, validated by
 * {@code dev/kirchhoff/schematic/circuit.schema.json}. Stateless and thread-safe.
 */
public final class NativeJsonFormat implements NetlistFormat {

    /** The value of the top-level {@code format} field. */
    public static final String FORMAT_ID = "kirchhoff-circuit";
    /** The schema version written and accepted. */
    public static final int VERSION = 1;
    /** Where the JSON Schema lives on the class path. */
    public static final String SCHEMA_RESOURCE = "/dev/kirchhoff/schematic/circuit.schema.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = new JsonFactory();

    @Override
    public String name() {
        return "json";
    }

    @Override
    public String description() {
        return "Kirchhoff native circuit JSON (schema: " + SCHEMA_RESOURCE.substring(1) + ")";
    }

    @Override
    public List<String> extensions() {
        return List.of(".kirchhoff.json", ".json");
    }

    @Override
    public boolean hierarchical() {
        return true;
    }

    @Override
    public boolean transistorLevel() {
        return true;
    }

    @Override
    public int sniff(Source source) {
        String head = source.text().length() > 4096 ? source.text().substring(0, 4096) : source.text();
        return source.firstSignificant() == '{' && head.contains("\"" + FORMAT_ID + "\"") ? 100 : 0;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Writing

    @Override
    public void write(Circuit circuit, Appendable out, Notices notices) throws IOException {
        Writer writer = out instanceof Writer w ? w : new AppendableWriter(out);
        try (JsonGenerator g = FACTORY.createGenerator(writer)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
            pp.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
            g.setPrettyPrinter(pp);
            g.writeStartObject();
            g.writeStringField("format", FORMAT_ID);
            g.writeNumberField("version", VERSION);
            writeCircuit(g, circuit);
            g.writeEndObject();
            g.flush();
        }
        out.append('\n');
    }

    private void writeCircuit(JsonGenerator g, Circuit c) throws IOException {
        g.writeStringField("title", c.title());
        g.writeArrayFieldStart("components");
        for (Component comp : c.components()) {
            writeComponent(g, comp);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("nets");
        for (Net net : c.nets()) {
            g.writeStartObject();
            g.writeStringField("name", net.name());
            g.writeArrayFieldStart("pins");
            for (PinRef p : net.pins()) {
                g.writeString(p.toString());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        if (!c.subcircuits().isEmpty()) {
            g.writeArrayFieldStart("subcircuits");
            for (Subcircuit s : c.subcircuits()) {
                g.writeStartObject();
                g.writeStringField("name", s.name());
                g.writeArrayFieldStart("ports");
                for (String p : s.ports()) {
                    g.writeString(p);
                }
                g.writeEndArray();
                writeParameters(g, "parameters", s.parameters());
                if (s.line() > 0) {
                    g.writeNumberField("line", s.line());
                }
                g.writeObjectFieldStart("body");
                writeCircuit(g, s.body());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!c.models().isEmpty()) {
            g.writeArrayFieldStart("models");
            for (ModelCard m : c.models()) {
                g.writeStartObject();
                g.writeStringField("name", m.name());
                g.writeStringField("type", m.type());
                writeParameters(g, "parameters", m.parameters());
                if (m.line() > 0) {
                    g.writeNumberField("line", m.line());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        writeParameters(g, "parameters", c.parameters());
        if (!c.includes().isEmpty()) {
            g.writeArrayFieldStart("includes");
            for (Include i : c.includes()) {
                g.writeStartObject();
                g.writeStringField("path", i.path());
                if (i.section() != null) {
                    g.writeStringField("section", i.section());
                }
                if (i.line() > 0) {
                    g.writeNumberField("line", i.line());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!c.globals().isEmpty()) {
            g.writeArrayFieldStart("globals");
            for (String s : c.globals()) {
                g.writeString(s);
            }
            g.writeEndArray();
        }
        if (!c.directives().isEmpty()) {
            g.writeArrayFieldStart("directives");
            for (Directive d : c.directives()) {
                g.writeStartObject();
                g.writeStringField("language", d.language().name().toLowerCase(Locale.ROOT));
                g.writeStringField("text", d.text());
                if (d.line() > 0) {
                    g.writeNumberField("line", d.line());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    private void writeComponent(JsonGenerator g, Component c) throws IOException {
        g.writeStartObject();
        g.writeStringField("ref", c.ref());
        g.writeStringField("kind", c.kind().name().toLowerCase(Locale.ROOT));
        if (c.part() != null) {
            g.writeStringField("part", c.part());
        }
        if (c.value() != null) {
            g.writeFieldName("value");
            writeValue(g, c.value());
        }
        if (c.model() != null) {
            g.writeStringField("model", c.model());
        }
        writeParameters(g, "parameters", c.parameters());
        if (!c.controls().isEmpty()) {
            g.writeArrayFieldStart("controls");
            for (String s : c.controls()) {
                g.writeString(s);
            }
            g.writeEndArray();
        }
        if (!c.properties().isEmpty()) {
            g.writeObjectFieldStart("properties");
            for (Map.Entry<String, String> e : c.properties().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        g.writeArrayFieldStart("pins");
        for (Pin p : c.pins()) {
            g.writeStartObject();
            g.writeStringField("number", p.number());
            g.writeStringField("name", p.name());
            g.writeStringField("type", p.type().kicadName());
            if (!p.functions().isEmpty()) {
                g.writeArrayFieldStart("functions");
                for (PinFunction f : EnumSet.copyOf(p.functions())) {
                    g.writeString(f.name());
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        if (c.line() > 0) {
            g.writeNumberField("line", c.line());
        }
        g.writeEndObject();
    }

    private void writeParameters(JsonGenerator g, String field, List<Parameter> params) throws IOException {
        if (params.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(field);
        for (Parameter p : params) {
            g.writeStartObject();
            g.writeStringField("name", p.name());
            g.writeFieldName("value");
            writeValue(g, p.value());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeValue(JsonGenerator g, Value v) throws IOException {
        g.writeStartObject();
        g.writeStringField("text", v.text());
        g.writeStringField("form", v.form().name().toLowerCase(Locale.ROOT));
        if (v.isNumber()) {
            g.writeNumberField("magnitude", v.magnitude());
        }
        g.writeStringField("syntax", v.syntax().name().toLowerCase(Locale.ROOT));
        g.writeEndObject();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reading

    @Override
    public Circuit read(Source source, Notices notices) throws ParseException {
        if (source.isBlank()) {
            throw new ParseException(source.name(), 0, 0, "the file is empty", "give a Kirchhoff circuit JSON file");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(source.text());
        } catch (JsonProcessingException e) {
            throw JsonLocator.syntaxError(source.name(), e, "fix the JSON syntax");
        }
        if (root == null || !root.isObject()) {
            throw JsonLocator.error(source, "", "the top level is not a JSON object",
                    "a Kirchhoff circuit is an object with \"format\": \"" + FORMAT_ID + "\"");
        }
        if (!FORMAT_ID.equals(root.path("format").asText())) {
            throw JsonLocator.error(source, "/format", "\"format\" is not \"" + FORMAT_ID + "\"",
                    "this reader takes Kirchhoff's own JSON; for other JSON name the format with --from");
        }
        int version = root.path("version").asInt(-1);
        if (version != VERSION) {
            throw JsonLocator.error(source, "/version", "unsupported version " + root.path("version"),
                    "this Kirchhoff reads version " + VERSION);
        }
        return readCircuit(source, root, "", notices);
    }

    private Circuit readCircuit(Source source, JsonNode node, String path, Notices notices) throws ParseException {
        Circuit.Builder b = Circuit.builder(Math.max(16, node.path("components").size()));
        b.title(node.path("title").asText(""));
        JsonNode components = node.path("components");
        for (int i = 0; i < components.size(); i++) {
            String at = path + "/components/" + i;
            Component c = readComponent(source, components.get(i), at);
            if (b.contains(c.ref())) {
                if (!notices.isLenient()) {
                    throw JsonLocator.error(source, at + "/ref", "two components are called " + c.ref(),
                            "give each component its own reference designator");
                }
                String renamed = c.ref();
                for (int k = 2; b.contains(renamed); k++) {
                    renamed = c.ref() + "_" + k;
                }
                notices.renamedDuplicate(c.ref(), renamed, JsonLocator.error(source, at + "/ref", "", null).line(),
                        "two components are called " + c.ref());
                c = c.withRef(renamed);
            }
            b.add(c);
        }
        JsonNode nets = node.path("nets");
        for (int i = 0; i < nets.size(); i++) {
            String at = path + "/nets/" + i;
            String name = text(source, nets.get(i), at, "name");
            b.net(name);
            JsonNode pins = nets.get(i).path("pins");
            for (int k = 0; k < pins.size(); k++) {
                String ref = pins.get(k).asText();
                PinRef pin;
                try {
                    pin = PinRef.of(ref);
                } catch (IllegalArgumentException e) {
                    throw JsonLocator.error(source, at + "/pins/" + k, e.getMessage(),
                            "list pins as REF:PIN of components in \"components\"");
                }
                try {
                    b.connect(pin.ref(), pin.pin(), name);
                } catch (IllegalArgumentException e) {
                    if (!notices.isLenient()) {
                        throw JsonLocator.error(source, at + "/pins/" + k, e.getMessage(),
                                "list pins as REF:PIN of components in \"components\"");
                    }
                    notices.wiringDefect(defect(b, pin, name, e.getMessage(),
                            JsonLocator.error(source, at + "/pins/" + k, "", null).line()));
                }
            }
        }
        JsonNode subs = node.path("subcircuits");
        for (int i = 0; i < subs.size(); i++) {
            String at = path + "/subcircuits/" + i;
            JsonNode s = subs.get(i);
            List<String> ports = new ArrayList<>();
            for (JsonNode p : s.path("ports")) {
                ports.add(p.asText());
            }
            Circuit body = readCircuit(source, s.path("body"), at + "/body", notices);
            b.subcircuit(new Subcircuit(text(source, s, at, "name"), ports, parameters(source, s.path("parameters"),
                    at + "/parameters"), body, s.path("line").asInt(0)));
        }
        JsonNode models = node.path("models");
        for (int i = 0; i < models.size(); i++) {
            String at = path + "/models/" + i;
            JsonNode m = models.get(i);
            b.model(new ModelCard(text(source, m, at, "name"), text(source, m, at, "type"),
                    parameters(source, m.path("parameters"), at + "/parameters"), m.path("line").asInt(0)));
        }
        for (Parameter p : parameters(source, node.path("parameters"), path + "/parameters")) {
            b.parameter(p);
        }
        for (JsonNode inc : node.path("includes")) {
            b.include(new Include(inc.path("path").asText(), inc.hasNonNull("section") ? inc.get("section").asText()
                    : null, inc.path("line").asInt(0)));
        }
        for (JsonNode g : node.path("globals")) {
            b.global(g.asText());
        }
        JsonNode directives = node.path("directives");
        for (int i = 0; i < directives.size(); i++) {
            JsonNode d = directives.get(i);
            Directive.Language lang;
            try {
                lang = Directive.Language.valueOf(d.path("language").asText("spice").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw JsonLocator.error(source, path + "/directives/" + i + "/language", "unknown language "
                        + d.path("language"), "use \"spice\" or \"spectre\"");
            }
            b.directive(new Directive(d.path("text").asText(), lang, d.path("line").asInt(0)));
        }
        return b.build();
    }

    private Component readComponent(Source source, JsonNode n, String at) throws ParseException {
        String ref = text(source, n, at, "ref");
        String kindName = text(source, n, at, "kind");
        ComponentKind kind;
        try {
            kind = ComponentKind.valueOf(kindName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw JsonLocator.error(source, at + "/kind", "unknown component kind '" + kindName + "'",
                    "use one of " + kindNames());
        }
        Component.Builder b = Component.builder(ref, kind).line(n.path("line").asInt(0));
        if (n.hasNonNull("part")) {
            b.part(n.get("part").asText());
        }
        if (n.hasNonNull("value")) {
            b.value(value(source, n.get("value"), at + "/value"));
        }
        if (n.hasNonNull("model")) {
            b.model(n.get("model").asText());
        }
        b.parameters(parameters(source, n.path("parameters"), at + "/parameters"));
        for (JsonNode c : n.path("controls")) {
            b.control(c.asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            b.property(e.getKey(), e.getValue().asText());
        }
        if (n.has("pins")) {
            List<Pin> pins = new ArrayList<>();
            JsonNode list = n.get("pins");
            for (int i = 0; i < list.size(); i++) {
                JsonNode p = list.get(i);
                String pat = at + "/pins/" + i;
                PinType type;
                try {
                    type = PinType.fromKicad(p.path("type").asText("passive"));
                } catch (IllegalArgumentException e) {
                    throw JsonLocator.error(source, pat + "/type", e.getMessage(), null);
                }
                Set<PinFunction> functions = EnumSet.noneOf(PinFunction.class);
                for (JsonNode f : p.path("functions")) {
                    try {
                        functions.add(PinFunction.valueOf(f.asText()));
                    } catch (IllegalArgumentException e) {
                        throw JsonLocator.error(source, pat + "/functions", "unknown pin function " + f,
                                "use one of " + java.util.Arrays.toString(PinFunction.values()));
                    }
                }
                pins.add(new Pin(text(source, p, pat, "number"), p.path("name").asText(""), type, functions));
            }
            b.pins(pins);
        } else if (kind == ComponentKind.PART && n.hasNonNull("part")) {
            // a part named without its pins takes them from a registered library (the knowledge base)
            PartLibrary.lookup(n.get("part").asText()).ifPresent(b::pins);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw JsonLocator.error(source, at, e.getMessage(), null);
        }
    }

    private static WiringDefect defect(Circuit.Builder b, PinRef pin, String net, String message, int line) {
        Component c = b.component(pin.ref());
        if (c == null) {
            return new WiringDefect(WiringDefect.Kind.UNKNOWN_COMPONENT, pin.ref(), pin.pin(), net, null, line,
                    message);
        }
        if (c.pinIndex(pin.pin()) < 0) {
            return new WiringDefect(WiringDefect.Kind.UNKNOWN_PIN, pin.ref(), pin.pin(), net, null, line, message);
        }
        String other = b.netOfPin(pin.ref(), pin.pin());
        return new WiringDefect(WiringDefect.Kind.PIN_ON_TWO_NETS, pin.ref(), pin.pin(), net, other, line, message);
    }

    private List<Parameter> parameters(Source source, JsonNode list, String at) throws ParseException {
        List<Parameter> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            out.add(new Parameter(text(source, p, at + "/" + i, "name"), value(source, p.get("value"),
                    at + "/" + i + "/value")));
        }
        return out;
    }

    private static Value value(Source source, JsonNode v, String at) throws ParseException {
        if (v == null || v.isNull()) {
            throw JsonLocator.error(source, at, "missing value", "give {\"text\": …, \"form\": …, \"syntax\": …}");
        }
        if (v.isTextual() || v.isNumber()) {
            return ValueSyntax.ENGINEERING.parse(v.asText());
        }
        String text = v.path("text").asText("");
        if (text.isBlank()) {
            throw JsonLocator.error(source, at + "/text", "a value needs non-empty \"text\"", null);
        }
        ValueSyntax syntax;
        Value.Form form;
        try {
            syntax = ValueSyntax.valueOf(v.path("syntax").asText("spice").toUpperCase(Locale.ROOT));
            form = Value.Form.valueOf(v.path("form").asText("number").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw JsonLocator.error(source, at, "unknown value syntax or form", "syntax is one of spice, ltspice, "
                    + "hspice, spectre, engineering; form is one of number, expression, text");
        }
        if (form == Value.Form.NUMBER) {
            double m = v.has("magnitude") ? v.get("magnitude").asDouble() : syntax.number(text);
            if (Double.isNaN(m)) {
                throw JsonLocator.error(source, at + "/text", "'" + text + "' is not a number in " + syntax
                        + " syntax", "give \"magnitude\" or fix the text");
            }
            return new Value(text, m, form, syntax);
        }
        return new Value(text, Double.NaN, form, syntax);
    }

    private static String text(Source source, JsonNode n, String at, String field) throws ParseException {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull() || v.asText().isEmpty()) {
            throw JsonLocator.error(source, at, "missing \"" + field + "\"", "every entry here needs a \""
                    + field + "\"");
        }
        return v.asText();
    }

    private static String kindNames() {
        StringBuilder sb = new StringBuilder();
        for (ComponentKind k : ComponentKind.values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(k.name().toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }

    /** Adapts an {@link Appendable} for Jackson, which writes to a {@link Writer}. */
    private static final class AppendableWriter extends Writer {
        private final Appendable out;

        AppendableWriter(Appendable out) {
            this.out = out;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            out.append(new String(cbuf, off, len));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
