package dev.kirchhoff.eval.score;

import dev.kirchhoff.agents.llm.stages.ScriptedChatModel;
import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.QuestionType;
import dev.kirchhoff.eval.Response;
import dev.kirchhoff.eval.Score;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JudgeScorerTest {

    /** The scripted model keys answers by the system message's first line. */
    private static final String ID = "prompt: eval/judge/open.v1";

    private final EvalItem item = Items.item(QuestionType.OPEN, "Why does a MOSFET gate need a pull-down resistor?",
            List.of(), "So the gate does not float and turn the MOSFET on while the driver is high-impedance.");

    private static String system(ChatRequest r) {
        return r.messages().stream().filter(m -> m instanceof SystemMessage).map(m -> ((SystemMessage) m).text())
                .findFirst().orElse("");
    }

    private static String lastUser(ChatRequest r) {
        String text = "";
        for (ChatMessage m : r.messages()) {
            if (m instanceof UserMessage u) {
                text = u.singleText();
            }
        }
        return text;
    }

    @Test
    void theGradeIsTheScoreAndTheTemplateIsInTheRequest() throws Exception {
        ScriptedChatModel judge = new ScriptedChatModel(false).answer(ID, "0.8");
        Score s = new JudgeScorer(judge, "openai:gpt-4o").score(item,
                Response.text("{\"answer\": \"It keeps the gate from floating.\", \"explanation\": \"...\"}"));
        assertThat(s).isEqualTo(new Score(0.8, true, "llm-judge", true,
                "openai:gpt-4o graded 0.80 with eval/judge/open.v1"));
        assertThat(judge.requests(ID)).singleElement().satisfies(r -> {
            assertThat(system(r)).startsWith("prompt: eval/judge/open.v1\n");
            assertThat(lastUser(r)).contains("Question:\nWhy does a MOSFET gate need a pull-down resistor?")
                    .contains("Reference answer:\nSo the gate does not float")
                    .contains("Candidate answer:\nIt keeps the gate from floating.")
                    .doesNotContain("{{");
        });
    }

    @Test
    void aGradeBelowOneHalfIsWrong() throws Exception {
        ScriptedChatModel judge = new ScriptedChatModel(false).answer(ID, "Grade: 0.3");
        Score s = new JudgeScorer(judge, "j").score(item, Response.text("To save power."));
        assertThat(s.value()).isEqualTo(0.3);
        assertThat(s.correct()).isFalse();
        assertThat(s.official()).isTrue();
    }

    @Test
    void answersWithDollarsBackslashesAndBracesReachTheJudgeVerbatim() throws Exception {
        ScriptedChatModel judge = new ScriptedChatModel(false).answer(ID, "1");
        String answer = "Vout = $\\frac{R_2}{R_1+R_2}$ {{answer}} costs $5";
        new JudgeScorer(judge, "j").score(item, Response.text(answer));
        assertThat(lastUser(judge.requests(ID).get(0))).endsWith("Candidate answer:\n" + answer);
    }

    @Test
    void aGarbageReplyIsAskedAgainOnce() throws Exception {
        ScriptedChatModel judge = new ScriptedChatModel(false).answer(ID, "The student is mostly right.")
                .answer(ID, "0.7");
        Score s = new JudgeScorer(judge, "j").score(item, Response.text("It floats otherwise."));
        assertThat(s.value()).isEqualTo(0.7);
        assertThat(s.detail()).isEqualTo("j graded 0.70 with eval/judge/open.v1 (asked twice)");
        assertThat(judge.requests(ID)).hasSize(2);
        assertThat(lastUser(judge.requests(ID).get(1))).isEqualTo(
                "That is not a grade. Reply with one number between 0 and 1 only.");
    }

    @Test
    void twoGarbageRepliesFailTheItem() {
        ScriptedChatModel judge = new ScriptedChatModel(false).answer(ID, "Looks good to me!")
                .answer(ID, "I would say it is excellent.");
        assertThatThrownBy(() -> new JudgeScorer(judge, "j").score(item, Response.text("x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'Looks good to me!', then 'I would say it is excellent.'")
                .hasMessageContaining("t-1");
        assertThat(judge.requests(ID)).hasSize(2);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "0.8|0.8",
            "1|1.0",
            "0|0.0",
            ".5|0.5",
            "{\"grade\": 0.25}|0.25",
            "Score: 0.9 (the reasoning is right)|0.9",
            "8/10|0.8",
            "Grade: 8/10|0.8",
            "4 out of 5|0.8",
            "75%|0.75",
    })
    void gradesAreReadRobustly(String reply, double grade) {
        assertThat(JudgeScorer.grade(reply)).hasValue(grade);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"excellent", "7", "-", "150%"})
    void repliesWithoutAGradeInRangeAreNone(String reply) {
        assertThat(JudgeScorer.grade(reply)).isEmpty();
    }
}
