package dev.kirchhoff.agents.suite;

import dev.kirchhoff.agents.offline.OfflineEngine;
import dev.kirchhoff.knowledge.KnowledgeBase;
import dev.kirchhoff.retrieval.PartSearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the offline engine over the whole design suite in one warm process, writes the report to
 * {@code agents/target/design-suite.md} (and {@code .json}) and holds it to the bars: at least 95 % of prompts give a
 * circuit without validation errors and at least 90 % meet every expectation.
 */
class DesignSuiteTest {

    private static PartSearch search;

    @BeforeAll
    static void open() {
        search = PartSearch.open(msg -> { });
    }

    @AfterAll
    static void close() throws Exception {
        if (search != null) {
            search.close();
        }
    }

    @Test
    void offlineEngineMeetsTheBars() throws Exception {
        KnowledgeBase kb = KnowledgeBase.bundled();
        DesignSuite suite = DesignSuite.load(SuitePaths.suiteFile(), kb);
        SuiteReport report = new SuiteRunner(OfflineEngine.pipeline(kb, search), kb).run(suite);

        Path target = Path.of("target");
        Files.createDirectories(target);
        write(target.resolve("design-suite.md"), report.toMarkdown());
        write(target.resolve("design-suite.json"), report.toJson());

        String summary = String.format(Locale.ROOT,
                "%d prompts: %.1f %% without validation errors, %.1f %% met every expectation; p50 %.1f ms, p95 %.1f ms."
                        + " Failures:%n%s", report.total(), report.validationRate() * 100, report.expectationRate() * 100,
                report.p50Millis(), report.p95Millis(), String.join(System.lineSeparator(), report.failureLines()));
        assertThat(report.validationRate()).as(summary).isGreaterThanOrEqualTo(0.95);
        assertThat(report.expectationRate()).as(summary).isGreaterThanOrEqualTo(0.90);
    }

    /** Writes through a temporary file so a failed run leaves no half-written report. */
    private static void write(Path file, String text) throws Exception {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
