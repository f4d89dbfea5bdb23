package dev.kirchhoff.agents.llm.stages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.DesignReasoner;
import dev.kirchhoff.agents.Feedback;
import dev.kirchhoff.agents.Metered;
import dev.kirchhoff.agents.Pinouts;
import dev.kirchhoff.agents.Requirements;
import dev.kirchhoff.agents.llm.LlmClient;
import dev.kirchhoff.agents.llm.Reply;
import dev.kirchhoff.agents.llm.StructuredCall;
import dev.kirchhoff.knowledge.Category;
import dev.kirchhoff.knowledge.Form;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.knowledge.Part;
import dev.kirchhoff.retrieval.PartSearch;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.validation.Validator;
import dev.kirchhoff.validation.rules.AnalogRules;
import dev.langchain4j.model.chat.request.json.JsonSchema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Stage 3 with a language model designing the plan in two structured steps: {@code components} (components, rails,
 * computed values, rationale) whose part enumeration holds the retrieved parts, the offline solver's parts and the
 * curated supporting parts (and no invented id), then {@code wiring} (nets and pin map) whose pin enumeration holds
 * every valid {@code REF:PIN} of those components and nothing else. Answers are also checked here (a pin on two nets,
 * a net with one pin that is not a terminal wired from outside, an unknown pin sent by a server that ignores the
 * schema) and sent back, so an invented pin never reaches the synthesizer; a named part left out becomes a plan note,
 * never a silent drop. On a repair round both prompts carry the previous plan and the findings. Thread-safe.
 */
public final class LlmReasoner implements DesignReasoner, Metered {

    /**
     * The component kinds a plan may use; the synthesizer knows their pins. A current source is the solver's test load
     * of a regulator design ("stands in for the 10 mA load").
     */
    static final List<ComponentKind> KINDS = List.of(ComponentKind.PART, ComponentKind.RESISTOR,
            ComponentKind.CAPACITOR, ComponentKind.INDUCTOR, ComponentKind.DIODE, ComponentKind.LED, ComponentKind.BJT,
            ComponentKind.MOSFET, ComponentKind.VOLTAGE_SOURCE, ComponentKind.CURRENT_SOURCE);
    static final String NO_PART = "none";
    /** The most part ids the components enumeration holds, {@code none} aside. */
    static final int MAX_PART_IDS = 150;
    /**
     * The supporting parts a designer adds without being asked, by knowledge-base category and form: passives, LEDs,
     * discrete semiconductors and optocouplers, regulators and power sources, mains parts, and analog ICs (op-amps,
     * comparators, the 555) for a building-block prompt.
     */
    static final Map<Category, Set<Form>> SUPPORTING = Map.of(
            Category.PASSIVE, EnumSet.allOf(Form.class),
            Category.LIGHT, EnumSet.of(Form.DISCRETE),
            Category.SEMICONDUCTOR, EnumSet.allOf(Form.class),
            Category.POWER, EnumSet.allOf(Form.class),
            Category.MAINS, EnumSet.allOf(Form.class),
            Category.ANALOG, EnumSet.of(Form.IC));
    private static final int MAX_PINS_LISTED = 80;
    private static final Pattern REF = Pattern.compile("^[A-Za-z][A-Za-z0-9_]*$");

    private final KnowledgeBase kb;
    private final PartSearch search;
    private final LlmClient client;
    private final DesignReasoner solver;
    private final Validator validator;

    /**
     * @param search    hybrid part search for the {@code search_parts} tool; may be null
     * @param solver    the offline reasoner behind the {@code assign_pins} tool
     * @param validator the rule checker behind the {@code validate} tool
     */
    public LlmReasoner(KnowledgeBase kb, PartSearch search, LlmClient client, DesignReasoner solver,
                       Validator validator) {
        this.kb = Objects.requireNonNull(kb, "The parameter 'kb' must not be null.");
        this.client = Objects.requireNonNull(client, "The parameter 'client' must not be null.");
        this.solver = Objects.requireNonNull(solver, "The parameter 'solver' must not be null.");
        this.validator = Objects.requireNonNull(validator, "The parameter 'validator' must not be null.");
        this.search = search;
    }

    @Override
    public Map<String, Long> takeUsage() {
        return client.takeUsage().toMap();
    }

