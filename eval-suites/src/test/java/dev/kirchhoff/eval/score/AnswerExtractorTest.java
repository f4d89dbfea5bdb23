package dev.kirchhoff.eval.score;

import dev.kirchhoff.eval.score.AnswerExtractor.Place;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerExtractorTest {

    private static String single(String response) {
        return AnswerExtractor.letters(response, 4).letters();
    }

    @Test
    void singleLetterInEveryFormat() {
        assertThat(single("**B**")).isEqualTo("B");
        assertThat(single("Answer: B")).isEqualTo("B");
        assertThat(single("The answer is (B).")).isEqualTo("B");
        assertThat(single("{\"answer\":\"B\",\"explanation\":\"The divider halves 10 V.\"}")).isEqualTo("B");
        assertThat(single("Here you go:\n```json\n{\"answer\": \"B\", \"explanation\": \"x\"}\n```\n")).isEqualTo("B");
        assertThat(single("Some reasoning.\n### Answer ###\nB\n\n### Explanation ###\nA divider halves it."))
                .isEqualTo("B");
        assertThat(single("B) 5 V")).isEqualTo("B");
        assertThat(single("B")).isEqualTo("B");
        assertThat(single("(C)")).isEqualTo("C");
        assertThat(single("D. Because the current doubles, the power quadruples.")).isEqualTo("D");
        assertThat(single("Final answer: B is correct since P = V^2/R.")).isEqualTo("B");
        assertThat(single("answer: c")).isEqualTo("C");
        assertThat(single("The correct answer is **B**.")).isEqualTo("B");
        assertThat(single("**Answer:** D")).isEqualTo("D");
        assertThat(single("I think the answer is B because the load halves.")).isEqualTo("B");
        assertThat(single("Option A is tempting, but option C is correct.")).isEqualTo("C");
        assertThat(single("{\"answer\": \"B\"} and then \\frac{1}{2} in prose")).isEqualTo("B");
    }

    @Test
    void multipleLettersInEveryFormat() {
        assertThat(AnswerExtractor.letters("A, C", 4).letters()).isEqualTo("AC");
        assertThat(AnswerExtractor.letters("AC", 4).letters()).isEqualTo("AC");
        assertThat(AnswerExtractor.letters("[\"A\",\"C\"]", 4).letters()).isEqualTo("AC");
        assertThat(AnswerExtractor.letters("A and C", 4).letters()).isEqualTo("AC");
        assertThat(AnswerExtractor.letters("The answers are A and C.", 4).letters()).isEqualTo("AC");
        assertThat(AnswerExtractor.letters("Answer: (A) and (C)", 4).letters()).isEqualTo("AC");
        assertThat(AnswerExtractor.letters("{\"answer\": [\"C\", \"A\"]}", 4).letters()).isEqualTo("AC");
        assertThat(AnswerExtractor.letters("{\"answer\": \"A, B, D\", \"explanation\": \"...\"}", 4).letters())
                .isEqualTo("ABD");
        assertThat(AnswerExtractor.letters("### Answer ###\nB, D\n### Explanation ###\n...", 4).letters())
                .isEqualTo("BD");
    }

    @Test
    void theArticleAIsNotAnAnswerWhenAMarkerNamesAnotherLetter() {
        AnswerExtractor.Letters l = AnswerExtractor.letters(
                "A resistor is a passive element that converts energy into heat. A capacitor stores it.\nAnswer: C", 4);
        assertThat(l.letters()).isEqualTo("C");
        assertThat(l.place()).isEqualTo(Place.MARKER);
        // and without any marker the article is not taken for an answer
        assertThat(AnswerExtractor.letters("A resistor limits the current.", 4).found()).isFalse();
    }

    @Test
    void precedenceIsJsonThenSectionThenMarkerThenBoldThenLoneLetter() {
        assertThat(AnswerExtractor.letters("**A**\nAnswer: B\n### Answer ###\nC\n{\"answer\": \"D\"}", 4))
                .isEqualTo(new AnswerExtractor.Letters("D", Place.JSON));
        assertThat(AnswerExtractor.letters("**A**\nAnswer: B\n### Answer ###\nC", 4))
                .isEqualTo(new AnswerExtractor.Letters("C", Place.ANSWER_SECTION));
        assertThat(AnswerExtractor.letters("**A** looks tempting.\nAnswer: B", 4))
                .isEqualTo(new AnswerExtractor.Letters("B", Place.MARKER));
        assertThat(AnswerExtractor.letters("Between the two, I pick **D** because it is larger.", 4))
                .isEqualTo(new AnswerExtractor.Letters("D", Place.BOLD));
        assertThat(AnswerExtractor.letters("Reasoning first.\nC) 5 V\nthat is all", 4))
                .isEqualTo(new AnswerExtractor.Letters("C", Place.LONE_LETTER));
    }

    @Test
    void lettersBeyondTheOptionsAreNotAnswers() {
        assertThat(AnswerExtractor.letters("E", 4).found()).isFalse();
        assertThat(AnswerExtractor.letters("E", 5).letters()).isEqualTo("E");
    }

    @Test
    void textAnswerComesFromJsonThenSectionThenWholeText() {
        assertThat(AnswerExtractor.text("{\"answer\": \"flip-flop\", \"explanation\": \"stores a bit\"}"))
                .isEqualTo(new AnswerExtractor.Extracted("flip-flop", Place.JSON));
        assertThat(AnswerExtractor.text("### Answer ###\nSetup time.\n\n### Explanation ###\nbecause"))
                .isEqualTo(new AnswerExtractor.Extracted("Setup time.", Place.ANSWER_SECTION));
        assertThat(AnswerExtractor.text("  Setup time  \n"))
                .isEqualTo(new AnswerExtractor.Extracted("Setup time", Place.WHOLE_TEXT));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<think>V = ...</think><answer>H(s) = R2/(R1 + R2)</answer>|R2/(R1 + R2)|ANSWER_TAG",
            "<answer>first = 1</answer> then <answer>H(s) = V_out/V_in = \\frac{1}{1+sCR}</answer>|\\frac{1}{1+sCR}|ANSWER_TAG",
            "so the result is $\\boxed{H(s) = \\frac{R_2}{R_1+R_2}}$.|\\frac{R_2}{R_1+R_2}|BOXED",
            "We get $$H(s) = \\frac{1}{s C_1 R_1 + 1}$$ as required.|\\frac{1}{s C_1 R_1 + 1}|DISPLAY_MATH",
            "Step 1: KCL.\\nH(s) = 1/(1 + s*C1*R1).\\nDone|1/(1 + s*C1*R1)|LINE_WITH_EQUALS",
    })
    void symbolicAnswerTheCircuitSenseWay(String response, String expected, Place place) {
        assertThat(AnswerExtractor.symbolic(response.replace("\\n", "\n")))
                .isEqualTo(new AnswerExtractor.Extracted(expected, place));
    }

    @Test
    void noSymbolicAnswerIsNothing() {
        assertThat(AnswerExtractor.symbolic("I cannot derive it.").found()).isFalse();
    }
}
