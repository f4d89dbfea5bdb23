package dev.kirchhoff.eval.run;

import java.time.Duration;
import java.util.Objects;

/**
 * Spaces attempts evenly at {@code requestsPerMinute}, shared by all workers: each {@link #acquire()} reserves the
 * next free slot ({@code 60 s / rate} after the previous one, or now if that has passed) and waits for it. No burst
 * is allowed, so a provider's per-minute quota is never exceeded in any window. Thread-safe.
 */
public final class RateLimiter {

    private final long intervalNanos;
    private final RunClock clock;
    private long next;
    private boolean started;

    /**
     * @param requestsPerMinute attempts per minute; 0 for no limit
     */
    public RateLimiter(int requestsPerMinute, RunClock clock) {
        if (requestsPerMinute < 0) {
            throw new IllegalArgumentException("requestsPerMinute must be 0 or more, not " + requestsPerMinute + ".");
        }
        this.intervalNanos = requestsPerMinute == 0 ? 0 : 60_000_000_000L / requestsPerMinute;
        this.clock = Objects.requireNonNull(clock, "The parameter 'clock' must not be null.");
    }

    /** Waits until the caller may start one attempt. */
    public void acquire() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = clock.nanoTime();
            long slot = !started || next < now ? now : next;
            started = true;
            next = slot + intervalNanos;
            wait = slot - now;
        }
        clock.sleep(Duration.ofNanos(wait));
    }
}
