package dev.kirchhoff.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.schematic.model.PinType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The integrity check behind {@code kirchhoff kb check}: every part file against the JSON Schema, then what a schema
 * cannot say — unique ids and aliases across files, unique pin numbers, names shared only by power pins, functions
 * that agree with pin types, references to pins that exist, export pin maps keyed by pin number where names repeat,
 * sane voltage ranges and I2C addresses. Each problem names the file and JSON path.
 */
public final class KnowledgeBaseCheck {

    /** One problem in the data. */
    public record Problem(String file, String path, String message) {
        @Override
        public String toString() {
            return file + " " + path + ": " + message;
        }
    }

    /** Functions that need a pin able to carry a signal. */
    static final Set<PinFunction> SIGNAL_FUNCTIONS = EnumSet.complementOf(EnumSet.of(PinFunction.POWER, PinFunction.GROUND));

    private KnowledgeBaseCheck() {
    }

    /** Checks the bundled data. */
    public static List<Problem> bundled() {
        return check(DataFiles.classpathRoot());
    }

    /** Checks the data folder at {@code root} (the folder holding {@code parts/}). */
    public static List<Problem> check(Path root) {
        List<Problem> problems = new ArrayList<>();
        Schemas schemas = schemas(root);
        Map<String, String> ids = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (DataFiles.DataFile f : DataFiles.partFiles(root)) {
            JsonNode tree;
            try {
                tree = PartReader.mapper().readTree(f.bytes());
            } catch (IOException e) {
                problems.add(new Problem(f.name(), "$", "not valid JSON: " + e.getMessage()));
                continue;
            }
            int before = problems.size();
            for (ValidationMessage m : schemas.forFile(tree).validate(tree)) {
                problems.add(new Problem(f.name(), m.getInstanceLocation().toString(), m.getMessage()
                        .replaceFirst("^\\$[^:]*: ", "")));
            }
            if (problems.size() > before) {
                continue;
            }
            List<Part> parts;
            try {
                parts = PartReader.read(f.name(), f.bytes());
            } catch (KnowledgeBaseException e) {
                problems.add(new Problem(e.file(), e.path(), e.problem()));
                continue;
            }
            boolean family = parts.size() > 1 || tree.has("parts");
            for (int i = 0; i < parts.size(); i++) {
                Part p = parts.get(i);
                String base = family ? "$.parts[" + i + "]" : "$";
                String where = f.name() + " " + base;
                String earlier = ids.putIfAbsent(p.id(), where);
                if (earlier != null) {
                    problems.add(new Problem(f.name(), base + ".id", "id '" + p.id() + "' is also used at " + earlier));
                }
                checkNames(p, f.name(), base, names, problems);
                checkPart(p, f.name(), base, problems);
            }
        }
        return problems;
    }

    private static void checkNames(Part p, String file, String base, Map<String, String> names, List<Problem> problems) {
        // name -> owner id, with "alias:" in front when an alias registered it
        Set<String> own = new HashSet<>();
        List<String> all = new ArrayList<>();
        all.add(p.id());
        all.addAll(p.partNumbers());
        all.addAll(p.aliases());
        for (int i = 0; i < all.size(); i++) {
            String n = KnowledgeBase.normalize(all.get(i));
            if (n.isEmpty() || !own.add(n)) {
                continue;
            }
            boolean alias = i > p.partNumbers().size();
            String owner = names.putIfAbsent(n, (alias ? "alias:" : "") + p.id());
            if (owner == null) {
                continue;
            }
            boolean earlierAlias = owner.startsWith("alias:");
            String ownerId = earlierAlias ? owner.substring(6) : owner;
            // Two parts may share a chip's part number (SSD1306 over I2C and over SPI); an alias names one part only.
            if (!ownerId.equals(p.id()) && (alias || earlierAlias)) {
                String path = i == 0 ? ".id" : alias ? ".aliases[" + (i - 1 - p.partNumbers().size()) + "]"
                        : ".partNumbers[" + (i - 1) + "]";
                problems.add(new Problem(file, base + path, "'" + all.get(i) + "' also names part '" + ownerId
                        + "'; an alias must name one part"));
            }
        }
    }

