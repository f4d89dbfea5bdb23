package dev.kirchhoff.eval.score;

import dev.kirchhoff.eval.QuestionType;
import dev.kirchhoff.eval.Response;
import dev.kirchhoff.eval.Score;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChoiceScorerTest {

    private static final List<String> OPTIONS = List.of("2.5 V", "5 V", "7.5 V", "10 V");

    private Score single(String reference, String answer) {
        return new ChoiceScorer().score(Items.item(QuestionType.SINGLE, "Vout?", OPTIONS, reference),
                Response.text(answer));
    }

    private Score multi(String reference, String answer) {
        return new MultiChoiceScorer().score(Items.item(QuestionType.MULTI, "Which?", OPTIONS, reference),
                Response.text(answer));
    }

    @Test
    void singleChoiceIsAnExactLetterMatch() {
        assertThat(single("B", "The answer is (B).")).isEqualTo(Score.right("choice",
                "answered B (answer marker), reference B"));
        assertThat(single("B", "**C**")).isEqualTo(Score.wrong("choice", "answered C (bold letter), reference B"));
        assertThat(single("B", "I am not sure.")).isEqualTo(Score.wrong("choice",
                "no option letter found in the answer; reference B"));
        // two letters for a single-choice item is wrong
        assertThat(single("B", "Answer: A, B").correct()).isFalse();
    }

    @Test
    void multiChoiceIsAnExactSetMatch() {
        assertThat(multi("A, C", "[\"C\",\"A\"]")).isEqualTo(Score.right("set",
                "answered A, C (lone letter), reference A, C"));
        assertThat(multi("AC", "Answer: A and C").correct()).isTrue();
        assertThat(multi("A, C", "Answer: A").correct()).isFalse();           // a subset
        assertThat(multi("A, C", "Answer: A, C, D").correct()).isFalse();     // a superset
    }

    @Test
    void aReferenceThatIsNoLetterIsBadInput() {
        assertThatThrownBy(() -> single("5 V", "B")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fixtures/test.jsonl:3").hasMessageContaining("'5 V'");
    }
}
