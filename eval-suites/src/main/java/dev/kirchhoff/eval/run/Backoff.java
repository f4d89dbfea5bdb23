package dev.kirchhoff.eval.run;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The wait before retry {@code n}: {@code min(cap, base * 2^(n-1))}, of which a random half is taken off ("equal
 * jitter"), so workers that failed together do not retry together yet each still waits at least half the step.
 * Immutable.
 *
 * @param base the first step (default 1 s)
 * @param cap  the longest step (default 30 s)
 */
public record Backoff(Duration base, Duration cap) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    public Backoff {
        if (base.isNegative() || cap.isNegative() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("The backoff needs 0 <= base <= cap, not base " + base + " and cap "
                    + cap + ".");
        }
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry).
     *
     * @param random a value in [0, 1)
     */
    public Duration delay(int retry, DoubleSupplier random) {
        long step = base.toMillis();
        for (int i = 1; i < retry && step < cap.toMillis(); i++) {
            step *= 2;
        }
        step = Math.min(step, cap.toMillis());
        long half = step / 2;
        return Duration.ofMillis(step - half + Math.round(half * random.getAsDouble()));
    }
}
