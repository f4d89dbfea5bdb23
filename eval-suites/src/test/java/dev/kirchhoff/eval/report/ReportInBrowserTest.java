package dev.kirchhoff.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html and compare.html in a real browser (headless Chromium; {@code .ci/run} installs it) and checks
 * what it drew: the charts are in the rendered page, and the screenshot holds the bar colours in the amounts the
 * charts call for. Skips with a message when no Chromium is on the PATH ({@code KIRCHHOFF_CHROMIUM} names one).
 */
class ReportInBrowserTest {
    private static Path chromium;

    @TempDir
    Path dir;

    @BeforeAll
    static void locate() {
        chromium = find().orElse(null);
        assumeTrue(chromium != null, "no Chromium on the PATH (apt-get install chromium, or set KIRCHHOFF_CHROMIUM)");
    }

    private static Optional<Path> find() {
        String explicit = System.getenv("KIRCHHOFF_CHROMIUM");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit));
        }
        for (String dirName : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
                Path p = Path.of(dirName).resolve(name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** Runs headless Chromium on {@code page} with {@code args}; returns what it printed on standard output. */
    private String browse(Path page, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile"),
                "--window-size=1000,4000"));
        cmd.addAll(List.of(args));
        cmd.add(page.toUri().toString());
        Path out = dir.resolve("stdout.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("Chromium finished within 90 s").isTrue();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** How many pixels of the screenshot are within a small distance of {@code rgb}. */
    private static long pixels(BufferedImage image, int rgb) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int c = image.getRGB(x, y);
                int dr = ((c >> 16) & 0xff) - ((rgb >> 16) & 0xff);
                int dg = ((c >> 8) & 0xff) - ((rgb >> 8) & 0xff);
                int db = (c & 0xff) - (rgb & 0xff);
                if (dr * dr + dg * dg + db * db < 12 * 12) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void theReportOpensWithEveryChartDrawn() throws Exception {
        Summary summary = ReportWriter.write(dir, RunFixture.RUN, RunFixture.results(), RunFixture.malformed());
        Path html = dir.resolve(HtmlReport.FILE);

        String dom = browse(html, "--dump-dom");
        // the status chart and one per breakdown present in the fixture: ability, difficulty, type, domain, level, split
        Matcher svg = Pattern.compile("<svg[^>]*class=\"chart").matcher(dom);
        int charts = 0;
        while (svg.find()) {
            charts++;
        }
        assertThat(charts).isEqualTo(1 + summary.breakdowns().size()).isEqualTo(7);
        assertThat(dom).contains("Accuracy by ability", "Accuracy by difficulty", "Accuracy by level");

        Path png = dir.resolve("report.png");
        browse(html, "--screenshot=" + png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a screenshot was written").isNotNull();
        // light scheme: accuracy bars #2f6fb2, correct #2e8540, wrong #c23b22 in the status chart
        assertThat(pixels(image, 0x2f6fb2)).as("accuracy bars").isGreaterThan(5_000);
        assertThat(pixels(image, 0x2e8540)).as("the correct bar").isGreaterThan(500);
        assertThat(pixels(image, 0xc23b22)).as("the wrong bar").isGreaterThan(200);
    }

    @Test
    void theComparisonOpensWithBothRunsBars() throws Exception {
        Summary a = Summaries.of(RunFixture.RUN, RunFixture.results(), RunFixture.malformed());
        ReportWriter.writeComparison(dir, a, RunFixture.results(), a, RunFixture.results());
        Path png = dir.resolve("compare.png");
        browse(dir.resolve(ComparisonHtml.FILE), "--screenshot=" + png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(pixels(image, 0x2f6fb2)).as("run A's bars").isGreaterThan(2_000);
        assertThat(pixels(image, 0xd9822b)).as("run B's bars").isGreaterThan(2_000);
    }
}
