package dev.kirchhoff.eval.suite;

import dev.kirchhoff.eval.EvalItem;
import dev.kirchhoff.eval.LoadResult;
import dev.kirchhoff.eval.QuestionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CircuitSenseLoaderTest {

    private final CircuitSenseLoader loader = new CircuitSenseLoader();

    @Test
    void theFixtureGivesThirteenItemsWithDomainAndLevel() throws IOException {
        LoadResult r = loader.load(Fixtures.path("circuitsense"));
        assertThat(r.malformed()).isEmpty();
        assertThat(r.items()).extracting(EvalItem::id).containsExactly(
                "Active/Level1/q1", "Active/Level1/q2", "Active/Level1/q5", "Active/Level2/q3", "Active/Level2/q4",
                "Passive/Level1/q1", "Passive/Level1/q2", "Passive/Level1/q3", "Passive/Level1/q7",
                "Passive/Level2/q4", "Passive/Level2/q5", "Passive/Level2/q6", "Passive/Level2/q8");
        assertThat(r.items().stream().filter(i -> i.type() == QuestionType.NUMERIC).map(EvalItem::id))
                .containsExactly("Active/Level1/q5", "Passive/Level1/q7", "Passive/Level2/q8");
        assertThat(r.items()).filteredOn(i -> i.type() == QuestionType.SYMBOLIC).hasSize(10);
        assertThat(r.items()).allSatisfy(i -> {
            assertThat(i.hasNetlist()).isTrue();
            assertThat(i.images()).hasSize(1);
            assertThat(Files.isRegularFile(i.images().get(0))).isTrue();
        });
        Map<String, Long> byDomainLevel = r.items().stream().collect(Collectors.groupingBy(
                i -> i.label("domain") + "/" + i.label("level"), Collectors.counting()));
        assertThat(byDomainLevel).containsExactlyInAnyOrderEntriesOf(Map.of("active/level1", 3L,
                "active/level2", 2L, "passive/level1", 4L, "passive/level2", 4L));
    }

    @Test
    void aSymbolicItemCarriesItsQuestionReferenceNetlistAndImage() throws IOException {
        EvalItem q4 = byId(loader.load(Fixtures.path("circuitsense"))).get("Active/Level2/q4");
        Path dir = Fixtures.path("circuitsense/Active/Level2/q4");
        assertThat(q4.suite()).isEqualTo("circuitsense");
        assertThat(q4.type()).isEqualTo(QuestionType.SYMBOLIC);
        assertThat(q4.reference()).isEqualTo("1/(C1*C2*R1*R2*s**2 + C2*R1*s + C2*R2*s + 1)");
        assertThat(q4.question()).startsWith("Task: Derive the transfer function from V1 to RL.");
        assertThat(q4.netlist()).contains("E1 4 0 opamp 3 4").contains("C1 2 4 C1");
        assertThat(q4.images()).containsExactly(dir.resolve("q4_image.png"));
        assertThat(q4.source().toString()).isEqualTo(dir.resolve("q4_question.txt").toString());
        assertThat(q4.labels()).containsExactlyInAnyOrderEntriesOf(Map.of("domain", "active", "level", "level2"));
    }

    @Test
    void aNumericItemCarriesItsNgspiceDeckAndValue() throws IOException {
        EvalItem q8 = byId(loader.load(Fixtures.path("circuitsense"))).get("Passive/Level2/q8");
        assertThat(q8.type()).isEqualTo(QuestionType.NUMERIC);
        assertThat(q8.reference()).isEqualTo("0.000526316 A");
        assertThat(q8.netlist()).contains("VI1 4 3 DC 0").contains("print i(VI1) ; measurement of I1");
    }

    @Test
    void theReferenceDecidesNumericOrSymbolic() {
        assertThat(CircuitSenseLoader.typeOf("6.54545 V")).isEqualTo(QuestionType.NUMERIC);
        assertThat(CircuitSenseLoader.typeOf("-6 dB")).isEqualTo(QuestionType.NUMERIC);
        assertThat(CircuitSenseLoader.typeOf("4.7 kΩ")).isEqualTo(QuestionType.NUMERIC);
        assertThat(CircuitSenseLoader.typeOf("10mA")).isEqualTo(QuestionType.NUMERIC);
        assertThat(CircuitSenseLoader.typeOf("1e-3")).isEqualTo(QuestionType.NUMERIC);
        assertThat(CircuitSenseLoader.typeOf("U0 = 5.5 V")).isEqualTo(QuestionType.NUMERIC);
        assertThat(CircuitSenseLoader.typeOf("R2/(R1 + R2)")).isEqualTo(QuestionType.SYMBOLIC);
        assertThat(CircuitSenseLoader.typeOf("1/s")).isEqualTo(QuestionType.SYMBOLIC);
        assertThat(CircuitSenseLoader.typeOf("2*s")).isEqualTo(QuestionType.SYMBOLIC);
        assertThat(CircuitSenseLoader.typeOf("H(s) = -R2/R1")).isEqualTo(QuestionType.SYMBOLIC);
        assertThat(CircuitSenseLoader.typeOf("((R4*(-R1*R2 - R1*R3)/(L1*(R1*R2 + R1*R3)))/(s + R1/L1))*1"))
                .isEqualTo(QuestionType.SYMBOLIC);
    }

    @Test
    void theFlatEquationDerivationLayoutIsNamedAfterItsFolder(@TempDir Path tmp) throws IOException {
        Path flat = tmp.resolve("equation_derivation_full");
        copy(Fixtures.path("circuitsense/Passive/Level1/q2"), flat.resolve("q2"));
        copy(Fixtures.path("circuitsense/Passive/Level2/q4"), flat.resolve("q15"));
        Files.move(flat.resolve("q15/q4_question.txt"), flat.resolve("q15/q15_question.txt"));
        Files.move(flat.resolve("q15/q4_ta.txt"), flat.resolve("q15/q15_ta.txt"));
        Files.move(flat.resolve("q15/q4_image.png"), flat.resolve("q15/q15_image.jpg"));
        Files.delete(flat.resolve("q15/q4_netlist.txt"));
        LoadResult r = loader.load(flat);
        assertThat(r.malformed()).isEmpty();
        assertThat(r.items()).extracting(EvalItem::id)
                .containsExactly("equation_derivation_full/q2", "equation_derivation_full/q15");
        EvalItem q15 = r.items().get(1);
        assertThat(q15.labels()).isEmpty();
        assertThat(q15.hasNetlist()).isFalse();
        assertThat(q15.images()).containsExactly(flat.resolve("q15/q15_image.jpg"));
        assertThat(q15.reference()).isEqualTo("C1*R1*s/(C1*L1*s**2 + C1*R1*s + 1)");
    }

    @Test
    void aFolderWithoutItsQuestionOrAnswerIsReportedAndTheOthersLoad() throws IOException {
        Path root = Fixtures.path("malformed/circuitsense");
        LoadResult r = loader.load(root);
        assertThat(r.items()).extracting(EvalItem::id).containsExactly("Passive/Level1/q1");
        assertThat(r.malformed()).extracting(m -> m.source().toString(), m -> m.message()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(root.resolve("Passive/Level1/q2").toString(),
                        "no q2_question.txt in q2; add the question text or remove the folder"),
                org.assertj.core.groups.Tuple.tuple(root.resolve("Passive/Level1/q3").toString(),
                        "no q3_ta.txt in q3; add the reference answer (a sympy expression or a number with its unit)"));
    }

    @Test
    void aMissingOrWrongPathSaysWhatToGive(@TempDir Path tmp) throws IOException {
        assertThatThrownBy(() -> loader.load(tmp.resolve("missing"))).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("<Domain>/<Level>/qN/");
        assertThatThrownBy(() -> loader.load(tmp)).isInstanceOf(IOException.class)
                .hasMessageContaining("no qN question folders found");
        Path file = Files.writeString(tmp.resolve("x.txt"), "x");
        assertThatThrownBy(() -> loader.load(file)).hasMessageContaining("CircuitSense items are folders");
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    private static Map<String, EvalItem> byId(LoadResult r) {
        return r.items().stream().collect(Collectors.toMap(EvalItem::id, Function.identity()));
    }
}
