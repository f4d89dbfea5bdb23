package dev.kirchhoff.eval.run;

import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.ItemResult;
import dev.kirchhoff.eval.ItemSource;
import dev.kirchhoff.eval.QuestionType;
import dev.kirchhoff.eval.RenderedPrompt;
import dev.kirchhoff.eval.Score;
import dev.kirchhoff.eval.Scorer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Items, prompts, a scorer and a fake clock for the runner's tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** Single-choice item {@code id} whose reference is {@code reference}. */
    static EvalItem item(String id, String reference, Map<String, String> labels) {
        return new EvalItem("mmcircuiteval", id, QuestionType.SINGLE, "", "Which resistor? " + id,
                List.of("10k", "4.7k", "1k"), reference, List.of(), "", labels, new ItemSource("fixture.jsonl", 1));
    }

    /** {@code n} items {@code q0..q(n-1)}, references cycling A, B, C. */
    static List<EvalItem> items(int n) {
        List<EvalItem> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(item("q" + i, String.valueOf((char) ('A' + i % 3)), Map.of("split", i % 2 == 0 ? "general" : "spec")));
        }
        return out;
    }

    static RenderedPrompt prompt(EvalItem item) {
        return new RenderedPrompt("test/single.v1", "Answer with one letter.", item.question(), item.images());
    }

    /** Right when the answer text equals the reference. */
    static final Scorer EXACT = (item, response) -> response.text().equals(item.reference())
            ? Score.right("choice", "answer " + response.text() + ", reference " + item.reference())
            : Score.wrong("choice", "answer " + response.text() + ", reference " + item.reference());

    /** How many lines of a results file carry each id (raw, duplicates counted). */
    static Map<String, Integer> linesPerId(Path results) throws IOException {
        Map<String, Integer> count = new HashMap<>();
        for (String line : Files.readAllLines(results)) {
            if (!line.isBlank()) {
                ItemResult r = ResultsFile.JSON.readValue(line, ItemResult.class);
                count.merge(r.id(), 1, Integer::sum);
            }
        }
        return count;
    }

    static ItemResult result(String id, String model, String status, String finishedAt) {
        return new ItemResult("mmcircuiteval", id, model, status, "single", Map.of("split", "general"),
                "test/single.v1", "A", status.equals(ItemResult.SCORED) ? 1 : 0, status.equals(ItemResult.SCORED),
                "choice", true, "answer A, reference A", null, 1, 12, 11, 7, false, finishedAt);
    }

    /**
     * A clock whose time moves only when someone sleeps on it, so rate limits and backoff take no real time. Use from
     * one thread at a time (concurrency 1) for exact timings.
     */
    static final class FakeClock implements RunClock {
        final AtomicLong nanos = new AtomicLong();
        final List<Duration> sleeps = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public long nanoTime() {
            return nanos.get();
        }

        @Override
        public void sleep(Duration d) {
            sleeps.add(d);
            if (!d.isNegative()) {
                nanos.addAndGet(d.toNanos());
            }
        }

        @Override
        public Instant now() {
            return Instant.parse("2026-01-01T00:00:00Z").plusNanos(nanos.get());
        }

        double seconds() {
            return nanos.get() / 1e9;
        }
    }
}
