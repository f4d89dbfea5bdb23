package dev.kirchhoff.eval.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kirchhoff.agents.llm.LlmClient;
import dev.kirchhoff.agents.llm.stages.ScriptedChatModel;
import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.ItemSource;
import dev.kirchhoff.eval.QuestionType;
import dev.kirchhoff.eval.RenderedPrompt;
import dev.kirchhoff.eval.Response;
import dev.kirchhoff.validation.simulation.Ngspice;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** kirchhoff-agent+MODEL: the model only says which quantity is asked, among the circuit's own names. */
class ModelQuestionReaderTest {
    private static final String FIRST_LINE = "prompt: " + ModelQuestionReader.TEMPLATE;
    private static final String RC = "V1 1 0 V1\nR1 1 2 R1\nC1 2 0 C1\n";
    /** No pattern of QuestionReader reads this: it names neither the source nor a node nor "transfer function". */
    private static final String VAGUE = "How does the capacitor's voltage depend on the source in the Laplace domain?";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EvalItem item(String question) {
        return new EvalItem("circuitsense", "x/q1", QuestionType.SYMBOLIC, "", question, List.of(), "", List.of(), RC,
                Map.of(), new ItemSource("test", 1));
    }

    private static JsonNode schema(ChatRequest r) {
        return JSON.valueToTree(JsonSchemaElementUtils.toMap(r.responseFormat().jsonSchema().rootElement()));
    }

    private static List<String> enumOf(JsonNode schema, String property) {
        List<String> out = new ArrayList<>();
        schema.at("/properties/" + property + "/enum").forEach(v -> out.add(v.asText()));
        return out;
    }

    @Test
    void theModelNamesTheQuantityAndTheSolverAnswersIt() throws Exception {
        assertThat(QuestionReader.read(VAGUE, NetlistNames.of(RC))).isEmpty();
        ScriptedChatModel model = new ScriptedChatModel(true).answer(FIRST_LINE,
                "{\"kind\": \"transfer\", \"input\": \"V1\", \"output\": \"C1\", \"hertz\": 0, \"decibels\": false}");
        KirchhoffAgent agent = new KirchhoffAgent(Ngspice::locate, null, null, new LlmClient(model, "scripted"));
        Response r = agent.answer(item(VAGUE), new RenderedPrompt("t", "", VAGUE, List.of()));
        assertThat(r.text()).endsWith("<answer>H(s) = 1/(C1*R1*s + 1)</answer>");

        ChatRequest request = model.requests().get(0);
        String system = ((SystemMessage) request.messages().get(0)).text();
        assertThat(system).startsWith(FIRST_LINE).contains("R1 1 2 R1\nC1 2 0 C1");
        assertThat(((UserMessage) request.messages().get(1)).singleText()).isEqualTo("Question:\n" + VAGUE);
        // grammar-guided: only this circuit's names can be chosen
        JsonNode schema = schema(request);
        assertThat(enumOf(schema, "input")).containsExactly("V1", "none");
        assertThat(enumOf(schema, "output")).containsExactly("V1", "R1", "C1", "1", "0", "2", "none");
        assertThat(enumOf(schema, "kind")).contains("transfer", "node_voltage", "current", "gain", "none");
    }

    @Test
    void aQuestionTheModelSaysIsNotAboutAQuantityIsSkipped() throws Exception {
        ScriptedChatModel model = new ScriptedChatModel(true).answer(FIRST_LINE,
                "{\"kind\": \"none\", \"input\": \"none\", \"output\": \"none\", \"hertz\": 0, \"decibels\": false}");
        KirchhoffAgent agent = new KirchhoffAgent(Ngspice::locate, null, null, new LlmClient(model, "scripted"));
        String q = "Which filter topology is this?";
        assertThat(agent.answer(item(q), new RenderedPrompt("t", "", q, List.of())).skippedReason())
                .isEqualTo("could not tell which quantity the question asks for");
    }

    @Test
    void aTransferWithoutItsInputGoesBackToTheModelOnce() throws Exception {
        ScriptedChatModel model = new ScriptedChatModel(true)
                .answer(FIRST_LINE, "{\"kind\": \"transfer\", \"input\": \"none\", \"output\": \"2\", \"hertz\": 0, "
                        + "\"decibels\": false}")
                .answer(FIRST_LINE, "{\"kind\": \"transfer\", \"input\": \"V1\", \"output\": \"2\", \"hertz\": 0, "
                        + "\"decibels\": false}");
        KirchhoffAgent agent = new KirchhoffAgent(Ngspice::locate, null, null, new LlmClient(model, "scripted"));
        Response r = agent.answer(item(VAGUE), new RenderedPrompt("t", "", VAGUE, List.of()));
        assertThat(r.text()).endsWith("<answer>H(s) = 1/(C1*R1*s + 1)</answer>");
        assertThat(model.requests()).hasSize(2);
        assertThat(model.requests().get(1).messages().toString()).contains("A transfer needs its input source: one of "
                + "[V1].");
    }

    @Test
    void aQuestionThePatternsReadNeverReachesTheModel() throws Exception {
        ScriptedChatModel model = new ScriptedChatModel(true);
        KirchhoffAgent agent = new KirchhoffAgent(Ngspice::locate, null, null, new LlmClient(model, "scripted"));
        String q = "What is the transfer function from V1 to C1 in this circuit?";
        assertThat(agent.answer(item(q), new RenderedPrompt("t", "", q, List.of())).text())
                .endsWith("<answer>H(s) = 1/(C1*R1*s + 1)</answer>");
        assertThat(model.requests()).isEmpty();
    }
}
