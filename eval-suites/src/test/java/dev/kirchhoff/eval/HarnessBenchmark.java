package dev.kirchhoff.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kirchhoff.eval.run.ChatModelSystem;
import dev.kirchhoff.eval.run.Evaluation;
import dev.kirchhoff.eval.run.ImagePolicy;
import dev.kirchhoff.eval.run.ProgressListener;
import dev.kirchhoff.eval.run.RunOptions;
import dev.kirchhoff.eval.score.Scorers;
import dev.kirchhoff.eval.suite.EvalPrompts;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole harness with an instant model: 10,000 MMCircuitEval-format sub-questions (2,500 records of four types)
 * are loaded, rendered with the official template, sent through {@link ChatModelSystem} to a LangChain4j model that
 * answers at once, scored by the real scorers (choice, set, exact, similarity), appended to results.jsonl, and
 * summarised into the three reports. Prints the overhead per item and the heap after GC at 1k, 5k and 10k items.
 * Runs only with {@code -Dbench=true}: {@code mvn -B -o -pl eval-suites test -Dtest=HarnessBenchmark -Dbench=true}.
 */
class HarnessBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Answers every request at once, like a cache hit, with the official v1 JSON answer. */
    private static final ChatModel INSTANT = new ChatModel() {
        @Override
        public ChatResponse doChat(ChatRequest request) {
            return ChatResponse.builder()
                    .aiMessage(AiMessage.from("{\"answer\": \"B\", \"explanation\": \"The output stage is a "
                            + "class AB push-pull pair biased by two diodes.\"}"))
                    .tokenUsage(new TokenUsage(120, 24)).build();
        }
    };

    private Path suite(int records) throws Exception {
        Path file = dir.resolve("general.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (int r = 0; r < records; r++) {
                ObjectNode rec = JSON.createObjectNode();
                rec.put("statement", "An LM358 is powered from a single 5 V supply; circuit " + r + " drives a "
                        + "10 kOhm load through a class AB output stage.");
                rec.put("ic_type", r % 2 == 0 ? "analog" : "digital");
                rec.put("source", "bench");
                rec.put("extra", "");
                ArrayNode q = rec.putArray("questions");
                q.add("Which output stage is used? A. class A B. class AB C. class B D. class C");
                q.add("Which pins are inputs? A. 2 B. 3 C. 1 D. 8");
                q.add("The gain-setting resistor ratio is ___.");
                q.add("Explain why the output cannot reach the positive rail.");
                rec.putArray("question_types").add("single").add("multi").add("blank").add("open");
                rec.putArray("images");
                rec.putArray("answers").add("B").add("AB").add("10").add("The output stage needs headroom.");
                rec.putArray("explanations").add("").add("").add("").add("");
                rec.putArray("difficulties").add("easy").add("medium").add("hard").add("medium");
                rec.putArray("abilities").add("knowledge").add("comprehension").add("computation").add("reasoning");
                w.write(JSON.writeValueAsString(rec));
                w.newLine();
            }
        }
        return file;
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void tenThousandItemsThroughTheWholeHarness() throws Exception {
        assumeTrue(Boolean.getBoolean("bench"), "run with -Dbench=true");
        Path warm = suite(750);
        Evaluation.run(Evaluation.load("mmcircuiteval", warm), new ChatModelSystem(INSTANT, "bench:instant",
                ImagePolicy.NO), item -> Scorers.offline(), new EvalPrompts(), "v1", RunOptions.defaults(),
                dir.resolve("warm"), ProgressListener.NONE);

        Path file = suite(2500);
        int n = 10_000;
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
        Evaluation.Outcome sampled = Evaluation.run(Evaluation.load("mmcircuiteval", file),
                new ChatModelSystem(INSTANT, "bench:instant", ImagePolicy.NO), item -> Scorers.offline(),
                new EvalPrompts(), "v1", RunOptions.defaults(), dir.resolve("sampled"), sampler);
        assertThat(sampled.run().runNow()).isEqualTo(n);

        long t0 = System.nanoTime();
        Evaluation.Loaded loaded = Evaluation.load("mmcircuiteval", file);
        long loadNanos = System.nanoTime() - t0;
        Evaluation.Outcome timed = Evaluation.run(loaded, new ChatModelSystem(INSTANT, "bench:instant",
                ImagePolicy.NO), item -> Scorers.offline(), new EvalPrompts(), "v1", RunOptions.defaults(),
                dir.resolve("timed"), ProgressListener.NONE);
        long total = System.nanoTime() - t0;
        assertThat(timed.summary().totals().items()).isEqualTo(n);
        double perItem = total / 1e6 / n;
        System.out.printf("HarnessBenchmark: %d items (load %.0f ms) end to end in %.0f ms: %.3f ms per item; "
                + "accuracy %.3f%n", n, loadNanos / 1e6, total / 1e6, perItem, timed.summary().totals().accuracy());
        heap.forEach((k, v) -> System.out.printf("HarnessBenchmark: heap used after GC at %5d items: %.1f MB%n", k,
                v / 1048576.0));
        assertThat(perItem).as("harness overhead per item").isLessThan(1.0);
        assertThat(heap.get(n) - heap.get(1000)).as("heap growth from 1k to 10k items").isLessThan(16L << 20);
    }
}
