package dev.kirchhoff.eval;

import dev.kirchhoff.eval.e2e.AnswerBookModel;
import dev.kirchhoff.eval.e2e.E2e;
import dev.kirchhoff.eval.e2e.Expect;
import dev.kirchhoff.eval.report.Summary;
import dev.kirchhoff.eval.run.Evaluation;
import dev.kirchhoff.eval.run.ImagePolicy;
import dev.kirchhoff.eval.suite.EvalPrompts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.kirchhoff.eval.e2e.Expect.error;
import static dev.kirchhoff.eval.e2e.Expect.right;
import static dev.kirchhoff.eval.e2e.Expect.wrong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CircuitSense end to end on the team's fixture (13 items: 10 symbolic derivations, 3 numeric values), answered from
 * {@code e2e/circuitsense-answers.json} with derivations ending in {@code <answer>...</answer>} (sympy or LaTeX), a
 * {@code \boxed{}} formula, equivalent forms, a negated form, near misses and one failing call.
 */
class EndToEndCircuitSenseTest {

    private static final String SUITE = "circuitsense";
    private static final String BOOK = "circuitsense-answers.json";

    static final List<Expect> TABLE = List.of(
            // Active/Level1: inverting, non-inverting amplifier, a numeric op-amp output
            right("Active/Level1/q1", "symbolic")     // LaTeX -\dfrac{R_{2}}{R_{1}} of the reference -R2/R1
                    .detail("36 of 36 points agree; need 60 %"),
            right("Active/Level1/q2", "symbolic")     // 1 + R2/R1: an equivalent form of (R1 + R2)/R1
                    .detail("36 of 36 points agree; need 60 %"),
            right("Active/Level1/q5", "numeric")      // 5.5 V for 5.49994 V: 0.001 % off (ideal op-amp rounding)
                    .detail("answered 5.5 V (5.5 V), reference 5.49994 V (5.49994 V)"),
            // Active/Level2: integrator, Sallen-Key
            wrong("Active/Level2/q3", "symbolic")     // C instead of C1: a symbol the reference does not have
                    .detail("the answer '-1/(s*C*R1)' uses C, which the reference does not have"),
            error("Active/Level2/q4", "IllegalStateException", 2), // the stream broke on both calls
            // Passive/Level1: divider, RC low-pass, RC high-pass, loaded divider (numeric)
            right("Passive/Level1/q1", "symbolic")    // <answer>H(s) = R2/(R1 + R2)</answer>: the right-hand side
                    .detail("36 of 36 points agree; need 60 %; answer R2/(R1 + R2)"),
            wrong("Passive/Level1/q2", "symbolic")    // near miss 1/(1 + s*R1/C1): R1/C1 where R1*C1 belongs
                    .detail("1 of 36 points agree; need 60 %"),
            right("Passive/Level1/q3", "symbolic")    // no tag: \boxed{\frac{s}{s + \frac{1}{R_1 C_1}}}, equivalent
                    .detail("36 of 36 points agree; need 60 %; answer \\frac{s}{s + \\frac{1}{R_1 C_1}}"),
            wrong("Passive/Level1/q7", "numeric")     // 8 V: the divider without its load R3, reference 6.54545 V
                    .detail("answered 8 V (8 V), reference 6.54545 V (6.54545 V): off by 22.2 %"),
            // Passive/Level2: RLC band-pass, loaded RC, RL high-pass, bridge current (numeric)
            wrong("Passive/Level2/q4", "symbolic")    // R1/(L1*s + R1): the series capacitor dropped
                    .detail("9 of 36 points agree; need 60 %"),
            right("Passive/Level2/q5", "symbolic")    // the negated transfer function: one sign per item is allowed
                    .detail("36 of 36 points agree (with the sign flipped); need 60 %"),
            right("Passive/Level2/q6", "symbolic")    // LaTeX \frac{s L_1}{R_1 + s L_1} inside the tag
                    .detail("36 of 36 points agree; need 60 %"),
            right("Passive/Level2/q8", "numeric")     // 0.526 mA for 0.000526316 A: the prefix converted, 0.06 % off
                    .detail("answered 0.526 mA (0.000526 A), reference 0.000526316 A"));