    @Override
    public DesignPlan reason(Requirements requirements, Pinouts pinouts, Feedback feedback) {
        Feedback fb = feedback == null ? Feedback.none() : feedback;
        String parts = Facts.pinTables(pinouts);
        String bus = Facts.busPins(pinouts);

        List<String> partIds = partEnum(kb, pinouts, proposal(requirements, pinouts));
        String system1 = Prompts.fill(Prompts.COMPONENTS, Map.of("requirements", Facts.requirements(requirements),
                "parts", parts, "bus_pins", bus, "supporting", supporting(kb, pinouts, partIds)));
        String user1 = "Choose the components, rails and computed values for: " + requirements.prompt()
                + Facts.repair(fb, "components, rails and values");
        Reply step1 = client.structured(new StructuredCall("components", system1, user1, componentsSchema(partIds),
                tools(requirements, pinouts, List.of()), a -> componentProblems(a, pinouts), 6, 2));
        JsonNode a1 = step1.answer();
        List<DesignPlan.PlannedComponent> components = components(a1);
        PinCatalog catalog = PinCatalog.of(kb, components);

        String system2 = Prompts.fill(Prompts.WIRING, Map.of(
                "components", components.stream().map(c -> "  " + Facts.component(c)).collect(Collectors.joining("\n")),
                "parts", parts, "bus_pins", bus, "rails", rails(a1)));
        String user2 = "Wire the components for: " + requirements.prompt() + Facts.repair(fb, "wiring");
        Reply step2 = client.structured(new StructuredCall("wiring", system2, user2, wiringSchema(catalog),
                tools(requirements, pinouts, components), a -> wiringProblems(a, catalog, components), 8, 2));
        return plan(requirements, a1, step2.answer(), components, catalog, notPlaced(a1, pinouts));
    }

    /** The offline solver's plan for these requirements, or null when it has none; it names the supporting parts. */
    private DesignPlan proposal(Requirements requirements, Pinouts pinouts) {
        try {
            return solver.reason(requirements, pinouts, Feedback.none());
        } catch (RuntimeException e) {
            return null;   // the model designs without the solver's parts; assign_pins says why
        }
    }

    private DesignTools tools(Requirements r, Pinouts p, List<DesignPlan.PlannedComponent> components) {
        return new DesignTools(kb, search, solver, validator, r, p, components);
    }

    /**
     * The part ids the components step may name, at most {@link #MAX_PART_IDS} and then {@code none}: the retrieved
     * parts, the parts of the offline solver's {@code proposal} (it may add a 12 V adapter, a buck module, an op-amp),
     * then the curated supporting parts a designer commonly adds ({@link #SUPPORTING}), by category and id.
     */
    static List<String> partEnum(KnowledgeBase kb, Pinouts pinouts, DesignPlan proposal) {
        Set<String> ids = new LinkedHashSet<>();
        pinouts.parts().forEach(r -> ids.add(r.part().id()));
        if (proposal != null) {
            proposal.components().stream().map(DesignPlan.PlannedComponent::part)
                    .filter(id -> id != null && kb.part(id).isPresent()).forEach(ids::add);
        }
        kb.parts().stream().filter(LlmReasoner::supporting)
                .sorted(Comparator.comparing((Part p) -> p.category().ordinal()).thenComparing(Part::id))
                .forEach(p -> {
                    if (ids.size() < MAX_PART_IDS) {
                        ids.add(p.id());
                    }
                });
        List<String> out = new ArrayList<>(ids);
        out.add(NO_PART);
        return out;
    }

    private static boolean supporting(Part p) {
        Set<Form> forms = p.category() == null ? null : SUPPORTING.get(p.category());
        return forms != null && p.form() != null && forms.contains(p.form());
    }

    /** The enumerated parts that are not retrieved, grouped by category: one line each for the prompt. */
    static String supporting(KnowledgeBase kb, Pinouts pinouts, List<String> partIds) {
        Set<String> retrieved = pinouts.parts().stream().map(r -> r.part().id()).collect(Collectors.toSet());
        Map<Category, List<String>> byCategory = new TreeMap<>();
        for (String id : partIds) {
            if (!retrieved.contains(id)) {
                kb.part(id).ifPresent(p -> byCategory.computeIfAbsent(p.category() == null ? Category.OTHER
                        : p.category(), k -> new ArrayList<>()).add(id));
            }
        }
        return byCategory.isEmpty() ? "  (none)" : byCategory.entrySet().stream().map(e -> "  " + e.getKey().name()
                .toLowerCase(java.util.Locale.ROOT) + ": " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("\n"));
    }