    static void checkPart(Part p, String file, String base, List<Problem> problems) {
        Map<String, Integer> numbers = new HashMap<>();
        Map<String, Integer> pinNames = new HashMap<>();
        for (int i = 0; i < p.pins().size(); i++) {
            PartPin pin = p.pins().get(i);
            String at = base + ".pins[" + i + "]";
            Integer dup = numbers.putIfAbsent(pin.number(), i);
            if (dup != null) {
                problems.add(new Problem(file, at + ".number", "pin number '" + pin.number() + "' is also pins[" + dup + "]"));
            }
            Integer sameName = pinNames.putIfAbsent(pin.name().toLowerCase(java.util.Locale.ROOT), i);
            if (sameName != null) {
                PartPin other = p.pins().get(sameName);
                boolean shared = (pin.isPower() || pin.type() == PinType.PASSIVE || pin.type() == PinType.NO_CONNECT)
                        && other.type() == pin.type();
                if (!shared) {
                    problems.add(new Problem(file, at + ".name", "pin name '" + pin.name() + "' is also pins[" + sameName
                            + "]; only power, ground, passive or no-connect pins of one type may share a name"));
                }
            }
            boolean signalCapable = !pin.isPower() && pin.type() != PinType.NO_CONNECT;
            for (PinFunction fn : pin.functions()) {
                if (SIGNAL_FUNCTIONS.contains(fn) && !signalCapable) {
                    problems.add(new Problem(file, at + ".functions", "a " + pin.type().kicadName() + " pin cannot have "
                            + fn + "; make the pin a signal type or drop the function"));
                }
            }
            if (pin.type() == PinType.NO_CONNECT && !pin.functions().isEmpty()) {
                problems.add(new Problem(file, at + ".functions", "a no_connect pin has no functions"));
            }
            for (PinFunction fn : pin.defaultFor()) {
                if (!pin.can(fn)) {
                    problems.add(new Problem(file, at + ".defaultFor", "default for " + fn + " but the pin lacks that function"));
                }
            }
            for (PinFunction fn : pin.channels().keySet()) {
                if (!pin.can(fn)) {
                    problems.add(new Problem(file, at + ".channels", "channel for " + fn + " but the pin lacks that function"));
                }
            }
            if (pin.has(PinFlag.INPUT_ONLY) && pin.has(PinFlag.OUTPUT_ONLY)) {
                problems.add(new Problem(file, at + ".flags", "a pin cannot be both input-only and output-only"));
            }
            if (pin.has(PinFlag.INPUT_ONLY) && (pin.can(PinFunction.PWM) || pin.can(PinFunction.DAC)
                    || pin.can(PinFunction.UART_TX) || pin.can(PinFunction.SPI_MOSI) || pin.can(PinFunction.SPI_SCK))) {
                problems.add(new Problem(file, at + ".functions", "an input-only pin cannot drive PWM, DAC, UART_TX or SPI outputs"));
            }
            if (pin.has(PinFlag.OPTIONAL) && pin.type() != PinType.POWER_IN) {
                problems.add(new Problem(file, at + ".flags", "only a power_in pin can be optional; drop the flag "
                        + "or make the pin power_in"));
            }
            if (pin.has(PinFlag.USB_SUPPLY) && pin.type() != PinType.POWER_IN) {
                problems.add(new Problem(file, at + ".flags", "only a power_in pin can be usb-supply; a pin that "
                        + "always gives the USB supply is power_out"));
            }
            if (pin.has(PinFlag.MUST_DRIVE) && pin.type() != PinType.INPUT) {
                problems.add(new Problem(file, at + ".flags", "only an input pin can be must-drive; drop the flag "
                        + "or make the pin an input"));
            }
            if ((pin.has(PinFlag.INTERNAL_PULLUP) || pin.has(PinFlag.INTERNAL_PULLDOWN)) && !signalCapable) {
                problems.add(new Problem(file, at + ".flags", "a " + pin.type().kicadName() + " pin has no internal "
                        + "pull-up or pull-down; drop the flag"));
            }
            range(pin.range(), file, at + ".range", problems);
            if (pin.voltage() != null && pin.range() != null && !pin.range().contains(pin.voltage())) {
                problems.add(new Problem(file, at + ".voltage", "nominal " + pin.voltage() + " V lies outside the pin's range"));
            }
        }
        range(p.supply(), file, base + ".supply", problems);
        LogicLevels l = p.logic();
        if (l != null) {
            if (l.vil() != null && l.vih() != null && l.vil() >= l.vih()) {
                problems.add(new Problem(file, base + ".logic", "VIL " + l.vil() + " V must be below VIH " + l.vih() + " V"));
            }
            if (l.vol() != null && l.voh() != null && l.vol() >= l.voh()) {
                problems.add(new Problem(file, base + ".logic", "VOL " + l.vol() + " V must be below VOH " + l.voh() + " V"));
            }
            if (l.level() != null && l.vih() != null && l.vih() > l.level() + 1e-9) {
                problems.add(new Problem(file, base + ".logic", "VIH " + l.vih() + " V is above the logic level " + l.level() + " V"));
            }
        }
        if (p.current() != null && p.current().typical() != null && p.current().max() != null
                && p.current().typical() > p.current().max()) {
            problems.add(new Problem(file, base + ".current", "typical current exceeds the maximum"));
        }
        for (int i = 0; i < p.interfaces().size(); i++) {
            PartInterface itf = p.interfaces().get(i);
            String at = base + ".interfaces[" + i + "]";
            pinNames(p, itf.pins(), file, at + ".pins", problems);
            if (itf.defaultAddress() != null && !itf.addresses().isEmpty()
                    && !itf.addresses().stream().anyMatch(a -> a.equalsIgnoreCase(itf.defaultAddress()))) {
                problems.add(new Problem(file, at + ".defaultAddress", itf.defaultAddress() + " is not among the addresses"));
            }
            for (int a : itf.addressValues()) {
                if (a < 0x08 || a > 0x77) {
                    problems.add(new Problem(file, at + ".addresses", String.format("0x%02X is a reserved 7-bit I2C address", a)));
                }
            }
            if (itf.kind() == InterfaceKind.I2C && itf.addresses().isEmpty() && p.form() == Form.MODULE) {
                problems.add(new Problem(file, at + ".addresses", "an I2C module must list the addresses it answers to"));
            }
        }
        if (p.onboard() != null) {
            for (int i = 0; i < p.onboard().pullUps().size(); i++) {
                pinNames(p, p.onboard().pullUps().get(i).pins(), file, base + ".onboard.pullUps[" + i + "].pins", problems);
            }
        }
        if (p.model() != null) {
            pinNames(p, p.model().pinOrder(), file, base + ".model.pinOrder", problems);
        }
        if (p.exports() != null) {
            if (p.exports().wokwi() != null) {
                exportPins(p, p.exports().wokwi().pins().keySet(), file, base + ".exports.wokwi.pins", problems);
            }
            if (p.exports().kicad() != null) {
                exportPins(p, p.exports().kicad().pins().keySet(), file, base + ".exports.kicad.pins", problems);
            }
        }
        if (p.pins().isEmpty()) {
            problems.add(new Problem(file, base + ".pins", "a part needs at least one pin"));
        }
    }

