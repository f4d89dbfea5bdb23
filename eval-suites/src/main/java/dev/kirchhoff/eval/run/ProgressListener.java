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

    /** An item's result was written. */
    default void itemFinished(ItemResult result) {
    }

    /** The run ended (completed or stopped). */
    default void finished(RunOutcome outcome) {
    }
}
