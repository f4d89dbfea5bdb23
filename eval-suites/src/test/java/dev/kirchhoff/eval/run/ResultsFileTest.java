package dev.kirchhoff.eval.run;

import dev.kirchhoff.eval.ItemResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.kirchhoff.eval.run.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultsFileTest {

    @TempDir
    Path dir;

    private String line(ItemResult r) throws Exception {
        return ResultsFile.JSON.writeValueAsString(r) + "\n";
    }

    @Test
    void appendedResultsReadBackEqual() throws Exception {
        Path file = dir.resolve("run/results.jsonl");
        ItemResult a = result("q1", "m", ItemResult.SCORED, "2026-01-01T00:00:01Z");
        ItemResult b = new ItemResult("s", "q2", "m", ItemResult.ERROR, "single", null, null, null, 0, false, null,
                false, null, new ItemResult.ErrorInfo("TimeoutException", "no answer within 180 s"), 3, 180000, 0, 0,
                false, "2026-01-01T00:03:00Z");
        try (ResultsFile f = ResultsFile.open(file)) {
            assertThat(f.loaded().results()).isEmpty();
            f.append(a);
            f.append(b);
        }
        assertThat(Files.readAllLines(file)).hasSize(2);
        ResultsFile.Loaded loaded = ResultsFile.read(file);
        assertThat(loaded.results()).containsExactly(a, b);
        assertThat(loaded.problems()).isEmpty();
    }

    @Test
    void tornLastLineIsDroppedAndTheFileCutBackToTheLastCompleteLine() throws Exception {
        Path file = dir.resolve("results.jsonl");
        String complete = line(result("q1", "m", ItemResult.SCORED, "2026-01-01T00:00:01Z"))
                + line(result("q2", "m", ItemResult.SCORED, "2026-01-01T00:00:02Z"));
        String torn = line(result("q3", "m", ItemResult.SCORED, "2026-01-01T00:00:03Z")).substring(0, 40);
        Files.writeString(file, complete + torn);
        try (ResultsFile f = ResultsFile.open(file)) {
            assertThat(f.loaded().results()).extracting(ItemResult::id).containsExactly("q1", "q2");
            assertThat(f.loaded().torn().source().line()).isEqualTo(3);
            assertThat(f.loaded().problems()).singleElement().asString()
                    .startsWith(file + ":3: the last line is unfinished (40 bytes without a newline");
            assertThat(Files.size(file)).isEqualTo(complete.getBytes(StandardCharsets.UTF_8).length);
            f.append(result("q3", "m", ItemResult.SCORED, "2026-01-01T00:00:04Z"));
        }
        ResultsFile.Loaded again = ResultsFile.read(file);
        assertThat(again.results()).extracting(ItemResult::id).containsExactly("q1", "q2", "q3");
        assertThat(again.problems()).isEmpty();
    }

    @Test
    void readOnlyDoesNotCutTheTornLine() throws Exception {
        Path file = dir.resolve("results.jsonl");
        Files.writeString(file, line(result("q1", "m", ItemResult.SCORED, "t")) + "{\"id\":\"q2\"");
        long size = Files.size(file);
        assertThat(ResultsFile.read(file).torn()).isNotNull();
        assertThat(Files.size(file)).isEqualTo(size);
    }

    @Test
    void corruptLineInTheMiddleIsReportedWithItsLineNumberAndSkipped() throws Exception {
        Path file = dir.resolve("results.jsonl");
        Files.writeString(file, line(result("q1", "m", ItemResult.SCORED, "t1"))
                + "{\"id\": \"q2\", \"status\": \n"
                + "\n"
                + "{\"suite\":\"s\"}\n"
                + line(result("q3", "m", ItemResult.SCORED, "t3")));
        ResultsFile.Loaded loaded = ResultsFile.read(file);
        assertThat(loaded.results()).extracting(ItemResult::id).containsExactly("q1", "q3");
        assertThat(loaded.malformed()).hasSize(2);
        assertThat(loaded.malformed().get(0).source().line()).isEqualTo(2);
        assertThat(loaded.malformed().get(0).message()).startsWith("not a result: ");
        assertThat(loaded.malformed().get(1).source().line()).isEqualTo(4);
        assertThat(loaded.malformed().get(1).message()).isEqualTo("a result needs an 'id' and a 'status'");
        assertThat(loaded.torn()).isNull();
    }

    @Test
    void laterLineForAnIdWins() throws Exception {
        Path file = dir.resolve("results.jsonl");
        Files.writeString(file, line(result("q1", "m", ItemResult.ERROR, "t1"))
                + line(result("q2", "m", ItemResult.SCORED, "t2"))
                + line(result("q1", "m", ItemResult.SCORED, "t3")));
        ResultsFile.Loaded loaded = ResultsFile.read(file);
        assertThat(loaded.results()).extracting(ItemResult::id, ItemResult::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("q2", "scored"),
                        org.assertj.core.groups.Tuple.tuple("q1", "scored"));
        assertThat(loaded.duplicates()).isEqualTo(1);
    }

    @Test
    void concurrentAppendsNeverInterleave() throws Exception {
        Path file = dir.resolve("results.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (ResultsFile f = ResultsFile.open(file)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        f.append(result("t" + thread + "-" + i, "m", ItemResult.SCORED, "x".repeat(i)));
                    }
                }));
            }
            for (Future<?> fu : futures) {
                fu.get();
            }
        } finally {
            pool.shutdown();
        }
        ResultsFile.Loaded loaded = ResultsFile.read(file);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.results()).hasSize(1600);
        assertThat(Files.readAllLines(file)).hasSize(1600);
    }

    @Test
    void appendAfterCloseIsRefused() throws Exception {
        ResultsFile f = ResultsFile.open(dir.resolve("results.jsonl"));
        f.close();
        assertThatThrownBy(() -> f.append(result("q1", "m", ItemResult.SCORED, "t")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed; the result of q1 was not written");
    }

    @Test
    void aSecondWriterOfTheSameFileIsRefusedUntilTheFirstCloses(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Path path = tmp.resolve("results.jsonl");
        try (ResultsFile first = ResultsFile.open(path)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResultsFile.open(path))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage(path + " is being written by another eval run; wait for it to finish, or give this "
                            + "run another -o folder.");
        }
        try (ResultsFile again = ResultsFile.open(path)) {
            org.assertj.core.api.Assertions.assertThat(again.loaded().results()).isEmpty();
        }
    }
}
