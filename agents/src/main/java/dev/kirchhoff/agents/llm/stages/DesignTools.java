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
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The tools of the LLM reasoner, for one design: part search and pinouts, the offline pin solver's proposal, the
 * recipe calculators, and a validator for a draft wiring. Every result is short text a model can act on. Immutable;
 * one instance per reasoning step (the wiring step knows the components chosen in the first).
 */
public final class DesignTools {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FINDINGS = 15;

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
            + "and pin map it proposes, with refs renamed to yours where the parts match. You may copy it.")
    public String assignPins() {
        DesignPlan plan;
        try {
            plan = solver.reason(requirements, pinouts, Feedback.none());
        } catch (RuntimeException e) {
            return "The solver has no proposal for this design: " + e.getMessage();
        }
        Map<String, String> rename = renaming(plan.components());
        List<DesignPlan.PlannedComponent> renamed = new ArrayList<>();
        for (DesignPlan.PlannedComponent c : plan.components()) {
            renamed.add(new DesignPlan.PlannedComponent(rename.get(c.ref()), c.kind(), c.part(), c.value(), c.model(),
                    c.purpose()));
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
                sb.append("  ").append(a.signal()).append(": ").append(pin(catalog, rename, a.hostPin()))
                        .append(" -> ").append(pin(catalog, rename, a.devicePin())).append(" (").append(a.reason())
                        .append(")\n");
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

    /** Offline refs → the model's refs for the same part, else the offline ref (made unique against the model's). */
    private Map<String, String> renaming(List<DesignPlan.PlannedComponent> offline) {
        Map<String, String> rename = new HashMap<>();
        Set<String> taken = new HashSet<>();
        List<DesignPlan.PlannedComponent> free = new ArrayList<>(components);
        for (DesignPlan.PlannedComponent c : offline) {
            if (c.part() == null) {
                continue;
            }
            for (DesignPlan.PlannedComponent m : free) {
                if (c.part().equals(m.part()) && (c.kind() == m.kind() || c.kind() != ComponentKind.PART
                        && m.kind() != ComponentKind.PART)) {
                    rename.put(c.ref(), m.ref());
                    taken.add(m.ref());
                    free.remove(m);
                    break;
                }
            }
        }
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
