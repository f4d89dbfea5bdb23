package dev.kirchhoff.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rule catalogue: ids, documentation, docs/rules.md in step with the code, every rule exercised by a test. */
class RulesDocTest {

    private static final Path MODULE = Path.of(System.getProperty("user.dir"));
    private static final Path DOC = MODULE.getParent().resolve("docs/rules.md");

    @Test
    void everyRuleHasAnIdOfItsGroupATitleAndOneParagraph() {
        assertThat(Rules.all()).hasSizeGreaterThanOrEqualTo(35);
        for (Rule r : Rules.all()) {
            String prefix = switch (r.group()) {
                case STRUCTURE -> "structure";
                case PIN_TYPES -> "pintype";
                case POWER -> "power";
                case INTERFACES -> "interface";
                case PARTS -> "part";
                case ANALOG -> "analog";
                case SIMULATION -> "sim";
            };
            assertThat(r.id()).as("id of %s", r.getClass()).matches(prefix + "\\.[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(r.title()).as(r.id()).isNotBlank().doesNotContain("\n");
            assertThat(r.documentation().strip()).as(r.id()).hasSizeGreaterThan(80).doesNotContain("\n\n");
        }
    }

    @Test
    void docsRulesMdIsGeneratedFromTheRules() throws IOException {
        String rendered = RulesDoc.render(Rules.all());
        if (Boolean.getBoolean("kirchhoff.writeDocs")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
        }
        assertThat(DOC).as("docs/rules.md is missing; regenerate it (see its header)").exists();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/rules.md is out of date: mvn -B -q -pl validation test -Dtest=RulesDocTest "
                        + "-Dkirchhoff.writeDocs=true")
                .isEqualTo(rendered);
    }

    @Test
    void everyRuleIsExercisedByATestOrAFixture() throws IOException {
        StringBuilder tests = new StringBuilder();
        try (Stream<Path> files = Files.walk(MODULE.resolve("src/test"))) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".java") && !name.equals("rulesdoctest.java") || name.endsWith(".expect")) {
                    tests.append(Files.readString(p, StandardCharsets.UTF_8)).append('\n');
                }
            }
        }
        for (Rule r : Rules.all()) {
            assertThat(tests.toString()).as("no test or fixture names rule %s", r.id()).contains(r.id());
        }
    }
}
