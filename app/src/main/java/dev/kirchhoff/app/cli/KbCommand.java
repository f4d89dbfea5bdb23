package dev.kirchhoff.app.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.InterfaceKind;
import dev.kirchhoff.knowledge.JsonEnum;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.KnowledgeBaseCheck;
import dev.kirchhoff.knowledge.KnowledgeBaseException;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartInterface;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.knowledge.Tier;
import dev.kirchhoff.knowledge.UnknownPartException;
import dev.kirchhoff.retrieval.PartSearch;
import dev.kirchhoff.retrieval.SearchFilters;
import dev.kirchhoff.retrieval.SearchHit;
import dev.kirchhoff.schematic.model.PinType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code kirchhoff kb}: search and inspect the component knowledge base. */
@Command(name = "kb",
        mixinStandardHelpOptions = true,
        description = {"Search and inspect the component knowledge base: curated parts (typed pins with functions, "
                + "voltages, interfaces, models) and the KiCad symbol tier (typed pins only)."},
        subcommands = {KbCommand.Search.class, KbCommand.Show.class, KbCommand.ListParts.class, KbCommand.Check.class})
public final class KbCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The mapper for all {@code --json} output. Parts are written in the words of the data files ({@code "sensor"},
     * {@code "power_in"}, {@code "input-only"}), the same words {@code search} and {@code list} print, not as Java
     * constant names; {@link PartPin#isPower()} is a derived fact, not a field.
     */
    static ObjectMapper json() {
        SimpleModule words = new SimpleModule("kirchhoff-kb-json");
        words.addSerializer(JsonEnum.class, new StdSerializer<>(JsonEnum.class) {
            private static final long serialVersionUID = 1L;

            @Override
            public void serialize(JsonEnum value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.jsonName());
            }
        });
        words.addSerializer(PinType.class, new StdSerializer<>(PinType.class) {
            private static final long serialVersionUID = 1L;

            @Override
            public void serialize(PinType value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.kicadName());
            }
        });
        words.setMixInAnnotation(PartPin.class, PinWithoutDerivedFields.class);
        return new ObjectMapper().registerModule(words).enable(SerializationFeature.INDENT_OUTPUT);
    }

    @JsonIgnoreProperties({"power"})
    private abstract static class PinWithoutDerivedFields {
    }

    static PartSearch openSearch(PrintWriter err) {
        try {
            return PartSearch.open(message -> {
                err.println(message);
                err.flush();
            });
        } catch (java.io.UncheckedIOException e) {
            throw new UserError(e.getMessage() + "; the part index is cached there: set KIRCHHOFF_CACHE to a writable "
                    + "folder", e);
        }
    }

    static <E extends Enum<E> & JsonEnum> E parseEnum(Class<E> type, String text, String option) {
        E e = JsonEnum.parse(type, text);
        if (e == null) {
            throw new UserError("unknown " + option + " '" + text + "'; expected one of " + JsonEnum.choices(type));
        }
        return e;
    }

    /** {@code kirchhoff kb search "…"}. */
    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Find parts by part number, alias, misspelling or what they do.",
            footer = {"", "Examples:", "  kirchhoff kb search \"ultrasonic distance sensor\"",
                    "  kirchhoff kb search bme280 --json", "  kirchhoff kb search \"op amp\" --tier kicad -k 20",
                    "  kirchhoff kb search \"temperature\" --interface i2c --supply 3.3"})
    static final class Search implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "QUERY", description = "What you are looking for.")
        List<String> query;

        @Option(names = "-k", defaultValue = "10", description = "How many results (default ${DEFAULT-VALUE}).")
        int k;

        @Option(names = "--category", description = "Only this category: board, sensor, display, actuator, driver, "
                + "power, communication, logic, analog, semiconductor, passive, input, storage, timing, mains, audio, "
                + "light, connector, other.")
        String category;

        @Option(names = "--tier", description = "Only curated or only kicad parts.")
        String tier;

        @Option(names = "--supply", paramLabel = "VOLTS", description = "Only parts whose supply range admits this voltage.")
        Double supply;

        @Option(names = "--interface", description = "Only parts with this interface: i2c, spi, uart, one-wire, ...")
        String iface;

        @Option(names = "--json", description = "Print the results as JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            String q = String.join(" ", query).strip();
            if (KnowledgeBase.normalize(q).isEmpty()) {
                throw new UserError("the query is empty; say what part you are looking for, e.g. "
                        + "kirchhoff kb search \"distance sensor\"");
            }
            if (k < 1 || k > 1000) {
                throw new UserError("-k must be between 1 and 1000, not " + k);
            }
            if (supply != null && !Double.isFinite(supply)) {
                throw new UserError("--supply must be a voltage in volts, such as 3.3 or 5, not " + supply);
            }
            SearchFilters filters = new SearchFilters(
                    category == null ? Set.of() : Set.of(parseEnum(Category.class, category, "category")),
                    tier == null ? null : parseEnum(Tier.class, tier, "tier"),
                    supply,
                    iface == null ? null : parseEnum(InterfaceKind.class, iface, "interface"));
            PrintWriter out = spec.commandLine().getOut();
            try (PartSearch search = openSearch(spec.commandLine().getErr())) {
                List<SearchHit> hits = search.search(q, filters, k);
                String missing = missingPartNumber(q, hits);
                if (json) {
                    ObjectNode root = json().createObjectNode();
                    root.put("query", q);
                    if (missing != null) {
                        root.put("unknownPartNumber", missing);
                    }
                    ArrayNode arr = root.putArray("results");
                    for (SearchHit h : hits) {
                        ObjectNode n = arr.addObject();
                        n.put("id", h.id());
                        n.put("name", h.name());
                        n.put("tier", h.tier().jsonName());
                        n.put("category", h.category().jsonName());
                        n.put("form", h.form().jsonName());
                        n.put("score", Math.round(h.score() * 1000) / 1000.0);
                        n.put("match", h.match().name().toLowerCase(Locale.ROOT));
                        n.put("description", h.description());
                    }
                    out.println(json().writeValueAsString(root));
                } else if (hits.isEmpty()) {
                    if (missing != null) {
                        out.println("the knowledge base has no part named '" + missing + "'");
                    }
                    out.println("no parts match \"" + q + "\"" + (filters.isEmpty() ? "" : " with these filters"));
                } else {
                    if (missing != null) {
                        out.println("the knowledge base has no part named '" + missing + "'; the closest parts are:");
                    }
                    int w = hits.stream().mapToInt(h -> h.id().length()).max().orElse(10);
                    for (int i = 0; i < hits.size(); i++) {
                        SearchHit h = hits.get(i);
                        out.printf(Locale.ROOT, "%2d. %-" + w + "s  %-7s %-13s %s%n", i + 1, h.id(),
                                h.tier().jsonName(), h.category().jsonName(), shorten(h.name(), 70));
                    }
                    if (hits.stream().allMatch(h -> h.tier() == Tier.KICAD)) {
                        out.println("(only KiCad-tier parts matched: their pins are typed, but functions, voltages "
                                + "and interfaces are unknown)");
                    }
                }
                return ExitCodes.OK;
            }
        }
    }

    /**
     * The part number the query names when no part has that name: a query of one or two words, one of them mixing
     * letters and digits ("bme820", "lm7085 regulator"), and no exact hit. Null otherwise.
     */
    static String missingPartNumber(String query, List<SearchHit> hits) {
        if (hits.stream().anyMatch(h -> h.match() == SearchHit.Match.EXACT)) {
            return null;
        }
        String[] words = query.strip().split("\\s+");
        if (words.length > 2) {
            return null;
        }
        for (String w : words) {
            String n = KnowledgeBase.normalize(w);
            if (n.length() >= 3 && n.chars().anyMatch(Character::isDigit) && n.chars().anyMatch(Character::isLetter)) {
                return w;
            }
        }
        return null;
    }

    /** {@code kirchhoff kb show ID}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a part: facts and the pin table with types and functions.",
            footer = {"", "Examples:", "  kirchhoff kb show esp32-devkit-v1", "  kirchhoff kb show bme280",
                    "  kirchhoff kb show Sensor:BME280 --json"})
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "Part id, part number or alias (KiCad parts: Library:Symbol).")
        String id;

        @Option(names = "--json", description = "Print the part as JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            KnowledgeBase kb = KnowledgeBase.bundled();
            Part part = kb.find(id).orElse(null);
            if (part == null) {
                if (id.indexOf(':') < 0) {
                    throw new UserError(new UnknownPartException(id, kb.suggest(id, 3)).getMessage());
                }
                try (PartSearch search = openSearch(spec.commandLine().getErr())) {
                    part = search.part(id);
                } catch (UnknownPartException e) {
                    throw new UserError(e.getMessage());
                }
            }
            if (json) {
                out.println(json().writeValueAsString(part));
            } else {
                print(part, out);
            }
            return ExitCodes.OK;
        }
    }

    /** {@code kirchhoff kb list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List parts (curated unless --tier kicad).")
    static final class ListParts implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--category", description = "Only this category.")
        String category;

        @Option(names = "--tier", defaultValue = "curated", description = "curated (default) or kicad.")
        String tier;

        @Option(names = "--json", description = "Print the list as JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Category c = category == null ? null : parseEnum(Category.class, category, "category");
            Tier t = parseEnum(Tier.class, tier, "tier");
            Collection<Part> parts = t == Tier.CURATED ? KnowledgeBase.bundled().parts()
                    : dev.kirchhoff.knowledge.KicadTier.bundled().parts();
            List<Part> chosen = parts.stream().filter(p -> c == null || p.category() == c).toList();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ArrayNode arr = json().createArrayNode();
                for (Part p : chosen) {
                    ObjectNode n = arr.addObject();
                    n.put("id", p.id());
                    n.put("name", p.name());
                    n.put("category", p.category().jsonName());
                    n.put("form", p.form().jsonName());
                    n.put("pins", p.pins().size());
                }
                out.println(json().writeValueAsString(arr));
            } else {
                int w = chosen.stream().mapToInt(p -> p.id().length()).max().orElse(10);
                for (Part p : chosen) {
                    out.printf(Locale.ROOT, "%-" + w + "s  %-13s %-8s %3d pins  %s%n", p.id(), p.category().jsonName(),
                            p.form().jsonName(), p.pins().size(), shorten(p.name(), 60));
                }
                spec.commandLine().getErr().println(chosen.size() + " parts");
            }
            return ExitCodes.OK;
        }
    }

    /** {@code kirchhoff kb check}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check knowledge-base data: the JSON Schema, unique ids and aliases, unique pin numbers, "
                    + "functions consistent with pin types, pins named by interfaces and export maps exist, sane voltage ranges.",
                    "Exit 0 when clean, 1 when problems were found."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "DATA_DIR",
                description = "A knowledge-base data folder (holding parts/); default: the bundled data.")
        Path dir;

        @Option(names = "--json", description = "Print the problems as JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if (dir != null && !Files.isDirectory(dir)) {
                throw new UserError(dir + ": no such folder; give a knowledge-base data folder (the one holding parts/)");
            }
            List<KnowledgeBaseCheck.Problem> problems;
            try {
                problems = dir == null ? KnowledgeBaseCheck.bundled() : KnowledgeBaseCheck.check(dir);
            } catch (KnowledgeBaseException e) {
                throw new UserError(e.getMessage());
            } catch (UncheckedIOException e) {
                if (dir == null) {
                    throw e; // the bundled data is ours: a bug, not bad input
                }
                // a part.schema.json that is not JSON, or a folder that cannot be read
                throw new UserError(dir + ": cannot read the knowledge-base data ("
                        + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()).lines().findFirst().orElse("")
                        + "); check part.schema.json and the files under parts/", e);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(json().writeValueAsString(problems));
            } else {
                for (KnowledgeBaseCheck.Problem p : problems) {
                    out.println(p);
                }
                if (problems.isEmpty()) {
                    out.println("ok: " + (dir == null ? KnowledgeBase.bundled().size() + " curated parts" : dir)
                            + ", no problems");
                } else {
                    out.println(problems.size() + " problem" + (problems.size() == 1 ? "" : "s"));
                }
            }
            return problems.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
        }
    }

    static void print(Part p, PrintWriter out) {
        out.println(p.id() + " — " + p.name());
        out.println("  " + p.category().jsonName() + ", " + p.form().jsonName() + ", "
                + (p.tier() == Tier.CURATED ? "curated" : "KiCad tier (typed pins only; no functions, voltages or interfaces)"));
        out.println("  " + p.description());
        if (!p.aliases().isEmpty()) {
            out.println("  also: " + String.join(", ", p.aliases()));
        }
        if (p.supply() != null) {
            out.println("  supply: " + range(p.supply().min(), p.supply().nominal(), p.supply().max()));
        }
        if (p.logic() != null && p.logic().level() != null) {
            out.println("  logic: " + volts(p.logic().level()) + (p.logic().isFiveVoltTolerant() ? ", 5 V tolerant" : ""));
        }
        if (p.current() != null && (p.current().typical() != null || p.current().max() != null)) {
            out.println("  current: " + (p.current().typical() != null ? amps(p.current().typical()) + " typical" : "")
                    + (p.current().max() != null ? (p.current().typical() != null ? ", " : "") + amps(p.current().max()) + " max" : ""));
        }
        for (PartInterface i : p.interfaces()) {
            StringBuilder sb = new StringBuilder("  " + i.kind().jsonName());
            if (!i.addresses().isEmpty()) {
                sb.append(" at ").append(String.join("/", i.addresses()));
                if (i.defaultAddress() != null) {
                    sb.append(" (default ").append(i.defaultAddress()).append(')');
                }
            }
            if (i.mode() != null) {
                sb.append(", mode ").append(i.mode());
            }
            if (i.baud() != null) {
                sb.append(", ").append(i.baud()).append(" baud");
            }
            if (i.addressSelect() != null) {
                sb.append("; ").append(i.addressSelect());
            }
            out.println(sb);
        }
        if (p.onboard() != null) {
            List<String> bits = new ArrayList<>();
            p.onboard().pullUps().forEach(u -> bits.add("pull-ups " + (int) u.ohms() + " Ω on " + String.join(", ", u.pins())));
            if (p.onboard().regulator() != null) {
                var r = p.onboard().regulator();
                bits.add("regulator " + (r.part() == null ? "" : r.part() + " ") + volts(r.output())
                        + (r.maxCurrent() == null ? "" : " " + amps(r.maxCurrent())));
            }
            if (Boolean.TRUE.equals(p.onboard().levelShifting())) {
                bits.add("level shifting");
            }
            if (!bits.isEmpty()) {
                out.println("  on board: " + String.join("; ", bits));
            }
        }
        if (p.datasheet() != null) {
            out.println("  datasheet: " + p.datasheet());
        }
        out.println();
        int wn = Math.max(3, p.pins().stream().mapToInt(x -> x.number().length()).max().orElse(3));
        int wm = Math.max(4, p.pins().stream().mapToInt(x -> x.name().length()).max().orElse(4));
        out.printf(Locale.ROOT, "  %-" + wn + "s  %-" + wm + "s  %-14s %s%n", "pin", "name", "type", "functions / notes");
        for (PartPin pin : p.pins()) {
            List<String> extra = new ArrayList<>();
            if (!pin.functions().isEmpty()) {
                extra.add(functions(pin));
            }
            if (!pin.flags().isEmpty()) {
                extra.add("[" + pin.flags().stream().map(JsonEnum::jsonName).collect(Collectors.joining(", ")) + "]");
            }
            if (!pin.defaultFor().isEmpty()) {
                extra.add("default " + pin.defaultFor().stream().map(Enum::name).collect(Collectors.joining("/")));
            }
            if (pin.unit() > 1) {
                extra.add("unit " + pin.unit());
            }
            out.printf(Locale.ROOT, "  %-" + wn + "s  %-" + wm + "s  %-14s %s%n", pin.number(), pin.name(),
                    pin.type().kicadName(), String.join("  ", extra));
        }
    }

    /**
     * The pin's functions with their channels; neighbours sharing a channel are written once
     * ({@code I2C_SDA/I2C_SCL(GPIO matrix)}).
     */
    static String functions(PartPin pin) {
        StringBuilder sb = new StringBuilder();
        String open = null;
        for (var f : pin.functions()) {
            String channel = pin.channels().get(f);
            if (open != null && open.equals(channel)) {
                sb.append('/').append(f.name());
                continue;
            }
            if (open != null) {
                sb.append('(').append(open).append(')');
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(f.name());
            open = channel;
        }
        if (open != null) {
            sb.append('(').append(open).append(')');
        }
        return sb.toString();
    }

    private static String range(Double min, Double nominal, Double max) {
        String s = (min != null ? volts(min) : "?") + " to " + (max != null ? volts(max) : "?");
        return nominal != null ? s + " (nominal " + volts(nominal) + ")" : s;
    }

    private static String volts(double v) {
        return String.format(Locale.ROOT, "%s V", trim(v));
    }

    private static String amps(double a) {
        return a >= 1 ? trim(a) + " A" : a >= 1e-3 ? trim(a * 1e3) + " mA" : trim(a * 1e6) + " µA";
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String shorten(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
