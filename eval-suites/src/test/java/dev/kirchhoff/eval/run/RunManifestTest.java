package dev.kirchhoff.eval.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunManifestTest {

    @TempDir
    Path dir;

    private final RunOptions options = RunOptions.defaults().withConcurrency(8).withRequestsPerMinute(60)
            .withTimeout(Duration.ofSeconds(90)).withLimit(100).withShard(Shard.parse("2/4"))
            .withFilter(ItemFilter.parse(List.of("split=general", "difficulty=easy,hard")));

    @Test
    void writesAndReadsBackEveryField() throws Exception {
        RunManifest m = RunManifest.of("mmcircuiteval", Path.of("data/mmcircuiteval.jsonl"), "openai:gpt-4o-mini",
                "mmcircuiteval/*.v1", options, Instant.parse("2026-11-30T01:00:00Z"));
        m.write(dir);
        RunManifest back = RunManifest.read(dir).orElseThrow();
        assertThat(back).isEqualTo(m);
        assertThat(back.options()).isEqualTo(new RunManifest.Settings(8, 60, 90.0, 2, 100, false));
        assertThat(back.filters()).containsExactly("split=general", "difficulty=easy,hard");
        assertThat(back.shard()).isEqualTo("2/4");
        assertThat(back.startedAt()).isEqualTo("2026-11-30T01:00:00Z");
        assertThat(back.kirchhoffVersion()).isEqualTo("dev");   // classes, not a jar, under test
        assertThat(Files.readString(dir.resolve("run.json"))).contains("\"suite\" : \"mmcircuiteval\"");
    }

    @Test
    void resumingTheSameSuiteAndModelKeepsTheFirstStartAndRecordsTheNewOptions() throws Exception {
        RunManifest first = RunManifest.of("amsbench", null, "ollama:qwen2.5vl:7b", "amsbench.v1",
                options.withLimit(5), Instant.parse("2026-11-30T01:00:00Z"));
        assertThat(first.prepare(dir)).isEqualTo(first);
        RunManifest again = RunManifest.of("amsbench", null, "ollama:qwen2.5vl:7b", "amsbench.v1", options,
                Instant.parse("2026-11-30T02:00:00Z"));
        RunManifest resumed = again.prepare(dir);
        assertThat(resumed.startedAt()).isEqualTo("2026-11-30T01:00:00Z");
        assertThat(resumed.options().limit()).isEqualTo(options.limit()).isNotEqualTo(5);
        assertThat(RunManifest.read(dir)).contains(resumed);
    }

    @Test
    void resumingIntoARunOfAnotherModelIsRefused() throws Exception {
        RunManifest.of("amsbench", null, "ollama:qwen2.5vl:7b", "", options, Instant.EPOCH).prepare(dir);
        RunManifest other = RunManifest.of("amsbench", null, "openai:gpt-4o", "", options, Instant.EPOCH);
        assertThatThrownBy(() -> other.prepare(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(dir + " holds a run of amsbench on ollama:qwen2.5vl:7b; use another -o folder or delete "
                        + "it to run amsbench on openai:gpt-4o.");
        RunManifest otherSuite = RunManifest.of("circuitsense", null, "ollama:qwen2.5vl:7b", "", options,
                Instant.EPOCH);
        assertThatThrownBy(() -> otherSuite.prepare(dir)).hasMessageContaining("holds a run of amsbench on");
    }

    @Test
    void brokenManifestSaysWhereAndWhatToDo() throws Exception {
        Files.writeString(dir.resolve("run.json"), "{\n\"suite\": \n");
        assertThatThrownBy(() -> RunManifest.read(dir))
                .hasMessageStartingWith(dir.resolve("run.json") + " is not a run manifest (line ")
                .hasMessageEndingWith("delete it or use another -o folder.");
    }
}
