package dev.kirchhoff.eval.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.ItemResult;
import dev.kirchhoff.eval.report.Summary;
import dev.kirchhoff.eval.report.SummaryJson;
import dev.kirchhoff.eval.run.Backoff;
import dev.kirchhoff.eval.run.ChatModelSystem;
import dev.kirchhoff.eval.run.Evaluation;
import dev.kirchhoff.eval.run.ImagePolicy;
import dev.kirchhoff.eval.run.ProgressListener;
import dev.kirchhoff.eval.run.ResultsFile;
import dev.kirchhoff.eval.run.RunOptions;
import dev.kirchhoff.eval.score.Scorers;
import dev.kirchhoff.eval.suite.EvalPrompts;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One end-to-end run the way {@code kirchhoff eval run} does it: {@link Evaluation#load}, then {@link Evaluation#run}
 * with a {@link ChatModelSystem} over an {@link AnswerBookModel}, scorers without a judge (open answers by the
 * unofficial similarity), the v1 prompts, one retry after a 1 to 2 ms backoff. Stateless.
 */
public final class E2e {

    /** The name recorded with every result. */
    public static final String MODEL = "scripted:answer-book";

    /** The team's fixtures, relative to the module folder (where the tests run). */
    public static final Path FIXTURES = Path.of("fixtures");

    private static final ObjectMapper JSON = new ObjectMapper();

    private E2e() {
    }

    /** Default options with one retry and a backoff of 1 to 2 ms, so a failing item costs no real time. */
    public static RunOptions options() {
        return RunOptions.defaults().withRetries(1).withBackoff(new Backoff(Duration.ofMillis(1), Duration.ofMillis(2)));
    }

    /** A loaded suite and the model that answers it. */
    public record Setup(Evaluation.Loaded loaded, AnswerBookModel model) {
        public List<EvalItem> items() {
            return loaded.result().items();
        }
    }

    /** Loads {@code input} as {@code suite} and builds the model for the answer book {@code book}. */
    public static Setup setup(String suite, Path input, String book) throws IOException {
        Evaluation.Loaded loaded = Evaluation.load(suite, input);
        return new Setup(loaded, AnswerBookModel.of(book, loaded.result().items(), new EvalPrompts()));
    }

    /** Runs a set-up suite into {@code runDir}. */
    public static Evaluation.Outcome run(Setup setup, ImagePolicy images, RunOptions options, Path runDir)
            throws IOException {
        Scorers scorers = new Scorers(null, null, null);
        return Evaluation.run(setup.loaded(), new ChatModelSystem(setup.model(), MODEL, images),
                item -> scorers.forType(item.type()), new EvalPrompts(), EvalPrompts.DEFAULT_VERSION, options, runDir,
                ProgressListener.NONE);
    }

    /** The results on disk, by id, in file order. */
    public static Map<String, ItemResult> results(Path runDir) throws IOException {
        return ResultsFile.read(runDir.resolve(ResultsFile.NAME)).byId();
    }

    /** The non-blank lines of {@code results.jsonl}. */
    public static List<String> resultLines(Path runDir) throws IOException {
        return Files.readAllLines(runDir.resolve(ResultsFile.NAME)).stream().filter(l -> !l.isBlank()).toList();
    }

    /**
     * Copies the CircuitSense fixture to {@code dir} with every {@code qN_image.png} replaced by a distinct picture.
     * The team's placeholder images are byte-identical and several questions share their text ("Derive the transfer
     * function from V1 to RL"), so on the fixture as it is several items get identical requests that no model could
     * tell apart; in the real suite the schematics differ. Every other file is copied byte for byte.
     */
    public static Path circuitSenseWithDistinctImages(Path dir) throws IOException {
        Path from = FIXTURES.resolve("circuitsense");
        List<Path> files;
        try (Stream<Path> s = Files.walk(from)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        int n = 0;
        for (Path f : files) {
            Path to = dir.resolve(from.relativize(f).toString());
            Files.createDirectories(to.getParent());
            if (f.getFileName().toString().endsWith("_image.png")) {
                BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
                image.setRGB(n % 4, n / 4 % 4, 0xffffff);   // one white pixel, at a place of its own per image
                image.setRGB(3, 3, 0x010101 * (n + 1));
                ImageIO.write(image, "png", to.toFile());
                n++;
            } else {
                Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    /** Item ids in load order. */
    public static List<String> ids(List<EvalItem> items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.id()));
        return out;
    }

    /**
     * Checks the run folder: {@code results.jsonl} has exactly one line per id, and summary.json, report.md and
     * report.html exist, summary.json holding {@code summary} (unless null) and report.html well-formed XML.
     */
    public static void assertRunFolder(Path runDir, List<String> ids, Summary summary) throws Exception {
        List<String> lines = resultLines(runDir);
        List<String> lineIds = new ArrayList<>();
        for (String line : lines) {
            lineIds.add(JSON.readTree(line).path("id").asText());
        }
        assertThat(lineIds).as("one line per item").containsExactlyInAnyOrderElementsOf(ids);
        assertThat(runDir.resolve("run.json")).isRegularFile();
        assertThat(runDir.resolve("summary.json")).isRegularFile();
        if (summary != null) {
            assertThat(SummaryJson.read(runDir.resolve("summary.json"))).as("summary.json reads back as the summary")
                    .usingRecursiveComparison().isEqualTo(summary);
        }
        assertThat(runDir.resolve("report.md")).isRegularFile();
        Path html = runDir.resolve("report.html");
        assertThat(html).isRegularFile();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(html.toFile());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("html");
    }

    /** Asserts a breakdown's groups as {@code value n scored correct}, in order, and each accuracy as correct/scored. */
    public static void assertBreakdown(Summary summary, String key, String... groups) {
        Summary.Breakdown b = summary.breakdown(key).orElseThrow(() -> new AssertionError("no breakdown " + key));
        List<String> actual = new ArrayList<>();
        for (Summary.Group g : b.groups()) {
            actual.add(g.value() + " " + g.n() + " " + g.scored() + " " + g.correct());
            assertThat(g.accuracy()).as(key + " " + g.value())
                    .isEqualTo(g.scored() == 0 ? 0 : (double) g.correct() / g.scored());
        }
        assertThat(actual).as("breakdown by " + key + " (value n scored correct)").containsExactly(groups);
    }
}
