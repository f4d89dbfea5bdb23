package dev.kirchhoff.eval.score;

import dev.kirchhoff.eval.QuestionType;
import dev.kirchhoff.eval.Response;
import dev.kirchhoff.eval.Score;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SimilarityScorerTest {

    private static final String REFERENCE = "The pull-down resistor keeps the gate from floating, so the MOSFET stays off.";

    private final SimilarityScorer scorer = new SimilarityScorer();

    private Score score(String answer) {
        return scorer.score(Items.item(QuestionType.OPEN, REFERENCE), Response.text(answer));
    }

    @Test
    void identicalIsOneAndUnofficial() {
        Score s = score(REFERENCE);
        assertThat(s.value()).isEqualTo(1.0);
        assertThat(s.correct()).isTrue();
        assertThat(s.official()).isFalse();
        assertThat(s.method()).isEqualTo("similarity (unofficial)");
    }

    @Test
    void caseAndPunctuationAndArticlesDoNotCount() {
        assertThat(score("pull down resistor keeps gate from floating so MOSFET stays off").value()).isEqualTo(1.0);
    }

    @Test
    void unrelatedIsLowAndWrong() {
        Score s = score("A crystal oscillator sets the clock frequency of a microcontroller.");
        assertThat(s.value()).isLessThan(0.1);
        assertThat(s.correct()).isFalse();
    }

    @Test
    void f1AndRougeLOnKnownWords() {
        List<String> got = List.of("gate", "stays", "off");
        List<String> want = List.of("mosfet", "gate", "stays", "off", "always");
        // overlap 3: precision 1, recall 3/5, F1 0.75; the LCS is also 3 words
        assertThat(SimilarityScorer.f1(got, want)).isCloseTo(0.75, within(1e-12));
        assertThat(SimilarityScorer.rougeL(got, want)).isCloseTo(0.75, within(1e-12));
        // order matters to ROUGE-L, not to F1: LCS of (off, stays, gate) with want is 1
        List<String> reversed = List.of("off", "stays", "gate");
        assertThat(SimilarityScorer.f1(reversed, want)).isCloseTo(0.75, within(1e-12));
        assertThat(SimilarityScorer.rougeL(reversed, want)).isCloseTo(2 * (1 / 3.0) * (1 / 5.0) / (1 / 3.0 + 1 / 5.0),
                within(1e-12));
    }
}