    private static void pinNames(Part p, List<String> refs, String file, String at, List<Problem> problems) {
        for (String ref : refs) {
            if (p.pin(ref).isEmpty()) {
                problems.add(new Problem(file, at, "no pin '" + ref + "' in part '" + p.id() + "'"));
            }
        }
    }

    /**
     * The keys of an export pin map: each names one pin the way {@link Part#pin} resolves it (number first, then name,
     * then alias), no two keys name the same pin, and a name that several pins share (GND) is no key, since it would
     * map only the first of them; such pins are keyed by their numbers (GND.1, GND.2).
     */
    private static void exportPins(Part p, java.util.Collection<String> keys, String file, String at,
                                   List<Problem> problems) {
        Map<String, String> keyOf = new HashMap<>();
        for (String key : new java.util.TreeSet<>(keys)) {
            PartPin pin = p.pin(key).orElse(null);
            if (pin == null) {
                problems.add(new Problem(file, at, "no pin '" + key + "' in part '" + p.id() + "'"));
                continue;
            }
            if (!pin.number().equals(key.strip()) && pin.name().equalsIgnoreCase(key.strip())
                    && p.pinsNamed(pin.name()).size() > 1) {
                problems.add(new Problem(file, at, "'" + key + "' names " + p.pinsNamed(pin.name()).size()
                        + " pins; key each by its pin number ("
                        + String.join(", ", p.pinsNamed(pin.name()).stream().map(PartPin::number).toList()) + ")"));
            }
            String other = keyOf.putIfAbsent(pin.number(), key);
            if (other != null) {
                problems.add(new Problem(file, at, "'" + other + "' and '" + key + "' both name pin " + pin.label()));
            }
        }
    }

    private static void range(VoltageRange r, String file, String at, List<Problem> problems) {
        if (r == null) {
            return;
        }
        if (r.min() != null && r.max() != null && r.min() > r.max()) {
            problems.add(new Problem(file, at, "min " + r.min() + " V is above max " + r.max() + " V"));
        }
        if (r.nominal() != null && !r.contains(r.nominal())) {
            problems.add(new Problem(file, at + ".nominal", "nominal " + r.nominal() + " V lies outside min..max"));
        }
    }

    /**
     * The schema's two file shapes as separate schemas. Validating against the {@code oneOf} of both would report a
     * typo in a single-part file as "valid to none of the schemas" plus every complaint of the family branch
     * ("required property 'family' not found", one "not defined in the schema" per field); picking the branch the
     * way {@link PartReader} does leaves only the real fault.
     */
    private record Schemas(JsonSchema part, JsonSchema family) {
        JsonSchema forFile(JsonNode tree) {
            return tree.has("parts") && !tree.has("id") ? family : part;
        }
    }

    private static Schemas schemas(Path root) {
        Path file = root.resolve("part.schema.json");
        JsonNode full;
        try (InputStream in = Files.exists(file) ? Files.newInputStream(file)
                : KnowledgeBaseCheck.class.getResourceAsStream(DataFiles.RESOURCE_ROOT + "/part.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("part.schema.json is missing");
            }
            full = PartReader.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        JsonNode shapes = full.get("oneOf");
        if (shapes == null || !shapes.isArray() || shapes.size() != 2) {
            JsonSchema whole = factory.getSchema(full);
            return new Schemas(whole, whole);
        }
        return new Schemas(factory.getSchema(branch(full, shapes.get(0))), factory.getSchema(branch(full, shapes.get(1))));
    }

    /** The schema document with its {@code oneOf} replaced by one branch; {@code $defs} stay for the references. */
    private static JsonNode branch(JsonNode full, JsonNode shape) {
        ObjectNode out = ((ObjectNode) full).deepCopy();
        out.remove("oneOf");
        // without $id the local references resolve inside this document, and the two copies cannot clash
        out.remove("$id");
        out.setAll((ObjectNode) shape.deepCopy());
        return out;
    }
}
