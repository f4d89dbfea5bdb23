package dev.kirchhoff.eval.e2e;

import dev.kirchhoff.eval.ItemResult;
import dev.kirchhoff.eval.score.SimilarityScorer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What one item's result line must say: status, correctness, score, method, official flag, and for a failure the
 * exception class and the number of calls. Immutable. The tables of the end-to-end tests are lists of these, one
 * line per item with the reason as a comment.
 *
 * @param detail the start of the scorer's detail, or null when the table does not pin it
 */
public record Expect(String id, String status, boolean correct, double score, String method, boolean official,
                     String errorClass, int attempts, String detail) {

    /** Scored right by an official method (choice, set, exact, numeric, symbolic). */
    public static Expect right(String id, String method) {
        return new Expect(id, ItemResult.SCORED, true, 1, method, true, null, 1, null);
    }

    /** Scored wrong by an official method. */
    public static Expect wrong(String id, String method) {
        return new Expect(id, ItemResult.SCORED, false, 0, method, true, null, 1, null);
    }

    /** Scored by the unofficial similarity fallback with this value (correct from 0.5). */
    public static Expect similarity(String id, double value) {
        return new Expect(id, ItemResult.SCORED, value >= SimilarityScorer.PASS, value, SimilarityScorer.METHOD, false,
                null, 1, null);
    }

    /** Every call failed with this exception class after {@code attempts} calls. */
    public static Expect error(String id, String errorClass, int attempts) {
        return new Expect(id, ItemResult.ERROR, false, 0, "", false, errorClass, attempts, null);
    }

    /** Declined by the system under test with this reason. */
    public static Expect skipped(String id, String reason) {
        return new Expect(id, ItemResult.SKIPPED, false, 0, "", false, null, 1, reason);
    }

    /** The same expectation, also pinning the start of the detail. */
    public Expect detail(String start) {
        return new Expect(id, status, correct, score, method, official, errorClass, attempts, start);
    }

    /** Asserts that {@code results} holds exactly the table's ids and that every line matches its row. */
    public static void assertResults(Map<String, ItemResult> results, List<Expect> table) {
        Map<String, Expect> byId = new LinkedHashMap<>();
        table.forEach(e -> byId.put(e.id(), e));
        assertThat(byId).as("the table names each id once").hasSameSizeAs(table);
        assertThat(results.keySet()).containsExactlyInAnyOrderElementsOf(byId.keySet());
        for (Expect e : table) {
            ItemResult r = results.get(e.id());
            String where = e.id() + " (response: " + r.response() + "; detail: " + r.detail() + "; error: "
                    + r.error() + ")";
            assertThat(r.model()).as(where).isEqualTo(E2e.MODEL);
            assertThat(r.status()).as(where).isEqualTo(e.status());
            assertThat(r.correct()).as(where).isEqualTo(e.correct());
            assertThat(r.score()).as(where).isCloseTo(e.score(), within(1e-12));
            assertThat(r.method()).as(where).isEqualTo(e.method());
            assertThat(r.official()).as(where).isEqualTo(e.official());
            assertThat(r.attempts()).as(where).isEqualTo(e.attempts());
            if (e.errorClass() == null) {
                assertThat(r.error()).as(where).isNull();
            } else {
                assertThat(r.error()).as(where).isNotNull();
                assertThat(r.error().type()).as(where).isEqualTo(e.errorClass());
                assertThat(r.response()).as(where).isEmpty();
            }
            if (e.detail() != null) {
                assertThat(r.detail()).as(where).startsWith(e.detail());
            }
            if (ItemResult.SCORED.equals(e.status())) {
                assertThat(r.inputTokens()).as(where).isEqualTo(AnswerBookModel.INPUT_TOKENS);
                assertThat(r.outputTokens()).as(where).isEqualTo(AnswerBookModel.OUTPUT_TOKENS);
            }
        }
    }
}