    static JsonSchema componentsSchema(List<String> partIds) {
        return Schemas.named("components", Schemas.object(
                "title", Schemas.string("one line naming the design"),
                "components", Schemas.array(Schemas.object(
                        "ref", Schemas.string("reference designator: a letter, then letters, digits or _"),
                        "kind", Schemas.enumOf(KINDS.stream().map(Enum::name).toList()),
                        "part", Schemas.enumOf(partIds),
                        "value", Schemas.string("SPICE-style value (4.7k, 100n); \"\" for parts"),
                        "purpose", Schemas.string())),
                "rails", Schemas.array(Schemas.object(
                        "net", Schemas.string(), "volts", Schemas.number("nominal volts"),
                        "source", Schemas.string("what feeds it, REF:PIN or a part"))),
                "computations", Schemas.array(Schemas.object(
                        "ref", Schemas.string(), "quantity", Schemas.string("resistance, capacitance, …"),
                        "formula", Schemas.string("the formula with numbers put in"),
                        "exact", Schemas.number("the computed value, SI units"),
                        "chosen", Schemas.number("the standard value used, SI units"),
                        "series", Schemas.string("E12, E24, or \"\""),
                        "result", Schemas.string("what the chosen value gives"))),
                "rationale", Schemas.array(Schemas.object(
                        "topic", Schemas.string(), "text", Schemas.string(),
                        "facts", Schemas.array(Schemas.string()))),
                "notes", Schemas.array(Schemas.string())));
    }

    static JsonSchema wiringSchema(PinCatalog catalog) {
        List<String> pins = catalog.all();
        return Schemas.named("wiring", Schemas.object(
                "nets", Schemas.array(Schemas.object(
                        "name", Schemas.string("short net name: GND, 3V3, SDA, LED1"),
                        "pins", Schemas.array(Schemas.enumOf(pins)))),
                "assignments", Schemas.array(Schemas.object(
                        "signal", Schemas.string("what the connection carries"),
                        "hostPin", Schemas.enumOf(pins),
                        "devicePin", Schemas.enumOf(pins),
                        "reason", Schemas.string("why this board pin")))));
    }

    /**
     * Refs well-formed and unique, parts named, values readable. A named part left out is not a problem here but a
     * plan note ({@link #notPlaced}).
     */
    static List<String> componentProblems(JsonNode answer, Pinouts pinouts) {
        List<String> problems = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        JsonNode comps = answer.path("components");
        if (comps.isEmpty()) {
            problems.add("components: there are none; place the parts listed and their supporting parts");
        }
        for (JsonNode c : comps) {
            String ref = c.path("ref").asText("");
            String kind = c.path("kind").asText();
            String part = c.path("part").asText(NO_PART);
            if (!REF.matcher(ref).matches()) {
                problems.add("components: ref '" + ref + "' must be a letter followed by letters, digits or _ (R1, U2)");
            } else if (!refs.add(ref)) {
                problems.add("components: ref " + ref + " is used twice; give each component its own ref");
            }
            if (ComponentKind.PART.name().equals(kind) && NO_PART.equals(part)) {
                problems.add("components: " + ref + " has kind PART but no part id; name one of the listed parts or "
                        + "use a primitive kind");
            }
            boolean passive = kind.equals("RESISTOR") || kind.equals("CAPACITOR") || kind.equals("INDUCTOR");
            if (passive) {
                String value = c.path("value").asText("");
                if (!isNumber(value)) {
                    problems.add("components: " + ref + " (" + kind.toLowerCase(java.util.Locale.ROOT) + ") needs a "
                            + "numeric value such as 4.7k or 100n, not '" + value + "'");
                }
            }
        }
        return problems;
    }

