package dev.kirchhoff.eval.run;

import dev.kirchhoff.eval.ItemResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merges the run folders (or bare {@code results.jsonl} files) of a run split with {@code --shard} into one folder:
 * the union of the results by id, a merged {@code run.json} listing the shards, ready for the report. Stateless.
 */
public final class RunMerge {

    /**
     * The merged run. Immutable.
     *
     * @param results   one result per id, in the order the inputs were given
     * @param manifest  the manifest written to the output folder
     * @param conflicts one line per id found with different results in two inputs, saying which was kept
     * @param problems  lines the inputs' results files reported (corrupt or torn lines)
     */
    public record Merged(List<ItemResult> results, RunManifest manifest, List<String> conflicts,
                         List<String> problems) {
        public Merged {
            results = List.copyOf(results);
            conflicts = List.copyOf(conflicts);
            problems = List.copyOf(problems);
        }
    }

    private RunMerge() {
    }

    /**
     * Merges {@code inputs} into {@code outDir}. For an id present in several inputs with different results, the
     * one that finished later wins and the conflict is reported; identical copies merge silently.
     *
     * @throws IllegalArgumentException when the inputs are runs of different suites or models, an input has no
     *                                  results, or {@code outDir} already holds results
     */
    public static Merged merge(List<Path> inputs, Path outDir) throws IOException {
        Objects.requireNonNull(outDir, "The parameter 'outDir' must not be null.");
        if (inputs == null || inputs.isEmpty()) {
            throw new IllegalArgumentException("Nothing to merge: give the shard run folders, e.g. "
                    + "eval merge -o merged run-1of2 run-2of2.");
        }
        Path outResults = outDir.resolve(ResultsFile.NAME);
        if (Files.exists(outResults)) {
            throw new IllegalArgumentException(outDir + " already holds a " + ResultsFile.NAME
                    + "; merge into a new folder or delete it.");
        }
        Map<String, ItemResult> byId = new LinkedHashMap<>();
        Map<String, String> whereFrom = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> shards = new ArrayList<>();
        RunManifest first = null;
        String suite = null;
        String model = null;
        String firstInput = null;
        for (Path input : inputs) {
            Path folder = Files.isDirectory(input) ? input : input.toAbsolutePath().getParent();
            Path resultsFile = Files.isDirectory(input) ? input.resolve(ResultsFile.NAME) : input;
            if (!Files.isRegularFile(resultsFile)) {
                throw new IllegalArgumentException(input + " has no " + ResultsFile.NAME
                        + "; give run folders made by eval run (with --shard) or their results files.");
            }
            RunManifest manifest = Files.isDirectory(input) ? RunManifest.read(folder).orElse(null) : null;
            ResultsFile.Loaded loaded = ResultsFile.read(resultsFile);
            problems.addAll(loaded.problems());
            if (manifest != null) {
                shards.add(input + " (shard " + manifest.shard() + ")");
                if (first == null) {
                    first = manifest;
                }
            } else {
                shards.add(input.toString());
            }
            List<String[]> identities = new ArrayList<>();
            if (manifest != null) {
                identities.add(new String[] {manifest.suite(), manifest.model(), input + "/" + RunManifest.NAME});
            }
            for (ItemResult r : loaded.results()) {
                identities.add(new String[] {r.suite(), r.model(), resultsFile + " (item " + r.id() + ")"});
            }
            for (String[] who : identities) {
                if (suite == null) {
                    suite = who[0];
                    model = who[1];
                    firstInput = who[2];
                } else if (!Objects.equals(suite, who[0]) || !Objects.equals(model, who[1])) {
                    throw new IllegalArgumentException("Cannot merge runs of different suites or models: "
                            + firstInput + " is " + suite + " on " + model + " but " + who[2] + " is " + who[0]
                            + " on " + who[1] + ". Merge only the shards of one run.");
                }
            }
            for (ItemResult r : loaded.results()) {
                ItemResult old = byId.get(r.id());
                if (old == null) {
                    byId.put(r.id(), r);
                    whereFrom.put(r.id(), resultsFile.toString());
                } else if (!old.equals(r)) {
                    boolean later = instant(r.finishedAt()).compareTo(instant(old.finishedAt())) >= 0;
                    ItemResult kept = later ? r : old;
                    conflicts.add("Item " + r.id() + " differs in " + whereFrom.get(r.id()) + " (" + old.status()
                            + ", finished " + old.finishedAt() + ") and " + resultsFile + " (" + r.status()
                            + ", finished " + r.finishedAt() + "); kept the later one from "
                            + (later ? resultsFile : whereFrom.get(r.id())) + ".");
                    byId.put(r.id(), kept);
                    if (later) {
                        whereFrom.put(r.id(), resultsFile.toString());
                    }
                }
            }
        }
        if (suite == null) {
            throw new IllegalArgumentException("The inputs " + inputs + " hold no results; nothing to merge.");
        }
        RunManifest base = first != null ? first
                : new RunManifest(suite, "", model, "", null, List.of(), null, Instant.now().toString(), null,
                List.of());
        RunManifest merged = base.withShards(shards);
        List<ItemResult> results = new ArrayList<>(byId.values());
        Files.createDirectories(outDir);
        Path tmp = outDir.resolve(ResultsFile.NAME + ".tmp");
        Files.deleteIfExists(tmp);
        try (ResultsFile out = ResultsFile.open(tmp)) {
            results.forEach(out::append);
        }
        Files.move(tmp, outResults, StandardCopyOption.REPLACE_EXISTING);
        merged.write(outDir);
        return new Merged(results, merged, conflicts, problems);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            return Instant.EPOCH;   // an unreadable time loses against any real one
        }
    }
}
