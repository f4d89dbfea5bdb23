package dev.kirchhoff.eval.run;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    @Test
    void tenRequestsAtThirtyPerMinuteSpanEighteenSeconds() throws Exception {
        Fixtures.FakeClock clock = new Fixtures.FakeClock();
        RateLimiter limiter = new RateLimiter(30, clock);
        for (int i = 0; i < 10; i++) {
            assertThat(clock.seconds()).as("before request %d", i).isEqualTo(i == 0 ? 0 : 2.0 * (i - 1));
            limiter.acquire();
            assertThat(clock.seconds()).as("request %d starts", i).isEqualTo(2.0 * i);
        }
    }

    @Test
    void timeAlreadySpentElsewhereIsNotWaitedAgain() throws Exception {
        Fixtures.FakeClock clock = new Fixtures.FakeClock();
        RateLimiter limiter = new RateLimiter(60, clock);
        limiter.acquire();
        clock.sleep(Duration.ofSeconds(5));   // a slow answer
        limiter.acquire();
        assertThat(clock.seconds()).isEqualTo(5.0);
    }

    @Test
    void zeroMeansNoLimit() throws Exception {
        Fixtures.FakeClock clock = new Fixtures.FakeClock();
        RateLimiter limiter = new RateLimiter(0, clock);
        for (int i = 0; i < 100; i++) {
            limiter.acquire();
        }
        assertThat(clock.sleeps).isEmpty();
    }
}
