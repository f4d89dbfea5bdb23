package dev.kirchhoff.eval.score;

import dev.kirchhoff.eval.QuestionType;
import dev.kirchhoff.eval.Response;
import dev.kirchhoff.eval.Score;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BlankScorerTest {

    private final BlankScorer scorer = new BlankScorer();

    private Score score(String reference, String answer) {
        return scorer.score(Items.item(QuestionType.BLANK, reference), Response.text(answer));
    }

    @Test
    void textIsComparedNormalised() {
        Score s = score("D flip-flop", "{\"answer\": \"a D Flip Flop.\", \"explanation\": \"it stores one bit\"}");
        assertThat(s).isEqualTo(Score.right("exact",
                "answered 'd flip flop' (JSON answer field), reference 'd flip flop'"));
        assertThat(score("setup time", "### Answer ###\nThe setup time\n### Explanation ###\n...").correct()).isTrue();
        assertThat(score("setup time", "hold time").correct()).isFalse();
    }

    @Test
    void numbersWithUnitsAreComparedAsValues() {
        Score s = score("4.7 kΩ", "4700 ohms");
        assertThat(s.correct()).as(s.detail()).isTrue();
        assertThat(s.method()).isEqualTo("numeric");
        assertThat(score("10 mA", "0.0105 A").correct()).isFalse();
        assertThat(score("10 mA", "10 V").detail()).contains("contradicts");
    }

    @Test
    void aLoneLetterIsAnAnswerNotAnArticle() {
        // "The push-pull stage biased at the crossover is class ____." reference "AB"; "the output is class A"
        assertThat(score("A", "{\"answer\": \"A\"}")).isEqualTo(Score.right("exact",
                "answered 'a' (JSON answer field), reference 'a'"));
        assertThat(score("A", "B").correct()).isFalse();
        assertThat(score("AB", "class AB").correct()).isFalse();
    }
}
