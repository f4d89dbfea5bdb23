package dev.kirchhoff.eval;

import dev.kirchhoff.eval.e2e.E2e;
import dev.kirchhoff.eval.e2e.Expect;
import dev.kirchhoff.eval.report.Summary;
import dev.kirchhoff.eval.run.Evaluation;
import dev.kirchhoff.eval.run.ImagePolicy;
import dev.kirchhoff.eval.run.RunOutcome;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.kirchhoff.eval.e2e.Expect.error;
import static dev.kirchhoff.eval.e2e.Expect.right;
import static dev.kirchhoff.eval.e2e.Expect.similarity;
import static dev.kirchhoff.eval.e2e.Expect.skipped;
import static dev.kirchhoff.eval.e2e.Expect.wrong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * MMCircuitEval end to end on the team's fixture (24 sub-questions in general.jsonl, spec.json, frontend_test.json):
 * the scripted model answers from {@code e2e/mmcircuiteval-answers.json}, and every result, the summary, the reports,
 * resume and the exact requests are checked.
 */
class EndToEndMmCircuitEvalTest {

    private static final String SUITE = "mmcircuiteval";
    private static final Path INPUT = E2e.FIXTURES.resolve(SUITE);
    private static final String BOOK = "mmcircuiteval-answers.json";

    /** One row per sub-question; the comment says what the answer book's response is and why it scores so. */
    static final List<Expect> TABLE = List.of(
            right("general/0#0", "choice"),      // official JSON {"answer": "B"}: 20 dB is a ratio of 10
            right("general/0#1", "numeric"),     // JSON "5" for "____ kΩ", reference 5
            similarity("general/0#2", 16.0 / 17), // KCL, 16 words all in the 18-word reference in order: F1 = LCS-F = 32/34
            right("general/1#0", "numeric"),     // "6 V" against the unitless reference 6: same number, no unit clash
            wrong("general/1#1", "choice"),      // JSON "A" (6 V): the model ignored the 10 kΩ load, reference B (4 V)
            right("general/1#2", "set"),         // prose ending "Answer: A, B", reference "A, B"
            right("general/2#0", "numeric"),     // "1.6" for 1.59 kHz: 0.63 % off, within the 1 % tolerance
            right("general/2#1", "choice"),      // reasoning then **A** (bold letter)
            // phase lag in other words: 8 of 25 words shared with the 32-word reference (F1 16/57), LCS 7 (14/57);
            // mean 30/114 = 5/19, below 0.5 although a human would accept it: why similarity is unofficial
            similarity("general/2#2", 5.0 / 19),
            right("general/3#0", "choice"),      // "The correct option is (B)." (answer marker)
            wrong("general/3#1", "set"),         // JSON array ["A", "B", "D"]: a superset of A, B is wrong
            wrong("general/3#2", "numeric"),     // "0.5": took P as proportional to V, reference 0.25
            right("general/4#0", "numeric"),     // v2-style "### Answer ###" paragraph "1" to a v1 prompt
            error("general/4#1", "LlmException", 2), // HTTP 503 (SERVER_ERROR) on both calls: one retry, then error
            right("spec/0#0", "choice"),         // ```json fenced block with "B"
            right("spec/0#1", "numeric"),        // "3.5 W" against 3.5: W has no prefix, same number
            similarity("spec/0#2", 40.0 / 43),   // 22 words, 20 shared in order with the 21-word reference: 40/43
            wrong("spec/1#0", "numeric"),        // "0.01" mA: off by a factor of ten, reference 0.1
            wrong("spec/1#1", "choice"),         // JSON "D" (E, C, B), reference A (E, B, C)
            right("spec/2#0", "numeric"),        // "6.857" for 6.86 kHz: 0.044 % off
            right("spec/2#1", "numeric"),        // "52.4 %" against 52.4 (% takes no prefix)
            wrong("spec/2#2", "set"),            // "The final answer is A, C": a subset of A, B, C is wrong
            right("frontend/fe-001#0", "choice"), // single-quoted JSON with a trailing comma, read leniently: A
            wrong("frontend/fe-001#1", "exact")); // "two" for 2: exact match of normalised text, as the method says

    @TempDir
    Path dir;

