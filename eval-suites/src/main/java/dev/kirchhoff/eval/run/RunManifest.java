package dev.kirchhoff.eval.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A run folder's {@code run.json}: what was run on what, so a resume cannot mix two runs in one results file and a
 * report can say what it reports on. Immutable.
 *
 * @param suite            the suite's name
 * @param input            the path the items were loaded from
 * @param model            the system under test's name
 * @param template         the prompt templates' version
 * @param options          the run's settings
 * @param filters          the {@code --filter} texts
 * @param shard            {@code i/n}
 * @param startedAt        ISO-8601 instant of the first start
 * @param kirchhoffVersion the version of the jar, or {@code dev}
 * @param shards           for a merged run, the shard folders it was merged from; else empty
 */
public record RunManifest(String suite, String input, String model, String template, Settings options,
                          List<String> filters, String shard, String startedAt, String kirchhoffVersion,
                          List<String> shards) {

    /** The file name inside a run folder. */
    public static final String NAME = "run.json";

    /**
     * The run's settings as recorded. Immutable.
     *
     * @param timeoutSeconds per attempt
     * @param limit          0 for all
     */
    public record Settings(int concurrency, int requestsPerMinute, double timeoutSeconds, int retries, int limit,
                           boolean retryErrors) {

        public static Settings of(RunOptions o) {
            return new Settings(o.concurrency(), o.requestsPerMinute(), o.timeout().toMillis() / 1000.0, o.retries(),
                    o.limit(), o.retryErrors());
        }
    }

    public RunManifest {
        Objects.requireNonNull(suite, "The parameter 'suite' must not be null.");
        Objects.requireNonNull(model, "The parameter 'model' must not be null.");
        input = input == null ? "" : input;
        template = template == null ? "" : template;
        filters = filters == null ? List.of() : List.copyOf(filters);
        shard = shard == null ? Shard.ALL.toString() : shard;
        startedAt = startedAt == null ? "" : startedAt;
        kirchhoffVersion = kirchhoffVersion == null ? version() : kirchhoffVersion;
        shards = shards == null ? List.of() : List.copyOf(shards);
    }

    /** The manifest of a new run with these options. */
    public static RunManifest of(String suite, Path input, String model, String template, RunOptions options,
                                 java.time.Instant startedAt) {
        return new RunManifest(suite, input == null ? "" : input.toString(), model, template, Settings.of(options),
                options.filter().texts(), options.shard().toString(), startedAt.toString(), version(), List.of());
    }

    /** The Kirchhoff version from the jar manifest ({@code Implementation-Version}), or {@code dev}. */
    public static String version() {
        String v = RunManifest.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }

    /** Reads {@code runDir/run.json}; empty when there is none. */
    public static Optional<RunManifest> read(Path runDir) throws IOException {
        Path file = runDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ResultsFile.JSON.readValue(file.toFile(), RunManifest.class));
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not a run manifest (line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage() + "); delete it or use another -o folder.", e);
        }
    }

    /** Writes {@code runDir/run.json}, creating the folder. */
    public void write(Path runDir) throws IOException {
        Files.createDirectories(runDir);
        Path tmp = runDir.resolve(NAME + ".tmp");
        Files.write(tmp, ResultsFile.JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(this));
        Files.move(tmp, runDir.resolve(NAME), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Prepares a run folder for this run: writes this manifest into a new folder, or checks that the folder's
     * manifest is of the same suite and model (a resume) and records this run's options in it, keeping the first
     * start time.
     *
     * @throws IllegalStateException when the folder holds a run of another suite or model
     */
    public RunManifest prepare(Path runDir) throws IOException {
        Optional<RunManifest> existing = read(runDir);
        if (existing.isEmpty()) {
            write(runDir);
            return this;
        }
        RunManifest old = existing.get();
        if (!old.suite().equals(suite) || !old.model().equals(model)) {
            throw new IllegalStateException(runDir + " holds a run of " + old.suite() + " on " + old.model()
                    + "; use another -o folder or delete it to run " + suite + " on " + model + ".");
        }
        // a resume records the options it runs with (a first run with --limit 5 resumed without one is a full run)
        // and keeps the first start time
        RunManifest resumed = new RunManifest(suite, input, model, template, options, filters, shard, old.startedAt(),
                kirchhoffVersion, old.shards());
        if (!resumed.equals(old)) {
            resumed.write(runDir);
        }
        return resumed;
    }

    /** This manifest as a merged run of the given shard folders. */
    public RunManifest withShards(List<String> from) {
        return new RunManifest(suite, input, model, template, options, filters, Shard.ALL.toString(), startedAt,
                kirchhoffVersion, from);
    }

    @Override
    public String toString() {
        try {
            return ResultsFile.JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            return suite + " on " + model;
        }
    }
}
