package dev.kirchhoff.eval.suite;

import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.ItemSource;
import dev.kirchhoff.eval.LoadResult;
import dev.kirchhoff.eval.QuestionType;
import dev.kirchhoff.eval.RenderedPrompt;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvalPromptsTest {

    private final EvalPrompts prompts = new EvalPrompts();

    @Test
    void anMmCircuitEvalSingleItemWithAnImageGetsTheV1InstructionAndTheImageSentence() throws IOException {
        EvalItem item = item(new MmCircuitEvalLoader().load(Fixtures.path("mmcircuiteval")), "general/1#1");
        RenderedPrompt p = prompts.render(item);
        assertThat(p.templateId()).isEqualTo("mmcircuiteval/single.v1");
        assertThat(p.system()).isEmpty();
        assertThat(p.user()).isEqualTo("The figure shows a resistive voltage divider: R1 = 10 kΩ from VIN to VOUT and"
                + " R2 = 10 kΩ from VOUT to ground, with VIN = 12 V.\n"
                + "A 10 kΩ load is connected from VOUT to ground. VOUT becomes: (A) 6 V (B) 4 V (C) 3 V (D) 8 V\n"
                + "Answer this single-answer choice question in JSON format and return the JSON object only. The"
                + " response format should be: {\"answer\": `single choice among \"A\", \"B\", \"C\", and \"D\"`,"
                + " \"explanation\": `no more than 3 sentences to explain your thoughts to give the answer`}."
                + " You may refer to the provided images.");
        assertThat(p.images()).containsExactly(Fixtures.path("mmcircuiteval/images/divider.png"));
    }

    @Test
    void aTextOnlyItemHasNoImageSentenceAndV2AsksForAnswerParagraphs() throws IOException {
        EvalItem item = item(new MmCircuitEvalLoader().load(Fixtures.path("mmcircuiteval")), "general/0#1");
        assertThat(prompts.render(item).user()).isEqualTo(
                "Answer the following questions about decibels, resistor networks and circuit laws.\n"
                + "Two 10 kΩ resistors in parallel have an equivalent resistance of ____ kΩ.\n"
                + "Answer this fill-in-the-blank question in JSON format and return the JSON object only. The response"
                + " format should be: {\"answer\": `a word, phrase, or sentence`, \"explanation\": `no more than 3"
                + " sentences to explain your thoughts to give the answer`}.");
        RenderedPrompt v2 = new EvalPrompts("v2").render(item);
        assertThat(v2.templateId()).isEqualTo("mmcircuiteval/blank.v2");
        assertThat(v2.user()).endsWith("Answer this fill-in-the-blank question. The response should end with two"
                + " paragraphs: one paragraph titled \"### Answer ###\" with a word, phrase, or sentence to answer"
                + " this question, and another paragraph titled \"### Explanation ###\" with no more than 3 sentences"
                + " to explain your thoughts to give the answer.");
    }

    @Test
    void aCircuitSenseSymbolicItemAsksForTheExpressionInsideAnswerTags() throws IOException {
        EvalItem item = item(new CircuitSenseLoader().load(Fixtures.path("circuitsense")), "Passive/Level1/q2");
        RenderedPrompt p = prompts.render(item);
        assertThat(p.templateId()).isEqualTo("circuitsense/symbolic.v1");
        assertThat(p.user()).startsWith("Task: Derive the transfer function from V1 to C1.\n")
                .contains("End your response with the final expression alone inside <answer>...</answer>,\nwritten"
                        + " in sympy syntax");
        assertThat(p.images()).containsExactly(Fixtures.path("circuitsense/Passive/Level1/q2/q2_image.png"));
        RenderedPrompt numeric = prompts.render(item(new CircuitSenseLoader().load(Fixtures.path("circuitsense")),
                "Passive/Level1/q7"));
        assertThat(numeric.templateId()).isEqualTo("circuitsense/numeric.v1");
        assertThat(numeric.user()).startsWith("What is the voltage U0 across R3 (from node 2 to ground) in this"
                + " circuit?\n\nShow your working");
    }

    @Test
    void anAmsBenchItemGetsItsSystemMessageAndLetteredOptions() throws IOException {
        LoadResult r = new AmsBenchLoader().load(Fixtures.path("amsbench"));
        RenderedPrompt p = prompts.render(item(r, "amsbench/5"));
        assertThat(p.templateId()).isEqualTo("amsbench/single.v1");
        assertThat(p.system()).isEqualTo("Please answer according to the images, questions, and options provided.");
        assertThat(p.user()).isEqualTo("The ideal 3-bit DAC in the figure has a full-scale reference of 4 V. What is"
                + " the size of one LSB?\nA. 0.5 V\nB. 1 V\nC. 2 V\nD. 4 V\n"
                + "The final response format as“**<correct option letter>**”");
        assertThat(p.images()).containsExactly(Fixtures.path("amsbench/images/dac.png"));
        assertThat(prompts.render(item(r, "amsbench/3")).templateId()).isEqualTo("amsbench/multi.v1");
        RenderedPrompt open = prompts.render(item(r, "amsbench/7"));
        assertThat(open.templateId()).isEqualTo("amsbench/open.v1");
        assertThat(open.user()).startsWith("Name the circuit in the figure: two cross-coupled inverters that store"
                + " one bit.\n");
    }

    @Test
    void aDesignItemIsItsPrompt() {
        EvalItem item = new EvalItem("design", "uno-bme280", QuestionType.DESIGN, "", "Arduino Uno with a BME280",
                List.of(), "", List.of(), "", Map.of(), new ItemSource("x", 1));
        RenderedPrompt p = prompts.render(item);
        assertThat(p.templateId()).isEqualTo("design/design.v1");
        assertThat(p.user()).isEqualTo("Arduino Uno with a BME280");
    }

    @Test
    void aValueHoldingAPlaceholderIsNotFilledAgain() {
        EvalItem item = new EvalItem("mmcircuiteval", "x", QuestionType.OPEN, "Say {question} literally.", "Why?",
                List.of(), "", List.of(), "", Map.of(), null);
        assertThat(prompts.render(item).user()).startsWith("Say {question} literally.\nWhy?\n");
    }

    @Test
    void aMissingTemplateSaysWhichFileToAdd() {
        EvalItem item = new EvalItem("amsbench", "x", QuestionType.SYMBOLIC, "", "q", List.of(), "", List.of(), "",
                Map.of(), null);
        assertThatThrownBy(() -> prompts.render(item)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No prompt template prompts/eval/amsbench/symbolic.v1.md for symbolic items of amsbench;"
                        + " add one (see prompts/eval/README.md)");
        assertThatThrownBy(() -> new EvalPrompts("2")).hasMessageContaining("'version' must look like v1 or v2");
    }

    @Test
    void aTemplateFileMustNameItselfAndHaveAUserSection() {
        assertThatThrownBy(() -> PromptTemplate.parse("t.md", "[user]\nhi")).hasMessage(
                "t.md:1: a template starts with 'prompt: <suite>/<type>.v<n>'");
        assertThatThrownBy(() -> PromptTemplate.parse("t.md", "prompt: a/b.v1\n[system]\nhi")).hasMessage(
                "t.md: no [user] section; every template has one");
        assertThatThrownBy(() -> PromptTemplate.parse("t.md", "prompt: a/b.v1\nstray\n[user]\nhi")).hasMessage(
                "t.md:2: text before the first section; open it with [system] or [user]");
        PromptTemplate t = PromptTemplate.parse("t.md", "prompt: a/b.v1\n[system]\nS\n[user]\nU {question}\n");
        assertThat(t).isEqualTo(new PromptTemplate("a/b.v1", "S", "U {question}", ""));
    }

    @Test
    void everySuiteAndTypeTheLoadersProduceHasATemplate() {
        Map<String, List<QuestionType>> types = Map.of(
                "mmcircuiteval", List.of(QuestionType.SINGLE, QuestionType.MULTI, QuestionType.BLANK, QuestionType.OPEN),
                "circuitsense", List.of(QuestionType.SYMBOLIC, QuestionType.NUMERIC),
                "amsbench", List.of(QuestionType.SINGLE, QuestionType.MULTI, QuestionType.OPEN),
                "design", List.of(QuestionType.DESIGN));
        types.forEach((suite, list) -> list.forEach(t -> assertThat(prompts.template(suite, t.key()).id())
                .isEqualTo(suite + "/" + t.key() + ".v1")));
    }

    private static EvalItem item(LoadResult r, String id) {
        return r.items().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }
}
