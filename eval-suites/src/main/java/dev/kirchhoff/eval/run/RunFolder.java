package dev.kirchhoff.eval.run;

import dev.kirchhoff.eval.ItemResult;
import dev.kirchhoff.eval.ItemSource;
import dev.kirchhoff.eval.Malformed;
import dev.kirchhoff.eval.report.ReportWriter;
import dev.kirchhoff.eval.report.RunInfo;
import dev.kirchhoff.eval.report.Summary;
import dev.kirchhoff.eval.report.SummaryJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run folder as found on disk: its manifest, its results (one per id, the last line winning), and the items the
 * loader reported malformed (kept in {@code summary.json}). The place {@code eval report}, {@code compare} and
 * {@code merge} start from. Immutable.
 *
 * @param problems torn or corrupt lines found in {@code results.jsonl}
 */
public record RunFolder(Path dir, RunManifest manifest, List<ItemResult> results, List<Malformed> malformed,
                        List<String> problems) {
    private static final Pattern ENTRY = Pattern.compile("^(.*?):(\\d+): (.*)$", Pattern.DOTALL);

    public RunFolder {
        results = List.copyOf(results);
        malformed = List.copyOf(malformed);
        problems = List.copyOf(problems);
    }

    /**
     * Reads a run folder made by {@code eval run} or {@code eval merge}.
     *
     * @throws IllegalArgumentException when the folder has no results file, saying what to give instead
     */
    public static RunFolder load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a folder; give the run folder eval run wrote (its -o)");
        }
        Path resultsFile = dir.resolve(ResultsFile.NAME);
        if (!Files.isRegularFile(resultsFile)) {
            throw new IllegalArgumentException(dir + " has no " + ResultsFile.NAME
                    + "; give the run folder eval run wrote (its -o)");
        }
        RunManifest manifest = RunManifest.read(dir).orElseThrow(() -> new IllegalArgumentException(
                dir + " has no " + RunManifest.NAME + "; it was not written by eval run or eval merge"));
        ResultsFile.Loaded loaded = ResultsFile.read(resultsFile);
        return new RunFolder(dir, manifest, List.copyOf(loaded.byId().values()), previousMalformed(dir),
                loaded.problems());
    }

    /** The malformed items a previous summary recorded, so re-rendering a report keeps counting them. */
    static List<Malformed> previousMalformed(Path dir) throws IOException {
        Path file = dir.resolve(SummaryJson.FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Malformed> out = new ArrayList<>();
        for (String entry : SummaryJson.read(file).totals().malformedEntries()) {
            out.add(parse(entry));
        }
        return out;
    }

    /** Reads back a {@code file:line: message} entry. */
    static Malformed parse(String entry) {
        Matcher m = ENTRY.matcher(entry);
        if (m.matches()) {
            return new Malformed(new ItemSource(m.group(1), Integer.parseInt(m.group(2))), m.group(3));
        }
        int colon = entry.indexOf(": ");
        return colon < 0 ? new Malformed(new ItemSource("", 0), entry)
                : new Malformed(new ItemSource(entry.substring(0, colon), 0), entry.substring(colon + 2));
    }

    /** Union of malformed lists, each entry once, in first-seen order (shards load the same files). */
    public static List<Malformed> union(List<List<Malformed>> lists) {
        LinkedHashSet<Malformed> all = new LinkedHashSet<>();
        lists.forEach(all::addAll);
        return List.copyOf(all);
    }

    /** What the reports say about this run. */
    public RunInfo info() {
        return info(manifest, results);
    }

    /** What the reports say about a run with this manifest and these results. */
    public static RunInfo info(RunManifest manifest, List<ItemResult> results) {
        String finished = results.stream().map(ItemResult::finishedAt).filter(s -> s != null && !s.isEmpty())
                .max(Comparator.naturalOrder()).orElse("");
        return new RunInfo(manifest.suite(), manifest.model(), manifest.input(), manifest.template(),
                manifest.startedAt(), finished);
    }

    /** Writes summary.json, report.md and report.html for this folder and returns the summary. */
    public Summary writeReports() throws IOException {
        return ReportWriter.write(dir, info(), results, malformed);
    }
}
