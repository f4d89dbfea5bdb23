package dev.kirchhoff.eval.report;

/** Wording both comparison renderers share. Stateless. */
final class ComparisonFacts {

    private ComparisonFacts() {
    }

    /** {@code suite · model} */
    static String name(RunInfo run) {
        return (run.suite().isEmpty() ? "(unnamed suite)" : run.suite()) + " · "
                + (run.model().isEmpty() ? "(unnamed model)" : run.model());
    }

    static String describe(RunInfo run) {
        return name(run) + ", input " + run.input() + ", template " + run.template() + ", started " + run.startedAt();
    }

    /** One side of a delta row: {@code 75.0 % (3/4)}, or {@code –} when the run has no scored item there. */
    static String side(int correct, int scored) {
        return scored == 0 ? "–" : ReportFacts.accuracyWithCounts(correct, scored);
    }
}
