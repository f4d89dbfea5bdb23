package dev.kirchhoff.agents.llm.stages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kirchhoff.agents.DesignException;
import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.DesignReasoner;
import dev.kirchhoff.agents.Feedback;
import dev.kirchhoff.agents.Pinouts;
import dev.kirchhoff.agents.PlanSynthesizer;
import dev.kirchhoff.agents.Requirements;
import dev.kirchhoff.agents.recipes.ESeries;
import dev.kirchhoff.agents.recipes.Eng;
import dev.kirchhoff.agents.recipes.LedDriver;
import dev.kirchhoff.agents.recipes.OpAmpStages;
import dev.kirchhoff.agents.recipes.VoltageDivider;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.retrieval.PartSearch;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.schematic.model.ComponentKind;
import dev.kirchhoff.schematic.units.Value;
import dev.kirchhoff.validation.Finding;
import dev.kirchhoff.validation.Severity;
import dev.kirchhoff.validation.ValidationReport;
import dev.kirchhoff.validation.Validator;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tools of the LLM reasoner, for one design: part search and pinouts, the offline pin solver's proposal, the
 * recipe calculators, and a validator for a draft wiring. Every result is short text a model can act on. Immutable;
 * one instance per reasoning step (the wiring step knows the components chosen in the first).
 */
