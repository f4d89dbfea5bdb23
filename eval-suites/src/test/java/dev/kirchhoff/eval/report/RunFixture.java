package dev.kirchhoff.eval.report;

import dev.kirchhoff.eval.ItemResult;
import dev.kirchhoff.eval.ItemSource;
import dev.kirchhoff.eval.Malformed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A handmade run of 22 result lines and 2 malformed items spanning every breakdown label, every status, official
 * and similarity scoring. The expected numbers in the tests are worked out by hand from this table.
 */
final class RunFixture {

    static final RunInfo RUN = new RunInfo("mmcircuiteval", "openai:gpt-4o-mini", "data/mmcircuiteval/test.jsonl",
            "mmcircuiteval/v1", "2026-11-30T01:00:00Z", "2026-11-30T01:05:00Z");

    static final String SCRIPT_RESPONSE = "<script>alert('x')</script> The gain is 20 dB & falls.";

    private RunFixture() {
    }

    static List<ItemResult> results() {
        return List.of(
                //id      type         ability       difficulty   domain      lvl   split        status      score   ok      method         official   detail                                      error                latency   in    out   cached
                r("q01",  "single",    "analysis",   "easy",      "analog",   "1",  "general",   "scored",   1.0,    true,   "choice",      true,      "expected B; extracted B",                  null,                100,      100,  10,   false),
                r("q02",  "single",    "analysis",   "easy",      "analog",   "1",  "general",   "scored",   1.0,    true,   "choice",      true,      "expected A; extracted A",                  null,                200,      100,  10,   true),
                r("q03",  "single",    "analysis",   "medium",    "analog",   "2",  "general",   "scored",   1.0,    true,   "choice",      true,      "expected D; extracted D",                  null,                300,      100,  10,   false),
                r("q04",  "multi",     "analysis",   "medium",    "digital",  "2",  "general",   "scored",   0.0,    false,  "set",         true,      "expected A,C; extracted A",                null,                400,      100,  20,   false),
                r("q05",  "multi",     "analysis",   "hard",      "digital",  "3",  "general",   "skipped",  0.0,    false,  "",            false,     "image input not supported",                null,                0,        0,    0,    false),
                r("q06",  "blank",     "knowledge",  "easy",      "digital",  "1",  "spec",      "scored",   1.0,    true,   "blank",       true,      "expected flip-flop; extracted flip-flop",  null,                150,      80,   5,    false),
                r("q07",  "blank",     "knowledge",  "medium",    "digital",  "2",  "spec",      "scored",   0.0,    false,  "blank",       true,      "expected flip-flop; extracted latch",      null,                250,      80,   5,    false),
                r("q08",  "open",      "knowledge",  "hard",      "analog",   "3",  "spec",      "scored",   0.8,    true,   "similarity",  false,     "similarity 0.80 >= 0.50",                  null,                500,      200,  100,  false),
                r("q09",  "open",      "knowledge",  "hard",      "analog",   "3",  "spec",      "scored",   0.3,    false,  "similarity",  false,     "similarity 0.30 < 0.50",                   null,                600,      200,  100,  false),
                r("q10",  "open",      "design",     "medium",    "analog",   "2",  "frontend",  "scored",   0.9,    true,   "llm-judge",   true,      "judge 9/10",                               null,                700,      300,  150,  false),
                r("q11",  "open",      "design",     "hard",      "analog",   "3",  "frontend",  "error",    0.0,    false,  "",            false,     "",                                         "TimeoutException",  60000,    300,  0,    false),
                r("q12",  "numeric",   "design",     "hard",      "mixed",    "3",  "frontend",  "scored",   1.0,    true,   "numeric",     true,      "expected 5 W; extracted 5.02 W",           null,                800,      120,  30,   true),
                r("q13",  "numeric",   "design",     "easy",      "mixed",    "2",  "frontend",  "scored",   0.0,    false,  "numeric",     true,      "expected 4.7 kΩ; extracted 47 kΩ",         null,                900,      120,  30,   false),
                r("q14",  "symbolic",  "reasoning",  "hard",      "analog",   "3",  "backend",   "scored",   1.0,    true,   "symbolic",    true,      "36 of 36 points agree",                    null,                1000,     150,  60,   false),
                r("q15",  "symbolic",  "reasoning",  "hard",      "analog",   "3",  "backend",   "scored",   0.0,    false,  "symbolic",    true,      "12 of 36 points agree",                    null,                1100,     150,  60,   false),
                r("q16",  "symbolic",  "reasoning",  "medium",    "analog",   "2",  "backend",   "error",    0.0,    false,  "",            false,     "",                                         "TimeoutException",  0,        0,    0,    false),
                r("q17",  "single",    "reasoning",  "easy",      "digital",  "1",  "backend",   "scored",   1.0,    true,   "choice",      true,      "expected C; extracted C",                  null,                120,      90,   8,    true),
                r("q18",  "single",    "reasoning",  "medium",    "digital",  "2",  "backend",   "skipped",  0.0,    false,  "",            false,     "image input not supported",                null,                50,       0,    0,    false),
                r("q19",  "open",      "reasoning",  "medium",    "",         "2",  "backend",   "scored",   0.7,    true,   "similarity",  false,     "similarity 0.70 >= 0.50",                  null,                130,      110,  40,   false),
                r("q20",  "single",    "",           "easy",      "digital",  "1",  "general",   "scored",   0.0,    false,  "choice",      true,      "expected B; extracted C",                  null,                140,      90,   8,    false),
                r("q21",  "design",    "design",     "hard",      "analog",   "3",  "frontend",  "skipped",  0.0,    false,  "",            false,     "outside the agent's tools",                null,                0,        0,    0,    false),
                r("q22",  "single",    "knowledge",  "easy",      "digital",  "1",  "spec",      "error",    0.0,    false,  "",            false,     "",                                         "IOException",       0,        0,    0,    false));
    }

    static List<Malformed> malformed() {
        return List.of(
                new Malformed(new ItemSource("data/mmcircuiteval/test.jsonl", 7),
                        "answers[] has 2 entries but questions[] has 3; give one answer per question"),
                new Malformed(new ItemSource("data/mmcircuiteval/test.jsonl", 12), "not valid JSON: unexpected end"));
    }

    /** One result line; an empty label is left out of the labels, a non-null error type makes an ErrorInfo. */
    static ItemResult r(String id, String type, String ability, String difficulty, String domain, String level,
                        String split, String status, double score, boolean correct, String method, boolean official,
                        String detail, String errorType, long latencyMs, long in, long out, boolean cached) {
        Map<String, String> labels = new LinkedHashMap<>();
        put(labels, "ability", ability);
        put(labels, "difficulty", difficulty);
        put(labels, "domain", domain);
        put(labels, "level", level);
        put(labels, "split", split);
        ItemResult.ErrorInfo error = errorType == null ? null
                : new ItemResult.ErrorInfo(errorType, errorType + " on attempt 3 of 3");
        String response = "scored".equals(status) ? (id.equals("q09") ? SCRIPT_RESPONSE : "Answer for " + id) : "";
        return new ItemResult(RUN.suite(), id, RUN.model(), status, type, labels, RUN.template(), response, score,
                correct, method, official, detail, error, errorType == null ? 1 : 3, latencyMs, in, out, cached,
                "2026-11-30T01:0" + (id.hashCode() % 5) + ":00Z");
    }

    private static void put(Map<String, String> labels, String key, String value) {
        if (!value.isEmpty()) {
            labels.put(key, value);
        }
    }
}