    /**
     * One plan note per part the request named (not a default) that the answer places fewer times than asked:
     * {@code asked for max4466-module, not placed: <reason>}. The reason is the answer's note that names the part,
     * else "no reason given". Leaving a part out can be a sound decision (a discrete stage instead of a module), so it
     * is not sent back; it is made visible.
     */
    static List<String> notPlaced(JsonNode answer, Pinouts pinouts) {
        Map<String, Integer> placed = new HashMap<>();
        for (JsonNode c : answer.path("components")) {
            String part = c.path("part").asText(NO_PART);
            if (!NO_PART.equals(part)) {
                placed.merge(part, 1, Integer::sum);
            }
        }
        Map<String, Integer> asked = new LinkedHashMap<>();
        pinouts.parts().stream().filter(r -> !r.request().defaulted())
                .forEach(r -> asked.merge(r.part().id(), r.request().quantity(), Integer::sum));
        List<String> notes = new ArrayList<>();
        asked.forEach((id, n) -> {
            int have = placed.getOrDefault(id, 0);
            if (have >= n) {
                return;
            }
            String reason = "no reason given";
            for (JsonNode note : answer.path("notes")) {
                if (note.asText("").toLowerCase(java.util.Locale.ROOT).contains(id.toLowerCase(java.util.Locale.ROOT))) {
                    reason = note.asText().strip();
                    break;
                }
            }
            notes.add(have == 0 ? "asked for " + id + ", not placed: " + reason
                    : "asked for " + n + "× " + id + ", placed " + have + ": " + reason);
        });
        return notes;
    }

    /**
     * Every pin exists, no pin on two nets, every net has two pins (or is an {@link #externalTerminal}), every
     * component is connected.
     */
    static List<String> wiringProblems(JsonNode answer, PinCatalog catalog, List<DesignPlan.PlannedComponent> comps) {
        List<String> problems = new ArrayList<>();
        Map<String, String> netOfPin = new HashMap<>();
        Set<String> names = new HashSet<>();
        Set<String> connected = new HashSet<>();
        for (JsonNode n : answer.path("nets")) {
            String name = n.path("name").asText("").strip();
            if (name.isEmpty()) {
                problems.add("nets: a net has no name; name it (GND, SDA, LED1)");
            } else if (!names.add(name)) {
                problems.add("nets: " + name + " is listed twice; put all its pins in one entry");
            }
            Map<String, String> pins = new LinkedHashMap<>();   // identity → canonical
            int unknown = 0;
            for (JsonNode p : n.path("pins")) {
                String written = p.asText();
                var resolved = catalog.resolve(written);
                if (resolved.isEmpty()) {
                    problems.add("nets: " + name + ": there is no pin " + written + unknownHint(catalog, written));
                    unknown++;
                    continue;
                }
                String id = catalog.identity(resolved.get());
                pins.putIfAbsent(id, resolved.get());
                connected.add(resolved.get().substring(0, resolved.get().indexOf(':')));
                String before = netOfPin.putIfAbsent(id, name);
                if (before != null && !before.equals(name)) {
                    problems.add("nets: " + written + " is on two nets, " + before + " and " + name
                            + "; a pin belongs to one net: merge the nets or move the pin");
                }
            }
            if (pins.size() + unknown < 2 && !externalTerminal(name, pins.values())) {
                // a net whose other pin was misnamed is reported above, once
                problems.add("nets: " + name + " has " + (pins.isEmpty() ? "no pin" : "only one pin (" + pins.values()
                        .iterator().next() + ")") + "; connect another pin to it or drop the net");
            }
        }
        for (DesignPlan.PlannedComponent c : comps) {
            if (!connected.contains(c.ref()) && !catalog.pinsOf(c.ref()).isEmpty()) {
                problems.add("nets: " + c.ref() + " is on no net; connect its pins (" + String.join(", ",
                        head(catalog.pinsOf(c.ref()), 6)) + ")");
            }
        }
        for (JsonNode a : answer.path("assignments")) {
            for (String field : List.of("hostPin", "devicePin")) {
                String p = a.path(field).asText();
                if (catalog.resolve(p).isEmpty()) {
                    problems.add("assignments: " + field + " " + p + " is not a pin" + unknownHint(catalog, p));
                }
            }
        }
        return problems;
    }

