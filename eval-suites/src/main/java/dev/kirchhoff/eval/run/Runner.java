package dev.kirchhoff.eval.run;

import dev.kirchhoff.agents.llm.LlmException;
import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.ItemResult;
import dev.kirchhoff.eval.RenderedPrompt;
import dev.kirchhoff.eval.Response;
import dev.kirchhoff.eval.Score;
import dev.kirchhoff.eval.Scorer;
import dev.kirchhoff.eval.SystemUnderTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * Runs items through a system under test and a scorer, appending each result to {@code results.jsonl} as soon as it
 * is known, so a killed or stopped run resumes without repeating or losing an item.
 *
 * <ul>
 *   <li>Resume: an item whose id already has a line ({@code scored}, {@code skipped}, or {@code error} unless
 *       {@link RunOptions#retryErrors()}) is not run again.</li>
 *   <li>Concurrency: {@link RunOptions#concurrency()} worker threads; at most twice that many items are queued or in
 *       flight, and results are written and dropped, so memory stays flat however many items there are.</li>
 *   <li>Each attempt waits for the shared {@link RateLimiter}, runs on its own thread and is interrupted after
 *       {@link RunOptions#timeout()} (a {@link TimeoutException} failure). A failed attempt is retried after a
 *       {@link Backoff} wait, except an {@link LlmException} of kind AUTH, MISSING_KEY or BAD_REQUEST, which another
 *       try cannot fix. After the last attempt the item is recorded as {@code error} with the exception's class and
 *       message; the run goes on.</li>
 *   <li>{@link #stop()} takes no new items, lets those in flight finish for {@link RunOptions#stopGrace()}, then
 *       interrupts them (they get no line and run on resume) and closes the file.</li>
 * </ul>
 *
 * <pre>{@code
 * Runner runner = Runner.builder().system(sut).prompts(renderer::render).scorer(scorers::forItem)
 *         .options(RunOptions.defaults().withConcurrency(8)).results(runDir.resolve("results.jsonl"))
 *         .progress(ProgressBar.onStderr()).build();
 * try (AutoCloseable hook = runner.stopOnShutdown()) {
 *     RunOutcome outcome = runner.run(items);
 * }
 * }</pre>
 *
 * A runner runs once; {@link #run} and {@link #stop} may be called from different threads.
 */
public final class Runner {

    /** LLM failures that another attempt cannot fix. */
    static final Set<LlmException.Kind> FINAL_KINDS =
            EnumSet.of(LlmException.Kind.AUTH, LlmException.Kind.MISSING_KEY, LlmException.Kind.BAD_REQUEST);

    private final SystemUnderTest system;
    private final Function<EvalItem, RenderedPrompt> prompts;
    private final Function<EvalItem, Scorer> scorers;
    private final RunOptions options;
    private final Path resultsPath;
    private final ProgressListener progress;
    private final RunClock clock;
    private final DoubleSupplier random;

    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicReference<RuntimeException> writeFailure = new AtomicReference<>();
    private final AtomicInteger runNow = new AtomicInteger();
    private final AtomicInteger scored = new AtomicInteger();
    private final AtomicInteger correct = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final RateLimiter limiter;
    private volatile ResultsFile file;
    private volatile ExecutorService attempts;

    private Runner(Builder b) {
        this.system = Objects.requireNonNull(b.system, "The runner needs a system under test: call system(...).");
        this.prompts = Objects.requireNonNull(b.prompts, "The runner needs a prompt renderer: call prompts(...).");
        this.scorers = Objects.requireNonNull(b.scorers, "The runner needs a scorer: call scorer(...).");
        this.resultsPath = Objects.requireNonNull(b.results, "The runner needs a results file: call results(...).");
        this.options = b.options;
        this.progress = b.progress;
        this.clock = b.clock;
        this.random = b.random;
        this.limiter = new RateLimiter(options.requestsPerMinute(), clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the items selected by the options ({@link RunOptions#select}) that have no result on disk yet.
     *
     * @return the counts; {@link RunOutcome#stopped()} when {@link #stop()} ended it early
     * @throws IOException              when the results file cannot be opened
     * @throws UncheckedIOException     when a result cannot be written (disk full); the run stops at once
     * @throws IllegalArgumentException when the filter names a label no item carries
     * @throws IllegalStateException    when this runner has already run
     */
    public RunOutcome run(List<EvalItem> items) throws IOException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("This runner has already run; build a new one to resume.");
        }
        try {
            return runSelected(options.select(items));
        } finally {
            finished.countDown();
        }
    }

    private RunOutcome runSelected(List<EvalItem> selected) throws IOException {
        int alreadyDone = 0;
        ExecutorService workers = null;
        try (ResultsFile results = ResultsFile.open(resultsPath)) {
            file = results;
            results.loaded().problems().forEach(progress::warning);
            boolean[] done = alreadyDone(selected, results.loaded());
            for (boolean d : done) {
                alreadyDone += d ? 1 : 0;
            }
            progress.started(selected.size(), alreadyDone);

            int n = options.concurrency();
            attempts = Executors.newCachedThreadPool(daemon("eval-attempt"));
            workers = new ThreadPoolExecutor(n, n, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                    daemon("eval-worker"));
            Semaphore room = new Semaphore(2 * n);
            for (int i = 0; i < done.length && !stopping.get(); i++) {
                if (done[i]) {
                    continue;
                }
                EvalItem item = selected.get(i);
                while (!room.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    if (stopping.get()) {
                        break;
                    }
                }
                if (stopping.get()) {
                    break;
                }
                workers.execute(() -> {
                    try {
                        process(item);
                    } finally {
                        room.release();
                    }
                });
            }
            workers.shutdown();
            while (!workers.awaitTermination(100, TimeUnit.MILLISECONDS)) {
                if (stopping.get()) {
                    if (!workers.awaitTermination(options.stopGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                        workers.shutdownNow();
                        attempts.shutdownNow();
                        workers.awaitTermination(5, TimeUnit.SECONDS);
                    }
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.set(true);
            if (workers != null) {
                workers.shutdownNow();
            }
        } finally {
            if (attempts != null) {
                attempts.shutdownNow();
            }
        }
        RuntimeException failure = writeFailure.get();
        if (failure != null) {
            throw failure;
        }
        RunOutcome outcome = new RunOutcome(selected.size(), alreadyDone, runNow.get(), scored.get(), correct.get(),
                skipped.get(), errors.get(), stopping.get() && alreadyDone + runNow.get() < selected.size());
        progress.finished(outcome);
        return outcome;
    }

    /** Which of the selected items have a result on disk that this run keeps. */
    private boolean[] alreadyDone(List<EvalItem> selected, ResultsFile.Loaded loaded) {
        Map<String, String> statusById = new HashMap<>();
        loaded.results().forEach(r -> statusById.put(r.id(), r.status()));
        boolean[] done = new boolean[selected.size()];
        for (int i = 0; i < done.length; i++) {
            String status = statusById.get(selected.get(i).id());
            done[i] = status != null && !(options.retryErrors() && ItemResult.ERROR.equals(status));
        }
        return done;
    }

    /**
     * Stops the run: no new item is taken, items in flight get {@link RunOptions#stopGrace()} to finish and are then
     * interrupted without a line, and the results file is closed. Returns at once; see {@link #awaitFinished}.
     */
    public void stop() {
        stopping.set(true);
    }

    /** Waits up to {@code max} for {@link #run} to return; true when it has (or never started). */
    public boolean awaitFinished(Duration max) throws InterruptedException {
        return !started.get() || finished.await(max.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Installs a JVM shutdown hook (Ctrl-C) that stops this run and waits for it to close its file, so the results
     * resume cleanly. Close the returned handle when the run is over to remove the hook.
     */
    public AutoCloseable stopOnShutdown() {
        Thread hook = new Thread(() -> {
            stop();
            try {
                awaitFinished(options.stopGrace().plusSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "eval-stop-on-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook is running and must stay
            }
        };
    }

    private void process(EvalItem item) {
        if (stopping.get()) {
            return;   // queued before stop(): leave it for the resume
        }
        ItemResult result = answer(item);
        if (result == null) {
            return;
        }
        try {
            file.append(result);
        } catch (IllegalStateException e) {
            return;   // the file was closed by stop(): no line, the item runs on resume
        } catch (UncheckedIOException e) {
            writeFailure.compareAndSet(null, e);
            stopping.set(true);
            return;
        }
        runNow.incrementAndGet();
        switch (result.status()) {
            case ItemResult.SCORED -> {
                scored.incrementAndGet();
                if (result.correct()) {
                    correct.incrementAndGet();
                }
            }
            case ItemResult.SKIPPED -> skipped.incrementAndGet();
            default -> errors.incrementAndGet();
        }
        progress.itemFinished(result);
    }

    /** The item's result, or null when the run was stopped before it finished. */
    private ItemResult answer(EvalItem item) {
        RenderedPrompt prompt;
        try {
            prompt = Objects.requireNonNull(prompts.apply(item), "the prompt renderer returned null");
        } catch (RuntimeException e) {
            return error(item, "", e, 0, 0);
        }
        int max = options.retries() + 1;
        Throwable last = null;
        long latency = 0;
        int attempt = 0;
        try {
            while (attempt < max) {
                if (attempt > 0) {
                    clock.sleep(options.backoff().delay(attempt, random));
                    if (stopping.get()) {
                        return null;
                    }
                }
                limiter.acquire();
                attempt++;
                long t0 = System.nanoTime();
                // the attempt runs on its own thread so that this worker can give up on it at the timeout even when
                // the system ignores the interrupt; such a thread finishes on its own and its answer is dropped
                Future<Response> call = attempts.submit(() -> system.answer(item, prompt));
                try {
                    Response response = call.get(options.timeout().toNanos(), TimeUnit.NANOSECONDS);
                    latency = (System.nanoTime() - t0) / 1_000_000;
                    return finish(item, prompt, response, attempt, latency);
                } catch (TimeoutException e) {
                    call.cancel(true);
                    last = new TimeoutException("no answer within " + seconds(options.timeout()) + " (attempt "
                            + attempt + " of " + max + "); raise the timeout or lower the concurrency");
                } catch (ExecutionException e) {
                    last = e.getCause() == null ? e : e.getCause();
                } catch (InterruptedException e) {
                    call.cancel(true);
                    Thread.currentThread().interrupt();
                    return null;
                }
                latency = (System.nanoTime() - t0) / 1_000_000;
                if (!retriable(last)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;   // interrupted while waiting for the rate limit or a backoff: stopped
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return null;   // the attempt pool was shut down by stop()
        }
        return error(item, prompt.templateId(), last, attempt, latency);
    }

    private ItemResult finish(EvalItem item, RenderedPrompt prompt, Response r, int attempts, long latency) {
        if (r == null) {
            return error(item, prompt.templateId(), new NullPointerException(system.name()
                    + " returned no response"), attempts, latency);
        }
        if (r.isSkipped()) {
            return result(item, ItemResult.SKIPPED, prompt.templateId(), r, null, r.skippedReason(), null, attempts,
                    latency);
        }
        Score s;
        try {
            s = Objects.requireNonNull(scorers.apply(item).score(item, r), "the scorer returned no score");
        } catch (Exception e) {
            return result(item, ItemResult.ERROR, prompt.templateId(), r, null, "", info(e), attempts, latency);
        }
        return result(item, ItemResult.SCORED, prompt.templateId(), r, s, s.detail(), null, attempts, latency);
    }

    private ItemResult error(EvalItem item, String template, Throwable e, int attempts, long latency) {
        return result(item, ItemResult.ERROR, template, null, null, "", info(e), attempts, latency);
    }

    private ItemResult result(EvalItem item, String status, String template, Response r, Score s, String detail,
                              ItemResult.ErrorInfo error, int attempts, long latency) {
        return new ItemResult(item.suite(), item.id(), system.name(), status, item.type().key(), item.labels(),
                template, r == null ? "" : r.text(), s == null ? 0 : s.value(), s != null && s.correct(),
                s == null ? "" : s.method(), s != null && s.official(), detail, error, attempts, latency,
                r == null ? 0 : r.inputTokens(), r == null ? 0 : r.outputTokens(), r != null && r.cached(),
                clock.now().toString());
    }

    static ItemResult.ErrorInfo info(Throwable e) {
        String message = e.getMessage();
        return new ItemResult.ErrorInfo(e.getClass().getSimpleName(), message == null ? "" : message);
    }

    /** Whether another attempt may help: anything but an LLM failure of a final kind. */
    static boolean retriable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LlmException llm) {
                return !FINAL_KINDS.contains(llm.kind());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return true;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Assembles a {@link Runner}. Not thread-safe. */
    public static final class Builder {
        private SystemUnderTest system;
        private Function<EvalItem, RenderedPrompt> prompts;
        private Function<EvalItem, Scorer> scorers;
        private RunOptions options = RunOptions.defaults();
        private Path results;
        private ProgressListener progress = ProgressListener.NONE;
        private RunClock clock = RunClock.SYSTEM;
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {
        }

        public Builder system(SystemUnderTest s) {
            this.system = s;
            return this;
        }

        /** Renders each item's prompt (the suite's template). */
        public Builder prompts(Function<EvalItem, RenderedPrompt> p) {
            this.prompts = p;
            return this;
        }

        /** One scorer for every item. */
        public Builder scorer(Scorer s) {
            Objects.requireNonNull(s, "The parameter 'scorer' must not be null.");
            this.scorers = item -> s;
            return this;
        }

        /** The scorer for each item (by its question type). */
        public Builder scorers(Function<EvalItem, Scorer> s) {
            this.scorers = s;
            return this;
        }

        public Builder options(RunOptions o) {
            this.options = Objects.requireNonNull(o, "The parameter 'options' must not be null.");
            return this;
        }

        /** The {@code results.jsonl} to resume from and append to. */
        public Builder results(Path path) {
            this.results = path;
            return this;
        }

        public Builder progress(ProgressListener p) {
            this.progress = Objects.requireNonNull(p, "The parameter 'progress' must not be null.");
            return this;
        }

        /** The clock for rate limiting, backoff waits and {@code finishedAt} (tests pass a fake one). */
        public Builder clock(RunClock c) {
            this.clock = Objects.requireNonNull(c, "The parameter 'clock' must not be null.");
            return this;
        }

        /** The source of backoff jitter, values in [0, 1). */
        public Builder random(DoubleSupplier r) {
            this.random = Objects.requireNonNull(r, "The parameter 'random' must not be null.");
            return this;
        }

        public Runner build() {
            return new Runner(this);
        }
    }
}
