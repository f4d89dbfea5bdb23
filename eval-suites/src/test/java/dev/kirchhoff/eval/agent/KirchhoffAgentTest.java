package dev.kirchhoff.eval.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.ItemSource;
import dev.kirchhoff.eval.LoadResult;
import dev.kirchhoff.eval.QuestionType;
import dev.kirchhoff.eval.RenderedPrompt;
import dev.kirchhoff.eval.Response;
import dev.kirchhoff.eval.Score;
import dev.kirchhoff.eval.score.Scorers;
import dev.kirchhoff.eval.suite.CircuitSenseLoader;
import dev.kirchhoff.eval.symbolic.mna.NetlistException;
import dev.kirchhoff.validation.simulation.Ngspice;
import dev.kirchhoff.validation.simulation.NgspiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KirchhoffAgentTest {
    private final KirchhoffAgent agent = new KirchhoffAgent(Ngspice::locate, null);

    private static EvalItem item(QuestionType type, String question, String netlist, String reference) {
        return new EvalItem("circuitsense", "t/q1", type, "", question, List.of(), reference, List.of(), netlist,
                Map.of(), new ItemSource("test", 1));
    }

    private Response answer(EvalItem item) throws Exception {
        return agent.answer(item, new RenderedPrompt("test", "", item.question(), List.of()));
    }

    @Test
    void answersEveryCircuitSenseFixtureCorrectly() throws Exception {
        try {
            Ngspice.locate();
        } catch (NgspiceException e) {
            assumeTrue(false, "ngspice is not installed");
        }
        LoadResult loaded = new CircuitSenseLoader().load(fixtures().resolve("circuitsense"));
        assertThat(loaded.items()).hasSize(13);
        Scorers scorers = Scorers.offline();
        for (EvalItem item : loaded.items()) {
            Response r = answer(item);
            Score s = scorers.score(item, r);
            assertThat(s.correct()).as(item.id() + ": " + r.text() + " / " + s.detail()).isTrue();
            assertThat(s.method()).isEqualTo(item.type() == QuestionType.NUMERIC ? "numeric" : "symbolic");
        }
    }

    @Test
    void aTransferFunctionIsDerivedExactlyAndTaggedTheCircuitSenseWay() throws Exception {
        Response r = answer(item(QuestionType.SYMBOLIC, "What is the transfer function from V1 to C1 in this circuit?",
                "V1 1 0 V1\nR1 1 2 R1\nC1 2 0 C1\n", "1/(C1*R1*s + 1)"));
        assertThat(r.text()).endsWith("<answer>H(s) = 1/(C1*R1*s + 1)</answer>")
                .startsWith("Modified nodal analysis of the netlist (2 nodes besides ground, 3 elements)");
    }

    @Test
    void aNodeQuestionIsAnsweredWithEverySourceAtItsSymbol() throws Exception {
        Response r = answer(item(QuestionType.SYMBOLIC, "Derive the nodal equation for node 2 in the s-domain. "
                + "Make sure the final answer is just the symbolic equation Vn2(s) = ...",
                "V1 1 0 V1\nR1 1 2 R1\nR2 2 0 R2\nI1 0 2 I1\n", ""));
        // superposition: V1 through the divider plus I1 into R1 || R2
        assertThat(r.text()).endsWith("<answer>V(2) = (I1*R1*R2 + R2*V1)/(R1 + R2)</answer>");
    }

    @Test
    void whatItCannotAnswerIsSkippedWithTheReason() throws Exception {
        assertThat(answer(item(QuestionType.SINGLE, "Which is larger?", "", "A")).skippedReason())
                .isEqualTo("kirchhoff-agent answers netlist analysis and design items; this is a single question");
        assertThat(answer(item(QuestionType.SYMBOLIC, "What is the transfer function from V1 to R2?", "", "x"))
                .skippedReason()).isEqualTo("the item gives its circuit only as an image; kirchhoff-agent reads netlists");
        assertThat(answer(item(QuestionType.SYMBOLIC, "What is the nodal analysis matrix of this circuit?",
                "V1 1 0 V1\nR1 1 0 R1\n", "x")).skippedReason())
                .isEqualTo("could not tell which quantity the question asks for");
        assertThat(answer(new EvalItem("design", "d1", QuestionType.DESIGN, "", "blink an LED", List.of(), "",
                List.of(), "", Map.of(), null)).skippedReason())
                .isEqualTo("no design pipeline was given to kirchhoff-agent");
    }

    @Test
    void aTransistorInASymbolicItemIsAnErrorNamingTheLine() {
        EvalItem bjt = item(QuestionType.SYMBOLIC, "What is the transfer function from V1 to RC?",
                "* common emitter\nV1 in 0 V1\nRB in b RB\nQ1 c b 0 npn\nRC c 0 RC\n", "x");
        assertThatThrownBy(() -> answer(bjt)).isInstanceOf(NetlistException.class).hasMessageStartingWith("line 4:");
    }

    @Test
    void withAFallbackModelTheAgentAnswersWhatItsToolsCanAndHandsOnTheRest() throws Exception {
        java.util.List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        dev.kirchhoff.eval.SystemUnderTest model = new dev.kirchhoff.eval.SystemUnderTest() {
            @Override
            public String name() {
                return "openai:test-model";
            }

            @Override
            public Response answer(EvalItem item, RenderedPrompt prompt) {
                asked.add(item.question());
                return Response.text("**B**");
            }
        };
        KirchhoffAgent combined = new KirchhoffAgent(Ngspice::locate, null, model);
        assertThat(combined.name()).isEqualTo("kirchhoff-agent+openai:test-model");
        EvalItem choice = item(QuestionType.SINGLE, "Which is larger?", "", "A");
        EvalItem transfer = item(QuestionType.SYMBOLIC, "What is the transfer function from V1 to C1 in this circuit?",
                "V1 1 0 V1\nR1 1 2 R1\nC1 2 0 C1\n", "1/(C1*R1*s + 1)");
        EvalItem bjt = item(QuestionType.SYMBOLIC, "What is the transfer function from V1 to RC?",
                "* common emitter\nV1 in 0 V1\nRB in b RB\nQ1 c b 0 npn\nRC c 0 RC\n", "x");
        RenderedPrompt none = new RenderedPrompt("test", "", "", List.of());
        assertThat(combined.answer(choice, none).text()).isEqualTo("**B**");
        assertThat(combined.answer(transfer, none).text()).endsWith("<answer>H(s) = 1/(C1*R1*s + 1)</answer>");
        assertThat(combined.answer(bjt, none).text()).isEqualTo("**B**");
        assertThat(asked).containsExactly("Which is larger?", "What is the transfer function from V1 to RC?");
    }

    static Path fixtures() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("eval-suites/fixtures"))) {
                return p.resolve("eval-suites/fixtures");
            }
            if (Files.isDirectory(p.resolve("fixtures/circuitsense"))) {
                return p.resolve("fixtures");
            }
        }
        throw new IllegalStateException("no eval-suites/fixtures above the working folder");
    }
}