    @Test
    void everyItemIsScoredAsTheTableSaysAndTheSummaryCountsThem() throws Exception {
        E2e.Setup setup = E2e.setup(SUITE, INPUT, BOOK);
        Path run = dir.resolve("run");

        Evaluation.Outcome outcome = E2e.run(setup, ImagePolicy.YES, E2e.options(), run);

        Expect.assertResults(E2e.results(run), TABLE);
        assertThat(outcome.run()).isEqualTo(new RunOutcome(24, 0, 24, 23, 15, 0, 1, false));
        assertThat(setup.model().calls()).hasSize(24).allSatisfy((id, n) ->
                assertThat(n).as(id).isEqualTo(id.equals("general/4#1") ? 2 : 1));
        assertMatchesTheTable(outcome.summary());
        E2e.assertRunFolder(run, E2e.ids(setup.items()), outcome.summary());
    }

    /** The summary of a run over the whole table, whichever way the run got there. */
    private static void assertMatchesTheTable(Summary s) {
        Summary.Totals t = s.totals();
        assertThat(t.items()).isEqualTo(24);
        assertThat(t.scored()).isEqualTo(23);
        assertThat(t.correct()).isEqualTo(15);
        assertThat(t.accuracy()).isEqualTo(15.0 / 23);
        assertThat(t.meanScore()).isCloseTo((13 + 16.0 / 17 + 5.0 / 19 + 40.0 / 43) / 23, within(1e-12));
        assertThat(t.skipped()).isZero();
        assertThat(t.errors()).isEqualTo(1);
        assertThat(t.errorsByClass()).containsExactly(new Summary.ErrorClass("LlmException", 1, List.of("general/4#1")));
        assertThat(t.malformed()).isZero();
        // 20 items by official methods (13 right), 3 open ones by the similarity fallback (2 right)
        assertThat(s.scoring().officialScored()).isEqualTo(20);
        assertThat(s.scoring().officialCorrect()).isEqualTo(13);
        assertThat(s.scoring().unofficialScored()).isEqualTo(3);
        assertThat(s.scoring().unofficialCorrect()).isEqualTo(2);
        assertThat(s.scoring().similarityScored()).isEqualTo(3);
        E2e.assertBreakdown(s, "ability", "comprehension 4 4 2", "computation 11 11 8", "knowledge 5 5 4",
                "reasoning 4 3 1");
        E2e.assertBreakdown(s, "difficulty", "easy 10 10 7", "medium 12 12 8", "hard 2 1 0");
        E2e.assertBreakdown(s, "type", "blank 10 10 7", "multi 3 3 1", "open 4 3 2", "single 7 7 5");
        E2e.assertBreakdown(s, "split", "frontend 2 2 1", "general 14 13 9", "spec 8 8 5");
        assertThat(s.usage().inputTokens()).isEqualTo(23 * 100);
        assertThat(s.usage().outputTokens()).isEqualTo(23 * 20);
    }

    @Test
    void aTextOnlyModelSkipsExactlyTheItemsWithAnImage() throws Exception {
        E2e.Setup setup = E2e.setup(SUITE, INPUT, BOOK);
        Path run = dir.resolve("run");

        Evaluation.Outcome outcome = E2e.run(setup, ImagePolicy.NO, E2e.options(), run);

        // record 1 of general.jsonl (the divider) and record 0 of spec.json (the LM7805) carry an image
        String reason = "item has 1 image; model scripted:answer-book does not take images (use --images yes to send"
                + " them)";
        List<String> withImage = List.of("general/1#0", "general/1#1", "general/1#2", "spec/0#0", "spec/0#1",
                "spec/0#2");
        List<Expect> table = new ArrayList<>();
        for (Expect e : TABLE) {
            table.add(withImage.contains(e.id()) ? skipped(e.id(), reason) : e);
        }
        Expect.assertResults(E2e.results(run), table);
        withImage.forEach(id -> assertThat(setup.model().calls(id)).as(id).isZero());
        Summary.Totals t = outcome.summary().totals();
        assertThat(t.items()).isEqualTo(24);
        assertThat(t.skipped()).isEqualTo(6);
        assertThat(t.skippedByReason()).containsExactly(Map.entry(reason, 6));
        // of the six, five were right with the image (1#0, 1#2, 0#0, 0#1, 0#2) and one wrong (1#1)
        assertThat(t.scored()).isEqualTo(17);
        assertThat(t.correct()).isEqualTo(10);
        assertThat(t.errors()).isEqualTo(1);
    }

