package dev.kirchhoff.agents.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.PartPin;
import dev.kirchhoff.schematic.model.PinFunction;
import dev.kirchhoff.validation.Rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The design suite: prompts with machine-checkable expectations, read from a JSON Lines file (one item per line;
 * see {@code eval-suites/design/README.md} for the format and the expectation language). Loading checks every item
 * against the knowledge base and the validator's rules and reports every problem with file, line and what to change.
 * Immutable.
 *
 * <pre>{@code
 * DesignSuite suite = DesignSuite.load(Path.of("eval-suites/design/design-suite.jsonl"), KnowledgeBase.bundled());
 * }</pre>
 *
 * @param source the file it was read from, for messages
 * @param items  the items in file order
 */
public record DesignSuite(String source, List<SuiteItem> items) {

    /** Where the suite lives, relative to the repository root. */
    public static final String DEFAULT_PATH = "eval-suites/design/design-suite.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ITEM_KEYS = Set.of("id", "prompt", "difficulty", "domain", "tags", "expect", "note");
    private static final Set<String> EXPECT_KEYS = Set.of("parts", "anyOf", "connections", "series", "between",
            "values", "netVoltage", "absentFindings", "noErrors");
    private static final Set<String> TARGET_KEYS = Set.of("boardFunction", "default", "boardPin", "to", "ground",
            "volts", "minVolts", "maxVolts");

    public DesignSuite {
        items = List.copyOf(items);
    }

