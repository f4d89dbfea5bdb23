package dev.kirchhoff.eval.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Run A against run B: accuracy per breakdown value with the difference in percentage points, the items whose
 * verdict flipped, the items only one run has, and warnings when the two runs are not like for like. Built by
 * {@link Comparisons#of}. Immutable.
 *
 * @param a           run A's metadata
 * @param b           run B's metadata
 * @param overall     accuracy over all scored items (value {@code all})
 * @param official    accuracy over the items scored by the suite's official method (value {@code official})
 * @param breakdowns  per breakdown key either run carries, in {@code EvalItem.BREAKDOWNS} order
 * @param wrongToRight ids not right in A (wrong, skipped or failed) and right in B, among items both runs have
 * @param rightToWrong ids right in A and not right in B, among items both runs have
 * @param onlyInA     ids only run A has
 * @param onlyInB     ids only run B has
 * @param warnings    why the two accuracies may not be comparable; empty when they are
 */
@JsonPropertyOrder({"a", "b", "overall", "official", "breakdowns", "wrongToRight", "rightToWrong", "onlyInA", "onlyInB",
        "warnings"})
public record Comparison(RunInfo a, RunInfo b, Delta overall, Delta official, List<BreakdownDelta> breakdowns,
                         List<String> wrongToRight, List<String> rightToWrong, List<String> onlyInA,
                         List<String> onlyInB, List<String> warnings) {

    public Comparison {
        Objects.requireNonNull(a, "The parameter 'a' must not be null.");
        Objects.requireNonNull(b, "The parameter 'b' must not be null.");
        Objects.requireNonNull(overall, "The parameter 'overall' must not be null.");
        Objects.requireNonNull(official, "The parameter 'official' must not be null.");
        breakdowns = List.copyOf(breakdowns);
        wrongToRight = List.copyOf(wrongToRight);
        rightToWrong = List.copyOf(rightToWrong);
        onlyInA = List.copyOf(onlyInA);
        onlyInB = List.copyOf(onlyInB);
        warnings = List.copyOf(warnings);
    }

    /** The comparison for a breakdown key, if either run carries that label. */
    public Optional<BreakdownDelta> breakdown(String key) {
        return breakdowns.stream().filter(d -> d.key().equals(key)).findFirst();
    }

    /**
     * One breakdown's values compared.
     *
     * @param key    the label key
     * @param groups one per value either run has, in natural order, {@value Summary#NONE} last
     */
    @JsonPropertyOrder({"key", "groups"})
    public record BreakdownDelta(String key, List<Delta> groups) {
        public BreakdownDelta {
            groups = List.copyOf(groups);
        }

        /** The comparison for a value, if either run has it. */
        public Optional<Delta> group(String value) {
            return groups.stream().filter(g -> g.value().equals(value)).findFirst();
        }
    }

    /**
     * One value's accuracy in both runs.
     *
     * @param value     the label value
     * @param scoredA   scored items with it in A (0 when A has none)
     * @param correctA  of those, the correct ones
     * @param accuracyA correctA / scoredA, null when A scored none
     * @param scoredB   scored items with it in B
     * @param correctB  of those, the correct ones
     * @param accuracyB correctB / scoredB, null when B scored none
     * @param deltaPp   (accuracyB − accuracyA) × 100, in percentage points; null when either accuracy is
     */
    @JsonPropertyOrder({"value", "scoredA", "correctA", "accuracyA", "scoredB", "correctB", "accuracyB", "deltaPp"})
    public record Delta(String value, int scoredA, int correctA, Double accuracyA, int scoredB, int correctB,
                        Double accuracyB, Double deltaPp) {
    }
}