    @Test
    void aResumedRunAsksOnlyForTheRestAndEndsWithTheSummaryOfAnUninterruptedOne() throws Exception {
        E2e.Setup setup = E2e.setup(SUITE, INPUT, BOOK);
        Path run = dir.resolve("run");

        Evaluation.Outcome first = E2e.run(setup, ImagePolicy.YES, E2e.options().withLimit(5), run);
        // the first five in load order: frontend_test.json, then general.jsonl record 0
        List<String> firstFive = List.of("frontend/fe-001#0", "frontend/fe-001#1", "general/0#0", "general/0#1",
                "general/0#2");
        assertThat(first.run()).isEqualTo(new RunOutcome(5, 0, 5, 5, 4, 0, 0, false));
        assertThat(E2e.results(run).keySet()).containsExactlyInAnyOrderElementsOf(firstFive);
        assertThat(setup.model().calls()).containsOnlyKeys(firstFive);

        Evaluation.Outcome second = E2e.run(setup, ImagePolicy.YES, E2e.options(), run);

        assertThat(second.run()).isEqualTo(new RunOutcome(24, 5, 19, 18, 11, 0, 1, false));
        Map<String, Integer> expectedCalls = new HashMap<>();
        E2e.ids(setup.items()).forEach(id -> expectedCalls.put(id, id.equals("general/4#1") ? 2 : 1));
        assertThat(setup.model().calls()).isEqualTo(expectedCalls);
        E2e.assertRunFolder(run, E2e.ids(setup.items()), second.summary());
        Expect.assertResults(E2e.results(run), TABLE);
        assertMatchesTheTable(second.summary());

        Evaluation.Outcome uninterrupted = E2e.run(E2e.setup(SUITE, INPUT, BOOK), ImagePolicy.YES, E2e.options(),
                dir.resolve("uninterrupted"));
        assertThat(second.summary()).usingRecursiveComparison()
                .ignoringFields("run")   // start and finish times
                .withComparatorForType((a, b) -> Math.abs(a - b) < 1e-12 ? 0 : Double.compare(a, b), Double.class)
                .ignoringFields("usage.latencySamples", "usage.latencyP50Ms", "usage.latencyP95Ms")
                .isEqualTo(uninterrupted.summary());
    }

    @Test
    void theModelReceivesTheOfficialV1PromptAndTheImages() throws Exception {
        E2e.Setup setup = E2e.setup(SUITE, INPUT, BOOK);
        E2e.run(setup, ImagePolicy.YES, E2e.options(), dir.resolve("run"));

        // MMCircuitEval's v1 single-choice prompt: statement, question, the JSON instruction; no system message
        ChatRequest single = request(setup, "A voltage gain of 20 dB");
        assertThat(single.messages()).singleElement().isInstanceOf(UserMessage.class);
        UserMessage user = (UserMessage) single.messages().get(0);
        assertThat(user.contents()).singleElement().isInstanceOf(TextContent.class);
        assertThat(((TextContent) user.contents().get(0)).text()).isEqualTo(
                "Answer the following questions about decibels, resistor networks and circuit laws.\n"
                        + "A voltage gain of 20 dB corresponds to a voltage ratio of: (A) 2 (B) 10 (C) 20 (D) 100\n"
                        + "Answer this single-answer choice question in JSON format and return the JSON object only."
                        + " The response format should be: {\"answer\": `single choice among \"A\", \"B\", \"C\", and"
                        + " \"D\"`, \"explanation\": `no more than 3 sentences to explain your thoughts to give the"
                        + " answer`}.");

        // the divider record's single-choice question carries its figure, and the prompt says so
        ChatRequest withImage = request(setup, "A 10 kΩ load is connected");
        List<Content> contents = ((UserMessage) withImage.messages().get(0)).contents();
        assertThat(contents).hasSize(2);
        assertThat(((TextContent) contents.get(0)).text()).startsWith("The figure shows a resistive voltage divider")
                .endsWith("to give the answer`}. You may refer to the provided images.");
        ImageContent image = (ImageContent) contents.get(1);
        assertThat(image.image().mimeType()).isEqualTo("image/png");
        assertThat(Base64.getDecoder().decode(image.image().base64Data()))
                .isEqualTo(Files.readAllBytes(INPUT.resolve("images/divider.png")));
    }

    private static ChatRequest request(E2e.Setup setup, String questionStart) {
        List<ChatRequest> found = new ArrayList<>();
        for (ChatRequest r : setup.model().requests()) {
            for (ChatMessage m : r.messages()) {
                if (m instanceof UserMessage u && u.contents().get(0) instanceof TextContent t
                        && t.text().contains("\n" + questionStart)) {
                    found.add(r);
                }
            }
        }
        assertThat(found).as("requests for the question starting '" + questionStart + "'").hasSize(1);
        return found.get(0);
    }
}
