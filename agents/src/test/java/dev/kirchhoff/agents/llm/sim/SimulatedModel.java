package dev.kirchhoff.agents.llm.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kirchhoff.agents.Constraint;
import dev.kirchhoff.agents.DesignException;
import dev.kirchhoff.agents.DesignValue;
import dev.kirchhoff.agents.PartRequest;
import dev.kirchhoff.agents.PinWish;
import dev.kirchhoff.agents.Requirements;
import dev.kirchhoff.agents.Unresolved;
import dev.kirchhoff.agents.offline.identify.OfflineIdentifier;
import dev.kirchhoff.agents.recipes.Eng;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.retrieval.PartSearch;
import dev.kirchhoff.schematic.units.Value;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A chat model that behaves like a capable but fallible LLM behind a server that enforces the JSON Schema response
 * format. Its knowledge is an oracle: for {@code identify} the offline identifier's reading of the prompt (the user
 * message), for {@code components} and {@code wiring} the proposal of the {@code assign_pins} tool, which it calls
 * first (a real tool call through the client's loop) and then copies.
 *
 * <p>Like a constrained decoder it can only write enumerated values: an identified part id outside the candidates
 * becomes the most similar candidate by name. Like a careful reader it copies a proposal faithfully where it can: it
 * reads proposed components under its own refs when they are the same kind and purpose, leaves out a proposed part the
 * components enumeration cannot name, writes a pin of its own component that is spelled differently as the nearest
 * enumerated pin, and leaves out a net left with fewer than two pins it can write (a one-pin net of the proposal it
 * copies as it is). With error rate {@code e} it swaps each
 * part id for another candidate of the same category, drops each constraint and value, puts each wired pin on another
 * pin of the same component, and scales each passive value ×10 or ÷10, each with probability {@code e}; an answer
 * sent back (with problems or findings) draws fresh errors. It knows nothing about any particular prompt.
 *
 * <p>Deterministic: an answer depends only on the seed and the request's messages. Thread-safe.
 */
public final class SimulatedModel implements ChatModel {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "prompt: design/";
    private static final String ASSIGN_PINS = "assign_pins";
    private static final Set<String> PASSIVES = Set.of("RESISTOR", "CAPACITOR", "INDUCTOR");

    private final KnowledgeBase kb;
    private final OfflineIdentifier oracle;
    private final double errorRate;
    private final long seed;
    private final Map<String, Optional<Requirements>> readings = new ConcurrentHashMap<>();

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong toolCalls = new AtomicLong();
    private final AtomicLong oracleIds = new AtomicLong();
    private final AtomicLong idsOutsideCandidates = new AtomicLong();
    private final AtomicLong swappedIds = new AtomicLong();
    private final AtomicLong droppedItems = new AtomicLong();
    private final AtomicLong wrongPins = new AtomicLong();
    private final AtomicLong scaledValues = new AtomicLong();
    private final AtomicLong offEnumPins = new AtomicLong();
    private final AtomicLong realignedRefs = new AtomicLong();
    private final AtomicLong partsNotEnumerated = new AtomicLong();
    private final AtomicLong droppedNets = new AtomicLong();

    /**
     * What the model has done so far, summed over all requests. Immutable.
     *
     * @param oracleIds            part ids the oracle named in identify answers
     * @param idsOutsideCandidates of those, ids the candidate enumeration lacked (the candidate generator's misses)
     * @param offEnumPins          pins of a tool proposal that were not in the wiring enumeration: replaced by the
     *                             nearest enumerated pin of the same component, or left out when it has none
     * @param realignedRefs        components of a wiring-step proposal whose ref differed from the model's own
     *                             component of the same kind, value and purpose, and were read under its ref
     * @param partsNotEnumerated   proposed components of kind PART whose part the components enumeration lacks,
     *                             left out
     * @param droppedNets          proposed nets left with fewer than two writable pins, left out
     */
    public record Stats(long calls, long toolCalls, long oracleIds, long idsOutsideCandidates, long swappedIds,
                        long droppedItems, long wrongPins, long scaledValues, long offEnumPins, long realignedRefs, long partsNotEnumerated,
                        long droppedNets) {
    }

    /**
     * @param search    the part search the offline identifier (the oracle) uses; may be null
     * @param errorRate probability, 0 to 1, of each independent mistake
     * @param seed      seed of the mistakes
     */
    public SimulatedModel(KnowledgeBase kb, PartSearch search, double errorRate, long seed) {
        this.kb = Objects.requireNonNull(kb, "The parameter 'kb' must not be null.");
        if (errorRate < 0 || errorRate > 1) {
            throw new IllegalArgumentException("The parameter 'errorRate' must be 0 to 1, not " + errorRate + ".");
        }
        this.oracle = new OfflineIdentifier(kb, search);
        this.errorRate = errorRate;
        this.seed = seed;
    }

    public double errorRate() {
        return errorRate;
    }

    public Stats stats() {
        return new Stats(calls.get(), toolCalls.get(), oracleIds.get(), idsOutsideCandidates.get(), swappedIds.get(),
                droppedItems.get(), wrongPins.get(), scaledValues.get(), offEnumPins.get(), realignedRefs.get(),
                partsNotEnumerated.get(), droppedNets.get());
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        calls.incrementAndGet();
        String stage = stage(request);
        if (request.responseFormat() == null || request.responseFormat().jsonSchema() == null) {
            throw new IllegalStateException("SimulatedModel: the " + stage + " request carries no JSON Schema "
                    + "response format; it declares RESPONSE_FORMAT_JSON_SCHEMA, so the client must send one");
        }
        JsonNode schema = JSON.valueToTree(JsonSchemaElementUtils.toMap(
                request.responseFormat().jsonSchema().rootElement()));
        Random rng = new Random(mix(request));
        AiMessage answer = switch (stage) {
            case "identify" -> AiMessage.from(identify(firstUser(request), schema, rng).toString());
            case "components", "wiring" -> {
                Optional<String> proposal = toolResult(request);
                if (proposal.isEmpty() && offers(request, ASSIGN_PINS)) {
                    toolCalls.incrementAndGet();
                    yield AiMessage.from(List.of(ToolExecutionRequest.builder().id("call-" + ASSIGN_PINS)
                            .name(ASSIGN_PINS).arguments("{}").build()));
                }
                String text = proposal.orElse("");
                yield AiMessage.from((stage.equals("components") ? components(text, firstUser(request), schema, rng)
                        : wiring(text, system(request), schema, rng)).toString());
            }
            default -> throw new IllegalStateException("SimulatedModel knows no stage '" + stage + "' (system message "
                    + "starts with '" + PREFIX + "<stage>.v<n>')");
        };
        int in = request.messages().stream().mapToInt(m -> text(m).length()).sum() / 4;
        int out = Math.max(1, text(answer).length() / 4);
        return ChatResponse.builder().aiMessage(answer).tokenUsage(new TokenUsage(in, out)).id("sim-" + calls.get())
                .build();
    }

    // ---- identify ------------------------------------------------------------------------------------------------

    private ObjectNode identify(String prompt, JsonNode schema, Random rng) {
        List<String> ids = enumAt(schema, "/properties/parts/items/properties/id");
        Optional<Requirements> reading = readings.computeIfAbsent(prompt, this::read);
        ObjectNode a = JSON.createObjectNode();
        ArrayNode parts = a.putArray("parts");
        ObjectNode supply = a.putObject("supply");
        ArrayNode values = a.putArray("values");
        ArrayNode constraints = a.putArray("constraints");
        ArrayNode wishes = a.putArray("pinWishes");
        ArrayNode unresolved = a.putArray("unresolved");
        ArrayNode notes = a.putArray("notes");
        if (reading.isEmpty()) {
            supply.put("kind", "UNSPECIFIED").put("volts", 0);
            a.put("recipe", "NONE");
            return a;
        }
        Requirements r = reading.get();
        Map<String, String> chosen = new LinkedHashMap<>();
        for (PartRequest p : r.parts()) {
            String id = chooseId(p.id(), ids, rng);
            chosen.put(p.id(), id);
            parts.addObject().put("id", id).put("quantity", p.quantity()).put("role", p.role().name())
                    .put("phrase", p.phrase());
        }
        supply.put("kind", r.supply().kind().name()).put("volts", r.supply().volts() == null ? 0 : r.supply().volts());
        for (DesignValue v : r.values()) {
            if (!slip(rng, droppedItems)) {
                values.addObject().put("quantity", v.quantity().name()).put("value", v.value()).put("phrase", v.phrase());
            }
        }
        for (Constraint c : r.constraints().stream().sorted().toList()) {
            if (!slip(rng, droppedItems)) {
                constraints.add(c.name());
            }
        }
        a.put("recipe", r.recipe() == null ? "NONE" : r.recipe().name());
        for (PinWish w : r.pinWishes()) {
            String id = chosen.computeIfAbsent(w.partId(), k -> nearest(k, ids));
            wishes.addObject().put("partId", id).put("devicePin", w.devicePin() == null ? "" : w.devicePin())
                    .put("boardPin", w.boardPin()).put("phrase", w.phrase());
        }
        for (Unresolved u : r.unresolved()) {
            unresolved.addObject().put("phrase", u.phrase());
        }
        r.notes().forEach(notes::add);
        return a;
    }

    private Optional<Requirements> read(String prompt) {
        try {
            return Optional.of(oracle.identify(prompt));
        } catch (DesignException e) {
            return Optional.empty();
        }
    }

    /** The oracle's id as a constrained decoder emits it, perhaps confused with a part of the same category. */
    private String chooseId(String oracleId, List<String> ids, Random rng) {
        oracleIds.incrementAndGet();
        String id = oracleId;
        if (!ids.contains(id)) {
            idsOutsideCandidates.incrementAndGet();
            id = nearest(id, ids);
        }
        if (slip(rng, swappedIds)) {
            String category = kb.part(id).map(p -> String.valueOf(p.category())).orElse("");
            String from = id;
            List<String> same = ids.stream().filter(o -> !o.equals(from) && kb.part(o)
                    .map(p -> String.valueOf(p.category()).equals(category)).orElse(false)).toList();
            List<String> pool = same.isEmpty() ? ids.stream().filter(o -> !o.equals(from)).toList() : same;
            if (!pool.isEmpty()) {
                id = pool.get(rng.nextInt(pool.size()));
            }
        }
        return id;
    }

    /** The candidate whose id and name share the most words with {@code id}'s; the first when none shares any. */
    private String nearest(String id, List<String> ids) {
        Set<String> words = words(id);
        String best = ids.isEmpty() ? id : ids.get(0);
        double bestScore = 0;
        for (String c : ids) {
            Set<String> w = words(c);
            Set<String> common = new HashSet<>(w);
            common.retainAll(words);
            Set<String> union = new HashSet<>(w);
            union.addAll(words);
            double score = union.isEmpty() ? 0 : (double) common.size() / union.size();
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    private Set<String> words(String id) {
        Set<String> out = new HashSet<>();
        String text = id + " " + kb.part(id).map(Part::name).orElse("");
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    // ---- components and wiring -----------------------------------------------------------------------------------

    /** One component line of the tool's proposal: {@code REF KIND [part] [value] — purpose}. */
    private record Proposed(String ref, String kind, String part, String value, String purpose) {
    }

    private ObjectNode components(String proposal, String user, JsonNode schema, Random rng) {
        List<String> kinds = enumAt(schema, "/properties/components/items/properties/kind");
        List<String> partIds = enumAt(schema, "/properties/components/items/properties/part");
        ObjectNode a = JSON.createObjectNode();
        int colon = user.indexOf(": ");
        String request = colon < 0 ? user : user.substring(colon + 2);
        a.put("title", request.lines().findFirst().orElse("").strip());
        ArrayNode comps = a.putArray("components");
        List<Proposed> proposed = proposedComponents(proposal);
        if (proposed.isEmpty()) {
            // no proposal to copy: place each listed part, nothing else
            int n = 1;
            for (String id : partIds) {
                if (!id.equals("none")) {
                    proposed.add(new Proposed("U" + n++, "PART", id, "", "a listed part"));
                }
            }
        }
        for (Proposed p : proposed) {
            String kind = kinds.contains(p.kind()) ? p.kind() : closestName(p.kind(), kinds);
            if (kind.equals("PART") && (p.part() == null || !partIds.contains(p.part()))) {
                // the enumeration cannot name this part: a careful model leaves it out rather than name another
                partsNotEnumerated.incrementAndGet();
                continue;
            }
            String part = p.part() != null && partIds.contains(p.part()) ? p.part() : "none";
            String value = p.value() == null ? "" : p.value();
            if (PASSIVES.contains(kind) && !value.isEmpty() && slip(rng, scaledValues)) {
                value = scaled(value, rng);
            }
            comps.addObject().put("ref", p.ref()).put("kind", kind).put("part", part)
                    .put("value", kind.equals("PART") ? "" : value).put("purpose", p.purpose());
        }
        a.putArray("rails");
        a.putArray("computations");
        a.putArray("rationale").addObject().put("topic", "source")
                .put("text", "components copied from the assign_pins proposal").putArray("facts");
        a.putArray("notes");
        return a;
    }

    private ObjectNode wiring(String proposal, String system, JsonNode schema, Random rng) {
        List<String> pins = enumAt(schema, "/properties/nets/items/properties/pins/items");
        Map<String, String> refs = realign(proposedComponents(proposal), chosenComponents(system));
        ObjectNode a = JSON.createObjectNode();
        ArrayNode nets = a.putArray("nets");
        ArrayNode assignments = a.putArray("assignments");
        String section = "";
        for (String line : proposal.lines().toList()) {
            if (!line.startsWith(" ")) {
                section = line.strip();
                continue;
            }
            String s = line.strip();
            int sep = s.indexOf(": ");
            if (sep <= 0) {
                continue;
            }
            String head = s.substring(0, sep);
            String rest = s.substring(sep + 2).strip();
            if (section.equals("nets:")) {
                List<String> mapped = new ArrayList<>();
                String[] proposedPins = rest.split("\\s+");
                for (String written : proposedPins) {
                    onEnum(renamed(written, refs), pins).filter(p -> !mapped.contains(p)).ifPresent(mapped::add);
                }
                if (mapped.size() < Math.min(2, proposedPins.length)) {
                    // what is left of a net whose other pins it cannot write: a careful model leaves it out (a
                    // proposed one-pin net, an external terminal such as VIN, it copies as it is)
                    droppedNets.incrementAndGet();
                    continue;
                }
                ArrayNode out = nets.addObject().put("name", head).putArray("pins");
                for (String p : mapped) {
                    out.add(slip(rng, wrongPins) ? otherPinOfSameComponent(p, pins, rng) : p);
                }
            } else if (section.equals("pin map:")) {
                int arrow = rest.indexOf(" -> ");
                int paren = rest.indexOf(" (", Math.max(arrow, 0));
                if (arrow < 0) {
                    continue;
                }
                Optional<String> host = onEnum(renamed(rest.substring(0, arrow).strip(), refs), pins);
                Optional<String> device = onEnum(renamed((paren < 0 ? rest.substring(arrow + 4)
                        : rest.substring(arrow + 4, paren)).strip(), refs), pins);
                String reason = paren < 0 ? "" : rest.substring(paren + 2).replaceAll("\\)$", "");
                if (host.isPresent() && device.isPresent()) {
                    assignments.addObject().put("signal", head).put("hostPin", host.get())
                            .put("devicePin", device.get()).put("reason", reason);
                }
            }
        }
        return a;
    }

    /**
     * What a careful reader does with a proposal whose refs differ from its own components': pairs each proposed
     * component with one of its own of the same kind, value and purpose (and part, for kind PART), and reads the
     * proposal's pins under its own refs. Returns proposal ref → own ref, for the refs that differ.
     */
    private Map<String, String> realign(List<Proposed> proposed, List<Proposed> own) {
        Map<String, String> out = new LinkedHashMap<>();
        List<Proposed> free = new ArrayList<>(own);
        List<Proposed> open = new ArrayList<>();
        // first the components whose ref already agrees, so that no other takes them
        for (Proposed p : proposed) {
            Optional<Proposed> same = free.stream().filter(o -> o.ref().equals(p.ref()) && same(o, p, true))
                    .findFirst();
            if (same.isPresent()) {
                free.remove(same.get());
            } else {
                open.add(p);
            }
        }
        // then by kind, value and purpose; then by kind and purpose (its own value may differ from the proposal's)
        for (boolean withValue : new boolean[] {true, false}) {
            for (Proposed p : new ArrayList<>(open)) {
                Optional<Proposed> match = free.stream().filter(o -> same(o, p, withValue)).findFirst();
                if (match.isPresent()) {
                    free.remove(match.get());
                    open.remove(p);
                    if (!match.get().ref().equals(p.ref())) {
                        out.put(p.ref(), match.get().ref());
                        realignedRefs.incrementAndGet();
                    }
                }
            }
        }
        return out;
    }

    private static boolean same(Proposed a, Proposed b, boolean withValue) {
        return a.kind().equals(b.kind()) && (!withValue || Objects.equals(a.value(), b.value()))
                && a.purpose().equals(b.purpose()) && (!a.kind().equals("PART") || Objects.equals(a.part(), b.part()));
    }

    private static String renamed(String refPin, Map<String, String> refs) {
        int colon = refPin.indexOf(':');
        if (colon <= 0) {
            return refPin;
        }
        String to = refs.get(refPin.substring(0, colon));
        return to == null ? refPin : to + refPin.substring(colon);
    }

    /** The components listed in the wiring step's system message, as step 1 chose them. */
    private List<Proposed> chosenComponents(String system) {
        StringBuilder sb = new StringBuilder("components:\n");
        boolean in = false;
        for (String line : system.lines().toList()) {
            if (line.startsWith("- The components")) {
                in = true;
            } else if (in && line.startsWith("  ")) {
                sb.append(line).append('\n');
            } else if (in) {
                break;
            }
        }
        return proposedComponents(sb.toString());
    }

    /** The components of the proposal; a token after the kind is the part when the knowledge base has it. */
    private List<Proposed> proposedComponents(String proposal) {
        List<Proposed> out = new ArrayList<>();
        boolean in = false;
        for (String line : proposal.lines().toList()) {
            if (!line.startsWith(" ")) {
                in = line.strip().equals("components:");
                continue;
            }
            if (!in) {
                continue;
            }
            String s = line.strip();
            int dash = s.indexOf(" — ");
            String purpose = dash < 0 ? "" : s.substring(dash + 3).strip();
            String[] t = (dash < 0 ? s : s.substring(0, dash)).split("\\s+");
            if (t.length < 2) {
                continue;
            }
            String part = null;
            int from = 2;
            if (t.length > 2 && (t[1].equals("PART") || kb.part(t[2]).isPresent())) {
                part = t[2];
                from = 3;
            }
            String value = from < t.length ? String.join(" ", List.of(t).subList(from, t.length)) : null;
            out.add(new Proposed(t[0], t[1], part, value, purpose));
        }
        return out;
    }

    /**
     * The enumerated pin a careful model writes for a proposed {@code REF:PIN}: itself, the same spelling in another
     * case, else the nearest enumerated pin of the same component; empty when the component is not its own (it could
     * not place that part), since no pin of it is enumerated.
     */
    private Optional<String> onEnum(String written, List<String> pins) {
        if (pins.contains(written)) {
            return Optional.of(written);
        }
        Optional<String> cased = pins.stream().filter(p -> p.equalsIgnoreCase(written)).findFirst();
        if (cased.isPresent()) {
            return cased;
        }
        offEnumPins.incrementAndGet();
        int colon = written.indexOf(':');
        String prefix = colon < 0 ? written + ":" : written.substring(0, colon + 1);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String p : pins) {
            if (!p.startsWith(prefix)) {
                continue;
            }
            int d = KnowledgeBase.distance(written.toUpperCase(Locale.ROOT), p.toUpperCase(Locale.ROOT), 64);
            if (d < bestDistance) {
                bestDistance = d;
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String otherPinOfSameComponent(String pin, List<String> pins, Random rng) {
        String prefix = pin.substring(0, pin.indexOf(':') + 1);
        List<String> others = pins.stream().filter(p -> p.startsWith(prefix) && !p.equals(pin)).toList();
        return others.isEmpty() ? pin : others.get(rng.nextInt(others.size()));
    }

    private static String scaled(String value, Random rng) {
        try {
            Value v = Value.parse(value);
            return v.isNumber() ? Eng.spice(v.magnitude() * (rng.nextBoolean() ? 10 : 0.1)) : value;
        } catch (RuntimeException e) {
            return value;
        }
    }

    private static String closestName(String name, List<String> options) {
        for (String o : options) {
            if (name.contains(o) || o.contains(name)) {
                return o;
            }
        }
        return options.isEmpty() ? name : options.get(0);
    }

    // ---- the request ---------------------------------------------------------------------------------------------

    private boolean slip(Random rng, AtomicLong counter) {
        // draw every time, so that the error pattern does not depend on the error rate's value being 0
        boolean slip = rng.nextDouble() < errorRate;
        if (slip) {
            counter.incrementAndGet();
        }
        return slip;
    }

    /** The template's stage from the system message's first line: {@code prompt: design/wiring.v1} → wiring. */
    static String stage(ChatRequest request) {
        for (ChatMessage m : request.messages()) {
            if (m instanceof SystemMessage s) {
                String first = s.text().lines().findFirst().orElse("");
                if (first.startsWith(PREFIX)) {
                    String id = first.substring(PREFIX.length()).strip();
                    int v = id.lastIndexOf(".v");
                    return v > 0 ? id.substring(0, v) : id;
                }
                return first;
            }
        }
        return "";
    }

    private static String system(ChatRequest request) {
        for (ChatMessage m : request.messages()) {
            if (m instanceof SystemMessage s) {
                return s.text();
            }
        }
        return "";
    }

    private static String firstUser(ChatRequest request) {
        for (ChatMessage m : request.messages()) {
            if (m instanceof UserMessage u) {
                return u.singleText();
            }
        }
        return "";
    }

    private static Optional<String> toolResult(ChatRequest request) {
        String found = null;
        for (ChatMessage m : request.messages()) {
            if (m instanceof ToolExecutionResultMessage t && ASSIGN_PINS.equals(t.toolName())) {
                found = t.text();
            }
        }
        return Optional.ofNullable(found);
    }

    private static boolean offers(ChatRequest request, String tool) {
        List<ToolSpecification> specs = request.toolSpecifications();
        return specs != null && specs.stream().anyMatch(s -> s.name().equals(tool));
    }

    private static List<String> enumAt(JsonNode schema, String pointer) {
        List<String> out = new ArrayList<>();
        schema.at(pointer).path("enum").forEach(v -> out.add(v.asText()));
        return out;
    }

    private long mix(ChatRequest request) {
        long h = seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        for (ChatMessage m : request.messages()) {
            h = (h ^ text(m).hashCode()) * 0x100000001B3L;
        }
        return h;
    }

    private static String text(ChatMessage m) {
        if (m instanceof SystemMessage s) {
            return s.text();
        }
        if (m instanceof UserMessage u) {
            return u.hasSingleText() ? u.singleText() : u.toString();
        }
        if (m instanceof ToolExecutionResultMessage t) {
            return t.text();
        }
        if (m instanceof AiMessage a) {
            return a.text() != null ? a.text() : a.toolExecutionRequests().stream()
                    .map(r -> r.name() + r.arguments()).toList().toString();
        }
        return String.valueOf(m);
    }
}
