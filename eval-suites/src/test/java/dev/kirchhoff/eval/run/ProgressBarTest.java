package dev.kirchhoff.eval.run;

import dev.kirchhoff.eval.ItemResult;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {

    @Test
    void lineShowsBarCountPercentRateEtaAndErrors() {
        // 412 of 1000 in 128.75 s: 3.2 it/s, 588 left take 183.75 s -> 3m04s
        assertThat(ProgressBar.line(412, 1000, 412, 128_750_000_000L, 2))
                .isEqualTo("[#######...........] 412/1000 41% 3.2 it/s ETA 3m04s errors 2");
    }

    @Test
    void resumedItemsCountAsDoneButNotInTheRate() {
        // 500 resumed + 100 run now in 50 s: 2.0 it/s, 400 left -> 200 s
        assertThat(ProgressBar.line(600, 1000, 100, 50_000_000_000L, 0))
                .isEqualTo("[##########........] 600/1000 60% 2.0 it/s ETA 3m20s errors 0");
    }

    @Test
    void beforeAnyItemTheEtaIsUnknown() {
        assertThat(ProgressBar.line(0, 10, 0, 0, 0)).isEqualTo("[..................] 0/10 0% 0.0 it/s ETA -- errors 0");
    }

    @Test
    void durationsAndBars() {
        assertThat(ProgressBar.duration(45)).isEqualTo("45s");
        assertThat(ProgressBar.duration(184)).isEqualTo("3m04s");
        assertThat(ProgressBar.duration(7500)).isEqualTo("2h05m");
        assertThat(ProgressBar.bar(999, 1000, 10)).isEqualTo("[#########.]");
        assertThat(ProgressBar.bar(1000, 1000, 10)).isEqualTo("[##########]");
        assertThat(ProgressBar.percent(999, 1000)).isEqualTo(99);
        assertThat(ProgressBar.percent(0, 0)).isEqualTo(100);
    }

    private static ItemResult done(String status) {
        return Fixtures.result("q", "m", status, "t");
    }

    @Test
    void withoutATerminalItPrintsAPlainLineEveryTenPercent() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, now::get);
        bar.started(20, 0);
        for (int i = 0; i < 20; i++) {
            now.addAndGet(500_000_000L);   // 2 items per second
            bar.itemFinished(done(i == 3 ? ItemResult.ERROR : ItemResult.SCORED));
        }
        bar.finished(new RunOutcome(20, 0, 20, 19, 19, 0, 1, false));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        // start, then at 2, 4, ..., 20 items (each 10%); the last of these is the final line, not printed twice
        assertThat(lines).hasSize(11);
        assertThat(lines[0]).isEqualTo("[..................] 0/20 0% 0.0 it/s ETA -- errors 0");
        assertThat(lines[2]).isEqualTo("[###...............] 4/20 20% 2.0 it/s ETA 8s errors 1");
        assertThat(lines[10]).isEqualTo("[##################] 20/20 100% 2.0 it/s ETA 0s errors 1");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\r");
    }

    @Test
    void withoutATerminalASlowRunStillPrintsEveryTenSeconds() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, now::get);
        bar.started(1000, 0);
        now.addAndGet(4_000_000_000L);
        bar.itemFinished(done(ItemResult.SCORED));   // 4 s, under 10%: quiet
        now.addAndGet(7_000_000_000L);
        bar.itemFinished(done(ItemResult.SCORED));   // 11 s since the last line: printed
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith("[..................] 2/1000 0% 0.2 it/s");
    }

    @Test
    void onATerminalItRedrawsOneLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, now::get);
        bar.started(3, 1);
        now.addAndGet(1_000_000_000L);
        bar.itemFinished(done(ItemResult.SCORED));
        bar.itemFinished(done(ItemResult.SCORED));
        bar.finished(new RunOutcome(3, 1, 2, 2, 2, 0, 0, false));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("Resuming: 1 of 3 items already have a result.\n\r[######............] 1/3 33%");
        assertThat(out).contains("\r[############......] 2/3 66% 1.0 it/s ETA 1s errors 0");
        assertThat(out).endsWith("\r[##################] 3/3 100% 2.0 it/s ETA 0s errors 0\n");
    }

    @Test
    void warningsArePrintedOnTheirOwnLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, () -> 0L);
        bar.warning("run/results.jsonl:7: not a result: Unexpected end-of-input; the line was skipped");
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("Warning: run/results.jsonl:7: not a result: Unexpected end-of-input; the line was skipped\n");
    }

    @Test
    void stoppedRunSaysHowToResume() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, () -> 0L);
        bar.started(10, 0);
        bar.finished(new RunOutcome(10, 0, 4, 4, 4, 0, 0, true));
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("Stopped: 6 items have no result yet; run the same command again to resume.");
    }
}
