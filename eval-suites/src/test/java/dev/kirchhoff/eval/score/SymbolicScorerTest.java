package dev.kirchhoff.eval.score;

import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.QuestionType;
import dev.kirchhoff.eval.Response;
import dev.kirchhoff.eval.Score;
import dev.kirchhoff.eval.symbolic.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SymbolicScorerTest {

    private final SymbolicScorer scorer = new SymbolicScorer();

    private Score score(String reference, String answer) {
        EvalItem item = Items.item(QuestionType.SYMBOLIC, reference);
        return scorer.score(item, Response.text("<think>nodal analysis</think>\n<answer>H(s) = " + answer + "</answer>"));
    }

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(delimiter = '|', value = {
            // expanded vs factored
            "(R1 + R2)*(s*C1*R1 + 1)/(R2*R1)|(s*C1*R1**2 + s*C1*R1*R2 + R1 + R2)/(R1*R2)",
            // numerator and denominator multiplied by a common factor
            "R2/(R1 + R2)|R2*(R1 + R2)/(R1**2 + 2*R1*R2 + R2**2)",
            "1/(1 + s*C1*R1) + 0*R2|(R1 + R2)/((R1 + R2)*(1 + s*C1*R1))",
            // negated (the opposite sign convention)
            "-R2/R1|R2/R1",
            "R2/R1/(1 + s*C1*R2)|-(R2/R1)/(1 + s*C1*R2)",
            // LaTeX against sympy
            "R2/(R1 + R2)|\\frac{R_2}{R_1+R_2}",
            "R2/(R1 + R2)|\\dfrac{R_{2}}{\\left(R_{1} + R_{2}\\right)}",
            // term order and implicit multiplication
            "1/(1 + s*C1*R1)|1/(C1*R1*s+1)",
            "1/(1 + s*C1*R1)|\\frac{1}{1 + sC_1R_1}",
            // second order, two forms
            "1/(s**2*L1*C1 + s*R1*C1 + 1)|\\frac{1/(L_1 C_1)}{s^2 + s\\frac{R_1}{L_1} + \\frac{1}{L_1 C_1}}",
            // a finite-gain op-amp written two ways
            "-Ad*R2/(R2 + R1*(1 + Ad))|-(Ad R2)/(R1 Ad + R1 + R2)",
            "gm*R1/(1 + gm*R2)|\\frac{g_m R_1}{1 + g_m R_2}",
    })
    void acceptsEquivalentForms(String reference, String answer) {
        Score s = score(reference, answer);
        assertThat(s.correct()).as(s.detail()).isTrue();
        assertThat(s.method()).isEqualTo("symbolic");
        assertThat(s.value()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '|', value = {
            // a missing term
            "1/(s**2*L1*C1 + s*R1*C1 + 1)|1/(s**2*L1*C1 + 1)",
            "(R1 + R2 + R3)/R3|(R1 + R2)/R3",
            // R1 and R2 swapped in a divider
            "R2/(R1 + R2)|R1/(R1 + R2)",
            // an extra factor of 2
            "R2/(R1 + R2)|2*R2/(R1 + R2)",
            // a power off by one
            "1/(1 + s*C1*R1)**2|1/(1 + s*C1*R1)",
            "1/(s**2*L1*C1 + s*R1*C1 + 1)|1/(s**3*L1*C1 + s*R1*C1 + 1)",
            // a wrong symbol: R1 where the second RC stage has R2
            "1/((1 + s*C1*R1)*(1 + s*C2*R2))|1/((1 + s*C1*R1)*(1 + s*C2*R1))",
            // 0.6 % off everywhere
            "R2/(R1 + R2)|1.006*R2/(R1 + R2)",
    })
    void rejectsNearMisses(String reference, String answer) {
        Score s = score(reference, answer);
        assertThat(s.correct()).as(s.detail()).isFalse();
        assertThat(s.value()).isZero();
    }

    @Test
    void detailSaysHowManyPointsAgreed() {
        assertThat(score("R2/(R1 + R2)", "R2/(R1+R2)").detail()).startsWith("36 of 36 points agree;");
        assertThat(score("-R2/R1", "R2/R1").detail()).startsWith("36 of 36 points agree (with the sign flipped)");
        // the seed is fixed, so the counts are too
        assertThat(score("R2/(R1 + R2)", "R1/(R1 + R2)").detail()).startsWith("1 of 36 points agree;");
        assertThat(score("1/(s**2*L1*C1 + s*R1*C1 + 1)", "1/(s**2*L1*C1 + 1)").detail())
                .startsWith("16 of 36 points agree;");
    }

    @Test
    void theRelativeToleranceIsHalfAPercent() {
        assertThat(score("R2/(R1 + R2)", "1.004*R2/(R1 + R2)").correct()).isTrue();
        assertThat(score("R2/(R1 + R2)", "1.006*R2/(R1 + R2)").correct()).isFalse();
    }

    @Test
    void aSymbolTheReferenceLacksIsNamed() {
        Score s = score("1/(1 + s*C1*R1)", "1/(1 + s*C1*R3)");
        assertThat(s.correct()).isFalse();
        assertThat(s.detail()).isEqualTo("the answer '1/(1 + s*C1*R3)' uses R3, which the reference does not have");
    }

    @Test
    void acceptsACircuitSenseReferenceInItsOwnStyle() {
        // the shape of CircuitSense's qN_ta.txt: an expanded rational function of s with a trailing *1
        String reference = "((R4*(-R1*R2 - R1*R3)/(L1*(R1*R2 + R1*R3 + R2*R3)))/(s + (R1*R2*R4 + R1*R3*R4 + R2*R3*R4"
                + " + R1*R2*R3)/(L1*(R1*R2 + R1*R3 + R2*R3))))*1";
        // the same function, factored by hand: -R4 R1 (R2 + R3) / (s L1 P + R4 P + R1 R2 R3), P = R1R2+R1R3+R2R3
        String answer = "\\frac{-R_4 R_1 (R_2 + R_3)}{s L_1 (R_1 R_2 + R_1 R_3 + R_2 R_3) + R_4 (R_1 R_2 + R_1 R_3 "
                + "+ R_2 R_3) + R_1 R_2 R_3}";
        assertThat(score(reference, answer).correct()).isTrue();
        // and the sign-flipped, R2/R3-swapped version of the same is still equivalent (symmetric in R2, R3)
        assertThat(score(reference, answer.replace("-R_4", "R_4")).correct()).isTrue();
        // but dropping the R1 R2 R3 term is not
        assertThat(score(reference, answer.replace(" + R_1 R_2 R_3}", "}")).correct()).isFalse();
    }

    @Test
    void pointsWhereTheReferenceIsNotFiniteAreDropped() {
        // 1/(R1 - R1) is infinite everywhere: nothing to compare, wrong with that reason
        assertThat(score("1/(R1 - R1)", "R1").detail()).isEqualTo("the reference is not finite at any of the 36 points");
    }

    @Test
    void anUnreadableAnswerIsWrongAndAnUnreadableReferenceIsBadInput() {
        Score s = score("R2/(R1 + R2)", "R2/(R1 + ");
        assertThat(s.correct()).isFalse();
        assertThat(s.detail()).contains("could not be read").contains("position 8");
        assertThatThrownBy(() -> score("R2/(R1 +", "R2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fixtures/test.jsonl:3");
    }

    @Test
    void noAnswerFound() {
        assertThat(scorer.score(Items.item(QuestionType.SYMBOLIC, "R1"), Response.text("I don't know")).detail())
                .startsWith("no expression found");
    }

    @Test
    void samplesAreReproducibleAndInRange() {
        Complex[] r = SymbolicScorer.samples("R1");
        assertThat(SymbolicScorer.samples("R1")).containsExactly(r);
        assertThat(r).allSatisfy(v -> assertThat(v.re()).isBetween(1.0, 1e3));
        assertThat(SymbolicScorer.samples("C3")).allSatisfy(v -> assertThat(v.re()).isBetween(1e-9, 1e-6));
        assertThat(SymbolicScorer.samples("L2")).allSatisfy(v -> assertThat(v.re()).isBetween(1e-6, 1e-3));
        assertThat(SymbolicScorer.samples("gm")).allSatisfy(v -> assertThat(v.re()).isBetween(1e-3, 1.0));
        assertThat(SymbolicScorer.samples("Ad")).allSatisfy(v -> assertThat(v.re()).isBetween(1.0, 100.0));
        Complex[] s = SymbolicScorer.samples("s");
        assertThat(s[0]).isEqualTo(new Complex(0, 2 * Math.PI * 100));
        assertThat(s[3].re()).isPositive();
        assertThat(s[35].im()).isCloseTo(2 * Math.PI * 1e8, org.assertj.core.api.Assertions.within(1.0));
    }
}