public final class DesignTools {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FINDINGS = 15;
    private static final Pattern WORD = Pattern.compile("\\b[A-Za-z][A-Za-z0-9_]*\\b");
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "from", "with", "into", "onto", "its",
            "this", "that", "per", "of");

    private final KnowledgeBase kb;
    private final PartSearch search;
    private final DesignReasoner solver;
    private final Validator validator;
    private final Requirements requirements;
    private final Pinouts pinouts;
    private final List<DesignPlan.PlannedComponent> components;

    /**
     * @param solver     the offline reasoner whose plan {@code assign_pins} reports
     * @param components the components chosen so far, or an empty list before they are
     */
    public DesignTools(KnowledgeBase kb, PartSearch search, DesignReasoner solver, Validator validator,
                       Requirements requirements, Pinouts pinouts, List<DesignPlan.PlannedComponent> components) {
        this.kb = Objects.requireNonNull(kb, "The parameter 'kb' must not be null.");
        this.search = search;
        this.solver = Objects.requireNonNull(solver, "The parameter 'solver' must not be null.");
        this.validator = Objects.requireNonNull(validator, "The parameter 'validator' must not be null.");
        this.requirements = Objects.requireNonNull(requirements, "The parameter 'requirements' must not be null.");
        this.pinouts = Objects.requireNonNull(pinouts, "The parameter 'pinouts' must not be null.");
        this.components = List.copyOf(components);
    }

    @Tool(name = "search_parts", value = "Finds knowledge-base parts by function or name; one line per part.")
    public String searchParts(@P("what to look for, e.g. 'logic-level MOSFET' or 'SSD1306'") String query) {
        return PartTools.searchText(kb, search, query, null);
    }

    @Tool(name = "pinout", value = "The pin table of a part: pin names, numbers, types, levels, functions, flags.")
    public String pinout(@P("a part id, e.g. 'esp32-devkit-v1'") String partId) {
        return PartTools.detailsText(kb, partId);
    }

    @Tool(name = "assign_pins", value = "Runs Kirchhoff's pin solver on this design and returns the components, nets "
            + "and pin map it proposes, with refs renamed to yours where the components match (same part, or same "
            + "kind and value). You may copy it.")
    public String assignPins() {
        DesignPlan plan;
        try {
            plan = solver.reason(requirements, pinouts, Feedback.none());
        } catch (RuntimeException e) {
            return "The solver has no proposal for this design: " + e.getMessage();
        }
        Map<String, String> rename = renaming(plan.components(), components);
        List<DesignPlan.PlannedComponent> renamed = new ArrayList<>();
        for (DesignPlan.PlannedComponent c : plan.components()) {
            renamed.add(new DesignPlan.PlannedComponent(rename.get(c.ref()), c.kind(), c.part(), c.value(), c.model(),
                    refsIn(c.purpose(), rename)));
        }
        PinCatalog catalog = PinCatalog.of(kb, renamed);
        StringBuilder sb = new StringBuilder("components:\n");
        renamed.forEach(c -> sb.append("  ").append(Facts.component(c)).append('\n'));
        sb.append("nets:\n");
        for (DesignPlan.PlannedNet n : plan.nets()) {
            sb.append("  ").append(n.name()).append(':');
            n.pins().forEach(p -> sb.append(' ').append(pin(catalog, rename, p)));
            sb.append('\n');
        }
        if (!plan.assignments().isEmpty()) {
            sb.append("pin map:\n");
            for (DesignPlan.PinAssignment a : plan.assignments()) {
                sb.append("  ").append(refsIn(a.signal(), rename)).append(": ").append(pin(catalog, rename, a.hostPin()))
                        .append(" -> ").append(pin(catalog, rename, a.devicePin())).append(" (")
                        .append(refsIn(a.reason(), rename)).append(")\n");
            }
        }
        return sb.toString().stripTrailing();
    }

    @Tool(name = "led_resistor", value = "The series resistor of an LED: exact value, E12 value and the current it gives.")
    public String ledResistor(@P("supply or pin voltage, volts") double supplyVolts,
                              @P("the LED's forward voltage, volts") double forwardVolts,
                              @P("the LED current wanted, milliamperes") double milliamps) {
        try {
            LedDriver.Design d = LedDriver.design(supplyVolts, forwardVolts, milliamps / 1000, milliamps / 1000);
            DesignPlan.Computation c = d.computations("R").get(0);
            return c.formula() + " = " + Eng.human(c.exact(), "Ω") + "; use " + d.r().spice() + " ("
                    + c.series() + "): " + c.resultNote();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Tool(name = "divider", value = "A resistor divider from vin to vout (R1 on top, R2 to ground), E24 values.")
    public String divider(@P("input voltage, volts") double vin, @P("output voltage wanted, volts") double vout) {
        try {
            VoltageDivider.Design d = VoltageDivider.design(vin, vout, ESeries.E24);
            return "R1 " + d.r1().spice() + ", R2 " + d.r2().spice() + ": vout " + Eng.human(d.vout(), "V")
                    + ", " + Eng.human(d.currentAmps(), "A") + " through the divider";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Tool(name = "opamp_gain", value = "Resistors of an op-amp gain stage, E24 values.")
    public String opampGain(@P("gain magnitude, V/V") double gain,
                            @P("true for an inverting stage, false for non-inverting") boolean inverting) {
        try {
            OpAmpStages.Gain g = inverting ? OpAmpStages.inverting(gain) : OpAmpStages.nonInverting(gain);
            return (inverting ? "inverting: Rf " + g.rf().spice() + ", Rin " + g.rg().spice()
                    : "non-inverting: Rf " + g.rf().spice() + ", Rg " + g.rg().spice() + " (to ground)")
                    + ": gain " + Eng.num(g.actual());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Tool(name = "validate", value = "Builds the circuit from your components and these nets and runs the electrical "
            + "rule checker; returns each finding with its rule id, or 'passed'.")
    public String validate(@P("the nets as JSON: [{\"name\":\"SDA\",\"pins\":[\"U1:GPIO21\",\"U2:SDA\"]}, ...]")
                           String netsJson) {
        if (components.isEmpty()) {
            return "There are no components yet: choose them first, then validate the wiring.";
        }
        JsonNode nets;
        try {
            JsonNode root = JSON.readTree(netsJson == null ? "" : netsJson);
            nets = root != null && root.isObject() ? root.path("nets") : root;
        } catch (JsonProcessingException e) {
            return "The nets are not valid JSON (" + e.getOriginalMessage() + "). Send [{\"name\":…,\"pins\":[…]}].";
        }
        if (nets == null || !nets.isArray()) {
            return "Send the nets as a JSON array: [{\"name\":\"GND\",\"pins\":[\"U1:GND\",\"U2:GND\"]}].";
        }
        DesignPlan.Builder b = DesignPlan.builder("draft");
        components.forEach(b::add);
        for (JsonNode n : nets) {
            List<String> pins = new ArrayList<>();
            n.path("pins").forEach(p -> pins.add(p.asText()));
            b.connect(n.path("name").asText("?"), pins.toArray(String[]::new));
        }
        Circuit circuit;
        try {
            circuit = new PlanSynthesizer(kb).synthesize(b.build());
        } catch (DesignException e) {
            return "The circuit cannot be built: " + String.join("; ", e.suggestions());
        }
        ValidationReport report = validator.validate(circuit, "draft");
        List<Finding> shown = report.findings().stream().filter(f -> f.severity() != Severity.INFO).toList();
        String head = report.passed() ? "passed" : "failed";
        head += ": " + report.count(Severity.ERROR) + " error(s), " + report.count(Severity.WARNING) + " warning(s)";
        if (shown.isEmpty()) {
            return head;
        }
        return head + "\n" + Facts.findings(shown.size() > MAX_FINDINGS ? shown.subList(0, MAX_FINDINGS) : shown);
    }

    /**
     * Offline refs → the model's refs for the same component, else the offline ref (made unique against the model's).
     * A model that copied the proposal keeps its refs, so a component on the same ref that is the same thing (and has
     * the same value or shares a purpose word) keeps it. The others are paired, in the solver's order, with the
     * model's free component of the same identity (see {@link #sameThing}), preferring the same part id, then the
     * same value, then the most purpose words shared, then the model's order.
     */
    static Map<String, String> renaming(List<DesignPlan.PlannedComponent> offline,
                                        List<DesignPlan.PlannedComponent> components) {
        Map<String, String> rename = new HashMap<>();
        Set<String> taken = new HashSet<>();
        List<DesignPlan.PlannedComponent> free = new ArrayList<>(components);
        for (DesignPlan.PlannedComponent c : offline) {
            free.stream().filter(m -> m.ref().equals(c.ref()) && sameThing(c, m) && (sameValue(c.value(), m.value())
                    || sharedWords(c.purpose(), m.purpose()) > 0 || c.purpose().equals(m.purpose())))
                    .findFirst().ifPresent(m -> {
                        rename.put(c.ref(), m.ref());
                        free.remove(m);
                    });
        }
        for (DesignPlan.PlannedComponent c : offline) {
            if (rename.containsKey(c.ref())) {
                continue;
            }
            DesignPlan.PlannedComponent best = null;
            int bestScore = -1;
            for (DesignPlan.PlannedComponent m : free) {
                if (!sameThing(c, m)) {
                    continue;
                }
                int score = (c.part() != null && c.part().equals(m.part()) ? 1 << 20 : 0)
                        + (sameValue(c.value(), m.value()) ? 1 << 10 : 0)
                        + Math.min(sharedWords(c.purpose(), m.purpose()), (1 << 10) - 1);
                if (score > bestScore) {
                    best = m;
                    bestScore = score;
                }
            }
            if (best != null) {
                rename.put(c.ref(), best.ref());
                free.remove(best);
            }
        }
        taken.addAll(rename.values());
        components.forEach(m -> taken.add(m.ref()));
        for (DesignPlan.PlannedComponent c : offline) {
            if (rename.containsKey(c.ref())) {
                continue;
            }
            String ref = c.ref();
            if (taken.contains(ref)) {
                String prefix = ref.replaceAll("\\d+$", "");
                int n = 1;
                while (taken.contains(prefix + n)) {
                    n++;
                }
                ref = prefix + n;
            }
            rename.put(c.ref(), ref);
            taken.add(ref);
        }
        return rename;
    }

    /**
     * Whether the model's component {@code m} can stand for the solver's {@code c}: a part with the same id, or a
     * primitive of the same kind (whatever part each names: the solver's generic {@code resistor} is the model's
     * {@code none}, and a model may pick {@code led-green} where the solver picked {@code led-red}; the renaming
     * prefers the same part). Two primitives naming the same part also match.
     */
    static boolean sameThing(DesignPlan.PlannedComponent c, DesignPlan.PlannedComponent m) {
        if (c.kind() == ComponentKind.PART || m.kind() == ComponentKind.PART) {
            return c.kind() == m.kind() && c.part() != null && c.part().equals(m.part());
        }
        return c.kind() == m.kind() || c.part() != null && c.part().equals(m.part());
    }

    static boolean sameValue(String a, String b) {
        boolean blankA = a == null || a.isBlank();
        boolean blankB = b == null || b.isBlank();
        if (blankA || blankB) {
            return blankA && blankB;
        }
        if (a.strip().equalsIgnoreCase(b.strip())) {
            return true;
        }
        try {
            Value x = Value.parse(a.strip());
            Value y = Value.parse(b.strip());
            return x.isNumber() && y.isNumber() && Math.abs(x.magnitude() - y.magnitude())
                    <= 1e-9 * Math.max(Math.abs(x.magnitude()), Math.abs(y.magnitude()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static int sharedWords(String a, String b) {
        Set<String> wa = words(a);
        wa.retainAll(words(b));
        return wa.size();
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : (text == null ? "" : text).toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (w.length() > 2 && !STOP_WORDS.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** {@code text} with every solver ref the renaming changes written as the model's ref ("series resistor for D7"). */
    static String refsIn(String text, Map<String, String> rename) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return WORD.matcher(text).replaceAll(m -> {
            String to = rename.get(m.group());
            return Matcher.quoteReplacement(to == null ? m.group() : to);
        });
    }

    private static String pin(PinCatalog catalog, Map<String, String> rename, String refPin) {
        int colon = refPin.indexOf(':');
        if (colon <= 0) {
            return refPin;
        }
        String renamed = rename.getOrDefault(refPin.substring(0, colon), refPin.substring(0, colon))
                + refPin.substring(colon);
        return catalog.resolve(renamed).orElse(renamed);
    }
}
