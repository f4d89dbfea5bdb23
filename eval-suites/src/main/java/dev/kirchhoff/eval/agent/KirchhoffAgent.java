package dev.kirchhoff.eval.agent;

import dev.kirchhoff.agents.llm.LlmClient;
import dev.kirchhoff.agents.llm.LlmException;
import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.QuestionType;
import dev.kirchhoff.eval.RenderedPrompt;
import dev.kirchhoff.eval.Response;
import dev.kirchhoff.eval.SystemUnderTest;
import dev.kirchhoff.eval.symbolic.RationalFunction;
import dev.kirchhoff.eval.symbolic.mna.LinearCircuit;
import dev.kirchhoff.eval.symbolic.mna.MnaSolver;
import dev.kirchhoff.eval.symbolic.mna.Solution;
import dev.kirchhoff.validation.simulation.Ngspice;
import dev.kirchhoff.validation.simulation.NgspiceException;
import java.util.Optional;

/**
 * kirchhoff-agent: Kirchhoff's own system under test, which answers what its tools can instead of guessing.
 * <ul>
 *   <li>Symbolic items with a netlist (CircuitSense's "Derive the transfer function from V1 to R4"): exact modified
 *       nodal analysis with {@link MnaSolver}, printed in sympy syntax inside {@code <answer>} tags.</li>
 *   <li>Numeric items with a netlist (a node voltage, a current, a power, a gain at a frequency): ngspice.</li>
 *   <li>Design items: the design pipeline, when one is given.</li>
 * </ul>
 * Everything else (multiple choice, open questions, a circuit given only as an image) is skipped with the reason,
 * so a report shows the agent's coverage apart from its accuracy; or, when a fallback system is given (a language
 * model), handed to it, together with the netlists the solver cannot read (a transistor, a diode). The agent then
 * runs as {@code kirchhoff-agent+MODEL}. Thread-safe.
 */
public final class KirchhoffAgent implements SystemUnderTest {
    /** The name results record for this system. */
    public static final String NAME = "kirchhoff-agent";

    /** Finds ngspice when a numeric item first needs it. */
    @FunctionalInterface
    public interface NgspiceLocator {
        Ngspice locate() throws NgspiceException;
    }

    private final NgspiceLocator ngspice;
    private final DesignSystem design;
    private final SystemUnderTest fallback;
    private final ModelQuestionReader reader;

    /**
     * @param ngspice finds ngspice for numeric items
     * @param design  answers design items; null to skip them
     */
    public KirchhoffAgent(NgspiceLocator ngspice, DesignSystem design) {
        this(ngspice, design, null);
    }

    /**
     * @param ngspice  finds ngspice for numeric items
     * @param design   answers design items; null to skip them (or hand them to the fallback)
     * @param fallback answers what the agent's tools cannot; null to skip those items
     */
    public KirchhoffAgent(NgspiceLocator ngspice, DesignSystem design, SystemUnderTest fallback) {
        this(ngspice, design, fallback, null);
    }

    /**
     * @param ngspice  finds ngspice for numeric items
     * @param design   answers design items; null to skip them (or hand them to the fallback)
     * @param fallback answers what the agent's tools cannot; null to skip those items
     * @param reader   a model that says which quantity a question asks for when the agent's patterns cannot tell,
     *                 choosing only among the netlist's own names (the solver still computes the answer); or null
     */
    public KirchhoffAgent(NgspiceLocator ngspice, DesignSystem design, SystemUnderTest fallback, LlmClient reader) {
        this.ngspice = ngspice;
        this.design = design;
        this.fallback = fallback;
        this.reader = reader == null ? null : new ModelQuestionReader(reader);
    }

    @Override
    public String name() {
        return fallback == null ? NAME : NAME + "+" + fallback.name();
    }

