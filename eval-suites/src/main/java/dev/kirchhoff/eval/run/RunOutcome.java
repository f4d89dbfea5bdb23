package dev.kirchhoff.eval.run;

/**
 * What a run did. Immutable.
 *
 * @param selected    items selected by filter, shard and limit
 * @param alreadyDone of those, items whose result was already on disk and were not run again
 * @param runNow      items whose result this run wrote
 * @param scored      of those, items answered and scored
 * @param correct     of the scored, items counted correct
 * @param skipped     items the system under test declined
 * @param errors      items recorded as errors
 * @param stopped     whether the run was stopped before taking every item; the rest run on resume
 */
public record RunOutcome(int selected, int alreadyDone, int runNow, int scored, int correct, int skipped, int errors,
                         boolean stopped) {

    /** Items still without a result: neither on disk before nor written now. */
    public int remaining() {
        return selected - alreadyDone - runNow;
    }
}
