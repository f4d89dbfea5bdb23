package dev.kirchhoff.eval.report;

import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.ItemResult;
import dev.kirchhoff.eval.Malformed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Computes a run's {@link Summary} from its result lines and malformed items. Stateless and thread-safe.
 *
 * <pre>{@code
 * Summary s = Summaries.of(run, results, malformed);
 * s.breakdown("ability").flatMap(b -> b.group("analysis")).map(Summary.Group::accuracy);
 * }</pre>
 */
public final class Summaries {

    /** How many item ids a summary keeps per failure class. */
    public static final int EXAMPLE_IDS = 5;

    private Summaries() {
    }

    /**
     * The summary of one run. When several result lines share an id (an item retried after a resume), the last one
     * counts, so every item is counted once.
     */
    public static Summary of(RunInfo run, List<ItemResult> lines, List<Malformed> malformed) {
        Objects.requireNonNull(run, "The parameter 'run' must not be null.");
        Objects.requireNonNull(lines, "The parameter 'lines' must not be null.");
        Objects.requireNonNull(malformed, "The parameter 'malformed' must not be null.");
        List<ItemResult> results = latestPerId(lines);
        return new Summary(run, totals(results, malformed), scoring(results), breakdowns(results),
                groups(scored(results), ItemResult::method), usage(results));
    }

    /**
     * One result per item id: the last line written for it, at the position of the id's first line. Reports and
     * comparisons read results through this, so a results file holding a retried item counts it once.
     */
    public static List<ItemResult> latestPerId(List<ItemResult> lines) {
        Map<String, ItemResult> byId = new LinkedHashMap<>();
        for (ItemResult r : lines) {
            byId.put(r.id(), r);
        }
        return byId.size() == lines.size() ? List.copyOf(lines) : List.copyOf(byId.values());
    }

    static boolean isScored(ItemResult r) {
        return ItemResult.SCORED.equals(r.status());
    }

    /** Whether a result counts as right: scored and correct. Skipped and failed items are never right. */
    static boolean isRight(ItemResult r) {
        return isScored(r) && r.correct();
    }

    static boolean isSimilarity(ItemResult r) {
        return r.method().startsWith("similarity");
    }

    static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static List<ItemResult> scored(List<ItemResult> results) {
        return results.stream().filter(Summaries::isScored).toList();
    }

    private static Summary.Totals totals(List<ItemResult> results, List<Malformed> malformed) {
        int scored = 0;
        int correct = 0;
        double scoreSum = 0;
        int skipped = 0;
        int errors = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        Map<String, List<String>> errorIds = new LinkedHashMap<>();
        for (ItemResult r : results) {
            switch (r.status() == null ? "" : r.status()) {
                case ItemResult.SCORED -> {
                    scored++;
                    scoreSum += r.score();
                    correct += r.correct() ? 1 : 0;
                }
                case ItemResult.SKIPPED -> {
                    skipped++;
                    reasons.merge(r.detail().isBlank() ? "(no reason given)" : r.detail(), 1, Integer::sum);
                }
                default -> {
                    // an unknown status is a failure the report must show, not drop
                    errors++;
                    String type = r.error() == null || r.error().type() == null || r.error().type().isBlank()
                            ? "unknown" : r.error().type();
                    errorIds.computeIfAbsent(type, k -> new ArrayList<>()).add(r.id());
                }
            }
        }
        List<Summary.ErrorClass> classes = errorIds.entrySet().stream()
                .map(e -> new Summary.ErrorClass(e.getKey(), e.getValue().size(),
                        e.getValue().subList(0, Math.min(EXAMPLE_IDS, e.getValue().size()))))
                .sorted(Comparator.comparingInt(Summary.ErrorClass::count).reversed()
                        .thenComparing(Summary.ErrorClass::type))
                .toList();
        List<String> entries = malformed.stream().map(Malformed::toString).toList();
        return new Summary.Totals(results.size(), scored, correct, ratio(correct, scored),
                scored == 0 ? 0 : scoreSum / scored, skipped, reasons, errors, classes, malformed.size(), entries);
    }

    private static Summary.Scoring scoring(List<ItemResult> results) {
        int officialScored = 0;
        int officialCorrect = 0;
        int unofficialScored = 0;
        int unofficialCorrect = 0;
        int similarity = 0;
        for (ItemResult r : results) {
            if (!isScored(r)) {
                continue;
            }
            if (r.official()) {
                officialScored++;
                officialCorrect += r.correct() ? 1 : 0;
            } else {
                unofficialScored++;
                unofficialCorrect += r.correct() ? 1 : 0;
            }
            similarity += isSimilarity(r) ? 1 : 0;
        }
        return new Summary.Scoring(officialScored, officialCorrect, ratio(officialCorrect, officialScored),
                unofficialScored, unofficialCorrect, ratio(unofficialCorrect, unofficialScored), similarity);
    }

    private static List<Summary.Breakdown> breakdowns(List<ItemResult> results) {
        List<Summary.Breakdown> out = new ArrayList<>();
        for (String key : EvalItem.BREAKDOWNS) {
            boolean present = results.stream().anyMatch(r -> !label(r, key).isEmpty());
            if (present) {
                out.add(new Summary.Breakdown(key, groups(results, r -> {
                    String v = label(r, key);
                    return v.isEmpty() ? Summary.NONE : v;
                })));
            }
        }
        return out;
    }

    static String label(ItemResult r, String key) {
        String v = r.label(key);
        return v == null ? "" : v.trim();
    }

    private static List<Summary.Group> groups(List<ItemResult> results, Function<ItemResult, String> keyOf) {
        Map<String, List<ItemResult>> byValue = new TreeMap<>(NaturalOrder.INSTANCE);
        for (ItemResult r : results) {
            byValue.computeIfAbsent(keyOf.apply(r), k -> new ArrayList<>()).add(r);
        }
        List<Summary.Group> out = new ArrayList<>();
        byValue.forEach((value, members) -> {
            int scored = 0;
            int correct = 0;
            double sum = 0;
            for (ItemResult r : members) {
                if (isScored(r)) {
                    scored++;
                    correct += r.correct() ? 1 : 0;
                    sum += r.score();
                }
            }
            out.add(new Summary.Group(value, members.size(), scored, correct, ratio(correct, scored),
                    scored == 0 ? 0 : sum / scored));
        });
        return out;
    }

    private static Summary.Usage usage(List<ItemResult> results) {
        long in = 0;
        long out = 0;
        int hits = 0;
        List<Long> latencies = new ArrayList<>();
        for (ItemResult r : results) {
            in += r.inputTokens();
            out += r.outputTokens();
            hits += r.cached() ? 1 : 0;
            boolean timed = isScored(r) || ItemResult.SKIPPED.equals(r.status());
            if (timed && r.latencyMs() > 0) {
                latencies.add(r.latencyMs());
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Summary.Usage(in, out, hits, sorted.length, percentile(sorted, 50), percentile(sorted, 95));
    }

    /** The nearest-rank percentile: the smallest sample with at least p % of the samples at or below it. */
    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        // integer ceiling of p * n / 100, free of floating-point rounding at exact ranks
        int rank = (int) ((p * (long) sorted.length + 99) / 100);
        return sorted[Math.max(0, rank - 1)];
    }
}
