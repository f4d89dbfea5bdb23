package dev.kirchhoff.eval.run;

import dev.kirchhoff.eval.ItemResult;

/**
 * Told how a run advances. {@link #itemFinished} is called from the runner's worker threads, so implementations are
 * thread-safe.
 */
public interface ProgressListener {

    /** Reports nothing. */
    ProgressListener NONE = new ProgressListener() {
    };

    /**
     * The run starts.
     *
     * @param selected    items selected (filter, shard, limit)
     * @param alreadyDone of those, items with a result on disk that are not run again
     */
    default void started(int selected, int alreadyDone) {
    }

    /**
     * Something the user should know that does not stop the run, such as a corrupt or torn line found in the
     * results file on resume (with its file and line).
     */
    default void warning(String message) {
    }

    /** An item's result was written. */
    default void itemFinished(ItemResult result) {
    }

    /** The run ended (completed or stopped). */
    default void finished(RunOutcome outcome) {
    }
}
