package dev.kirchhoff.eval.run;

import dev.kirchhoff.eval.EvalItem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a run goes: how many items at once, how fast, how long an attempt may take, how often to retry, and which
 * items. Immutable; start from {@link #defaults()} and change fields with the {@code with...} methods.
 *
 * @param concurrency       items answered at once (default 4)
 * @param requestsPerMinute attempts started per minute across all workers, retries included; 0 for no limit
 * @param timeout           how long one attempt may take before it is interrupted and counted as a
 *                          {@link java.util.concurrent.TimeoutException} (default 180 s)
 * @param retries           further attempts after a failed one (default 2, so at most 3 calls)
 * @param backoff           the wait before a retry (default 1 s doubling to 30 s, with jitter)
 * @param limit             at most this many items of the selection (after filter and shard); 0 for all
 * @param filter            which items by label
 * @param shard             which part of the suite
 * @param retryErrors       on resume, run again the items whose last result is an error (default false)
 * @param stopGrace         how long {@link Runner#stop()} waits for items in flight before interrupting them
 */
public record RunOptions(int concurrency, int requestsPerMinute, Duration timeout, int retries, Backoff backoff,
                         int limit, ItemFilter filter, Shard shard, boolean retryErrors, Duration stopGrace) {

    public RunOptions {
        if (concurrency < 1) {
            throw new IllegalArgumentException("The concurrency must be at least 1, not " + concurrency
                    + "; write e.g. --concurrency 4.");
        }
        if (requestsPerMinute < 0) {
            throw new IllegalArgumentException("The requests per minute must be 0 (no limit) or more, not "
                    + requestsPerMinute + ".");
        }
        Objects.requireNonNull(timeout, "The parameter 'timeout' must not be null.");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout must be positive, not " + timeout + ".");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("The retries must be 0 or more, not " + retries + ".");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("The limit must be 0 (all items) or more, not " + limit + ".");
        }
        backoff = backoff == null ? Backoff.DEFAULT : backoff;
        filter = filter == null ? ItemFilter.NONE : filter;
        shard = shard == null ? Shard.ALL : shard;
        stopGrace = stopGrace == null ? Duration.ofSeconds(30) : stopGrace;
    }

    /** Concurrency 4, no rate limit, 180 s per attempt, 2 retries, all items, errors not re-run on resume. */
    public static RunOptions defaults() {
        return new RunOptions(4, 0, Duration.ofSeconds(180), 2, Backoff.DEFAULT, 0, ItemFilter.NONE, Shard.ALL,
                false, Duration.ofSeconds(30));
    }

    public RunOptions withConcurrency(int n) {
        return new RunOptions(n, requestsPerMinute, timeout, retries, backoff, limit, filter, shard, retryErrors,
                stopGrace);
    }

    public RunOptions withRequestsPerMinute(int n) {
        return new RunOptions(concurrency, n, timeout, retries, backoff, limit, filter, shard, retryErrors, stopGrace);
    }

    public RunOptions withTimeout(Duration t) {
        return new RunOptions(concurrency, requestsPerMinute, t, retries, backoff, limit, filter, shard, retryErrors,
                stopGrace);
    }

    public RunOptions withRetries(int n) {
        return new RunOptions(concurrency, requestsPerMinute, timeout, n, backoff, limit, filter, shard, retryErrors,
                stopGrace);
    }

    public RunOptions withBackoff(Backoff b) {
        return new RunOptions(concurrency, requestsPerMinute, timeout, retries, b, limit, filter, shard, retryErrors,
                stopGrace);
    }

    public RunOptions withLimit(int n) {
        return new RunOptions(concurrency, requestsPerMinute, timeout, retries, backoff, n, filter, shard, retryErrors,
                stopGrace);
    }

    public RunOptions withFilter(ItemFilter f) {
        return new RunOptions(concurrency, requestsPerMinute, timeout, retries, backoff, limit, f, shard, retryErrors,
                stopGrace);
    }

    public RunOptions withShard(Shard s) {
        return new RunOptions(concurrency, requestsPerMinute, timeout, retries, backoff, limit, filter, s, retryErrors,
                stopGrace);
    }

    public RunOptions withRetryErrors(boolean b) {
        return new RunOptions(concurrency, requestsPerMinute, timeout, retries, backoff, limit, filter, shard, b,
                stopGrace);
    }

    public RunOptions withStopGrace(Duration d) {
        return new RunOptions(concurrency, requestsPerMinute, timeout, retries, backoff, limit, filter, shard,
                retryErrors, d);
    }

    /**
     * The items this run takes, in their order: those passing the filter, then those of the shard, then the first
     * {@code limit} of them.
     *
     * @throws IllegalArgumentException when the filter names a label no item carries
     */
    public List<EvalItem> select(List<EvalItem> items) {
        filter.requireKnownKeys(items);
        List<EvalItem> out = new ArrayList<>();
        for (EvalItem item : items) {
            if (limit > 0 && out.size() >= limit) {
                break;
            }
            if (filter.test(item) && shard.contains(item)) {
                out.add(item);
            }
        }
        return out;
    }
}
