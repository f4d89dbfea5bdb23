package dev.kirchhoff.eval.score;

import dev.kirchhoff.agents.llm.stages.ScriptedChatModel;
import dev.kirchhoff.eval.QuestionType;
import dev.kirchhoff.eval.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScorersTest {

    @Test
    void eachTypeGetsItsScorer() {
        Scorers offline = Scorers.offline();
        assertThat(offline.forType(QuestionType.SINGLE)).isInstanceOf(ChoiceScorer.class);
        assertThat(offline.forType(QuestionType.MULTI)).isInstanceOf(MultiChoiceScorer.class);
        assertThat(offline.forType(QuestionType.BLANK)).isInstanceOf(BlankScorer.class);
        assertThat(offline.forType(QuestionType.NUMERIC)).isInstanceOf(NumericScorer.class);
        assertThat(offline.forType(QuestionType.SYMBOLIC)).isInstanceOf(SymbolicScorer.class);
        assertThat(offline.forType(QuestionType.OPEN)).isInstanceOf(SimilarityScorer.class);
        Scorers judged = new Scorers(new ScriptedChatModel(false), "j", null);
        assertThat(judged.forType(QuestionType.OPEN)).isInstanceOf(JudgeScorer.class);
    }

    @Test
    void scoringDispatchesOnTheItemsType() throws Exception {
        assertThat(Scorers.offline().score(Items.item(QuestionType.NUMERIC, "5 V"), Response.text("5.02 V")).method())
                .isEqualTo("numeric");
        assertThat(Scorers.offline().score(Items.item(QuestionType.SYMBOLIC, "R2/(R1+R2)"),
                Response.text("<answer>\\frac{R_2}{R_2+R_1}</answer>")).correct()).isTrue();
    }

    @Test
    void designItemsWithoutADesignScorerSayWhatToDo() {
        assertThatThrownBy(() -> Scorers.offline().forType(QuestionType.DESIGN))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DesignScorer");
    }
}