    @TempDir
    Path dir;

    @Test
    void everyItemIsScoredAsTheTableSaysAndTheSummaryCountsThem() throws Exception {
        E2e.Setup setup = E2e.setup(SUITE, E2e.circuitSenseWithDistinctImages(dir.resolve("suite")), BOOK);
        Path run = dir.resolve("run");

        Evaluation.Outcome outcome = E2e.run(setup, ImagePolicy.YES, E2e.options(), run);

        Expect.assertResults(E2e.results(run), TABLE);
        // every symbolic item was rendered with the symbolic template, every numeric one with the numeric template
        E2e.results(run).values().forEach(r -> assertThat(r.template()).as(r.id())
                .isEqualTo("circuitsense/" + r.type() + ".v1"));
        Summary s = outcome.summary();
        assertThat(s.totals().items()).isEqualTo(13);
        assertThat(s.totals().scored()).isEqualTo(12);
        assertThat(s.totals().correct()).isEqualTo(8);
        assertThat(s.totals().accuracy()).isEqualTo(8.0 / 12);
        assertThat(s.totals().meanScore()).isEqualTo(8.0 / 12);
        assertThat(s.totals().skipped()).isZero();
        assertThat(s.totals().errors()).isEqualTo(1);
        assertThat(s.totals().errorsByClass()).containsExactly(
                new Summary.ErrorClass("IllegalStateException", 1, List.of("Active/Level2/q4")));
        assertThat(s.totals().malformed()).isZero();
        assertThat(s.scoring().officialScored()).isEqualTo(12);
        assertThat(s.scoring().unofficialScored()).isZero();
        E2e.assertBreakdown(s, "level", "level1 7 7 5", "level2 6 5 3");
        E2e.assertBreakdown(s, "domain", "active 5 4 3", "passive 8 8 5");
        E2e.assertBreakdown(s, "type", "numeric 3 3 2", "symbolic 10 9 6");
        assertThat(s.byMethod()).extracting(Summary.Group::value, Summary.Group::scored, Summary.Group::correct)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("numeric", 3, 2),
                        org.assertj.core.groups.Tuple.tuple("symbolic", 9, 6));
        E2e.assertRunFolder(run, E2e.ids(setup.items()), s);
    }

    @Test
    void aTextOnlyModelSkipsEveryItemBecauseEachHasItsSchematic() throws Exception {
        E2e.Setup setup = E2e.setup(SUITE, E2e.circuitSenseWithDistinctImages(dir.resolve("suite")), BOOK);

        Evaluation.Outcome outcome = E2e.run(setup, ImagePolicy.NO, E2e.options(), dir.resolve("run"));

        String reason = "item has 1 image; model scripted:answer-book does not take images (use --images yes to send"
                + " them)";
        assertThat(outcome.summary().totals().skippedByReason()).containsExactly(Map.entry(reason, 13));
        assertThat(outcome.summary().totals().scored()).isZero();
        assertThat(setup.model().requests()).isEmpty();
    }

    /**
     * Why the test above copies the fixture with distinct images: as committed, several items send byte-identical
     * requests (same question text, same placeholder picture, and the netlist is not part of the prompt), although
     * their references differ, so no model could answer them all right.
     */
    @Test
    void onTheFixtureAsCommittedItemsWithDifferentCircuitsGetIdenticalRequests() throws Exception {
        Evaluation.Loaded loaded = Evaluation.load(SUITE, E2e.FIXTURES.resolve(SUITE));
        assertThatThrownBy(() -> AnswerBookModel.of(BOOK, loaded.result().items(), new EvalPrompts()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("[Active/Level1/q1, Active/Level1/q2, Active/Level2/q3, Active/Level2/q4]");
    }
}
