package dev.kirchhoff.eval;

import dev.kirchhoff.eval.e2e.E2e;
import dev.kirchhoff.eval.e2e.Expect;
import dev.kirchhoff.eval.report.Summary;
import dev.kirchhoff.eval.run.Evaluation;
import dev.kirchhoff.eval.run.ImagePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.kirchhoff.eval.e2e.Expect.right;
import static dev.kirchhoff.eval.e2e.Expect.similarity;
import static dev.kirchhoff.eval.e2e.Expect.wrong;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs over the team's deliberately malformed fixtures ({@code fixtures/malformed/<suite>}): the bad items are
 * counted in the summary with their file and line, and the good ones are still asked and scored.
 */
class EndToEndMalformedTest {

    private static final Path MALFORMED = E2e.FIXTURES.resolve("malformed");

    @TempDir
    Path dir;

    private Summary run(String suite, List<Expect> table) throws Exception {
        E2e.Setup setup = E2e.setup(suite, MALFORMED.resolve(suite), "malformed-" + suite + "-answers.json");
        Path run = dir.resolve(suite);
        Evaluation.Outcome outcome = E2e.run(setup, ImagePolicy.YES, E2e.options(), run);
        Expect.assertResults(E2e.results(run), table);
        Summary s = outcome.summary();
        E2e.assertRunFolder(run, table.stream().map(Expect::id).toList(), s);
        assertThat(s.totals().malformedEntries()).hasSize(s.totals().malformed());
        // summary.json keeps them, so a later "eval report" still counts them
        String json = Files.readString(run.resolve("summary.json"));
        s.totals().malformedEntries().forEach(e -> assertThat(json).contains(e.substring(0, e.indexOf(": ") + 2)));
        return s;
    }

    @Test
    void mmCircuitEvalCountsSixMalformedEntriesAndScoresTheFourGoodSubQuestions() throws Exception {
        Summary s = run("mmcircuiteval", List.of(
                right("general/0#0", "numeric"),        // "9.09" for 9.1 mA: 0.11 % off
                wrong("general/0#1", "choice"),         // B (2.7 mW), reference A (27 mW)
                right("general/4#0", "numeric"),        // line 5, sub-question 0 (the 'essay' one is dropped): the
                                                        // same request as general/0#0, so the same answer
                // 18 words, the same bag as the 18-word reference (F1 1); LCS 15 (the clause order differs):
                // ROUGE-L 30/36; mean 11/12
                similarity("general/6#0", 11.0 / 12)));
        assertThat(s.totals().items()).isEqualTo(4);
        assertThat(s.totals().scored()).isEqualTo(4);
        assertThat(s.totals().correct()).isEqualTo(3);
        assertThat(s.totals().malformed()).isEqualTo(6);
        String file = MALFORMED.resolve("mmcircuiteval/general.jsonl").toString();
        assertThat(s.totals().malformedEntries()).satisfiesExactly(
                e -> assertThat(e).startsWith(MALFORMED.resolve("mmcircuiteval/backend.parquet")
                        + ": Kirchhoff does not read parquet"),
                e -> assertThat(e).startsWith(file + ":2: not valid JSON"),
                e -> assertThat(e).startsWith(file + ":3: record 2: the sub-question lists must have one entry per"
                        + " question"),
                e -> assertThat(e).startsWith(file + ":4: record 3: 'abilities' is missing or not a list"),
                e -> assertThat(e).isEqualTo(file + ":5: record 4, sub-question 1: unknown question type 'essay'; use"
                        + " single, multi, blank or open"),
                e -> assertThat(e).startsWith(file + ":6: record 5: image 'images/missing.png' not found"));
    }

    @Test
    void amsBenchCountsFiveMalformedLinesAndScoresTheTwoGoodItems() throws Exception {
        Summary s = run("amsbench", List.of(
                right("items/0", "choice"),             // V = I R = 2 V, **A**
                similarity("items/6", 2.0 / 3)));       // "The farad (F)." words farad f: F1 2/3, LCS-F 2/3
        assertThat(s.totals().items()).isEqualTo(2);
        assertThat(s.totals().correct()).isEqualTo(2);
        assertThat(s.totals().malformed()).isEqualTo(5);
        String file = MALFORMED.resolve("amsbench/items.jsonl").toString();
        assertThat(s.totals().malformedEntries()).satisfiesExactly(
                e -> assertThat(e).startsWith(file + ":2: not valid JSON"),
                e -> assertThat(e).isEqualTo(file + ":3: item 2: 'question' is missing or empty; give the question"
                        + " text"),
                e -> assertThat(e).isEqualTo(file + ":4: item 3: 'groundtruth' names option E but the item has only 4"
                        + " options (A to D)"),
                e -> assertThat(e).startsWith(file + ":5: item 4: image_path 'images/missing.png' not found"),
                e -> assertThat(e).startsWith(file + ":6: item 5: 'options' is text that does not read as"));
    }

    @Test
    void circuitSenseCountsTheTwoIncompleteFoldersAndScoresTheGoodOne() throws Exception {
        Summary s = run("circuitsense", List.of(
                right("Passive/Level1/q1", "symbolic").detail("36 of 36 points agree"))); // R2/(R1+R2), unspaced
        assertThat(s.totals().items()).isEqualTo(1);
        assertThat(s.totals().correct()).isEqualTo(1);
        assertThat(s.totals().malformed()).isEqualTo(2);
        // folder items have no line: the entry names the question folder
        Path level1 = MALFORMED.resolve("circuitsense/Passive/Level1").toAbsolutePath().normalize();
        assertThat(s.totals().malformedEntries()).containsExactly(
                level1.resolve("q2") + ": no q2_question.txt in q2; add the question text or remove the folder",
                level1.resolve("q3") + ": no q3_ta.txt in q3; add the reference answer (a sympy expression or a"
                        + " number with its unit)");
    }
}
