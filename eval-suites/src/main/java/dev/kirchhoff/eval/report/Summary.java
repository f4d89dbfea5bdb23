package dev.kirchhoff.eval.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The numbers of one run: totals, official against unofficial scoring, accuracy per breakdown label and per
 * scoring method, tokens, cache hits and latency. Built by {@link Summaries#of}, written as {@code summary.json} by
 * {@link SummaryJson}. Immutable. An accuracy or mean over no scored item is 0; read the matching {@code scored}
 * count before quoting it.
 *
 * @param run        the run's metadata
 * @param totals     counts over every result line and malformed item
 * @param scoring    official against unofficial scoring, so a report never mixes them silently
 * @param breakdowns one entry per key of {@code EvalItem.BREAKDOWNS} that some item carries, in that order
 * @param byMethod   scored items grouped by scoring method, sorted by method
 * @param usage      tokens, cache hits and latency
 */
@JsonPropertyOrder({"run", "totals", "scoring", "breakdowns", "byMethod", "usage"})
public record Summary(RunInfo run, Totals totals, Scoring scoring, List<Breakdown> breakdowns, List<Group> byMethod,
                      Usage usage) {

    /** The label value under which items that lack a breakdown label are counted. */
    public static final String NONE = "(none)";

    public Summary {
        Objects.requireNonNull(run, "The parameter 'run' must not be null.");
        Objects.requireNonNull(totals, "The parameter 'totals' must not be null.");
        Objects.requireNonNull(scoring, "The parameter 'scoring' must not be null.");
        Objects.requireNonNull(usage, "The parameter 'usage' must not be null.");
        breakdowns = breakdowns == null ? List.of() : List.copyOf(breakdowns);
        byMethod = byMethod == null ? List.of() : List.copyOf(byMethod);
    }

    /** The breakdown for a label key ({@code ability}, {@code type}, ...), if some item carries that label. */
    public Optional<Breakdown> breakdown(String key) {
        return breakdowns.stream().filter(b -> b.key().equals(key)).findFirst();
    }

    /**
     * Counts over the whole run.
     *
     * @param items            result lines (malformed items are not among them)
     * @param scored           items with status {@code scored}
     * @param correct          scored items that count as correct
     * @param accuracy         correct / scored
     * @param meanScore        mean score over the scored items
     * @param skipped          items the system declined
     * @param skippedByReason  skip reason → count, sorted by reason
     * @param errors           items whose every attempt failed
     * @param errorsByClass    one entry per failure class, most frequent first
     * @param malformed        items the loader could not read
     * @param malformedEntries {@code file:line: message} for each malformed item, in load order
     */
    @JsonPropertyOrder({"items", "scored", "correct", "accuracy", "meanScore", "skipped", "skippedByReason", "errors",
            "errorsByClass", "malformed", "malformedEntries"})
    public record Totals(int items, int scored, int correct, double accuracy, double meanScore, int skipped,
                         Map<String, Integer> skippedByReason, int errors, List<ErrorClass> errorsByClass,
                         int malformed, List<String> malformedEntries) {
        public Totals {
            // keep the order the summary was built in (sorted); Map.copyOf would scramble summary.json
            skippedByReason = skippedByReason == null ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(skippedByReason));
            errorsByClass = errorsByClass == null ? List.of() : List.copyOf(errorsByClass);
            malformedEntries = malformedEntries == null ? List.of() : List.copyOf(malformedEntries);
        }
    }

    /**
     * One failure class and the first items that failed with it.
     *
     * @param type     the exception's simple class name ({@code unknown} when the result line has none)
     * @param count    items that failed with it
     * @param firstIds up to {@value Summaries#EXAMPLE_IDS} item ids, in result order
     */
    @JsonPropertyOrder({"type", "count", "firstIds"})
    public record ErrorClass(String type, int count, List<String> firstIds) {
        public ErrorClass {
            firstIds = firstIds == null ? List.of() : List.copyOf(firstIds);
        }
    }

    /**
     * Official against unofficial scoring.
     *
     * @param officialScored     scored items whose method is the suite's official one
     * @param officialCorrect    of those, the correct ones
     * @param officialAccuracy   officialCorrect / officialScored
     * @param unofficialScored   scored items whose method is not official
     * @param unofficialCorrect  of those, the correct ones
     * @param unofficialAccuracy unofficialCorrect / unofficialScored
     * @param similarityScored   scored items whose method starts with {@code similarity} (the deterministic fallback
     *                           for open answers when no judge model is configured)
     */
    @JsonPropertyOrder({"officialScored", "officialCorrect", "officialAccuracy", "unofficialScored",
            "unofficialCorrect", "unofficialAccuracy", "similarityScored"})
    public record Scoring(int officialScored, int officialCorrect, double officialAccuracy, int unofficialScored,
                          int unofficialCorrect, double unofficialAccuracy, int similarityScored) {
    }

    /**
     * Accuracy by the values of one label.
     *
     * @param key    the label key ({@code ability}, {@code difficulty}, {@code type}, {@code domain}, {@code level},
     *               {@code split})
     * @param groups one per value, sorted by value in natural order (numbers by magnitude), {@value #NONE} last
     */
    @JsonPropertyOrder({"key", "groups"})
    public record Breakdown(String key, List<Group> groups) {
        public Breakdown {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }

        /** The group for a value, if some item has it. */
        public Optional<Group> group(String value) {
            return groups.stream().filter(g -> g.value().equals(value)).findFirst();
        }
    }

    /**
     * The items sharing one label value (or one scoring method).
     *
     * @param value     the label value or method
     * @param n         items with it, whatever their status
     * @param scored    of those, the scored ones
     * @param correct   of those, the correct ones
     * @param accuracy  correct / scored
     * @param meanScore mean score over the scored ones
     */
    @JsonPropertyOrder({"value", "n", "scored", "correct", "accuracy", "meanScore"})
    public record Group(String value, int n, int scored, int correct, double accuracy, double meanScore) {
    }

    /**
     * Cost and speed.
     *
     * @param inputTokens    tokens sent over all items
     * @param outputTokens   tokens received over all items
     * @param cacheHits      items answered from the response cache
     * @param latencySamples scored and skipped items with a latency above 0 (failed items are left out: their time
     *                       is the timeout, not the model's)
     * @param latencyP50Ms   median latency by the nearest-rank method, 0 without samples
     * @param latencyP95Ms   95th percentile latency by the nearest-rank method, 0 without samples
     */
    @JsonPropertyOrder({"inputTokens", "outputTokens", "cacheHits", "latencySamples", "latencyP50Ms", "latencyP95Ms"})
    public record Usage(long inputTokens, long outputTokens, int cacheHits, int latencySamples, long latencyP50Ms,
                        long latencyP95Ms) {
    }
}
