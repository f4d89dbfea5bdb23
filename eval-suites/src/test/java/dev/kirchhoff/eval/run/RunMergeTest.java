package dev.kirchhoff.eval.run;

import dev.kirchhoff.eval.ItemResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.kirchhoff.eval.run.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunMergeTest {

    @TempDir
    Path dir;

    private Path shard(String name, String model, String shard, ItemResult... results) throws Exception {
        Path folder = dir.resolve(name);
        RunManifest.of("mmcircuiteval", Path.of("data.jsonl"), model, "mmcircuiteval/*.v1",
                RunOptions.defaults().withShard(Shard.parse(shard)), Instant.parse("2026-11-30T00:00:00Z"))
                .write(folder);
        try (ResultsFile f = ResultsFile.open(folder.resolve("results.jsonl"))) {
            for (ItemResult r : results) {
                f.append(r);
            }
        }
        return folder;
    }

    @Test
    void mergesTheUnionAndKeepsTheLaterOfTwoDifferentResults() throws Exception {
        Path a = shard("a", "openai:gpt-4o", "1/2",
                result("q1", "openai:gpt-4o", "scored", "2026-11-30T00:00:01Z"),
                result("q2", "openai:gpt-4o", "error", "2026-11-30T00:00:02Z"));
        Path b = shard("b", "openai:gpt-4o", "2/2",
                result("q3", "openai:gpt-4o", "scored", "2026-11-30T00:00:03Z"),
                result("q2", "openai:gpt-4o", "scored", "2026-11-30T00:05:00Z"),
                result("q1", "openai:gpt-4o", "scored", "2026-11-30T00:00:01Z"));   // identical: no conflict
        Path out = dir.resolve("merged");
        RunMerge.Merged merged = RunMerge.merge(List.of(a, b), out);
        assertThat(merged.results()).extracting(ItemResult::id, ItemResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("q1", "scored"),
                org.assertj.core.groups.Tuple.tuple("q2", "scored"),
                org.assertj.core.groups.Tuple.tuple("q3", "scored"));
        assertThat(merged.conflicts()).singleElement().asString()
                .isEqualTo("Item q2 differs in " + a.resolve("results.jsonl") + " (error, finished "
                        + "2026-11-30T00:00:02Z) and " + b.resolve("results.jsonl") + " (scored, finished "
                        + "2026-11-30T00:05:00Z); kept the later one from " + b.resolve("results.jsonl") + ".");
        assertThat(ResultsFile.read(out.resolve("results.jsonl")).results()).isEqualTo(merged.results());
        RunManifest m = RunManifest.read(out).orElseThrow();
        assertThat(m.suite()).isEqualTo("mmcircuiteval");
        assertThat(m.model()).isEqualTo("openai:gpt-4o");
        assertThat(m.shard()).isEqualTo("1/1");
        assertThat(m.shards()).containsExactly(a + " (shard 1/2)", b + " (shard 2/2)");
    }

    @Test
    void earlierResultInALaterShardLoses() throws Exception {
        Path a = shard("a", "m:x", "1/2", result("q1", "m:x", "scored", "2026-11-30T00:09:00Z"));
        Path b = shard("b", "m:x", "2/2", result("q1", "m:x", "error", "2026-11-30T00:01:00Z"));
        RunMerge.Merged merged = RunMerge.merge(List.of(a, b), dir.resolve("out"));
        assertThat(merged.results()).singleElement().extracting(ItemResult::status).isEqualTo("scored");
        assertThat(merged.conflicts()).singleElement().asString()
                .endsWith("kept the later one from " + a.resolve("results.jsonl") + ".");
    }

    @Test
    void shardsOfDifferentModelsAreRefused() throws Exception {
        Path a = shard("a", "openai:gpt-4o", "1/2", result("q1", "openai:gpt-4o", "scored", "t"));
        Path b = shard("b", "ollama:qwen2.5:7b", "2/2", result("q2", "ollama:qwen2.5:7b", "scored", "t"));
        assertThatThrownBy(() -> RunMerge.merge(List.of(a, b), dir.resolve("out")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot merge runs of different suites or models: " + a + "/run.json is mmcircuiteval on "
                        + "openai:gpt-4o but " + b + "/run.json is mmcircuiteval on ollama:qwen2.5:7b. Merge only "
                        + "the shards of one run.");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void bareResultsFilesMergeByTheirLines() throws Exception {
        Path a = shard("a", "m:x", "1/2", result("q1", "m:x", "scored", "t"));
        Path b = shard("b", "m:x", "2/2", result("q2", "m:x", "scored", "t"));
        RunMerge.Merged merged = RunMerge.merge(List.of(a.resolve("results.jsonl"), b.resolve("results.jsonl")),
                dir.resolve("out"));
        assertThat(merged.results()).extracting(ItemResult::id).containsExactly("q1", "q2");
        assertThat(merged.manifest().model()).isEqualTo("m:x");
    }

    @Test
    void refusesToOverwriteAnExistingMerge() throws Exception {
        Path a = shard("a", "m:x", "1/1", result("q1", "m:x", "scored", "t"));
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/results.jsonl"), "");
        assertThatThrownBy(() -> RunMerge.merge(List.of(a), dir.resolve("out")))
                .hasMessage(dir.resolve("out") + " already holds a results.jsonl; merge into a new folder or "
                        + "delete it.");
    }
}
