package dev.kirchhoff.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.schematic.format.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture under {@code src/test/resources/fixtures/}: a small circuit written by the team and a sidecar
 * {@code .expect} saying what validation must find. Lines: {@code valid} (no error), {@code fires RULE SUBJECT} (a
 * finding of RULE names SUBJECT as a net, component or {@code REF:PIN}), {@code silent RULE}; {@code #} comments.
 */
class FixtureTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir"), "src/test/resources/fixtures");

    @TestFactory
    Stream<DynamicTest> everyFixtureMeetsItsExpectations() throws IOException {
        return fixtures().stream().map(f -> DynamicTest.dynamicTest(ROOT.relativize(f).toString(), () -> check(f)));
    }

    @Test
    void thereAreAtLeastFortyBoardLevelFixturesEachNamingARuleOrValid() throws IOException {
        List<Path> board = fixtures().stream().filter(p -> p.startsWith(ROOT.resolve("board"))).toList();
        assertThat(board).hasSizeGreaterThanOrEqualTo(40);
        long broken = board.stream().filter(p -> expectations(p).stream().anyMatch(l -> l.startsWith("fires ")))
                .count();
        assertThat(broken).as("broken fixtures").isGreaterThanOrEqualTo(20);
    }

    static List<Path> fixtures() throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(ROOT)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(p -> p.toString().endsWith(".expect")).sorted().forEach(out::add);
        }
        return out;
    }

    private static List<String> expectations(Path expect) {
        try {
            return Files.readAllLines(expect, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void check(Path expect) throws IOException, ParseException {
        String base = expect.getFileName().toString().replaceFirst("\\.expect$", "");
        Path circuitFile;
        try (Stream<Path> siblings = Files.list(expect.getParent())) {
            circuitFile = siblings.filter(p -> p.getFileName().toString().startsWith(base + ".")
                    && !p.equals(expect)).findFirst().orElseThrow(() -> new AssertionError("no circuit for "
                    + expect));
        }
        ValidationInput in = ValidationInput.read(Source.read(circuitFile), null);
        ValidationReport report = Sketch.validator().validate(in.circuit(), base, in.defects());
        List<String> lines = expectations(expect);
        assertThat(lines).as("%s says nothing", expect).isNotEmpty();
        for (String line : lines) {
            String[] w = line.split("\\s+");
            switch (w[0]) {
                case "valid" -> assertThat(report.passed()).as("%s should pass:%n%s", base, report.text()).isTrue();
                case "silent" -> assertThat(report.fired(w[1])).as("%s: %s should be silent:%n%s", base, w[1],
                        report.text()).isFalse();
                case "fires" -> {
                    assertThat(Rules.byId(w[1])).as("%s names unknown rule %s", base, w[1]).isNotNull();
                    String subject = w.length > 2 ? w[2] : null;
                    assertThat(report.of(w[1])).as("%s: %s should fire%s:%n%s", base, w[1],
                            subject == null ? "" : " on " + subject, report.text())
                            .anySatisfy(f -> {
                                if (subject != null) {
                                    assertThat(f.nets().contains(subject) || f.components().contains(subject)
                                            || f.pins().contains(subject)).isTrue();
                                }
                            });
                }
                default -> throw new AssertionError(expect + ": cannot read line '" + line + "'");
            }
        }
    }
}