    /**
     * A one-pin net the validator accepts as a terminal wired from outside: one named like a port ({@code VIN},
     * {@code IN}, {@code OUT}, {@code VREF}, {@code GND}; {@link AnalogRules#isPortName}), such as the top of a
     * divider that measures 0–25 V or a Schmitt trigger's output. The offline solver writes such nets; the validator
     * judges them (at most a {@code structure.single-pin-net} warning). A one-pin net with another name is a mistake.
     */
    static boolean externalTerminal(String name, java.util.Collection<String> pins) {
        return pins.size() == 1 && AnalogRules.isPortName(name);
    }

    private static String unknownHint(PinCatalog catalog, String written) {
        int colon = written.indexOf(':');
        String ref = colon > 0 ? written.substring(0, colon) : written;
        List<String> pins = catalog.pinsOf(ref);
        // all of them: the right one is what the model needs, and a board has a few dozen at most
        return pins.isEmpty() ? " (no component " + ref + ")" : "; pins of " + ref + ": " + String.join(", ",
                head(pins, MAX_PINS_LISTED)) + (pins.size() > MAX_PINS_LISTED ? ", …" : "");
    }

    private static List<DesignPlan.PlannedComponent> components(JsonNode a) {
        List<DesignPlan.PlannedComponent> out = new ArrayList<>();
        for (JsonNode c : a.path("components")) {
            ComponentKind kind = ComponentKind.valueOf(c.path("kind").asText());
            String part = c.path("part").asText(NO_PART);
            String value = c.path("value").asText("");
            out.add(new DesignPlan.PlannedComponent(c.path("ref").asText(), kind, NO_PART.equals(part) ? null : part,
                    kind == ComponentKind.PART || value.isBlank() ? null : value.strip(), null,
                    c.path("purpose").asText("")));
        }
        return out;
    }

    private static String rails(JsonNode a) {
        List<String> lines = new ArrayList<>();
        for (JsonNode r : a.path("rails")) {
            lines.add("  " + r.path("net").asText() + " " + r.path("volts").asDouble() + " V from "
                    + r.path("source").asText());
        }
        return lines.isEmpty() ? "  (none named)" : String.join("\n", lines);
    }

    private DesignPlan plan(Requirements req, JsonNode a1, JsonNode a2, List<DesignPlan.PlannedComponent> comps,
                            PinCatalog catalog, List<String> notPlaced) {
        String title = a1.path("title").asText("").isBlank() ? req.prompt() : a1.path("title").asText();
        DesignPlan.Builder b = DesignPlan.builder(title);
        comps.forEach(b::add);
        for (JsonNode n : a2.path("nets")) {
            List<String> pins = new ArrayList<>();
            n.path("pins").forEach(p -> catalog.resolve(p.asText()).ifPresent(pins::add));
            b.connect(n.path("name").asText().strip(), pins.toArray(String[]::new));
        }
        for (JsonNode r : a1.path("rails")) {
            b.rail(new DesignPlan.Rail(r.path("net").asText(), r.path("volts").asDouble(), r.path("source").asText(),
                    null, 0));
        }
        for (JsonNode x : a2.path("assignments")) {
            b.assign(x.path("signal").asText(), catalog.resolve(x.path("hostPin").asText()).orElseThrow(),
                    catalog.resolve(x.path("devicePin").asText()).orElseThrow(), x.path("reason").asText());
        }
        for (JsonNode c : a1.path("computations")) {
            b.compute(new DesignPlan.Computation(c.path("ref").asText(), c.path("quantity").asText(),
                    c.path("formula").asText(), c.path("exact").asDouble(), c.path("chosen").asDouble(),
                    c.path("series").asText(), c.path("result").asText()));
        }
        for (JsonNode r : a1.path("rationale")) {
            List<String> facts = new ArrayList<>();
            r.path("facts").forEach(f -> facts.add(f.asText()));
            b.why(r.path("topic").asText(), r.path("text").asText(), facts.toArray(String[]::new));
        }
        req.notes().forEach(b::note);
        a1.path("notes").forEach(n -> b.note(n.asText()));
        notPlaced.forEach(b::note);
        b.note("designed by " + client.modelName() + " (components and wiring)");
        return b.build();
    }

    private static boolean isNumber(String text) {
        try {
            return !text.isBlank() && Value.parse(text).isNumber();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static List<String> head(List<String> list, int n) {
        return list.size() <= n ? list : list.subList(0, n);
    }
}
