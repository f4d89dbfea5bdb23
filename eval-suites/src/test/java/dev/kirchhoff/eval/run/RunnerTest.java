package dev.kirchhoff.eval.run;

import dev.kirchhoff.agents.llm.LlmException;
import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.ItemResult;
import dev.kirchhoff.eval.RenderedPrompt;
import dev.kirchhoff.eval.Response;
import dev.kirchhoff.eval.SystemUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.kirchhoff.eval.run.Fixtures.EXACT;
import static dev.kirchhoff.eval.run.Fixtures.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunnerTest {

    @TempDir
    Path dir;

    /** Answers from a function of the item, counting calls per id. */
    static final class CountingSystem implements SystemUnderTest {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final Answerer answerer;

        interface Answerer {
            Response answer(EvalItem item, int call) throws Exception;
        }

        CountingSystem(Answerer answerer) {
            this.answerer = answerer;
        }

        @Override
        public String name() {
            return "test:counting";
        }

        @Override
        public Response answer(EvalItem item, RenderedPrompt prompt) throws Exception {
            int call = calls.computeIfAbsent(item.id(), k -> new AtomicInteger()).incrementAndGet();
            return answerer.answer(item, call);
        }

        int calls(String id) {
            AtomicInteger n = calls.get(id);
            return n == null ? 0 : n.get();
        }
    }

    private Runner.Builder runner(SystemUnderTest sut, RunOptions options, Fixtures.FakeClock clock) {
        return Runner.builder().system(sut).prompts(Fixtures::prompt).scorer(EXACT).options(options)
                .results(dir.resolve("results.jsonl")).clock(clock).random(() -> 0.0);
    }

    private Map<String, ItemResult> results() throws Exception {
        return ResultsFile.read(dir.resolve("results.jsonl")).byId();
    }

    @Test
    void everyItemIsAnsweredScoredAndWrittenOnce() throws Exception {
        // answers "A" to everything: q0 (A) and q3 (A) are right, the others wrong
        CountingSystem sut = new CountingSystem((item, call) -> new Response("A", 20, 3, false, "", null));
        RunOutcome outcome = runner(sut, RunOptions.defaults(), new Fixtures.FakeClock()).build().run(items(6));
        assertThat(outcome).isEqualTo(new RunOutcome(6, 0, 6, 6, 2, 0, 0, false));
        Map<String, ItemResult> r = results();
        assertThat(r.keySet()).containsExactlyInAnyOrder("q0", "q1", "q2", "q3", "q4", "q5");
        assertThat(r.get("q0")).satisfies(x -> {
            assertThat(x.status()).isEqualTo("scored");
            assertThat(x.correct()).isTrue();
            assertThat(x.score()).isEqualTo(1.0);
            assertThat(x.method()).isEqualTo("choice");
            assertThat(x.detail()).isEqualTo("answer A, reference A");
            assertThat(x.model()).isEqualTo("test:counting");
            assertThat(x.template()).isEqualTo("test/single.v1");
            assertThat(x.labels()).containsEntry("split", "general");
            assertThat(x.attempts()).isEqualTo(1);
            assertThat(x.inputTokens()).isEqualTo(20);
            assertThat(x.outputTokens()).isEqualTo(3);
            assertThat(x.finishedAt()).isEqualTo("2026-01-01T00:00:00Z");
        });
        assertThat(r.get("q1").correct()).isFalse();
        assertThat(r.get("q1").detail()).isEqualTo("answer A, reference B");
        assertThat(Fixtures.linesPerId(dir.resolve("results.jsonl")).values()).containsOnly(1);
    }

    @Test
    void neverMoreItemsInFlightThanTheConcurrency() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch threeIn = new CountDownLatch(3);
        CountingSystem sut = new CountingSystem((item, call) -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            threeIn.countDown();
            threeIn.await(5, TimeUnit.SECONDS);   // the first three meet, so the bound is reached
            Thread.sleep(1);
            inFlight.decrementAndGet();
            return Response.text(item.reference());
        });
        RunOutcome outcome = runner(sut, RunOptions.defaults().withConcurrency(3), new Fixtures.FakeClock()).build()
                .run(items(40));
        assertThat(outcome.scored()).isEqualTo(40);
        assertThat(most.get()).isEqualTo(3);
    }

    @Test
    void failingTwiceThenAnsweringIsScoredWithThreeAttemptsAfterTwoBackoffWaits() throws Exception {
        CountingSystem sut = new CountingSystem((item, call) -> {
            if (call <= 2) {
                throw new IllegalStateException("flaky " + call);
            }
            return Response.text(item.reference());
        });
        Fixtures.FakeClock clock = new Fixtures.FakeClock();
        RunOutcome outcome = runner(sut, RunOptions.defaults(), clock).build().run(items(1));
        assertThat(outcome.scored()).isEqualTo(1);
        assertThat(results().get("q0")).satisfies(x -> {
            assertThat(x.status()).isEqualTo("scored");
            assertThat(x.correct()).isTrue();
            assertThat(x.attempts()).isEqualTo(3);
            assertThat(x.error()).isNull();
        });
        // jitter 0: half of 1 s, then half of 2 s
        assertThat(clock.sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void alwaysFailingItemIsAnErrorWithClassAndMessageAndTheRunGoesOn() throws Exception {
        CountingSystem sut = new CountingSystem((item, call) -> {
            if (item.id().equals("q1")) {
                throw new java.io.IOException("connection reset by 127.0.0.1");
            }
            return Response.text(item.reference());
        });
        RunOutcome outcome = runner(sut, RunOptions.defaults(), new Fixtures.FakeClock()).build().run(items(3));
        assertThat(outcome).isEqualTo(new RunOutcome(3, 0, 3, 2, 2, 0, 1, false));
        ItemResult q1 = results().get("q1");
        assertThat(q1.status()).isEqualTo("error");
        assertThat(q1.attempts()).isEqualTo(3);
        assertThat(q1.error()).isEqualTo(new ItemResult.ErrorInfo("IOException", "connection reset by 127.0.0.1"));
        assertThat(sut.calls("q1")).isEqualTo(3);
    }

    @Test
    void llmFailureThatAnotherTryCannotFixIsNotRetried() throws Exception {
        for (LlmException.Kind kind : List.of(LlmException.Kind.AUTH, LlmException.Kind.MISSING_KEY,
                LlmException.Kind.BAD_REQUEST)) {
            Path file = dir.resolve(kind + ".jsonl");
            CountingSystem sut = new CountingSystem((item, call) -> {
                throw new LlmException(kind, "openai:gpt-4o refused: " + kind);
            });
            Runner.builder().system(sut).prompts(Fixtures::prompt).scorer(EXACT).results(file)
                    .clock(new Fixtures.FakeClock()).build().run(items(1));
            ItemResult r = ResultsFile.read(file).byId().get("q0");
            assertThat(r.attempts()).as("%s", kind).isEqualTo(1);
            assertThat(r.error()).isEqualTo(new ItemResult.ErrorInfo("LlmException", "openai:gpt-4o refused: " + kind));
        }
        CountingSystem limited = new CountingSystem((item, call) -> {
            throw new LlmException(LlmException.Kind.RATE_LIMIT, "429");
        });
        runner(limited, RunOptions.defaults(), new Fixtures.FakeClock()).build().run(items(1));
        assertThat(limited.calls("q0")).isEqualTo(3);
    }

    @Test
    void attemptPastTheTimeoutIsInterruptedAndRecordedAsTimeoutException() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        CountingSystem sut = new CountingSystem((item, call) -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return Response.text("A");
        });
        RunOptions options = RunOptions.defaults().withTimeout(Duration.ofMillis(150)).withRetries(0);
        RunOutcome outcome = runner(sut, options, new Fixtures.FakeClock()).build().run(items(1));
        assertThat(outcome.errors()).isEqualTo(1);
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the attempt thread was interrupted").isTrue();
        ItemResult r = results().get("q0");
        assertThat(r.status()).isEqualTo("error");
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.error().type()).isEqualTo("TimeoutException");
        assertThat(r.error().message()).isEqualTo("no answer within 150 ms (attempt 1 of 1); raise the timeout or "
                + "lower the concurrency");
    }

    @Test
    void scorerFailureIsAnErrorOnThatItemOnly() throws Exception {
        CountingSystem sut = new CountingSystem((item, call) -> Response.text("B"));
        Runner r = Runner.builder().system(sut).prompts(Fixtures::prompt)
                .scorers(item -> item.id().equals("q2") ? (i, resp) -> {
                    throw new IllegalStateException("reference 'C' of q2 is not an option letter");
                } : EXACT)
                .results(dir.resolve("results.jsonl")).build();
        RunOutcome outcome = r.run(items(3));
        assertThat(outcome).isEqualTo(new RunOutcome(3, 0, 3, 2, 1, 0, 1, false));
        ItemResult q2 = results().get("q2");
        assertThat(q2.status()).isEqualTo("error");
        assertThat(q2.response()).isEqualTo("B");
        assertThat(q2.attempts()).isEqualTo(1);
        assertThat(q2.error()).isEqualTo(new ItemResult.ErrorInfo("IllegalStateException",
                "reference 'C' of q2 is not an option letter"));
        assertThat(sut.calls("q2")).isEqualTo(1);
    }

    @Test
    void skippedResponseIsRecordedWithItsReason() throws Exception {
        CountingSystem sut = new CountingSystem((item, call) -> Response.skipped("item has 1 image; model m does "
                + "not take images"));
        RunOutcome outcome = runner(sut, RunOptions.defaults(), new Fixtures.FakeClock()).build().run(items(1));
        assertThat(outcome.skipped()).isEqualTo(1);
        ItemResult r = results().get("q0");
        assertThat(r.status()).isEqualTo("skipped");
        assertThat(r.detail()).isEqualTo("item has 1 image; model m does not take images");
        assertThat(r.correct()).isFalse();
    }

    @Test
    void promptThatCannotBeRenderedIsAnErrorWithoutCallingTheSystem() throws Exception {
        CountingSystem sut = new CountingSystem((item, call) -> Response.text("A"));
        Runner.builder().system(sut).scorer(EXACT).results(dir.resolve("results.jsonl"))
                .prompts(item -> {
                    throw new IllegalArgumentException("template single.v1 has no {options}");
                }).build().run(items(1));
        ItemResult r = results().get("q0");
        assertThat(r.error()).isEqualTo(new ItemResult.ErrorInfo("IllegalArgumentException",
                "template single.v1 has no {options}"));
        assertThat(r.attempts()).isZero();
        assertThat(sut.calls).isEmpty();
    }

    @Test
    void rateLimitSpacesEveryAttemptRetriesIncluded() throws Exception {
        Fixtures.FakeClock clock = new Fixtures.FakeClock();
        List<Double> startedAt = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        CountingSystem sut = new CountingSystem((item, call) -> {
            startedAt.add(clock.seconds());
            if (call == 1) {
                throw new IllegalStateException("first try fails");
            }
            return Response.text(item.reference());
        });
        RunOptions options = RunOptions.defaults().withConcurrency(1).withRequestsPerMinute(120)
                .withBackoff(new Backoff(Duration.ZERO, Duration.ZERO));
        RunOutcome outcome = runner(sut, options, clock).build().run(items(3));
        assertThat(outcome.scored()).isEqualTo(3);
        // 3 items x 2 attempts at 120/min: one every 0.5 s of (fake) time
        assertThat(startedAt).containsExactly(0.0, 0.5, 1.0, 1.5, 2.0, 2.5);
    }

    @Test
    void stoppedRunResumesWithoutRepeatingOrLosingAnItem() throws Exception {
        int k = 5;
        AtomicInteger answered = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountingSystem first = new CountingSystem((item, call) -> {
            if (answered.incrementAndGet() > k) {
                release.await();   // blocks until interrupted by stop()
            }
            return Response.text(item.reference());
        });
        List<EvalItem> items = items(20);
        RunOptions options = RunOptions.defaults().withConcurrency(2).withStopGrace(Duration.ofMillis(100));
        Runner r1 = runner(first, options, new Fixtures.FakeClock()).build();
        Thread stopper = new Thread(() -> {
            try {
                Path file = dir.resolve("results.jsonl");
                while (!Files.exists(file) || Files.readAllLines(file).size() < k) {
                    Thread.sleep(5);
                }
                Thread.sleep(50);   // both workers are now blocked in the system
                r1.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        stopper.start();
        RunOutcome o1 = r1.run(items);
        stopper.join();
        assertThat(o1.stopped()).isTrue();
        assertThat(o1.runNow()).isEqualTo(k);
        assertThat(o1.remaining()).isEqualTo(20 - k);
        List<String> doneFirst = List.copyOf(results().keySet());
        assertThat(doneFirst).hasSize(k);

        CountingSystem second = new CountingSystem((item, call) -> Response.text(item.reference()));
        RunOutcome o2 = runner(second, options, new Fixtures.FakeClock()).build().run(items);
        assertThat(o2).isEqualTo(new RunOutcome(20, k, 20 - k, 20 - k, 20 - k, 0, 0, false));
        for (String id : doneFirst) {
            assertThat(second.calls(id)).as("%s re-asked", id).isZero();
        }
        assertThat(second.calls.keySet()).hasSize(20 - k);
        Map<String, Integer> lines = Fixtures.linesPerId(dir.resolve("results.jsonl"));
        assertThat(lines.keySet()).containsExactlyInAnyOrderElementsOf(items.stream().map(EvalItem::id).toList());
        assertThat(lines.values()).containsOnly(1);
    }

    @Test
    void tornLastLineIsCutAndThatItemRunsAgain() throws Exception {
        Path file = dir.resolve("results.jsonl");
        String q0 = ResultsFile.JSON.writeValueAsString(Fixtures.result("q0", "test:counting", "scored",
                "2026-01-01T00:00:00Z")) + "\n";
        String q1 = ResultsFile.JSON.writeValueAsString(Fixtures.result("q1", "test:counting", "scored",
                "2026-01-01T00:00:00Z"));
        Files.writeString(file, q0 + q1.substring(0, q1.length() / 2));
        CountingSystem sut = new CountingSystem((item, call) -> Response.text(item.reference()));
        List<String> warnings = new java.util.ArrayList<>();
        RunOutcome outcome = runner(sut, RunOptions.defaults(), new Fixtures.FakeClock())
                .progress(new ProgressListener() {
                    @Override
                    public void warning(String message) {
                        warnings.add(message);
                    }
                }).build().run(items(3));
        assertThat(warnings).singleElement().asString().startsWith(file + ":2: the last line is unfinished (")
                .endsWith("; the unfinished line was dropped and its item will run again");
        assertThat(outcome.alreadyDone()).isEqualTo(1);
        assertThat(sut.calls.keySet()).containsExactlyInAnyOrder("q1", "q2");
        assertThat(Fixtures.linesPerId(file)).containsOnly(Map.entry("q0", 1), Map.entry("q1", 1),
                Map.entry("q2", 1));
    }

    @Test
    void errorsAreKeptOnResumeUnlessRetryErrors() throws Exception {
        CountingSystem failing = new CountingSystem((item, call) -> {
            throw new IllegalStateException("down");
        });
        runner(failing, RunOptions.defaults().withRetries(0), new Fixtures.FakeClock()).build().run(items(2));
        CountingSystem working = new CountingSystem((item, call) -> Response.text(item.reference()));
        RunOutcome kept = runner(working, RunOptions.defaults(), new Fixtures.FakeClock()).build().run(items(2));
        assertThat(kept.alreadyDone()).isEqualTo(2);
        assertThat(working.calls).isEmpty();
        RunOutcome retried = runner(working, RunOptions.defaults().withRetryErrors(true), new Fixtures.FakeClock())
                .build().run(items(2));
        assertThat(retried).isEqualTo(new RunOutcome(2, 0, 2, 2, 2, 0, 0, false));
        assertThat(results().values()).extracting(ItemResult::status).containsOnly("scored");
    }

    @Test
    void killedChildJvmResumesExactlyOnce() throws Exception {
        Path file = childRunStoppedBy(true);
        resumeAndCheckExactlyOnce(file);
    }

    @Test
    void childJvmStoppedBySigtermClosesACleanFileThatResumesExactlyOnce() throws Exception {
        Path file = childRunStoppedBy(false);
        ResultsFile.Loaded loaded = ResultsFile.read(file);
        assertThat(loaded.torn()).as("the shutdown hook let the in-flight items finish their lines").isNull();
        assertThat(loaded.problems()).isEmpty();
        assertThat(Files.readString(dir.resolve("child.log")))
                .as("the run ended through stop(), which the progress bar reports")
                .contains("items have no result yet; run the same command again to resume.");
        resumeAndCheckExactlyOnce(file);
    }

    private static final int CHILD_ITEMS = 60;

    /** Runs {@link ResumeChild} until 8 lines exist, then kills it ({@code SIGKILL}) or stops it ({@code SIGTERM}). */
    private Path childRunStoppedBy(boolean forcibly) throws Exception {
        Path file = dir.resolve("results.jsonl");
        int n = CHILD_ITEMS;
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ResumeChild.class.getName(), file.toString(),
                String.valueOf(n)).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
        Process child = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while ((!Files.exists(file) || Files.readAllLines(file).size() < 8) && System.nanoTime() < deadline) {
                assertThat(child.isAlive()).as("child still running (see child.log)").isTrue();
                Thread.sleep(5);
            }
        } finally {
            if (forcibly) {
                child.destroyForcibly();
            } else {
                child.destroy();
            }
            child.waitFor(20, TimeUnit.SECONDS);
        }
        assertThat(child.isAlive()).isFalse();
        int linesAtKill = (int) Files.readAllLines(file).stream().filter(l -> l.endsWith("}")).count();
        assertThat(linesAtKill).as("the child was stopped mid-run").isBetween(8, n - 1);
        return file;
    }

    private void resumeAndCheckExactlyOnce(Path file) throws Exception {
        int n = CHILD_ITEMS;
        java.util.Set<String> doneByChild = ResultsFile.read(file).byId().keySet();

        CountingSystem sut = new CountingSystem((item, call) -> Response.text(item.reference()));
        RunOutcome outcome = runner(sut, RunOptions.defaults(), new Fixtures.FakeClock()).build().run(items(n));
        assertThat(outcome.alreadyDone()).isEqualTo(doneByChild.size());
        assertThat(outcome.runNow()).isEqualTo(n - doneByChild.size());
        for (String id : doneByChild) {
            assertThat(sut.calls(id)).as("%s re-asked", id).isZero();
        }
        Map<String, Integer> lines = Fixtures.linesPerId(file);
        assertThat(lines).hasSize(n);
        assertThat(lines.values()).containsOnly(1);
    }

    @Test
    void aRunnerRunsOnce() throws Exception {
        Runner r = runner(new CountingSystem((item, call) -> Response.text("A")), RunOptions.defaults(),
                new Fixtures.FakeClock()).build();
        r.run(items(1));
        assertThatThrownBy(() -> r.run(items(1))).isInstanceOf(IllegalStateException.class)
                .hasMessage("This runner has already run; build a new one to resume.");
    }

    @Test
    void unknownFilterKeyStopsTheRunBeforeAnyCall() {
        CountingSystem sut = new CountingSystem((item, call) -> Response.text("A"));
        RunOptions options = RunOptions.defaults().withFilter(ItemFilter.parse(List.of("abilty=analysis")));
        assertThatThrownBy(() -> runner(sut, options, new Fixtures.FakeClock()).build().run(items(3)))
                .hasMessageContaining("'abilty'").hasMessageContaining("split, type");
        assertThat(sut.calls).isEmpty();
    }
}
