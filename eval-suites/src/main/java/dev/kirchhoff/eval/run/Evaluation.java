package dev.kirchhoff.eval.run;

import dev.kirchhoff.agents.suite.DesignSuite;
import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.LoadResult;
import dev.kirchhoff.eval.Malformed;
import dev.kirchhoff.eval.Scorer;
import dev.kirchhoff.eval.SystemUnderTest;
import dev.kirchhoff.eval.report.ReportWriter;
import dev.kirchhoff.eval.report.Summary;
import dev.kirchhoff.eval.suite.DesignSuiteLoader;
import dev.kirchhoff.eval.suite.EvalPrompts;
import dev.kirchhoff.eval.suite.Suites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One {@code kirchhoff eval run} from end to end: load the suite, select items, prepare the run folder (or resume
 * it), run them, and write the summary and reports. The command line and the end-to-end tests both go through it.
 * Stateless.
 */
public final class Evaluation {

    /**
     * A suite as loaded. Immutable.
     *
     * @param designSuite the parsed design suite when the suite is {@code design} (its scorer needs it)
     */
    public record Loaded(String suite, Path input, LoadResult result, Optional<DesignSuite> designSuite) {
    }

    /** What a run did, and the summary of the folder after it. Immutable. */
    public record Outcome(Path dir, RunOutcome run, Summary summary) {
    }

    private Evaluation() {
    }

    /**
     * Loads {@code input} as {@code suite}. Malformed items are in the result, not thrown.
     *
     * @throws IllegalArgumentException for an unknown suite name (the message lists the known ones)
     * @throws IOException              when the path cannot be read at all
     */
    public static Loaded load(String suite, Path input) throws IOException {
        String name = Suites.get(suite).name();
        if (!Files.exists(input)) {
            throw new IllegalArgumentException(input + " does not exist; give the " + name
                    + " file or folder (kirchhoff eval suites lists what each suite reads)");
        }
        if (name.equals(DesignSuiteLoader.NAME)) {
            DesignSuiteLoader.Read read = new DesignSuiteLoader().read(input);
            return new Loaded(name, input, read.result(), Optional.of(read.suite()));
        }
        return new Loaded(name, input, Suites.get(name).load(input), Optional.empty());
    }

    /**
     * Runs the selected items of {@code loaded} through {@code system} into {@code runDir}, resuming what is there,
     * then writes summary.json, report.md and report.html.
     *
     * @throws IllegalStateException    when {@code runDir} holds a run of another suite or model
     * @throws IllegalArgumentException when a filter names a label no item carries
     */
    public static Outcome run(Loaded loaded, SystemUnderTest system, Function<EvalItem, Scorer> scorers,
                              EvalPrompts prompts, String promptVersion, RunOptions options, Path runDir,
                              ProgressListener progress) throws IOException {
        List<EvalItem> items = loaded.result().items();
        if (!options.filter().isEmpty()) {
            options.filter().requireKnownKeys(items);
        }
        List<EvalItem> selected = options.select(items);
        RunManifest.of(loaded.suite(), loaded.input().toAbsolutePath().normalize(), system.name(), promptVersion,
                options, Instant.now()).prepare(runDir);
        Runner runner = Runner.builder().system(system).prompts(prompts::render).scorers(scorers).options(options)
                .results(runDir.resolve(ResultsFile.NAME)).progress(progress).build();
        RunOutcome outcome;
        try (AutoCloseable hook = runner.stopOnShutdown()) {
            outcome = runner.run(selected);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("could not finish the run: " + e.getMessage(), e);
        }
        RunFolder folder = RunFolder.load(runDir);
        List<Malformed> malformed = loaded.result().malformed();
        Summary summary = ReportWriter.write(runDir, folder.info(), folder.results(), malformed);
        return new Outcome(runDir, outcome, summary);
    }
}
