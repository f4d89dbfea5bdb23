package dev.kirchhoff.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kirchhoff.schematic.model.PinType;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * The second, larger tier: every symbol of the KiCad symbol libraries with its typed pins (CC-BY-SA 4.0 with the
 * KiCad libraries exception; see data/kicad/README.md). These parts have no functions, voltages or interfaces
 * ({@link Part#hasCapabilityData()} is false). Ids are KiCad's {@code Library:Symbol}.
 */
public final class KicadTier {

    static final String FILE = "kicad/kicad-symbols.jsonl.gz";

    private final byte[] gz;

    private KicadTier(byte[] gz) {
        this.gz = gz;
    }

    /** The tier shipped with Kirchhoff. */
    public static KicadTier bundled() {
        try (InputStream in = KicadTier.class.getResourceAsStream(DataFiles.RESOURCE_ROOT + "/" + FILE)) {
            if (in == null) {
                throw new IllegalStateException("the KiCad tier is missing from the classpath (" + FILE + ")");
            }
            return new KicadTier(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tier under a data folder ({@code root/kicad/kicad-symbols.jsonl.gz}). */
    public static KicadTier load(Path root) {
        Path file = root.resolve(FILE);
        try {
            return new KicadTier(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new KnowledgeBaseException(FILE, "", "cannot read the KiCad tier: " + e.getMessage(), e);
        }
    }

    /** SHA-256 of the compressed file. */
    public String fingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(gz));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every symbol as a part, sorted by id; derived symbols carry their root's pins. */
    public List<Part> parts() {
        List<Part> out = new ArrayList<>(24_000);
        forEach(out::add);
        return out;
    }

    /** Streams every symbol as a part. */
    public void forEach(Consumer<Part> sink) {
        ObjectMapper mapper = PartReader.mapper();
        List<JsonNode> records = new ArrayList<>(24_000);
        Map<String, List<PartPin>> rootPins = new HashMap<>();
        int line = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(gz), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                line++;
                if (s.isBlank()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = mapper.readTree(s);
                } catch (IOException e) {
                    throw new KnowledgeBaseException(FILE, "line " + line, "not valid JSON: " + e.getMessage(), e);
                }
                String id = text(n, "id");
                if (id == null) {
                    throw new KnowledgeBaseException(FILE, "line " + line + " $.id", "missing required field 'id'");
                }
                if (n.has("pins")) {
                    rootPins.put(id, pins(n.get("pins"), line));
                } else if (!n.has("ext")) {
                    rootPins.put(id, List.of());
                }
                records.add(n);
            }
        } catch (IOException e) {
            throw new KnowledgeBaseException(FILE, "", "cannot read the KiCad tier: " + e.getMessage(), e);
        }
        for (JsonNode n : records) {
            String id = text(n, "id");
            List<PartPin> pins = rootPins.get(id);
            if (pins == null) {
                String ext = text(n, "ext");
                pins = rootPins.get(ext);
                if (pins == null) {
                    throw new KnowledgeBaseException(FILE, id, "derived symbol extends '" + ext + "', which is not in the file");
                }
            }
            sink.accept(toPart(n, id, pins));
        }
    }

    /**
     * An index of the tier by id that keeps each symbol's record as text and builds a part only when asked for it:
     * one pass over the file (about a tenth of {@link #forEach}'s time and memory), for callers that need a few
     * symbols by id, such as the validator resolving the parts of a KiCad netlist. The lookup is thread-safe.
     */
    public Lookup lookup() {
        Map<String, String> lines = new HashMap<>(32_000);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(gz), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                // every record starts {"id":"LIB:SYMBOL", as the import script writes it
                int start = s.indexOf("\"id\":\"");
                int end = start < 0 ? -1 : s.indexOf('"', start + 6);
                if (end > 0) {
                    lines.put(s.substring(start + 6, end), s);
                }
            }
        } catch (IOException e) {
            throw new KnowledgeBaseException(FILE, "", "cannot read the KiCad tier: " + e.getMessage(), e);
        }
        return new Lookup(lines);
    }

    /** Symbols by id, parsed on demand; see {@link #lookup()}. */
    public static final class Lookup {
        private final Map<String, String> lines;
        private final Map<String, Optional<Part>> parts = new java.util.concurrent.ConcurrentHashMap<>();

        private Lookup(Map<String, String> lines) {
            this.lines = lines;
        }

        /** The symbol {@code id} ({@code Device:Battery}) as a part, if the tier has it. */
        public Optional<Part> part(String id) {
            return parts.computeIfAbsent(id, this::build);
        }

        private Optional<Part> build(String id) {
            String line = lines.get(id);
            if (line == null) {
                return Optional.empty();
            }
            ObjectMapper mapper = PartReader.mapper();
            try {
                JsonNode n = mapper.readTree(line);
                JsonNode root = n;
                String ext = text(n, "ext");
                if (!n.has("pins") && ext != null) {
                    String rootLine = lines.get(ext);
                    if (rootLine == null) {
                        throw new KnowledgeBaseException(FILE, id, "derived symbol extends '" + ext
                                + "', which is not in the file");
                    }
                    root = mapper.readTree(rootLine);
                }
                List<PartPin> pins = root.has("pins") ? pins(root.get("pins"), 0) : List.of();
                return Optional.of(toPart(n, id, pins));
            } catch (IOException e) {
                throw new KnowledgeBaseException(FILE, id, "not valid JSON: " + e.getMessage(), e);
            }
        }
    }

    private static Part toPart(JsonNode n, String id, List<PartPin> pins) {
        int colon = id.indexOf(':');
        String lib = colon < 0 ? "" : id.substring(0, colon);
        String ref = text(n, "ref");
        return part(id, category(lib, ref), form(lib, ref), text(n, "value"), text(n, "desc"), text(n, "kw"),
                text(n, "ds"), text(n, "fp"), pins);
    }

    /**
     * A KiCad-tier part from the fields of its record: the one place such parts are made (the search index keeps
     * these fields and rebuilds parts with this).
     *
     * @param value       KiCad's Value field; kept as a second part number when it differs from the symbol name
     * @param description null or blank for "SYMBOL (KiCad library LIB)"
     * @param keywords    space-separated, or null
     */
    public static Part part(String id, Category category, Form form, String value, String description,
                            String keywords, String datasheet, String footprint, List<PartPin> pins) {
        int colon = id.indexOf(':');
        String lib = colon < 0 ? "" : id.substring(0, colon);
        String symbol = colon < 0 ? id : id.substring(colon + 1);
        List<String> numbers = new ArrayList<>(2);
        numbers.add(symbol);
        if (value != null && !value.equals(symbol) && !value.isBlank()) {
            numbers.add(value);
        }
        String desc = description == null || description.isBlank() ? symbol + " (KiCad library " + lib + ")" : description;
        List<String> words = keywords == null || keywords.isBlank() ? List.of() : List.of(keywords.strip().split("\\s+"));
        Exports exports = new Exports(null, new Exports.Kicad(id, footprint, null));
        return new Part(id, Tier.KICAD, symbol, List.of(), numbers, category, form, desc, words, null, datasheet, null,
                null, null, pins, null, null, null, exports,
                Map.of("general", "KiCad symbol library " + lib + " (CC-BY-SA 4.0)"), FILE);
    }

    private static List<PartPin> pins(JsonNode array, int line) {
        List<PartPin> out = new ArrayList<>(array.size());
        for (JsonNode p : array) {
            if (!p.isArray() || p.size() < 3) {
                throw new KnowledgeBaseException(FILE, "line " + line + " $.pins", "a pin is [number, name, type(, unit)]");
            }
            int unit = p.size() > 3 ? p.get(3).asInt(1) : 1;
            out.add(PartPin.typed(p.get(0).asText(), p.get(1).asText(), type(p.get(2).asText(), line), unit));
        }
        return List.copyOf(out);
    }

    /** The one-letter type codes of the compact file (KiCad 5's legacy codes, with w for power_out). */
    static PinType type(String code, int line) {
        return switch (code) {
            case "I" -> PinType.INPUT;
            case "O" -> PinType.OUTPUT;
            case "B" -> PinType.BIDIRECTIONAL;
            case "T" -> PinType.TRI_STATE;
            case "P" -> PinType.PASSIVE;
            case "F" -> PinType.FREE;
            case "U" -> PinType.UNSPECIFIED;
            case "W" -> PinType.POWER_IN;
            case "w" -> PinType.POWER_OUT;
            case "C" -> PinType.OPEN_COLLECTOR;
            case "E" -> PinType.OPEN_EMITTER;
            case "N" -> PinType.NO_CONNECT;
            default -> throw new KnowledgeBaseException(FILE, "line " + line, "unknown pin type code '" + code + "'");
        };
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The category of a KiCad library, by its name. */
    static Category category(String lib, String ref) {
        String l = lib.toLowerCase(Locale.ROOT);
        if (l.startsWith("sensor")) {
            return Category.SENSOR;
        }
        if (l.startsWith("display")) {
            return Category.DISPLAY;
        }
        if (l.startsWith("regulator") || l.startsWith("power") || l.startsWith("battery") || l.startsWith("converter")
                || l.startsWith("reference_voltage")) {
            return Category.POWER;
        }
        if (l.startsWith("rf") || l.startsWith("interface") || l.startsWith("isolator")) {
            return Category.COMMUNICATION;
        }
        if (l.startsWith("memory")) {
            return Category.STORAGE;
        }
        if (l.startsWith("mcu") || l.startsWith("cpu") || l.startsWith("fpga") || l.startsWith("cpld")
                || l.startsWith("74xx") || l.startsWith("4xxx") || l.startsWith("logic") || l.startsWith("dsp")
                || l.startsWith("gpu") || l.startsWith("video") || l.startsWith("timer_rtc")) {
            return Category.LOGIC;
        }
        if (l.startsWith("amplifier") || l.startsWith("analog") || l.startsWith("comparator")
                || l.startsWith("audio")) {
            return l.startsWith("audio") ? Category.AUDIO : Category.ANALOG;
        }
        if (l.startsWith("timer") || l.startsWith("oscillator")) {
            return Category.TIMING;
        }
        if (l.startsWith("motor")) {
            return Category.ACTUATOR;
        }
        if (l.startsWith("driver")) {
            return Category.DRIVER;
        }
        if (l.startsWith("relay")) {
            return Category.ACTUATOR;
        }
        if (l.startsWith("switch") || l.startsWith("button")) {
            return Category.INPUT;
        }
        if (l.startsWith("led")) {
            return Category.LIGHT;
        }
        if (l.startsWith("connector")) {
            return Category.CONNECTOR;
        }
        if (l.startsWith("diode") || l.startsWith("transistor") || l.startsWith("triac") || l.startsWith("thyristor")
                || l.startsWith("optocoupler")) {
            return Category.SEMICONDUCTOR;
        }
        if (l.equals("device")) {
            String r = ref == null ? "" : ref;
            if (r.startsWith("D") && !r.startsWith("DS")) {
                return Category.SEMICONDUCTOR;
            }
            if (r.startsWith("Q")) {
                return Category.SEMICONDUCTOR;
            }
            return Category.PASSIVE;
        }
        return Category.OTHER;
    }

    /** The form of a KiCad symbol, by its reference prefix. */
    static Form form(String lib, String ref) {
        String r = ref == null ? "" : ref;
        if (lib.toLowerCase(Locale.ROOT).endsWith("_module") || r.equals("A") || r.startsWith("M") && lib.startsWith("RF")) {
            return Form.MODULE;
        }
        if (r.startsWith("R") || r.startsWith("C") || r.startsWith("L") || r.startsWith("FB") || r.startsWith("Y")
                || r.startsWith("SW") || r.startsWith("F")) {
            return Form.PASSIVE;
        }
        if (r.startsWith("D") || r.startsWith("Q") || r.startsWith("LED")) {
            return Form.DISCRETE;
        }
        if (r.startsWith("J") || r.startsWith("P") || r.startsWith("BT") || r.startsWith("M") || r.startsWith("K")
                || r.startsWith("LS") || r.startsWith("T")) {
            return Form.DEVICE;
        }
        return Form.IC;
    }
}