    @Override
    public Response answer(EvalItem item, RenderedPrompt prompt) throws Exception {
        if (fallback == null) {
            return own(item, prompt);
        }
        Response r;
        try {
            r = own(item, prompt);
        } catch (IllegalArgumentException | NgspiceException e) {
            // a netlist the solver cannot read (a transistor, a loop of sources) or ngspice cannot simulate
            return fallback.answer(item, prompt);
        }
        return r.isSkipped() ? fallback.answer(item, prompt) : r;
    }

    /** The agent's own answer, or skipped with the reason. */
    private Response own(EvalItem item, RenderedPrompt prompt) throws Exception {
        if (item.type() == QuestionType.DESIGN) {
            return design == null ? Response.skipped("no design pipeline was given to kirchhoff-agent")
                    : design.answer(item, prompt);
        }
        if (item.type() != QuestionType.SYMBOLIC && item.type() != QuestionType.NUMERIC) {
            return Response.skipped("kirchhoff-agent answers netlist analysis and design items; this is a "
                    + item.type().key() + " question");
        }
        if (!item.hasNetlist()) {
            return Response.skipped("the item gives its circuit only as an image; kirchhoff-agent reads netlists");
        }
        NetlistNames names = NetlistNames.of(item.netlist());
        Optional<Asked> asked = QuestionReader.read(item.question(), names);
        if (asked.isEmpty() && reader != null) {
            try {
                asked = reader.read(item.question(), item.netlist(), names);
            } catch (LlmException e) {
                // the model could not say either: the item is not understood, and the fallback (if any) answers it
                asked = Optional.empty();
            }
        }
        if (asked.isEmpty()) {
            return Response.skipped("could not tell which quantity the question asks for");
        }
        if (item.type() == QuestionType.NUMERIC) {
            if (asked.get() instanceof Asked.Transfer) {
                return Response.skipped("the question asks for a gain without a frequency; kirchhoff-agent gives "
                        + "numeric gains at a stated frequency");
            }
            SpiceAnswerer.Answer a = new SpiceAnswerer(ngspice.locate()).answer(item.netlist(), asked.get(), names);
            return Response.text(a.analysis() + ": " + a.text() + "\n<answer>" + SpiceAnswerer.format(a.value())
                    + (a.unit().isEmpty() || a.unit().equals("V/V") ? "" : " " + a.unit()) + "</answer>");
        }
        return Response.text(symbolic(item.netlist(), asked.get()));
    }

    /** The symbolic answer with a line on the method, the result inside {@code <answer>} tags. */
    static String symbolic(String netlist, Asked asked) {
        LinearCircuit circuit = LinearCircuit.parse(netlist);
        String method = "Modified nodal analysis of the netlist (" + circuit.nodes().size() + " nodes besides ground, "
                + circuit.elements().size() + " elements), solved exactly";
        if (asked instanceof Asked.Transfer t) {
            RationalFunction h = MnaSolver.transfer(circuit, t.input(), t.output());
            String out = circuit.element(t.output()).isPresent() ? "V_" + t.output() : "V(" + t.output() + ")";
            return method + " with " + t.input() + " as the only source (the others set to zero).\n"
                    + "H(s) = " + out + "/" + t.input() + "\n<answer>H(s) = " + h.toSympy() + "</answer>";
        }
        Solution s = MnaSolver.solve(circuit);
        RationalFunction value;
        String quantity;
        if (asked instanceof Asked.NodeVoltage v) {
            value = s.voltage(v.node());
            quantity = "V(" + v.node() + ")";
        } else if (asked instanceof Asked.ElementVoltage v) {
            value = s.elementVoltage(v.element());
            quantity = "V_" + v.element();
        } else if (asked instanceof Asked.Current c) {
            value = s.current(c.element());
            quantity = "I_" + c.element();
        } else if (asked instanceof Asked.Power p) {
            value = s.elementVoltage(p.element()).times(s.current(p.element()));
            quantity = "P_" + p.element();
        } else {
            throw new IllegalArgumentException("a gain at one frequency is a numeric question: " + asked);
        }
        return method + " with every source at its symbol.\n<answer>" + quantity + " = " + value.toSympy()
                + "</answer>";
    }
}
