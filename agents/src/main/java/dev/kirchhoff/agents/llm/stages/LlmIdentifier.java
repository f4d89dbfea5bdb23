package dev.kirchhoff.agents.llm.stages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kirchhoff.agents.ComponentIdentifier;
import dev.kirchhoff.agents.Constraint;
import dev.kirchhoff.agents.DesignException;
import dev.kirchhoff.agents.DesignValue;
import dev.kirchhoff.agents.Metered;
import dev.kirchhoff.agents.PartRequest;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.agents.PinWish;
import dev.kirchhoff.agents.Quantity;
import dev.kirchhoff.agents.RecipeKind;
import dev.kirchhoff.agents.Requirements;
import dev.kirchhoff.agents.Supply;
import dev.kirchhoff.agents.Unresolved;
import dev.kirchhoff.agents.llm.LlmClient;
import dev.kirchhoff.agents.llm.Reply;
import dev.kirchhoff.agents.llm.StructuredCall;
import dev.kirchhoff.agents.offline.identify.OfflineIdentifier;
import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.knowledge.Tier;
import dev.kirchhoff.retrieval.PartSearch;
import dev.langchain4j.model.chat.request.json.JsonSchema;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Stage 1 with a language model: the model reads the prompt and names parts, but only from an enumeration of curated
 * part ids relevant to this prompt (hybrid search hits for the prompt and its phrases, every curated board, and the
 * offline identifier's reading, which the prompt gives as a hint the model may correct). Thread-safe.
 */
public final class LlmIdentifier implements ComponentIdentifier, Metered {

    /** Most candidate ids offered; beyond this the enumeration costs more tokens than it helps. */
    static final int MAX_CANDIDATES = 120;
    private static final int PROMPT_HITS = 25;
    private static final int PHRASE_HITS = 8;
    private static final Pattern PHRASE_BREAK = Pattern.compile(
            "[,;.!?()]|\\b(?:and|with|on|over|from|using|via|to|that|which|reading|showing|driving|controlling"
                    + "|plus|into|for|by|in|of|an?|the)\\b", Pattern.CASE_INSENSITIVE);

    private final KnowledgeBase kb;
    private final PartSearch search;
    private final LlmClient client;
    private final OfflineIdentifier offline;

    /** @param search hybrid part search; null to narrow candidates by names only */
    public LlmIdentifier(KnowledgeBase kb, PartSearch search, LlmClient client) {
        this.kb = Objects.requireNonNull(kb, "The parameter 'kb' must not be null.");
        this.client = Objects.requireNonNull(client, "The parameter 'client' must not be null.");
        this.search = search;
        this.offline = new OfflineIdentifier(kb, search);
    }

    @Override
    public Map<String, Long> takeUsage() {
        return client.takeUsage().toMap();
    }

    @Override
    public Requirements identify(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            throw notUnderstood("the request is empty");
        }
        Requirements hint = offlineReading(prompt);
        List<Part> candidates = candidates(prompt, hint);
        List<String> ids = candidates.stream().map(Part::id).toList();
        String system = Prompts.fill(Prompts.IDENTIFY, Map.of(
                "candidates", candidates.stream().map(p -> "  " + Facts.partLine(p)).collect(Collectors.joining("\n")),
                "hint", hintText(hint)));
        StructuredCall call = new StructuredCall("identify", system, prompt, schema(ids),
                new PartTools(kb, search, Set.copyOf(ids)), this::problems, 4, 2);
        Reply reply = client.structured(call);
        return requirements(prompt, reply.answer());
    }

    /** The curated parts the model may name for this prompt, at most {@link #MAX_CANDIDATES}. */
    List<Part> candidates(String prompt, Requirements hint) {
        Set<String> ids = new LinkedHashSet<>();
        if (hint != null) {
            hint.parts().forEach(p -> ids.add(p.id()));
            hint.unresolved().forEach(u -> ids.addAll(u.nearest()));
        }
        for (Part p : kb.parts()) {
            if (p.tier() == Tier.CURATED && p.category() == Category.BOARD) {
                ids.add(p.id());
            }
        }
        PartTools.curatedHits(kb, search, prompt, PROMPT_HITS).forEach(p -> ids.add(p.id()));
        for (String phrase : phrases(prompt)) {
            PartTools.curatedHits(kb, search, phrase, PHRASE_HITS).forEach(p -> ids.add(p.id()));
        }
        List<Part> out = new ArrayList<>();
        for (String id : ids) {
            kb.part(id).filter(p -> p.tier() == Tier.CURATED).ifPresent(out::add);
            if (out.size() >= MAX_CANDIDATES) {
                break;
            }
        }
        return out;
    }

    /** The noun phrases of a prompt, roughly: what lies between joining words and punctuation. */
    static List<String> phrases(String prompt) {
        List<String> out = new ArrayList<>();
        for (String s : PHRASE_BREAK.split(prompt)) {
            String p = s.strip().replaceAll("\\s+", " ");
            if (p.chars().anyMatch(Character::isLetter) && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    static JsonSchema schema(List<String> candidateIds) {
        return Schemas.named("identify", Schemas.object(
                "parts", Schemas.array(Schemas.object(
                        "id", Schemas.enumOf(candidateIds),
                        "quantity", Schemas.integer("how many, at least 1"),
                        "role", Schemas.enumOf(PartRole.values()),
                        "phrase", Schemas.string("the words of the request it came from"))),
                "supply", Schemas.object(
                        "kind", Schemas.enumOf(Supply.Kind.values()),
                        "volts", Schemas.number("volts; 0 when the request does not say")),
                "values", Schemas.array(Schemas.object(
                        "quantity", Schemas.enumOf(Quantity.values()),
                        "value", Schemas.number("in SI base units"),
                        "phrase", Schemas.string())),
                "constraints", Schemas.array(Schemas.enumOf(Constraint.values())),
                "recipe", Schemas.enumOf(RecipeKind.values(), "NONE"),
                "pinWishes", Schemas.array(Schemas.object(
                        "partId", Schemas.enumOf(candidateIds),
                        "devicePin", Schemas.string("the part's pin, or \"\" for its main signal pin"),
                        "boardPin", Schemas.string("the board pin as the request names it"),
                        "phrase", Schemas.string())),
                "unresolved", Schemas.array(Schemas.object(
                        "phrase", Schemas.string("words naming a part none of the candidates is"))),
                "notes", Schemas.array(Schemas.string())));
    }

    /** What the schema cannot say: one board at most, and it must be a board; pin wishes about parts named. */
    List<String> problems(JsonNode answer) {
        List<String> problems = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        int boards = 0;
        for (JsonNode p : answer.path("parts")) {
            String id = p.path("id").asText();
            named.add(id);
            if ("BOARD".equals(p.path("role").asText())) {
                boards++;
                // a board, or a bare microcontroller that can be the controller (an ATtiny85 on a breadboard)
                kb.part(id).filter(part -> part.category() != Category.BOARD && offline.usualRole(id) != PartRole.BOARD)
                        .ifPresent(part -> problems.add("parts: " + id + " is a "
                                + part.category().name().toLowerCase(java.util.Locale.ROOT) + ", not a development "
                                + "board or a microcontroller; give it another role"));
            }
        }
        if (boards > 1) {
            problems.add("parts: " + boards + " parts have role BOARD; a design has one board, give the others "
                    + "another role or leave them out");
        }
        int i = 0;
        for (JsonNode v : answer.path("values")) {
            String unconverted = unconverted(v.path("value").asDouble(Double.NaN), v.path("phrase").asText(""));
            if (unconverted != null) {
                problems.add("values[" + i + "]: " + unconverted);
            }
            i++;
        }
        for (JsonNode w : answer.path("pinWishes")) {
            if (!named.contains(w.path("partId").asText())) {
                problems.add("pinWishes: " + w.path("partId").asText() + " is not among the parts; add it to parts or "
                        + "drop the wish");
            }
        }
        return problems;
    }

    /** A number with an SI prefix and unit, as people write it: {@code 20 mA}, {@code 4.7kΩ}, {@code 1 kHz}. */
    private static final java.util.regex.Pattern QUANTITY = java.util.regex.Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*([pnuµmkKM]?)(A|V|Hz|F|H|Ω|ohms?|W|s)(?![A-Za-z])");

    /**
     * When {@code value} is the number of {@code phrase} without its SI prefix applied ({@code 20} for "20 mA"),
     * what to say about it; else null. Only a factor of a power of 1000 counts, so a value the model derived
     * (a gain from a dB figure) is left alone.
     */
    static String unconverted(double value, String phrase) {
        java.util.regex.Matcher m = QUANTITY.matcher(phrase);
        if (Double.isNaN(value) || value == 0 || !m.find()) {
            return null;
        }
        double number = Double.parseDouble(m.group(1));
        double scale = switch (m.group(2)) {
            case "p" -> 1e-12;
            case "n" -> 1e-9;
            case "u", "µ" -> 1e-6;
            case "m" -> 1e-3;
            case "k", "K" -> 1e3;
            case "M" -> 1e6;
            default -> 1;
        };
        double si = number * scale;
        if (scale == 1 || si == 0) {
            return null;
        }
        double ratio = Math.abs(value) / si;
        if (Math.abs(ratio - 1) < 0.01) {
            return null;
        }
        double decades = Math.log10(ratio);
        if (Math.abs(decades - Math.rint(decades)) < 0.005 && Math.rint(decades) % 3 == 0) {
            String plain = new java.math.BigDecimal(si).round(new java.math.MathContext(6)).stripTrailingZeros()
                    .toPlainString();
            return plainNumber(value) + " for '" + phrase.strip() + "' is not in SI base units: " + m.group() + " is "
                    + plain + "; write it as " + plain;
        }
        return null;
    }

    private static String plainNumber(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private Requirements requirements(String prompt, JsonNode a) {
        List<String> notes = new ArrayList<>();
        Map<String, PartRequest> parts = new LinkedHashMap<>();
        for (JsonNode p : a.path("parts")) {
            String id = p.path("id").asText();
            PartRole role = PartRole.valueOf(p.path("role").asText());
            int quantity = Math.max(1, p.path("quantity").asInt(1));
            PartRequest before = parts.get(id);
            if (before != null) {
                parts.put(id, new PartRequest(id, before.quantity() + quantity, before.phrase(), before.role(),
                        before.defaulted()));
                continue;
            }
            boolean defaulted = role == PartRole.BOARD && !mentioned(prompt, kb.part(id).orElseThrow());
            parts.put(id, new PartRequest(id, quantity, p.path("phrase").asText(""), role, defaulted));
            if (defaulted) {
                notes.add("no board named: using " + id);
            }
        }
        List<PartRequest> ordered = new ArrayList<>();
        parts.values().stream().filter(p -> p.role() == PartRole.BOARD).forEach(ordered::add);
        parts.values().stream().filter(p -> p.role() != PartRole.BOARD).forEach(ordered::add);

        JsonNode s = a.path("supply");
        Supply.Kind kind = Supply.Kind.valueOf(s.path("kind").asText("UNSPECIFIED"));
        double volts = s.path("volts").asDouble(0);
        Double v = volts > 0 ? Double.valueOf(volts) : kind == Supply.Kind.USB ? Double.valueOf(5.0) : null;
        Supply supply = new Supply(kind, v, kind == Supply.Kind.UNSPECIFIED ? "" : kind.name().toLowerCase(java.util.Locale.ROOT));

        List<DesignValue> values = new ArrayList<>();
        for (JsonNode n : a.path("values")) {
            values.add(new DesignValue(Quantity.valueOf(n.path("quantity").asText()), n.path("value").asDouble(),
                    n.path("phrase").asText("")));
        }
        Set<Constraint> constraints = EnumSet.noneOf(Constraint.class);
        a.path("constraints").forEach(c -> constraints.add(Constraint.valueOf(c.asText())));
        String r = a.path("recipe").asText("NONE");
        RecipeKind recipe = "NONE".equals(r) ? null : RecipeKind.valueOf(r);
        List<PinWish> wishes = new ArrayList<>();
        for (JsonNode w : a.path("pinWishes")) {
            String boardPin = w.path("boardPin").asText("");
            if (!boardPin.isBlank()) {
                String devicePin = w.path("devicePin").asText("");
                wishes.add(new PinWish(w.path("partId").asText(), devicePin.isBlank() ? null : devicePin, boardPin,
                        w.path("phrase").asText("")));
            }
        }
        List<Unresolved> unresolved = new ArrayList<>();
        for (JsonNode u : a.path("unresolved")) {
            String phrase = u.path("phrase").asText("").strip();
            if (!phrase.isEmpty()) {
                unresolved.add(new Unresolved(phrase, PartTools.curatedHits(kb, search, phrase, 3).stream()
                        .map(Part::id).toList()));
            }
        }
        a.path("notes").forEach(n -> {
            if (!n.asText("").isBlank()) {
                notes.add(n.asText().strip());
            }
        });
        Requirements req = new Requirements(prompt, ordered, supply, values, constraints, recipe, notes, unresolved,
                wishes);
        if (req.isEmpty()) {
            throw notUnderstood("the model (" + client.modelName() + ") found no part, building block or value in "
                    + "the request");
        }
        return req;
    }

    /** Whether the prompt names the part by its id, name, an alias or a part number. */
    private static boolean mentioned(String prompt, Part part) {
        String text = KnowledgeBase.normalize(prompt);
        List<String> names = new ArrayList<>(part.aliases());
        names.add(part.id());
        names.addAll(part.partNumbers());
        if (part.name() != null) {
            names.add(part.name());
        }
        for (String n : names) {
            String norm = KnowledgeBase.normalize(n);
            if (norm.length() >= 3 && text.contains(norm)) {
                return true;
            }
        }
        return false;
    }

    /** The offline identifier's reading of {@code prompt}, or null when it has none (for tests of the candidates). */
    Requirements offlineReadingFor(String prompt) {
        return offlineReading(prompt);
    }

    private Requirements offlineReading(String prompt) {
        try {
            return offline.identify(prompt);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String hintText(Requirements hint) {
        if (hint == null || hint.isEmpty()) {
            return "  (the rule-based reading found nothing; read the request yourself)";
        }
        return Facts.requirements(hint).lines().filter(l -> !l.startsWith("request:")).map(l -> "  " + l)
                .collect(Collectors.joining("\n"));
    }

    private static DesignException notUnderstood(String why) {
        return new DesignException(DesignException.Reason.NOT_UNDERSTOOD, why + ". Name the parts or the building "
                + "block you want, as in these examples.", OfflineIdentifier.EXAMPLES);
    }
}
