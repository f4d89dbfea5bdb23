package dev.kirchhoff.eval.run;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void stepsDoubleFromOneSecondToTheThirtySecondCapWithHalfJittered() {
        Backoff b = Backoff.DEFAULT;
        assertThat(b.delay(1, () -> 0.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(b.delay(1, () -> 1.0)).isEqualTo(Duration.ofMillis(1000));
        assertThat(b.delay(2, () -> 0.0)).isEqualTo(Duration.ofMillis(1000));
        assertThat(b.delay(3, () -> 0.5)).isEqualTo(Duration.ofMillis(3000));   // step 4 s: 2 s + half of 2 s
        assertThat(b.delay(5, () -> 1.0)).isEqualTo(Duration.ofSeconds(16));
        assertThat(b.delay(6, () -> 1.0)).isEqualTo(Duration.ofSeconds(30));    // 32 s capped
        assertThat(b.delay(40, () -> 0.0)).isEqualTo(Duration.ofSeconds(15));
    }
}
