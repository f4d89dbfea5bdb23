package dev.kirchhoff.agents.offline.analog;

import dev.kirchhoff.agents.Constraint;
import dev.kirchhoff.agents.DesignPlan;
import dev.kirchhoff.agents.DesignValue;
import dev.kirchhoff.agents.Feedback;
import dev.kirchhoff.agents.PartRequest;
import dev.kirchhoff.agents.PartRole;
import dev.kirchhoff.agents.Pinouts;
import dev.kirchhoff.agents.PlanSynthesizer;
import dev.kirchhoff.agents.Quantity;
import dev.kirchhoff.agents.RecipeKind;
import dev.kirchhoff.agents.Requirements;
import dev.kirchhoff.agents.Supply;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.schematic.model.Circuit;
import dev.kirchhoff.validation.Severity;
import dev.kirchhoff.validation.ValidationReport;
import dev.kirchhoff.validation.Validator;
import dev.kirchhoff.validation.simulation.Ngspice;
import dev.kirchhoff.validation.simulation.NgspiceException;
import dev.kirchhoff.validation.simulation.NgspiceRun;
import dev.kirchhoff.validation.simulation.SimulationResult;
import dev.kirchhoff.validation.simulation.Simulator;
import dev.kirchhoff.validation.simulation.SpiceDeck;
import dev.kirchhoff.validation.simulation.SpiceExport;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Test bench for analog designs: builds requirements, runs the designer, synthesizes and validates the circuit,
 * and simulates it with the real ngspice (operating point, or a transient/AC run of the exported deck).
 */
final class Bench {

    static final KnowledgeBase KB = KnowledgeBase.bundled();
    static final Validator VALIDATOR = Validator.bundled();
    private static Ngspice ngspice;

    private final RecipeKind recipe;
    private final List<DesignValue> values = new ArrayList<>();
    private final Set<Constraint> constraints = EnumSet.noneOf(Constraint.class);
    private final List<Pinouts.Resolved> parts = new ArrayList<>();
    private Supply supply = Supply.unspecified();
    private String prompt = "";

    private Bench(RecipeKind recipe) {
        this.recipe = recipe;
    }

    static Bench of(RecipeKind recipe) {
        return new Bench(recipe);
    }

    Bench value(Quantity q, double v) {
        values.add(new DesignValue(q, v, q + " " + v));
        return this;
    }

    Bench with(Constraint c) {
        constraints.add(c);
        return this;
    }

    Bench part(String id, PartRole role) {
        return part(id, role, 1);
    }

    Bench part(String id, PartRole role, int quantity) {
        parts.add(new Pinouts.Resolved(new PartRequest(id, quantity, id, role, false), KB.require(id)));
        return this;
    }

    Bench supply(Supply.Kind kind, Double volts) {
        supply = new Supply(kind, volts, "");
        return this;
    }

    Bench prompt(String text) {
        prompt = text;
        return this;
    }

    Requirements requirements() {
        return new Requirements(prompt, parts.stream().map(Pinouts.Resolved::request).toList(), supply, values,
                constraints, recipe, List.of(), List.of());
    }

    DesignPlan plan() {
        return new AnalogDesigner(KB).reason(requirements(), new Pinouts(parts), Feedback.none());
    }

    static Circuit circuit(DesignPlan plan) {
        return new PlanSynthesizer(KB).synthesize(plan);
    }

    /** Validates and asserts there is no error (and prints what was found when there is). */
    static ValidationReport valid(Circuit c) {
        ValidationReport r = VALIDATOR.validate(c, c.title());
        assertThat(r.count(Severity.ERROR)).as(r.text()).isZero();
        return r;
    }

    static Ngspice ngspice() {
        if (ngspice == null) {
            try {
                ngspice = Ngspice.locate();
            } catch (NgspiceException e) {
                assumeTrue(false, "ngspice is not installed: " + e.getMessage());
            }
        }
        return ngspice;
    }

    /** The operating point with the simulation rules; asserts it converged and no rule found an error. */
    static SimulationResult simulate(Circuit c) throws NgspiceException {
        SimulationResult r = new Simulator(VALIDATOR, ngspice()).simulate(c, c.title());
        assertThat(r.operatingPoint().problems()).as(r.run().stdout() + r.run().stderr()).isEmpty();
        assertThat(r.report().count(Severity.ERROR)).as(r.report().text()).isZero();
        return r;
    }

    static SpiceDeck deck(Circuit c) throws Exception {
        return new SpiceExport(VALIDATOR).export(c, c.title(), List.of(), false);
    }

    /**
     * Runs the exported deck with {@code analysis} ({@code tran 1m 3}) instead of the operating point, then the
     * given {@code meas}-style control lines; returns every {@code name = value} line ngspice printed.
     */
    static Map<String, Double> run(SpiceDeck deck, String analysis, String... control) throws NgspiceException {
        String text = deck.text();
        int op = text.indexOf("\n.op");
        int end = text.indexOf(".endc", op);
        assertThat(op).as("the deck has an .op line").isPositive();
        StringBuilder sb = new StringBuilder(text.substring(0, op + 1));
        sb.append(".control\n").append(analysis).append('\n');
        for (String line : control) {
            sb.append(line).append('\n');
        }
        sb.append("quit\n.endc").append(text.substring(end + ".endc".length()));
        NgspiceRun run = ngspice().run(sb.toString());
        Map<String, Double> out = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*([a-z_0-9]+)\\s*=\\s*([-+0-9.eE]+)").matcher(run.stdout());
        while (m.find()) {
            try {
                out.put(m.group(1).toLowerCase(Locale.ROOT), Double.valueOf(m.group(2)));
            } catch (NumberFormatException ignored) {
                // not a number
            }
        }
        assertThat(out).as(sb + "\n----\n" + run.stdout() + run.stderr()).isNotEmpty();
        return out;
    }

    /** The components on a net, as {@code REF:PIN} strings of the plan. */
    static List<String> pins(DesignPlan plan, String net) {
        return plan.net(net).map(DesignPlan.PlannedNet::pins).orElse(List.of());
    }
}
