package dev.kirchhoff.eval.score;

import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.Response;
import dev.kirchhoff.eval.Score;
import dev.kirchhoff.eval.Scorer;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The deterministic fallback for open answers when no judge model is configured: the mean of token-level F1 and
 * ROUGE-L (F-measure of the longest common subsequence) over normalised words ({@link Words}), correct when at least
 * 0.5. It is NOT the suites' official method (they use an LLM judge), so scores carry {@code official = false} and
 * the method {@code similarity (unofficial)}. Immutable and thread-safe.
 */
public final class SimilarityScorer implements Scorer {

    public static final String METHOD = "similarity (unofficial)";
    public static final double PASS = 0.5;

    @Override
    public Score score(EvalItem item, Response response) {
        AnswerExtractor.Extracted answer = AnswerExtractor.text(response.text());
        List<String> got = Words.of(answer.value());
        List<String> want = Words.of(item.reference());
        double f1 = f1(got, want);
        double rouge = rougeL(got, want);
        double value = (f1 + rouge) / 2;
        String detail = String.format(Locale.ROOT, "token F1 %.2f, ROUGE-L %.2f, mean %.2f (no judge model: "
                + "unofficial)", f1, rouge, value);
        return new Score(value, value >= PASS, METHOD, false, detail);
    }

    /** Token-level F1: the overlap of the two bags of words. */
    static double f1(List<String> got, List<String> want) {
        if (got.isEmpty() || want.isEmpty()) {
            return got.isEmpty() && want.isEmpty() ? 1 : 0;
        }
        Map<String, Integer> counts = new HashMap<>();
        want.forEach(w -> counts.merge(w, 1, Integer::sum));
        int common = 0;
        for (String w : got) {
            Integer c = counts.get(w);
            if (c != null && c > 0) {
                common++;
                counts.put(w, c - 1);
            }
        }
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / got.size();
        double recall = (double) common / want.size();
        return 2 * precision * recall / (precision + recall);
    }

    /** ROUGE-L F-measure (beta 1): the longest common subsequence against both lengths. */
    static double rougeL(List<String> got, List<String> want) {
        if (got.isEmpty() || want.isEmpty()) {
            return got.isEmpty() && want.isEmpty() ? 1 : 0;
        }
        int[] prev = new int[want.size() + 1];
        int[] cur = new int[want.size() + 1];
        for (String g : got) {
            for (int j = 1; j <= want.size(); j++) {
                cur[j] = g.equals(want.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        int lcs = prev[want.size()];
        if (lcs == 0) {
            return 0;
        }
        double precision = (double) lcs / got.size();
        double recall = (double) lcs / want.size();
        return 2 * precision * recall / (precision + recall);
    }
}
