package dev.kirchhoff.eval.run;

import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.ItemResult;
import dev.kirchhoff.eval.Response;
import dev.kirchhoff.eval.Score;
import dev.kirchhoff.eval.Scorer;
import dev.kirchhoff.eval.SystemUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Harness overhead with an instant system under test: 10,000 items at concurrency 4, time per item and heap after GC
 * at 1k, 5k and 10k items. Runs only with {@code -Dbench=true}:
 * {@code mvn -B -o -pl eval-suites test -Dtest=RunnerBenchmark -Dbench=true}.
 */
class RunnerBenchmark {

    @TempDir
    Path dir;

    private static final SystemUnderTest INSTANT = new SystemUnderTest() {
        @Override
        public String name() {
            return "bench:instant";
        }

        @Override
        public Response answer(EvalItem item, dev.kirchhoff.eval.RenderedPrompt prompt) {
            return new Response(item.reference(), 10, 1, false, "", null);
        }
    };

    private static final Scorer TRIVIAL = (item, response) -> Score.right("choice", "answer " + response.text());

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void tenThousandInstantItems() throws Exception {
        assumeTrue(Boolean.getBoolean("bench"), "run with -Dbench=true");
        // warm-up: the JIT, the thread pools, Jackson's serializers
        Runner.builder().system(INSTANT).prompts(Fixtures::prompt).scorer(TRIVIAL)
                .results(dir.resolve("warmup.jsonl")).build().run(Fixtures.items(3000));

        int n = 10_000;
        List<EvalItem> items = Fixtures.items(n);
        Map<Integer, Long> heap = new ConcurrentSkipListMap<>();
        AtomicInteger done = new AtomicInteger();
        ProgressListener sampler = new ProgressListener() {
            @Override
            public void itemFinished(ItemResult result) {
                int d = done.incrementAndGet();
                if (d == 1000 || d == 5000 || d == n) {
                    heap.put(d, usedAfterGc());
                }
            }
        };
        long t0 = System.nanoTime();
        RunOutcome outcome = Runner.builder().system(INSTANT).prompts(Fixtures::prompt).scorer(TRIVIAL)
                .options(RunOptions.defaults().withConcurrency(4)).results(dir.resolve("results.jsonl"))
                .progress(sampler).build().run(items);
        long wall = System.nanoTime() - t0;
        assertThat(outcome.runNow()).isEqualTo(n);

        // timed again without the GC samples, which stall a worker
        long t1 = System.nanoTime();
        Runner.builder().system(INSTANT).prompts(Fixtures::prompt).scorer(TRIVIAL)
                .options(RunOptions.defaults().withConcurrency(4)).results(dir.resolve("results2.jsonl"))
                .build().run(items);
        long clean = System.nanoTime() - t1;

        double perItemMs = clean / 1e6 / n;
        System.out.printf("RunnerBenchmark: %d items, concurrency 4: %.1f ms total, %.4f ms per item "
                + "(with GC sampling: %.1f ms)%n", n, clean / 1e6, perItemMs, wall / 1e6);
        heap.forEach((k, v) -> System.out.printf("RunnerBenchmark: heap used after GC at %5d items: %.1f MB%n", k,
                v / 1048576.0));
        assertThat(perItemMs).as("harness overhead per item").isLessThan(1.0);
        assertThat(heap.get(n) - heap.get(1000)).as("heap growth from 1k to 10k items").isLessThan(16L << 20);
    }
}
