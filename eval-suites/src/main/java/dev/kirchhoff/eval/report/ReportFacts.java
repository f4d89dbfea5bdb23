package dev.kirchhoff.eval.report;

import dev.kirchhoff.eval.ItemResult;

import java.util.List;
import java.util.Optional;

/** The sentences and selections the Markdown and HTML reports share, so both say the same. Stateless. */
final class ReportFacts {

    /** How many wrong items a report lists before it only counts the rest. */
    static final int WRONG_ITEMS_SHOWN = 50;

    /** How many characters of a response a report quotes. */
    static final int RESPONSE_CHARS = 160;

    private ReportFacts() {
    }

    static String title(Summary s) {
        String suite = s.run().suite().isEmpty() ? "(unnamed suite)" : s.run().suite();
        String model = s.run().model().isEmpty() ? "(unnamed model)" : s.run().model();
        return suite + " · " + model;
    }

    /** Scored items whose answer was wrong, in result order. */
    static List<ItemResult> wrong(List<ItemResult> results) {
        return Summaries.latestPerId(results).stream().filter(r -> Summaries.isScored(r) && !r.correct()).toList();
    }

    /** The warning a report carries when some items were not scored by the suite's official method. */
    static Optional<String> caveat(Summary s) {
        Summary.Scoring sc = s.scoring();
        if (sc.unofficialScored() == 0) {
            return Optional.empty();
        }
        String how = sc.similarityScored() == sc.unofficialScored()
                ? "by the deterministic similarity fallback"
                : "by an unofficial method (" + sc.similarityScored() + " by the similarity fallback)";
        return Optional.of(sc.unofficialScored() + " of " + s.totals().scored() + " scored items were scored " + how
                + ", not the suite's official method; their accuracy is " + Fmt.accuracy(sc.unofficialCorrect(),
                sc.unofficialScored()) + ". Official accuracy over the other " + sc.officialScored() + " is "
                + Fmt.accuracy(sc.officialCorrect(), sc.officialScored())
                + ". Configure a judge model to score open answers officially.");
    }

    /** {@code 75.0 % (3/4)} */
    static String accuracyWithCounts(int correct, int scored) {
        return Fmt.accuracy(correct, scored) + " (" + correct + "/" + scored + ")";
    }
}
