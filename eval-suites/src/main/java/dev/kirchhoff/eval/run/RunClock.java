package dev.kirchhoff.eval.run;

import java.time.Duration;
import java.time.Instant;

/**
 * The time source and the waits of a run (rate limiting, retry backoff), injectable so that tests run with a fake
 * clock in no real time. Implementations are thread-safe.
 */
public interface RunClock {

    /** The system clock and {@link Thread#sleep}. */
    RunClock SYSTEM = new RunClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration d) throws InterruptedException {
            if (!d.isNegative() && !d.isZero()) {
                Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
            }
        }

        @Override
        public Instant now() {
            return Instant.now();
        }
    };

    /** A monotonic time in nanoseconds, for measuring intervals. */
    long nanoTime();

    /** Waits this long; returns at once for zero or negative durations. */
    void sleep(Duration d) throws InterruptedException;

    /** The wall-clock time recorded as {@code finishedAt}. */
    Instant now();
}
