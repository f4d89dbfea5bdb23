package dev.kirchhoff.eval.score;

import dev.kirchhoff.eval.QuestionType;
import dev.kirchhoff.eval.Response;
import dev.kirchhoff.eval.Score;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NumericScorerTest {

    private final NumericScorer scorer = new NumericScorer();

    private Score score(String reference, String answer) {
        return scorer.score(Items.item(QuestionType.NUMERIC, reference), Response.text(answer));
    }

    @ParameterizedTest(name = "{1} for {0}")
    @CsvSource(delimiter = '|', value = {
            "5 W|The resistor dissipates 5 W.",
            "4.7 kΩ|R2 = 4.7 kΩ",
            "4700 Ω|4.7k",
            "0.01 A|10mA",
            "10 mA|{\"answer\": \"0.01 A\", \"explanation\": \"I = V/R\"}",
            "-6 dB|The gain at the corner is about -6 dB",
            "1.5 kHz|1.5e3 Hz",
            "2.2 µF|### Answer ###\\n2.2uF\\n### Explanation ###\\nC = 1/(2 pi f R)",
            "1 MΩ|1000 kΩ",
            "3.3 V|V = 10 * 3.3/10 = 3.3 V",
    })
    void acceptsTheSameValueInAnyNotation(String reference, String answer) {
        Score s = score(reference, answer.replace("\\n", "\n"));
        assertThat(s.correct()).as(s.detail()).isTrue();
        assertThat(s.method()).isEqualTo("numeric");
    }

    @Test
    void toleranceEdges() {
        assertThat(score("100 Ω", "100.9 Ω").correct()).isTrue();    // 0.9 % off
        assertThat(score("100 Ω", "99.1 Ω").correct()).isTrue();
        assertThat(score("100 Ω", "101.1 Ω").correct()).isFalse();   // 1.1 % off
        assertThat(score("100 Ω", "98.9 Ω").correct()).isFalse();
        assertThat(score("2.2 µF", "2.22 µF").correct()).isTrue();
        assertThat(score("2.2 µF", "2.2 nF").correct()).isFalse();   // a prefix off by 1000
        assertThat(new NumericScorer(0.05, 0).score(Items.item(QuestionType.NUMERIC, "100 Ω"),
                Response.text("104 Ω")).correct()).isTrue();         // a configured 5 %
    }

    @Test
    void aUnitThatContradictsTheReferenceIsWrongWithThatReason() {
        Score s = score("5 V", "5 A");
        assertThat(s.correct()).isFalse();
        assertThat(s.detail()).isEqualTo("answered 5 A: its unit A contradicts the reference's V (5 V)");
    }

    @Test
    void theQuantityInTheReferencesUnitIsPickedAmongSeveral() {
        // the answer mentions the supply voltage first and the current last
        assertThat(score("2 mA", "With 10 V across 5 kΩ, I = 2 mA.").correct()).isTrue();
        // a bare number is taken in the reference's unit
        assertThat(score("2 mA", "0.002").correct()).isTrue();
    }

    @Test
    void detailShowsBothValuesAndTheError() {
        assertThat(score("4.7 kΩ", "4.75k").detail())
                .isEqualTo("answered 4.75k (4750), reference 4.7 kΩ (4700 Ω): off by 1.06 %, tolerance 1 %");
    }

    @Test
    void noNumberAndABadReference() {
        assertThat(score("5 W", "five watts").detail()).isEqualTo("no number in the answer; reference 5 W");
        assertThatThrownBy(() -> score("about 5 W", "5 W")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fixtures/test.jsonl:3").hasMessageContaining("'4.7 kΩ'");
    }
}