    /** The item with this id, if any. */
    public java.util.Optional<SuiteItem> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /**
     * Reads and checks a suite file.
     *
     * @throws SuiteException listing every bad item as {@code file:line: item 'id': what is wrong}
     */
    public static DesignSuite load(Path file, KnowledgeBase kb) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SuiteException("Cannot read the design suite " + file + ": " + e.getMessage()
                    + ". Check the path (the suite lives in " + DEFAULT_PATH + ").", e);
        }
        return parse(file.toString(), lines, kb);
    }

    /** Checks suite text given as lines; {@code source} names it in messages. */
    public static DesignSuite parse(String source, List<String> lines, KnowledgeBase kb) {
        List<SuiteItem> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (int n = 0; n < lines.size(); n++) {
            String text = lines.get(n).strip();
            if (text.isEmpty()) {
                continue;
            }
            Reader r = new Reader(source, n + 1, kb);
            SuiteItem item = r.item(text);
            problems.addAll(r.problems);
            if (item != null && r.problems.isEmpty()) {
                Integer before = ids.putIfAbsent(item.id(), n + 1);
                if (before != null) {
                    problems.add(source + ":" + (n + 1) + ": item '" + item.id() + "': the id is already used on line "
                            + before + "; give every item its own id");
                } else {
                    items.add(item);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new SuiteException(problems.size() + " problem(s) in the design suite:\n" + String.join("\n", problems));
        }
        if (items.isEmpty()) {
            throw new SuiteException(source + ": the design suite has no items; write one JSON object per line.");
        }
        return new DesignSuite(source, items);
    }

    /** Reads one line, collecting problems instead of stopping at the first. */
    private static final class Reader {
        private final String source;
        private final int line;
        private final KnowledgeBase kb;
        private final List<String> problems = new ArrayList<>();
        private String id = "?";

        Reader(String source, int line, KnowledgeBase kb) {
            this.source = source;
            this.line = line;
            this.kb = kb;
        }

        private void problem(String where, String what) {
            problems.add(source + ":" + line + ": item '" + id + "'" + (where.isEmpty() ? "" : ", " + where) + ": " + what);
        }

        SuiteItem item(String text) {
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                problems.add(source + ":" + line + ": not valid JSON (" + e.getOriginalMessage()
                        + "); write one JSON object per line");
                return null;
            }
            if (!node.isObject()) {
                problems.add(source + ":" + line + ": expected a JSON object {\"id\": …, \"prompt\": …}");
                return null;
            }
            id = node.path("id").asText("?");
            unknownKeys(node, ITEM_KEYS, "");
            String itemId = requiredText(node, "id");
            String prompt = requiredText(node, "prompt");
            SuiteItem.Difficulty difficulty = enumValue(node, "difficulty", SuiteItem.Difficulty.class);
            SuiteItem.Domain domain = enumValue(node, "domain", SuiteItem.Domain.class);
            List<String> tags = new ArrayList<>();
            JsonNode t = node.path("tags");
            if (!t.isMissingNode()) {
                if (!t.isArray()) {
                    problem("tags", "must be an array of strings");
                } else {
                    t.forEach(x -> tags.add(x.asText()));
                }
            }
            List<Expectation> expectations = expectations(node.path("expect"));
            if (!problems.isEmpty()) {
                return null;
            }
            return new SuiteItem(itemId, prompt, difficulty, domain, tags, expectations, line);
        }

        private String requiredText(JsonNode node, String key) {
            JsonNode v = node.get(key);
            if (v == null || !v.isTextual() || v.asText().isBlank()) {
                problem(key, "is required and must be a non-empty string");
                return null;
            }
            return v.asText();
        }

        private <E extends Enum<E>> E enumValue(JsonNode node, String key, Class<E> type) {
            String text = requiredText(node, key);
            if (text == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(key, "'" + text + "' is not one of " + java.util.Arrays.stream(type.getEnumConstants())
                        .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
                return null;
            }
        }

        private void unknownKeys(JsonNode node, Set<String> known, String where) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String k = names.next();
                if (!known.contains(k)) {
                    problem(where, "unknown key '" + k + "'; known keys: " + known.stream().sorted()
                            .collect(Collectors.joining(", ")));
                }
            }
        }

        private List<Expectation> expectations(JsonNode expect) {
            List<Expectation> out = new ArrayList<>();
            if (expect.isMissingNode()) {
                out.add(new Expectation.NoErrors());
                return out;
            }
            if (!expect.isObject()) {
                problem("expect", "must be an object with keys such as parts, connections, values");
                return out;
            }
            unknownKeys(expect, EXPECT_KEYS, "expect");
            JsonNode noErrors = expect.path("noErrors");
            if (!noErrors.isMissingNode() && !noErrors.isBoolean()) {
                problem("expect.noErrors", "must be true or false");
            }
            if (noErrors.asBoolean(true)) {
                out.add(new Expectation.NoErrors());
            }
            each(out, expect, "parts", (n, w) -> {
                if (n.isTextual()) {
                    Selector s = selector(n.asText(), w);
                    return s == null ? null : new Expectation.Parts(s, 1);
                }
                unknownKeys(n, Set.of("id", "min"), w);
                Selector s = selector(n.path("id").asText(null), w + ".id");
                int min = n.path("min").asInt(1);
                return s == null ? null : new Expectation.Parts(s, Math.max(1, min));
            });
            each(out, expect, "anyOf", (n, w) -> {
                JsonNode list = n.isArray() ? n : n.path("of");
                if (!n.isArray()) {
                    unknownKeys(n, Set.of("of", "min"), w);
                }
                if (!list.isArray() || list.isEmpty()) {
                    problem(w, "must be an array of selectors or {\"of\": [...], \"min\": n}");
                    return null;
                }
                List<Selector> of = new ArrayList<>();
                for (JsonNode x : list) {
                    Selector s = selector(x.asText(null), w);
                    if (s != null) {
                        of.add(s);
                    }
                }
                return of.size() == list.size() ? new Expectation.AnyOf(of, Math.max(1, n.path("min").asInt(1))) : null;
            });
            each(out, expect, "connections", (n, w) -> {
                Set<String> keys = new java.util.HashSet<>(TARGET_KEYS);
                keys.add("pin");
                keys.add("all");
                unknownKeys(n, keys, w);
                PinSelector pin = pinSelector(n.path("pin").asText(null), w + ".pin");
                NetTarget target = target(n, w);
                if (target != null && target.isEmpty()) {
                    problem(w, "says nothing about the net; give boardFunction, boardPin, to, ground or volts");
                    return null;
                }
                return pin == null || target == null ? null
                        : new Expectation.Connection(pin, target, n.path("all").asBoolean(true));
            });
            each(out, expect, "netVoltage", (n, w) -> {
                unknownKeys(n, Set.of("pin", "volts", "min", "max", "all"), w);
                PinSelector pin = pinSelector(n.path("pin").asText(null), w + ".pin");
                NetTarget target;
                if (n.has("volts")) {
                    target = NetTarget.volts(n.path("volts").asDouble());
                } else if (n.has("min") || n.has("max")) {
                    target = new NetTarget(null, false, null, null, null, number(n, "min"), number(n, "max"));
                } else {
                    problem(w, "give volts, or min and/or max");
                    return null;
                }
                return pin == null ? null : new Expectation.NetVoltage(pin, target, n.path("all").asBoolean(true));
            });
            each(out, expect, "series", (n, w) -> {
                unknownKeys(n, Set.of("select", "end", "through", "min", "max", "optional", "from", "to"), w);
                Selector select = selector(n.path("select").asText(null), w + ".select");
                Selector through = selector(n.path("through").asText("resistor"), w + ".through");
                if (!n.has("from")) {
                    problem(w, "needs from: the net the chain starts at (a pin selector, \"ground\" or a net object)");
                    return null;
                }
                NetTarget from = targetOf(n.get("from"), w + ".from");
                NetTarget to = n.has("to") ? targetOf(n.get("to"), w + ".to") : null;
                Double min = number(n, "min");
                Double max = number(n, "max");
                range(min, max, w);
                if (select == null || through == null || from == null || n.has("to") && to == null) {
                    return null;
                }
                return new Expectation.Series(select, n.path("end").asText(null), through, min, max,
                        n.path("optional").asBoolean(false), from, to);
            });
            each(out, expect, "between", (n, w) -> {
                unknownKeys(n, Set.of("select", "a", "b", "aPin", "min", "max", "count"), w);
                Selector select = selector(n.path("select").asText(null), w + ".select");
                if (!n.has("a") || !n.has("b")) {
                    problem(w, "needs both sides, a and b (a pin selector, \"ground\" or a net object)");
                    return null;
                }
                NetTarget a = targetOf(n.get("a"), w + ".a");
                NetTarget b = targetOf(n.get("b"), w + ".b");
                Double min = number(n, "min");
                Double max = number(n, "max");
                range(min, max, w);
                if (select == null || a == null || b == null) {
                    return null;
                }
                return new Expectation.Between(select, a, b, n.path("aPin").asText(null), min, max,
                        Math.max(1, n.path("count").asInt(1)));
            });
            each(out, expect, "values", (n, w) -> {
                unknownKeys(n, Set.of("quantity", "min", "max", "target", "tolerance", "select"), w);
                String key = n.path("quantity").asText(null);
                Measure m = key == null ? null : Measure.byKey(key);
                if (m == null) {
                    problem(w + ".quantity", "'" + key + "' is not one of " + java.util.Arrays.stream(Measure.values())
                            .map(Measure::key).collect(Collectors.joining(", ")));
                    return null;
                }
                Selector select = null;
                if (m == Measure.VALUE) {
                    select = selector(n.path("select").asText(null), w + ".select");
                    if (select == null) {
                        return null;
                    }
                }
                double min;
                double max;
                if (n.has("target")) {
                    double target = n.path("target").asDouble();
                    double tol = n.path("tolerance").asDouble(0.1);
                    min = target * (1 - tol);
                    max = target * (1 + tol);
                    if (min > max) {
                        double x = min;
                        min = max;
                        max = x;
                    }
                } else if (n.has("min") && n.has("max")) {
                    min = n.path("min").asDouble();
                    max = n.path("max").asDouble();
                } else {
                    problem(w, "give min and max, or target (and tolerance, a fraction, 0.1 when omitted)");
                    return null;
                }
                if (min > max) {
                    problem(w, "min " + min + " is above max " + max);
                    return null;
                }
                return new Expectation.Value(m, select, min, max);
            });
            JsonNode absent = expect.path("absentFindings");
            if (!absent.isMissingNode()) {
                List<String> rules = new ArrayList<>();
                if (!absent.isArray()) {
                    problem("expect.absentFindings", "must be an array of rule ids");
                } else {
                    for (JsonNode r : absent) {
                        if (Rules.byId(r.asText()) == null) {
                            problem("expect.absentFindings", "'" + r.asText() + "' is not a rule id (see docs/rules.md)");
                        } else {
                            rules.add(r.asText());
                        }
                    }
                }
                if (!rules.isEmpty()) {
                    out.add(new Expectation.AbsentFindings(rules));
                }
            }
            return out;
        }

        private interface ItemParser {
            Expectation parse(JsonNode node, String where);
        }

        private void each(List<Expectation> into, JsonNode expect, String key, ItemParser parser) {
            JsonNode list = expect.path(key);
            if (list.isMissingNode()) {
                return;
            }
            if (!list.isArray()) {
                problem("expect." + key, "must be an array");
                return;
            }
            List<Expectation> parsed = new ArrayList<>();
            for (int k = 0; k < list.size(); k++) {
                Expectation e = parser.parse(list.get(k), "expect." + key + "[" + k + "]");
                if (e != null) {
                    parsed.add(e);
                }
            }
            into.addAll(parsed);
        }

        private Selector selector(String text, String where) {
            if (text == null || text.isBlank()) {
                problem(where, "a selector is required: a part id, board, or a kind (" + String.join(", ",
                        Selector.KINDS.stream().sorted().toList()) + ")");
                return null;
            }
            Selector s = new Selector(text);
            String problem = s.problem(kb);
            if (problem != null) {
                problem(where, problem);
                return null;
            }
            return s;
        }

        private PinSelector pinSelector(String text, String where) {
            PinSelector p;
            try {
                p = PinSelector.parse(text);
            } catch (IllegalArgumentException e) {
                problem(where, e.getMessage());
                return null;
            }
            String problem = p.selector().problem(kb);
            if (problem != null) {
                problem(where, problem);
                return null;
            }
            if (!p.selector().isKind() && !p.anyPin()) {
                Part part = kb.part(p.selector().text()).orElseThrow();
                for (String name : p.alternatives()) {
                    if (part.pin(name).isEmpty()) {
                        problem(where, part.id() + " has no pin '" + name + "'; its pins: " + part.pins().stream()
                                .map(PartPin::name).distinct().collect(Collectors.joining(" ")));
                        return null;
                    }
                }
            }
            return p;
        }

        private Double number(JsonNode n, String key) {
            JsonNode v = n.get(key);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isNumber()) {
                problem(key, "must be a number, not " + v);
                return null;
            }
            return v.asDouble();
        }

        private void range(Double min, Double max, String where) {
            if (min != null && max != null && min > max) {
                problem(where, "min " + min + " is above max " + max);
            }
        }

        /** A side or end: "ground", "SELECTOR:PIN", or a net object. */
        private NetTarget targetOf(JsonNode n, String where) {
            if (n.isTextual()) {
                if (n.asText().equalsIgnoreCase("ground")) {
                    return NetTarget.onGround();
                }
                PinSelector p = pinSelector(n.asText(), where);
                return p == null ? null : NetTarget.pin(p);
            }
            if (!n.isObject()) {
                problem(where, "must be \"ground\", a pin selector or an object with boardFunction, boardPin, to,"
                        + " ground or volts");
                return null;
            }
            unknownKeys(n, TARGET_KEYS, where);
            NetTarget t = target(n, where);
            if (t != null && t.isEmpty()) {
                problem(where, "says nothing about the net");
                return null;
            }
            return t;
        }

        /** The net conditions in an object's target keys. */
        private NetTarget target(JsonNode n, String where) {
            int before = problems.size();
            PinFunction function = null;
            String f = n.path("boardFunction").asText(null);
            if (f != null) {
                try {
                    function = PinFunction.valueOf(f.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problem(where + ".boardFunction", "'" + f + "' is not a pin function ("
                            + java.util.Arrays.stream(PinFunction.values()).map(Enum::name)
                            .collect(Collectors.joining(", ")) + ")");
                }
            }
            PinSelector to = n.has("to") ? pinSelector(n.path("to").asText(null), where + ".to") : null;
            Boolean ground = n.has("ground") ? n.path("ground").asBoolean() : null;
            Double min = number(n, "minVolts");
            Double max = number(n, "maxVolts");
            if (n.has("volts")) {
                Double v = number(n, "volts");
                if (v != null) {
                    double tol = NetTarget.tolerance(v);
                    min = v - tol;
                    max = v + tol;
                }
            }
            if (n.path("default").asBoolean(false) && function == null) {
                problem(where + ".default", "only means something with boardFunction");
            }
            if (problems.size() > before) {
                return null;
            }
            return new NetTarget(function, n.path("default").asBoolean(false), n.path("boardPin").asText(null), to,
                    ground, min, max);
        }
    }
}
