package dev.kirchhoff.eval.report;

import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.ItemResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two runs from their summaries and result lines. Stateless and thread-safe.
 *
 * <pre>{@code
 * Comparison c = Comparisons.of(summaryA, resultsA, summaryB, resultsB);
 * c.breakdown("ability").flatMap(d -> d.group("analysis")).map(Comparison.Delta::deltaPp);
 * }</pre>
 */
public final class Comparisons {

    private Comparisons() {
    }

    /**
     * Run A against run B. An item is right when it was scored and correct; a skipped or failed item is not right,
     * so an item that failed in A and is correct in B counts as wrong → right. When a run holds several lines for
     * one id, the last one counts.
     */
    public static Comparison of(Summary a, List<ItemResult> resultsA, Summary b, List<ItemResult> resultsB) {
        Objects.requireNonNull(a, "The parameter 'a' must not be null.");
        Objects.requireNonNull(b, "The parameter 'b' must not be null.");
        Objects.requireNonNull(resultsA, "The parameter 'resultsA' must not be null.");
        Objects.requireNonNull(resultsB, "The parameter 'resultsB' must not be null.");
        Map<String, ItemResult> byIdA = byId(resultsA);
        Map<String, ItemResult> byIdB = byId(resultsB);

        Set<String> wrongToRight = new TreeSet<>(NaturalOrder.INSTANCE);
        Set<String> rightToWrong = new TreeSet<>(NaturalOrder.INSTANCE);
        Set<String> onlyInA = new TreeSet<>(NaturalOrder.INSTANCE);
        Set<String> onlyInB = new TreeSet<>(NaturalOrder.INSTANCE);
        Set<String> scoredInOneOnly = new TreeSet<>(NaturalOrder.INSTANCE);
        byIdA.forEach((id, ra) -> {
            ItemResult rb = byIdB.get(id);
            if (rb == null) {
                onlyInA.add(id);
                return;
            }
            boolean rightA = Summaries.isRight(ra);
            boolean rightB = Summaries.isRight(rb);
            if (!rightA && rightB) {
                wrongToRight.add(id);
            } else if (rightA && !rightB) {
                rightToWrong.add(id);
            }
            if (Summaries.isScored(ra) != Summaries.isScored(rb)) {
                scoredInOneOnly.add(id);
            }
        });
        byIdB.keySet().stream().filter(id -> !byIdA.containsKey(id)).forEach(onlyInB::add);

        Summary.Totals ta = a.totals();
        Summary.Totals tb = b.totals();
        Comparison.Delta overall = delta("all", ta.scored(), ta.correct(), tb.scored(), tb.correct());
        Comparison.Delta official = delta("official", a.scoring().officialScored(), a.scoring().officialCorrect(),
                b.scoring().officialScored(), b.scoring().officialCorrect());

        List<Comparison.BreakdownDelta> breakdowns = new ArrayList<>();
        for (String key : EvalItem.BREAKDOWNS) {
            var ba = a.breakdown(key);
            var bb = b.breakdown(key);
            if (ba.isEmpty() && bb.isEmpty()) {
                continue;
            }
            Set<String> values = new TreeSet<>(NaturalOrder.INSTANCE);
            ba.ifPresent(x -> x.groups().forEach(g -> values.add(g.value())));
            bb.ifPresent(x -> x.groups().forEach(g -> values.add(g.value())));
            List<Comparison.Delta> deltas = new ArrayList<>();
            for (String v : values) {
                var ga = ba.flatMap(x -> x.group(v));
                var gb = bb.flatMap(x -> x.group(v));
                deltas.add(delta(v, ga.map(Summary.Group::scored).orElse(0), ga.map(Summary.Group::correct).orElse(0),
                        gb.map(Summary.Group::scored).orElse(0), gb.map(Summary.Group::correct).orElse(0)));
            }
            breakdowns.add(new Comparison.BreakdownDelta(key, deltas));
        }

        List<String> warnings = new ArrayList<>();
        if (!a.run().suite().equals(b.run().suite())) {
            warnings.add("The runs are of different suites (A: " + a.run().suite() + ", B: " + b.run().suite()
                    + "); their accuracies measure different questions.");
        }
        if (!onlyInA.isEmpty() || !onlyInB.isEmpty()) {
            warnings.add("The runs hold different items (" + onlyInA.size() + " only in A, " + onlyInB.size()
                    + " only in B); compare the per-item flips, or rerun both on the same filter and limit.");
        }
        if (!scoredInOneOnly.isEmpty()) {
            warnings.add(scoredInOneOnly.size() + " items were scored in one run only (skipped or failed in the"
                    + " other): " + firstIds(scoredInOneOnly) + "; the accuracies are over different item sets.");
        }
        if (!a.run().template().equals(b.run().template())) {
            warnings.add("The runs used different prompt templates (A: " + a.run().template() + ", B: "
                    + b.run().template() + ").");
        }
        boolean unofficialA = a.scoring().unofficialScored() > 0;
        boolean unofficialB = b.scoring().unofficialScored() > 0;
        if (unofficialA || unofficialB) {
            warnings.add("Unofficial scoring was used (A: " + a.scoring().unofficialScored() + " items, B: "
                    + b.scoring().unofficialScored() + " items); compare the official accuracies.");
        }
        return new Comparison(a.run(), b.run(), overall, official, breakdowns, List.copyOf(wrongToRight),
                List.copyOf(rightToWrong), List.copyOf(onlyInA), List.copyOf(onlyInB), warnings);
    }

    private static Map<String, ItemResult> byId(List<ItemResult> results) {
        Map<String, ItemResult> map = new LinkedHashMap<>();
        Summaries.latestPerId(results).forEach(r -> map.put(r.id(), r));
        return map;
    }

    private static Comparison.Delta delta(String value, int scoredA, int correctA, int scoredB, int correctB) {
        Double accA = scoredA == 0 ? null : (double) correctA / scoredA;
        Double accB = scoredB == 0 ? null : (double) correctB / scoredB;
        Double pp = accA == null || accB == null ? null : (accB - accA) * 100;
        return new Comparison.Delta(value, scoredA, correctA, accA, scoredB, correctB, accB, pp);
    }

    private static String firstIds(Set<String> ids) {
        List<String> first = ids.stream().limit(Summaries.EXAMPLE_IDS).toList();
        return String.join(", ", first) + (ids.size() > first.size() ? ", …" : "");
    }
}
