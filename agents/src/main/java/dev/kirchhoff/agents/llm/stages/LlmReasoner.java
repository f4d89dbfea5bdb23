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
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.retrieval.PartSearch;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.validation.Validator;
import dev.langchain4j.model.chat.request.json.JsonSchema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Stage 3 with a language model designing the plan in two structured steps: {@code components} (components, rails,
 * computed values, rationale) whose part enumeration holds only the retrieved parts, then {@code wiring} (nets and pin
 * map) whose pin enumeration holds every valid {@code REF:PIN} of those components and nothing else. Answers are also
 * checked here (a pin on two nets, a net with one pin, an unknown pin sent by a server that ignores the schema) and
 * sent back, so an invented pin never reaches the synthesizer. On a repair round both prompts carry the previous plan
 * and the findings. Thread-safe.
 */
public final class LlmReasoner implements DesignReasoner, Metered {

    /** The component kinds a plan may use; the synthesizer knows their pins. */
    static final List<ComponentKind> KINDS = List.of(ComponentKind.PART, ComponentKind.RESISTOR,
            ComponentKind.CAPACITOR, ComponentKind.INDUCTOR, ComponentKind.DIODE, ComponentKind.LED, ComponentKind.BJT,
            ComponentKind.MOSFET, ComponentKind.VOLTAGE_SOURCE);
    static final String NO_PART = "none";
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

        String system1 = Prompts.fill(Prompts.COMPONENTS, Map.of("requirements", Facts.requirements(requirements),
                "parts", parts, "bus_pins", bus));
        String user1 = "Choose the components, rails and computed values for: " + requirements.prompt()
                + Facts.repair(fb, "components, rails and values");
        Reply step1 = client.structured(new StructuredCall("components", system1, user1, componentsSchema(pinouts),
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
        return plan(requirements, a1, step2.answer(), components, catalog);
    }

    private DesignTools tools(Requirements r, Pinouts p, List<DesignPlan.PlannedComponent> components) {
        return new DesignTools(kb, search, solver, validator, r, p, components);
    }

    static JsonSchema componentsSchema(Pinouts pinouts) {
        List<String> partIds = new ArrayList<>(new LinkedHashSet<>(pinouts.parts().stream()
                .map(r -> r.part().id()).toList()));
        partIds.add(NO_PART);
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

    /** Refs well-formed and unique, parts named, every retrieved part placed as often as asked, values readable. */
    static List<String> componentProblems(JsonNode answer, Pinouts pinouts) {
        List<String> problems = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        Map<String, Integer> placed = new HashMap<>();
        JsonNode comps = answer.path("components");
        if (comps.isEmpty()) {
            problems.add("components: there are none; place every part listed");
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
            if (!NO_PART.equals(part)) {
                placed.merge(part, 1, Integer::sum);
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
        Map<String, Integer> asked = new LinkedHashMap<>();
        pinouts.parts().forEach(r -> asked.merge(r.part().id(), r.request().quantity(), Integer::sum));
        asked.forEach((id, n) -> {
            int have = placed.getOrDefault(id, 0);
            if (have < n) {
                problems.add("components: " + id + " is asked for " + n + " time(s) but placed " + have
                        + "; place every listed part");
            }
        });
        return problems;
    }

    /** Every pin exists, no pin on two nets, every net has two pins, every component is connected. */
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
            if (pins.size() + unknown < 2) {   // a net whose other pin was misnamed is reported above, once
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
                            PinCatalog catalog) {
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
